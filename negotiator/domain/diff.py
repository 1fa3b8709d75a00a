"""Word-level comparison of two texts, shared by the library, proposals, redlines and merges.

Texts are cut into tokens (a word, a run of whitespace, or one punctuation mark), each distinct token
mapped to one character, so diff-match-patch compares words, not letters: "30 days" to "60 days" shows
the number replaced. Long texts are first lined up by paragraph (ending at a blank line), then by
sentence, and only paragraphs that differ are compared word by word; one keeping too few of its words
is shown deleted and inserted whole, as Word does. Work is bounded by counting steps, never by a clock,
so the same texts always give the same diff.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby
from os.path import commonprefix

from diff_match_patch import diff_match_patch

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)
_SURROGATES = range(0xD800, 0xE000)
# Where texts are cut before they are compared: paragraphs at blank lines, then sentences and lines.
_LEVELS = (re.compile(r"\n[^\S\n]*\n\s*"), re.compile(r"[.!?;]\s+|\n\s*"))
_KEEP = 0.45  # a rewritten paragraph or sentence keeping fewer of its words than this is shown whole
_QUICK = 90_000  # token (or paragraph) pairs up to which a diff runs without a work check
_WORK = 600_000  # steps the work check may take before two long passages count as too different
_FULL_ALIGN, _BAND, _ALIGN_CELLS = 4_096, 8, 40_000  # how many pairs of replaced paragraphs _align scores


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


_OPS = {0: Op.EQUAL, 1: Op.INSERT, -1: Op.DELETE}
Parts = list[tuple[Op, str]]


def tokenize(text: str) -> list[str]:
    """Split text into words, whitespace runs and single punctuation marks, losing nothing."""
    return _TOKEN.findall(text)


def word_diff(before: str, after: str) -> list[Segment]:
    """Deterministic word-level diff: concatenating EQUAL+DELETE gives before, EQUAL+INSERT after.

    Paragraphs and sentences that keep fewer than about half their words come out as one
    deletion and one insertion rather than a scatter of changed words.
    """
    return _normalise(_diff(before, after, 0, True))


def fine_word_diff(before: str, after: str) -> list[Segment]:
    """Like word_diff, but marks only the words changed, never a whole paragraph: for merging, not reading."""
    return _normalise(_diff(before, after, 0, False))


def _diff(a: str, b: str, level: int, whole: bool) -> Parts:
    if a == b or not a or not b:
        return [(Op.EQUAL, a)] if a == b else [(Op.DELETE, a), (Op.INSERT, b)]
    if level == len(_LEVELS) or (not whole and len(tokenize(a)) * len(tokenize(b)) <= _QUICK):
        return _token_diff(a, b)
    units_a, units_b = _split(a, _LEVELS[level]), _split(b, _LEVELS[level])
    if len(units_a) == 1 and len(units_b) == 1:
        return _diff(a, b, level + 1, whole)
    left, right, units = _encode(units_a, units_b)
    parts: Parts = []
    old: list[str] = []
    new: list[str] = []
    for code, chars in _bounded_diff(left, right, semantic=False):
        texts = [units[_index(char)] for char in chars]
        if code == 0:
            parts += _replaced_run(old, new, level + 1, whole)
            old, new = [], []
            parts.append((Op.EQUAL, "".join(texts)))
        else:
            (old if code < 0 else new).extend(texts)
    return parts + _replaced_run(old, new, level + 1, whole)


def _split(text: str, boundary: re.Pattern[str]) -> list[str]:
    ends = [match.end() for match in boundary.finditer(text)]
    return [text[start:end] for start, end in zip([0, *ends], [*ends, len(text)], strict=True) if start < end]


def _replaced_run(old: list[str], new: list[str], level: int, whole: bool) -> Parts:
    """Compare deleted paragraphs with the inserted ones that replaced them, pair by pair."""
    parts: Parts = []
    for i, j in _align(old, new):
        if i is not None and j is not None:
            parts += _pair(old[i], new[j], level, whole)
        elif i is not None:
            parts.append((Op.DELETE, old[i]))
        elif j is not None:
            parts.append((Op.INSERT, new[j]))
    return parts


def _align(old: list[str], new: list[str]) -> list[tuple[int | None, int | None]]:
    """Pair old and new paragraphs in order, maximising the share of distinct words each pair has in common."""
    m, n = len(old), len(new)
    low, high = (-m, n) if m * n <= _FULL_ALIGN else (min(0, n - m) - _BAND, max(0, n - m) + _BAND)
    if m * min(n + 1, high - low + 1) > _ALIGN_CELLS:  # too many to score: pair them in order
        return [(k if k < m else None, k if k < n else None) for k in range(max(m, n))]
    words_a, words_b = [set(_WORD.findall(text)) for text in old], [set(_WORD.findall(text)) for text in new]
    score: dict[tuple[int, int], float] = {(0, 0): 0.0}
    move: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(m + 1):
        for j in range(max(0, i + low), min(n, i + high) + 1):
            options = []  # (score, preference, step): on a tie, pair rather than delete, delete before insert
            if i and j:
                shared = len(words_a[i - 1] & words_b[j - 1]) / max(len(words_a[i - 1]), len(words_b[j - 1]), 1)
                options.append((score[i - 1, j - 1] + shared, 2, (1, 1)))
            if (i - 1, j) in score:
                options.append((score[i - 1, j], 1, (1, 0)))
            if (i, j - 1) in score:
                options.append((score[i, j - 1], 0, (0, 1)))
            if options:
                score[i, j], _, move[i, j] = max(options)
    pairs: list[tuple[int | None, int | None]] = []
    i, j = m, n
    while i or j:
        di, dj = move[i, j]
        pairs.append((i - 1 if di else None, j - 1 if dj else None))
        i, j = i - di, j - dj
    return pairs[::-1]


def _pair(a: str, b: str, level: int, whole: bool) -> Parts:
    """Word diff of a paragraph and its replacement, or both whole if they share too few words."""
    if not whole:
        return _diff(a, b, level, False)
    words_a, words_b = Counter(_WORD.findall(a)), Counter(_WORD.findall(b))
    least = _KEEP * max(words_a.total(), words_b.total())
    if (words_a & words_b).total() < least:  # cannot keep enough: no need to compare word by word
        return _whole(a, b)
    parts = _diff(a, b, level, True)
    kept = sum(len(_WORD.findall(text)) for op, text in parts if op is Op.EQUAL)
    return _whole(a, b) if kept < least else parts


def _whole(a: str, b: str) -> Parts:
    """Show ``a`` replaced by ``b`` as a whole, keeping only the whitespace they share around them."""
    common = commonprefix([a, b])
    lead = len(common) - len(common.lstrip())
    common = commonprefix([a[lead:][::-1], b[lead:][::-1]])
    trail = len(common) - len(common.lstrip())
    return [(Op.EQUAL, a[:lead]), (Op.DELETE, a[lead:len(a) - trail]), (Op.INSERT, b[lead:len(b) - trail]),
            (Op.EQUAL, a[len(a) - trail:])]


def _token_diff(a: str, b: str) -> Parts:
    left, right, words = _encode(tokenize(a), tokenize(b))
    return [(_OPS[code], "".join(words[_index(char)] for char in chars))
            for code, chars in _bounded_diff(left, right, semantic=True)]


def _bounded_diff(left: str, right: str, semantic: bool) -> list[tuple[int, str]]:
    """diff-match-patch without a clock; texts too different to compare cheaply are replaced whole."""
    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # no time limit: the same inputs always give the same diff
    start = engine.diff_commonPrefix(left, right)
    end = engine.diff_commonSuffix(left[start:], right[start:])
    middle_left, middle_right = left[start:len(left) - end], right[start:len(right) - end]
    if len(middle_left) * len(middle_right) > _QUICK and not _within(middle_left, middle_right, _WORK):
        diffs = [(0, left[:start]), (-1, middle_left), (1, middle_right), (0, left[len(left) - end:])]
        return [diff for diff in diffs if diff[1]]
    found: list[tuple[int, str]] = engine.diff_main(left, right, False)  # diff-match-patch has no types
    if semantic:
        engine.diff_cleanupSemantic(found)
    return found


def _within(x: str, y: str, budget: int) -> bool:
    """Whether Myers' search for a shortest edit from x to y ends within ``budget`` steps."""
    n, m = len(x), len(y)
    reach = {1: 0}  # diagonal k = i - j: the furthest i reached on it (diagonal 1 seeds the start)
    for d in range(n + m + 1):
        for k in range(-d, d + 1, 2):
            budget -= 1
            deleting = reach[k - 1] + 1 if reach.get(k - 1, n) < n else -1
            inserting = reach[k + 1] if reach.get(k + 1, m + k + 1) - k <= m else -1
            i = start = max(deleting, inserting)
            if i < 0:  # this diagonal runs outside the edit graph
                reach.pop(k, None)
                continue
            while i < n and i - k < m and x[i] == y[i - k]:
                i += 1
            reach[k] = i
            budget -= i - start
            if i == n and i - k == m:
                return True
            if budget < 0:
                return False
    return True


def _encode(first: list[str], second: list[str]) -> tuple[str, str, list[str]]:
    """Map each distinct token (or paragraph) to one character, so diff-match-patch compares them whole."""
    table: dict[str, str] = {}
    items: list[str] = []
    encoded = []
    for sequence in (first, second):
        for item in sequence:
            if item not in table:
                code = len(items) + 1
                table[item] = chr(code + len(_SURROGATES) if code >= _SURROGATES.start else code)  # no lone surrogates
                items.append(item)
        encoded.append("".join(table[item] for item in sequence))
    return encoded[0], encoded[1], items


def _index(char: str) -> int:
    return ord(char) - 1 - (len(_SURROGATES) if ord(char) >= _SURROGATES.stop else 0)


def _normalise(parts: Parts) -> list[Segment]:
    """Drop empty parts and merge neighbours: each run of changes becomes one deletion, then one insertion."""
    segments: list[Segment] = []
    for equal, group in groupby((part for part in parts if part[1]), key=lambda part: part[0] is Op.EQUAL):
        run = list(group)
        for op in [Op.EQUAL] if equal else [Op.DELETE, Op.INSERT]:
            if text := "".join(text for kind, text in run if kind is op):
                segments.append(Segment(op, text))
    return segments


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
