"""The positions matrix: for each term and section under negotiation, where each party stands."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from negotiator.domain.change_summary import compact_change
from negotiator.domain.proposals import Proposal, ProposalKind, ProposalStatus


class Stance(StrEnum):
    """A party's position on one item."""

    AGREED = "agreed"  # it proposed or accepted the value now in the agreement
    PROPOSES = "proposes"  # it has an open proposal
    SUPPORTS = "supports"  # it said it supports another party's open proposal (say, accepting it in Word)
    OPPOSES = "opposes"  # it said it opposes another party's open proposal (say, rejecting it in Word)
    REJECTED = "rejected"  # its latest proposal on the item was rejected, and it holds no other position
    SILENT = "silent"


@dataclass(frozen=True)
class Position:
    """One cell of the matrix."""

    stance: Stance
    text: str  # the value it holds or proposes ("" when silent)
    proposal_id: int | None = None
    base: str | None = None  # for wording: the wording the proposal was made on

    @cached_property
    def change(self) -> str:
        """For wording, the words the proposal changes against the wording it was made on ("" otherwise).
        Worked out when first read, so that a matrix of hundreds of wordings costs only the cells shown."""
        return "" if self.base is None else compact_change(self.base, self.text)


@dataclass(frozen=True)
class PositionRow:
    """One item under negotiation, with the current value and every party's position."""

    target: str
    label: str
    current: str
    cells: tuple[Position, ...]  # in the order of the parties given

    @property
    def converged(self) -> bool:
        """True when the parties have come together on the item: at least two have a position, none
        opposes, and all of them hold the same one. One party speaking alone has converged with no one."""
        spoken = [c for c in self.cells if c.stance is not Stance.SILENT]
        if len(spoken) < 2 or any(c.stance is Stance.OPPOSES for c in spoken):
            return False
        return len({c.text for c in spoken}) == 1


def build_positions(items: list[tuple[str, str, str]], proposals: list[Proposal],
                    party_ids: list[int], taken: Mapping[int, Mapping[int, bool]] | None = None) -> list[PositionRow]:
    """Rows for each (target, label, current value) that has a proposal; one column per party.

    A party PROPOSES an item when it has an open proposal on it; else it SUPPORTS or OPPOSES
    another party's open proposal on it when it said so (``taken``: proposal id to party id to
    whether it supports it; the latest open one it spoke on counts); else it is AGREED when it made
    or accepted the proposal that set the current value; else REJECTED when its own latest proposal on
    the item was rejected (it still stands for that value); otherwise SILENT.
    """
    taken = taken or {}
    by_target: dict[str, list[Proposal]] = {}
    for proposal in proposals:
        for target in proposal.targets:  # a combined proposal of several terms stands on each of them
            by_target.setdefault(target, []).append(proposal)
    rows = []
    for target, label, current in items:
        mine = by_target.get(target)
        if not mine:
            continue
        cells = []
        for party_id in party_ids:
            open_one = next((p for p in reversed(mine) if p.party_id == party_id and p.is_open), None)
            if open_one is not None:
                value = open_one.term_values().get(target, open_one.proposed)
                cells.append(Position(Stance.PROPOSES, value, open_one.id, _base(open_one)))
                continue
            spoken = next((p for p in reversed(mine) if p.is_open and party_id in taken.get(p.id, {})), None)
            if spoken is not None:
                stance = Stance.SUPPORTS if taken[spoken.id][party_id] else Stance.OPPOSES
                cells.append(Position(stance, spoken.term_values().get(target, spoken.proposed), spoken.id,
                                      _base(spoken)))
                continue
            accepted = [p for p in mine if p.status is ProposalStatus.ACCEPTED]
            agreed = accepted and (accepted[-1].party_id == party_id or accepted[-1].decided_by_id == party_id)
            if agreed:
                cells.append(Position(Stance.AGREED, current))
                continue
            own = next((p for p in reversed(mine) if p.party_id == party_id
                        and p.status in (ProposalStatus.ACCEPTED, ProposalStatus.REJECTED, ProposalStatus.OPEN)), None)
            if own is not None and own.status is ProposalStatus.REJECTED:
                cells.append(Position(Stance.REJECTED, own.term_values().get(target, own.proposed), own.id,
                                      _base(own)))
            else:
                cells.append(Position(Stance.SILENT, ""))
        rows.append(PositionRow(target, label, current, tuple(cells)))
    return rows


def _base(proposal: Proposal) -> str | None:
    return proposal.base if proposal.kind is ProposalKind.WORDING else None


def cell_words(row: PositionRow, cell: Position) -> str:
    """A party's position on an item as a reader takes it in: its stance, and the value (in words) or the
    words of the change it stands for ("proposes: 3%", "supports proposal 6: …six → three months…")."""
    from negotiator.domain.term_words import value_words  # words for terms, which the matrix rows may be

    if cell.stance is Stance.SILENT:
        return "—"
    what = cell.change if row.target.startswith("section:") else value_words(row.target, cell.text)
    stance = cell.stance.value + (f" proposal {cell.proposal_id}"
                                  if cell.stance in (Stance.SUPPORTS, Stance.OPPOSES) else "")
    return f"{stance}: {what}" if what else stance


def matrix_rows(rows: Iterable[PositionRow], parties: list[str]) -> list[list[str]]:
    """The matrix as a table of words, with its header: the item, one column per party, converged."""
    table = [["Item", *parties, "Converged"]]
    table += [[row.label, *(cell_words(row, c) for c in row.cells), "yes" if row.converged else "no"] for row in rows]
    return table
