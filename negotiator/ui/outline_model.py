"""The agreement outline as a tree model: numbered sections under their parents."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from negotiator.domain.outline import NumberedSection
from negotiator.ui.id_tree_model import IdTreeModel, Index

SECTION_ROLE = Qt.ItemDataRole.UserRole + 3


class OutlineModel(IdTreeModel):
    """Columns: number (1.2.1), heading, and the library clause and version it came from."""

    headers = ("No.", "Heading", "From the library")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: dict[int, NumberedSection] = {}
        self.sources: dict[str, str] = {}  # library clause titles by key: a reader sees titles, never keys

    def set_outline(self, outline: list[NumberedSection]) -> None:
        """Replace the outline (already in reading order)."""
        self.beginResetModel()
        self._nodes = {n.section.id: n for n in outline}
        self.set_tree([(n.section.id, n.section.parent_id) for n in outline])
        self.endResetModel()

    def node(self, section_id: int) -> NumberedSection | None:
        """The numbered section with this id."""
        return self._nodes.get(section_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        section = node.section
        if role == Qt.ItemDataRole.DisplayRole:
            title = self.sources.get(section.clause_key or "", "")
            source = (self.tr("%1, version %2").replace("%1", title).replace("%2", str(section.clause_version))
                      if title else "")
            return (node.number, section.heading, source)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{node.number} {section.heading} (wording version {section.version})"
        if role == SECTION_ROLE:
            return section.id
        return None
