"""The export dialog: what to export (clean or redline, mode, round), the template and the file,
how many changes each party has in it, and the export itself off the UI thread."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)
from shiboken6 import isValid

from negotiator.domain.document import authors
from negotiator.domain.errors import NegotiatorError
from negotiator.ui.common.background import Job
from negotiator.ui.common.errors import show_error
from negotiator.ui.common.settings import Settings
from negotiator.ui.common.widgets import labelled_combo
from negotiator.ui.common.workers import Task

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.export import ExportReport
    from negotiator.services.session import Workspace


class ExportDialog(QDialog):
    """Choose and write a Word export of one agreement."""

    def __init__(self, workspace: Workspace, agreement_id: int, exporter: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.agreement_id, self.exporter = workspace, agreement_id, exporter
        self.task: Task | None = None
        self.written: Path | None = None
        agreement = workspace.agreements.agreement(agreement_id)
        self.setWindowTitle(self.tr("Export %1 to Word").replace("%1", agreement.title))
        self.resize(600, 360)
        self.kind = labelled_combo(self.tr("Kind of export"), [
            (self.tr("Redline: agreed changes since a round"), "agreed"),
            (self.tr("Redline: agreed changes between two rounds"), "between"),
            (self.tr("Redline: everything since a round (agreed changes and every party's open proposals)"),
             "open"),
            *[(self.tr("Redline: proposals of %1").replace("%1", s.party.name), f"party:{s.party.short_name}")
              for s in agreement.signatories],
            (self.tr("Clean: the agreement as it stands"), "clean"),
        ])
        rounds = workspace.rounds.rounds(agreement_id)
        self.round = labelled_combo(self.tr("Round"), [(r.label, r.label) for r in reversed(rounds)])
        self.to_round = labelled_combo(self.tr("To round"), [(r.label, r.label) for r in reversed(rounds)])
        # A redline since the round the agreement still is shows nothing: start from the one before it.
        unchanged = workspace.export.unchanged_round(agreement_id)
        if unchanged is not None and self.round.count() > 1 and self.round.currentData() == unchanged:
            self.round.setCurrentIndex(1)
        self.template = QLineEdit()
        self.template.setPlaceholderText(self.tr("The standard template"))
        self.template.setAccessibleName(self.tr("Word template"))
        self.template.setToolTip(self.tr("A .docx whose styles (Normal, Title, Headings) the export uses"))
        browse_template = QPushButton(self.tr("Choose…"))
        browse_template.setToolTip(self.tr("Choose a firm's own Word template"))
        browse_template.clicked.connect(self._choose_template)
        default = Path.home() / f"{agreement.title}.docx"
        self.target = QLineEdit(str(default))
        self.target.setAccessibleName(self.tr("File to write"))
        self.target.setToolTip(self.tr("Where the .docx is saved"))
        browse_target = QPushButton(self.tr("Browse…"))
        browse_target.setToolTip(self.tr("Choose where to save the document"))
        browse_target.clicked.connect(self._choose_target)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.open_document = self.buttons.addButton(self.tr("Open &Document"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.open_document.setToolTip(self.tr("Open the saved document in your word processor"))
        self.open_document.hide()
        self.open_document.clicked.connect(self._open_document)
        self.open_folder = self.buttons.addButton(self.tr("Open &Folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder.setToolTip(self.tr("Show the folder the document was saved in"))
        self.open_folder.hide()
        self.open_folder.clicked.connect(self._open_folder)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self._cancel)
        form = QFormLayout(self)
        form.addRow(self.tr("&Export"), self.kind)
        form.addRow(self.tr("&Since round"), self.round)
        form.addRow(self.tr("T&o round"), self.to_round)
        self._form = form
        form.addRow(self.tr("&Template"), _beside(self.template, browse_template))
        form.addRow(self.tr("&File"), _beside(self.target, browse_target))
        form.addRow(self.summary)
        form.addRow(self.progress)
        form.addRow(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self.update_summary())
        self.round.currentIndexChanged.connect(lambda _i: self.update_summary())
        self.to_round.currentIndexChanged.connect(lambda _i: self.update_summary())
        self._recall()
        self.update_summary()

    def update_summary(self) -> None:
        """Say how many changes each party has in the export as chosen."""
        mode = self.kind.currentData()
        self.round.setEnabled(mode != "clean")
        self._form.setRowVisible(self.to_round, mode == "between")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(self.task is None)  # not mid-export
        if mode == "clean":
            self.summary.setText(self.tr("A clean copy with no tracked changes."))
            return
        if self.round.count() == 0:
            self.summary.setText(self.tr("Issue a round first: a redline shows the changes since a round."))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return
        try:
            document = self.workspace.export.redline_document(
                self.agreement_id, self.round.currentData(), "agreed" if mode == "between" else mode, self.exporter,
                self.to_round.currentData() if mode == "between" else None)
        except Exception as error:
            self.summary.setText(str(error))  # Save stays: pressing it says the same in a dialog
            return
        counts = authors(document)
        lines = [f"{author}: {count} change(s)" for author, count in sorted(counts.items())] or [
            self.tr("No changes since this round.")]
        self.summary.setText("\n".join(lines))

    def export(self) -> None:
        """Write the export in the background; the dialog stays responsive and can cancel. A redline
        needs the party the user acts for (its new round label goes under that party's name)."""
        mode, out = self.kind.currentData(), Path(self.target.text()).expanduser()
        if mode != "clean":
            try:
                self.workspace.export.check_exporter(self.agreement_id, self.exporter)
            except NegotiatorError as error:
                self._failed(error)
                return
        template = Path(self.template.text()).expanduser() if self.template.text().strip() else None
        partial = out.with_name(f".{out.stem}.partial.docx")
        ws, agreement, label, exporter = self.workspace, self.agreement_id, self.round.currentData(), self.exporter
        later = self.to_round.currentData() if mode == "between" else None
        self._remember()

        def work(_cancelled: Callable[[], bool]) -> ExportReport:
            if mode == "clean":
                return ws.export.export_clean(agreement, partial, None, template)
            return ws.export.export_redline(agreement, partial, label, "agreed" if later else mode, exporter,
                                            template, later)

        def written(report: ExportReport) -> None:
            if not isValid(self):  # the dialog was closed meanwhile: nobody asked for the file any more
                partial.unlink(missing_ok=True)
                return
            os.replace(partial, out)  # the finished file appears whole, never half-written
            self._done(report, out)

        def broke(error: BaseException) -> None:
            partial.unlink(missing_ok=True)
            if isValid(self):
                self._failed(error)

        # The job belongs to the window, so a cancelled or abandoned export's partial file is still removed.
        self.job = Job(self.parent() or self, work, written, broke,
                       discarded=lambda: partial.unlink(missing_ok=True)).start()
        self.task = self.job.task
        self.progress.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)

    def _done(self, report: ExportReport, out: Path) -> None:
        self.progress.hide()
        self.written = out
        warnings = "".join(f"\nWarning: {w}" for w in report.warnings)
        self.summary.setText(self.tr("Saved %1.").replace("%1", str(out)) + warnings)
        self.open_folder.show()
        self.open_document.show()
        self.task = None  # done: saving again, with the same or other choices, is a new export
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        show_error(self, self.tr("The export was not written"), error)

    def _cancel(self) -> None:
        if self.task is not None and self.written is None:
            self.task.cancelled = True
        self.reject()

    def _choose_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Word Template"), "", self.tr("Word documents (*.docx)"))
        if path:
            self.template.setText(path)

    def _choose_target(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Export"), self.target.text(),
                                              self.tr("Word documents (*.docx)"))
        if path:
            self.target.setText(path if path.endswith(".docx") else path + ".docx")

    def _open_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

    def _open_document(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))

    def _scope(self) -> str:
        return f"{self.workspace.location}#{self.agreement_id}"

    def _remember(self) -> None:
        """Keep this agreement's choices for the next export of it."""
        choices = {"kind": self.kind.currentData(), "round": self.round.currentData(),
                   "to_round": self.to_round.currentData(), "template": self.template.text(),
                   "target": self.target.text()}
        Settings().put("export_choices", json.dumps(choices), self._scope())

    def _recall(self) -> None:
        """Choose as last time for this agreement, where those choices still exist."""
        try:
            choices = json.loads(str(Settings().get("export_choices", self._scope())))
        except ValueError:
            return
        if not isinstance(choices, dict):
            return
        for combo, key in ((self.kind, "kind"), (self.round, "round"), (self.to_round, "to_round")):
            index = combo.findData(choices.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        for field, key in ((self.template, "template"), (self.target, "target")):
            if isinstance(choices.get(key), str) and choices[key]:
                field.setText(choices[key])


def _beside(field: QWidget, button: QPushButton) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    layout.addWidget(button)
    return box
