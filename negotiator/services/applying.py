"""Applying an accepted proposal to the agreement, and what undoing that decision must put back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from negotiator.domain.errors import InvalidInput, NotFound
from negotiator.domain.merge import rebase
from negotiator.domain.outline import Section
from negotiator.domain.parties import Party
from negotiator.domain.proposals import Proposal, ProposalKind, placement
from negotiator.domain.term_fields import set_term, terms_as_text
from negotiator.domain.term_words import term_label
from negotiator.domain.terms import TermsSheet
from negotiator.services.agreements import check_sheet
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.party_store import PartyStore
from negotiator.storage.section_store import SectionStore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Reversal:
    """What undoing a decision must put back: the proposal's and its rivals' status, and the change."""

    proposal_id: int
    superseded: tuple[int, ...]
    section_id: int | None = None
    section_version: int | None = None  # the wording version before an accepted rewording
    terms: TermsSheet | None = None  # the terms sheet before an accepted term change
    added_section: int | None = None
    removed_section: int | None = None
    place: tuple[int | None, int] | None = None  # where a moved section was


def apply_proposal(session: Session, proposal: Proposal, exchange: ExchangeStore | None = None) -> Reversal:
    """Make an accepted proposal's change: a new section or terms version, a section added, removed or
    moved; returns what undoing it must put back. ``exchange`` is the caller's, when it has one (an
    import), so that the section a proposal adds is known at once by its origin."""
    sections, note = SectionStore(session), f"Proposal {proposal.id} by {proposal.party_name}"
    if proposal.kind in (ProposalKind.TERM, ProposalKind.TERMS):
        store, parties = AgreementStore(session), parties_of(session, proposal.agreement_id)
        sheet = changed = store.terms(proposal.agreement_id)
        for name, value in proposal.term_values().items():
            if term_value(sheet, name, parties) != proposal.term_values(base=True).get(name):
                raise InvalidInput(f"{term_label(name, parties)} has changed since proposal {proposal.id} was made; "
                                   f"ask {proposal.party_name} to propose again against the current value.")
            changed = set_term(changed, name, value, parties)
        check_sheet(changed, parties)
        store.save_terms(proposal.agreement_id, changed, proposal.party_name, note)
        return Reversal(proposal.id, (), terms=sheet)
    if proposal.kind is ProposalKind.ADD_SECTION:
        return Reversal(proposal.id, (), added_section=_add_section(session, proposal, note, exchange))
    section = live_section(session, proposal.agreement_id, proposal.section_id)
    if proposal.kind is ProposalKind.WORDING:
        text = _rebased_or_refuse(proposal, section.text)
        sections.append(section.id, section.heading, text, section.clause_key, section.clause_version,
                        proposal.party_name, note)
        return Reversal(proposal.id, (), section.id, section_version=section.version)
    if proposal.kind is ProposalKind.REMOVE_SECTION:
        sections.set_removed(section.id, True)
        return Reversal(proposal.id, (), section.id, removed_section=section.id)
    where, after = placement(proposal.place)
    if where == "first":
        sections.place(section.id, None, 0)
    elif where == "end":
        sections.place(section.id, None, len(sections.siblings(proposal.agreement_id, None)))
    else:
        anchor = live_section(session, proposal.agreement_id, after)
        # Taking the section out first shifts the anchor up by one when both share a level.
        shift = anchor.parent_id == section.parent_id and anchor.position > section.position
        sections.place(section.id, anchor.parent_id, anchor.position + (0 if shift else 1))
    return Reversal(proposal.id, (), section.id, place=(section.parent_id, section.position))

def _add_section(session: Session, proposal: Proposal, note: str, exchange: ExchangeStore | None) -> int:
    """Add the proposal's section. Every library knows it by one origin, made from the proposal's, so
    that the section a package carries and the one accepting the proposal makes are never two; accepting
    it again (after an undo, or when decisions are replayed) brings the same section back."""
    sections, exchange = SectionStore(session), exchange or ExchangeStore(session)
    where, after = placement(proposal.place)
    parent, position = None, 0 if where == "first" else len(sections.siblings(proposal.agreement_id, None))
    if after is not None:
        anchor = live_section(session, proposal.agreement_id, after)
        parent, position = anchor.parent_id, anchor.position + 1
    origin = added_origin(exchange.origin_of("proposal", proposal.id))
    again = exchange.local_id("section", origin)
    if again is None:
        added = sections.add(proposal.agreement_id, parent, position, proposal.heading, proposal.proposed, None,
                             None, proposal.party_name, note)
        exchange.remember("section", origin, added.id)
        return added.id
    current = sections.get(again)
    if (current.heading, current.text) != (proposal.heading, proposal.proposed):
        sections.append(again, proposal.heading, proposal.proposed, None, None, proposal.party_name, note)
    sections.set_removed(again, False)
    sections.place(again, parent, position)
    return again


def added_origin(proposal_origin: str) -> str:
    """The origin of the section a proposal adds, the same in every library."""
    return f"{proposal_origin}/added"


def _rebased_or_refuse(proposal: Proposal, current: str) -> str:
    # The wording, not the version number, says whether the proposal still fits: version numbers
    # differ between libraries, and a proposal may have been made in another one.
    if current == proposal.base:
        return proposal.proposed
    merged = rebase(proposal.base, current, proposal.proposed)
    if merged.text is None:
        raise InvalidInput(f"Proposal {proposal.id} was made on wording that has since changed in the same "
                           f"place ({'; '.join(merged.conflicts)}); ask {proposal.party_name} to redo it "
                           "against the current wording.")
    return merged.text


def live_section(session: Session, agreement_id: int, section_id: int | None) -> Section:
    """A section of the agreement that is still in its outline; otherwise say why it cannot be used."""
    if section_id is None:  # a proposal on no section: what the store says of a section it cannot find
        raise NotFound(f"There is no section with id {section_id}.")
    store = SectionStore(session)
    section = store.get(section_id)
    if store.agreement_of(section_id) != agreement_id:
        raise InvalidInput(f"Section {section_id} belongs to another agreement.", field="section")
    if store.is_removed(section_id):
        raise InvalidInput(f"Section {section_id} ('{section.heading}') has been removed from the agreement, so "
                           "it cannot be changed or proposed on.", field="section")
    return section


def parties_of(session: Session, agreement_id: int) -> dict[int, Party]:
    """The agreement's parties by id (the names its terms use)."""
    return {p.saved_id: p for p in PartyStore(session).of_agreement(agreement_id)}


def term_value(sheet: TermsSheet, name: str, parties: dict[int, Party]) -> str:
    """A term's value as proposals hold it, which setting it back reads exactly ("" when it is not set)."""
    return terms_as_text(sheet, parties).get(name, "")
