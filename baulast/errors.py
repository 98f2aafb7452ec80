"""Exit codes (a stable, documented interface) and the exceptions that carry them.

The CLI converts an exception to its exit code at one edge; inside a batch a failed
file is a result with a reason, never an exception that stops the batch.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of `baulast`. Never renumber: cron jobs and scripts rely on them."""

    OK = 0  # everything done, nothing rejected
    INTERNAL_ERROR = 1  # a bug or an unexpected failure; see the log
    BAD_USAGE = 2  # wrong options or arguments (click's own code)
    SUCCESS_WITH_REJECTIONS = 3  # the batch finished; some files were rejected (see the report)
    NOTHING_TO_DO = 4  # no new file to process
    LOCKED = 5  # another ingest holds the lock
    DATABASE_UNREACHABLE = 6  # the database could not be opened or reached
    TOOLS_MISSING = 7  # Tesseract, its language data or poppler is not installed
    CLUSTER_UNREACHABLE = 8  # the Dask scheduler cannot be reached or went away; rerun to finish


class BaulastError(Exception):
    """Base class: an error with a message that says what to do next and an exit code."""

    exit_code: ExitCode = ExitCode.INTERNAL_ERROR


class BadUsage(BaulastError):
    """The user asked for something that cannot be done as asked."""

    exit_code = ExitCode.BAD_USAGE


class DatabaseUnreachable(BaulastError):
    """The database URL does not open."""

    exit_code = ExitCode.DATABASE_UNREACHABLE


class Locked(BaulastError):
    """Another process holds the ingest lock."""

    exit_code = ExitCode.LOCKED


class ToolsMissing(BaulastError):
    """An external program the pipeline needs is not installed."""

    exit_code = ExitCode.TOOLS_MISSING


class InputRejected(Exception):
    """A file cannot be processed; the message is the one-line reason kept in the ledger."""
