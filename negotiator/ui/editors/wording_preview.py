"""The change a proposed wording makes, word by word, as the reader of the agreement will see it: terms
shown by their current values (as chips), inserted words underlined in green, deleted ones struck through."""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from negotiator.domain.diff import word_diff
from negotiator.domain.placeholders import PLACEHOLDER
from negotiator.ui.common.diff_html import segments_html

_FIRST = 0xF0000  # supplementary private use: one character per term, which the word diff keeps whole
_CHIP_STYLE = "border:1px solid #2e6ec8;background-color:rgba(46,110,200,0.16);"


def _coded(text: str, names: dict[str, str]) -> str:
    """Each placeholder as one private character, so a term counts as one word in the diff."""
    def code(match: re.Match[str]) -> str:
        return names.setdefault(match.group(1), chr(_FIRST + len(names)))
    return PLACEHOLDER.sub(code, text)


def wording_diff_html(before: str, after: str, words: Mapping[str, str]) -> str:
    """HTML of the word diff from ``before`` to ``after``; each term as its value in words (its name if
    the agreement has no such term), marked as a term."""
    names: dict[str, str] = {}
    html = segments_html(word_diff(_coded(before, names), _coded(after, names)))
    for name, char in names.items():
        shown = escape(words.get(name) or f"{{{{{name}}}}}")
        html = html.replace(char, f'<span style="{_CHIP_STYLE}">&nbsp;{shown}&nbsp;</span>')
    return html


class WordingPreview(QTextBrowser):
    """Shows the word diff of the proposed wording against the current wording as the user types."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Changes to the wording"))
        self.setToolTip(self.tr("What your wording changes: inserted words underlined in green, deleted words "
                                "struck through in red"))
        self.setOpenLinks(False)
        self._before = ""
        self._words: dict[str, str] = {}

    def set_current(self, before: str, words: Mapping[str, str]) -> None:
        """The wording the proposal changes, and each term's value in words."""
        self._before, self._words = before, dict(words)

    def show_change(self, after: str) -> None:
        """Show the diff to ``after``, keeping the reader's place."""
        scrolled = self.verticalScrollBar().value()
        if after == self._before:
            self.setHtml(f"<p><i>{escape(self.tr('No change yet: edit the wording to see it here.'))}</i></p>")
        else:
            self.setHtml(wording_diff_html(self._before, after, self._words))
        self.verticalScrollBar().setValue(scrolled)
