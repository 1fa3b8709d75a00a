"""Table models over the services' plain data: a clause's versions, and search results."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from negotiator.domain.clauses import ClauseVersion
from negotiator.domain.search import SearchHit, plain_snippet

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
Row = TypeVar("Row")  # the plain object behind each row


class RowsModel(QAbstractTableModel, Generic[Row]):
    """A table over a list of plain objects; subclasses say what each cell shows."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_item(self, row: int) -> Row:
        """The plain object behind a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.headers):
            return self.tr(self.headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, item: Row, column: int, role: int) -> object:
        """What one cell shows for one role."""
        raise NotImplementedError


class HistoryModel(RowsModel[ClauseVersion]):
    """A clause's versions, newest first."""

    headers = ("Version", "Date", "Author", "Note")

    def cell(self, item: ClauseVersion, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            local = item.created_at.astimezone()
            return (str(item.number), local.strftime("%d %b %Y %H:%M"), item.author, item.note)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"SHA-256 {item.content_hash}"
        if role == KEY_ROLE:
            return item.number
        return None


class SearchModel(RowsModel[SearchHit]):
    """Search hits, best first."""

    headers = ("Clause", "Category", "Match")

    def cell(self, item: SearchHit, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.title, item.category, plain_snippet(item.snippet, "«", "»"))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.key}, version {item.latest_number}"
        if role == KEY_ROLE:
            return item.key
        return None
