"""The states an export compares: a round as it was issued, the agreement as it stands, and the
agreement with some open proposals applied (in memory only: nothing is saved)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from negotiator.domain.agreement import Agreement
from negotiator.domain.alternatives import Offers
from negotiator.domain.errors import InvalidInput
from negotiator.domain.export_layout import AgreementState, SectionText, schedule_units
from negotiator.domain.merge import rebase
from negotiator.domain.outline import Section, number_outline
from negotiator.domain.placeholders import render
from negotiator.domain.proposals import Proposal, ProposalKind, placement
from negotiator.domain.rounds import Round
from negotiator.domain.term_alternatives import offer_terms, offered_texts
from negotiator.domain.term_fields import render_term, set_term
from negotiator.domain.terms import TermsSheet
from negotiator.domain.terms_json import sheet_from_data


@dataclass(frozen=True)
class Snapshot:
    """Sections (raw wording, placeholders unfilled) and terms of one state, before layout."""

    sections: tuple[Section, ...]
    terms: TermsSheet
    offers: Mapping[str, str] = field(default_factory=dict)  # schedule lines and cells with rival values bracketed


def state_of(agreement: Agreement, snapshot: Snapshot, label: str, issued: date) -> AgreementState:
    """Lay out a snapshot: number the outline and fill each placeholder from the terms."""
    parties = {s.party.saved_id: s.party for s in agreement.signatories}
    sections = tuple(
        SectionText(n.section.id, n.number, n.depth, n.section.heading,
                    render(n.section.text, lambda name: render_term(snapshot.terms, name, parties)))
        for n in number_outline(list(snapshot.sections))
    )
    return AgreementState(agreement.title, agreement.kind.label,
                          tuple((s.party.name, s.role.label) for s in agreement.signatories),
                          label, issued, sections, snapshot.terms, parties, snapshot.offers)


def round_snapshot(frozen: Round) -> Snapshot:
    """A round's outline and terms as they were issued."""
    parents: dict[str, int] = {}
    sections = []
    for position, kept in enumerate(frozen.sections):
        parents[kept.number] = kept.section_id
        parent = parents.get(kept.number.rpartition(".")[0]) if "." in kept.number else None
        sections.append(Section(kept.section_id, parent, position, kept.heading, kept.text, None, None,
                                kept.version))
    return Snapshot(tuple(sections), sheet_from_data(frozen.terms))


def apply_proposals(snapshot: Snapshot, proposals: list[Proposal], agreement: Agreement,
                    offered: list[Proposal] | None = None) -> tuple[Snapshot, list[str]]:
    """The snapshot with each proposal applied in turn, then each ``offered`` competing proposal bracketed
    in as an alternative (a wording in its section, values in the terms schedule); a proposal that no
    longer fits is skipped and named in the warnings returned."""
    draft = Draft(snapshot, agreement)
    for proposal in proposals:
        draft.apply(proposal)
    for proposal in offered or []:
        draft.offer(proposal)
    return draft.snapshot(), draft.warnings


@dataclass(frozen=True)
class Touched:
    """What applying one proposal changed: sections (reworded, added or removed), the terms, and
    sections placed elsewhere (with what sits under them)."""

    sections: frozenset[int] = frozenset()
    terms: bool = False
    moved: frozenset[int] = frozenset()


class Draft:
    """An agreement's sections and terms changed in memory one proposal at a time (nothing is saved).

    ``added`` names the section an accepted add-section proposal made, so that replaying it gives
    the section its real id; an open one has none yet and gets minus its proposal's id.
    """

    def __init__(self, snapshot: Snapshot, agreement: Agreement, added: dict[int, int] | None = None) -> None:
        self.sections = {s.id: s for s in snapshot.sections}
        self.terms = snapshot.terms
        self.parties = {s.party.saved_id: s.party for s in agreement.signatories}
        self.added = added or {}
        self.warnings: list[str] = []
        self.offers: dict[int, Offers] = {}  # the competing wordings bracketed into each section
        self.term_offers: dict[str, Offers] = {}  # the rival values bracketed into each schedule line or cell
        self.unbracketed: list[Proposal] = []  # rival term proposals no bracket can show
        # The schedule's units as last laid out: a step of the terms says which of them it took away.
        self.schedule_keys = set(schedule_units(self.terms, self.parties))

    def snapshot(self) -> Snapshot:
        """The draft as it stands."""
        return Snapshot(tuple(self.sections.values()), self.terms, self.schedule_offers())

    def schedule_offers(self) -> dict[str, str]:
        """The schedule's lines and cells with rival values bracketed in, by unit key."""
        return offered_texts(self.term_offers)

    def rendered(self, section: Section) -> str:
        """A section's wording with its placeholders filled from the draft's terms."""
        return render(section.text, lambda name: render_term(self.terms, name, self.parties))

    def apply(self, proposal: Proposal) -> Touched | None:
        """Apply one proposal; ``None`` (and a warning) when it no longer fits."""
        sections = self.sections
        target = sections.get(proposal.section_id) if proposal.section_id is not None else None
        if proposal.kind in (ProposalKind.TERM, ProposalKind.TERMS):  # one term, or several decided as one
            for name, value in proposal.term_values().items():
                self.terms = set_term(self.terms, name, value, self.parties)
            return Touched(terms=True)
        if proposal.kind is ProposalKind.ADD_SECTION:
            where, anchor = placement(proposal.place)
            after = sections.get(anchor) if anchor is not None else None
            position = after.position if after else (-1 if where == "first" else 10**6)
            new = Section(self.added.get(proposal.id, -proposal.id), after.parent_id if after else None,
                          position + 1, proposal.heading, proposal.proposed, None, None, 1)
            self.sections = _shift(sections, new)
            self.sections[new.id] = new
            return Touched(frozenset({new.id}))
        if target is None:
            self.warnings.append(f"Proposal {proposal.id} concerns a section that is no longer in the agreement; "
                                 "it was left out.")
            return None
        if proposal.kind is ProposalKind.WORDING:
            text = proposal.proposed if target.text == proposal.base else rebase(proposal.base, target.text,
                                                                                proposal.proposed).text
            if text is None:
                self.warnings.append(f"Proposal {proposal.id} by {proposal.party_name} was made on wording that has "
                                     "since changed in the same place; it was left out.")
                return None
            sections[target.id] = replace(target, text=text)
            return Touched(frozenset({target.id}))
        if proposal.kind is ProposalKind.REMOVE_SECTION:
            del sections[target.id]
            return Touched(frozenset({target.id}))
        self.sections = _moved(sections, target, proposal.place)
        return Touched(moved=frozenset(self.under(target.id)))

    def offer(self, proposal: Proposal) -> Touched | None:
        """Show a competing proposal as its party's alternative in square brackets after the words (or, for
        terms, the schedule's values) it would change, leaving them as they are; ``None`` (and a warning)
        when it no longer fits."""
        if proposal.kind in (ProposalKind.TERM, ProposalKind.TERMS):
            return self._offer_terms(proposal)
        target = self.sections.get(proposal.section_id) if proposal.section_id is not None else None
        if target is None or proposal.kind is not ProposalKind.WORDING:
            return None
        offers = self.offers.setdefault(target.id, Offers(target.text))
        wording = offers.wording
        alternative = proposal.proposed if wording == proposal.base else rebase(proposal.base, wording,
                                                                                proposal.proposed).text
        if alternative is None:
            self.warnings.append(f"Proposal {proposal.id} by {proposal.party_name} was made on wording that has "
                                 "since changed in the same place; it was left out.")
            return None
        self.sections[target.id] = replace(target, text=offers.offer(alternative))
        return Touched(frozenset({target.id}))

    def _offer_terms(self, proposal: Proposal) -> Touched | None:
        try:
            bracketed = offer_terms(self.term_offers, self.terms, self.parties, proposal.term_values())
        except InvalidInput:
            bracketed = []
        if not bracketed:  # it adds or takes away a row, or cannot be read: its comment says what it proposes
            self.unbracketed.append(proposal)
            self.warnings.append(f"Proposal {proposal.id} by {proposal.party_name} cannot be bracketed beside the "
                                 "terms schedule's values as they stand; it is a comment on the schedule instead.")
            return None
        return Touched(terms=True)

    def under(self, section_id: int) -> set[int]:
        """A section and every section below it."""
        children: dict[int | None, list[int]] = {}
        for s in self.sections.values():
            children.setdefault(s.parent_id, []).append(s.id)
        found, stack = set(), [section_id]
        while stack:
            current = stack.pop()
            found.add(current)
            stack += children.get(current, [])
        return found


def _shift(sections: dict[int, Section], new: Section) -> dict[int, Section]:
    """Make room among the new section's siblings."""
    return {sid: replace(s, position=s.position + 1) if s.parent_id == new.parent_id and s.position >= new.position
            else s for sid, s in sections.items()}


def _moved(sections: dict[int, Section], section: Section, place: str) -> dict[int, Section]:
    where, after = placement(place)
    if where in ("first", "end"):
        moved = replace(section, parent_id=None, position=-1 if where == "first" else 10**6)
    else:
        anchor = sections.get(after) if after is not None else None
        if anchor is None:
            return sections
        moved = replace(section, parent_id=anchor.parent_id, position=anchor.position)
        sections = {sid: replace(s, position=s.position + 1) if s.parent_id == anchor.parent_id
                    and s.position > anchor.position and sid != section.id else s for sid, s in sections.items()}
        moved = replace(moved, position=anchor.position + 1)
    return {**sections, section.id: moved}
