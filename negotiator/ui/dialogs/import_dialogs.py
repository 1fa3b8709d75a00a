"""Importing a returned Word redline: map each author to a party, preview the proposals, then import.
(A negotiation package is reviewed in package_review.py.)"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from negotiator.domain.returned import ReturnedDocument
from negotiator.ui.common.background import Job
from negotiator.ui.common.errors import show_error
from negotiator.ui.common.settings import Settings
from negotiator.ui.common.widgets import busy_bar, labelled_combo

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.returned import ReturnedImport
    from negotiator.services.session import Workspace


class ImportRedlineDialog(QDialog):
    """Map the file's authors to parties, see what each change becomes, then import it.

    Working out the proposals and making them both run in the background: a long file never freezes
    the window, a newer mapping replaces an older preview, and Cancel rolls an import back whole."""

    def __init__(self, workspace: Workspace, agreement_id: int, document: ReturnedDocument,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.agreement_id, self.document = workspace, agreement_id, document
        self.settings = Settings()
        self.imported: list[int] = []
        self.planning = 0  # the number of the latest preview asked for; older ones are dropped
        self.plan: ReturnedImport | None = None
        self.job: Job | None = None
        agreement = workspace.agreements.agreement(agreement_id)
        self.setWindowTitle(self.tr("Import %1").replace("%1", document.name))
        self.resize(760, 520)
        remembered = json.loads(self.settings.text("author_map", workspace.location))
        members = [s.party.name for s in agreement.signatories]
        self.authors: dict[str, QComboBox] = {}
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
        self.progress = busy_bar(self.tr("Working out the proposals"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Nothing is accepted by importing: each change becomes an open proposal "
                                        "of its party.")))
        layout.addLayout(form)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.refresh()

    def author_map(self) -> dict[str, str]:
        """The parties chosen for the file's authors."""
        return {author: combo.currentData() for author, combo in self.authors.items() if combo.currentData()}

    @property
    def busy(self) -> bool:
        """Whether a preview or an import is still running."""
        return self.progress.isVisibleTo(self)

    def refresh(self) -> None:
        """Work out the proposals for the current mapping in the background, changing nothing."""
        self.planning += 1
        number, mapping = self.planning, self.author_map()
        ws, agreement, document = self.workspace, self.agreement_id, self.document
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.progress.show()
        Job(self.parent() or self, lambda _cancelled: ws.returned.plan(agreement, document, mapping),
            lambda plan: self._planned(number, plan, None), lambda error: self._planned(number, None, error)).start()

    def _planned(self, number: int, plan: ReturnedImport | None, error: BaseException | None) -> None:
        if not isValid(self) or number != self.planning:
            return  # the dialog has closed, or the user has changed the mapping since
        self.progress.hide()
        self.plan = plan
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if plan is None:
            self.summary.setText(str(error))
            self.preview.setRowCount(0)
            ok.setEnabled(False)
            return
        self.preview.setRowCount(len(plan.plans))
        for row, item in enumerate(plan.plans):
            for column, text in enumerate((item.party, item.describe(), item.warning)):
                self.preview.setItem(row, column, QTableWidgetItem(text))
        self.notes.clear()
        self.notes.addItems(plan.notes)
        self.summary.setText(self.tr("%1 proposal(s) will be made.").replace("%1", str(len(plan.plans))))
        ok.setEnabled(bool(plan.plans))

    def run_import(self) -> None:
        """Make the proposals (all or none) in the background, and remember who acts for whom."""
        if self.plan is None or self.busy:
            return
        ws, agreement, plan, mapping = self.workspace, self.agreement_id, self.plan, self.author_map()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.progress.setAccessibleName(self.tr("Importing the proposals"))
        self.progress.show()
        self.job = Job(self.parent() or self, lambda cancelled: ws.returned.apply(agreement, plan, cancelled),
                       lambda _none: self._imported(plan, mapping), self._import_failed).start()

    def _imported(self, plan: ReturnedImport, mapping: dict[str, str]) -> None:
        remembered = json.loads(self.settings.text("author_map", self.workspace.location))
        self.settings.put("author_map", json.dumps({**remembered, **mapping}), self.workspace.location)
        if isValid(self):
            self.progress.hide()
            self.imported = list(plan.made)
            self.accept()

    def _import_failed(self, error: BaseException) -> None:
        if isValid(self):
            self.progress.hide()
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
            show_error(self, self.tr("The file was not imported"), error)

    def cancel(self) -> None:
        """Stop a running import (nothing is imported) and close the dialog."""
        if self.job is not None and isValid(self.job) and not self.job.finished:
            self.job.cancel()
        self.reject()
