"""Holding Qt's thread pool, so that a test's Cancel certainly comes before background work starts."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QThreadPool

from negotiator.ui.common.workers import Task, start


@contextmanager
def held_worker() -> Iterator[None]:
    """Occupy the pool's only thread for the duration; queued work runs once the block ends."""
    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(1)
    gate = threading.Event()
    start(Task(lambda: gate.wait(10)))
    try:
        yield
    finally:
        gate.set()
        pool.waitForDone(20_000)
        pool.setMaxThreadCount(threads)
