"""Wording edited as it reads: each ``{{placeholder}}`` shows as a chip with the term's current value
("30 days"), one character in the document, so typing can go before or after it but never inside it,
and Backspace takes it away whole. The wording is read back with the chips as ``{{name}}`` again, which
is what proposals hold; ``{{name}}`` typed becomes a chip as soon as it is closed, and pasted it comes in
as one. Chips are made only at those moments, never on every change, so undo and redo give back exactly
the text they took away."""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QMimeData, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextImageFormat,
)
from PySide6.QtWidgets import QApplication, QTextEdit, QToolTip, QWidget

from negotiator.domain.placeholders import PLACEHOLDER

_CHIP_IMAGE = re.compile(r'<img[^>]*src="chip:([a-z0-9_.-]+)"')  # a chip copied as HTML
CHIP = "\ufffc"  # how Qt stores an object (here a chip) in the document's text
_NAME = QTextFormat.Property.UserProperty  # where a chip keeps its term's name
_KNOWN, _UNKNOWN = QColor(46, 110, 200), QColor(176, 0, 32)  # read on light and dark palettes alike


class WordingEdit(QTextEdit):
    """Plain wording with protected term chips; ``toPlainText`` gives it back with ``{{name}}``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: dict[str, str] = {}  # each term's chip text ("30 days"), by name
        self._labels: dict[str, str] = {}  # each term's name in words, for the chip's tooltip
        self.setAcceptRichText(False)  # pasted formatting would not survive into a proposal anyway
        self.setTabChangesFocus(True)  # Tab moves on, so the dialog works from the keyboard

    def set_terms(self, words: Mapping[str, str], labels: Mapping[str, str]) -> None:
        """What each chip shows (the term's current value in words) and its tooltip (the term's name)."""
        self._words, self._labels = dict(words), dict(labels)

    # The wording as text ------------------------------------------------------------------

    def toPlainText(self) -> str:  # noqa: N802 - the editor it replaced was read with this name
        """The wording as proposals hold it: each chip written back as ``{{name}}``."""
        return _slice_with_placeholders(self, 0, self.document().characterCount())

    def setPlainText(self, text: str) -> None:  # noqa: N802 - as QPlainTextEdit's, with chips
        """Show wording, each ``{{name}}`` as a chip; it starts a fresh undo history."""
        super().setPlainText("")
        self._insert_wording(QTextCursor(self.document()), text)
        self.document().clearUndoRedoStacks()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def chips(self) -> list[str]:
        """The names of the chips in the wording, in order."""
        return [match.group(1) for match in PLACEHOLDER.finditer(self.toPlainText())]

    def insert_term(self, name: str) -> None:
        """Put a chip for term ``name`` where the cursor is."""
        self._insert_chip(self.textCursor(), name)
        self.setFocus()

    # Chips ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Typing the ``}}`` that closes a placeholder turns it into a chip; Copy and Cut keep chips as terms."""
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(QKeySequence.StandardKey.Cut):
            (self.copy_wording if event.matches(QKeySequence.StandardKey.Copy) else self.cut_wording)()
            return
        super().keyPressEvent(event)
        if "}" in event.text():
            position = self.textCursor().position()
            self._chip_all(max(0, position - 200), position)  # a placeholder's length back is enough

    def _insert_wording(self, cursor: QTextCursor, text: str) -> None:
        """Insert wording at ``cursor`` as one edit, each ``{{name}}`` in it as a chip."""
        cursor.beginEditBlock()
        start = 0
        for match in PLACEHOLDER.finditer(text):
            cursor.insertText(text[start:match.start()], QTextCharFormat())
            self._insert_chip(cursor, match.group(1))
            start = match.end()
        cursor.insertText(text[start:], QTextCharFormat())
        cursor.endEditBlock()

    def _chip_all(self, start: int, end: int) -> None:
        """Turn every ``{{name}}`` written out between ``start`` and ``end`` into a chip."""
        raw = self.document().toRawText()
        end = min(end, len(raw))
        matches = list(PLACEHOLDER.finditer(raw, start, end))
        if not matches:
            return
        cursor = QTextCursor(self.document())
        cursor.joinPreviousEditBlock()  # one undo step with the typing that closed the placeholder
        for match in reversed(matches):  # from the end, so earlier positions stay valid
            cursor.setPosition(match.start())
            cursor.setPosition(match.end(), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            self._insert_chip(cursor, match.group(1))
        cursor.endEditBlock()

    def _insert_chip(self, cursor: QTextCursor, name: str) -> None:
        chip = QTextImageFormat()
        chip.setName(f"chip:{name}")
        chip.setProperty(_NAME, name)
        chip.setToolTip(self._labels.get(name, self.tr("%1: not a term this agreement has").replace("%1", name)))
        self.document().addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chip:{name}"),
                                    self._chip_image(name))
        cursor.insertImage(chip)

    def _chip_image(self, name: str) -> QImage:
        """The chip as drawn: the term's value in a rounded box, red when the agreement has no such term."""
        known = name in self._words
        text = self._words.get(name) or name
        metrics = QFontMetricsF(self.font())
        ratio = max(1.0, self.devicePixelRatioF())
        width, height = metrics.horizontalAdvance(text) + 10, metrics.height() + 2
        image = QImage(int(width * ratio), int(height * ratio), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        colour = _KNOWN if known else _UNKNOWN
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(colour)
        fill.setAlpha(40)
        painter.setBrush(fill)
        painter.setPen(QPen(colour, 1))
        painter.drawRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), 4, 4)
        painter.setFont(self.font())
        painter.setPen(self.palette().text().color())
        painter.drawText(QPointF(5, 1 + metrics.ascent()), text)
        painter.end()
        return image

    # Copying, pasting and tooltips ---------------------------------------------------------

    # createMimeDataFromSelection is not overridden: PySide6 6.11 frees a QMimeData made in Python and
    # handed to the clipboard twice (a crash at exit). Copy and Cut put the text on the clipboard instead.

    def copy_wording(self) -> None:
        """Copy the selection with its chips as ``{{name}}``, so it pastes back (here or elsewhere) as terms."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            QApplication.clipboard().setText(_slice_with_placeholders(self, cursor.selectionStart(),
                                                                      cursor.selectionEnd()))

    def cut_wording(self) -> None:
        """Cut the selection, its chips as ``{{name}}``."""
        self.copy_wording()
        self.textCursor().removeSelectedText()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        """The usual menu, its Copy and Cut writing chips as ``{{name}}``."""
        menu = self.createStandardContextMenu(event.pos())
        for action in menu.actions():
            handler = {"edit-copy": self.copy_wording, "edit-cut": self.cut_wording}.get(action.objectName())
            if handler is not None:
                action.triggered.disconnect()
                action.triggered.connect(handler)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        """Paste as plain text; placeholders in it come in as chips, and so do chips dragged within the
        wording (which arrive as images in HTML)."""
        text = source.text()
        if source.hasHtml() and "chip:" in source.html():
            names = iter(_CHIP_IMAGE.findall(source.html()))
            raw = QTextDocumentFragment.fromHtml(source.html()).toRawText()
            text = "".join(f"{{{{{next(names, '')}}}}}" if char == CHIP else char for char in raw)
            text = text.replace("{{}}", "").replace("\u2029", "\n").replace("\u2028", "\n")
        cursor = self.textCursor()
        self._insert_wording(cursor, text)
        self.setTextCursor(cursor)

    def event(self, event: QEvent) -> bool:
        """A chip's tooltip names its term."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):  # a tooltip event is a help event
            cursor = self.cursorForPosition(event.pos())
            for position in (cursor.position(), cursor.position() + 1):
                cursor.setPosition(min(position, self.document().characterCount() - 1))
                tip = cursor.charFormat().toolTip()
                if tip and cursor.charFormat().isImageFormat():
                    QToolTip.showText(event.globalPos(), tip, self)
                    return True
        return super().event(event)


def _slice_with_placeholders(edit: WordingEdit, start: int, end: int) -> str:
    """The wording between two document positions, chips written as ``{{name}}``."""
    raw = edit.document().toRawText()
    cursor, out = QTextCursor(edit.document()), []
    for position in range(start, min(end, len(raw))):
        char = raw[position]
        if char == CHIP:
            cursor.setPosition(position + 1)
            name = cursor.charFormat().property(_NAME)
            out.append(f"{{{{{name}}}}}" if name else "")
        else:
            out.append(char)
    return "".join(out).replace("\u2029", "\n").replace("\u2028", "\n")
