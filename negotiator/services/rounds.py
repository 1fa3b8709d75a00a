"""Rounds, the positions matrix, texts to compare, and the check of every hash chain."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from negotiator.domain.agreements import AgreementStatus
from negotiator.domain.lifecycle import check_proposal_allowed
from negotiator.domain.outline import number_outline
from negotiator.domain.parties import Party
from negotiator.domain.positions import PositionRow, build_positions
from negotiator.domain.proposals import ProposalKind, ProposalStatus
from negotiator.domain.remarks import standing_positions
from negotiator.domain.rounds import Round, RoundSection, check_label
from negotiator.domain.term_fields import FIELDS, render_term, term_names, terms_as_text
from negotiator.domain.term_words import term_label
from negotiator.domain.terms_json import sheet_to_data
from negotiator.services.acting import Acting
from negotiator.services.changes import party_of, record, stage
from negotiator.services.remarks import positions_of
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.clause_store import ClauseStore
from negotiator.storage.database import Library
from negotiator.storage.negotiation_store import EventLog, ProposalStore, RoundStore
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

    def __init__(self, library: Library, acting: Acting) -> None:
        self.library = library
        self.acting = acting

    def issue_round(self, agreement: int | str, label: str, party: str | None = None) -> Round:
        """Freeze the agreement's outline and terms under a label ("Draft 2"), in the name of the party
        issuing it (the acting party unless named). The first round ends drafting: from then on the
        agreement changes only by proposal."""
        with self.library.unit_of_work(write=True) as session:
            EventLog(session).hold()  # two users issuing at once must not both take the same label
            store, rounds = AgreementStore(session), RoundStore(session)
            found = store.find(str(agreement))
            issuer = party_of(session, found, party or self.acting.require("issue a round")).name
            check_proposal_allowed(found.title, stage(session, found))
            label = check_label(label, [r.label for r in rounds.of_agreement(found.id)])
            sections = [RoundSection(n.section.id, n.number, n.section.heading, n.section.text, n.section.version)
                        for n in number_outline(SectionStore(session).outline(found.id))]
            made = rounds.add(found.id, label, issuer, sections, sheet_to_data(store.terms(found.id)))
            record(session, found.id, issuer, "issue round", label,
                   {"round": made.id, "sections": len(sections), "snapshot": rounds.snapshot_hash(made.id)})
            self._follow_status(session, found.id, issuer)
            return made

    def withdraw_round(self, round_id: int, withdrawn: bool = True) -> None:
        """Withdraw an issued round (undoing the issue), or reissue it, in the acting party's name."""
        with self.library.unit_of_work(write=True) as session:
            EventLog(session).hold()
            rounds = RoundStore(session)
            row = rounds.get(round_id)
            agreement = AgreementStore(session).get(row.agreement_id)
            actor = party_of(session, agreement, self.acting.require("withdraw a round"))
            if not withdrawn:
                check_label(row.label, [r.label for r in rounds.of_agreement(row.agreement_id)])
            rounds.set_withdrawn(round_id, withdrawn)
            record(session, row.agreement_id, actor.name, "withdraw round" if withdrawn else "reissue round",
                   row.label, {"round": round_id})
            self._follow_status(session, row.agreement_id, actor.name)

    def _follow_status(self, session: object, agreement_id: int, party: str) -> None:
        """Drafting until a round is issued, in negotiation after: the status follows, recorded."""
        store = AgreementStore(session)
        found = store.get(agreement_id)
        issued = bool(RoundStore(session).of_agreement(agreement_id))
        wanted = {AgreementStatus.DRAFTING: AgreementStatus.IN_NEGOTIATION if issued else None,
                  AgreementStatus.IN_NEGOTIATION: None if issued else AgreementStatus.DRAFTING}.get(found.status)
        if wanted is not None:
            store.save(replace(found, status=wanted))
            record(session, agreement_id, party, "status", wanted.label.lower(),
                   {"status": wanted.value, "from": found.status.value})

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
            taken = standing_positions(positions_of(session, found.id))
        parties = {s.party.id: s.party for s in found.signatories}
        values = terms_as_text(sheet, parties)  # as proposals hold them, so that equal values compare equal
        items = [(name, term_label(name, parties), values[name]) for name in term_names(parties) if name in values]
        items += [(f"section:{n.section.id}", f"{n.number} {n.section.heading}", n.section.text) for n in outline]
        live = [p for p in proposals if p.status is not ProposalStatus.WITHDRAWN and p.kind is not
                ProposalKind.ADD_SECTION]
        rows = build_positions(items, live, list(parties), taken)
        return Positions(tuple(parties.values()), tuple(rows))

    def export_positions(self, agreement: int | str, out: Path) -> Path:
        """Write the positions matrix to a .csv or a .docx file (by its suffix), in words."""
        from negotiator.services.positions_export import export_positions

        with self.library.unit_of_work() as session:
            title = AgreementStore(session).find(str(agreement)).title
        return export_positions(self, agreement, title, out)

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

