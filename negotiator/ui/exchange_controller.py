"""Files between the parties, in the window: import a returned redline or a package, export a package."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow

from negotiator.domain.errors import InvalidInput
from negotiator.ui.errors import show_error
from negotiator.ui.import_dialogs import ImportPackageDialog, ImportRedlineDialog


class ExchangeController(QObject):
    """Imports and exports of the open library's negotiation."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window

    def import_redline(self, path: Path | None = None) -> ImportRedlineDialog | None:
        """Read a returned Word file and show what it will propose (the dialog imports on OK)."""
        ws, agreement = self.window.workspace, self.window.agreements.current
        if ws is None or agreement is None:
            show_error(self.window, self.tr("Nothing was imported"),
                       InvalidInput("Open the agreement the returned file belongs to first."))
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import Returned Redline"), "",
                                                    self.tr("Word documents (*.docx)"))
            if not chosen:
                return None
            path = Path(chosen)
        try:
            document = ws.returned.read(path)
        except Exception as error:
            show_error(self.window, self.tr("The file was not imported"), error)
            return None
        dialog = ImportRedlineDialog(ws, agreement, document, self.window)
        dialog.setObjectName("importRedlineDialog")
        dialog.accepted.connect(lambda: self._imported(f"{len(dialog.imported)} proposal(s) imported from "
                                                       f"{path.name}"))
        dialog.open()
        return dialog

    def import_package(self, path: Path | None = None) -> ImportPackageDialog | None:
        """Preview a package received from another party, then merge it."""
        ws = self.window.workspace
        if ws is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import Negotiation Package"), "",
                                                    self.tr("Negotiation packages (*.negotiation)"))
            if not chosen:
                return None
            path = Path(chosen)
        try:
            dialog = ImportPackageDialog(ws, path, self.window)
        except Exception as error:
            show_error(self.window, self.tr("The package was not imported"), error)
            return None
        dialog.setObjectName("importPackageDialog")
        dialog.accepted.connect(lambda: self._imported(f"Imported {path.name}"))
        dialog.open()
        return dialog

    def export_package(self, path: Path | None = None) -> Path | None:
        """Write the open agreement's negotiation as a package for the acting party to send."""
        ws, agreement, party = self.window.workspace, self.window.agreements.current, self.window.acting_party
        if ws is None or agreement is None:
            return None
        if not party:
            show_error(self.window, self.tr("No package was written"),
                       InvalidInput("Choose the party you act for first: Negotiation → Act For…"))
            return None
        if path is None:
            title = ws.agreements.agreement(agreement).title
            chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export Negotiation Package"),
                                                    str(Path.home() / f"{title}.negotiation"),
                                                    self.tr("Negotiation packages (*.negotiation)"))
            if not chosen:
                return None
            path = Path(chosen if chosen.endswith(".negotiation") else chosen + ".negotiation")
        try:
            ws.packages.export(agreement, party, path)
        except Exception as error:
            show_error(self.window, self.tr("No package was written"), error)
            return None
        self.window.statusBar().showMessage(self.tr("Wrote %1").replace("%1", str(path)))
        return path

    def _imported(self, message: str) -> None:
        self.window.undo_stack.clear()  # imported proposals are the other parties' words, not an edit here
        self.window.refresh_negotiation()
        self.window.statusBar().showMessage(message)
