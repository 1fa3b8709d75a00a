"""Files between the parties, in the window: import a returned redline or a package, export a package."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from negotiator.domain.errors import InvalidInput
from negotiator.ui.common.background import Job, run_with_progress
from negotiator.ui.common.errors import show_error
from negotiator.ui.controllers.host import WindowHost

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted, the dialogs when first opened
    from negotiator.domain.returned import ReturnedDocument
    from negotiator.services.package_report import ImportSummary
    from negotiator.ui.dialogs.fingerprints_dialog import FingerprintsDialog
    from negotiator.ui.dialogs.import_dialogs import ImportRedlineDialog
    from negotiator.ui.dialogs.package_review import ImportPackageDialog


class ExchangeController(QObject):
    """Imports and exports of the open library's negotiation."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.redline_dialog: ImportRedlineDialog | None = None
        self.package_dialog: ImportPackageDialog | None = None

    def import_redline(self, path: Path | None = None) -> Job | None:
        """Read a returned Word file in the background, then show what it will propose (the dialog
        imports on OK). The dialog, once open, is ``redline_dialog``."""
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
        self.redline_dialog = None

        def failed(error: BaseException) -> None:
            show_error(self.window, self.tr("The file was not imported"), error)
        return run_with_progress(self.window, self.tr("Reading %1…").replace("%1", path.name),
                                 lambda _cancelled: ws.returned.read(path),
                                 lambda document: self._show_redline(agreement, document, path),
                                 failed)

    def _show_redline(self, agreement: int, document: ReturnedDocument, path: Path) -> None:
        ws = self.window.workspace
        if ws is None:
            return
        from negotiator.ui.dialogs.import_dialogs import ImportRedlineDialog

        dialog = ImportRedlineDialog(ws, agreement, document, self.window)
        dialog.setObjectName("importRedlineDialog")
        dialog.accepted.connect(lambda: self._imported(f"{len(dialog.imported)} proposal(s) imported from "
                                                       f"{path.name}"))
        dialog.open()
        self.redline_dialog = dialog

    def import_package(self, path: Path | None = None) -> Job | None:
        """Check and preview a package received from another party in the background, then show what it
        adds, changes and refuses; only the dialog's Import writes. The dialog, once open, is ``package_dialog``."""
        ws = self.window.workspace
        if ws is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import Negotiation Package"), "",
                                                    self.tr("Negotiation packages (*.negotiation)"))
            if not chosen:
                return None
            path = Path(chosen)
        self.package_dialog = None
        # The preview refuses a damaged or hostile file (or a package refused whole) before anything is shown,
        # in plain words, and writes nothing: it runs in a transaction that is rolled back.
        def failed(error: BaseException) -> None:
            show_error(self.window, self.tr("The package was not imported"), error)
        return run_with_progress(self.window, self.tr("Checking %1…").replace("%1", path.name),
                                 lambda _cancelled: ws.packages.preview(path),
                                 lambda preview: self._show_package(path, preview), failed)

    def _show_package(self, path: Path, preview: ImportSummary) -> None:
        ws = self.window.workspace
        if ws is None:
            return
        from negotiator.ui.dialogs.package_review import ImportPackageDialog

        dialog = ImportPackageDialog(ws, path, preview, self.window)
        dialog.setObjectName("importPackageDialog")
        dialog.imported.connect(lambda _summary: self._imported(f"Imported {path.name}"))
        dialog.open()
        self.package_dialog = dialog

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

    def show_fingerprints(self) -> FingerprintsDialog | None:
        """Show this library's key fingerprint and the pinned ones (the dialog, once open)."""
        ws = self.window.workspace
        if ws is None:
            return None
        try:
            from negotiator.ui.dialogs.fingerprints_dialog import FingerprintsDialog

            dialog = FingerprintsDialog(ws.trust.own(), ws.trust.trusted(), self.window)
        except Exception as error:
            show_error(self.window, self.tr("The fingerprints cannot be shown"), error)
            return None
        dialog.setObjectName("fingerprintsDialog")
        dialog.open()
        return dialog

    def _imported(self, message: str) -> None:
        self.window.undo_stack.clear()  # imported proposals are the other parties' words, not an edit here
        self.window.refresh_negotiation()
        self.window.statusBar().showMessage(message)
