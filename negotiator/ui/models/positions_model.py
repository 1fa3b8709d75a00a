"""The positions matrix as a table: items down, parties across, each cell that party's position."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from negotiator.domain.positions import PositionRow, Stance, cell_words
from negotiator.ui.common.colours import qcolour
from negotiator.ui.models.table_models import RowsModel

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.positions_matrix import Positions

TARGET_ROLE = Qt.ItemDataRole.UserRole + 5
Index = QModelIndex | QPersistentModelIndex


class PositionsModel(RowsModel[PositionRow]):
    """Columns: the item, one per party, and whether the parties have converged."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.positions: Positions | None = None

    def set_positions(self, positions: Positions | None) -> None:
        """Show a new matrix."""
        self.beginResetModel()
        self.positions = positions
        self.headers = ("Item", *(p.short_name for p in positions.parties), "Converged") if positions else ()
        self._rows = list(positions.rows) if positions else []
        self.endResetModel()

    def cell(self, item: PositionRow, column: int, role: int) -> object:
        parties = self.positions.parties if self.positions else ()  # rows are shown only with their positions
        last = len(parties) + 1
        if role == TARGET_ROLE:
            return item.target
        if column == 0:
            return item.label if role == Qt.ItemDataRole.DisplayRole else (
                item.current if role == Qt.ItemDataRole.ToolTipRole else None)
        if column == last:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("yes") if item.converged else self.tr("no")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#1a7f37") if item.converged else QColor("#cf222e")
            return None
        position = item.cells[column - 1]
        party = parties[column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_words(item, position)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{party.name}: {cell_words(item, position)}"
        if role == Qt.ItemDataRole.ForegroundRole and position.stance is not Stance.SILENT:
            return qcolour(party.saved_id, [p.saved_id for p in parties])
        return None
