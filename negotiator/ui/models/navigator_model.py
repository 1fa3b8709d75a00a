"""The library navigator's item model: categories, then their clauses, fetched a page at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING, overload

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from negotiator.domain.clauses import Clause

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.library import LibraryService

PAGE = 200
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class _Category:
    def __init__(self, name: str, count: int) -> None:
        self.name = name
        self.count = count
        self.clauses: list[Clause] = []


class NavigatorModel(QAbstractItemModel):
    """Two levels: category rows (with counts), and under each its clauses by title."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service: LibraryService | None = None
        self._categories: list[_Category] = []

    def set_service(self, service: LibraryService | None) -> None:
        """Show another library (or none)."""
        self._service = service
        self.reload()

    def reload(self) -> None:
        """Re-read categories after the library changed; clauses are fetched again on demand."""
        self.beginResetModel()
        rows = self._service.categories() if self._service else []
        self._categories = [_Category(name, count) for name, count in rows]
        self.endResetModel()

    def category_counts(self) -> list[tuple[str, int]]:
        """Each category and how many clauses it holds, as last read: the category filter and the status
        bar show these rather than asking the library again."""
        return [(category.name, category.count) for category in self._categories]

    def index_of_key(self, key: str) -> QModelIndex:
        """The index of a clause already fetched, or an invalid index."""
        for row, category in enumerate(self._categories):
            for child, clause in enumerate(category.clauses):
                if clause.key == key:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    def category_row(self, name: str) -> int:
        """Row of a category, or -1."""
        return next((i for i, c in enumerate(self._categories) if c.name == name), -1)

    # Qt's model interface -----------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._categories) else QModelIndex()
        if parent.internalId() == 0 and row < len(self._categories[parent.row()].clauses):
            return self.createIndex(row, 0, parent.row() + 1)  # id = category row + 1
        return QModelIndex()

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: Index) -> QModelIndex: ...
    def parent(self, child: Index | None = None) -> QObject | QModelIndex | None:
        if child is None:  # QObject's parent(), which shares the name
            return super().parent()
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._categories)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._categories[parent.row()].clauses)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        if not parent.isValid():
            return bool(self._categories)
        return parent.internalId() == 0 and self._categories[parent.row()].count > 0

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        if not parent.isValid() or parent.internalId() != 0 or self._service is None:
            return False
        category = self._categories[parent.row()]
        return len(category.clauses) < category.count

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        service = self._service
        if service is None or not self.canFetchMore(parent):
            return
        category = self._categories[parent.row()]
        page = service.clauses(category=category.name, offset=len(category.clauses), limit=PAGE)
        if not page:  # the library shrank under us: stop asking
            category.count = len(category.clauses)
            return
        first = len(category.clauses)
        self.beginInsertRows(parent, first, first + len(page) - 1)
        category.clauses.extend(page)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            category = self._categories[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{category.name} ({category.count})"
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{category.count} clauses in {category.name}"
            return None
        clause = self._categories[index.internalId() - 1].clauses[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return clause.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{clause.key}, version {clause.latest_number}"
        if role == KEY_ROLE:
            return clause.key
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and section == 0:
            return self.tr("Clauses")
        return None
