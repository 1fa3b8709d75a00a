"""Draws a laid-out money map (negotiator.domain.money_map) on a QGraphicsScene, in light or dark colours.

Each item paints itself from the layout's plain data, so a map of two hundred agreements is a few
hundred light items rather than thousands of text items. Every link and hub carries its agreement's
id (``AGREEMENT``), which a click or Enter opens.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from negotiator.domain.money_map import LABEL_WIDTH, LINE, MapLink, MapNode, MoneyMap, label_height
from negotiator.domain.money_words import finding_words
from negotiator.domain.network import Severity
from negotiator.ui.common.appearance import is_dark

AGREEMENT = 0  # the item data key holding the agreement's id


@dataclass(frozen=True)
class MapColours:
    """The map's colours in one scheme."""

    background: str
    text: str
    organisation: str
    commissioner: str
    hub: str
    border: str
    link: str
    label: str
    error: str
    warning: str
    selected: str


LIGHT = MapColours("#ffffff", "#1f2328", "#eef4fb", "#e8f5ec", "#fff6e0", "#8c959f", "#57606a", "#ffffff",
                   "#cf222e", "#9a6700", "#1f6feb")
DARK = MapColours("#1f2023", "#e6e6e6", "#26323f", "#243a2c", "#3d3422", "#6e7681", "#9aa4ae", "#2b2d30",
                  "#ff7b72", "#d29922", "#79a8ff")


def colours() -> MapColours:
    """The colours for the palette in use."""
    return DARK if is_dark() else LIGHT


def _severity_colour(severity: Severity | None, scheme: MapColours) -> QColor:
    if severity is Severity.ERROR:
        return QColor(scheme.error)
    return QColor(scheme.warning if severity is Severity.WARNING else scheme.link)


def _font(bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(8.5)
    font.setBold(bold)
    return font


class NodeItem(QGraphicsItem):
    """An organisation (a rounded box) or an agreement's hub (a box with cut corners)."""

    def __init__(self, node: MapNode, scheme: MapColours) -> None:
        super().__init__()
        self.node, self.scheme = node, scheme
        self.setPos(node.x, node.y)
        self._rect = QRectF(-node.width / 2, -node.height / 2, node.width, node.height)
        if node.is_hub:
            self.setData(AGREEMENT, node.agreement_id)
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def tip(self) -> str:
        """The tooltip: what the box says, and each finding's whole message (made when asked for)."""
        return "\n".join([*self.node.lines, *(f.message for f in self.node.findings)])

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-22, -3, 22, 3 + LINE) if self.node.findings else self._rect.adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        node, scheme = self.node, self.scheme
        fill = scheme.hub if node.is_hub else (
            scheme.commissioner if node.lines[1] in ("Commissioner", "Local authority") else scheme.organisation)
        edge = QColor(scheme.selected) if self.isSelected() else (
            _severity_colour(node.severity, scheme) if node.findings else QColor(scheme.border))
        painter.setPen(QPen(edge, 2.5 if self.isSelected() or node.findings else 1.2))
        painter.setBrush(QBrush(QColor(fill)))
        if node.is_hub:
            painter.drawPolygon(_cut_corners(self._rect, 12))
        else:
            painter.drawRoundedRect(self._rect, 8, 8)
        if _too_small_to_read(painter, option):
            return
        painter.setPen(QColor(scheme.text))
        inner = self._rect.adjusted(8, 4, -8, -4)
        title_height = inner.height() - LINE * (len(node.lines) - 1)
        painter.setFont(_font(bold=True))
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), title_height),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, node.lines[0])
        painter.setFont(_font())
        metrics = QFontMetricsF(painter.font())
        for n, line in enumerate(node.lines[1:]):
            row = QRectF(inner.left(), inner.top() + title_height + n * LINE, inner.width(), LINE)
            painter.drawText(row, Qt.AlignmentFlag.AlignCenter,
                             metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width()))
        if node.findings:  # a hub's findings, just below it
            painter.setPen(_severity_colour(node.severity, scheme))
            words = "⚠ " + "; ".join(finding_words(f) for f in node.findings)
            row = QRectF(self._rect.left() - 20, self._rect.bottom() + 2, self._rect.width() + 40, LINE)
            painter.drawText(row, Qt.AlignmentFlag.AlignCenter,
                             metrics.elidedText(words, Qt.TextElideMode.ElideRight, row.width()))


def _too_small_to_read(painter: QPainter, option: QStyleOptionGraphicsItem) -> bool:
    """Whether the map is zoomed out so far that its words would be specks: the boxes are drawn without them,
    which keeps a map of hundreds of agreements quick to show whole."""
    return option.levelOfDetailFromTransform(painter.worldTransform()) < 0.25


def _cut_corners(rect: QRectF, cut: float) -> QPolygonF:
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    return QPolygonF([QPointF(left + cut, top), QPointF(right - cut, top), QPointF(right, top + cut),
                      QPointF(right, bottom - cut), QPointF(right - cut, bottom), QPointF(left + cut, bottom),
                      QPointF(left, bottom - cut), QPointF(left, top + cut)])


class LinkItem(QGraphicsPathItem):
    """An agreement's line from the party paying to the party paid, passing through its label, with an arrow."""

    def __init__(self, link: MapLink, start: MapNode, end: MapNode, scheme: MapColours) -> None:
        super().__init__()
        self.link = link
        self.setData(AGREEMENT, link.agreement_id)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if link.before:  # the corners the layout gives it
            before, after = [QPointF(*p) for p in link.before], [QPointF(*p) for p in link.after]
        else:  # a link back to the left: leave from the left and arrive from the right, straight
            half = LABEL_WIDTH / 2
            before = [QPointF(start.x - start.width / 2, start.y), QPointF(link.label_x + half, link.label_y)]
            after = [QPointF(link.label_x - half, link.label_y), QPointF(end.x + end.width / 2, end.y)]
        path = QPainterPath(before[0])
        for point in before[1:]:
            path.lineTo(point)
        path.moveTo(after[0])
        for point in after[1:]:
            path.lineTo(point)
        colour = _severity_colour(link.severity, scheme)
        self.setPen(QPen(colour, 2.6 if link.findings else 1.4))
        self.setPath(path)
        self.setZValue(-1)
        self.arrow = _arrow(after[-2], after[-1])
        self.arrow_brush = QBrush(colour)

    def tip(self) -> str:
        """The tooltip: the agreement, its money and each finding's whole message."""
        return _tip(self.link)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return super().boundingRect().united(self.arrow.boundingRect())

    def shape(self) -> QPainterPath:
        stroke = QPainterPath(self.path())
        return _wide(stroke)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(self.pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.arrow_brush)
        painter.drawPolygon(self.arrow)


def _wide(path: QPainterPath) -> QPainterPath:
    """The path widened to a band a mouse can hit."""
    stroker = QPainterPathStroker()
    stroker.setWidth(10)
    return stroker.createStroke(path)


def _arrow(start: QPointF, tip: QPointF) -> QPolygonF:
    line = tip - start
    length = max((line.x() ** 2 + line.y() ** 2) ** 0.5, 1e-6)
    ux, uy = line.x() / length, line.y() / length
    base = QPointF(tip.x() - 10 * ux, tip.y() - 10 * uy)
    left, right = QPointF(base.x() - 5 * uy, base.y() + 5 * ux), QPointF(base.x() + 5 * uy, base.y() - 5 * ux)
    return QPolygonF([tip, left, right])


def _tip(link: MapLink) -> str:
    return "\n".join([line for line in (link.title, link.words) if line] + [f.message for f in link.findings])


class LabelItem(QGraphicsItem):
    """What an agreement's link says, in a box on the link; selectable, so the keyboard can reach it."""

    def __init__(self, link: MapLink, scheme: MapColours) -> None:
        super().__init__()
        self.link, self.scheme = link, scheme
        self.setData(AGREEMENT, link.agreement_id)
        self.setPos(link.label_x, link.label_y)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        height = label_height(len(link.lines))
        self._rect = QRectF(-LABEL_WIDTH / 2, -height / 2, LABEL_WIDTH, height)

    def tip(self) -> str:
        """The tooltip: the agreement, its money and each finding's whole message."""
        return _tip(self.link)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        link, scheme = self.link, self.scheme
        edge = QColor(scheme.selected) if self.isSelected() else _severity_colour(link.severity, scheme)
        painter.setPen(QPen(edge, 2.5 if self.isSelected() else 1.0))
        painter.setBrush(QBrush(QColor(scheme.label)))
        painter.drawRoundedRect(self._rect, 5, 5)
        if _too_small_to_read(painter, option):
            return
        metrics = QFontMetricsF(_font())
        width = self._rect.width() - 10
        top = self._rect.top() + 4
        for n, line in enumerate(link.lines):
            warning = line.startswith("⚠")
            bold = bool(link.title) and n == 0
            painter.setFont(_font(bold=bold))
            painter.setPen(_severity_colour(link.severity, scheme) if warning else QColor(scheme.text))
            shown = (QFontMetricsF(painter.font()) if bold else metrics).elidedText(
                line, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRectF(self._rect.left() + 5, top + n * LINE, width, LINE),
                             Qt.AlignmentFlag.AlignCenter, shown)


def build_scene(money_map: MoneyMap, scene: QGraphicsScene,
                scheme: MapColours | None = None) -> tuple[list[LabelItem], dict[int, NodeItem]]:
    """Fill the scene with the map (clearing what was there); returns the labels, one per link in the map's
    order, and the hubs by their agreement's id."""
    scheme = scheme or colours()
    scene.clear()
    scene.setBackgroundBrush(QColor(scheme.background))
    scene.setSceneRect(0, 0, money_map.width, money_map.height)
    hubs: dict[int, NodeItem] = {}
    for node in money_map.nodes:
        item = NodeItem(node, scheme)
        scene.addItem(item)
        if node.agreement_id is not None:  # a hub
            hubs[node.agreement_id] = item
    labels = []
    for link in money_map.links:
        scene.addItem(LinkItem(link, money_map.by_key[link.source], money_map.by_key[link.target], scheme))
        label = LabelItem(link, scheme)
        scene.addItem(label)
        labels.append(label)
    return labels, hubs
