"""A package's sections and rounds, merged into the agreement they belong to.

Sections and rounds are matched by origin only. A section that an accepted proposal adds is never
taken from the package as such: accepting the proposal here makes it, under the same origin, so it is
never made twice. A section a round froze that the sender has since removed arrives with the round,
already removed, so that every library can lay the round out again (see package_settle).
"""

from __future__ import annotations

from dataclasses import replace

from negotiator.domain.agreement import Agreement
from negotiator.domain.agreements import AgreementStatus
from negotiator.domain.clauses import MAX_TITLE, format_time, parse_time
from negotiator.domain.errors import InvalidInput
from negotiator.domain.package import Package, PackageRound
from negotiator.domain.placeholders import check_placeholders
from negotiator.domain.rounds import RoundSection
from negotiator.domain.term_fields import is_term, term_names
from negotiator.services.package_report import ADDED, Report
from negotiator.services.package_terms import terms_by_id
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.negotiation_store import EventLog, RoundStore
from negotiator.storage.party_store import PartyStore
from negotiator.storage.section_store import SectionStore

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

    def __init__(self, session: object, package: Package, agreement: Agreement, party_ids: dict[str, int],
                 exchange: ExchangeStore, report: Report) -> None:
        self.session, self.package, self.agreement, self.party_ids = session, package, agreement, party_ids
        self.exchange, self.report = exchange, report
        self.store = SectionStore(session)
        self.added_sections = self.added_rounds = 0

    def sections(self) -> None:
        """Add the sections this library does not have, refusing wording that could never be rendered."""
        new = [s for s in sorted(self.package.sections, key=lambda s: s.position)
               if self.exchange.local_id("section", s.origin) is None and not is_added_by_proposal(s.origin)]
        for section in new:
            self._check(section.heading, section.text)
        fresh = {s.origin for s in new}
        items = []
        for section in new:
            parent = section.parent if section.parent in fresh else None
            if parent is None and section.parent is not None:  # a parent this library already has
                local_parent = self.exchange.local_id("section", section.parent)
                items.append((section.origin, None, section.position, section.heading, section.text, local_parent))
            else:
                items.append((section.origin, parent, section.position, section.heading, section.text, None))
        ids = self.store.add_many(self.agreement.id, [i[:5] for i in items if i[5] is None],
                                     self.package.sender_party, IMPORTED)
        for origin, _, position, heading, text, local_parent in (i for i in items if i[5] is not None):
            ids[origin] = self.store.add(self.agreement.id, local_parent, position, heading, text, None, None,
                                            self.package.sender_party, IMPORTED).id
        self.exchange.remember_many("section", ids)
        self.added_sections += len(ids)
        if ids:
            self.report.add(ADDED, "sections", f"{len(ids)} new section(s) in '{self.agreement.title}'.")

    def _check(self, heading: str, text: str) -> None:
        parties = {p.id: p for p in PartyStore(self.session).of_agreement(self.agreement.id)}
        try:  # wording that names terms the agreement does not have could never be rendered
            check_placeholders(text, lambda name: is_term(name, parties), examples=term_names(parties))
        except InvalidInput as error:
            raise InvalidInput(f"The package's section '{heading}' cannot be imported: {error} Nothing was "
                               "imported; ask the sender to correct it.") from None

    def rounds(self) -> None:
        """Add the rounds this library does not have whose sections it can name; a round that holds a
        section only an acceptance adds waits until that acceptance has been applied."""
        store = RoundStore(self.session)
        known = {r.label.lower() for r in store.of_agreement(self.agreement.id)}
        for frozen in self.package.rounds:
            if frozen.label.lower() in known or not self._can_name(frozen):
                continue
            sections = [RoundSection(self._section_of(kept), kept["number"], kept["heading"], kept["text"],
                                     kept["version"]) for kept in frozen.sections]
            made = store.add(self.agreement.id, frozen.label, frozen.issued_by, sections,
                             terms_by_id(frozen.terms, self.party_ids), format_time(parse_time(frozen.issued_at)))
            EventLog(self.session).append(self.agreement.id, frozen.issued_by, "issue round", frozen.label,
                                          {"round": made.id, "sections": len(sections), "imported": True,
                                           "snapshot": store.snapshot_hash(made.id)})
            known.add(frozen.label.lower())
            self.added_rounds += 1
            self.report.add(ADDED, f"round {frozen.label}", f"Round '{frozen.label}', issued by {frozen.issued_by}.")

    def _can_name(self, frozen: PackageRound) -> bool:
        return all(not is_added_by_proposal(kept["origin"]) or self.exchange.local_id("section", kept["origin"])
                   is not None for kept in frozen.sections)

    def _section_of(self, kept: dict) -> int:
        """The local section a round froze; one the sender has since removed is made here, removed."""
        local = self.exchange.local_id("section", kept["origin"])
        if local is None:
            self._check(kept["heading"], kept["text"])
            local = self.store.add(self.agreement.id, None, len(self.store.siblings(self.agreement.id, None)),
                                      kept["heading"], kept["text"], None, None, self.package.sender_party,
                                      IMPORTED).id
            self.store.set_removed(local, True)
            self.exchange.remember("section", kept["origin"], local)
        return local

    def follow_status(self) -> None:
        """A drafting agreement is in negotiation once a round of it is issued, here as in the sender's."""
        store = AgreementStore(self.session)
        found = store.get(self.agreement.id)
        if found.status is AgreementStatus.DRAFTING and RoundStore(self.session).issued_count(found.id):
            store.save(replace(found, status=AgreementStatus.IN_NEGOTIATION))
            EventLog(self.session).append(found.id, self.package.sender_party, "status",
                                          AgreementStatus.IN_NEGOTIATION.label.lower(),
                                          {"status": AgreementStatus.IN_NEGOTIATION.value, "from": found.status.value})
