"""Long work with a progress dialog and Cancel: the window stays live, and the result lands by signal.

A job belongs to the window (not to a dialog that may close first), so its result always reaches the
UI thread. Cancelling asks the work to stop at its next safe point (the services roll back whole), and
whatever arrives after a cancel is dropped, so the user never sees a result they walked away from.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from negotiator.domain.errors import Cancelled
from negotiator.ui.common.workers import Task, start

# Quick work finishes before the dialog would show, so nothing flashes on screen.
SHOW_AFTER_MS = 300

T = TypeVar("T")  # what the work returns
U = TypeVar("U")


class Job(QObject):
    """One piece of work in the thread pool, reported back on the UI thread unless cancelled."""

    progress: QProgressDialog  # set by run_with_progress for the work it runs

    def __init__(self, owner: QObject, work: Callable[[Callable[[], bool]], T],
                 done: Callable[[T], object], failed: Callable[[BaseException], object],
                 discarded: Callable[[], object] | None = None) -> None:
        """``discarded`` tidies up after work whose result arrives once the user has cancelled it."""
        super().__init__(owner)
        self.task = Task(lambda: work(self.is_cancelled))
        self.done: Callable[[Any], object] = done  # given what ``work`` returned (the task carries it as an object)
        self.failed, self.discarded, self.finished = failed, discarded, False
        self.task.signals.finished.connect(self._finished)
        self.task.signals.failed.connect(self._failed)

    def start(self) -> Job:
        """Queue the work."""
        start(self.task)
        return self

    def is_cancelled(self) -> bool:
        """Asked by the work between its steps (from the worker thread)."""
        return self.task.cancelled

    def cancel(self) -> None:
        """Stop waiting for the work; it stops at its next check and rolls back."""
        self.task.cancelled = True

    @Slot(object)
    def _finished(self, result: object) -> None:
        self.finished = True
        if not self.task.cancelled:
            self.done(result)
        elif self.discarded is not None:
            self.discarded()
        self.deleteLater()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self.finished = True
        if not self.task.cancelled and not isinstance(error, Cancelled):
            self.failed(error)
        elif self.discarded is not None:
            self.discarded()
        self.deleteLater()


def run_with_progress(parent: QWidget, label: str, work: Callable[[Callable[[], bool]], T],
                      done: Callable[[T], object], failed: Callable[[BaseException], object],
                      cancelled: Callable[[], None] | None = None) -> Job:
    """Run ``work(cancelled)`` in the background behind a progress dialog with a Cancel button
    (``cancelled()`` is called if the user presses it)."""
    dialog = QProgressDialog(label, parent.tr("Cancel"), 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(parent.tr("Negotiator"))
    dialog.setAccessibleName(parent.tr("Progress"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)  # the window repaints, but takes no edits meanwhile
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def finish(then: Callable[[U], object], value: U) -> None:
        dialog.canceled.disconnect()
        dialog.hide()
        dialog.deleteLater()
        then(value)

    job = Job(parent, work, lambda result: finish(done, result), lambda error: finish(failed, error))
    job.progress = dialog

    def cancel() -> None:
        job.cancel()
        dialog.deleteLater()
        if cancelled is not None:
            cancelled()

    dialog.canceled.connect(cancel)
    dialog.setValue(0)  # starts the minimum-duration clock
    return job.start()
