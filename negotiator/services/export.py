"""Exporting an agreement to Word: clean, or redlined since a round with each change under the
party that proposed it. The documents are built here; the word package writes them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from negotiator.domain.agreement import Agreement
from negotiator.domain.authorship import Authorship
from negotiator.domain.clauses import format_time, parse_time, utc_now
from negotiator.domain.document import (
    Revision,
    WordDocument,
    anchored_texts,
    authors,
    texts_without,
)
from negotiator.domain.errors import InvalidInput
from negotiator.domain.export_anchors import Anchor, SectionAnchor, anchor_key
from negotiator.domain.export_layout import term_anchor
from negotiator.domain.json_data import JsonObject
from negotiator.domain.parties import party_named
from negotiator.domain.proposals import Proposal, ProposalKind, ProposalStatus, competing
from negotiator.domain.redline import clean_document, redline_document
from negotiator.domain.remarks import Remark
from negotiator.domain.term_fields import party_slug
from negotiator.domain.term_words import term_label, value_words
from negotiator.services.acting import Acting
from negotiator.services.changes import party_of
from negotiator.services.export_layers import Record, Recorded, build_layers, revision_of
from negotiator.services.export_states import Snapshot, apply_proposals, round_snapshot, state_of
from negotiator.services.remarks import remarks_of
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.negotiation_store import EventLog, ProposalStore, RoundStore
from negotiator.storage.section_store import SectionStore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MODES = ("agreed", "open")  # and "party:NAME"


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: the file, each author's number of changes, and anything left out."""

    path: Path
    changes: dict[str, int]
    warnings: tuple[str, ...]


class ExportService:
    """Word exports of the agreements of one open library."""

    def __init__(self, library: Library, acting: Acting) -> None:
        self.library = library
        self.acting = acting  # the party exporting, unless one is named

    def clean_document(self, agreement: int | str, round_label: str | None = None) -> WordDocument:
        """The agreement as it stands (or as a round froze it), without tracked changes."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            if round_label:
                frozen = RoundStore(session).find(found.saved_id, round_label)
                return clean_document(state_of(found, round_snapshot(frozen), frozen.label, frozen.issued_at.date()))
            current = self._current(session, found.saved_id)
            return clean_document(state_of(found, current, *_now_label(session, found.saved_id, current, "agreed")))

    def target_document(self, agreement: int | str, mode: str = "agreed") -> WordDocument:
        """The clean export of what a redline leads to: accepting all its changes gives exactly this."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            proposals = ProposalStore(session).of_agreement(found.saved_id)
            current = self._current(session, found.saved_id)
            label = _now_label(session, found.saved_id, current, mode)
        chosen, contested = _chosen(mode, proposals, found)
        target, _ = apply_proposals(current, chosen, found, _offered(contested))
        return clean_document(state_of(found, target, *label))

    def redline_document(self, agreement: int | str, since_round: str, mode: str = "agreed",
                         exporter: str | None = None, to_round: str | None = None) -> WordDocument:
        """Tracked changes from a round to the agreement as it stands (``agreed``), plus one party's
        open proposals (``party:NAME``) or every open proposal that no other party contests (``open``);
        or, with ``to_round``, from one round to a later one (what changed between two drafts sent).

        Each change is under the party whose proposal (or recorded direct edit) made it; the new
        round label alone is under ``exporter``, the party the export is made for, which is required.
        """
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            who = self._exporter(session, found, exporter)
            rounds = RoundStore(session)
            frozen = rounds.find(found.saved_id, since_round)
            end = rounds.find(found.saved_id, to_round) if to_round else None
            if end is not None and end.issued_at <= frozen.issued_at:
                raise InvalidInput(f"{end.label} was issued before {frozen.label}: a redline between two rounds runs "
                                   "from the earlier to the later.", field="to_round")
            until = end.issued_at if end is not None else None
            proposals = ProposalStore(session).of_agreement(found.saved_id)
            current = round_snapshot(end) if end is not None else self._current(session, found.saved_id)
            chosen, contested = _chosen(mode, proposals, found) if end is None else ([], [])
            accepted = [p for p in proposals if p.status is ProposalStatus.ACCEPTED and p.decided_at
                        and p.decided_at > frozen.issued_at and (until is None or p.decided_at <= until)]
            sections, terms = SectionStore(session), AgreementStore(session)
            record = Record(frozen, lambda: rounds.of_agreement(found.saved_id),
                            lambda sid: [Recorded(v.author, v.created_at, v.note, v.heading, v.text)
                                         for v in sections.versions(sid)
                                         if until is None or v.created_at <= until],
                            lambda: [Recorded(author, parse_time(at), note)
                                     for _, at, author, note in terms.terms_history(found.saved_id)
                                     if until is None or parse_time(at) <= until])
            base = round_snapshot(frozen)
            built = build_layers(found, base, current, accepted, chosen, record, who, _offered(contested))
            said = [r for r in remarks_of(session, found.saved_id)
                    if r.at > frozen.issued_at and (until is None or r.at <= until)]
            now = (end.label, end.issued_at.date()) if end is not None else _now_label(session, found.saved_id, current,
                                                                                          mode)
        base_state = state_of(found, base, frozen.label, frozen.issued_at.date())
        target_state = state_of(found, built.target, *now)
        label = Revision(who, utc_now())  # the new round label: the one change that is the exporter's own
        authorship = Authorship(built.layers, lambda _key: label)
        comments = _competing([p for p in contested if p not in _offered(contested)] + built.unbracketed, found)
        for anchor, notes in _said(said, found).items():
            comments[anchor] = comments.get(anchor, ()) + notes
        document = redline_document(base_state, target_state, authorship, comments)
        return WordDocument(document.blocks, document.header, document.footer, True, tuple(built.warnings))

    def unchanged_round(self, agreement: int | str) -> str | None:
        """The round the agreement still is (nothing changed since it was issued), if any: a redline since
        that round would show nothing, so the export dialog starts from the round before it."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            rounds = RoundStore(session).of_agreement(found.saved_id)
            label, _ = _now_label(session, found.saved_id, self._current(session, found.saved_id), "agreed")
        return label if rounds and label == rounds[-1].label else None

    def check_exporter(self, agreement: int | str, exporter: str | None) -> str:
        """The full name of the party a redline would be exported for; refused, saying why, when no party
        is given or it is not a party to the agreement."""
        with self.library.unit_of_work() as session:
            return self._exporter(session, AgreementStore(session).find(str(agreement)), exporter)

    def _exporter(self, session: Session, agreement: Agreement, name: str | None) -> str:
        """The party the redline is exported for (the acting party unless named): a party to the agreement."""
        return party_of(session, agreement, (name or "").strip() or self.acting.require("export a redline")).name

    def export_clean(self, agreement: int | str, out: Path, round_label: str | None = None,
                     template: Path | None = None) -> ExportReport:
        """Write the clean export."""
        document = self.clean_document(agreement, round_label)
        return _write(document, out, template, self._info(agreement, document, "clean", round_label))

    def export_redline(self, agreement: int | str, out: Path, since_round: str, mode: str = "agreed",
                       exporter: str | None = None, template: Path | None = None,
                       to_round: str | None = None) -> ExportReport:
        """Write the redline export (from a round to now, or to a later round with ``to_round``)."""
        document = self.redline_document(agreement, since_round, mode, exporter, to_round)
        return _write(document, out, template, self._info(agreement, document, mode if to_round is None else "between",
                                                          since_round))

    def _info(self, agreement: int | str, document: WordDocument, mode: str,
              round_label: str | None) -> JsonObject:
        """What the export records about itself inside the file, so that the returned file can be read
        against it: which library (its uid) and the head hash of its record when the file was made (an
        anchor: a later rewrite of the history is caught by any document already sent), which
        agreement, how it was made, and the text of every marked paragraph."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            library = ExchangeStore(session).uid()
            head = EventLog(session).head()
            proposals = ProposalStore(session).of_agreement(found.saved_id) if mode not in ("clean", "between") else []
        info: JsonObject = {
            "app": "Negotiator", "version": 1, "library": library, "record_head": head,
            "agreement_id": found.saved_id, "agreement": found.title, "mode": mode, "round": round_label,
            "exported_at": format_time(utc_now()), "anchors": anchored_texts(document),
            # the header's and footer's words (the page number aside), to tell an untracked edit of them
            "stories": {"header": document.header, "footer": document.footer}}
        if mode not in ("clean", "between"):
            info.update(_decidable(document, proposals, mode, found))
        return info

    def _current(self, session: Session, agreement_id: int) -> Snapshot:
        return Snapshot(tuple(SectionStore(session).outline(agreement_id)), AgreementStore(session).terms(agreement_id))


def _today() -> date:
    return utc_now().date()


def _now_label(session: Session, agreement_id: int, current: Snapshot, mode: str) -> tuple[str, date]:
    """What the title page calls the agreement as it stands, and its date: the round last issued when
    nothing has changed since it was issued (the document is that round), else the current draft."""
    rounds = RoundStore(session).of_agreement(agreement_id)  # issued, not withdrawn
    if mode == "agreed" and rounds:
        latest = rounds[-1]
        frozen = round_snapshot(latest)
        if _shape(frozen) == _shape(current) and frozen.terms == current.terms:
            return latest.label, latest.issued_at.date()
    return _target_label(mode), _today()


def _shape(snapshot: Snapshot) -> list[tuple[int, int | None, str, str]]:
    """What a reader of the document sees of the outline: the order, nesting, headings and wording."""
    return [(s.id, s.parent_id, s.heading, s.text) for s in snapshot.sections]


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
        party = party_named([s.party for s in agreement.signatories], mode.split(":", 1)[1])
        if party is None:
            raise InvalidInput(f"'{mode}' names no party of '{agreement.title}'; use party:NAME with one of its "
                               "parties.", field="mode")
        return [p for p in open_ones if p.party_id == party.id], []
    raise InvalidInput(f"'{mode}' is not an export mode; use agreed, open or party:NAME.", field="mode")


def _offered(contested: list[Proposal]) -> list[Proposal]:
    """The competing proposals shown as bracketed alternatives, in the order they were made: new wordings
    of a section, in its wording, and rival values of terms, in the terms schedule. The rest (new, removed
    or moved sections) stay comments."""
    return sorted((p for p in contested if (p.kind is ProposalKind.WORDING and p.section_id is not None)
                   or p.kind in (ProposalKind.TERM, ProposalKind.TERMS)), key=lambda p: p.id)


def _competing(contested: list[Proposal], agreement: Agreement) -> dict[Anchor, tuple[Revision, ...]]:
    """Competing proposals that no bracket can show (new, removed or moved sections; a rival term that would
    add or take away a schedule row) are not shown as changes: each is a comment in its proposer's name on
    the section or schedule entry it would change, saying what it proposes and why. So every tracked
    change stays someone's real proposal, and accepting them all never puts a listing into the contract."""
    slugs = {party_slug(s.party): s.party.saved_id for s in agreement.signatories}
    remarks: dict[Anchor, tuple[Revision, ...]] = {}
    for p in sorted(contested, key=lambda p: p.id):
        what = _what_competes(p, agreement)[0]
        anchors: list[Anchor] = [SectionAnchor(p.section_id)] if p.section_id is not None else \
            sorted({term_anchor(name, slugs) for name in p.term_values()}, key=anchor_key)
        note = Revision(p.party_name, p.created_at, _competing_note(p, what))
        for anchor in anchors:
            remarks[anchor] = remarks.get(anchor, ()) + (note,)
    return remarks


def _decidable(document: WordDocument, proposals: list[Proposal], mode: str,
               agreement: Agreement) -> JsonObject:
    """What the export records so that a reader's decisions in Word come home: each proposal shown as a
    change, with the text of each paragraph it changes as it reads once that change is rejected
    (a reader accepting or rejecting it leaves no mark of their own); and the comment each proposal
    carries, so that a reply to it is linked to the proposal."""
    # The open proposals shown as changes, and the accepted ones (a reader may reject those too: the
    # import then says they are decided already, rather than reading the rejection as an edit).
    chosen, contested = _chosen(mode, proposals, agreement)
    shown = {revision_of(p, accepted=False): p for p in chosen + _offered(contested)}
    shown |= {revision_of(p, accepted=True): p for p in proposals if p.status is ProposalStatus.ACCEPTED}
    changes = sorted(((shown[revision], texts) for revision, texts in texts_without(document, set(shown)).items()),
                     key=lambda change: change[0].id)
    comments: list[JsonObject] = []
    for p in proposals:
        said = {revision_of(p, accepted=False).comment, revision_of(p, accepted=True).comment}
        said |= {_competing_note(p, what) for what in _what_competes(p, agreement)}
        comments += [{"author": p.party_name, "text": text, "proposal": p.id}
                     for text in sorted(text for text in said if text is not None)]
    return {"changes": [{"proposal": p.id, "party": p.party_name, "anchors": texts} for p, texts in changes],
            "comments": comments}


def _what_competes(proposal: Proposal, agreement: Agreement) -> list[str]:
    """What a competing proposal's comment says it proposes, terms and values in words."""
    if proposal.section_id is not None:
        return [f"this section to read: {proposal.proposed}"]
    parties = {s.party.saved_id: s.party for s in agreement.signatories}
    return ["; ".join(f"{term_label(name, parties)} to be {value_words(name, value)}"
                      for name, value in proposal.term_values().items())]


def _competing_note(proposal: Proposal, what: str) -> str:
    return (f"Competing proposal {proposal.id} (not shown as a change: other parties propose differently) — "
            f"{proposal.party_name} proposes {what}" + (f"\nWhy: {proposal.rationale}" if proposal.rationale else ""))


def _said(remarks: list[Remark], agreement: Agreement) -> dict[Anchor, tuple[Revision, ...]]:
    """The parties' remarks as comments in their names, on the section or schedule entry they are about."""
    slugs = {party_slug(s.party): s.party.saved_id for s in agreement.signatories}
    found: dict[Anchor, tuple[Revision, ...]] = {}
    for remark in remarks:
        anchor = SectionAnchor(remark.section_id) if remark.section_id is not None else \
            term_anchor(remark.target, slugs)
        reply = f"\n(In reply to proposal {remark.answers}.)" if remark.answers is not None else ""
        found[anchor] = found.get(anchor, ()) + (Revision(remark.party_name, remark.at, remark.text + reply),)
    return found


def _write(document: WordDocument, out: Path, template: Path | None, info: JsonObject) -> ExportReport:
    from negotiator.word.writer import write_docx  # python-docx loads only when a file is written

    if out.suffix.lower() != ".docx":
        raise InvalidInput(f"{out.name}: a Word export is written to a .docx file.", field="out")
    if not out.parent.exists():
        raise InvalidInput(f"Cannot write {out}: the folder {out.parent} does not exist.", field="out")
    if template is not None and not template.is_file():
        raise InvalidInput(f"The template {template} does not exist.", field="template")
    warnings = write_docx(document, out, template, export_info=info)
    return ExportReport(out, authors(document), tuple(document.warnings) + tuple(warnings or ()))
