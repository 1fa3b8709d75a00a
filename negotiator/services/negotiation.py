"""Proposals and decisions: each party proposes, any party to the agreement decides in the open,
and accepting applies the change as a new version. Every step is recorded in the event chain."""

from __future__ import annotations

from dataclasses import dataclass, replace

from negotiator.domain.clauses import MAX_TEXT, MAX_TITLE, check_text, utc_now
from negotiator.domain.errors import InvalidInput
from negotiator.domain.merge import rebase
from negotiator.domain.parties import Party
from negotiator.domain.placeholders import check_placeholders
from negotiator.domain.proposals import (
    DECIDED,
    Decision,
    Proposal,
    ProposalKind,
    ProposalStatus,
    check_decision,
    competing,
)
from negotiator.domain.term_fields import is_term, set_term, term_names, terms_as_dict
from negotiator.domain.terms_rules import check_terms
from negotiator.services.agreements import party_slugs
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.negotiation_store import EventLog, ProposalStore
from negotiator.storage.party_store import PartyStore
from negotiator.storage.section_store import SectionStore


@dataclass(frozen=True)
class ProposalView:
    """A proposal with what the app shows about it now: rivals, staleness, and a possible rebase."""

    proposal: Proposal
    competing_with: tuple[int, ...]
    stale: bool
    current: str  # the wording or value now in the agreement
    rebased: str | None  # the proposal replayed on the current wording, when that is possible


@dataclass(frozen=True)
class Reversal:
    """What undoing a decision must put back: the proposal's and its rivals' status, and the change."""

    proposal_id: int
    superseded: tuple[int, ...]
    section_id: int | None = None
    section_version: int | None = None  # the wording version before an accepted rewording
    terms: object | None = None  # the terms sheet before an accepted term change
    added_section: int | None = None
    removed_section: int | None = None
    place: tuple[int | None, int] | None = None  # where a moved section was


class NegotiationService:
    """Proposals and decisions on the agreements of one open library."""

    def __init__(self, library: Library, author: str) -> None:
        self.library = library
        self.author = author

    # Proposing ----------------------------------------------------------------------------

    def propose_wording(self, agreement: int | str, section_id: int, text: str, party: str, rationale: str,
                        answers: int | None = None) -> Proposal:
        """Propose new wording for a section."""
        text = check_text("text", text, limit=MAX_TEXT).strip("\n")
        with self.library.unit_of_work(write=True) as session:
            agreement_id, proposer = self._party_in(session, agreement, party)
            section = self._live_section(session, agreement_id, section_id)
            parties = _parties(session, agreement_id)
            check_placeholders(text, lambda name: is_term(name, parties), examples=term_names(parties))
            if text == section.text:
                raise InvalidInput("The proposed wording is the same as the current wording.", field="text")
            return self._add(session, Proposal(0, agreement_id, proposer.id, proposer.name, ProposalKind.WORDING,
                                               f"section:{section.id}", section.text, section.version, text,
                                               _rationale(rationale), ProposalStatus.OPEN, utc_now(), answers))

    def propose_term(self, agreement: int | str, name: str, value: str, party: str, rationale: str,
                     answers: int | None = None) -> Proposal:
        """Propose a new value for a term; the value must pass every terms rule."""
        with self.library.unit_of_work(write=True) as session:
            agreement_id, proposer = self._party_in(session, agreement, party)
            store, parties = AgreementStore(session), _parties(session, agreement_id)
            sheet = store.terms(agreement_id)
            changed = set_term(sheet, name.strip(), value, parties)
            check_terms(changed, party_slugs(parties))
            base, proposed = _value(sheet, name, parties), _value(changed, name, parties)
            if base == proposed:
                raise InvalidInput(f"{name} is already {value}; propose a different value.", field="value")
            return self._add(session, Proposal(0, agreement_id, proposer.id, proposer.name, ProposalKind.TERM,
                                               name.strip(), base, 0, proposed, _rationale(rationale),
                                               ProposalStatus.OPEN, utc_now(), answers))

    def propose_new_section(self, agreement: int | str, heading: str, text: str, after: int | None, party: str,
                            rationale: str) -> Proposal:
        """Propose adding a section after another one (or at the end)."""
        heading = check_text("heading", heading, limit=MAX_TITLE).strip()
        text = check_text("text", text, limit=MAX_TEXT).strip("\n")
        with self.library.unit_of_work(write=True) as session:
            agreement_id, proposer = self._party_in(session, agreement, party)
            if after is not None:
                self._live_section(session, agreement_id, after)
            parties = _parties(session, agreement_id)
            check_placeholders(text, lambda name: is_term(name, parties), examples=term_names(parties))
            proposal = Proposal(0, agreement_id, proposer.id, proposer.name, ProposalKind.ADD_SECTION, "new", "", 0,
                                text, _rationale(rationale), ProposalStatus.OPEN, utc_now(), heading=heading,
                                place=f"after:{after}" if after is not None else "end")
            return self._add(session, proposal)

    def propose_removal(self, agreement: int | str, section_id: int, party: str, rationale: str) -> Proposal:
        """Propose taking a section out of the agreement."""
        with self.library.unit_of_work(write=True) as session:
            agreement_id, proposer = self._party_in(session, agreement, party)
            section = self._live_section(session, agreement_id, section_id)
            return self._add(session, Proposal(0, agreement_id, proposer.id, proposer.name,
                                               ProposalKind.REMOVE_SECTION, f"section:{section.id}", section.text,
                                               section.version, "", _rationale(rationale), ProposalStatus.OPEN,
                                               utc_now(), heading=section.heading))

    def propose_move(self, agreement: int | str, section_id: int, after: int | None, party: str,
                     rationale: str) -> Proposal:
        """Propose moving a section to just after another one (or to the top when ``after`` is None)."""
        with self.library.unit_of_work(write=True) as session:
            agreement_id, proposer = self._party_in(session, agreement, party)
            section = self._live_section(session, agreement_id, section_id)
            if after is not None:
                if after == section_id:
                    raise InvalidInput("A section cannot be moved after itself.", field="after")
                self._live_section(session, agreement_id, after)
            place = f"after:{after}" if after is not None else "first"
            return self._add(session, Proposal(0, agreement_id, proposer.id, proposer.name, ProposalKind.MOVE_SECTION,
                                               f"section:{section.id}", section.text, section.version, place,
                                               _rationale(rationale), ProposalStatus.OPEN, utc_now(),
                                               heading=section.heading, place=place))

    def counter(self, proposal_id: int, party: str, proposed: str, rationale: str) -> Proposal:
        """Answer an open proposal with another wording or value; the answered one is superseded."""
        original = self.proposal(proposal_id)
        if not original.is_open:
            raise InvalidInput(f"Proposal {proposal_id} is already {original.status.value}; only an open proposal "
                               "can be countered.", field="proposal")
        if original.kind is ProposalKind.WORDING:
            made = self.propose_wording(original.agreement_id, original.section_id, proposed, party, rationale,
                                        answers=proposal_id)
        elif original.kind is ProposalKind.TERM:
            made = self.propose_term(original.agreement_id, original.target, proposed, party, rationale,
                                     answers=proposal_id)
        else:
            raise InvalidInput("Only proposals of new wording or new term values can be countered; propose "
                               "your own change instead.", field="proposal")
        with self.library.unit_of_work(write=True) as session:
            ProposalStore(session).set_status(proposal_id, ProposalStatus.SUPERSEDED, made.party_id)
            EventLog(session).append(original.agreement_id, made.party_name, "supersede", f"proposal {proposal_id}",
                                     {"by": made.id})
        return made

    # Deciding -----------------------------------------------------------------------------

    def decide(self, proposal_id: int, decision: Decision | str, party: str) -> Proposal:
        """Accept, reject or withdraw an open proposal; accepting applies it and supersedes its rivals."""
        return self.decide_undoably(proposal_id, decision, party)[0]

    def decide_undoably(self, proposal_id: int, decision: Decision | str, party: str) -> tuple[Proposal, Reversal]:
        """As :meth:`decide`, also returning what :meth:`undo_decision` needs to take it back."""
        try:
            decision = Decision(decision)
        except ValueError:
            raise InvalidInput(f"'{decision}' is not a decision; use accept, reject or withdraw.") from None
        with self.library.unit_of_work(write=True) as session:
            EventLog(session).hold()  # another user's decision on a rival must be seen, not overwritten
            proposals = ProposalStore(session)
            proposal = proposals.get(proposal_id)
            decider = PartyStore(session).find(party)
            check_decision(proposal, decision, decider.id, set(_parties(session, proposal.agreement_id)))
            reversal, superseded = Reversal(proposal_id, ()), []
            if decision is Decision.ACCEPT:
                reversal = self._apply(session, proposal)
                for rival in proposals.of_agreement(proposal.agreement_id):
                    if rival.is_open and rival.id != proposal.id and rival.target == proposal.target != "new":
                        proposals.set_status(rival.id, ProposalStatus.SUPERSEDED, decider.id)
                        superseded.append(rival.id)
                        EventLog(session).append(proposal.agreement_id, decider.name, "supersede",
                                                 f"proposal {rival.id}", {"by": proposal.id})
            decided = proposals.set_status(proposal_id, DECIDED[decision], decider.id)
            EventLog(session).append(proposal.agreement_id, decider.name, decision.value, f"proposal {proposal_id}",
                                     {"status": decided.status.value})
            return decided, replace(reversal, superseded=tuple(superseded))

    def undo_decision(self, reversal: Reversal, party: str) -> Proposal:
        """Take a decision back: the change is reverted by a new version and the proposals reopen."""
        with self.library.unit_of_work(write=True) as session:
            EventLog(session).hold()
            proposals, sections = ProposalStore(session), SectionStore(session)
            proposal = proposals.get(reversal.proposal_id)
            actor = PartyStore(session).find(party)
            if reversal.section_version is not None:
                old = next(v for v in sections.versions(reversal.section_id) if v.number == reversal.section_version)
                sections.append(reversal.section_id, old.heading, old.text, old.clause_key, old.clause_version,
                                actor.name, f"Decision on proposal {proposal.id} undone")
            if reversal.terms is not None:
                AgreementStore(session).save_terms(proposal.agreement_id, reversal.terms, actor.name,
                                                   f"Decision on proposal {proposal.id} undone")
            if reversal.added_section is not None:
                sections.set_removed(reversal.added_section, True)
            if reversal.removed_section is not None:
                sections.set_removed(reversal.removed_section, False)
            if reversal.place is not None:
                sections.place(reversal.section_id, *reversal.place)
            for reopened in (proposal.id, *reversal.superseded):
                proposals.set_status(reopened, ProposalStatus.OPEN, None)
                EventLog(session).append(proposal.agreement_id, actor.name, "reopen", f"proposal {reopened}",
                                         {"undoing": proposal.status.value})
            return proposals.get(proposal.id)

    def _apply(self, session: object, proposal: Proposal) -> Reversal:
        sections, note = SectionStore(session), f"Proposal {proposal.id} by {proposal.party_name}"
        if proposal.kind is ProposalKind.TERM:
            store, parties = AgreementStore(session), _parties(session, proposal.agreement_id)
            sheet = store.terms(proposal.agreement_id)
            if _value(sheet, proposal.target, parties) != proposal.base:
                raise InvalidInput(f"{proposal.target} has changed since proposal {proposal.id} was made; ask "
                                   f"{proposal.party_name} to propose again against the current value.")
            changed = set_term(sheet, proposal.target, proposal.proposed, parties)
            check_terms(changed, party_slugs(parties))
            store.save_terms(proposal.agreement_id, changed, proposal.party_name, note)
            return Reversal(proposal.id, (), terms=sheet)
        if proposal.kind is ProposalKind.ADD_SECTION:
            after = None if proposal.place == "end" else int(proposal.place.split(":")[1])
            parent, position = None, len(sections.siblings(proposal.agreement_id, None))
            if after is not None:
                anchor = self._live_section(session, proposal.agreement_id, after)
                parent, position = anchor.parent_id, anchor.position + 1
            added = sections.add(proposal.agreement_id, parent, position, proposal.heading, proposal.proposed, None,
                                 None, proposal.party_name, note)
            return Reversal(proposal.id, (), added_section=added.id)
        section = self._live_section(session, proposal.agreement_id, proposal.section_id)
        if proposal.kind is ProposalKind.WORDING:
            text = self._rebased_or_refuse(proposal, section.text, section.version)
            sections.append(section.id, section.heading, text, section.clause_key, section.clause_version,
                            proposal.party_name, note)
            return Reversal(proposal.id, (), section.id, section_version=section.version)
        if proposal.kind is ProposalKind.REMOVE_SECTION:
            sections.set_removed(section.id, True)
            return Reversal(proposal.id, (), section.id, removed_section=section.id)
        if proposal.place == "first":
            sections.place(section.id, None, 0)
        else:
            anchor = self._live_section(session, proposal.agreement_id, int(proposal.place.split(":")[1]))
            # Taking the section out first shifts the anchor up by one when both share a level.
            shift = anchor.parent_id == section.parent_id and anchor.position > section.position
            sections.place(section.id, anchor.parent_id, anchor.position + (0 if shift else 1))
        return Reversal(proposal.id, (), section.id, place=(section.parent_id, section.position))

    def _rebased_or_refuse(self, proposal: Proposal, current: str, version: int) -> str:
        if version == proposal.base_version or current == proposal.base:
            return proposal.proposed
        merged = rebase(proposal.base, current, proposal.proposed)
        if merged.text is None:
            raise InvalidInput(f"Proposal {proposal.id} was made on wording that has since changed in the same "
                               f"place ({'; '.join(merged.conflicts)}); ask {proposal.party_name} to redo it "
                               "against the current wording.")
        return merged.text

    # Reading ------------------------------------------------------------------------------

    def proposal(self, proposal_id: int) -> Proposal:
        """One proposal."""
        with self.library.unit_of_work() as session:
            return ProposalStore(session).get(proposal_id)

    def proposals(self, agreement: int | str) -> list[ProposalView]:
        """Every proposal on an agreement with its rivals, staleness and possible rebase."""
        with self.library.unit_of_work() as session:
            agreement_id = AgreementStore(session).find(str(agreement)).id
            proposals = ProposalStore(session).of_agreement(agreement_id)
            sections = {s.id: s for s in SectionStore(session).outline(agreement_id, include_removed=True)}
            sheet, parties = AgreementStore(session).terms(agreement_id), _parties(session, agreement_id)
        rivals = competing(proposals)
        views = []
        for proposal in proposals:
            current, stale, rebased = "", False, None
            if proposal.kind is ProposalKind.TERM:
                current = _value(sheet, proposal.target, parties)
                stale = proposal.is_open and current != proposal.base
            elif proposal.section_id in sections:
                section = sections[proposal.section_id]
                current = section.text
                stale = proposal.is_open and section.version != proposal.base_version and current != proposal.base
                if stale and proposal.kind is ProposalKind.WORDING:
                    rebased = rebase(proposal.base, current, proposal.proposed).text
            views.append(ProposalView(proposal, tuple(rivals.get(proposal.id, ())), stale, current, rebased))
        return views

    # Plumbing -----------------------------------------------------------------------------

    def _add(self, session: object, proposal: Proposal) -> Proposal:
        made = ProposalStore(session).add(proposal)
        EventLog(session).append(made.agreement_id, made.party_name, "propose", f"proposal {made.id}",
                                 {"kind": made.kind.value, "target": made.target, "base": made.base,
                                  "proposed": made.proposed, "heading": made.heading, "place": made.place,
                                  "rationale": made.rationale, "answers": made.answers})
        return made

    def _party_in(self, session: object, agreement: int | str, party: str) -> tuple[int, Party]:
        reference = str(agreement).strip()
        agreement_id = int(reference) if reference.isdigit() else AgreementStore(session).find(reference).id
        wanted = party.strip().lower()
        proposer = next((p for p in PartyStore(session).of_agreement(agreement_id)
                         if wanted in (p.name.lower(), p.short_name.lower())), None)
        if proposer is None:  # say which is wrong: the agreement, the party, or the party's place in it
            found = AgreementStore(session).get(agreement_id)
            outsider = PartyStore(session).find(party)
            raise InvalidInput(f"{outsider.name} is not a party to '{found.title}', so it cannot propose changes "
                               "to it.", field="party")
        return agreement_id, proposer

    def _live_section(self, session: object, agreement_id: int, section_id: int) -> object:
        store = SectionStore(session)
        section = store.get(section_id)
        if store.agreement_of(section_id) != agreement_id:
            raise InvalidInput(f"Section {section_id} belongs to another agreement.", field="section")
        if store.is_removed(section_id):
            raise InvalidInput(f"Section {section_id} ('{section.heading}') has been removed from the agreement, so "
                               "it cannot be changed or proposed on.", field="section")
        return section


def _parties(session: object, agreement_id: int) -> dict[int, Party]:
    return {p.id: p for p in PartyStore(session).of_agreement(agreement_id)}


def _value(sheet: object, name: str, parties: dict[int, Party]) -> str:
    value = terms_as_dict(sheet, parties).get(name)
    return "" if value is None else str(value)


def _rationale(text: str) -> str:
    return check_text("rationale", text, limit=MAX_TEXT).strip()



