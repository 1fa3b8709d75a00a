"""A package's proposals and decisions, merged: new proposals added, decisions taken where the sender
may make them, and the agreement settled on what was accepted (see package_settle).

Decisions from different libraries are joined so that every library ends with the same standing
whatever order packages arrive in: an acceptance stands over a rejection or a withdrawal made at the
same time elsewhere, a rejection over a withdrawal, and between two of the same kind the earlier one
(by time, then by party) is kept. Supersession is never taken from a package: it follows here from
the proposals and acceptances themselves.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from negotiator.domain.agreement import Agreement
from negotiator.domain.clauses import format_time, parse_time
from negotiator.domain.package import Package, PackageProposal
from negotiator.domain.proposals import Proposal, ProposalKind, ProposalStatus
from negotiator.domain.terms import TermsSheet
from negotiator.services.package_authority import unauthorised
from negotiator.services.package_report import ADDED, CHANGED, REFUSED, Report
from negotiator.services.package_settle import NOT_APPLIED, Settler, is_accepted
from negotiator.services.package_terms import refused_terms
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.negotiation_store import EventLog, ProposalStore
from negotiator.storage.section_store import SectionStore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# How strongly a standing holds when two libraries disagree: the greater is kept.
RANK = {ProposalStatus.OPEN: 0, ProposalStatus.SUPERSEDED: 1, ProposalStatus.WITHDRAWN: 2,
        ProposalStatus.REJECTED: 3, ProposalStatus.ACCEPTED: 4}
DECISIONS = {"accepted", "rejected", "withdrawn"}


def _rank(proposal: Proposal) -> int:
    return RANK[ProposalStatus.ACCEPTED] if is_accepted(proposal) else RANK[proposal.status]


class ProposalMerge:
    """The proposals step of one import."""

    def __init__(self, session: Session, package: Package, agreement: Agreement, party_ids: dict[str, int],
                 exchange: ExchangeStore, report: Report) -> None:
        self.session, self.package, self.agreement, self.party_ids = session, package, agreement, party_ids
        self.exchange, self.report = exchange, report
        self.proposals = ProposalStore(session)
        self.settler = Settler(session, agreement.saved_id, exchange, package.sender_party)
        self.added = self.updated = 0
        self.new: set[int] = set()  # proposals this import added, with their decisions
        self._terms: TermsSheet | None = None

    def run(self, *, fresh: bool, new_base: bool) -> None:
        """Add what is new, join the decisions, and settle the agreement (see Settler.settle for ``fresh``
        and ``new_base``); proposals on sections that only an acceptance in this same package adds are
        taken once it has been applied."""
        held: list[Proposal] | None = self.proposals.of_agreement(self.agreement.saved_id)
        applied = self.settler.order(held)
        waiting = list(self.package.proposals)
        while waiting:
            later = self._add_new(waiting)
            self._join_all(held)
            held = None
            senders = {self.exchange.local_id("proposal", p.origin) for p in self.package.proposals
                       if p.status == "accepted"}
            applied = self.settler.settle(applied, fresh=fresh, new_base=new_base, senders=senders)
            fresh = new_base = False
            if len(later) == len(waiting):
                break
            waiting = later
        for incoming in waiting:
            self.report.add(REFUSED, f"proposal {incoming.origin}",
                            f"Proposal {incoming.origin} by {incoming.party} concerns a section this library does "
                            "not have; it was not imported.")

    def _add_new(self, incoming_all: list[PackageProposal]) -> list[PackageProposal]:
        """Add the proposals this library does not have, open; returns those on sections it lacks."""
        parties = {s.party.name for s in self.agreement.signatories}
        ours = {s.id for s in SectionStore(self.session).outline(self.agreement.saved_id, include_removed=True)}
        new: list[tuple[PackageProposal, Proposal]] = []
        later = []
        for incoming in incoming_all:
            if self.exchange.local_id("proposal", incoming.origin) is not None:
                continue
            if incoming.party not in parties:
                self.report.add(REFUSED, f"proposal {incoming.origin}",
                                f"Proposal {incoming.origin} is by {incoming.party}, which is not a party to "
                                f"'{self.agreement.title}'; it was not imported.")
                continue
            target, place = incoming.target, incoming.place
            if target.startswith("section:"):
                section = self.exchange.local_id("section", target.split(":", 1)[1])
                if section is None:
                    later.append(incoming)
                    continue
                if section not in ours:
                    self._elsewhere(incoming)
                    continue
                target = f"section:{section}"
            if place.startswith("after:"):  # a section not here yet keeps its origin until it is
                anchor = self.exchange.local_id("section", place.split(":", 1)[1])
                if anchor is not None and anchor not in ours:
                    self._elsewhere(incoming)
                    continue
                place = f"after:{anchor}" if anchor is not None else place
            made = Proposal(
                0, self.agreement.saved_id, self.party_ids[incoming.party], incoming.party, ProposalKind(incoming.kind),
                target, incoming.base, incoming.base_version, incoming.proposed, incoming.rationale,
                ProposalStatus.OPEN, parse_time(incoming.created_at), None, incoming.heading, place)
            refused = refused_terms(self.agreement, self._sheet(), made) if made.term_values() else None
            if refused:  # stored, it would make every export and every acceptance of it fail
                self.report.add(REFUSED, f"proposal {incoming.origin}",
                                f"Proposal {incoming.origin} by {incoming.party} proposes terms this library's "
                                f"rules refuse ({refused}); it was not imported.")
                continue
            new.append((incoming, self._decided(made, incoming)))
        ids = self.proposals.add_many([(made, made.status.value, made.decided_by_id) for _, made in new])
        self.exchange.remember_many("proposal", {incoming.origin: local
                                                 for (incoming, _), local in zip(new, ids, strict=True)})
        self.new.update(ids)
        log = EventLog(self.session)
        for (incoming, made), local in zip(new, ids, strict=True):
            answers = self.exchange.local_id("proposal", incoming.answers) if incoming.answers else None
            if answers is not None:
                self.proposals.set_answers(local, answers)
            log.append(self.agreement.saved_id, incoming.party, "propose", f"proposal {local}",
                       {"kind": made.kind.value, "target": made.target, "base": made.base, "proposed": made.proposed,
                        "heading": made.heading, "place": made.place, "rationale": made.rationale,
                        "answers": answers, "imported_from": incoming.origin})
            # Named by what it says, not its number here: a preview's numbers are not kept on every database.
            self.report.add(ADDED, f"proposal {incoming.origin}", f"New proposal by {incoming.party}: {_what(made)}.")
            if not made.is_open:  # its decision, taken with it (the same join as for a proposal held already)
                decider = made.decided_by or self.package.sender_party  # always named: see _decided
                log.append(self.agreement.saved_id, decider, "imported decision", f"proposal {local}",
                           {"status": made.status.value, "decided_by": made.decided_by,
                            "reason": made.decision_note})
                self.updated += 1
                self.report.add(CHANGED, f"proposal {incoming.origin}",
                                f"New proposal by {incoming.party} was {made.status.value} by {made.decided_by}.")
        self.added += len(ids)
        return later

    def _decided(self, made: Proposal, incoming: PackageProposal) -> Proposal:
        """A new proposal with the decision the package brings, when the sender may bring it: a whole
        import of a thousand proposals then needs no second pass."""
        if incoming.status not in DECISIONS:
            return made
        refused = unauthorised(made, incoming, self.agreement, self.package.sender_party)
        if refused:
            self.report.add(REFUSED, f"proposal {incoming.origin}",
                            f"New proposal {incoming.origin} by {incoming.party} is shown as {incoming.status} in "
                            f"{self.package.sender_party}'s package, but {refused}; it was imported open.")
            return made
        decider = incoming.decided_by or self.package.sender_party
        status = ProposalStatus(incoming.status)
        if status is ProposalStatus.ACCEPTED and incoming.decision_note.startswith(NOT_APPLIED):
            status = ProposalStatus.SUPERSEDED  # kept aside where it was accepted: replaying here will say again
        return replace(made, status=status, decided_by=decider, decided_by_id=self.party_ids.get(decider),
                       decided_at=_when(incoming, self.package), decision_note=incoming.decision_note)

    def _elsewhere(self, incoming: PackageProposal) -> None:
        self.report.add(REFUSED, f"proposal {incoming.origin}",
                        f"Proposal {incoming.origin} by {incoming.party} names a section of another agreement here; "
                        "a package reaches only the agreement it is about, so it was not imported.")

    def _sheet(self) -> TermsSheet:
        """The agreement's terms here, read once per import (term proposals are checked against them)."""
        if self._terms is None:
            self._terms = AgreementStore(self.session).terms(self.agreement.saved_id)
        return self._terms

    def _join_all(self, held: list[Proposal] | None) -> None:
        """Take each decision the package brings that this library should hold (``held``: the proposals
        as read before this import added any, whose decisions were taken as they were added)."""
        mine = {p.id: p for p in (self.proposals.of_agreement(self.agreement.saved_id) if held is None else held)}
        for incoming in self.package.proposals:
            local = self.exchange.local_id("proposal", incoming.origin)
            if local is None or incoming.status not in DECISIONS or local in self.new:
                continue
            if local in mine:
                self._join(mine[local], incoming)
            else:
                self.report.add(REFUSED, f"proposal {incoming.origin}",
                                f"Proposal {incoming.origin} is shown as {incoming.status} in "
                                f"{self.package.sender_party}'s package, but this library has no such proposal in "
                                f"'{self.agreement.title}' (it names one of another agreement, or none); it was "
                                "not changed.")

    def _join(self, mine: Proposal, incoming: PackageProposal) -> None:
        status = ProposalStatus(incoming.status)
        stamp = _when(incoming, self.package)
        if RANK[status] < _rank(mine):
            return
        if RANK[status] == _rank(mine) and (stamp, incoming.decided_by or "") >= (
                mine.decided_at or datetime.max.replace(tzinfo=stamp.tzinfo), mine.decided_by or ""):
            return  # this library's decision of the same kind came first, or it is the same one
        refused = unauthorised(mine, incoming, self.agreement, self.package.sender_party)
        if refused:
            self.report.add(REFUSED, f"proposal {mine.id}",
                            f"Proposal {mine.id} ({mine.party_name}) is shown as {incoming.status} in "
                            f"{self.package.sender_party}'s package, but {refused}; it was not changed.")
            return
        decider = incoming.decided_by or self.package.sender_party
        keep_aside = status is ProposalStatus.ACCEPTED and not mine.is_open and is_accepted(mine)
        now = mine.status if keep_aside else status  # an acceptance kept aside here stays so, at its new time
        note = mine.decision_note if keep_aside else incoming.decision_note  # the decider's reason travels
        if not keep_aside and note.startswith(NOT_APPLIED):
            note = ""  # whether it applies here is for settling here to say
        self.proposals.set_status(mine.id, now, self.party_ids.get(decider), expected=mine.status, note=note,
                                  at=format_time(stamp))
        EventLog(self.session).append(self.agreement.saved_id, decider, "imported decision", f"proposal {mine.id}",
                                      {"status": now.value, "decided_by": decider, "reason": note})
        self.updated += 1
        self.report.add(CHANGED, f"proposal {mine.id}",
                        f"Proposal {mine.id} by {mine.party_name} was {incoming.status} by {decider}.")


def _when(incoming: PackageProposal, package: Package) -> datetime:
    """When the decision was made, as its library recorded it (the package's time for an old package that
    did not say)."""
    return parse_time(incoming.decided_at or package.created_at)


def _what(proposal: Proposal) -> str:
    """A proposal in a few words, for the report."""
    if proposal.kind in (ProposalKind.TERM, ProposalKind.TERMS):
        return ", ".join(f"{name} to {value}" for name, value in proposal.term_values().items())
    if proposal.kind is ProposalKind.ADD_SECTION:
        return f"a new section '{proposal.heading}'"
    return {ProposalKind.WORDING: "new wording", ProposalKind.REMOVE_SECTION: "removing",
            ProposalKind.MOVE_SECTION: "moving"}[proposal.kind] + f" '{proposal.heading}'" * bool(proposal.heading)
