"""The agreement outline as a tree model: numbered sections under their parents."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

from negotiator.domain.outline import NumberedSection
from negotiator.domain.review import Marker
from negotiator.ui.models.id_tree_model import IdTreeModel, Index

SECTION_ROLE = Qt.ItemDataRole.UserRole + 3
MARKER_ROLE = Qt.ItemDataRole.UserRole + 8
# A section's marker: a blue dot for open proposals, an amber diamond (told apart without colour too)
# when they are contested; ringed in white so that it shows on a selected row.
_MARKER_COLOURS = {False: "#1f6feb", True: "#d97706"}
_marker_icons: dict[bool, QIcon] = {}


def marker_icon(contested: bool) -> QIcon:
    """The mark drawn beside a section's number (made once, when first shown)."""
    if contested not in _marker_icons:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(_MARKER_COLOURS[contested]))
        painter.setPen(QColor("#ffffff"))
        if contested:
            painter.drawPolygon(QPolygonF([QPointF(6, 0.5), QPointF(11.5, 6), QPointF(6, 11.5), QPointF(0.5, 6)]))
        else:
            painter.drawEllipse(QRectF(1.5, 1.5, 9, 9))
        painter.end()
        _marker_icons[contested] = QIcon(pixmap)
    return _marker_icons[contested]


class OutlineModel(IdTreeModel):
    """Columns: number (1.2.1), heading, and the library clause and version it came from."""

    headers = ("No.", "Heading", "From the library")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: dict[int, NumberedSection] = {}
        self.sources: dict[str, str] = {}  # library clause titles by key: a reader sees titles, never keys
        self._markers: dict[int, Marker] = {}  # section id -> its open proposals, from the review

    def set_outline(self, outline: list[NumberedSection]) -> None:
        """Replace the outline (already in reading order)."""
        self.beginResetModel()
        self._nodes = {n.section.id: n for n in outline}
        self.set_tree([(n.section.id, n.section.parent_id) for n in outline])
        self.endResetModel()

    def set_markers(self, markers: dict[int, Marker]) -> None:
        """Mark the sections with open or contested proposals (and unmark the others)."""
        changed = {s for s in set(self._markers) | set(markers) if self._markers.get(s) != markers.get(s)}
        self._markers = dict(markers)
        for section_id in changed:
            index = self.index_of(section_id)
            if index.isValid():
                self.dataChanged.emit(index, index.siblingAtColumn(len(self.headers) - 1))

    def marker(self, section_id: int) -> Marker | None:
        """The marker shown on a section, if any."""
        return self._markers.get(section_id)

    def places(self) -> dict[str, str]:
        """Each section as a reader names it, in reading order ("section:ID" -> "5.1 Alliance Board")."""
        return {f"section:{sid}": f"{n.number} {n.section.heading}" for sid, n in self._nodes.items()}

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
        marker = self._markers.get(section.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{node.number} {section.heading} (wording version {section.version})"
            return f"{tip}: {marker.words()}" if marker else tip
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and marker:
            return marker_icon(marker.contested)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and marker:
            return marker.words()
        if role == MARKER_ROLE:
            return marker
        if role == SECTION_ROLE:
            return section.id
        return None
