"""Exporting an agreement to Word: clean, or redlined since a round with each change under the
party that proposed it. The documents are built here; the word package writes them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from negotiator.domain.agreement import Agreement
from negotiator.domain.clauses import format_time, utc_now
from negotiator.domain.document import (
    Cell,
    Change,
    Paragraph,
    Revision,
    Row,
    Run,
    Table,
    WordDocument,
    anchored_texts,
    authors,
)
from negotiator.domain.errors import InvalidInput
from negotiator.domain.placeholders import placeholders_in
from negotiator.domain.proposals import Proposal, ProposalKind, ProposalStatus, competing
from negotiator.domain.redline import clean_document, redline_document
from negotiator.domain.term_fields import party_slug
from negotiator.services.export_states import Snapshot, apply_proposals, round_snapshot, state_of
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.negotiation_store import ProposalStore, RoundStore
from negotiator.storage.party_store import PartyStore
from negotiator.storage.section_store import SectionStore

MODES = ("agreed", "open")  # and "party:NAME"


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: the file, each author's number of changes, and anything left out."""

    path: Path
    changes: dict[str, int]
    warnings: tuple[str, ...]


class ExportService:
    """Word exports of the agreements of one open library."""

    def __init__(self, library: Library, author: str) -> None:
        self.library = library
        self.author = author

    def clean_document(self, agreement: int | str, round_label: str | None = None) -> WordDocument:
        """The agreement as it stands (or as a round froze it), without tracked changes."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            if round_label:
                frozen = RoundStore(session).find(found.id, round_label)
                return clean_document(state_of(found, round_snapshot(frozen), frozen.label, frozen.issued_at.date()))
            return clean_document(state_of(found, self._current(session, found.id), "Current draft", _today()))

    def target_document(self, agreement: int | str, mode: str = "agreed") -> WordDocument:
        """The clean export of what a redline leads to: accepting all its changes gives exactly this."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            proposals = ProposalStore(session).of_agreement(found.id)
            current = self._current(session, found.id)
        target, _ = apply_proposals(current, _chosen(mode, proposals, found)[0], found)
        return clean_document(state_of(found, target, _target_label(mode), _today()))

    def redline_document(self, agreement: int | str, since_round: str, mode: str = "agreed",
                         exporter: str | None = None) -> WordDocument:
        """Tracked changes from a round to the agreement as it stands (``agreed``), plus one party's
        open proposals (``party:NAME``) or every open proposal that no other party contests (``open``)."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            frozen = RoundStore(session).find(found.id, since_round)
            who = PartyStore(session).find(exporter).name if exporter else self.author
            proposals = ProposalStore(session).of_agreement(found.id)
            current = self._current(session, found.id)
        chosen, contested = _chosen(mode, proposals, found)
        target, warnings = apply_proposals(current, chosen, found)
        base_state = state_of(found, round_snapshot(frozen), frozen.label, frozen.issued_at.date())
        target_state = state_of(found, target, _target_label(mode), _today())
        attribute = _attribution(found, frozen.issued_at, proposals, chosen, current, who)
        appendix = _appendix(contested, Revision(who, utc_now())) if contested else ()
        document = redline_document(base_state, target_state, attribute, appendix)
        return WordDocument(document.blocks, document.header, document.footer, True, tuple(warnings))

    def export_clean(self, agreement: int | str, out: Path, round_label: str | None = None,
                     template: Path | None = None) -> ExportReport:
        """Write the clean export."""
        document = self.clean_document(agreement, round_label)
        return _write(document, out, template, self._info(agreement, document, "clean", round_label))

    def export_redline(self, agreement: int | str, out: Path, since_round: str, mode: str = "agreed",
                       exporter: str | None = None, template: Path | None = None) -> ExportReport:
        """Write the redline export."""
        document = self.redline_document(agreement, since_round, mode, exporter)
        return _write(document, out, template, self._info(agreement, document, mode, since_round))

    def _info(self, agreement: int | str, document: WordDocument, mode: str, round_label: str | None) -> dict:
        """What the export records about itself inside the file, so that the returned file can be read
        against it: which agreement, how it was made, and the text of every marked paragraph."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            library = ExchangeStore(session).uid()
        return {"app": "Negotiator", "version": 1, "library": library, "agreement_id": found.id,
                "agreement": found.title, "mode": mode, "round": round_label,
                "exported_at": format_time(utc_now()), "anchors": anchored_texts(document)}

    def _current(self, session: object, agreement_id: int) -> Snapshot:
        return Snapshot(tuple(SectionStore(session).outline(agreement_id)), AgreementStore(session).terms(agreement_id))


def _today() -> date:
    return utc_now().date()


def _target_label(mode: str) -> str:
    if mode == "agreed":
        return "Current draft"
    return "Current draft with " + ("open proposals" if mode == "open" else f"proposals of {mode.split(':', 1)[1]}")


def _chosen(mode: str, proposals: list[Proposal], agreement: Agreement) -> tuple[list[Proposal], list[Proposal]]:
    """The open proposals a mode shows as changes, and those it lists as contested."""
    open_ones = [p for p in proposals if p.is_open]
    if mode == "agreed":
        return [], []
    if mode == "open":
        rivals = competing(open_ones)
        return [p for p in open_ones if p.id not in rivals], [p for p in open_ones if p.id in rivals]
    if mode.startswith("party:"):
        name = mode.split(":", 1)[1].strip().lower()
        party = next((s.party for s in agreement.signatories
                      if name in (s.party.name.lower(), s.party.short_name.lower())), None)
        if party is None:
            raise InvalidInput(f"'{mode}' names no party of '{agreement.title}'; use party:NAME with one of its "
                               "parties.", field="mode")
        return [p for p in open_ones if p.party_id == party.id], []
    raise InvalidInput(f"'{mode}' is not an export mode; use agreed, open or party:NAME.", field="mode")


def _attribution(agreement: Agreement, since: object, proposals: list[Proposal], chosen: list[Proposal],
                 current: Snapshot, exporter: str) -> object:
    """Who each change belongs to: the open proposal shown, else the proposal accepted since the
    round, else the party exporting (a new round label, a change nobody proposed)."""
    accepted = [p for p in proposals if p.status is ProposalStatus.ACCEPTED and p.decided_at and p.decided_at > since]
    slugs = {s.party.id: party_slug(s.party) for s in agreement.signatories}
    raw = {s.id: s.text for s in current.sections}
    fallback = Revision(exporter, utc_now())

    def revision(p: Proposal) -> Revision:
        return Revision(p.party_name, p.created_at, p.rationale or None)

    def concerns(p: Proposal, key: str) -> bool:
        section = key.split(".")[0]
        if p.kind is not ProposalKind.TERM:
            return section == f"s{p.section_id}" or (p.kind is ProposalKind.ADD_SECTION and section == f"s-{p.id}")
        term = p.target
        if key.startswith("share."):
            return term.startswith(f"risk_share.{slugs.get(int(key.split('.')[1]), '?')}.")
        if key.startswith("contribution."):
            return term == f"payment.contribution.{slugs.get(int(key.split('.')[1]), '?')}"
        if key == "corridor":
            return term == "risk_share.corridor"
        if key.startswith("duration."):
            return term.startswith("duration.")
        if key.startswith("s") and section[1:].lstrip("-").isdigit():
            return term in placeholders_in(raw.get(int(section[1:]), ""))
        return key == term

    # Wording proposals are found by section at once; only term proposals need looking through.
    by_section: list[dict[str, Proposal]] = []
    terms: list[list[Proposal]] = []
    for group in (chosen, accepted):
        sections: dict[str, Proposal] = {}
        for p in group:
            if p.kind is not ProposalKind.TERM:
                sections[f"s{p.section_id}" if p.kind is not ProposalKind.ADD_SECTION else f"s-{p.id}"] = p
        by_section.append(sections)
        terms.append([p for p in group if p.kind is ProposalKind.TERM])

    def attribute(key: str) -> Revision:
        for sections, term_proposals in zip(by_section, terms, strict=True):
            found = sections.get(key.split(".")[0])
            matches = [p for p in term_proposals if concerns(p, key)]
            if found is not None and (not matches or matches[-1].id < found.id):
                return revision(found)
            if matches:
                return revision(matches[-1])
        return fallback

    return attribute


def _appendix(contested: list[Proposal], exporter: Revision) -> tuple:
    """Competing proposals side by side, for the parties to settle (inserted by the exporter)."""
    heading = Paragraph((Run("Appendix: competing proposals", Change.INSERT, exporter),), "Heading 1",
                        mark=Change.INSERT, mark_revision=exporter, page_break_before=True)

    def cell(text: str) -> Cell:
        return Cell((Paragraph((Run(text, Change.INSERT, exporter),) if text else ()),))

    rows = [Row(tuple(cell(t) for t in ("Proposal", "What it changes", "Party", "Proposed", "Rationale")),
                Change.INSERT, exporter, header=True)]
    for p in sorted(contested, key=lambda p: (p.target, p.id)):
        rows.append(Row(tuple(cell(t) for t in (str(p.id), p.heading or p.target, p.party_name, p.proposed,
                                                p.rationale)), Change.INSERT, exporter))
    return (heading, Table(tuple(rows), anchor="appendix"))


def _write(document: WordDocument, out: Path, template: Path | None, info: dict) -> ExportReport:
    from negotiator.word.writer import write_docx  # python-docx loads only when a file is written

    if out.suffix.lower() != ".docx":
        raise InvalidInput(f"{out.name}: a Word export is written to a .docx file.", field="out")
    if not out.parent.exists():
        raise InvalidInput(f"Cannot write {out}: the folder {out.parent} does not exist.", field="out")
    if template is not None and not template.is_file():
        raise InvalidInput(f"The template {template} does not exist.", field="template")
    warnings = write_docx(document, out, template, export_info=info)
    return ExportReport(out, authors(document), tuple(document.warnings) + tuple(warnings or ()))
