"""What every dateline process pool shares: how workers start, and that they end with their parent.

Not stable API. A pool's workers are children of the dateline process; killed with SIGKILL,
that process cannot tell them to stop, and they would sleep forever, each holding a loaded
pipeline. A watchdog thread in each worker notices that its parent is gone (the worker was
handed to another parent) and ends the worker.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from multiprocessing.context import BaseContext

POLL_SECONDS = 1.0


def worker_context() -> BaseContext:
    """The multiprocessing context for a pool's workers."""
    # fork starts a worker in milliseconds with the parent's imports already done; where
    # it is unavailable or unsafe (Windows, macOS) workers are spawned and import afresh.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def exit_when_orphaned(poll_seconds: float = POLL_SECONDS) -> None:
    """Start a daemon thread in this worker that exits the process once its parent is gone.

    Does nothing in a process that was not started by ``multiprocessing``.
    """
    parent = multiprocessing.parent_process()
    if parent is None or parent.pid is None:
        return
    thread = threading.Thread(
        target=_watch_parent, args=(parent.pid, poll_seconds), name="dateline-orphan-watch",
        daemon=True,
    )  # fmt: skip
    thread.start()


def _watch_parent(parent_pid: int, poll_seconds: float) -> None:
    stopped = threading.Event()
    while not stopped.wait(poll_seconds):
        if os.getppid() != parent_pid:
            # The parent died without ending us: nothing is left to send results to.
            os._exit(1)
