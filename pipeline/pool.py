"""The worker processes of a batch on this machine, and how they start early.

Workers are forked from a server process that has imported the per-file task's modules
(NumPy, OpenCV, Pillow, pypdf) once. Starting that server takes about half a second; started
first thing, it imports while the batch's own process imports the database layer, checks the
tools and hashes the files, instead of after them. Importing this module costs nothing more
than the standard library.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
from concurrent.futures import ProcessPoolExecutor

_PRELOAD = ["pipeline.task"]


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def start_server() -> None:
    """Start the server process the workers are forked from, without waiting for it to be ready.

    A batch that needs no worker after all (every file known already) leaves it idle; it ends
    with this process.
    """
    _context()
    multiprocessing.forkserver.ensure_running()


def init_worker() -> None:
    """Each worker's Tesseract uses one core: parallelism comes from the processes."""
    os.environ["OMP_THREAD_LIMIT"] = "1"


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of worker processes started from a clean server process (no inherited threads).

    The server process imports the task's modules once; each worker starts as a copy of it.
    """
    return ProcessPoolExecutor(workers, mp_context=_context(), initializer=init_worker)


def _context() -> multiprocessing.context.ForkServerContext:
    """The forkserver context, its server told to import the task's modules before forking."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context
