"""`python -m baulast` runs the command line, like the `baulast` script."""

from baulast.cli import main

main()
