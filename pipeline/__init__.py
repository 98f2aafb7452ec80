"""Batch stages: intake, pages, preprocess, ocr, classify, extract, validate, efile, run."""
