"""Word-level comparison of two texts, shared by the library, proposals and redlines.

The texts are cut into tokens (a word, a run of whitespace, or one punctuation mark) and each
distinct token is mapped to one character, so diff-match-patch compares words rather than
letters: "30 days" to "60 days" shows the number replaced, not one digit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from diff_match_patch import diff_match_patch

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_SURROGATES = range(0xD800, 0xE000)


class Op(StrEnum):
    """What a diff segment does to the first text."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Segment:
    """A run of text that is kept, inserted or deleted."""

    op: Op
    text: str


def tokenize(text: str) -> list[str]:
    """Split text into words, whitespace runs and single punctuation marks, losing nothing."""
    return _TOKEN.findall(text)


def _encode(tokens: list[str], table: dict[str, str], words: list[str]) -> str:
    chars = []
    for token in tokens:
        char = table.get(token)
        if char is None:
            code = len(words) + 1
            if code >= _SURROGATES.start:  # surrogates cannot stand alone in a str
                code += len(_SURROGATES)
            char = chr(code)
            table[token] = char
            words.append(token)
        chars.append(char)
    return "".join(chars)


def word_diff(before: str, after: str) -> list[Segment]:
    """Deterministic word-level diff: concatenating EQUAL+DELETE gives before, EQUAL+INSERT after."""
    table: dict[str, str] = {}
    words: list[str] = []
    left = _encode(tokenize(before), table, words)
    right = _encode(tokenize(after), table, words)
    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # no time limit: the same inputs always give the same diff
    diffs = engine.diff_main(left, right, False)
    engine.diff_cleanupSemantic(diffs)
    segments: list[Segment] = []
    for code, chars in diffs:
        op = {0: Op.EQUAL, 1: Op.INSERT, -1: Op.DELETE}[code]
        text = "".join(words[_index(char)] for char in chars)
        if segments and segments[-1].op is op:
            segments[-1] = Segment(op, segments[-1].text + text)
        elif text:
            segments.append(Segment(op, text))
    return segments


def _index(char: str) -> int:
    code = ord(char)
    if code >= _SURROGATES.stop:
        code -= len(_SURROGATES)
    return code - 1


def apply_diff(before: str, segments: list[Segment]) -> str:
    """Replay a diff on ``before``; raises ValueError if the diff was not made from it."""
    position = 0
    out: list[str] = []
    for segment in segments:
        if segment.op is Op.INSERT:
            out.append(segment.text)
            continue
        end = position + len(segment.text)
        if before[position:end] != segment.text:
            raise ValueError("the diff does not match the text it is applied to")
        if segment.op is Op.EQUAL:
            out.append(segment.text)
        position = end
    if position != len(before):
        raise ValueError("the diff does not cover the whole text")
    return "".join(out)


def render_plain(segments: list[Segment]) -> str:
    """Show a diff as plain text: [-deleted-] and {+inserted+}, as wdiff does."""
    marks = {Op.EQUAL: ("", ""), Op.DELETE: ("[-", "-]"), Op.INSERT: ("{+", "+}")}
    return "".join(marks[s.op][0] + s.text + marks[s.op][1] for s in segments)
