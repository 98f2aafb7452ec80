"""baulast: scanned Baulast files in, checked and searchable e-file records out."""

__version__ = "0.1.0"
