"""What a party says about the agreement without proposing a change: a remark on a section or a term
(a comment it made in Word on text it did not change), and its position on another party's proposal
(support or oppose: accepting or rejecting that party's tracked change in Word). Both are part of the
record: they are never decided, and a later position of the same party on the same proposal is the
one that counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Remark:
    """A party's remark on a section (``section:ID``) or a term (its name); ``answers`` is the proposal
    whose comment it replies to, if any."""

    party_id: int
    party_name: str
    target: str
    text: str
    at: datetime
    answers: int | None = None
    source: str = ""  # the returned file it came from, if any
    recorded_by: str | None = None  # the party that recorded it, when not its own

    @property
    def section_id(self) -> int | None:
        """The section the remark is on, if it is on a section."""
        return int(self.target.split(":", 1)[1]) if self.target.startswith("section:") else None

    def same_as(self, other: Remark) -> bool:
        """Whether two remarks say the same thing in the same place (an import seen twice)."""
        return (self.party_id, self.target, self.text.strip(), self.answers) == \
            (other.party_id, other.target, other.text.strip(), other.answers)


@dataclass(frozen=True)
class PositionTaken:
    """A party's stated position on another party's proposal."""

    proposal_id: int
    party_id: int
    party_name: str
    supports: bool
    at: datetime
    source: str = ""

    @property
    def word(self) -> str:
        """The position in plain words."""
        return "supports" if self.supports else "opposes"


def distinct_remarks(remarks: Iterable[Remark]) -> list[Remark]:
    """The remarks in time order, each said once (the earliest of repeats)."""
    kept: list[Remark] = []
    for remark in sorted(remarks, key=lambda r: r.at):
        if not any(remark.same_as(k) for k in kept):
            kept.append(remark)
    return kept


def standing_positions(taken: Iterable[PositionTaken]) -> dict[int, dict[int, bool]]:
    """For each proposal, each party's latest position on it (True: supports)."""
    latest: dict[tuple[int, int], PositionTaken] = {}
    for position in sorted(taken, key=lambda p: p.at):
        latest[(position.proposal_id, position.party_id)] = position
    found: dict[int, dict[int, bool]] = {}
    for (proposal_id, party_id), position in latest.items():
        found.setdefault(proposal_id, {})[party_id] = position.supports
    return found
