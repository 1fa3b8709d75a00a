"""Proposals: a party's proposed change to one section or one term, and how it may be decided."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from negotiator.domain.errors import InvalidInput


class ProposalKind(StrEnum):
    """What a proposal changes."""

    WORDING = "wording"  # new wording for a section
    TERM = "term"  # a new value for a term
    ADD_SECTION = "add_section"
    REMOVE_SECTION = "remove_section"
    MOVE_SECTION = "move_section"

    @property
    def label(self) -> str:
        """Plain name."""
        return {"wording": "New wording", "term": "New term value", "add_section": "Add a section",
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

    ``target`` names what is changed: ``section:ID`` for a section, the term name for a term, and
    ``new`` for a section not yet in the outline. ``base`` is the wording or value the party saw;
    ``base_version`` the section's wording version (0 for terms and new sections).
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


def competing(proposals: list[Proposal]) -> dict[int, list[int]]:
    """For each open proposal, the open proposals of other parties on the same target."""
    by_target: dict[str, list[Proposal]] = {}
    for proposal in proposals:
        if proposal.is_open and proposal.target != "new":
            by_target.setdefault(proposal.target, []).append(proposal)
    result: dict[int, list[int]] = {}
    for group in by_target.values():
        for proposal in group:
            rivals = [p.id for p in group if p.party_id != proposal.party_id]
            if rivals:
                result[proposal.id] = rivals
    return result
