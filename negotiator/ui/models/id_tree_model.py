"""A tree of records known by positive integer ids (agreements under agreements, sections under
sections): Qt's index bookkeeping once, for every such tree model."""

from __future__ import annotations

from typing import overload

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
ROOT = 0  # the invisible root; records use their own (positive) ids as internal ids


class IdTreeModel(QAbstractItemModel):
    """Subclasses set ``headers``, call :meth:`set_tree` and say what each cell shows in ``data``."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._children: dict[int, list[int]] = {ROOT: []}
        self._parent: dict[int, int] = {}
        self._row: dict[int, int] = {}

    def set_tree(self, records: list[tuple[int, int | None]]) -> None:
        """Lay out (id, parent id) pairs in order; a record whose parent is unknown goes at the top.
        Call it between beginResetModel and endResetModel."""
        known = {record for record, _ in records}
        self._children, self._parent, self._row = {ROOT: []}, {}, {}
        for record, parent in records:
            parent = parent if parent in known else ROOT
            siblings = self._children.setdefault(parent, [])
            self._parent[record], self._row[record] = parent, len(siblings)
            siblings.append(record)

    def index_of(self, record: int) -> QModelIndex:
        """The index of a record, or an invalid index."""
        return self.createIndex(self._row[record], 0, record) if record in self._row else QModelIndex()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self._children.get(parent.internalId() if parent.isValid() else ROOT, [])
        if 0 <= row < len(children) and 0 <= column < len(self.headers):
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: Index) -> QModelIndex: ...
    def parent(self, child: Index | None = None) -> QObject | QModelIndex | None:
        if child is None:  # QObject's parent(), which shares the name
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        parent = self._parent.get(child.internalId(), ROOT)
        return QModelIndex() if parent == ROOT else self.createIndex(self._row[parent], 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else ROOT, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.headers[section]) if 0 <= section < len(self.headers) else None
        return None
