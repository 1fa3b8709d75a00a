"""Reviewing a negotiation package before anything is written: what it adds, changes and refuses, and
where proposals compete. Import is the commit; afterwards the same lists say what was done."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QListWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from negotiator.services.package_report import ADDED, CHANGED, CONFLICT, REFUSED
from negotiator.ui.common.background import Job
from negotiator.ui.common.errors import show_error
from negotiator.ui.common.widgets import busy_bar
from negotiator.ui.common.workers import Task

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.package_report import ImportSummary
    from negotiator.services.session import Workspace


class ReportLists(QWidget):
    """The lines of an import report in labelled lists, one per kind; a kind with no line is hidden."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.titles = {ADDED: self.tr("Added"), CHANGED: self.tr("Changed"), REFUSED: self.tr("Refused"),
                       CONFLICT: self.tr("Conflicts")}
        tips = {ADDED: self.tr("What the package brings that this library does not have yet"),
                CHANGED: self.tr("Decisions the package brings on proposals held here"),
                REFUSED: self.tr("What is left out, and the rule that refuses it"),
                CONFLICT: self.tr("Proposals that compete for the same section or term")}
        self.headers: dict[str, QLabel] = {}
        self.lists: dict[str, QListWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for kind, title in self.titles.items():
            header, lines = QLabel(title), QListWidget()
            header.setBuddy(lines)
            lines.setToolTip(tips[kind])
            lines.setObjectName(f"{kind}Lines")
            # A line names the item and the rule: wrapped, it is read whole without scrolling sideways.
            lines.setWordWrap(True)
            lines.setResizeMode(QListView.ResizeMode.Adjust)
            lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            layout.addWidget(header)
            layout.addWidget(lines, 1)
            self.headers[kind], self.lists[kind] = header, lines

    def show_summary(self, summary: ImportSummary) -> None:
        """List the summary's lines under their kinds, with each kind's count."""
        for kind, title in self.titles.items():
            texts = summary.of_kind(kind)
            named = f"{title} ({len(texts)})"
            self.headers[kind].setText(named)
            self.lists[kind].setAccessibleName(named)
            self.lists[kind].clear()
            self.lists[kind].addItems(texts)
            self.headers[kind].setVisible(bool(texts))
            self.lists[kind].setVisible(bool(texts))


class ImportPackageDialog(QDialog):
    """Review what a package adds, changes and refuses, then import it (or cancel: nothing is written)."""

    imported = Signal(object)  # the summary of what was imported

    def __init__(self, workspace: Workspace, path: Path, preview: ImportSummary,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.path = workspace, path
        self.summary: ImportSummary | None = None
        self.task: Task | None = None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Import %1").replace("%1", path.name))
        self.resize(680, 480)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.report = ReportLists()
        self.conflicts = self.report.lists[CONFLICT]
        self.progress = busy_bar(self.tr("Importing the package"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self._describe(preview, self.tr("Nothing has been written yet. Importing into '%1' will add %2 proposal(s), "
                                        "%3 decision(s), %4 round(s) and %5 section(s)."))
        if not preview.changed_anything:
            self.caption.setText(self.tr("Importing this package would change nothing in this library: it has been "
                                         "imported already, or brings nothing new."))

    def _describe(self, summary: ImportSummary, caption: str) -> None:
        self.caption.setText(caption.replace("%1", summary.agreement).replace("%2", str(summary.added_proposals))
                             .replace("%3", str(summary.updated_proposals)).replace("%4", str(summary.added_rounds))
                             .replace("%5", str(summary.added_sections)))
        self.report.show_summary(summary)

    def run_import(self) -> None:
        """Import the package in one transaction, in the background; Cancel rolls it back."""
        if self.job is not None:
            return
        packages, path = self.workspace.packages, self.path
        self.job = Job(self.parent() or self, lambda cancelled: packages.import_file(path, cancelled=cancelled),
                       lambda summary: self.finished_import(summary) if isValid(self) else None,
                       lambda error: self.failed_import(error) if isValid(self) else None).start()
        self.task = self.job.task
        self.progress.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def cancel(self) -> None:
        """Stop a running import (nothing is imported) and close the dialog."""
        self.reject()

    def reject(self) -> None:
        """Cancel, Close or Escape: a running import stops and rolls back whole."""
        if self.task is not None and self.summary is None:
            self.task.cancelled = True  # the job's own flag: it may already have reported and gone
        super().reject()

    def finished_import(self, summary: ImportSummary) -> None:
        """The package is in: the lists now say what was done, and Close ends the review."""
        self.progress.hide()
        self.summary = summary
        self._describe(summary, self.tr("Imported into '%1': %2 proposal(s), %3 decision(s), %4 round(s) and "
                                        "%5 section(s)."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Close"))
        self.imported.emit(summary)

    def failed_import(self, error: BaseException) -> None:
        """Nothing was imported; say why."""
        self.progress.hide()
        self.job = None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        show_error(self, self.tr("The package was not imported"), error)
