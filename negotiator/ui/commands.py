"""One undoable command per user intent.

The library is append-only: undoing a revision appends a version that restores the previous
wording, and undoing a retirement reinstates the clause. Each edit is carried out first (so a
refused edit shows its message and never reaches the undo stack), then pushed as a command
whose first redo does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.library import ImportReport, LibraryService


Step = Callable[[], None]
Refresh = Callable[[str], None]  # told which clause changed ("" for many)
Report = Callable[[str, BaseException], None]


class LibraryEdit(QUndoCommand):
    """An edit already made, with how to undo and redo it."""

    def __init__(self, name: str, key: str, undo: Step, redo: Step, refresh: Refresh, report: Report) -> None:
        super().__init__(name)
        self.key = key
        self._undo, self._redo, self._refresh, self._report = undo, redo, refresh, report
        self._done = True

    def redo(self) -> None:
        if self._done:  # the edit itself ran before the command was pushed
            self._done = False
            return
        self._run(self._redo, f"Redo {self.text()}")

    def undo(self) -> None:
        self._run(self._undo, f"Undo {self.text()}")

    def _run(self, step: Step, action: str) -> None:
        try:
            step()
        except Exception as error:  # Qt cannot carry exceptions out of redo() and undo()
            self._report(action, error)
        self._refresh(self.key)


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
