"""The layers of a redline: who took the agreement from the round to what the export shows, step by
step. Each proposal accepted since the round is replayed in the order it was decided, and each
wording version saved directly since the round (an edit no accepted proposal explains) takes its
place among them by time; whatever is still unexplained (old libraries) is a layer of its own under
the party the record names for it; then come the open proposals the mode shows. The domain's
authorship follows every changed word through these layers (see ``domain/authorship.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from difflib import SequenceMatcher

from negotiator.domain.agreement import Agreement
from negotiator.domain.authorship import Layer
from negotiator.domain.clauses import utc_now
from negotiator.domain.document import Revision
from negotiator.domain.export_layout import body_key, heading_key, schedule_units, section_texts
from negotiator.domain.outline import Section
from negotiator.domain.parties import party_named
from negotiator.domain.placeholders import placeholders_in
from negotiator.domain.proposals import Proposal, ProposalKind
from negotiator.domain.rounds import Round
from negotiator.services.export_states import Draft, Snapshot, Touched


@dataclass(frozen=True)
class Recorded:
    """One stored version of a section's wording or of the terms sheet: who saved it, when, and why."""

    author: str
    at: datetime
    note: str = ""
    heading: str = ""
    text: str = ""


@dataclass
class Record:
    """What the library recorded since the round, as far as the layers need it."""

    since: Round
    rounds: Callable[[], list[Round]]  # every issued round of the agreement, oldest first
    section_versions: Callable[[int], list[Recorded]]  # a section's versions, oldest first
    terms_versions: Callable[[], list[Recorded]]  # the terms sheet's versions, oldest first


@dataclass
class Layers:
    """The layers from the round to the target, the target itself, and what the export should say."""

    layers: list[Layer]
    target: Snapshot
    warnings: list[str] = field(default_factory=list)  # open proposals left out, authors guessed
    unbracketed: list[Proposal] = field(default_factory=list)  # rival terms to show as comments instead


def build_layers(agreement: Agreement, base: Snapshot, current: Snapshot, accepted: list[Proposal],
                 shown: list[Proposal], record: Record, exporter: str,
                 offered: list[Proposal] | None = None) -> Layers:
    """The layers of a redline from ``base`` (the round) through ``current`` (the agreement as it
    stands) to ``current`` with the ``shown`` open proposals applied. ``exporter`` is the party of
    last resort for a direct change the record ties to no party at all."""
    accepted = sorted(accepted, key=lambda p: (p.decided_at or record.since.issued_at, p.id))
    added = _added_sections(accepted, base, current, record)
    names = _Names(agreement, record, {f"Proposal {p.id} by {p.party_name}" for p in accepted}, exporter)
    # A first, bare replay finds the sections the accepted proposals do not explain; only their
    # versions are read, so an export of many agreed changes reads no history at all.
    draft = Draft(base, agreement, added)
    for proposal in accepted:
        draft.apply(proposal)
    stored = {s.id: s for s in current.sections}
    direct = sorted(((v.at, sid, v) for sid in _differing(draft, stored) for v in names.direct(sid)),
                    key=lambda d: d[:2])
    events: list[tuple[datetime, int, Proposal | tuple[int, Recorded]]] = [
        (p.decided_at or record.since.issued_at, n, p) for n, p in enumerate(accepted)]
    events += [(at, len(events) + n, (sid, version)) for n, (at, sid, version) in enumerate(direct)]
    draft, layers = Draft(base, agreement, added), []
    for _, _, event in sorted(events, key=lambda e: e[:2]):
        if isinstance(event, Proposal):
            touched = draft.apply(event)
            if touched is not None:
                layers.append(_layer(draft, touched, revision_of(event, accepted=True)))
        elif (touched := _edited(draft, *event)) is not None:
            layers.append(_layer(draft, touched, names.revision(event[1], f"section '{event[1].heading}'")))
    layers += names.rest(draft, current)
    draft = Draft(current, agreement)  # exactly the stored state: open proposals apply to it as the export's target
    for proposal in shown:
        touched = draft.apply(proposal)
        if touched is not None:
            layers.append(_layer(draft, touched, revision_of(proposal, accepted=False)))
    for proposal in offered or []:  # competing wordings: each party's alternative, bracketed, in its name
        touched = draft.offer(proposal)
        if touched is not None:
            layers.append(_layer(draft, touched, revision_of(proposal, accepted=False)))
    return Layers(layers, draft.snapshot(), draft.warnings + names.warnings, draft.unbracketed)


def revision_of(proposal: Proposal, accepted: bool) -> Revision:
    """The proposing party, when it proposed, and its rationale; an accepted proposal's comment also
    says who accepted it and the reason they gave."""
    comment = proposal.rationale.strip()
    if accepted and proposal.decided_by:
        note = proposal.decision_note.strip()
        decision = f"Accepted by {proposal.decided_by}" + (f": {note}" if note else ".")
        comment = f"{comment}\n{decision}" if comment else decision
    return Revision(proposal.party_name, proposal.created_at, comment or None)


def _layer(draft: Draft, touched: Touched, revision: Revision) -> Layer:
    """What the units a step touched read after it (placeholders filled from the terms then)."""
    ids = set(touched.sections)
    texts: dict[str, str | None] = {}
    if touched.terms:  # a term shows in the schedule and wherever a placeholder names it
        ids |= {sid for sid, s in draft.sections.items() if "{{" in s.text and placeholders_in(s.text)}
        now = schedule_units(draft.terms, draft.parties, draft.schedule_offers())
        texts.update(dict.fromkeys(draft.schedule_keys - now.keys()))  # a row or table gone is this step's doing
        texts.update(now)
        draft.schedule_keys = set(now)
    for sid in ids:
        section = draft.sections.get(sid)
        texts.update(section_texts(sid, section.heading, draft.rendered(section)) if section is not None
                     else section_texts(sid, None, None))
    moved = frozenset(key for sid in touched.moved for key in (heading_key(sid), body_key(sid)))
    return Layer(revision, texts, moved)


def _edited(draft: Draft, section_id: int, version: Recorded) -> Touched | None:
    """A wording version saved directly: the section reads as it then did (a section the draft does
    not hold yet is left to the residual layers, which also place it)."""
    section = draft.sections.get(section_id)
    if section is None or (section.heading, section.text) == (version.heading, version.text):
        return None
    draft.sections[section_id] = replace(section, heading=version.heading, text=version.text)
    return Touched(frozenset({section_id}))


def _differing(draft: Draft, stored: dict[int, Section]) -> list[int]:
    """Sections whose heading, wording or presence differ between the draft and the stored state."""
    return sorted(sid for sid in set(draft.sections) | set(stored)
                  if (a := draft.sections.get(sid)) is None or (b := stored.get(sid)) is None
                  or (a.heading, a.text) != (b.heading, b.text))


def _added_sections(accepted: list[Proposal], base: Snapshot, current: Snapshot, record: Record) -> dict[int, int]:
    """The section each accepted add-section proposal made: a section new since the round whose first
    version is the proposal's heading and wording, saved in the proposing party's name."""
    adding = [p for p in accepted if p.kind is ProposalKind.ADD_SECTION]
    if not adding:
        return {}
    before = {s.id for s in base.sections}
    firsts = {s.id: versions[0] for s in current.sections if s.id not in before
              and (versions := record.section_versions(s.id))}
    found: dict[int, int] = {}
    for proposal in adding:
        match = next((sid for sid, first in firsts.items() if sid not in found.values()
                      and (first.heading, first.text, first.author) == (proposal.heading, proposal.proposed,
                                                                      proposal.party_name)), None)
        if match is not None:
            found[proposal.id] = match
    return found


class _Names:
    """Who a direct change is put down to: the party named as the author of its version. Authors were
    once login names; one that names no party of the agreement gives way to the party that issued the
    latest round before the change (the lead drafter, who alone edits directly), and failing that to
    the party exporting; either way the export says so."""

    def __init__(self, agreement: Agreement, record: Record, explained: set[str], exporter: str) -> None:
        self.record, self.explained, self.exporter = record, explained, exporter
        self.parties = [s.party for s in agreement.signatories]
        self.warnings: list[str] = []
        self._rounds: list[Round] | None = None  # read only when an author has to be guessed

    def direct(self, section_id: int) -> list[Recorded]:
        """A section's versions saved since the round that no replayed proposal explains."""
        return [v for v in self.record.section_versions(section_id)
                if v.at > self.record.since.issued_at and v.note not in self.explained]

    def revision(self, version: Recorded | None, what: str) -> Revision:
        """The revision of a direct change saved as ``version`` (``None``: no version records it)."""
        if version is not None and (found := party_named(self.parties, version.author)):
            return Revision(found.name, version.at, version.note or None)
        when, note = (version.at, version.note or None) if version is not None else (utc_now(), None)
        if self._rounds is None:
            self._rounds = self.record.rounds()
        issued = [r for r in self._rounds if r.issued_at <= when] or [self.record.since]
        leader = party_named(self.parties, issued[-1].issued_by)
        lead = leader.name if leader is not None else None
        made = (f"directly by {version.author}, who is not a party to the agreement" if version is not None
                else "directly, with no author recorded")
        shown = f"{lead}, which issued {issued[-1].label}" if lead else f"{self.exporter}, the party exporting"
        warning = f"A change to {what} was made {made}; it is shown under {shown}."
        if warning not in self.warnings:
            self.warnings.append(warning)
        return Revision(lead or self.exporter, when, note)

    def rest(self, draft: Draft, current: Snapshot) -> list[Layer]:
        """Layers, oldest first, for whatever still differs from the stored state: a section's wording
        or presence (under the author of its latest version since the round), the terms, the order."""
        stored = {s.id: s for s in current.sections}
        moved = _moved(draft, current)  # before any stored section (placed on another scale) joins the draft
        steps: list[tuple[datetime, int, Revision, Touched]] = []
        for sid in _differing(draft, stored):
            versions = [v for v in self.record.section_versions(sid) if v.at > self.record.since.issued_at]
            latest = next((v for v in reversed(versions) if v.note not in self.explained),
                          versions[-1] if versions else None)
            revision = self.revision(latest, f"section '{(stored.get(sid) or draft.sections[sid]).heading}'")
            steps.append((revision.date, len(steps), revision, Touched(frozenset({sid}))))
        if draft.terms != current.terms:
            versions = [v for v in self.record.terms_versions() if v.at > self.record.since.issued_at]
            latest = next((v for v in reversed(versions) if v.note not in self.explained),
                          versions[-1] if versions else None)
            revision = self.revision(latest, "the terms")
            steps.append((revision.date, len(steps), revision, Touched(terms=True)))
        layers = []
        for _, _, revision, touched in sorted(steps, key=lambda step: step[:2]):
            for sid in touched.sections:
                if sid in stored:
                    draft.sections[sid] = stored[sid]
                else:
                    draft.sections.pop(sid, None)
            if touched.terms:
                draft.terms = current.terms
            layers.append(_layer(draft, touched, revision))
        if moved:
            draft.sections = dict(stored)
            layers.append(_layer(draft, Touched(moved=frozenset(moved)),
                                 self.revision(None, "the order of the sections")))
        return layers


def _moved(draft: Draft, current: Snapshot) -> set[int]:
    """Sections in both whose place in the outline differs between the draft and the stored state.
    Each parent's children are compared as an order: the two number their positions differently."""
    stored = {s.id: s for s in current.sections}
    old, new = _children(draft.sections, stored), _children(stored, draft.sections)
    if old == new:
        return set()
    moved: set[int] = set()
    for parent in set(old) | set(new):
        before, after = old.get(parent, []), new.get(parent, [])
        if before != after:
            matcher = SequenceMatcher(a=before, b=after, autojunk=False)
            kept = {sid for block in matcher.get_matching_blocks() for sid in before[block.a:block.a + block.size]}
            moved |= {sid for sid in after if sid not in kept}
    return moved


def _children(sections: dict[int, Section], others: dict[int, Section]) -> dict[int | None, list[int]]:
    """The ids under each parent in order, of the sections the other side holds too."""
    found: dict[int | None, list[Section]] = {}
    for section in sections.values():
        if section.id in others:
            found.setdefault(section.parent_id, []).append(section)
    return {parent: [s.id for s in sorted(group, key=lambda s: (s.position, s.id))] for parent, group in found.items()}
