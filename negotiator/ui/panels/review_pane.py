"""The review pane, as Word's reviewing pane: every proposal, remark and recorded decision of the open
agreement, one compact entry each (the party in its colour, the status, the place, the change as an
inline diff with the old words struck through and the new ones underlined, and the rationale), with
filters by party, status and place."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import cast

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from negotiator.domain.diff import Op
from negotiator.domain.parties import Party
from negotiator.domain.review import REMARK, ReviewEntry, filter_places, matches
from negotiator.ui.common.colours import qcolour

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 7
Index = QModelIndex | QPersistentModelIndex
# What identifies an entry: ("proposal", id), or ("remark", party id, place, time).
EntryKey = tuple[str, int | None] | tuple[str, int, str, datetime]
# The statuses a reader filters by: (value for matches(), label).
STATUSES = (("open", "Open"), ("decided", "Decided (any)"), ("accepted", "Accepted"), ("rejected", "Rejected"),
            ("withdrawn", "Withdrawn"), ("superseded", "Superseded"), (REMARK, "Remarks"))
# Deleted and inserted words: the comparison view's colours, lighter on a dark background to stay legible.
_LIGHT = {Op.DELETE: QColor("#cf222e"), Op.INSERT: QColor("#1a7f37")}
_DARK = {Op.DELETE: QColor("#ff7b72"), Op.INSERT: QColor("#3fb950")}
_LINES, _PAD, _BAR = 5, 4, 4  # lines per entry, padding in pixels, width of the party's colour bar


def entry_key(entry: ReviewEntry) -> EntryKey:
    """What identifies an entry across reloads: its proposal, or its remark's party, place and time."""
    return ("proposal", entry.proposal_id) if entry.proposal_id is not None else \
        ("remark", entry.party_id, entry.target, entry.at)


def status_words(entry: ReviewEntry) -> str:
    """The entry's status as the pane shows it: "open, contested", "accepted", "remark"."""
    flags = [f for f, on in (("contested", entry.contested), ("stale", entry.stale)) if on]
    return ", ".join([entry.status, *flags])


def summary(entry: ReviewEntry) -> str:
    """The whole entry in one plain line, for screen readers and for typing to find an entry."""
    why = f" Rationale: {entry.rationale}" if entry.rationale and not entry.is_remark else ""
    said = f" ({entry.positions})" if entry.positions else ""
    change = entry.change_text().rstrip()
    stop = "" if change.endswith((".", "…", "!", "?", "\u201d")) else "."
    return f"{entry.party_name}, {status_words(entry)}: {entry.place}. {change}{stop}{why}{said}"


class ReviewModel(QAbstractListModel):
    """The entries that pass the filters, in reading order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[ReviewEntry] = []
        self.shown: list[ReviewEntry] = []
        self.party_ids: list[int] = []
        self._filters: tuple[int | None, str | None, str | None] = (None, None, None)

    def set_entries(self, entries: Sequence[ReviewEntry], party_ids: list[int]) -> None:
        """Replace every entry (already in reading order); the filters stay as they were."""
        self.beginResetModel()
        self.entries, self.party_ids = list(entries), party_ids
        self.shown = [e for e in self.entries if matches(e, *self._filters)]
        self.endResetModel()

    def set_filters(self, party_id: int | None, status: str | None, place: str | None) -> None:
        """Show only the entries of this party, status and place (None: any); they combine."""
        self.beginResetModel()
        self._filters = (party_id, status, place)
        self.shown = [e for e in self.entries if matches(e, *self._filters)]
        self.endResetModel()

    def row_of(self, key: EntryKey) -> int | None:
        """The row of the entry with this key, if it is shown."""
        return next((row for row, e in enumerate(self.shown) if entry_key(e) == key), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.shown[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return summary(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return summary(entry) + "\n" + self.tr("Enter goes to its place in the agreement.")
        return None


class ReviewDelegate(QStyledItemDelegate):
    """Paints an entry with plain QPainter runs: the party and status, the place, the inline diff (up to
    two lines) and the rationale. A rich-text document per entry would be far too slow for hundreds."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return QSize(120, _LINES * QFontMetrics(option.font).lineSpacing() + 2 * _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        entry: ReviewEntry = index.data(ENTRY_ROLE)
        model = cast(ReviewModel, index.model())  # the delegate paints only the pane's list, over a ReviewModel
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""  # the background, selection and focus frame only: the text is drawn below
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlpha(170)
        party = qcolour(entry.party_id, model.party_ids)
        painter.save()
        rect = option.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.fillRect(rect.left(), rect.top(), _BAR, rect.height(), party)
        left, right = rect.left() + _BAR + _PAD, rect.right()
        metrics = QFontMetrics(option.font)
        line = metrics.lineSpacing()
        baseline = rect.top() + metrics.ascent()
        bold = QFont(option.font)
        bold.setBold(True)
        status = f"  ·  {status_words(entry)}"
        room = right - left - metrics.horizontalAdvance(status)  # the status stays in view; a long name is cut
        x = _run(painter, bold, text if selected else party, left, baseline, left + max(room, (right - left) // 2),
                 entry.party_name)
        _run(painter, option.font, text, x, baseline, right, status)
        _run(painter, bold, muted, left, baseline + line, right, entry.place)
        colours = _DARK if palette.color(QPalette.ColorRole.Base).lightness() < 128 else _LIGHT
        self._diff(painter, option.font, entry, text, colours if not selected else None, left, right,
                   baseline + 2 * line, line)
        italic = QFont(option.font)
        italic.setItalic(True)
        said = " · ".join(filter(None, (entry.rationale if not entry.is_remark else "", entry.positions)))
        _run(painter, italic, muted, left, baseline + 4 * line, right, said)
        painter.restore()

    @staticmethod
    def _diff(painter: QPainter, base: QFont, entry: ReviewEntry, text: QColor, colours: Mapping[Op, QColor] | None,
              left: int, right: int, baseline: int, line: int) -> None:
        """The inline diff word by word, wrapped onto a second line and cut with "…" after it; deleted words
        struck through and inserted ones underlined (in red and green unless the entry is selected)."""
        x, lines = left, 1
        for segment in entry.change:
            font = QFont(base)
            font.setStrikeOut(segment.op is Op.DELETE)
            font.setUnderline(segment.op is Op.INSERT)
            colour = text if colours is None or segment.op is Op.EQUAL else colours[segment.op]
            metrics = QFontMetrics(font)
            for word in _WORDS.findall(segment.text):
                width = metrics.horizontalAdvance(word)
                if x + width > right and not word.isspace() and x > left:
                    if lines == 2:
                        _run(painter, font, colour, x, baseline, right, word + "…")
                        return
                    x, lines, baseline = left, 2, baseline + line
                if x == left and word.isspace():
                    continue  # no line starts with a space
                x = _run(painter, font, colour, x, baseline, right, word)


_WORDS = re.compile(r"\s+|\S+")


def _run(painter: QPainter, font: QFont, colour: QColor, x: int, baseline: int, right: int, text: str) -> int:
    """Draw ``text`` from ``x``, cut with "…" at ``right``; returns where the next run starts (past ``right``
    once the line is full)."""
    if not text or x > right:
        return x
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance(text)
    if x + width > right:
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, right - x)
        width = right - x + 1
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(x, baseline, text)
    return x + width


class ReviewPane(QWidget):
    """The filters over the list of entries; the window's review controller fills it and follows it."""

    entry_chosen = Signal(object)  # the ReviewEntry the user moved to
    entry_activated = Signal(object)  # the ReviewEntry the user pressed Enter on (or double-clicked)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ReviewModel(self)
        self._quiet = False  # True while the pane itself restores the selection: nothing to follow then
        self.party = self._combo(self.tr("Filter by party"), self.tr("Show only this party's proposals and remarks"))
        self.status = self._combo(self.tr("Filter by status"),
                                  self.tr("Show only open proposals, decided ones (the recorded changes), or remarks"))
        self.place = self._combo(self.tr("Filter by place"),
                                 self.tr("Show only the entries on one section, on the terms or on new sections"))
        self.status.addItem(self.tr("All statuses"), None)
        for value, label in STATUSES:
            self.status.addItem(self.tr(label), value)
        self.caption = QLabel(self.tr("Open an agreement to review its changes."))
        self.caption.setWordWrap(True)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(ReviewDelegate(self.list))
        self.list.setUniformItemSizes(True)  # one height for all: the view never measures every entry
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # entries fit the width
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setAccessibleName(self.tr("Review: proposals, remarks and decisions"))
        self.list.setToolTip(self.tr("Every proposal, remark and recorded decision of the agreement, in reading "
                                     "order: old words struck through, new ones underlined. Enter goes to the place."))
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.activated.connect(lambda index: self.entry_activated.emit(index.data(ENTRY_ROLE)))
        filters = QGridLayout()
        for row, (label, combo) in enumerate(((self.tr("Party"), self.party), (self.tr("Status"), self.status),
                                              (self.tr("Place"), self.place))):
            caption = QLabel(label)
            caption.setBuddy(combo)
            filters.addWidget(caption, row, 0)
            filters.addWidget(combo, row, 1)
        filters.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.caption)
        layout.addWidget(self.list, 1)
        for combo in (self.party, self.status, self.place):
            combo.currentIndexChanged.connect(lambda _i: self._filter())

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)  # long headings do not widen the pane
        return combo

    def set_entries(self, entries: Sequence[ReviewEntry], parties: Mapping[int, Party]) -> None:
        """Show these entries (in reading order), keeping the filters and the selected entry where they
        still apply."""
        selected = self.selected()
        self._refill(self.party, [(self.tr("All parties"), None)] + [(p.name, pid) for pid, p in parties.items()])
        self._refill(self.place, [(self.tr("All places"), None)] + [(words, key) for key, words in
                                                                    filter_places(entries)])
        self._quiet = True
        try:
            self.model.set_entries(entries, list(parties))
            self._apply_filters()
            if selected is not None:
                self.select(entry_key(selected))
        finally:
            self._quiet = False

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        """Replace a filter's choices, keeping the one chosen if it is still offered (else: all)."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        found = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def _filter(self) -> None:
        selected = self.selected()
        self._quiet = True
        try:
            self._apply_filters()
            if selected is not None:
                self.select(entry_key(selected))
        finally:
            self._quiet = False

    def _apply_filters(self) -> None:
        self.model.set_filters(self.party.currentData(), self.status.currentData(), self.place.currentData())
        shown, total = len(self.model.shown), len(self.model.entries)
        open_count = sum(e.is_open for e in self.model.entries)
        self.caption.setText(self.tr("%1 of %2 shown; %3 open.").replace("%1", str(shown))
                             .replace("%2", str(total)).replace("%3", str(open_count)) if total else
                             self.tr("No proposals or remarks on this agreement yet."))

    def select(self, key: EntryKey) -> bool:
        """Select the entry with this key, if shown (the pane follows the user's moves, not this)."""
        row = self.model.row_of(key)
        if row is None:
            return False
        self.list.setCurrentIndex(self.model.index(row))
        return True

    def selected(self) -> ReviewEntry | None:
        """The entry selected in the list."""
        index = self.list.currentIndex()
        return index.data(ENTRY_ROLE) if index.isValid() else None

    # The name hides QWidget.move (a pane is never moved by code); renaming it means changing the review
    # controller, which calls it, too.
    def step_to(self, step: int, start: int | None = None) -> ReviewEntry | None:
        """Select the next (``step`` 1) or previous (-1) entry shown, from the selected one or, with none
        selected, from row ``start`` (the entry there counts when moving forward); wraps around."""
        rows = self.model.rowCount()
        if not rows:
            return None
        here = self.list.currentIndex()
        if here.isValid():
            row = (here.row() + step) % rows
        else:
            row = (start if start is not None else (0 if step > 0 else rows)) + (0 if step > 0 else -1)
            row %= rows
        self.list.setCurrentIndex(self.model.index(row))
        return self.selected()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.entry_chosen.emit(current.data(ENTRY_ROLE))
