"""Bringing a returned Word redline home: each party's tracked changes become that party's open
proposals on the right section or term; nothing is accepted by importing. What cannot become a
proposal (formatting changes, moves, header edits) is reported, never dropped silently."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypedDict

from negotiator.domain.errors import Cancelled, InvalidInput, NegotiatorError
from negotiator.domain.export_anchors import SectionAnchor, anchor_key, place_of, section_of
from negotiator.domain.merge import rebase
from negotiator.domain.outline import NumberedSection
from negotiator.domain.proposals import Proposal, decode_terms
from negotiator.domain.remarks import PositionTaken, Remark
from negotiator.domain.returned import ReturnedDocument, ReturnedParagraph
from negotiator.domain.term_fields import terms_as_text
from negotiator.services.acting import Acting
from negotiator.services.negotiation import NegotiationService
from negotiator.services.outline import OutlineService
from negotiator.services.remarks import RemarksService
from negotiator.services.returned_remarks import position_plans, remark_plans, reply_plans
from negotiator.services.returned_report import quote, unaccounted
from negotiator.services.returned_terms import term_plans
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.party_store import PartyStore


@dataclass(frozen=True)
class Plan:
    """A proposal the import will make."""

    party: str
    kind: str  # "wording" | "term" | "terms" (several terms as one, JSON) | "new_section" | "remark" | "position"
    target: str  # "section:ID" or a term name
    label: str  # what a person reads: "5.1 Alliance Board: meetings and quorum" or "payment.days"
    proposed: str
    rationale: str
    warning: str = ""
    heading: str = ""  # of a new section
    answers: int | None = None  # the proposal a remark replies to

    def describe(self) -> str:
        """One line for the preview and the summary."""
        flat = " ".join(self.proposed.split())
        flat = flat if len(flat) <= 80 else flat[:79] + "…"
        return f"{self.label}: {flat}" + (f" ({self.warning})" if self.warning else "")


class PlanData(TypedDict):
    """A planned proposal as JSON-ready data."""

    party: str
    kind: str
    target: str
    label: str
    proposed: str
    rationale: str
    warning: str | None


class ReturnedImportData(TypedDict):
    """A returned file's import as JSON-ready data (what ``returned import --json`` prints)."""

    id: str
    proposals: list[PlanData]
    made: list[int]
    notes: list[str]


# Each section of the agreement by id: its number and heading, and its wording as rendered.
Numbered = dict[int, tuple[NumberedSection, str]]


@dataclass
class ReturnedImport:
    """What importing a returned file proposes, and everything it could not import."""

    file: str
    plans: list[Plan] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    made: list[int] = field(default_factory=list)

    def as_json(self) -> ReturnedImportData:
        """The conventions' single object."""
        return {"id": self.file, "proposals": [{"party": p.party, "kind": p.kind, "target": p.target,
                                                "label": p.label, "proposed": p.proposed,
                                                "rationale": p.rationale, "warning": p.warning or None}
                                               for p in self.plans],
                "made": self.made, "notes": self.notes}


class ReturnedService:
    """Imports of returned redlines into one open library."""

    def __init__(self, library: Library, acting: Acting) -> None:
        self.library = library
        self.acting = acting
        self.negotiation = NegotiationService(library, acting)
        self.outline = OutlineService(library, acting)
        self.remarks = RemarksService(library, acting)

    def read(self, path: Path) -> ReturnedDocument:
        """Read a returned file, refusing a damaged or hostile one."""
        from negotiator.word.importer import read_returned

        return read_returned(path)

    def import_file(self, agreement: int | str, path: Path, author_map: dict[str, str],
                    untracked_as: str | None = None, *, dry_run: bool = False) -> ReturnedImport:
        """Plan the proposals a returned file holds and, unless ``dry_run``, make them in one transaction."""
        result = self.plan(agreement, self.read(path), author_map, untracked_as)
        if not dry_run:
            self.apply(agreement, result)
        return result

    def plan(self, agreement: int | str, document: ReturnedDocument, author_map: dict[str, str],
             untracked_as: str | None = None) -> ReturnedImport:
        """What the file would become, without changing anything."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            _check_origin(document, found.saved_id, found.title, ExchangeStore(session).uid())
            parties_by_id = {s.party.saved_id: s.party for s in found.signatories}
            current = terms_as_text(AgreementStore(session).terms(found.saved_id), parties_by_id)
            parties = PartyStore(session)
            members = {s.party.name for s in found.signatories}
            mapping: dict[str, str] = {name: name for name in members}
            for author, party in author_map.items():
                chosen = parties.find(party)
                if chosen.name not in members:
                    raise InvalidInput(f"{chosen.name} is not a party to '{found.title}'; map '{author}' to one of "
                                       f"its parties.", field="author-map")
                mapping[author] = chosen.name
            if untracked_as:  # named as a person types it (a short name, say): the party's own name from here on
                untracked_as = parties.find(untracked_as).name
        unmapped = [a for a in document.authors if a not in mapping]
        if unmapped:
            raise InvalidInput(f"{document.name} has changes by {', '.join(repr(a) for a in unmapped)}; say which "
                               "party each acts for, e.g. --author-map \"" + unmapped[0] + "=Provider B\".",
                               field="author-map")
        document = _marks_as_typed(document)
        result = ReturnedImport(document.name, notes=list(document.unsupported))
        ours = {a for a in document.authors if a in members and author_map.get(a) is None}
        theirs: dict[str, set[str]] = {}
        for author in document.authors:
            if author not in ours:
                theirs.setdefault(mapping[author], set()).add(author)
        numbered = {n.section.id: (n, text) for n, text in self.outline.rendered(found.saved_id)}
        groups = _by_section(document, numbered)
        if not any(p.anchor for p in document.paragraphs):
            result.notes += [f"{document.name} was not exported by Negotiator: its text under the heading "
                             f"'{numbered[sid][0].section.heading}' was matched to section {numbered[sid][0].number} "
                             "by heading; check the match before importing." for sid in groups]
        exported = (document.export_info or {}).get("anchors", {})
        # Who made what carries no author (an edit with tracking off, a change accepted or rejected): the
        # party named for it, else the one party the file's authors act for, else the one the map names.
        named = set(theirs) or {mapping[a] for a in author_map}
        untracked_party = untracked_as or (next(iter(named)) if len(named) == 1 else None)
        existing = [v.proposal for v in self.negotiation.proposals(found.saved_id)]
        labels = {p.id: _label_of(p, numbered) for p in existing}
        positions, seen = position_plans(document, untracked_party, ours, {p.id: p for p in existing}, result.notes,
                                         labels)
        for section_id, paragraphs in groups.items():
            numbered_section = numbered[section_id][0]
            label = f"{numbered_section.number} {numbered_section.section.heading}"
            heading_anchor = anchor_key(SectionAnchor(section_id))
            body = [p for p in paragraphs if p.anchor != heading_anchor]
            for heading in (p for p in paragraphs if p.anchor == heading_anchor and p.authors - ours):
                result.notes.append(f"A change to the heading of {label} was not imported "
                                    f"(\"{quote(heading.text_accepting(heading.authors) or '')}\"): headings change "
                                    "with the wording of the library clause.")
            # What the export said, where the file tells us; else what the file says without their changes.
            before = "\n\n".join(seen.get(p.anchor, exported.get(p.anchor, accepted)) if p.anchor is not None
                                 else accepted for p in body if (accepted := p.text_accepting(ours)) is not None)
            untracked = [p.anchor for p in body if p.anchor in exported and p.anchor not in seen
                         and p.text_accepting(ours) != exported[p.anchor]]
            proposers = {party: authors for party, authors in theirs.items() if any(p.authors & authors for p in body)}
            if untracked and not proposers:
                if untracked_party is None:
                    edited = "; ".join(f'"{quote(p.text_accepting(ours) or "")}"' for p in body
                                       if p.anchor in untracked)
                    result.notes.append(f"{label} was edited with tracking switched off ({edited}); say which party "
                                        "made the edit with --untracked-as PARTY to import it.")
                    continue
                proposers = {mapping.get(untracked_party, untracked_party): set()}
            raw = numbered_section.section.text
            for party, authors in proposers.items():
                after = _join(body, ours | authors)
                # Replay the party's edits on the stored wording, so that placeholders and any change
                # made here since the export survive; fall back to the returned text when they collide.
                merged = rebase(before, raw, after).text
                warning = "made with tracking switched off" if untracked else ""
                if merged is None:
                    merged, warning = after, "it rewrites wording that shows a term or changed here since"
                if merged != raw:
                    result.plans.append(Plan(party, "wording", f"section:{section_id}", label, merged,
                                             _rationale(body, authors, document.name), warning))
        result.plans += term_plans(document, ours, theirs, result.notes, parties_by_id, current)
        for follows, new_heading, new_body in _new_sections(document):
            proposer = mapping.get(new_heading.mark_author)
            if proposer is None or new_heading.mark_author in ours:
                continue
            marked_by = {new_heading.mark_author}
            text = "\n\n".join(p.text_accepting(marked_by) or "" for p in new_body).strip("\n")
            where = f"after {numbered[follows][0].number}" if follows in numbered else "at the end"
            result.plans.append(Plan(proposer, "new_section", f"after:{follows}" if follows in numbered else "end",
                                     f"new section {where}: {new_heading.text_accepting(marked_by)}",
                                     text, _rationale([new_heading, *new_body], marked_by, document.name),
                                     heading=new_heading.text_accepting(marked_by) or ""))
        located = {id(p): sid for sid, paragraphs in groups.items() for p in paragraphs}
        sections = {sid: f"{n.number} {n.section.heading}" for sid, (n, _) in numbered.items()}
        result.plans += remark_plans(document, mapping, ours, sections, located, result.plans, parties_by_id)
        result.plans += reply_plans(document, mapping, ours, sections, {p.id: p for p in existing}, parties_by_id)
        result.plans += positions
        result.notes += unaccounted(document, result, ours, groups, numbered, parties_by_id, set(seen))
        return _without_repeats(result, existing, self.remarks.remarks(found.saved_id),
                                self.remarks.positions(found.saved_id))

    def apply(self, agreement: int | str, result: ReturnedImport, cancelled: Callable[[], bool] | None = None) -> None:
        """Make every planned proposal, or none of them.

        ``cancelled()`` is asked before each proposal; saying yes rolls back the ones already made."""
        made: list[int] = []
        with self.library.unit_of_work(write=True) as session:
            # By id from here on: the agreement is then read once, not found again by title for each change.
            agreement = AgreementStore(session).find(str(agreement)).saved_id
            for plan in result.plans:
                if cancelled is not None and cancelled():
                    raise Cancelled(f"The import of {result.file} was cancelled; nothing was imported.")
                try:
                    if plan.kind == "new_section":
                        after = plan.target.split(":")[1] if plan.target.startswith("after:") else None
                        proposal = self.negotiation.propose_new_section(
                            agreement, plan.heading, plan.proposed or plan.heading,
                            int(after) if after and after.isdigit() else None, plan.party, plan.rationale)
                    elif plan.kind == "wording":
                        proposal = self.negotiation.propose_wording(agreement, int(plan.target.split(":")[1]),
                                                                plan.proposed, plan.party, plan.rationale)
                    elif plan.kind == "remark":
                        self.remarks.remark(agreement, plan.target, plan.proposed, plan.party, plan.answers,
                                            result.file)
                        continue
                    elif plan.kind == "position":
                        self.remarks.take_position(agreement, int(plan.target.split(":")[1]), plan.party,
                                                   plan.proposed == "supports", result.file)
                        continue
                    elif plan.kind == "terms":
                        proposal = self.negotiation.propose_terms(agreement, decode_terms(plan.proposed), plan.party,
                                                              plan.rationale)
                    else:
                        proposal = self.negotiation.propose_term(agreement, plan.target, plan.proposed, plan.party,
                                                             plan.rationale)
                except NegotiatorError as error:
                    raise InvalidInput(f"{result.file}: the change to {plan.label} by {plan.party} cannot be "
                                       f"proposed: {error} Nothing was imported.") from None
                made.append(proposal.id)
        result.made.extend(made)  # only once the transaction has committed


def _check_origin(document: ReturnedDocument, agreement_id: int, title: str, library: str) -> None:
    """Refuse a file the app exported from another library or for another agreement: its marks name
    sections of that library or agreement, and would put the changes in the wrong places."""
    info = document.export_info or {}
    if info.get("library") not in (None, library):
        raise InvalidInput(f"{document.name} was exported from another library, so its sections cannot be found "
                           "here. Ask its sender for a negotiation package instead, or import the file into the "
                           "library that exported it.", field="file")
    if info.get("agreement_id") not in (None, agreement_id):
        other = str(info.get("agreement") or "another agreement")[:120]
        raise InvalidInput(f"{document.name} was exported from '{other}', not from '{title}'. Open '{other}' and "
                           "import the file there.", field="file")


def _without_repeats(result: ReturnedImport, existing: list[Proposal], remarks: list[Remark],
                     positions: list[PositionTaken]) -> ReturnedImport:
    """The import without what is already recorded from an earlier import of this file (or of an earlier
    return that still holds it): the same party, the same place and the same words. A change the
    counterparty has since altered is new, and replaces that party's earlier proposal when made."""
    kinds = {"wording": "wording", "term": "term", "terms": "terms", "new_section": "add_section"}
    standing = {(p.proposal_id, p.party_name): p.word for p in positions}  # the latest of each, by time
    fresh = []
    for plan in result.plans:
        if plan.kind == "remark":
            if any(r.party_name == plan.party and r.target == plan.target and r.text == plan.proposed.strip()
                   and r.answers == plan.answers for r in remarks):
                result.notes.append(f"The {plan.label} by {plan.party} is recorded already; it was not recorded "
                                    "again.")
            else:
                fresh.append(plan)
            continue
        if plan.kind == "position":
            if standing.get((int(plan.target.split(":")[1]), plan.party)) == plan.proposed:
                result.notes.append(f"{plan.party} {plan.label} already; it was not recorded again.")
            else:
                fresh.append(plan)
            continue
        same = next((p for p in existing if p.party_name == plan.party and p.kind.value == kinds[plan.kind]
                     and p.proposed == plan.proposed
                     and (p.heading == plan.heading if plan.kind == "new_section" else p.target == plan.target)),
                    None)
        if same is None:
            fresh.append(plan)
        else:
            result.notes.append(f"{plan.label}: {plan.party} proposed this already (proposal {same.id}, "
                                f"{same.status.value}); it was not proposed again.")
    result.plans = fresh
    return result


def _label_of(proposal: Proposal, numbered: Numbered) -> str:
    """Where a proposal is, in words: its section by number and heading, or its terms."""
    if proposal.section_id is not None and proposal.section_id in numbered:
        shown = numbered[proposal.section_id][0]
        return f"{shown.number} {shown.section.heading}"
    return ", ".join(sorted(proposal.targets))


def _marks_as_typed(document: ReturnedDocument) -> ReturnedDocument:
    """Read paragraph marks as a person typed them, whichever word processor recorded them. Pressing
    Enter at the end of a paragraph, LibreOffice marks that paragraph's own mark as inserted and leaves
    the last new paragraph with the old mark; Word marks the new paragraphs. So a paragraph the export
    wrote is never new as a whole, and a paragraph wholly typed by one author, with no mark of its own,
    is new all the same."""
    paragraphs = []
    for paragraph in document.paragraphs:
        if paragraph.anchor and paragraph.mark == "insert":
            paragraph = replace(paragraph, mark="equal", mark_author="")
        elif paragraph.anchor is None and paragraph.mark == "equal" and paragraph.runs \
                and all(change == "insert" for _, change, _ in paragraph.runs) \
                and len({author for _, _, author in paragraph.runs}) == 1:
            paragraph = replace(paragraph, mark="insert", mark_author=paragraph.runs[0][2])
        paragraphs.append(paragraph)
    return replace(document, paragraphs=tuple(paragraphs))


def _new_sections(document: ReturnedDocument) -> list[tuple[int | None, ReturnedParagraph, list[ReturnedParagraph]]]:
    """Headings the counterparty inserted, each with the new paragraphs under it and the section it follows."""
    found: list[tuple[int | None, ReturnedParagraph, list[ReturnedParagraph]]] = []
    current: list[ReturnedParagraph] | None = None
    for paragraph in document.paragraphs:
        if paragraph.anchor is None and paragraph.mark == "insert" and paragraph.style.lower().startswith("heading"):
            after = section_of(place_of(paragraph.after))
            current = []
            found.append((after, paragraph, current))
        elif paragraph.anchor is None and paragraph.mark == "insert" and current is not None:
            current.append(paragraph)
        else:
            current = None
    return found


def _by_section(document: ReturnedDocument, numbered: Numbered) -> dict[int, list[ReturnedParagraph]]:
    """The returned paragraphs of each section, by the export's anchors, or by heading text for a file
    the app did not write. Headings the counterparty inserted, and what follows them, are new sections."""
    groups: dict[int, list[ReturnedParagraph]] = {}
    anchored = any(p.anchor for p in document.paragraphs)
    headings = {n.section.heading.strip().lower(): sid for sid, (n, _) in numbered.items()}
    new = {id(p) for _, heading, body in _new_sections(document) for p in (heading, *body)}
    current: int | None = None
    for paragraph in document.paragraphs:
        if id(paragraph) in new:
            continue
        if anchored:
            current = section_of(place_of(paragraph.anchor or paragraph.after))
        elif paragraph.style.lower().startswith("heading"):
            current = headings.get((paragraph.text_accepting(set()) or "").strip().lower())
            if current is not None:
                paragraph = ReturnedParagraph(anchor_key(SectionAnchor(current)), None, paragraph.style, paragraph.runs,
                                              paragraph.mark, paragraph.mark_author, paragraph.comments)
        if current is not None and current in numbered:
            groups.setdefault(current, []).append(paragraph)
    return groups


def _join(paragraphs: list[ReturnedParagraph], authors: set[str]) -> str:
    texts = [p.text_accepting(authors) for p in paragraphs]
    return "\n\n".join(t for t in texts if t is not None)


def _rationale(paragraphs: list[ReturnedParagraph], authors: set[str], file: str) -> str:
    comments = [text for p in paragraphs for author, text in p.comments if author in authors]
    if comments:
        return "\n".join(dict.fromkeys(comments))
    who = ", ".join(sorted(authors)) or "someone with tracking switched off"
    return f"Returned in {file} (tracked changes by {who})."
