"""Rounds, the positions matrix, texts to compare, and the check of every hash chain."""

from __future__ import annotations

from dataclasses import dataclass

from negotiator.domain.outline import number_outline
from negotiator.domain.parties import Party
from negotiator.domain.positions import PositionRow, build_positions
from negotiator.domain.proposals import ProposalKind, ProposalStatus
from negotiator.domain.rounds import Round, RoundSection, check_label
from negotiator.domain.term_fields import FIELDS, render_term, term_names, terms_as_dict
from negotiator.domain.terms_json import sheet_to_data
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.clause_store import ClauseStore
from negotiator.storage.database import Library
from negotiator.storage.negotiation_store import EventLog, ProposalStore, RoundStore
from negotiator.storage.party_store import PartyStore
from negotiator.storage.section_store import SectionStore


@dataclass(frozen=True)
class Positions:
    """The matrix: parties as columns, one row per item under negotiation."""

    parties: tuple[Party, ...]
    rows: tuple[PositionRow, ...]


@dataclass(frozen=True)
class Text:
    """A text that can be compared: where it comes from, and the wording."""

    label: str
    text: str


class RoundService:
    """Rounds and views over the negotiation of one open library."""

    def __init__(self, library: Library, author: str) -> None:
        self.library = library
        self.author = author

    def issue_round(self, agreement: int | str, label: str, party: str | None = None) -> Round:
        """Freeze the agreement's outline and terms under a label ("Draft 2")."""
        with self.library.unit_of_work(write=True) as session:
            EventLog(session).hold()  # two users issuing at once must not both take the same label
            store, rounds = AgreementStore(session), RoundStore(session)
            found = store.find(str(agreement))
            label = check_label(label, [r.label for r in rounds.of_agreement(found.id)])
            issuer = PartyStore(session).find(party).name if party else self.author
            sections = [RoundSection(n.section.id, n.number, n.section.heading, n.section.text, n.section.version)
                        for n in number_outline(SectionStore(session).outline(found.id))]
            made = rounds.add(found.id, label, issuer, sections, sheet_to_data(store.terms(found.id)))
            EventLog(session).append(found.id, issuer, "issue round", label, {"sections": len(sections)})
            return made

    def withdraw_round(self, round_id: int, withdrawn: bool = True) -> None:
        """Withdraw an issued round (undoing the issue), or reissue it."""
        with self.library.unit_of_work(write=True) as session:
            EventLog(session).hold()
            rounds = RoundStore(session)
            row = rounds.get(round_id)
            if not withdrawn:
                check_label(row.label, [r.label for r in rounds.of_agreement(row.agreement_id)])
            rounds.set_withdrawn(round_id, withdrawn)
            EventLog(session).append(row.agreement_id, self.author, "withdraw round" if withdrawn else "reissue round",
                                     row.label, {})

    def rounds(self, agreement: int | str) -> list[Round]:
        """The agreement's issued rounds, oldest first."""
        with self.library.unit_of_work() as session:
            return RoundStore(session).of_agreement(AgreementStore(session).find(str(agreement)).id)

    def positions(self, agreement: int | str) -> Positions:
        """Each party's position on every term and section that has proposals."""
        with self.library.unit_of_work() as session:
            store = AgreementStore(session)
            found = store.find(str(agreement))
            sheet = store.terms(found.id)
            proposals = ProposalStore(session).of_agreement(found.id)
            outline = number_outline(SectionStore(session).outline(found.id, include_removed=False))
        parties = {s.party.id: s.party for s in found.signatories}
        values = terms_as_dict(sheet, parties)
        items = [(name, name, "" if values.get(name) is None else str(values[name]))
                 for name in term_names(parties) if name in values]
        items += [(f"section:{n.section.id}", f"{n.number} {n.section.heading}", n.section.text) for n in outline]
        live = [p for p in proposals if p.status is not ProposalStatus.WITHDRAWN and p.kind is not
                ProposalKind.ADD_SECTION]
        rows = build_positions(items, live, list(parties))
        return Positions(tuple(parties.values()), tuple(rows))

    def texts(self, agreement: int | str, section_id: int) -> list[Text]:
        """Everything a section's wording can be compared with: its versions, rounds, library, proposals."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            sections = SectionStore(session)
            versions = sections.versions(section_id)
            texts = [Text(f"Section version {v.number} ({v.author})", v.text) for v in versions]
            for frozen in RoundStore(session).of_agreement(found.id):
                kept = frozen.section(section_id)
                if kept is not None:
                    texts.append(Text(f"{frozen.label} ({frozen.issued_at:%d %b %Y})", kept.text))
            latest = versions[-1] if versions else None
            if latest is not None and latest.clause_key:
                for version in ClauseStore(session).versions(latest.clause_key):
                    texts.append(Text(f"Library {latest.clause_key} v{version.number}", version.text))
            for proposal in ProposalStore(session).of_agreement(found.id):
                if proposal.section_id == section_id and proposal.kind is ProposalKind.WORDING:
                    texts.append(Text(f"Proposal {proposal.id} by {proposal.party_name} ({proposal.status.value})",
                                      proposal.proposed))
        return texts

    def open_wordings(self, agreement: int | str, section_id: int) -> tuple[str, list[tuple[Party, str]]]:
        """The section's current wording and each party's open proposed wording (the N-way view)."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            current = SectionStore(session).get(section_id).text
            proposals = ProposalStore(session).of_agreement(found.id)
        parties = {s.party.id: s.party for s in found.signatories}
        columns = [(parties[p.party_id], p.proposed) for p in proposals
                   if p.is_open and p.kind is ProposalKind.WORDING and p.section_id == section_id]
        return current, columns

    def render_value(self, agreement: int | str, name: str, value: str) -> str:
        """A term value as the wording would say it ("thirty (30) days")."""
        from negotiator.domain.term_fields import set_term

        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            sheet = AgreementStore(session).terms(found.id)
        parties = {s.party.id: s.party for s in found.signatories}
        if not value or name not in FIELDS and not name.startswith(("risk_share.", "payment.contribution.")):
            return value
        return render_term(set_term(sheet, name, value, parties), name, parties) or value

    def verify(self) -> tuple[int, list[str]]:
        """Recompute the section, terms and negotiation chains; (records checked, problems)."""
        from negotiator.storage.chains import chain_problems

        with self.library.unit_of_work() as session:
            checked, problems = chain_problems(session)
            log = EventLog(session)
            return checked + log.count(), problems + log.problems() + log.proposal_problems()
