"""Texts to compare: everything a section's wording can be set beside (its versions, the rounds, the
library clause, the proposals), and term values as the wording says them."""

from __future__ import annotations

from dataclasses import dataclass

from negotiator.domain.parties import Party
from negotiator.domain.proposals import ProposalKind
from negotiator.domain.term_fields import FIELDS, render_term
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.clause_store import ClauseStore
from negotiator.storage.database import Library
from negotiator.storage.negotiation_store import ProposalStore, RoundStore
from negotiator.storage.section_store import SectionStore


@dataclass(frozen=True)
class Text:
    """A text that can be compared: where it comes from, and the wording."""

    label: str
    text: str


class ComparisonService:
    """What the compare view shows, for the agreements of one open library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def texts(self, agreement: int | str, section_id: int) -> list[Text]:
        """Everything a section's wording can be compared with: its versions, rounds, library, proposals."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            sections = SectionStore(session)
            versions = sections.versions(section_id)
            texts = [Text(f"Section version {v.number} ({v.author})", v.text) for v in versions]
            for frozen in RoundStore(session).of_agreement(found.saved_id):
                kept = frozen.section(section_id)
                if kept is not None:
                    texts.append(Text(f"{frozen.label} ({frozen.issued_at:%d %b %Y})", kept.text))
            latest = versions[-1] if versions else None
            if latest is not None and latest.clause_key:
                for version in ClauseStore(session).versions(latest.clause_key):
                    texts.append(Text(f"Library clause '{version.title}', version {version.number}", version.text))
            for proposal in ProposalStore(session).of_agreement(found.saved_id):
                if proposal.section_id == section_id and proposal.kind is ProposalKind.WORDING:
                    texts.append(Text(f"Proposal {proposal.id} by {proposal.party_name} ({proposal.status.value})",
                                      proposal.proposed))
        return texts

    def open_wordings(self, agreement: int | str, section_id: int) -> tuple[str, list[tuple[Party, str]]]:
        """The section's current wording and each party's open proposed wording (the N-way view)."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            current = SectionStore(session).get(section_id).text
            proposals = ProposalStore(session).of_agreement(found.saved_id)
        parties = {s.party.saved_id: s.party for s in found.signatories}
        columns = [(parties[p.party_id], p.proposed) for p in proposals
                   if p.is_open and p.kind is ProposalKind.WORDING and p.section_id == section_id]
        return current, columns

    def render_value(self, agreement: int | str, name: str, value: str) -> str:
        """A term value as the wording would say it ("thirty (30) days")."""
        from negotiator.domain.term_fields import set_term

        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            sheet = AgreementStore(session).terms(found.saved_id)
        parties = {s.party.saved_id: s.party for s in found.signatories}
        if not value or name not in FIELDS and not name.startswith(("risk_share.", "payment.contribution.")):
            return value
        return render_term(set_term(sheet, name, value, parties), name, parties) or value
