"""The agreement outline as a tree model: numbered sections under their parents."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from negotiator.domain.outline import NumberedSection

SECTION_ROLE = Qt.ItemDataRole.UserRole + 3
Index = QModelIndex | QPersistentModelIndex
ROOT = 0  # section ids are positive


class OutlineModel(QAbstractItemModel):
    """Columns: number (1.2.1), heading, and the library clause and version it came from."""

    headers = ("No.", "Heading", "From the library")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: dict[int, NumberedSection] = {}
        self._children: dict[int, list[int]] = {ROOT: []}
        self._parent: dict[int, int] = {}
        self._row: dict[int, int] = {}

    def set_outline(self, outline: list[NumberedSection]) -> None:
        """Replace the outline (already in reading order)."""
        self.beginResetModel()
        self._nodes = {n.section.id: n for n in outline}
        self._children = {ROOT: []}
        self._parent, self._row = {}, {}
        for node in outline:
            parent = node.section.parent_id if node.section.parent_id in self._nodes else ROOT
            siblings = self._children.setdefault(parent, [])
            self._parent[node.section.id] = parent
            self._row[node.section.id] = len(siblings)
            siblings.append(node.section.id)
        self.endResetModel()

    def node(self, section_id: int) -> NumberedSection | None:
        """The numbered section with this id."""
        return self._nodes.get(section_id)

    def index_of(self, section_id: int) -> QModelIndex:
        """The index of a section, or an invalid index."""
        if section_id not in self._row:
            return QModelIndex()
        return self.createIndex(self._row[section_id], 0, section_id)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self._children.get(parent.internalId() if parent.isValid() else ROOT, [])
        if 0 <= row < len(children) and 0 <= column < len(self.headers):
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        section = node.section
        if role == Qt.ItemDataRole.DisplayRole:
            source = f"{section.clause_key} v{section.clause_version}" if section.clause_key else ""
            return (node.number, section.heading, source)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{node.number} {section.heading} (wording version {section.version})"
        if role == SECTION_ROLE:
            return section.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.headers[section]) if 0 <= section < len(self.headers) else None
        return None
