"""Import dialogs: a returned Word redline (map each author to a party, preview the proposals,
then import) and a negotiation package (preview what it adds and its conflicts, then merge)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from negotiator.domain.returned import ReturnedDocument
from negotiator.ui.errors import show_error
from negotiator.ui.settings import Settings
from negotiator.ui.widgets import labelled_combo
from negotiator.ui.workers import Task, start

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.session import Workspace


class ImportRedlineDialog(QDialog):
    """Map the file's authors to parties, see what each change becomes, then import it."""

    def __init__(self, workspace: Workspace, agreement_id: int, document: ReturnedDocument,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.agreement_id, self.document = workspace, agreement_id, document
        self.settings = Settings()
        self.imported: list[int] = []
        agreement = workspace.agreements.agreement(agreement_id)
        self.setWindowTitle(self.tr("Import %1").replace("%1", document.name))
        self.resize(760, 520)
        remembered = json.loads(self.settings.get("author_map", workspace.location))
        members = [s.party.name for s in agreement.signatories]
        self.authors: dict[str, object] = {}
        form = QFormLayout()
        for author in document.authors:
            combo = labelled_combo(self.tr("Party of %1").replace("%1", author),
                                   [(self.tr("(choose the party)"), None)] + [(name, name) for name in members])
            guess = author if author in members else remembered.get(author)
            if guess in members:
                combo.setCurrentIndex(combo.findData(guess))
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
            self.authors[author] = combo
            form.addRow(self.tr("%1 acts for").replace("%1", author), combo)
        self.preview = QTableWidget(0, 3)
        self.preview.setAccessibleName(self.tr("Proposals the file will make"))
        self.preview.setToolTip(self.tr("Each change in the file and the proposal it becomes"))
        self.preview.setHorizontalHeaderLabels([self.tr("Party"), self.tr("Proposal"), self.tr("Note")])
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.notes = QListWidget()
        self.notes.setAccessibleName(self.tr("What was not imported"))
        self.notes.setToolTip(self.tr("Changes the app cannot turn into proposals; none is accepted"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Nothing is accepted by importing: each change becomes an open proposal "
                                        "of its party.")))
        layout.addLayout(form)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.plan = None
        self.refresh()

    def author_map(self) -> dict[str, str]:
        """The parties chosen for the file's authors."""
        return {author: combo.currentData() for author, combo in self.authors.items() if combo.currentData()}

    def refresh(self) -> None:
        """Work out the proposals for the current mapping, changing nothing."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            self.plan = self.workspace.returned.plan(self.agreement_id, self.document, self.author_map())
        except Exception as error:
            self.plan = None
            self.summary.setText(str(error))
            self.preview.setRowCount(0)
            ok.setEnabled(False)
            return
        self.preview.setRowCount(len(self.plan.plans))
        for row, plan in enumerate(self.plan.plans):
            for column, text in enumerate((plan.party, plan.describe(), plan.warning)):
                self.preview.setItem(row, column, QTableWidgetItem(text))
        self.notes.clear()
        self.notes.addItems(self.plan.notes)
        self.summary.setText(self.tr("%1 proposal(s) will be made.").replace("%1", str(len(self.plan.plans))))
        ok.setEnabled(bool(self.plan.plans))

    def run_import(self) -> None:
        """Make the proposals (all or none) and remember who acts for whom."""
        if self.plan is None:
            return
        try:
            self.workspace.returned.apply(self.agreement_id, self.plan)
        except Exception as error:
            show_error(self, self.tr("The file was not imported"), error)
            return
        remembered = json.loads(self.settings.get("author_map", self.workspace.location))
        self.settings.put("author_map", json.dumps({**remembered, **self.author_map()}), self.workspace.location)
        self.imported = list(self.plan.made)
        self.accept()


class ImportPackageDialog(QDialog):
    """Preview what a package adds and where it conflicts, then merge it."""

    def __init__(self, workspace: Workspace, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.path = workspace, path
        self.summary = None
        self.setWindowTitle(self.tr("Import %1").replace("%1", path.name))
        self.resize(620, 360)
        preview = workspace.packages.preview(path)  # refuses a damaged or hostile file before showing anything
        self.caption = QLabel(self.tr("Importing into '%1' will add %2 proposal(s), %3 decision(s), %4 round(s) and "
                                      "%5 section(s).").replace("%1", preview.agreement)
                              .replace("%2", str(preview.added_proposals))
                              .replace("%3", str(preview.updated_proposals))
                              .replace("%4", str(preview.added_rounds)).replace("%5", str(preview.added_sections)))
        if not preview.changed_anything:
            self.caption.setText(self.tr("Nothing new: this package has been imported already."))
        self.caption.setWordWrap(True)
        self.conflicts = QListWidget()
        self.conflicts.setAccessibleName(self.tr("Conflicts"))
        self.conflicts.setToolTip(self.tr("Where the package and this library disagree"))
        self.conflicts.addItems(preview.conflicts)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.task: Task | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(QLabel(self.tr("Conflicts:")))
        layout.addWidget(self.conflicts, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    def run_import(self) -> None:
        """Merge the package in one transaction, in the background; Cancel rolls it back."""
        task = Task(lambda: self.workspace.packages.import_file(self.path, cancelled=lambda: task.cancelled))
        self.task = task
        self.job = _ImportJob(self, task)
        self.progress.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        start(task)

    def cancel(self) -> None:
        """Stop a running import (nothing is imported) or close the dialog."""
        if self.task is not None and self.summary is None:
            self.task.cancelled = True
        self.reject()

    def finished_import(self, summary: object) -> None:
        """The package is in."""
        self.progress.hide()
        self.summary = summary
        self.accept()

    def failed_import(self, error: BaseException) -> None:
        """Nothing was imported; say why."""
        self.progress.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        show_error(self, self.tr("The package was not imported"), error)


class _ImportJob(QObject):
    """Brings a background import's result back to the UI thread, even if the dialog has gone."""

    def __init__(self, dialog: ImportPackageDialog, task: Task) -> None:
        super().__init__(dialog.parent())
        self.dialog, self.task = dialog, task
        task.signals.finished.connect(self.finished)
        task.signals.failed.connect(self.failed)

    @Slot(object)
    def finished(self, summary: object) -> None:
        """Tell the dialog, if it is still open."""
        if isValid(self.dialog) and not self.task.cancelled:
            self.dialog.finished_import(summary)
        self.deleteLater()

    @Slot(object)
    def failed(self, error: BaseException) -> None:
        """Tell the dialog, unless the user cancelled."""
        if isValid(self.dialog) and not self.task.cancelled:
            self.dialog.failed_import(error)
        self.deleteLater()
