"""A package's sections and rounds, merged into the agreement they belong to.

Sections and rounds are matched by origin only. A section that an accepted proposal adds is not
taken from the package into an agreement this library already holds: accepting the proposal here
makes it, under the same origin, so it is never made twice. A section a round froze that this library
does not have (the sender has removed it since) arrives with the round, already removed, so that every
library can lay the round out again (see package_settle).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from negotiator.domain.agreement import Agreement
from negotiator.domain.agreements import AgreementStatus
from negotiator.domain.clauses import MAX_TITLE, format_time, parse_time
from negotiator.domain.errors import InvalidInput
from negotiator.domain.json_data import JsonObject
from negotiator.domain.package import Package
from negotiator.domain.parties import Party
from negotiator.domain.placeholders import check_placeholders
from negotiator.domain.rounds import RoundSection
from negotiator.domain.term_fields import is_term, term_names
from negotiator.services.package_report import ADDED, REFUSED, Report
from negotiator.services.package_terms import terms_by_id
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.negotiation_store import EventLog, RoundStore
from negotiator.storage.party_store import PartyStore
from negotiator.storage.section_store import SectionStore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

IMPORTED = "Imported from a package"


def distinct_title(title: str, sender: str, taken: set[str]) -> str:
    """The title to import an agreement under: its own, unless this library already uses it (compared
    ignoring case), then marked with its sender, and numbered if that is taken too."""
    if title.lower() not in taken:
        return title
    for number in range(1, len(taken) + 2):
        suffix = f" (from {sender})" if number == 1 else f" (from {sender}, {number})"
        candidate = title[:MAX_TITLE - len(suffix)] + suffix
        if candidate.lower() not in taken:
            return candidate
    raise AssertionError("unreachable: there are more candidates than titles taken")


def is_added_by_proposal(origin: str) -> bool:
    """Whether a section origin names the section a proposal adds (made here by accepting it)."""
    return origin.endswith("/added")


class OutlineMerge:
    """The sections and rounds step of one import."""

    def __init__(self, session: Session, package: Package, agreement: Agreement, party_ids: dict[str, int],
                 exchange: ExchangeStore, report: Report, *, fresh: bool = False) -> None:
        self.session, self.package, self.agreement, self.party_ids = session, package, agreement, party_ids
        self.fresh = fresh  # the agreement is new here, made by this import
        self.exchange, self.report = exchange, report
        self.store = SectionStore(session)
        self.added_sections = self.added_rounds = 0
        self._parties: dict[int, Party] | None = None
        self.refused: set[str] = set()  # rounds refused, reported once though rounds are looked at twice

    def sections(self) -> None:
        """Add the sections this library does not have, refusing wording that could never be rendered. An
        agreement new here is taken as its sender holds it, sections its acceptances added included."""
        new = [s for s in sorted(self.package.sections, key=lambda s: s.position)
               if self.exchange.local_id("section", s.origin) is None
               and (self.fresh or not is_added_by_proposal(s.origin))]
        for section in new:
            self._check(section.heading, section.text)
        fresh = {s.origin for s in new}
        ours = {s.id for s in self.store.outline(self.agreement.saved_id, include_removed=True)}
        items: list[tuple[str, str | None, int, str, str, int | None]] = []
        for section in new:
            parent = section.parent if section.parent in fresh else None
            if parent is None and section.parent is not None:  # a parent this library already has
                local_parent = self.exchange.local_id("section", section.parent)
                if local_parent not in ours:
                    local_parent = None  # never under a section of another agreement: at the top instead
                items.append((section.origin, None, section.position, section.heading, section.text, local_parent))
            else:
                items.append((section.origin, parent, section.position, section.heading, section.text, None))
        ids = self.store.add_many(self.agreement.saved_id, [i[:5] for i in items if i[5] is None],
                                     self.package.sender_party, IMPORTED)
        for origin, _, position, heading, text, local_parent in (i for i in items if i[5] is not None):
            ids[origin] = self.store.add(self.agreement.saved_id, local_parent, position, heading, text, None, None,
                                            self.package.sender_party, IMPORTED).id
        self.exchange.remember_many("section", ids)
        self.added_sections += len(ids)
        if ids:
            self.report.add(ADDED, "sections", f"{len(ids)} new section(s) in '{self.agreement.title}'.")

    def _check(self, heading: str, text: str) -> None:
        if self._parties is None:  # read once: a package brings a thousand sections
            self._parties = {p.saved_id: p for p in PartyStore(self.session).of_agreement(self.agreement.saved_id)}
        parties = self._parties
        try:  # wording that names terms the agreement does not have could never be rendered
            check_placeholders(text, lambda name: is_term(name, parties), examples=term_names(parties))
        except InvalidInput as error:
            raise InvalidInput(f"The package's section '{heading}' cannot be imported: {error} Nothing was "
                               "imported; ask the sender to correct it.") from None

    def rounds(self) -> None:
        """Add the rounds this library does not have."""
        store = RoundStore(self.session)
        known = {r.label.lower() for r in store.of_agreement(self.agreement.saved_id)}
        ours = {s.id for s in self.store.outline(self.agreement.saved_id, include_removed=True)}
        for frozen in self.package.rounds:
            if frozen.label.lower() in known:
                continue
            if any(self.exchange.local_id("section", kept["origin"]) not in (None, *ours) for kept in frozen.sections):
                if frozen.label.lower() not in self.refused:
                    self.refused.add(frozen.label.lower())
                    self.report.add(REFUSED, f"round {frozen.label}",
                                    f"Round '{frozen.label}' names a section of another agreement here; a package "
                                    "reaches only the agreement it is about, so the round was not imported.")
                continue
            sections = [RoundSection(self._section_of(kept), kept["number"], kept["heading"], kept["text"],
                                     kept["version"]) for kept in frozen.sections]
            made = store.add(self.agreement.saved_id, frozen.label, frozen.issued_by, sections,
                             terms_by_id(frozen.terms, self.party_ids), format_time(parse_time(frozen.issued_at)))
            EventLog(self.session).append(self.agreement.saved_id, frozen.issued_by, "issue round", frozen.label,
                                          {"round": made.id, "sections": len(sections), "imported": True,
                                           "snapshot": store.snapshot_hash(made.id)})
            known.add(frozen.label.lower())
            self.added_rounds += 1
            self.report.add(ADDED, f"round {frozen.label}", f"Round '{frozen.label}', issued by {frozen.issued_by}.")

    def _section_of(self, kept: JsonObject) -> int:
        """The local section a round froze; one this library does not have (the sender has removed it since,
        or an acceptance not applied here added it) is made here, removed, under the round's origin for it."""
        local = self.exchange.local_id("section", kept["origin"])
        if local is None:
            self._check(kept["heading"], kept["text"])
            agreement_id = self.agreement.saved_id
            local = self.store.add(agreement_id, None, len(self.store.siblings(agreement_id, None)),
                                   kept["heading"], kept["text"], None, None, self.package.sender_party, IMPORTED).id
            self.store.set_removed(local, True)
            self.exchange.remember("section", kept["origin"], local)
        return local

    def follow_status(self) -> None:
        """A drafting agreement is in negotiation once a round of it is issued, here as in the sender's."""
        store = AgreementStore(self.session)
        found = store.get(self.agreement.saved_id)
        if found.status is AgreementStatus.DRAFTING and RoundStore(self.session).issued_count(found.saved_id):
            store.save(replace(found, status=AgreementStatus.IN_NEGOTIATION))
            EventLog(self.session).append(found.id, self.package.sender_party, "status",
                                          AgreementStatus.IN_NEGOTIATION.label.lower(),
                                          {"status": AgreementStatus.IN_NEGOTIATION.value, "from": found.status.value})
