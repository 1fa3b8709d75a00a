"""Negotiation packages: one party's view of an agreement sent as a file, and merged on arrival.

Importing is idempotent: every record carries its origin (the library and id it was made with), so a
record already known is never added twice. New proposals are added as they stand; a decision the
sender made on a proposal still open here is reported for the parties to take here too; the sender's
negotiation record is checked against the copy received before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from negotiator.domain.agreement import Agreement
from negotiator.domain.agreements import AgreementKind, AgreementStatus, ContractingModel
from negotiator.domain.clauses import format_time, utc_now
from negotiator.domain.errors import Cancelled, InvalidInput
from negotiator.domain.outline import number_outline
from negotiator.domain.package import Package, PackageParty, PackageProposal, PackageRound, PackageSection
from negotiator.domain.parties import OrganisationType, Party, Role, Signatory
from negotiator.domain.proposals import Proposal, competing
from negotiator.domain.terms_json import sheet_from_data, sheet_to_data
from negotiator.services.acting import Acting
from negotiator.services.package_outline import OutlineMerge, distinct_title
from negotiator.services.package_proposals import ProposalMerge
from negotiator.services.package_report import ADDED, CONFLICT, ImportSummary, Report
from negotiator.services.package_settle import is_accepted
from negotiator.services.package_terms import terms_by_id, terms_by_name
from negotiator.services.package_trust import PackageTrust, outgoing
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.negotiation_store import EventLog, ProposalStore, RoundStore
from negotiator.storage.party_store import PartyStore
from negotiator.storage.section_store import SectionStore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class PackageService:
    """Export and import negotiation packages for one open library."""

    def __init__(self, library: Library, acting: Acting) -> None:
        self.library = library
        self.acting = acting

    def build(self, agreement: int | str, party: str) -> Package:
        """Everything this library knows about an agreement, as the package the party sends."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            sender = PartyStore(session).find(party)
            if sender.id not in {s.party.id for s in found.signatories}:
                raise InvalidInput(f"{sender.name} is not a party to '{found.title}', so it cannot send its "
                                   "negotiation.", field="party")
            exchange = ExchangeStore(session)
            origin = exchange.origin_of
            # The outline as numbered: a section under a removed one is out of the agreement too.
            sections = [n.section for n in number_outline(SectionStore(session).outline(found.saved_id))]
            parent_title = AgreementStore(session).get(found.parent_id).title if found.parent_id else None
            terms = sheet_to_data(AgreementStore(session).terms(found.saved_id))
            events, keys = outgoing(session, found.saved_id, sender.name)
            package = Package(
                sender_library=exchange.uid(), sender_party=sender.name, created_at=format_time(utc_now()),
                agreement={"origin": origin("agreement", found.saved_id), "sender_id": found.saved_id,
                           "title": found.title,
                           "kind": found.kind.value, "model": found.model.value, "status": found.status.value,
                           "parent": parent_title, "terms": terms_by_name(terms, found),
                           "parties": [{"name": s.party.name, "role": s.role.value} for s in found.signatories]},
                parties=[PackageParty(s.party.name, s.party.short_name, s.party.type.value)
                         for s in found.signatories],
                sections=[PackageSection(origin("section", s.id),
                                         origin("section", s.parent_id) if s.parent_id else None, s.position,
                                         s.heading, s.text, s.version) for s in sections],
                rounds=[PackageRound(r.label, format_time(r.issued_at), r.issued_by,
                                     [{"origin": origin("section", k.section_id), "number": k.number,
                                       "heading": k.heading, "text": k.text, "version": k.version}
                                      for k in r.sections], terms_by_name(r.terms, found))
                        for r in RoundStore(session).of_agreement(found.saved_id)],
                proposals=[_package_proposal(p, origin) for p in ProposalStore(session).of_agreement(found.saved_id)],
                events=events, keys=keys, record_head=EventLog(session).head(),
            )
        return package

    def export(self, agreement: int | str, party: str, out: Path) -> Package:
        """Write the package to a file."""
        from negotiator.exchange.package_writer import write_package

        if not out.parent.exists():
            raise InvalidInput(f"Cannot write {out}: the folder {out.parent} does not exist.", field="out")
        package = self.build(agreement, party)
        write_package(package, out)
        return package

    def import_file(self, path: Path, cancelled: Callable[[], bool] | None = None) -> ImportSummary:
        """Read a package (refusing a damaged or hostile one) and merge it in one transaction;
        ``cancelled()`` is asked between the steps, and saying yes rolls everything back."""
        from negotiator.exchange.package_file import read_package

        return self.merge(read_package(path), cancelled=cancelled)

    def merge(self, package: Package, *, dry_run: bool = False,
              cancelled: Callable[[], bool] | None = None) -> ImportSummary:
        """Merge a package's parties, agreement, sections, rounds and proposals; nothing twice.
        With ``dry_run`` the merge is worked out and then rolled back: a preview."""
        try:
            with self.library.unit_of_work(write=True) as session:
                # Held from the start: the merge reads and updates proposals that other users decide on.
                EventLog(session).hold()
                summary = _Merge(session, package, cancelled).run()
                if dry_run:
                    raise _Preview(summary)
                return summary
        except _Preview as preview:
            return preview.summary

    def preview(self, path: Path) -> ImportSummary:
        """What importing a package would do, changing nothing."""
        from negotiator.exchange.package_file import read_package

        return self.merge(read_package(path), dry_run=True)


class ImportCancelled(Cancelled, InvalidInput):
    """The user cancelled a package import; the transaction was rolled back."""


class _Preview(Exception):  # noqa: N818 - not an error: carries a preview out of a rolled-back transaction
    def __init__(self, summary: ImportSummary) -> None:
        super().__init__("preview")
        self.summary = summary


def _package_proposal(p: Proposal, origin: Callable[[str, int], str]) -> PackageProposal:
    target = f"section:{origin('section', p.section_id)}" if p.section_id is not None else p.target
    place = p.place
    if place.startswith("after:") and place[6:].isdigit():  # otherwise already an origin, kept until known
        place = f"after:{origin('section', int(place[6:]))}"
    return PackageProposal(
        origin=origin("proposal", p.id), party=p.party_name, kind=p.kind.value, target=target, base=p.base,
        base_version=p.base_version, proposed=p.proposed, heading=p.heading, place=place, rationale=p.rationale,
        status="accepted" if is_accepted(p) else p.status.value, created_at=format_time(p.created_at),
        answers=origin("proposal", p.answers) if p.answers else None, decided_by=p.decided_by,
        decided_at=format_time(p.decided_at) if p.decided_at else None, decision_note=p.decision_note)


class _Merge:
    """One import, inside one transaction."""

    def __init__(self, session: Session, package: Package, cancelled: Callable[[], bool] | None = None) -> None:
        self.session, self.package = session, package
        self.cancelled = cancelled or (lambda: False)
        self.exchange = ExchangeStore(session)
        self.parties, self.agreements = PartyStore(session), AgreementStore(session)
        self.report = Report()
        self.counts = {"parties": 0, "sections": 0, "rounds": 0, "proposals": 0, "updated": 0, "events": 0}
        self.fresh = False  # the agreement is made by this import

    def run(self) -> ImportSummary:
        if self.package.sender_library == self.exchange.uid():
            raise InvalidInput("This package was exported from this library; import it into another party's "
                               "library.")
        self.trust = PackageTrust(self.session, self.package)
        self.trust.check()  # keys and signatures, before anything is merged
        party_ids = self._parties()
        agreement = self._agreement(party_ids)
        if self.package.sender_party not in {s.party.name for s in agreement.signatories}:
            raise InvalidInput(f"This package is sent by {self.package.sender_party}, which is not a party to "
                               f"'{agreement.title}', so it cannot speak for its negotiation. Nothing was imported.")
        outline = OutlineMerge(self.session, self.package, agreement, party_ids, self.exchange, self.report,
                               fresh=self.fresh)
        # Sections arrive as the sender holds them now, its acceptances made: when the first round is new
        # here, the agreement is laid out from it and the acceptances replayed in order.
        had_rounds = RoundStore(self.session).issued_count(agreement.saved_id) > 0
        proposals = ProposalMerge(self.session, self.package, agreement, party_ids, self.exchange, self.report)

        def settle() -> None:
            new_base = not had_rounds and RoundStore(self.session).issued_count(agreement.saved_id) > 0
            proposals.run(fresh=self.fresh, new_base=new_base)

        for step in (outline.sections, outline.rounds, settle, self._events):
            if self.cancelled():  # everything so far is rolled back with the transaction
                raise ImportCancelled("The import was cancelled; nothing was imported.")
            step()
        outline.follow_status()
        self.counts.update(sections=outline.added_sections, rounds=outline.added_rounds, proposals=proposals.added,
                           updated=proposals.updated)
        open_ones = proposals.settler.still_open
        for rival_ids in {tuple(sorted([p, *r])) for p, r in competing(open_ones).items()}:
            rivals = [p for p in open_ones if p.id in rival_ids]
            self.report.add(CONFLICT, f"proposals {', '.join(str(p.id) for p in rivals)}",
                            f"Competing proposals on {rivals[0].target}: "
                            + "; ".join(f"{p.party_name} (proposal {p.id})" for p in rivals))
        return ImportSummary(agreement.title, self.counts["parties"], self.counts["sections"], self.counts["rounds"],
                             self.counts["proposals"], self.counts["updated"], tuple(self.report.lines),
                             self.counts["events"])

    def _parties(self) -> dict[str, int]:
        known = {p.name: p.saved_id for p in self.parties.all()}
        for party in self.package.parties:
            if party.name not in known:
                try:
                    kind = OrganisationType(party.type)
                except ValueError:
                    raise InvalidInput(f"The package names an organisation of unknown type '{party.type}'.") from None
                known[party.name] = self.parties.add(Party(party.name, party.short_name, kind)).saved_id
                self.counts["parties"] += 1
                self.report.add(ADDED, f"party {party.name}", f"New organisation: {party.name}.")
        return known

    def _agreement(self, party_ids: dict[str, int]) -> Agreement:
        """The agreement the package is about: known here by its origin, or new. Never one of this library's
        own found by its title: a package cannot pour anything into an agreement it did not send."""
        data = self.package.agreement
        # The origin is optional in the format: an agreement sent without one is named by its sender and title.
        origin = data.get("origin") or f"{self.package.sender_library}:title:{data['title']}"
        local = self.exchange.local_id("agreement", origin)
        if local is not None:
            return self.agreements.get(local)
        titles = {a.title.lower() for a in self.agreements.all()}
        title = distinct_title(data["title"], self.package.sender_party, titles)
        if title != data["title"]:
            self.report.add(ADDED, f"agreement {data['title']}",
                            f"This library already has an agreement called '{data['title']}', so the package's is "
                            f"imported as '{title}'. Rename either at any time.")
        mine = f"{self.exchange.uid()}:"
        parent = next((a for a in self.agreements.all() if a.title == data.get("parent")
                       and not self.exchange.origin_of("agreement", a.saved_id).startswith(mine)),
                      None)  # one of this library's own agreements gains no sub-contract from a package
        made = self.agreements.save(Agreement(
            title=title, kind=AgreementKind(data["kind"]), model=ContractingModel(data["model"]),
            status=AgreementStatus(data["status"]),
            parent_id=parent.id if parent else None,
            signatories=tuple(Signatory(self.parties.get(party_ids[s["name"]]), Role(s["role"]))
                              for s in data["parties"] if s["name"] in party_ids)))
        self.exchange.remember("agreement", origin, made.saved_id)
        self.fresh = True
        EventLog(self.session).append(None, self.package.sender_party, "create agreement", f"agreement {made.id}",
                                      {"agreement": made.id, "title": made.title, "kind": made.kind.value,
                                       "model": made.model.value, "status": made.status.value,
                                       "parent_id": made.parent_id, "imported": True,
                                       "parties": {str(s.party.id): s.role.value for s in made.signatories}})
        self.agreements.save_terms(made.saved_id, sheet_from_data(terms_by_id(data["terms"], party_ids)),
                                   self.package.sender_party, "Imported from a package")
        return self.agreements.get(made.saved_id)

    def _events(self) -> None:
        # Checked before anything was merged (see run); kept once the agreement is known here.
        self.counts["events"] = self.trust.keep()
