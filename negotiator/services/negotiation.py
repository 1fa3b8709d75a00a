"""Proposals and decisions: each party proposes, any party to the agreement decides in the open,
and accepting applies the change as a new version. Every step is recorded in the event chain."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from negotiator.domain.clauses import MAX_TEXT, MAX_TITLE, check_text, parse_time, utc_now
from negotiator.domain.errors import InvalidInput
from negotiator.domain.json_data import JsonObject
from negotiator.domain.lifecycle import check_proposal_allowed
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
    decode_terms,
    encode_terms,
    overlaps,
    own_rivals,
    side_by_side,
)
from negotiator.domain.provenance import Provenance
from negotiator.domain.term_fields import is_term, set_term, term_names
from negotiator.domain.term_words import term_label, value_words
from negotiator.domain.terms import TermsSheet
from negotiator.services.acting import Acting
from negotiator.services.agreements import check_sheet
from negotiator.services.applying import Reversal, apply_proposal, live_section, parties_of, term_value
from negotiator.services.changes import party_of, stage
from negotiator.services.package_settle import decision_stamp
from negotiator.services.provenance import provenance_of
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.negotiation_store import EventLog, ProposalStore
from negotiator.storage.section_store import SectionStore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class ProposalView:
    """A proposal with what the app shows about it now: rivals, staleness, and a possible rebase."""

    proposal: Proposal
    competing_with: tuple[int, ...]
    stale: bool
    current: str  # the wording or value now in the agreement
    rebased: str | None  # the proposal replayed on the current wording, when that is possible
    provenance: Provenance | None = None  # own, recorded for its party by another, or unsigned


class NegotiationService:
    """Proposals and decisions on the agreements of one open library."""

    def __init__(self, library: Library, acting: Acting) -> None:
        self.library = library
        self.acting = acting

    # Proposing ----------------------------------------------------------------------------

    def propose_wording(self, agreement: int | str, section_id: int, text: str, party: str, rationale: str,
                        answers: int | None = None) -> Proposal:
        """Propose new wording for a section."""
        text = check_text("text", text, limit=MAX_TEXT).strip("\n")
        with self.library.unit_of_work(write=True) as session:
            agreement_id, proposer = self._party_in(session, agreement, party)
            section = live_section(session, agreement_id, section_id)
            parties = parties_of(session, agreement_id)
            check_placeholders(text, lambda name: is_term(name, parties), examples=term_names(parties))
            if text == section.text:
                raise InvalidInput("The proposed wording is the same as the current wording.", field="text")
            return self._add(session, Proposal(0, agreement_id, proposer.saved_id, proposer.name, ProposalKind.WORDING,
                                               f"section:{section.id}", section.text, section.version, text,
                                               _rationale(rationale), ProposalStatus.OPEN, utc_now(), answers))

    def propose_term(self, agreement: int | str, name: str, value: str, party: str, rationale: str,
                     answers: int | None = None) -> Proposal:
        """Propose a new value for a term; the value must pass every terms rule."""
        return self.propose_terms(agreement, {name: value}, party, rationale, answers)

    def propose_terms(self, agreement: int | str, values: dict[str, str], party: str, rationale: str,
                      answers: int | None = None) -> Proposal:
        """Propose new values for one or several terms at once (a rebalanced risk share), validated as a
        whole: the sheet with every value applied must pass every terms rule."""
        if not values:
            raise InvalidInput("Say which term to change and its new value.", field="term")
        with self.library.unit_of_work(write=True) as session:
            agreement_id, proposer = self._party_in(session, agreement, party)
            store, parties = AgreementStore(session), parties_of(session, agreement_id)
            sheet = store.terms(agreement_id)
            changed = sheet
            for name, value in values.items():
                changed = set_term(changed, name.strip(), value, parties)
            check_sheet(changed, parties)
            names = [name.strip() for name in values]
            base = {name: term_value(sheet, name, parties) for name in names}
            proposed = {name: term_value(changed, name, parties) for name in names}
            moved = [name for name in names if base[name] != proposed[name]]
            if not moved:
                shown = "; ".join(f"{term_label(name, parties)} is already {value_words(name, proposed[name])}"
                                  for name in names)
                raise InvalidInput(f"{shown}: propose a different value.", field="value")
            if len(moved) == 1:
                kind, target, before, after = ProposalKind.TERM, moved[0], base[moved[0]], proposed[moved[0]]
            else:
                kind, target = ProposalKind.TERMS, "terms"
                before = encode_terms({n: base[n] for n in moved})
                after = encode_terms({n: proposed[n] for n in moved})
            return self._add(session, Proposal(0, agreement_id, proposer.saved_id, proposer.name, kind, target, before,
                                               0, after, _rationale(rationale), ProposalStatus.OPEN, utc_now(),
                                               answers))

    def propose_new_section(self, agreement: int | str, heading: str, text: str, after: int | None, party: str,
                            rationale: str) -> Proposal:
        """Propose adding a section after another one (or at the end)."""
        heading = check_text("heading", heading, limit=MAX_TITLE).strip()
        text = check_text("text", text, limit=MAX_TEXT).strip("\n")
        with self.library.unit_of_work(write=True) as session:
            agreement_id, proposer = self._party_in(session, agreement, party)
            if after is not None:
                live_section(session, agreement_id, after)
            parties = parties_of(session, agreement_id)
            check_placeholders(text, lambda name: is_term(name, parties), examples=term_names(parties))
            proposal = Proposal(0, agreement_id, proposer.saved_id, proposer.name, ProposalKind.ADD_SECTION, "new",
                                "", 0, text, _rationale(rationale), ProposalStatus.OPEN, utc_now(), heading=heading,
                                place=f"after:{after}" if after is not None else "end")
            return self._add(session, proposal)

    def propose_removal(self, agreement: int | str, section_id: int, party: str, rationale: str) -> Proposal:
        """Propose taking a section out of the agreement."""
        with self.library.unit_of_work(write=True) as session:
            agreement_id, proposer = self._party_in(session, agreement, party)
            section = live_section(session, agreement_id, section_id)
            return self._add(session, Proposal(0, agreement_id, proposer.saved_id, proposer.name,
                                               ProposalKind.REMOVE_SECTION, f"section:{section.id}", section.text,
                                               section.version, "", _rationale(rationale), ProposalStatus.OPEN,
                                               utc_now(), heading=section.heading))

    def propose_move(self, agreement: int | str, section_id: int, after: int | None, party: str,
                     rationale: str) -> Proposal:
        """Propose moving a section to just after another one (or to the top when ``after`` is None)."""
        with self.library.unit_of_work(write=True) as session:
            agreement_id, proposer = self._party_in(session, agreement, party)
            section = live_section(session, agreement_id, section_id)
            if after is not None:
                if after == section_id:
                    raise InvalidInput("A section cannot be moved after itself.", field="after")
                live_section(session, agreement_id, after)
            place = f"after:{after}" if after is not None else "first"
            return self._add(session, Proposal(0, agreement_id, proposer.saved_id, proposer.name,
                                               ProposalKind.MOVE_SECTION, f"section:{section.id}", section.text,
                                               section.version, place, _rationale(rationale), ProposalStatus.OPEN,
                                               utc_now(), heading=section.heading, place=place))

    def counter(self, proposal_id: int, party: str, proposed: str, rationale: str) -> Proposal:
        """Answer an open proposal with another wording or value; the answered one is superseded. One
        transaction: if another user decided the proposal meanwhile, nothing is written."""
        with self.library.unit_of_work(write=True) as session:
            EventLog(session).hold()  # a decision by another user in between must be seen, not overwritten
            original = ProposalStore(session).get(proposal_id)
            if not original.is_open:
                raise InvalidInput(f"Proposal {proposal_id} is already {original.status.value}; only an open "
                                   "proposal can be countered.", field="proposal")
            if original.kind is ProposalKind.WORDING and (section_id := original.section_id) is not None:
                made = self.propose_wording(original.agreement_id, section_id, proposed, party, rationale,
                                            answers=proposal_id)
            elif original.kind is ProposalKind.TERM:
                made = self.propose_term(original.agreement_id, original.target, proposed, party, rationale,
                                         answers=proposal_id)
            elif original.kind is ProposalKind.TERMS:
                made = self.propose_terms(original.agreement_id, decode_terms(proposed), party, rationale,
                                          answers=proposal_id)
            else:
                raise InvalidInput("Only proposals of new wording or new term values can be countered; propose "
                                   "your own change instead.", field="proposal")
            if ProposalStore(session).get(proposal_id).is_open:  # not already replaced as the party's own
                self._set_status(session, original, ProposalStatus.SUPERSEDED, made.party_name, made.party_id,
                                 "supersede", {"by": made.id})
            return made

    # Deciding -----------------------------------------------------------------------------

    def decide(self, proposal_id: int, decision: Decision | str, party: str, reason: str = "") -> Proposal:
        """Accept, reject or withdraw an open proposal; accepting applies it and supersedes its rivals."""
        return self.decide_undoably(proposal_id, decision, party, reason)[0]

    def decide_undoably(self, proposal_id: int, decision: Decision | str, party: str,
                        reason: str = "") -> tuple[Proposal, Reversal]:
        """As :meth:`decide`, also returning what :meth:`undo_decision` needs to take it back."""
        try:
            decision = Decision(decision)
        except ValueError:
            raise InvalidInput(f"'{decision}' is not a decision; use accept, reject or withdraw.") from None
        reason = check_text("reason", reason, limit=MAX_TEXT, required=False).strip()
        with self.library.unit_of_work(write=True) as session:
            EventLog(session).hold()  # another user's decision on a rival must be seen, not overwritten
            proposals = ProposalStore(session)
            proposal = proposals.get(proposal_id)
            found = AgreementStore(session).get(proposal.agreement_id)
            decider = party_of(session, found, party)
            check_proposal_allowed(found.title, stage(session, found))
            check_decision(proposal, decision, decider.saved_id, set(parties_of(session, proposal.agreement_id)))
            reversal, superseded = Reversal(proposal_id, ()), []
            at = decision_stamp(session, proposal.agreement_id)  # after every decision known here
            if decision is Decision.ACCEPT:
                reversal = apply_proposal(session, proposal)
                for rival in proposals.open_of(proposal.agreement_id):
                    if rival.id != proposal.id and overlaps(rival, proposal):
                        self._set_status(session, rival, ProposalStatus.SUPERSEDED, decider.name, decider.id,
                                         "supersede", {"by": proposal.id}, at=at)
                        superseded.append(rival.id)
            decided = self._set_status(session, proposal, DECIDED[decision], decider.name, decider.id,
                                       decision.value, {}, reason, at=at)
            return decided, replace(reversal, superseded=tuple(superseded))

    def undo_decision(self, reversal: Reversal, party: str) -> Proposal:
        """Take a decision back: the change is reverted by a new version and the proposals reopen. Refused,
        with nothing written, if another user changed any of them meanwhile."""
        with self.library.unit_of_work(write=True) as session:
            EventLog(session).hold()
            proposals, sections = ProposalStore(session), SectionStore(session)
            proposal = proposals.get(reversal.proposal_id)
            actor = party_of(session, AgreementStore(session).get(proposal.agreement_id), party)
            if reversal.section_id is not None and reversal.section_version is not None:
                old = next(v for v in sections.versions(reversal.section_id) if v.number == reversal.section_version)
                sections.append(reversal.section_id, old.heading, old.text, old.clause_key, old.clause_version,
                                actor.name, f"Decision on proposal {proposal.id} undone")
            if isinstance(reversal.terms, TermsSheet):
                AgreementStore(session).save_terms(proposal.agreement_id, reversal.terms, actor.name,
                                                   f"Decision on proposal {proposal.id} undone")
            if reversal.added_section is not None:
                sections.set_removed(reversal.added_section, True)
            if reversal.removed_section is not None:
                sections.set_removed(reversal.removed_section, False)
            if reversal.section_id is not None and reversal.place is not None:
                sections.place(reversal.section_id, *reversal.place)
            for reopened in (proposal.id, *reversal.superseded):
                current = proposals.get(reopened)
                if current.is_open and reopened == proposal.id:
                    raise InvalidInput(f"Proposal {reopened} is open already: there is no decision to undo.")
                self._set_status(session, current, ProposalStatus.OPEN, actor.name, None, "reopen",
                                 {"undoing": proposal.status.value})
            return proposals.get(proposal.id)

    # Taking a proposal back ----------------------------------------------------------------

    def take_back(self, proposal_id: int, party: str) -> Proposal:
        """Undo making a proposal: it is withdrawn, and what it superseded (the party's own proposals it
        replaced, or the proposal it answered) stands open again. One change: if another user decided any
        of them meanwhile, nothing is written and the refusal says which."""
        with self.library.unit_of_work(write=True) as session:
            made = ProposalStore(session).get(proposal_id)
            earlier = EventLog(session).superseded_by(made.agreement_id, proposal_id)
            taken = self.decide(proposal_id, Decision.WITHDRAW, party)
            for old in earlier:
                status = ProposalStore(session).get(old).status
                if status is not ProposalStatus.SUPERSEDED:  # decided since: reopening would undo that decision
                    raise InvalidInput(f"Proposal {proposal_id} cannot be taken back: proposal {old}, which it "
                                       f"replaced, has since been {status.value}.", field="proposal")
                self.undo_decision(Reversal(old, ()), party)
            return taken

    def make_again(self, proposal_id: int, party: str) -> Proposal:
        """Redo a proposal taken back: it stands open again and supersedes again what it superseded and is
        still open. Refused, with nothing written, if it was decided meanwhile."""
        with self.library.unit_of_work(write=True) as session:
            store = ProposalStore(session)
            made = self.undo_decision(Reversal(proposal_id, ()), party)
            for old in EventLog(session).superseded_by(made.agreement_id, proposal_id):
                earlier = store.get(old)
                if earlier.is_open:
                    self._set_status(session, earlier, ProposalStatus.SUPERSEDED, made.party_name, made.party_id,
                                     "supersede", {"by": made.id})
            return store.get(proposal_id)

    def _set_status(self, session: Session, proposal: Proposal, status: ProposalStatus, actor: str,
                    decider_id: int | None, action: str, payload: JsonObject, reason: str = "",
                    at: str | None = None) -> Proposal:
        """Change a proposal's status only if it still stands as read (compare-and-set), and record it."""
        at = ProposalStore(session).set_status(proposal.id, status, decider_id, expected=proposal.status, note=reason,
                                               at=at)
        opened = status is ProposalStatus.OPEN
        changed = replace(proposal, status=status, decided_by=None if opened else actor,
                          decided_by_id=None if opened else decider_id, decided_at=parse_time(at) if at else None,
                          decision_note="" if opened else reason)
        EventLog(session).append(proposal.agreement_id, actor, action, f"proposal {proposal.id}",
                                 {**payload, "status": status.value,
                                  "decided_by": None if status is ProposalStatus.OPEN else actor,
                                  "reason": reason})
        return changed

    # Reading ------------------------------------------------------------------------------

    def proposal(self, proposal_id: int) -> Proposal:
        """One proposal."""
        with self.library.unit_of_work() as session:
            return ProposalStore(session).get(proposal_id)

    def proposals(self, agreement: int | str) -> list[ProposalView]:
        """Every proposal on an agreement with its rivals, staleness and possible rebase."""
        with self.library.unit_of_work() as session:
            agreement_id = AgreementStore(session).find(str(agreement)).saved_id
            proposals = ProposalStore(session).of_agreement(agreement_id)
            sections = {s.id: s for s in SectionStore(session).outline(agreement_id, include_removed=True)}
            sheet, parties = AgreementStore(session).terms(agreement_id), parties_of(session, agreement_id)
            origins = provenance_of(session, agreement_id, proposals)
        rivals = competing(proposals)
        views = []
        for proposal in proposals:
            current, stale, rebased = "", False, None
            if proposal.kind is ProposalKind.TERM:
                current = term_value(sheet, proposal.target, parties)
                stale = proposal.is_open and current != proposal.base
            elif proposal.section_id in sections:
                section = sections[proposal.section_id]
                current = section.text
                stale = proposal.is_open and section.version != proposal.base_version and current != proposal.base
                if stale and proposal.kind is ProposalKind.WORDING:
                    rebased = rebase(proposal.base, current, proposal.proposed).text
            views.append(ProposalView(proposal, tuple(rivals.get(proposal.id, ())), stale, current, rebased,
                                      origins.get(proposal.id)))
        return views

    # Plumbing -----------------------------------------------------------------------------

    def _add(self, session: Session, proposal: Proposal) -> Proposal:
        """Save a proposal and record it; the party's own open proposals on the same thing are replaced
        (recorded as superseded by it), so that a party never holds two positions at once."""
        made = ProposalStore(session).add(proposal)
        EventLog(session).append(made.agreement_id, made.party_name, "propose", f"proposal {made.id}",
                                 {"kind": made.kind.value, "target": made.target, "base": made.base,
                                  "proposed": made.proposed, "heading": made.heading, "place": made.place,
                                  "rationale": made.rationale, "answers": made.answers,
                                  # Who recorded it, when not its own party (a returned Word file): its provenance.
                                  **({"recorded_by": self.acting.party}
                                     if self.acting.party and self.acting.party != made.party_name else {})})
        # Only the party's open proposals on the same things can be rivals: read just those, so that a
        # returned file of a hundred changes does not read the party's whole list a hundred times.
        nearby = [] if "new" in made.targets else ProposalStore(session).open_of(made.agreement_id, made.party_id,
                                                                                 made.targets)
        for earlier in own_rivals(nearby, made):
            self._set_status(session, earlier, ProposalStatus.SUPERSEDED, made.party_name, made.party_id,
                             "supersede", {"by": made.id, "replaced": True})
        return made

    def side_by_side(self, proposal_id: int) -> list[Proposal]:
        """The proposal and every open proposal on the same section or term, oldest first."""
        with self.library.unit_of_work() as session:
            store = ProposalStore(session)
            proposal = store.get(proposal_id)
            return side_by_side(proposal, store.of_agreement(proposal.agreement_id))

    def replaced_by(self, agreement: int | str, party: str, targets: set[str]) -> list[Proposal]:
        """The party's own open proposals that a new proposal on these targets would replace."""
        with self.library.unit_of_work() as session:
            agreement_id, proposer = self._party_in(session, agreement, party)
            return [p for p in ProposalStore(session).open_of(agreement_id, proposer.id)
                    if "new" not in targets and p.targets & targets]

    def _party_in(self, session: Session, agreement: int | str, party: str) -> tuple[int, Party]:
        """The agreement and the party to it acting (named exactly); refused once the agreement is frozen."""
        store = AgreementStore(session)
        reference = str(agreement).strip()
        found = store.get(int(reference)) if reference.isdigit() else store.find(reference)
        proposer = party_of(session, found, party)
        check_proposal_allowed(found.title, stage(session, found))
        return found.saved_id, proposer

def _rationale(text: str) -> str:
    return check_text("rationale", text, limit=MAX_TEXT).strip()



