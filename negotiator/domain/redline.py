"""Turning two laid-out states of an agreement into one document whose tracked changes lead from
the first to the second, each change under the author the caller names for it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from difflib import SequenceMatcher
from itertools import groupby

from negotiator.domain.diff import Op, word_diff
from negotiator.domain.document import Block, Cell, Change, Paragraph, Revision, Row, Run, Table, WordDocument
from negotiator.domain.export_layout import SUBJECT_TO_CONTRACT, AgreementState, Grid, Item, Line, layout

Attribute = Callable[[str], Revision]  # the revision for a change to the line or row with this key
_CHANGE = {Op.INSERT: Change.INSERT, Op.DELETE: Change.DELETE, Op.EQUAL: Change.EQUAL}


def clean_document(state: AgreementState) -> WordDocument:
    """The agreement as it stands in one state, with no tracked changes."""
    items = layout(state)
    return WordDocument(tuple(_compare(items, items, _never)), *_margins(state), track_revisions=False)


def redline_document(base: AgreementState, target: AgreementState, attribute: Attribute,
                     appendix: tuple[Block, ...] = ()) -> WordDocument:
    """Tracked changes from ``base`` to ``target``: accept all gives the target, reject all the base."""
    blocks = _compare(layout(base), layout(target), attribute) + list(appendix)
    return WordDocument(tuple(blocks), *_margins(target), track_revisions=True)


def _margins(state: AgreementState) -> tuple[str, str]:
    return f"{SUBJECT_TO_CONTRACT} — {state.label}", f"{state.title} — page "


def _never(key: str) -> Revision:
    raise AssertionError(f"a clean document has no changes, yet {key} changed")


def _units(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """Items in alignment units: a section's body paragraphs together, every other item alone."""
    units: list[tuple[str, list[Item]]] = []
    for group, members in groupby(items, key=lambda i: i.group if isinstance(i, Line) and i.group else None):
        if group is not None:
            units.append((group + ".body", list(members)))
        else:
            units.extend((item.key, [item]) for item in members)
    return units


def _compare(base: list[Item], target: list[Item], attribute: Attribute) -> list[Block]:
    old, new = _units(base), _units(target)
    matcher = SequenceMatcher(a=[k for k, _ in old], b=[k for k, _ in new], autojunk=False)
    blocks: list[Block] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for (key, before), (_, after) in zip(old[i1:i2], new[j1:j2], strict=True):
                blocks += _changed_unit(key, before, after, attribute)
            continue
        for key, items in old[i1:i2]:
            blocks += [_whole(item, Change.DELETE, attribute(key)) for item in items]
        for key, items in new[j1:j2]:
            blocks += [_whole(item, Change.INSERT, attribute(key)) for item in items]
    return blocks


def _changed_unit(key: str, before: list[Item], after: list[Item], attribute: Attribute) -> list[Block]:
    if isinstance(after[0], Grid):
        return [_grid(before[0], after[0], attribute)]
    if len(before) == 1 and len(after) == 1 and not after[0].group:
        return [_line(before[0], after[0], attribute(key) if before[0].text != after[0].text else None)]
    return _body(key, before, after, attribute)


def _body(key: str, before: list[Line], after: list[Line], attribute: Attribute) -> list[Block]:
    """A section's paragraphs: kept, reworded (word by word), added or removed."""
    if [p.text for p in before] == [p.text for p in after]:  # most sections of a redline are unchanged
        return _anchored([_line(b, a, None) for b, a in zip(before, after, strict=True)], key)
    matcher = SequenceMatcher(a=[p.text for p in before], b=[p.text for p in after], autojunk=False)
    out: list[Block] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for b, a in zip(before[i1:i2], after[j1:j2], strict=True):
                out.append(_line(b, a, attribute(key) if b.text != a.text else None))
            continue
        out += [_whole(p, Change.DELETE, attribute(key)) for p in before[i1:i2]]
        out += [_whole(p, Change.INSERT, attribute(key)) for p in after[j1:j2]]
    return _anchored(out, key)


def _anchored(paragraphs: list[Block], key: str) -> list[Block]:
    """Number a section's surviving paragraphs s12.p1, s12.p2, … for the importer to find them."""
    section = key.removesuffix(".body")
    out, index = [], 0
    for paragraph in paragraphs:
        if paragraph.mark is not Change.DELETE:
            index += 1
            paragraph = replace(paragraph, anchor=f"{section}.p{index}")
        out.append(paragraph)
    return out


def _runs(before: str, after: str, revision: Revision | None, bold: bool) -> tuple[Run, ...]:
    if revision is None or before == after:
        return (Run(after, bold=bold),) if after else ()
    return tuple(Run(s.text, _CHANGE[s.op], None if s.op is Op.EQUAL else revision, bold)
                 for s in word_diff(before, after))


def _line(before: Line, after: Line, revision: Revision | None) -> Paragraph:
    return Paragraph(_runs(before.text, after.text, revision, after.bold), after.style, after.numbered,
                     anchor=None if after.group else after.key, page_break_before=after.page_break)


def _whole(item: Item, change: Change, revision: Revision) -> Block:
    if isinstance(item, Grid):
        rows = [Row(_cells(item.header, change, revision), change, revision, header=True)]
        rows += [Row(_cells(cells, change, revision), change, revision) for _, cells in item.rows]
        return Table(tuple(rows), anchor=item.key)
    runs = (Run(item.text, change, revision, item.bold),) if item.text else ()
    return Paragraph(runs, item.style, item.numbered, change, revision,
                     anchor=item.key if change is Change.INSERT and not item.group else None,
                     page_break_before=item.page_break)


def _cells(texts: tuple[str, ...], change: Change, revision: Revision | None) -> tuple[Cell, ...]:
    return tuple(Cell((Paragraph((Run(t, change, revision if change is not Change.EQUAL else None),) if t else ()),))
                 for t in texts)


def _grid(before: Grid, after: Grid, attribute: Attribute) -> Table:
    """Rows aligned by key: kept rows compare cell by cell, others are tracked whole."""
    rows = [Row(_cells(after.header, Change.EQUAL, None), header=True)]
    old = dict(before.rows)
    matcher = SequenceMatcher(a=[k for k, _ in before.rows], b=[k for k, _ in after.rows], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for key, cells in after.rows[j1:j2]:
                revision = attribute(key) if old[key] != cells else None
                rows.append(Row(tuple(Cell((Paragraph(_runs(b, a, revision, False),
                                                      anchor=f"term.{key}" if i == len(cells) - 1 else None),))
                                      for i, (b, a) in enumerate(zip(old[key], cells, strict=True)))))
            continue
        for key, cells in before.rows[i1:i2]:
            rows.append(Row(_cells(cells, Change.DELETE, attribute(key)), Change.DELETE, attribute(key)))
        for key, cells in after.rows[j1:j2]:
            rows.append(Row(_cells(cells, Change.INSERT, attribute(key)), Change.INSERT, attribute(key)))
    return Table(tuple(rows), anchor=after.key)
