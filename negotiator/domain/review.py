"""The review of an agreement, as Word's reviewing pane lists it: every proposal (open or decided) and
every remark, in the agreement's reading order, each as a compact inline diff with its party, status,
place and rationale; the filters a reader narrows it with; and which sections carry open or contested
proposals (the outline marks them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache
from typing import Protocol

from negotiator.domain.change_summary import LIMIT, compact_segments
from negotiator.domain.diff import Op, Segment
from negotiator.domain.parties import Party
from negotiator.domain.proposals import Proposal, ProposalKind, placement
from negotiator.domain.remarks import PositionTaken, Remark, standing_positions
from negotiator.domain.term_words import term_label, value_words

REMARK = "remark"  # the status of a remark in the review, beside the proposals' statuses
TERMS = "terms"  # the place filter for every term
NEW = "new"  # the place filter for proposed new sections
_SECTIONS, _NEW_SECTIONS, _TERMS = 0, 0, 1  # reading order: sections (new ones where they go), then the terms
# Where in the agreement an entry belongs: sections then terms, the place among them, then a term's name.
Place = tuple[int, float, str]


class Reviewed(Protocol):
    """A proposal as the services show it (``ProposalView``): with its rivals and whether it is stale."""

    proposal: Proposal
    competing_with: tuple[int, ...]
    stale: bool


@dataclass(frozen=True)
class ReviewEntry:
    """One line of the review: a proposal or a remark."""

    proposal_id: int | None  # None for a remark
    party_id: int
    party_name: str
    status: str  # a proposal's status ("open", "accepted", …) or REMARK
    target: str  # "section:ID", a term name, "terms" (several terms) or "new"
    section_id: int | None  # the section to go to: its own, or the one a new section follows
    place: str  # where, in words: "5.1 Alliance Board: meetings", "Risk corridor"
    # The inline diff, worked out when first wanted (see ``change``): a list shows a few entries at a time,
    # and diffing the wording of hundreds of proposals up front would hold up filling it.
    make_change: Callable[[], tuple[Segment, ...]] = field(compare=False, repr=False)
    rationale: str  # the proposal's rationale, or the remark's own words
    at: datetime
    order: tuple[int, float, str, float, int]  # reading order: the place, when made, a proposal before a remark
    contested: bool = False  # open, and a rival proposes otherwise or a party opposes it
    stale: bool = False  # made on wording that has changed since
    positions: str = ""  # the other parties' standing positions, in words

    @cached_property
    def change(self) -> tuple[Segment, ...]:
        """The inline diff: kept, deleted and inserted words ("within ~~60~~ 40 Working Days")."""
        return self.make_change()

    @property
    def is_remark(self) -> bool:
        """Whether the entry is a remark rather than a proposal."""
        return self.proposal_id is None

    @property
    def is_open(self) -> bool:
        """Whether the entry is an open proposal."""
        return self.status == "open"

    @property
    def place_key(self) -> str:
        """The place filter the entry falls under: its section ("section:ID"), TERMS or NEW."""
        if self.target.startswith("section:"):
            return self.target
        return NEW if self.target == NEW else TERMS

    def change_text(self) -> str:
        """The inline diff in plain words, for a screen reader or a tooltip: "60 → 40", "+ new", "− old"."""
        out = ""
        segments = list(self.change)
        for index, segment in enumerate(segments):
            if segment.op is Op.EQUAL:
                between = segment.text == " " and 0 < index < len(segments) - 1 and \
                    segments[index - 1].op is Op.DELETE and segments[index + 1].op is Op.INSERT
                out += " → " if between else segment.text
                continue
            replaced = index >= 2 and segments[index - 2].op is Op.DELETE and segments[index - 1].text == " "
            followed = index + 2 < len(segments) and segments[index + 2].op is Op.INSERT \
                and segments[index + 1].text == " "
            if segment.op is Op.INSERT and replaced or segment.op is Op.DELETE and followed:
                out += segment.text
            else:
                sign = "+ " if segment.op is Op.INSERT else "− "
                out += (" " if out and not out.endswith(" ") else "") + sign + segment.text
        return out


def review_entries(views: Iterable[Reviewed], remarks: Iterable[Remark], positions: Iterable[PositionTaken],
                   places: Mapping[str, str], parties: Mapping[int, Party]) -> list[ReviewEntry]:
    """Every proposal and remark of an agreement as review entries, in reading order. ``places`` names the
    sections in outline order ("section:ID" -> "5.1 Alliance Board"); ``parties`` names the terms."""
    position = {target: index for index, target in enumerate(places)}
    standing = standing_positions(positions)
    names = {p.id: p.name for p in parties.values() if p.id is not None}
    entries = [_proposal_entry(v, places, position, parties, standing.get(v.proposal.id, {}), names) for v in views]
    entries += [_remark_entry(r, places, position, parties) for r in remarks]
    return sorted(entries, key=lambda e: e.order)


def _proposal_entry(view: Reviewed, places: Mapping[str, str], position: Mapping[str, int],
                    parties: Mapping[int, Party], standing: Mapping[int, bool], names: Mapping[int, str]
                    ) -> ReviewEntry:
    p = view.proposal
    opposed = [names.get(party, str(party)) for party, supports in standing.items() if not supports]
    supported = [names.get(party, str(party)) for party, supports in standing.items() if supports]
    said = "; ".join(filter(None, (f"supported by {', '.join(supported)}" if supported else "",
                                   f"opposed by {', '.join(opposed)}" if opposed else "")))
    section_id, place, order = _where(p, places, position, parties)
    return ReviewEntry(p.id, p.party_id, p.party_name, p.status.value, p.target, section_id, place,
                       lambda: tuple(_change(p, parties, places)), p.rationale, p.created_at,
                       (*order, p.created_at.timestamp(), 0),
                       p.is_open and bool(view.competing_with or opposed), p.is_open and view.stale, said)


def _where(p: Proposal, places: Mapping[str, str], position: Mapping[str, int], parties: Mapping[int, Party]
           ) -> tuple[int | None, str, Place]:
    """The section to go to, the place in words and the reading order of a proposal."""
    values = p.term_values()
    if values:
        first = min(values)
        return None, ", ".join(term_label(name, parties) for name in values), (_TERMS, 0, first)
    if p.kind is ProposalKind.ADD_SECTION:
        how, after = placement(p.place)
        target = f"section:{after}" if after is not None else ""
        where = places.get(target, "")
        text = f"New section after {where}" if where else ("New first section" if how == "first" else
                                                             "New section at the end")
        at = position.get(target, -1 if how == "first" else len(position))
        return after if target in places else None, text, (_NEW_SECTIONS, at + 0.5, "")
    if p.target in places:
        return p.section_id, places[p.target], (_SECTIONS, position[p.target], "")
    # A section no longer in the outline (its removal was accepted): listed last among the sections.
    gone = f"{p.heading} (no longer in the agreement)" if p.heading else "A section no longer in the agreement"
    return None, gone, (_SECTIONS, len(position) + 1, "")


def _change(p: Proposal, parties: Mapping[int, Party], places: Mapping[str, str]) -> list[Segment]:
    """What a proposal changes as an inline diff: old values or words struck through, new ones marked."""
    values = p.term_values()
    if values:
        before = p.term_values(base=True)
        out: list[Segment] = []
        for name, value in values.items():
            if out:
                out.append(Segment(Op.EQUAL, "; "))
            out.append(Segment(Op.EQUAL, f"{term_label(name, parties)}: "))
            old = value_words(name, before.get(name, ""))
            if old != value_words(name, value):
                out += [Segment(Op.DELETE, old), Segment(Op.EQUAL, " ")]
            out.append(Segment(Op.INSERT, value_words(name, value)))
        return out
    if p.kind is ProposalKind.WORDING:
        return list(_wording_change(p.base, p.proposed))
    if p.kind is ProposalKind.ADD_SECTION:
        return [Segment(Op.EQUAL, "new section: "), Segment(Op.INSERT, _opening(f"{p.heading}. {p.proposed}"))]
    if p.kind is ProposalKind.REMOVE_SECTION:
        return [Segment(Op.EQUAL, "remove the section: "), Segment(Op.DELETE, _opening(p.base))] if p.base.strip() \
            else [Segment(Op.EQUAL, "remove the section")]
    how, after = placement(p.place)
    where = places.get(f"section:{after}", "") if after is not None else ""
    return [Segment(Op.EQUAL, f"move the section after {where}" if where else
                    "move the section to the start" if how == "first" else "move the section to the end")]


@lru_cache(maxsize=2048)  # a few thousand short texts: a bounded few megabytes
def _wording_change(base: str, proposed: str) -> tuple[Segment, ...]:
    """A wording proposal's inline diff, kept for the next time: proposals never change, and the review
    is read again after every step of the negotiation."""
    return tuple(compact_segments(base, proposed))


def _opening(text: str, words: int = 16) -> str:
    """The first words of a passage, "…" where it goes on."""
    split = text.split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")


def _remark_entry(r: Remark, places: Mapping[str, str], position: Mapping[str, int],
                  parties: Mapping[int, Party]) -> ReviewEntry:
    if r.section_id is not None:
        place = places.get(r.target, "A section no longer in the agreement")
        order = (_SECTIONS, position.get(r.target, len(position) + 1), "")
    else:
        place, order = term_label(r.target, parties), (_TERMS, 0, r.target)
    said = f"\u201c{r.text}\u201d"
    said = said if len(said) <= LIMIT else said[:LIMIT - 2] + "…\u201d"
    reply = f" (in reply to proposal {r.answers})" if r.answers else ""
    return ReviewEntry(None, r.party_id, r.party_name, REMARK, r.target, r.section_id, place,
                       lambda: (Segment(Op.EQUAL, said + reply),), r.text, r.at, (*order, r.at.timestamp(), 1))


def matches(entry: ReviewEntry, party_id: int | None = None, status: str | None = None,
            place: str | None = None) -> bool:
    """Whether an entry passes the filters (None: any). ``status`` is a proposal status, REMARK, or
    "decided" for every recorded decision; ``place`` is a section ("section:ID"), TERMS or NEW."""
    if party_id is not None and entry.party_id != party_id:
        return False
    if status == "decided":
        if entry.is_remark or entry.is_open:
            return False
    elif status is not None and entry.status != status:
        return False
    return place is None or entry.place_key == place


def filter_places(entries: Sequence[ReviewEntry]) -> list[tuple[str, str]]:
    """The places a reader can narrow the review to, in reading order: (key, words), each once."""
    seen: dict[str, str] = {}
    for entry in entries:
        key = entry.place_key
        if key not in seen:
            seen[key] = {TERMS: "Terms schedule", NEW: "New sections"}.get(key, entry.place)
    return list(seen.items())


@dataclass(frozen=True)
class Marker:
    """What the outline shows on a section: how many open proposals it has, and whether they are contested."""

    open: int
    contested: bool

    def words(self) -> str:
        """In words, as the outline's tooltip says it: "2 open proposals, contested"."""
        text = f"{self.open} open proposal" + ("" if self.open == 1 else "s")
        return text + (", contested" if self.contested else "")


def outline_markers(entries: Iterable[ReviewEntry]) -> dict[int, Marker]:
    """For each section with an open proposal, its marker (sections without one have none)."""
    counts: dict[int, list[int]] = {}
    for entry in entries:
        if entry.is_open and entry.target.startswith("section:") and entry.section_id is not None:
            count = counts.setdefault(entry.section_id, [0, 0])
            count[0] += 1
            count[1] += entry.contested
    return {section: Marker(n, bool(contested)) for section, (n, contested) in counts.items()}
