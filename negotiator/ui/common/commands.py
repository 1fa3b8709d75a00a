"""One undoable command per user intent.

The library is append-only: undoing a revision appends a version that restores the previous
wording, and undoing a retirement reinstates the clause. Each edit is carried out first (so a
refused edit shows its message and never reaches the undo stack), then pushed as a command
whose first redo does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.library import ImportReport, LibraryService


Step = Callable[[], object]  # what the step returns (the version made, say) is not used
Refresh = Callable[[str], None]  # told which clause changed ("" for many)
Report = Callable[[str, BaseException], None]


class LibraryEdit(QUndoCommand):
    """An edit already made, with how to undo and redo it."""

    def __init__(self, name: str, key: str, undo: Step, redo: Step, refresh: Refresh, report: Report) -> None:
        super().__init__(name)
        self.key = key
        self._undo, self._redo, self._refresh, self._report = undo, redo, refresh, report
        self._skip = True  # the edit itself ran before the command was pushed
        self.failed: str | None = None  # "undo" or "redo" when the last attempt was refused

    def redo(self) -> None:
        """Carry the edit out again (not the first time: it was carried out before it was pushed)."""
        if self._skip:
            self._skip = False
            return
        self._run(self._redo, "redo", f"Redo {self.text()}")

    def undo(self) -> None:
        """Take the edit back."""
        if self._skip:  # the stack stepping back over a redo that failed: nothing was done to take back
            self._skip = False
            return
        self._run(self._undo, "undo", f"Undo {self.text()}")

    def pass_over(self) -> None:
        """Let the stack step back over a refused undo or redo without running anything."""
        self.failed, self._skip = None, True

    def _run(self, step: Step, which: str, action: str) -> None:
        try:
            step()
        except Exception as error:  # Qt cannot carry exceptions out of redo() and undo()
            self.failed = which
            self._report(action, error)
        self._refresh(self.key)


class UndoStack(QUndoStack):
    """Qt's undo stack, except that a step whose undo or redo is refused (another user changed the same
    thing meanwhile) stays where it was: the next Undo offers the same step again, not the one before."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Queued: the stack cannot be stepped again from inside the step that failed.
        self.indexChanged.connect(self._put_back, Qt.ConnectionType.QueuedConnection)

    def _put_back(self, _index: int) -> None:
        undone, redone = self.command(self.index()), self.command(self.index() - 1)
        for command, failed, step in ((undone, "undo", self.redo), (redone, "redo", self.undo)):
            if isinstance(command, LibraryEdit) and command.failed == failed:
                command.pass_over()
                step()  # back over the failed step, which does nothing this time
                return


def revise(service: LibraryService, key: str, text: str, note: str, refresh: Refresh, report: Report) -> LibraryEdit:
    """Give a clause new wording."""
    previous = service.version(key).number
    made = service.revise(key, text, note)
    return LibraryEdit(
        "Revise clause", key, lambda: service.restore(key, previous), lambda: service.restore(key, made.number),
        refresh, report,
    )


def restore(service: LibraryService, key: str, number: int, refresh: Refresh, report: Report) -> LibraryEdit:
    """Make an old version's wording current again."""
    previous = service.version(key).number
    made = service.restore(key, number)
    return LibraryEdit(
        f"Restore version {number}", key, lambda: service.restore(key, previous),
        lambda: service.restore(key, made.number), refresh, report,
    )


def retire(service: LibraryService, key: str, retired: bool, refresh: Refresh, report: Report) -> LibraryEdit:
    """Retire a clause or reinstate it."""
    service.set_retired(key, retired)
    return LibraryEdit(
        "Retire clause" if retired else "Reinstate clause", key,
        lambda: service.set_retired(key, not retired), lambda: service.set_retired(key, retired), refresh, report,
    )


def imported(service: LibraryService, report_of_import: ImportReport, refresh: Refresh, report: Report) -> LibraryEdit:
    """An import just made: undo retires the clauses it added, redo reinstates them."""
    keys = report_of_import.keys

    def set_all(retired: bool) -> None:
        for key in keys:
            service.set_retired(key, retired)

    return LibraryEdit(
        f"Import {report_of_import.source}", "", lambda: set_all(True), lambda: set_all(False), refresh, report
    )
