"""Synthetic Baulastenakten: content, layout rendering, scan degradation, file writers.

Only Pillow and the standard library are used. Entry point: ``sample_scans/generate.py``.
"""

import importlib


class Later:
    """A sibling module imported on first use. The split modules (sheets_dev2 ... sheets_dev5) are imported by
    layouts at its end and use sheets_dev and sheets_more, which import layouts: importing those at once would break
    whichever module is imported first, and a split module half-way through its own import has not yet defined what
    the next one would take from it. This package is always imported whole before any of them."""

    def __init__(self, name: str):
        self.name = name

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(self.name, __package__), attr)
