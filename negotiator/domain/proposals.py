"""Proposals: a party's proposed change to one section or one term, and how it may be decided."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from negotiator.domain.errors import InvalidInput


class ProposalKind(StrEnum):
    """What a proposal changes."""

    WORDING = "wording"  # new wording for a section
    TERM = "term"  # a new value for a term
    TERMS = "terms"  # new values for several terms at once (a rebalanced risk share), decided as a whole
    ADD_SECTION = "add_section"
    REMOVE_SECTION = "remove_section"
    MOVE_SECTION = "move_section"

    @property
    def label(self) -> str:
        """Plain name."""
        return {"wording": "New wording", "term": "New term value", "terms": "New term values",
                "add_section": "Add a section",
                "remove_section": "Remove a section", "move_section": "Move a section"}[self.value]


class ProposalStatus(StrEnum):
    """Where a proposal stands. Only an open proposal can be decided."""

    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    SUPERSEDED = "superseded"


class Decision(StrEnum):
    """What a party can do with an open proposal."""

    ACCEPT = "accept"
    REJECT = "reject"
    WITHDRAW = "withdraw"


DECIDED = {Decision.ACCEPT: ProposalStatus.ACCEPTED, Decision.REJECT: ProposalStatus.REJECTED,
           Decision.WITHDRAW: ProposalStatus.WITHDRAWN}


@dataclass(frozen=True)
class Proposal:
    """One party's proposed change, against a known base.

    ``target`` names what is changed: ``section:ID`` for a section, the term name for a term,
    ``terms`` for several terms at once (``base`` and ``proposed`` are then JSON objects of term
    name to value), and ``new`` for a section not yet in the outline. ``base`` is the wording or
    value the party saw; ``base_version`` the section's wording version (0 for terms and new sections).
    """

    id: int
    agreement_id: int
    party_id: int
    party_name: str
    kind: ProposalKind
    target: str
    base: str
    base_version: int
    proposed: str
    rationale: str
    status: ProposalStatus
    created_at: datetime
    answers: int | None = None
    heading: str = ""  # the heading of a proposed new section
    place: str = ""  # where a new or moved section goes: "after:ID", "under:ID" or "end"
    decided_by: str | None = None  # the deciding party's name
    decided_by_id: int | None = None
    decided_at: datetime | None = None
    decision_note: str = ""  # the reason the deciding party gave, if any

    @property
    def is_open(self) -> bool:
        """Whether the proposal can still be decided."""
        return self.status is ProposalStatus.OPEN

    @property
    def targets(self) -> frozenset[str]:
        """Everything the proposal changes: its section, or each term it sets."""
        if self.kind is ProposalKind.TERMS:
            return frozenset(self.term_values())
        return frozenset({self.target})

    def term_values(self, *, base: bool = False) -> dict[str, str]:
        """Each term the proposal sets, with the value proposed (or the value it was made against)."""
        if self.kind is ProposalKind.TERM:
            return {self.target: self.base if base else self.proposed}
        if self.kind is ProposalKind.TERMS:
            return decode_terms(self.base if base else self.proposed)
        return {}

    @property
    def section_id(self) -> int | None:
        """The section the proposal concerns, if any."""
        return int(self.target.split(":", 1)[1]) if self.target.startswith("section:") else None


def check_decision(proposal: Proposal, decision: Decision, party_id: int, party_ids: set[int]) -> None:
    """Refuse a decision that the rules do not allow, saying why."""
    if party_id not in party_ids:
        raise InvalidInput("Only a party to the agreement can decide its proposals; the acting party is not one.",
                           field="party")
    if not proposal.is_open:
        raise InvalidInput(f"Proposal {proposal.id} is already {proposal.status.value}, so it can no longer be "
                           f"{DECIDED[decision].value}.", field="proposal")
    if decision is Decision.WITHDRAW and party_id != proposal.party_id:
        raise InvalidInput(f"Only {proposal.party_name}, which made proposal {proposal.id}, can withdraw it.",
                           field="party")


def encode_terms(values: dict[str, str]) -> str:
    """Several terms' values as one text (a combined proposal's base or proposal)."""
    return json.dumps(dict(sorted(values.items())), ensure_ascii=False, separators=(",", ":"))


def decode_terms(text: str) -> dict[str, str]:
    """The terms and values of a combined proposal's base or proposal."""
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def overlaps(first: Proposal, second: Proposal) -> bool:
    """Whether two proposals change something in common (never true of two new sections)."""
    return "new" not in first.targets and bool(first.targets & second.targets)


def competing(proposals: list[Proposal]) -> dict[int, list[int]]:
    """For each open proposal, the open proposals of other parties that change something in common."""
    by_target: dict[str, list[Proposal]] = {}
    for proposal in proposals:
        if proposal.is_open and proposal.target != "new":
            for target in proposal.targets:
                by_target.setdefault(target, []).append(proposal)
    result: dict[int, list[int]] = {}
    for group in by_target.values():
        for proposal in group:
            for rival in group:
                if rival.party_id != proposal.party_id and rival.id not in result.setdefault(proposal.id, []):
                    result[proposal.id].append(rival.id)
    return {pid: sorted(rivals) for pid, rivals in result.items() if rivals}


def side_by_side(proposal: Proposal, proposals: list[Proposal]) -> list[Proposal]:
    """What a comparison sets beside ``proposal``: it, and every open proposal on exactly the same thing
    (the same section, or the same term), oldest first."""
    return [p for p in proposals if p.id == proposal.id or (p.is_open and p.target == proposal.target)]


def own_rivals(proposals: list[Proposal], made: Proposal) -> list[Proposal]:
    """The party's earlier open proposals that a new one of its own replaces: those on the same thing."""
    return [p for p in proposals if p.is_open and p.id != made.id and p.party_id == made.party_id
            and overlaps(p, made)]


def placement(place: str) -> tuple[str, int | None]:
    """Where a new or moved section goes: ``("after", section id)``, ``("first", None)`` or ``("end", None)``.
    Every documented form is read (``after:ID``, ``first``, ``end``, or empty for the end), and any other
    text is the end, so a proposal that came from elsewhere never fails on its place."""
    if place.startswith("after:") and place[6:].isdigit():
        return "after", int(place[6:])
    if place == "first":
        return "first", None
    return "end", None
