"""Settling an agreement on what its parties decided, whatever order their packages arrive in.

Parties decide on laptops that meet only through packages, so two libraries can learn the same
decisions in different orders. The agreement's state is therefore defined by the decisions, not by
the order they arrived in: it is the first issued round's outline and terms with every accepted
proposal applied in the order of its acceptance (its decision time, then its origin). Decision times
are stamped so that an acceptance made knowing another comes after it (see :func:`decision_stamp`).

When a package brings acceptances that come after everything applied here, they are applied in
turn; when one comes before something applied already, the agreement is laid out again from the
round and every acceptance replayed. An acceptance that cannot be applied where it falls (two
parties accepted rival changes at once) is kept as superseded, with a note saying so: every library
reaches the same verdict. Supersession follows from the record too: an open proposal is superseded
by an accepted rival made after it, by a counter-proposal that answers it, or by its party's own
later proposal on the same thing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from negotiator.domain.clauses import format_time, parse_time, utc_now
from negotiator.domain.errors import InvalidInput
from negotiator.domain.proposals import Proposal, ProposalStatus, overlaps
from negotiator.domain.rounds import Round
from negotiator.domain.terms_json import sheet_from_data, sheet_to_data
from negotiator.services.applying import apply_proposal
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.negotiation_store import EventLog, ProposalStore, RoundStore
from negotiator.storage.section_store import SectionStore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

NOT_APPLIED = "Accepted, but not applied: "
TICK = timedelta(microseconds=1)


def is_accepted(proposal: Proposal) -> bool:
    """Whether a party accepted the proposal (applied, or kept aside because a rival came first)."""
    return proposal.status is ProposalStatus.ACCEPTED or (
        proposal.status is ProposalStatus.SUPERSEDED and proposal.decision_note.startswith(NOT_APPLIED))


def decision_stamp(session: Session, agreement_id: int) -> str:
    """The time to record a decision at: now, but never before a proposal, decision or round already known
    here, so that a decision made knowing another always comes after it (and after every proposal it
    supersedes), whatever the laptops' clocks say."""
    latest = utc_now()
    for known in (ProposalStore(session).latest_decision(agreement_id), RoundStore(session).latest_issue(agreement_id)):
        if known is not None and parse_time(known) >= latest:
            latest = parse_time(known) + TICK
    return format_time(latest)


class Settler:
    """Brings one agreement to the state its accepted proposals make, inside one unit of work."""

    def __init__(self, session: Session, agreement_id: int, exchange: ExchangeStore, actor: str) -> None:
        self.session, self.agreement_id, self.exchange, self.actor = session, agreement_id, exchange, actor
        self.proposals = ProposalStore(session)
        self.replayed = False
        self.still_open: list[Proposal] = []  # the open proposals once settled (for the report's conflicts)

    def order(self, everything: list[Proposal] | None = None) -> list[int]:
        """The accepted proposals (of ``everything``, when the caller has just read them), in the order
        their changes are applied."""
        if everything is None:
            everything = self.proposals.of_agreement(self.agreement_id)
        accepted = [p for p in everything if is_accepted(p)]
        return [p.id for p in sorted(accepted, key=self._key)]

    def _key(self, proposal: Proposal) -> tuple[datetime, str]:
        return proposal.decided_at or datetime.min, self.exchange.origin_of("proposal", proposal.id)

    def settle(self, applied: list[int], *, fresh: bool = False, new_base: bool = False,
               senders: set[int | None] | None = None) -> list[int]:
        """Apply what was accepted since ``applied`` (the order before the import), replaying from the
        first round when something arrived out of order or the round itself is new here (``new_base``);
        then supersede what the decisions supersede; returns the order now applied. An agreement made by
        this import (``fresh``) arrived as its sender holds it: when this library holds the very
        acceptances the sender applied (``senders``: their ids here, None for one not here), it is taken as
        it is; otherwise it is replayed from its round if it has one."""
        everything = self.proposals.of_agreement(self.agreement_id)
        order = self.order(everything)
        base = self._base()
        if fresh and set(order) == senders:
            applied = order
        elif (fresh and order) or new_base or order[:len(applied)] != applied:
            if base is not None:
                self._lay_out(base)
                applied, self.replayed = [], True
                EventLog(self.session).append(self.agreement_id, self.actor, "replay decisions",
                                              "accepted proposals from the first round, in decision order",
                                              {"from_round": base.label, "order": order})
            elif fresh:
                applied = order  # nothing to start from but the sender's outline, which holds them all
        done = set(applied)
        for proposal_id in order:  # what was applied already keeps its place; the rest follow in order
            if proposal_id not in done:
                self._apply(self.proposals.get(proposal_id))
        self.supersede(everything)
        return order  # still the order: a proposal kept aside is still an accepted one

    def _base(self) -> Round | None:
        """The first round still issued: where every library's negotiation starts from."""
        rounds = RoundStore(self.session).of_agreement(self.agreement_id)
        first = min(rounds, key=lambda r: (r.issued_at, r.label), default=None)
        if first is None or not all(_number(s.number) for s in first.sections):
            return None
        return first

    def _lay_out(self, base: Round) -> None:
        """Put the outline and terms back as the round froze them."""
        sections, note = SectionStore(self.session), f"As issued in {base.label}, to replay the decisions since"
        by_number = {s.number: s.section_id for s in base.sections}
        held = {s.id: s for s in sections.outline(self.agreement_id, include_removed=True)}
        layout = {}
        for frozen in base.sections:
            parts = _number(frozen.number)
            if parts is None:
                raise AssertionError("unreachable: a round is laid out again only when all its numbers are ones")
            layout[frozen.section_id] = (by_number.get(".".join(str(n) for n in parts[:-1])), parts[-1] - 1)
            now = held[frozen.section_id]
            if (now.heading, now.text) != (frozen.heading, frozen.text):
                sections.append(frozen.section_id, frozen.heading, frozen.text, now.clause_key, now.clause_version,
                                self.actor, note)
        sections.arrange(self.agreement_id, layout)
        store = AgreementStore(self.session)
        if sheet_to_data(store.terms(self.agreement_id)) != sheet_to_data(sheet_from_data(base.terms)):
            store.save_terms(self.agreement_id, sheet_from_data(base.terms), self.actor, note)

    def _apply(self, proposal: Proposal) -> None:
        """Apply an accepted proposal where it falls; one that no longer fits is kept aside, saying why."""
        try:
            apply_proposal(self.session, self._placed(proposal), self.exchange)
        except InvalidInput as error:
            if proposal.status is ProposalStatus.ACCEPTED:
                self._mark(proposal, ProposalStatus.SUPERSEDED, f"{NOT_APPLIED}{error}")
            return
        if proposal.status is not ProposalStatus.ACCEPTED:  # kept aside before, and it fits now
            self._mark(proposal, ProposalStatus.ACCEPTED, "")

    def _placed(self, proposal: Proposal) -> Proposal:
        """The proposal with its place named by a section of this library, when it arrived naming one by
        its origin (a section this library did not have yet)."""
        if not proposal.place.startswith("after:") or proposal.place[6:].isdigit():
            return proposal
        local = self.exchange.local_id("section", proposal.place[6:])
        return replace(proposal, place=f"after:{local}" if local is not None else "end")

    def _mark(self, proposal: Proposal, status: ProposalStatus, note: str) -> None:
        self.proposals.set_status(proposal.id, status, proposal.decided_by_id, expected=proposal.status, note=note,
                                  at=format_time(proposal.decided_at) if proposal.decided_at else None)
        EventLog(self.session).append(self.agreement_id, proposal.decided_by or self.actor, "imported decision",
                                      f"proposal {proposal.id}", {"status": status.value,
                                                                  "decided_by": proposal.decided_by, "reason": note})

    def supersede(self, everything: list[Proposal] | None = None) -> None:
        """Supersede every open proposal the record supersedes (see the module's description)."""
        # Applying decisions changes no open proposal, so what settle read is still right for these.
        everything = self.proposals.of_agreement(self.agreement_id) if everything is None else everything
        accepted: dict[str, list[Proposal]] = {}  # by what they change, so that each check is short
        own: dict[tuple[int, str], list[Proposal]] = {}
        answered: dict[int, Proposal] = {}
        for proposal in everything:
            for target in proposal.targets - {"new"}:
                own.setdefault((proposal.party_id, target), []).append(proposal)
                if is_accepted(proposal):
                    accepted.setdefault(target, []).append(proposal)
            if proposal.answers is not None:
                answered.setdefault(proposal.answers, proposal)
        self.still_open = []
        for proposal in (p for p in everything if p.is_open):
            cause = _superseder(proposal, [a for t in proposal.targets for a in accepted.get(t, ())], answered,
                                [p for t in proposal.targets for p in own.get((proposal.party_id, t), ())])
            if cause is None:
                self.still_open.append(proposal)
                continue
            by, name, when, decider = cause
            self.proposals.set_status(proposal.id, ProposalStatus.SUPERSEDED, decider, expected=ProposalStatus.OPEN,
                                      at=format_time(when))
            EventLog(self.session).append(self.agreement_id, name, "supersede", f"proposal {proposal.id}",
                                          {"by": by, "status": "superseded", "decided_by": name, "reason": ""})


def _superseder(proposal: Proposal, accepted: list[Proposal], answered: dict[int, Proposal],
                own: list[Proposal]) -> tuple[int, str, datetime, int | None] | None:
    """What supersedes an open proposal, if anything: (proposal id, party, when, deciding party id).
    ``accepted`` are the accepted proposals and ``own`` its party's proposals on the same things."""
    rivals = [(a.decided_at, a) for a in accepted if a.id != proposal.id and overlaps(proposal, a)
              and a.decided_at is not None and proposal.created_at < a.decided_at]
    if rivals:
        when, first = min(rivals, key=lambda rival: (rival[0], rival[1].id))
        return first.id, first.decided_by or first.party_name, when, first.decided_by_id
    if proposal.id in answered:
        counter = answered[proposal.id]
        return counter.id, counter.party_name, counter.created_at, counter.party_id
    later = [p for p in own if p.id != proposal.id and p.created_at > proposal.created_at]
    if later:
        first = min(later, key=lambda p: (p.created_at, p.id))
        return first.id, first.party_name, first.created_at, first.party_id
    return None


def _number(number: str) -> list[int] | None:
    """An outline number's parts (1.2.3), or None when it is not one."""
    parts = number.split(".")
    return [int(p) for p in parts] if all(p.isdigit() and int(p) > 0 for p in parts) else None
