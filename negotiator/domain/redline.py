"""Turning two laid-out states of an agreement into one document whose tracked changes lead from
the first to the second, each change under the party whose layer made it (see ``authorship``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from difflib import SequenceMatcher
from typing import overload

from negotiator.domain.authorship import Authorship, Part, UnitBlame
from negotiator.domain.diff import Op
from negotiator.domain.document import Block, Cell, Change, Paragraph, Revision, Row, Run, Table, WordDocument
from negotiator.domain.export_anchors import (
    Anchor,
    ScheduleLine,
    SectionAnchor,
    SectionBody,
    SectionParagraph,
    TitleLine,
    anchor_key,
    place_key,
    place_of,
)
from negotiator.domain.export_layout import (
    SUBJECT_TO_CONTRACT,
    AgreementState,
    Grid,
    Item,
    Line,
    cell_anchor,
    cell_key,
    is_paragraphs,
    layout,
    table_of,
    units,
)

Attribute = Callable[[str], Revision]  # one revision for every change to the unit with this key
_CHANGE = {Op.INSERT: Change.INSERT, Op.DELETE: Change.DELETE, Op.EQUAL: Change.EQUAL}


def clean_document(state: AgreementState) -> WordDocument:
    """The agreement as it stands in one state, with no tracked changes."""
    items = layout(state)
    return WordDocument(tuple(_compare(items, items, Authorship((), _never))), *_margins(state),
                        track_revisions=False)


def redline_document(base: AgreementState, target: AgreementState, authorship: Authorship | Attribute,
                     remarks: Mapping[Anchor, tuple[Revision, ...]] | None = None) -> WordDocument:
    """Tracked changes from ``base`` to ``target``: accept all gives the target, reject all the base.

    ``authorship`` says whose each change is: an :class:`Authorship` over the layers between the
    two, or simply the revision for each unit's key. ``remarks`` are comments that belong to no
    change, by the anchor of the paragraph they go on (a section's heading, a term's schedule line or row);
    one whose paragraph is not in the target goes on the schedule's heading (a term's) or the title.
    """
    who = authorship if isinstance(authorship, Authorship) else Authorship((), authorship)
    blocks = _compare(layout(base), layout(target), who)
    if remarks:
        blocks = _remarked(blocks, remarks)
    return WordDocument(tuple(blocks), *_margins(target), track_revisions=True)


def _remarked(blocks: list[Block], remarks: Mapping[Anchor, tuple[Revision, ...]]) -> list[Block]:
    """The blocks with each remark on the surviving paragraph of its anchor (table cells included)."""
    present = {p.anchor for p in _paragraphs(blocks) if p.anchor and p.mark is not Change.DELETE}
    heading, title = place_key(ScheduleLine("schedule")), place_key(TitleLine("title"))
    wanted: dict[str, tuple[Revision, ...]] = {}
    for anchor, notes in remarks.items():
        key = anchor_key(anchor)
        schedule = not isinstance(anchor, SectionAnchor) and heading in present
        home = key if key in present else heading if schedule else title
        wanted[home] = wanted.get(home, ()) + tuple(notes)

    def mark(paragraph: Paragraph) -> Paragraph:
        notes = wanted.get(paragraph.anchor or "") if paragraph.mark is not Change.DELETE else None
        return replace(paragraph, remarks=paragraph.remarks + notes) if notes else paragraph

    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(mark(block))
        else:
            out.append(replace(block, rows=tuple(replace(row, cells=tuple(
                Cell(tuple(mark(p) for p in cell.paragraphs)) for cell in row.cells)) for row in block.rows)))
    return out


def _paragraphs(blocks: list[Block]) -> list[Paragraph]:
    found = []
    for block in blocks:
        if isinstance(block, Paragraph):
            found.append(block)
        else:
            found += [p for row in block.rows for cell in row.cells for p in cell.paragraphs]
    return found


def _margins(state: AgreementState) -> tuple[str, str]:
    return f"{SUBJECT_TO_CONTRACT} — {state.label}", f"{state.title} — page "


def _never(key: str) -> Revision:
    raise AssertionError(f"a clean document has no changes, yet {key} changed")


def _compare(base: list[Item], target: list[Item], who: Authorship) -> list[Block]:
    old, new = units(base), units(target)
    old_items, new_items = dict(old), dict(new)
    matcher = SequenceMatcher(a=[k for k, _ in old], b=[k for k, _ in new], autojunk=False)
    blocks: list[Block] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for (key, before), (_, after) in zip(old[i1:i2], new[j1:j2], strict=True):
                blocks += _changed_unit(key, before, after, who)
            continue
        for key, items in old[i1:i2]:  # gone, or moved (shown gone here and new where it went)
            blocks += _moved(key, items, new_items[key], Change.DELETE, who) if key in new_items else \
                _gone_or_new(key, items, Change.DELETE, who)
        for key, items in new[j1:j2]:
            blocks += _moved(key, old_items[key], items, Change.INSERT, who) if key in old_items else \
                _gone_or_new(key, items, Change.INSERT, who)
    return blocks


def _moved(key: str, before: list[Item], after: list[Item], change: Change, who: Authorship) -> list[Block]:
    """One side of a unit shown moved (deleted where it was, inserted where it went), under the layer
    that moved it; words other layers changed on the way stay theirs."""
    mover = who.moved(key)
    if not (is_paragraphs(before) and is_paragraphs(after)):  # a table
        return [_whole(item, change, mover) for item in (before if change is Change.DELETE else after)]
    shown = before if change is Change.DELETE else after
    old, new = _text(before), _text(after)
    blame = who.unit(key, old, new, follow=True) if old != new else None
    return [_whole(item, change, mover, blame, at) for item, at in zip(shown, _offsets(shown), strict=True)]


def _gone_or_new(key: str, items: list[Item], change: Change, who: Authorship) -> list[Block]:
    """A unit only one side shows, under the layer where it went or came; words other layers wrote
    into it (or took out of it) on the way stay theirs."""
    revision = who.disappeared(key) if change is Change.DELETE else who.appeared(key)
    if not is_paragraphs(items):  # a table
        return [_whole(item, change, revision) for item in items]
    text = _text(items)
    blame = who.unit(key, text, "", follow=True) if change is Change.DELETE else who.unit(key, "", text, follow=True)
    return [_whole(item, change, revision, blame, at) for item, at in zip(items, _offsets(items), strict=True)]


def _text(items: list[Line]) -> str:
    """A unit's text: its paragraphs joined by a blank line, as the section's wording has them."""
    return "\n\n".join(item.text for item in items)


def _changed_unit(key: str, before: list[Item], after: list[Item], who: Authorship) -> list[Block]:
    if not (is_paragraphs(before) and is_paragraphs(after)):  # a table
        return [_grid(table_of(before), table_of(after), who)]
    if len(before) == 1 and len(after) == 1 and not after[0].group:
        old, new = before[0], after[0]
        parts = who.unit(key, old.text, new.text).parts(0, old.text, 0, new.text) if old.text != new.text else None
        return [_line(new, parts)]
    return _body(key, before, after, who)


def _body(key: str, before: list[Line], after: list[Line], who: Authorship) -> list[Block]:
    """A section's paragraphs: kept, reworded (word by word), added or removed."""
    if [p.text for p in before] == [p.text for p in after]:  # most sections of a redline are unchanged
        return _anchored([_line(a, None) for a in after], key)
    blame = who.unit(key, _text(before), _text(after))
    old_at, new_at = _offsets(before), _offsets(after)
    matcher = SequenceMatcher(a=[p.text for p in before], b=[p.text for p in after], autojunk=False)
    out: list[Paragraph] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                b, a = before[i], after[j]
                out.append(_line(a, blame.parts(old_at[i], b.text, new_at[j], a.text) if b.text != a.text else None))
            continue
        out += [_whole(before[i], Change.DELETE, blame.deleted(old_at[i], old_at[i] + len(before[i].text)), blame,
                       old_at[i]) for i in range(i1, i2)]
        out += [_whole(after[j], Change.INSERT, blame.inserted(new_at[j], new_at[j] + len(after[j].text)), blame,
                       new_at[j]) for j in range(j1, j2)]
    return _anchored(out, key)


def _offsets(paragraphs: list[Line]) -> list[int]:
    """Where each paragraph starts in the section's wording (paragraphs are joined by a blank line)."""
    out, at = [], 0
    for paragraph in paragraphs:
        out.append(at)
        at += len(paragraph.text) + 2
    return out


def _anchored(paragraphs: Sequence[Paragraph], key: str) -> list[Block]:
    """Number a section's surviving paragraphs s12.p1, s12.p2, … for the importer to find them; ``key``
    is the section's body (``s12.body``)."""
    body = place_of(key)
    if not isinstance(body, SectionBody):
        raise ValueError(f"{key!r} names no section's body")
    out: list[Block] = []
    index = 0
    for paragraph in paragraphs:
        if paragraph.mark is not Change.DELETE:
            index += 1
            paragraph = replace(paragraph, anchor=place_key(SectionParagraph(body.section_id, index)))
        out.append(paragraph)
    return out


def _runs(text: str, parts: list[Part] | None, bold: bool) -> tuple[Run, ...]:
    if parts is None:
        return (Run(text, bold=bold),) if text else ()
    return tuple(Run(chunk, _CHANGE[op], revision, bold) for op, chunk, revision in parts)


def _line(after: Line, parts: list[Part] | None) -> Paragraph:
    return Paragraph(_runs(after.text, parts, after.bold), after.style, after.numbered,
                     anchor=None if after.group else after.key, page_break_before=after.page_break)


@overload
def _whole(item: Line, change: Change, revision: Revision, blame: UnitBlame | None = None, at: int = 0) -> Paragraph:
    ...
@overload
def _whole(item: Item, change: Change, revision: Revision, blame: UnitBlame | None = None, at: int = 0) -> Block: ...
def _whole(item: Item, change: Change, revision: Revision, blame: UnitBlame | None = None, at: int = 0) -> Block:
    """An item inserted or deleted whole under ``revision``; with ``blame`` (the item's unit followed
    through the layers, the item starting at ``at`` in it), its words go to the layers that wrote or
    took them out, and only the paragraph mark and the words of no other layer to ``revision``."""
    if isinstance(item, Grid):
        rows = [Row(_cells(item.header, change, revision), change, revision, header=True)]
        rows += [Row(_cells(cells, change, revision), change, revision) for _, cells in item.rows]
        return Table(tuple(rows), anchor=item.key)
    if blame is not None and item.text:
        op = Op.DELETE if change is Change.DELETE else Op.INSERT
        runs = _runs(item.text, blame.owned(op, item.text, at, revision), item.bold)
    else:
        runs = (Run(item.text, change, revision, item.bold),) if item.text else ()
    return Paragraph(runs, item.style, item.numbered, change, revision,
                     anchor=item.key if change is Change.INSERT and not item.group else None,
                     page_break_before=item.page_break)


def _cells(texts: tuple[str, ...], change: Change, revision: Revision | None) -> tuple[Cell, ...]:
    return tuple(Cell((Paragraph((Run(t, change, revision if change is not Change.EQUAL else None),) if t else ()),))
                 for t in texts)


def _grid(before: Grid, after: Grid, who: Authorship) -> Table:
    """Rows aligned by key: kept rows compare cell by cell, others are tracked whole."""
    rows = [Row(_cells(after.header, Change.EQUAL, None), header=True)]
    old = dict(before.rows)
    old_keys, new_keys = set(old), {k for k, _ in after.rows}
    matcher = SequenceMatcher(a=[k for k, _ in before.rows], b=[k for k, _ in after.rows], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for key, cells in after.rows[j1:j2]:
                rows.append(Row(tuple(
                    Cell((Paragraph(_runs(a, _cell_parts(who, key, column, b, a), False),
                                    anchor=cell_anchor(key, column, len(cells))),))
                    for column, (b, a) in enumerate(zip(old[key], cells, strict=True)))))
            continue
        for key, cells in before.rows[i1:i2]:
            first = cell_key(key, 0)
            revision = who.moved(first) if key in new_keys else who.disappeared(first)
            rows.append(Row(_cells(cells, Change.DELETE, revision), Change.DELETE, revision))
        for key, cells in after.rows[j1:j2]:
            first = cell_key(key, 0)
            revision = who.moved(first) if key in old_keys else who.appeared(first)
            rows.append(Row(_cells(cells, Change.INSERT, revision), Change.INSERT, revision))
    return Table(tuple(rows), anchor=after.key)


def _cell_parts(who: Authorship, row: str, column: int, before: str, after: str) -> list[Part] | None:
    if before == after:
        return None
    blame: UnitBlame = who.unit(cell_key(row, column), before, after)
    return blame.parts(0, before, 0, after)
