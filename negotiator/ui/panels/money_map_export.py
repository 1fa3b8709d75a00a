"""The money map as a PNG picture or an SVG drawing, for a board paper or an email.

Both are drawn from the scene at 100% (one scene unit, one pixel), whatever the window's zoom, and
written through ``write_safely`` so a failed export leaves any file already there as it was.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene

from negotiator.safe_files import write_safely


def export_size(scene: QGraphicsScene) -> QSize:
    """The size in pixels of an exported map: the whole scene at 100%."""
    rect = scene.sceneRect()
    return QSize(math.ceil(rect.width()), math.ceil(rect.height()))


def _render(scene: QGraphicsScene, painter: QPainter, size: QSize) -> None:
    selected = scene.selectedItems()
    scene.clearSelection()  # the keyboard's highlight is not part of the map
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), scene.sceneRect())
    painter.end()
    for item in selected:
        item.setSelected(True)


def png_bytes(scene: QGraphicsScene) -> bytes:
    """The map as a PNG image."""
    size = export_size(scene)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(scene.backgroundBrush().color())
    _render(scene, QPainter(image), size)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stub types the format as bytes, but save() refuses bytes at run time and takes it as text.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("the picture could not be encoded as PNG")
    return bytes(data.data())


def svg_bytes(scene: QGraphicsScene, title: str) -> bytes:
    """The map as an SVG drawing, its words kept as text."""
    size = export_size(scene)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("The contract network's money map, drawn by Negotiator")
    _render(scene, QPainter(generator), size)
    return bytes(data.data())


def export_map(scene: QGraphicsScene, path: Path, title: str) -> None:
    """Write the map to ``path``: SVG for a ``.svg`` name, PNG otherwise."""
    data = svg_bytes(scene, title) if path.suffix.lower() == ".svg" else png_bytes(scene)
    write_safely(path, data)
