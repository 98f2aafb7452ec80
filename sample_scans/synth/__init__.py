"""Synthetic Baulastenakten: content, layout rendering, scan degradation, file writers.

Only Pillow and the standard library are used. Entry point: ``sample_scans/generate.py``.
"""
