"""The findings panel: where the agreements of the network contradict each other."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from negotiator.domain.network import Finding, Severity
from negotiator.ui.models.table_models import RowsModel

ID_ROLE = Qt.ItemDataRole.UserRole + 2


class FindingsModel(RowsModel[Finding]):
    """One row per finding: severity, then the plain-language message."""

    headers = ("Severity", "Finding")

    def cell(self, item: Finding, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.severity.value.capitalize(), item.message)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.message
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QColor("#cf222e") if item.severity is Severity.ERROR else QColor("#9a6700")
        if role == ID_ROLE:
            return item.agreement_id
        return None


class FindingsPanel(QWidget):
    """Lists the network findings; activating one opens the agreement it concerns."""

    agreement_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.summary = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Network findings"))
        self.table.setToolTip(self.tr("Where agreements contradict each other; press Enter to open the agreement"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def set_findings(self, findings: list[Finding]) -> None:
        """Show the current findings."""
        self.model.set_rows(findings)
        self.table.resizeRowsToContents()
        errors = sum(f.severity is Severity.ERROR for f in findings)
        self.summary.setText(self.tr("The contract network is consistent.") if not findings else
                             self.tr("%1 finding(s), %2 error(s): select one and press Enter to open it.")
                             .replace("%1", str(len(findings))).replace("%2", str(errors)))

    def _open(self, index: QModelIndex) -> None:
        agreement_id = index.siblingAtColumn(0).data(ID_ROLE)
        if agreement_id is not None:
            self.agreement_chosen.emit(agreement_id)
