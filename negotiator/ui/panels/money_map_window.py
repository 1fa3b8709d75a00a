"""The money map window: the contract network drawn, a list of its agreements beside it, and exports.

The list is the keyboard's (and a screen reader's) way through the map: choosing an agreement in it
highlights and centres its link, and Enter opens it in the main window, as a click on the link does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QHelpEvent, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from negotiator.domain.money_map import MapLink, MoneyMap
from negotiator.domain.money_words import finding_words
from negotiator.domain.network_findings import Finding
from negotiator.ui.common.errors import show_error
from negotiator.ui.panels.money_map_export import export_map
from negotiator.ui.panels.money_map_scene import AGREEMENT, LabelItem, NodeItem, build_scene, colours

ID_ROLE = Qt.ItemDataRole.UserRole + 1
READABLE = 0.5  # the smallest zoom the map opens at: its words are still legible


class MapView(QGraphicsView):
    """The drawn map: a click on a link, a label or a hub asks for its agreement; Ctrl+wheel zooms."""

    agreement_clicked = Signal(int)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setAccessibleName(self.tr("Money map"))
        self.setAccessibleDescription(self.tr("Organisations, and the agreements between them with their money"))

    def agreement_at(self, point: QPoint) -> int | None:
        """The agreement of the link, label or hub under a point of the view, if any."""
        for item in self.items(point):
            if item.data(AGREEMENT) is not None:
                return int(item.data(AGREEMENT))
        return None

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        """A tooltip is made for the item under the mouse when it is asked for, not for every item."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = next((item.tip() for item in self.items(event.pos()) if hasattr(item, "tip")), "")
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        chosen = self.agreement_at(event.position().toPoint())
        super().mousePressEvent(event)
        if chosen is not None and event.button() == Qt.MouseButton.LeftButton:
            self.agreement_clicked.emit(chosen)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
        else:
            super().wheelEvent(event)

    def zoom(self, factor: float) -> None:
        """Zoom in (factor above 1) or out, between a tenth and four times."""
        scale = self.transform().m11() * factor
        if 0.1 <= scale <= 4:
            self.scale(factor, factor)

    def fit(self) -> None:
        """Show the whole map, never larger than 100%."""
        self.resetTransform()
        rect = self.sceneRect()
        view = self.viewport().rect()
        if rect.width() > view.width() or rect.height() > view.height():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def show_readable(self) -> None:
        """The whole map if its words can still be read so; else its full width from the top (a network of
        hundreds of agreements is scrolled through, not shrunk to specks)."""
        rect, view = self.sceneRect(), self.viewport().rect()
        whole = min(view.width() / max(rect.width(), 1), view.height() / max(rect.height(), 1), 1.0)
        if whole >= READABLE:
            self.fit()
            return
        self.resetTransform()
        scale = max(min(view.width() / max(rect.width(), 1), 1.0), READABLE)
        self.scale(scale, scale)
        self.ensureVisible(QRectF(rect.left(), rect.top(), 1, 1), 0, 0)


class MoneyMapWindow(QWidget):
    """The money map of the contract network, with its agreements listed, zoom and export."""

    agreement_chosen = Signal(int)
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("moneyMapWindow")
        self.setWindowTitle(self.tr("Money Map"))
        self.setAccessibleName(self.tr("Money map of the contract network"))
        self.money_map: MoneyMap | None = None
        self.entries: list[NodeItem | LabelItem] = []  # the map's items, in the list's order
        self.scene = QGraphicsScene(self)
        self.view = MapView(self.scene)
        self.view.agreement_clicked.connect(self.agreement_chosen)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Agreements on the map"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)  # an entry is two or three lines: tell them apart
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setToolTip(self.tr("Choose an agreement to find it on the map; press Enter to open it"))
        self.list.currentRowChanged.connect(self._highlight)
        self.list.itemActivated.connect(lambda item: self.agreement_chosen.emit(item.data(ID_ROLE)))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.view)
        splitter.setSizes([300, 900])
        buttons = QHBoxLayout()
        for text, shortcut, handler, tip in (
                (self.tr("Zoom &In"), QKeySequence.StandardKey.ZoomIn, lambda: self.view.zoom(1.25), ""),
                (self.tr("Zoom &Out"), QKeySequence.StandardKey.ZoomOut, lambda: self.view.zoom(0.8), ""),
                (self.tr("&Fit"), "Ctrl+0", self.view.fit, self.tr("Show the whole map")),
                (self.tr("&Refresh"), "F5", self.refresh_requested.emit,
                 self.tr("Draw the map again from the library")),
                (self.tr("Export &PNG…"), None, self.export_png, self.tr("Save the map as a picture")),
                (self.tr("Export &SVG…"), None, self.export_svg, self.tr("Save the map as a drawing that scales")),
                (self.tr("&Close"), QKeySequence.StandardKey.Close, self.close, self.tr("Close the money map"))):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(handler)
            buttons.addWidget(button)
            if shortcut is not None:
                action = QAction(self)
                action.setShortcut(QKeySequence(shortcut))
                action.triggered.connect(handler)
                self.addAction(action)
        escape = QAction(self)  # Escape closes it too, as it does a dialog
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.triggered.connect(self.close)
        self.addAction(escape)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1200, 720)

    def set_map(self, money_map: MoneyMap, keep_view: bool = False) -> None:
        """Draw a laid-out map, and list its agreements: each link, and each hub before its spokes. With
        ``keep_view`` (a redraw after a change) the zoom, the scroll and the chosen entry stay as they were."""
        self.money_map = money_map
        row, centre = self.list.currentRow(), self.view.mapToScene(self.view.viewport().rect().center())
        labels, hubs = build_scene(money_map, self.scene, colours())
        self.entries = []
        self.list.blockSignals(True)
        self.list.clear()
        for label in labels:
            link = label.link
            hub = hubs.get(link.agreement_id)
            if hub is not None and hub not in self.entries:
                self._add_entry(hub, hub.node.lines, hub.node.findings, link.agreement_id)
            # A hub's spoke is named by the hub and the organisation at its far end.
            name = link.title if link.title or hub is None else f"{hub.node.lines[0]}: {self._far_end(money_map, link)}"
            self._add_entry(label, (name, link.words), link.findings, link.agreement_id)
        self.list.blockSignals(False)
        found = sum(len(link.findings) for link in money_map.links) + sum(len(n.findings) for n in money_map.nodes)
        self.summary.setText(self.tr(
            "Money flows left to right, from those who pay to those paid. Red marks an error between agreements, "
            "amber a warning (%1 in all). Click an agreement, or choose it in the list and press Enter, to open it.")
            .replace("%1", str(found)))
        if keep_view:
            self.view.centerOn(centre)
            if 0 <= row < self.list.count():
                self.list.setCurrentRow(row)
        else:
            self.view.show_readable()

    def _add_entry(self, item: NodeItem | LabelItem, lines: tuple[str, ...], findings: tuple[Finding, ...],
                   agreement_id: int) -> None:
        entry = QListWidgetItem("\n".join([*lines, *(f"⚠ {finding_words(f)}" for f in findings)]))
        entry.setData(ID_ROLE, agreement_id)
        if findings:  # the whole message of each finding; the entry's own text says the rest
            entry.setToolTip(item.tip())
        self.list.addItem(entry)
        self.entries.append(item)

    def _far_end(self, money_map: MoneyMap, link: MapLink) -> str:
        """The organisation at the other end of a hub's spoke."""
        ends = (money_map.by_key[link.source], money_map.by_key[link.target])
        return next(n.lines[0] for n in ends if not n.is_hub)

    def _highlight(self, row: int) -> None:
        self.scene.clearSelection()
        if 0 <= row < len(self.entries):
            item = self.entries[row]
            item.setSelected(True)
            self.view.ensureVisible(item.sceneBoundingRect(), 40, 40)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter in the map opens the agreement of the link chosen in the list."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list.currentItem() is not None:
            self.agreement_chosen.emit(self.list.currentItem().data(ID_ROLE))
            return
        super().keyPressEvent(event)

    def export_png(self) -> None:
        """Ask where, then save the map as a PNG picture."""
        self._export(self.tr("Export Money Map as PNG"), self.tr("PNG pictures (*.png)"), ".png")

    def export_svg(self) -> None:
        """Ask where, then save the map as an SVG drawing."""
        self._export(self.tr("Export Money Map as SVG"), self.tr("SVG drawings (*.svg)"), ".svg")

    def _export(self, caption: str, filters: str, suffix: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, caption, self.tr("money-map") + suffix, filters)
        if name:
            self.export_to(Path(name) if Path(name).suffix else Path(name + suffix))

    def export_to(self, path: Path) -> bool:
        """Write the map to ``path`` (SVG or PNG by its name); a failure is a dialog in plain words."""
        try:
            export_map(self.scene, path, self.windowTitle())
        except Exception as error:
            show_error(self, self.tr("The money map was not exported"), error)
            return False
        return True
