"""Carrying a party's proposed wording onto an agreement that has moved on since it was proposed.

Both the proposal and the current wording are compared word by word with the base they were made
from. Each comparison gives the ranges of the base that side edited. When no range of one side
touches a range of the other, both sets of edits are applied to the base; otherwise the rebase
stops and says where the two overlap. Nothing is matched fuzzily, so a change is never applied in
the wrong place.
"""

from __future__ import annotations

from dataclasses import dataclass

from negotiator.domain.diff import Op, fine_word_diff

_QUOTE_LIMIT = 60


@dataclass(frozen=True)
class Rebase:
    """The merged wording, or None with a plain-English note of each place both sides changed."""

    text: str | None
    conflicts: tuple[str, ...]


@dataclass(frozen=True)
class Edit:
    """``base[start:end]`` replaced by ``text``; start == end is an insertion at that offset."""

    start: int
    end: int
    text: str


def edits(base: str, revised: str) -> list[Edit]:
    """The places where ``revised`` changes ``base``, in order, as offsets into ``base``."""
    found: list[Edit] = []
    position = 0
    start: int | None = None  # where the run of changes being read began
    inserted = ""
    for segment in fine_word_diff(base, revised):
        if segment.op is Op.EQUAL:
            if start is not None:
                found.append(Edit(start, position, inserted))
                start, inserted = None, ""
            position += len(segment.text)
            continue
        start = position if start is None else start
        if segment.op is Op.INSERT:
            inserted += segment.text
        else:
            position += len(segment.text)
    if start is not None:
        found.append(Edit(start, position, inserted))
    return found


def overlaps(first: Edit, second: Edit) -> bool:
    """Whether two edits of the same base collide.

    Ranges that only touch do not, but two insertions at one offset do, and so does an insertion
    inside a changed range or at either end of it.
    """
    if first.start == first.end and second.start == second.end:
        return first.start == second.start
    if first.start == first.end:
        return second.start <= first.start <= second.end
    if second.start == second.end:
        return first.start <= second.start <= first.end
    return first.start < second.end and second.start < first.end


def rebase(base: str, current: str, proposal: str) -> Rebase:
    """Apply the changes ``proposal`` made to ``base`` on top of ``current``, also made from ``base``."""
    if current == base:
        return Rebase(proposal, ())
    if proposal in (base, current):
        return Rebase(current, ())
    ordered = sorted([(edit, 0) for edit in edits(base, current)] + [(edit, 1) for edit in edits(base, proposal)],
                     key=lambda item: (item[0].start, item[0].end, item[1]))
    # Each side's edits are apart from one another, so an edit can only collide with the latest edit
    # of the other side seen so far; colliding edits form one cluster.
    clusters: list[list[tuple[Edit, int]]] = []
    latest: dict[int, Edit] = {}
    for edit, side in ordered:
        other = latest.get(1 - side)
        if clusters and other is not None and overlaps(edit, other):
            clusters[-1].append((edit, side))
        else:
            clusters.append([(edit, side)])
        latest[side] = edit
    chosen: list[Edit] = []
    conflicts: list[str] = []
    for cluster in clusters:
        if len(cluster) == 2 and cluster[0][0] == cluster[1][0]:
            chosen.append(cluster[0][0])  # both sides made exactly the same change
        elif len({side for _, side in cluster}) == 2:
            conflicts.append(_describe(base, [edit for edit, _ in cluster]))
        else:
            chosen.append(cluster[0][0])
    if conflicts:
        return Rebase(None, tuple(conflicts))
    return Rebase(_apply(base, chosen), ())


def _apply(base: str, chosen: list[Edit]) -> str:
    out: list[str] = []
    position = 0
    for edit in chosen:
        if edit.start < position:
            raise AssertionError("overlapping edits were not caught")  # cannot happen: clusters hold them
        out += [base[position:edit.start], edit.text]
        position = edit.end
    return "".join(out) + base[position:]


def _describe(base: str, cluster: list[Edit]) -> str:
    start, end = min(edit.start for edit in cluster), max(edit.end for edit in cluster)
    changed = " ".join(base[start:end].split())
    if changed:
        return f'both change "{_quote(changed)}"'
    before = " ".join(base[:start].split()[-4:])
    return f'both add wording after "{_quote(before)}"' if before else "both add wording at the start"


def _quote(text: str) -> str:
    return text if len(text) <= _QUOTE_LIMIT else text[:_QUOTE_LIMIT - 1].rstrip() + "…"
