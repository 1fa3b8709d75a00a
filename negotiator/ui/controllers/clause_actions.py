"""The parts of the main window about the clause library: showing a clause, revising, restoring and
retiring it, each an undoable edit, and the library's search."""

from __future__ import annotations

from collections.abc import Callable

from negotiator.ui.common import commands
from negotiator.ui.common.commands import LibraryEdit
from negotiator.ui.common.errors import show_error
from negotiator.ui.controllers.host import WindowHost


class ClauseMixin(WindowHost):
    """Mixed into MainWindow, which provides service, clause_view, library_panel, agreements, the undo stack
    and report."""

    def show_clause(self, key: str) -> None:
        """Show a clause and its history in the clause view."""
        if self.service is None:
            return
        try:
            clause = self.service.clause(key)
            versions = self.service.history(key)
        except Exception as error:
            show_error(self, self.tr("The clause could not be shown"), error)
            return
        self.clause_view.show_clause(clause, versions)
        self.central.setCurrentWidget(self.clause_view)
        self.update_actions()

    def revise_clause(self, text: str | None = None, note: str = "") -> None:
        """Append a new version of the current clause (asking for the wording when not given)."""
        clause = self.clause_view.clause
        if self.service is None or clause is None:
            return
        if text is None:
            from negotiator.ui.dialogs.revise_dialog import ReviseDialog  # loaded when first opened

            dialog = ReviseDialog(self.service.version(clause.key), self)
            if dialog.exec() != ReviseDialog.DialogCode.Accepted:
                return
            text, note = dialog.wording.toPlainText(), dialog.note.text()
        service = self.service
        self._edit(self.tr("The clause was not revised"),
                   lambda: commands.revise(service, clause.key, text, note, self._refresh, self.report))

    def restore_version(self) -> None:
        """Make the selected version's wording current again."""
        clause, numbers = self.clause_view.clause, self.clause_view.selected_numbers()
        if self.service is None or clause is None or len(numbers) != 1:
            return
        service = self.service
        self._edit(self.tr("The version was not restored"),
                   lambda: commands.restore(service, clause.key, numbers[0], self._refresh, self.report))

    def toggle_retired(self) -> None:
        """Retire the current clause, or reinstate a retired one."""
        clause = self.clause_view.clause
        if self.service is None or clause is None:
            return
        service = self.service
        self._edit(self.tr("The clause was not changed"),
                   lambda: commands.retire(service, clause.key, not clause.retired, self._refresh, self.report))

    def compare_with_previous(self) -> None:
        """Select the current version and the one before it, showing their comparison."""
        numbers = self.clause_view.selected_numbers()
        if numbers and numbers[-1] > 1:
            self.clause_view.select_versions([numbers[-1] - 1, numbers[-1]])

    def focus_search(self) -> None:
        """Put the cursor in the library search box."""
        self.library_panel.focus_search()

    def _edit(self, failure: str, make: Callable[[], LibraryEdit]) -> None:
        try:
            command = make()
        except Exception as error:
            show_error(self, failure, error)
            return
        self.undo_stack.push(command)
        self._refresh(command.key)

    def _refresh(self, key: str) -> None:
        current = self.clause_view.clause
        self.library_panel.reload()
        self.agreements.reload()
        shown = key or (current.key if current else "")
        if shown and self.service is not None:
            self.show_clause(shown)
            clause = self.clause_view.clause
            if clause is not None:
                self.library_panel.select_key(clause.key, clause.category)
