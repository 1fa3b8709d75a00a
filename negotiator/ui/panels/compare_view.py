"""Side-by-side comparison of wording: two versions, or a base text and each party's proposal.

Each pane shows one text exactly as written, so it can be read and copied as it is; the changes are
formatting on top of it. In two-way mode the left pane strikes through, in red, the words the right
side deletes and the right pane underlines, in green, the words it inserts. In N-way mode the base
pane strikes through the words each party deletes, in that party's colour (red where several parties
delete the same words), and each party's pane underlines and tints its insertions in its colour.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QScrollBar,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from negotiator.domain.diff import Op, Segment, word_diff

_WORD = re.compile(r"\w+", re.UNICODE)
_RED = "#cf222e"
_GREEN = "#1a7f37"
_INSERT_STYLE = "color:{colour};background-color:rgba({r},{g},{b},0.18);text-decoration:underline;"
_DELETE_STYLE = "color:{colour};background-color:rgba({r},{g},{b},0.15);text-decoration:line-through;"
_PARAGRAPH = '<p style="margin:0">'
# A run of text and the inline CSS to show it with ("" for plain).
Run = tuple[str, str]


def _style(template: str, colour: QColor) -> str:
    return template.format(colour=colour.name(), r=colour.red(), g=colour.green(), b=colour.blue())


def runs_html(runs: Iterable[Run]) -> str:
    """One HTML document for styled runs of text whose plain text is exactly the runs joined.

    Whitespace is kept (pre-wrap), each "\\n" becomes <br/>, and each blank line starts a new
    paragraph so that long texts lay out as many small blocks rather than one huge one.
    """
    parts = ['<body style="white-space:pre-wrap">', _PARAGRAPH]
    for text, style in runs:
        opening = f'<span style="{style}">' if style else ""
        closing = "</span>" if style else ""
        for index, piece in enumerate(escape(text, quote=False).split("\n\n")):
            if index:
                parts.append("<br/></p>" + _PARAGRAPH)
            if piece:
                parts.append(opening + piece.replace("\n", "<br/>") + closing)
    parts.append("</p></body>")
    return "".join(parts)


def count_words(text: str) -> int:
    """The number of words in text, not counting whitespace or punctuation."""
    return len(_WORD.findall(text))


def _words(count: int, verb: str) -> str:
    return f"{count} {'word' if count == 1 else 'words'} {verb}"


def _changed_words(segments: list[Segment]) -> tuple[int, int]:
    inserted = sum(count_words(s.text) for s in segments if s.op is Op.INSERT)
    deleted = sum(count_words(s.text) for s in segments if s.op is Op.DELETE)
    return inserted, deleted


def _side_runs(segments: list[Segment], shown: Op, style: str) -> list[Run]:
    """The runs of one side of a diff: EQUAL plain, plus the ``shown`` op in ``style``."""
    return [(s.text, "" if s.op is Op.EQUAL else style) for s in segments if s.op is Op.EQUAL or s.op is shown]


def _base_runs(base: str, deletions: list[list[tuple[int, int]]], styles: list[str], shared: str) -> list[Run]:
    """The base text with each party's deleted spans styled; spans deleted by several get ``shared``."""
    events: list[tuple[int, int, int]] = []  # (position, +1 start / -1 end, party)
    for party, spans in enumerate(deletions):
        for start, end in spans:
            events.append((start, 1, party))
            events.append((end, -1, party))
    events.sort()
    runs: list[Run] = []
    active: dict[int, int] = {}
    position = 0
    for at, change, party in events:
        if at > position:
            parties = [p for p, depth in active.items() if depth > 0]
            style = "" if not parties else styles[parties[0]] if len(parties) == 1 else shared
            runs.append((base[position:at], style))
            position = at
        active[party] = active.get(party, 0) + change
    if position < len(base):
        runs.append((base[position:], ""))
    return runs


def _deleted_spans(segments: list[Segment]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for segment in segments:
        if segment.op is Op.INSERT:
            continue
        end = position + len(segment.text)
        if segment.op is Op.DELETE:
            spans.append((position, end))
        position = end
    return spans


class _Pane(QWidget):
    """A title above a read-only text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setReadOnly(True)
        self.browser.setOpenLinks(False)
        self.title.setBuddy(self.browser)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.browser, 1)

    def show_text(self, title: str, colour: QColor | None, html: str, name: str, tip: str) -> None:
        """Set the title (in colour, if given), the accessible name, tooltip and content."""
        self.title.setText(title)
        self.title.setStyleSheet(f"color:{colour.name()};font-weight:bold;" if colour else "font-weight:bold;")
        self.browser.setAccessibleName(name)
        self.browser.setToolTip(tip)
        self.browser.setHtml(html)


class CompareView(QWidget):
    """Texts side by side, with their differences marked and their scrolling kept together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panes: list[_Pane] = []
        self._syncing = False
        self.empty = QLabel(self.tr("Choose two texts to compare."))
        self.empty.setObjectName("compareEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = QLabel()
        self.summary.setObjectName("compareSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.scroll_together = QCheckBox(self.tr("Scroll together"))
        self.scroll_together.setObjectName("scrollTogether")
        self.scroll_together.setToolTip(self.tr("Scrolling one text scrolls the others to the same place"))
        self.scroll_together.setChecked(True)
        self.scroll_together.toggled.connect(self._on_scroll_together)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.scroll_together)
        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(bar)
        content_layout.addWidget(self.splitter, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.content, 1)
        self._ensure_panes(2)
        self.clear()

    def panes(self) -> list[QTextBrowser]:
        """The text panes, left to right."""
        return [pane.browser for pane in self._panes]

    def titles(self) -> list[QLabel]:
        """The title above each pane, left to right."""
        return [pane.title for pane in self._panes]

    def clear(self) -> None:
        """Show nothing but the invitation to choose two texts."""
        for pane in self._panes:
            pane.browser.clear()
            pane.title.clear()
        self.summary.clear()
        self.content.hide()
        self.empty.show()

    def set_pair(self, left_title: str, left_text: str, right_title: str, right_text: str) -> None:
        """Deletions struck through in red on the left, insertions underlined in green on the right."""
        segments = word_diff(left_text, right_text)
        self._ensure_panes(2)
        left, right = self._panes
        red, green = QColor(_RED), QColor(_GREEN)
        left.show_text(
            left_title, None, runs_html(_side_runs(segments, Op.DELETE, _style(_DELETE_STYLE, red))),
            self.tr("%1 (left)").replace("%1", left_title),
            self.tr("Words that %1 deletes are struck through in red").replace("%1", right_title),
        )
        right.show_text(
            right_title, None, runs_html(_side_runs(segments, Op.INSERT, _style(_INSERT_STYLE, green))),
            self.tr("%1 (right)").replace("%1", right_title),
            self.tr("Words that %1 inserts are underlined in green").replace("%1", right_title),
        )
        inserted, deleted = _changed_words(segments)
        self.summary.setText(f"{_words(inserted, self.tr('inserted'))}, {_words(deleted, self.tr('deleted'))}")
        self._show_content()

    def set_columns(self, base_title: str, base_text: str, columns: list[tuple[str, str, str]]) -> None:
        """Compare each party's proposed text with the base: one pane for the base, then one per party.

        ``columns`` holds (party name, colour such as "#1f77b4", proposed text). A party's insertions are
        underlined and tinted in its colour in its own pane; its deletions are struck through in the base.
        """
        colours = [QColor(colour) for _, colour, _ in columns]
        for (name, spec, _), parsed in zip(columns, colours, strict=True):
            if not parsed.isValid():
                raise ValueError(f"{name}: {spec!r} is not a colour")
        diffs = [word_diff(base_text, text) for _, _, text in columns]
        self._ensure_panes(1 + len(columns))
        delete_styles = [_style(_DELETE_STYLE, colour) for colour in colours]
        base_runs = _base_runs(
            base_text, [_deleted_spans(d) for d in diffs], delete_styles, _style(_DELETE_STYLE, QColor(_RED))
        )
        self._panes[0].show_text(
            base_title, None, runs_html(base_runs), self.tr("%1 (base)").replace("%1", base_title),
            self.tr("Words a party deletes are struck through in its colour, or in red if several parties delete them"),
        )
        counts = []
        for pane, (name, _, _), colour, segments in zip(self._panes[1:], columns, colours, diffs, strict=True):
            html = runs_html(_side_runs(segments, Op.INSERT, _style(_INSERT_STYLE, colour)))
            pane.show_text(
                name, colour, html, self.tr("%1's proposal").replace("%1", name),
                self.tr("Words %1 inserts are underlined in its colour").replace("%1", name),
            )
            inserted, deleted = _changed_words(segments)
            counts.append(
                self.tr("%1: %2 inserted, %3 deleted").replace("%1", name)
                .replace("%2", str(inserted)).replace("%3", str(deleted))
            )
        self.summary.setText("; ".join(counts))
        self._show_content()

    def _show_content(self) -> None:
        self.empty.hide()
        self.content.show()

    def _ensure_panes(self, count: int) -> None:
        """Rebuild the panes if there are not exactly ``count`` of them."""
        if len(self._panes) == count:
            return
        for pane in self._panes:
            pane.setParent(None)
            pane.deleteLater()
        self._panes = []
        for _ in range(count):
            pane = _Pane()
            pane.browser.verticalScrollBar().valueChanged.connect(self._on_scrolled)
            self.splitter.addWidget(pane)
            self._panes.append(pane)
        self.splitter.setSizes([1000] * count)

    def _on_scrolled(self, _value: int) -> None:
        source = self.sender()
        if isinstance(source, QScrollBar):
            self._follow(source)

    def _on_scroll_together(self, checked: bool) -> None:
        if checked and self._panes:
            self._follow(self._panes[0].browser.verticalScrollBar())

    def _follow(self, source: QScrollBar) -> None:
        """Move every other pane's scroll bar to the same fraction of its range as ``source``."""
        if self._syncing or not self.scroll_together.isChecked():
            return
        span = source.maximum() - source.minimum()
        fraction = (source.value() - source.minimum()) / span if span > 0 else 0.0
        self._syncing = True
        try:
            for pane in self._panes:
                bar = pane.browser.verticalScrollBar()
                if bar is not source:
                    bar.setValue(bar.minimum() + round(fraction * (bar.maximum() - bar.minimum())))
        finally:
            self._syncing = False
