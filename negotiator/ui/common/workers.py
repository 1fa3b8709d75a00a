"""Long work off the UI thread: a task runs in Qt's thread pool and its result arrives by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """What a background task reports back to the window."""

    finished = Signal(object)  # the result
    failed = Signal(object)  # the exception


class Task(QRunnable):
    """Run a function in the thread pool; the window hears back through ``signals``."""

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self.cancelled = False

    def run(self) -> None:  # runs in a worker thread
        try:
            result = self.work()
        except Exception as error:  # reported to the window, which shows it in plain words
            log.info("background task failed: %s", error)
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


def start(task: Task) -> Task:
    """Queue a task in the global thread pool."""
    QThreadPool.globalInstance().start(task)
    return task
