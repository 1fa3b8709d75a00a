"""The history panel: the open agreement's negotiation record, who did what and when, and whether
its hash chain still holds (a record that has been tampered with says so in red)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from negotiator.domain.record import RecordEntry
from negotiator.ui.models.risk_share_model import PROBLEM_COLOUR
from negotiator.ui.models.table_models import RowsModel

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.record import AgreementRecord


class HistoryModel(RowsModel[RecordEntry]):
    """One row per event: when, who, what, and the reason given."""

    headers = ("No.", "When", "Who", "What", "Why")

    def cell(self, item: RecordEntry, column: int, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            local = item.at.astimezone()
            return (str(item.number), f"{local:%d %b %Y %H:%M}", item.actor, item.what, item.note)[column]
        return None


class HistoryPanel(QWidget):
    """Reads the record of the open agreement; nothing in it can be edited, only read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HistoryModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Record check"))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Negotiation history"))
        self.table.setToolTip(self.tr("Every proposal, decision and round of this agreement, oldest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Columns are sized from the last rows only: an agreement drafted section by section has a record of
        # hundreds of steps, and measuring every row each time it is shown would hold up opening it.
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.show_record(None)

    def show_record(self, record: AgreementRecord | None) -> None:
        """Show an agreement's record, or say there is none to show."""
        if record is None:
            self.model.set_rows([])
            self.summary.setText(self.tr("Open an agreement to see its negotiation history."))
            self.summary.setStyleSheet("")
            return
        self.model.set_rows(record.entries)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        if record.intact:
            self.summary.setText(self.tr("%n event(s). The record's hash chain checks out: nothing in it has "
                                         "been changed.", "", len(record.entries)))
            self.summary.setStyleSheet("")
        else:
            self.summary.setText(self.tr("The record has been altered outside Negotiator: %1 Keep the file as "
                                         "evidence and restore a backup (File → Restore from Backup).")
                                 .replace("%1", record.problems[0]))
            self.summary.setStyleSheet(f"color: {PROBLEM_COLOUR}; font-weight: bold;")
        if record.entries:
            self.table.scrollToBottom()
