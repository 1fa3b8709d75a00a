"""Negotiation packages: one party's view of an agreement sent as a file, and merged on arrival.

Importing is idempotent: every record carries its origin (the library and id it was made with), so a
record already known is never added twice. New proposals are added as they stand; a decision the
sender made on a proposal still open here is reported for the parties to take here too; the sender's
negotiation record is checked against the copy received before.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from negotiator.domain.agreement import Agreement
from negotiator.domain.agreements import AgreementKind, AgreementStatus, ContractingModel
from negotiator.domain.clauses import format_time, parse_time, utc_now
from negotiator.domain.errors import Cancelled, InvalidInput
from negotiator.domain.package import Package, PackageParty, PackageProposal, PackageRound, PackageSection
from negotiator.domain.parties import OrganisationType, Party, Role, Signatory
from negotiator.domain.placeholders import check_placeholders
from negotiator.domain.proposals import Proposal, ProposalKind, ProposalStatus, competing
from negotiator.domain.rounds import RoundSection
from negotiator.domain.term_fields import is_term, term_names
from negotiator.domain.terms_json import sheet_from_data, sheet_to_data
from negotiator.services.acting import Acting
from negotiator.services.package_authority import unauthorised
from negotiator.services.package_terms import refused_terms, terms_by_id, terms_by_name
from negotiator.services.package_trust import PackageTrust, outgoing
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.negotiation_store import EventLog, ProposalStore, RoundStore
from negotiator.storage.party_store import PartyStore
from negotiator.storage.section_store import SectionStore


@dataclass(frozen=True)
class ImportSummary:
    """What importing a package did."""

    agreement: str
    added_parties: int
    added_sections: int
    added_rounds: int
    added_proposals: int
    updated_proposals: int
    conflicts: tuple[str, ...]

    @property
    def changed_anything(self) -> bool:
        """Whether the library changed."""
        return any((self.added_parties, self.added_sections, self.added_rounds, self.added_proposals,
                    self.updated_proposals))


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
            sections = SectionStore(session).outline(found.id)
            parent_title = AgreementStore(session).get(found.parent_id).title if found.parent_id else None
            terms = sheet_to_data(AgreementStore(session).terms(found.id))
            events, keys = outgoing(session, found.id, sender.name)
            package = Package(
                sender_library=exchange.uid(), sender_party=sender.name, created_at=format_time(utc_now()),
                agreement={"origin": origin("agreement", found.id), "sender_id": found.id, "title": found.title,
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
                        for r in RoundStore(session).of_agreement(found.id)],
                proposals=[_package_proposal(p, origin) for p in ProposalStore(session).of_agreement(found.id)],
                events=events, keys=keys, record_head=EventLog(session).head(),
            )
        return package

    def export(self, agreement: int | str, party: str, out: Path) -> Package:
        """Write the package to a file."""
        from negotiator.exchange.package_file import write_package

        if not out.parent.exists():
            raise InvalidInput(f"Cannot write {out}: the folder {out.parent} does not exist.", field="out")
        package = self.build(agreement, party)
        write_package(package, out)
        return package

    def import_file(self, path: Path, cancelled: object = None) -> ImportSummary:
        """Read a package (refusing a damaged or hostile one) and merge it in one transaction;
        ``cancelled()`` is asked between the steps, and saying yes rolls everything back."""
        from negotiator.exchange.package_file import read_package

        return self.merge(read_package(path), cancelled=cancelled)

    def merge(self, package: Package, *, dry_run: bool = False, cancelled: object = None) -> ImportSummary:
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


def _package_proposal(p: Proposal, origin: object) -> PackageProposal:
    target = f"section:{origin('section', p.section_id)}" if p.section_id is not None else p.target
    place = p.place
    if place.startswith("after:"):
        place = f"after:{origin('section', int(place.split(':')[1]))}"
    return PackageProposal(
        origin=origin("proposal", p.id), party=p.party_name, kind=p.kind.value, target=target, base=p.base,
        base_version=p.base_version, proposed=p.proposed, heading=p.heading, place=place, rationale=p.rationale,
        status=p.status.value, created_at=format_time(p.created_at),
        answers=origin("proposal", p.answers) if p.answers else None, decided_by=p.decided_by,
        decided_at=format_time(p.decided_at) if p.decided_at else None)


class _Merge:
    """One import, inside one transaction."""

    def __init__(self, session: object, package: Package, cancelled: object = None) -> None:
        self.session, self.package = session, package
        self.cancelled = cancelled or (lambda: False)
        self.exchange = ExchangeStore(session)
        self.parties, self.agreements = PartyStore(session), AgreementStore(session)
        self.sections, self.proposals = SectionStore(session), ProposalStore(session)
        self.conflicts: list[str] = []
        self.linked = False  # the agreement was made here too: match its sections by heading
        self.counts = {"parties": 0, "sections": 0, "rounds": 0, "proposals": 0, "updated": 0}

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
        for step in (lambda: self._sections(agreement.id), lambda: self._rounds(agreement, party_ids),
                     lambda: self._proposals(agreement, party_ids), self._events):
            if self.cancelled():  # everything so far is rolled back with the transaction
                raise ImportCancelled("The import was cancelled; nothing was imported.")
            step()
        open_ones = [p for p in self.proposals.of_agreement(agreement.id) if p.is_open]
        for rival_ids in {tuple(sorted([p, *r])) for p, r in competing(open_ones).items()}:
            rivals = [p for p in open_ones if p.id in rival_ids]
            self.conflicts.append(f"Competing proposals on {rivals[0].target}: "
                                  + "; ".join(f"{p.party_name} (proposal {p.id})" for p in rivals))
        return ImportSummary(agreement.title, self.counts["parties"], self.counts["sections"], self.counts["rounds"],
                             self.counts["proposals"], self.counts["updated"], tuple(self.conflicts))

    def _parties(self) -> dict[str, int]:
        known = {p.name: p.id for p in self.parties.all()}
        for party in self.package.parties:
            if party.name not in known:
                try:
                    kind = OrganisationType(party.type)
                except ValueError:
                    raise InvalidInput(f"The package names an organisation of unknown type '{party.type}'.") from None
                known[party.name] = self.parties.add(Party(party.name, party.short_name, kind)).id
                self.counts["parties"] += 1
        return known

    def _agreement(self, party_ids: dict[str, int]) -> Agreement:
        data = self.package.agreement
        # The origin is optional in the format: an agreement sent without one is named by its sender and title.
        origin = data.get("origin") or f"{self.package.sender_library}:title:{data['title']}"
        local = self.exchange.local_id("agreement", origin)
        if local is not None:
            return self.agreements.get(local)
        same_title = [a for a in self.agreements.all() if a.title == data["title"]]
        if same_title:  # made here independently: link it rather than make a second one
            self.exchange.remember("agreement", origin, same_title[0].id)
            self.linked = True
            return same_title[0]
        parent = next((a for a in self.agreements.all() if a.title == data.get("parent")), None)
        made = self.agreements.save(Agreement(
            title=data["title"], kind=AgreementKind(data["kind"]), model=ContractingModel(data["model"]),
            status=AgreementStatus(data["status"]),
            parent_id=parent.id if parent else None,
            signatories=tuple(Signatory(self.parties.get(party_ids[s["name"]]), Role(s["role"]))
                              for s in data["parties"] if s["name"] in party_ids)))
        self.exchange.remember("agreement", origin, made.id)
        EventLog(self.session).append(None, self.package.sender_party, "create agreement", f"agreement {made.id}",
                                      {"agreement": made.id, "title": made.title, "kind": made.kind.value,
                                       "model": made.model.value, "status": made.status.value,
                                       "parent_id": made.parent_id, "imported": True,
                                       "parties": {str(s.party.id): s.role.value for s in made.signatories}})
        self.agreements.save_terms(made.id, sheet_from_data(terms_by_id(data["terms"], party_ids)),
                                   self.package.sender_party, "Imported from a package")
        return self.agreements.get(made.id)

    def _sections(self, agreement_id: int) -> None:
        unmatched: dict[str, list[int]] = {}
        if self.linked:
            known = {self.exchange.local_id("section", s.origin) for s in self.package.sections}
            for local in self.sections.outline(agreement_id):
                if local.id not in known:
                    unmatched.setdefault(local.heading.strip().lower(), []).append(local.id)
        new = []
        for section in sorted(self.package.sections, key=lambda s: s.position):
            if self.exchange.local_id("section", section.origin) is not None:
                continue
            same = unmatched.get(section.heading.strip().lower())
            if same:  # the same section, made here independently
                self.exchange.remember("section", section.origin, same.pop(0))
                continue
            new.append(section)
        parties = {p.id: p for p in PartyStore(self.session).of_agreement(agreement_id)}
        for section in new:  # wording that names terms the agreement does not have could never be rendered
            try:
                check_placeholders(section.text, lambda name: is_term(name, parties), examples=term_names(parties))
            except InvalidInput as error:
                raise InvalidInput(f"The package's section '{section.heading}' cannot be imported: {error} Nothing "
                                   "was imported; ask the sender to correct it.") from None
        fresh = {s.origin for s in new}
        items = []
        for section in new:
            parent = section.parent if section.parent in fresh else None
            if parent is None and section.parent is not None:  # a parent this library already has
                local_parent = self.exchange.local_id("section", section.parent)
                items.append((section.origin, None, section.position, section.heading, section.text, local_parent))
            else:
                items.append((section.origin, parent, section.position, section.heading, section.text, None))
        ids = self.sections.add_many(agreement_id, [i[:5] for i in items if i[5] is None],
                                     self.package.sender_party, "Imported from a package")
        for origin, _, position, heading, text, local_parent in (i for i in items if i[5] is not None):
            ids[origin] = self.sections.add(agreement_id, local_parent, position, heading, text, None, None,
                                            self.package.sender_party, "Imported from a package").id
        self.exchange.remember_many("section", ids)
        self.counts["sections"] += len(ids)

    def _rounds(self, agreement: Agreement, party_ids: dict[str, int]) -> None:
        rounds = RoundStore(self.session)
        known = {r.label.lower() for r in rounds.of_agreement(agreement.id)}
        for frozen in self.package.rounds:
            if frozen.label.lower() in known:
                continue
            sections = []
            for kept in frozen.sections:
                local = self.exchange.local_id("section", kept["origin"])
                if local is not None:
                    sections.append(RoundSection(local, kept["number"], kept["heading"], kept["text"],
                                                 kept["version"]))
            made = rounds.add(agreement.id, frozen.label, frozen.issued_by, sections,
                              terms_by_id(frozen.terms, party_ids))
            EventLog(self.session).append(agreement.id, frozen.issued_by, "issue round", frozen.label,
                                          {"round": made.id, "sections": len(sections), "imported": True,
                                           "snapshot": rounds.snapshot_hash(made.id)})
            self.counts["rounds"] += 1

    def _proposals(self, agreement: Agreement, party_ids: dict[str, int]) -> None:
        log = EventLog(self.session)
        new: list[tuple[PackageProposal, Proposal]] = []
        for incoming in self.package.proposals:
            local = self.exchange.local_id("proposal", incoming.origin)
            if local is not None:
                self._update(local, incoming, agreement)
                continue
            if incoming.party not in {s.party.name for s in agreement.signatories}:
                self.conflicts.append(f"Proposal {incoming.origin} is by {incoming.party}, which is not a party to "
                                      f"'{agreement.title}'; it was not imported.")
                continue
            target, place = incoming.target, incoming.place
            if target.startswith("section:"):
                section = self.exchange.local_id("section", target.split(":", 1)[1])
                if section is None:
                    self.conflicts.append(f"Proposal by {incoming.party} concerns a section this library does not "
                                          "have; it was not imported.")
                    continue
                target = f"section:{section}"
            if place.startswith("after:"):
                anchor = self.exchange.local_id("section", place.split(":", 1)[1])
                place = f"after:{anchor}" if anchor is not None else "end"
            made = Proposal(
                0, agreement.id, party_ids[incoming.party], incoming.party, ProposalKind(incoming.kind), target,
                incoming.base, incoming.base_version, incoming.proposed, incoming.rationale, ProposalStatus.OPEN,
                parse_time(incoming.created_at), None, incoming.heading, place)
            refused = refused_terms(agreement, self._sheet(agreement.id), made) if made.term_values() else None
            if refused:  # stored, it would make every export and every acceptance of it fail
                self.conflicts.append(f"Proposal {incoming.origin} by {incoming.party} proposes terms this library's "
                                      f"rules refuse ({refused}); it was not imported.")
                continue
            new.append((incoming, made))
        ids = self.proposals.add_many([(p, incoming.status, party_ids.get(incoming.decided_by or ""))
                                       for incoming, p in new])
        self.exchange.remember_many("proposal", {incoming.origin: local
                                                 for (incoming, _made), local in zip(new, ids, strict=True)})
        for (incoming, made), local in zip(new, ids, strict=True):
            answers = self.exchange.local_id("proposal", incoming.answers) if incoming.answers else None
            if answers is not None:
                self.proposals.set_answers(local, answers)
            log.append(agreement.id, incoming.party, "propose", f"proposal {local}",
                       {"kind": made.kind.value, "target": made.target, "base": made.base, "proposed": made.proposed,
                        "heading": made.heading, "place": made.place, "rationale": made.rationale,
                        "answers": answers, "imported_from": incoming.origin})
            if incoming.status != "open":
                decider = incoming.decided_by if incoming.decided_by in party_ids else None
                log.append(agreement.id, incoming.decided_by or self.package.sender_party, "imported decision",
                           f"proposal {local}", {"status": incoming.status, "decided_by": decider})
        self.counts["proposals"] += len(ids)

    def _sheet(self, agreement_id: int) -> object:
        """The agreement's terms here, read once per import (term proposals are checked against them)."""
        if getattr(self, "_terms", None) is None:
            self._terms = self.agreements.terms(agreement_id)
        return self._terms

    def _update(self, local: int, incoming: PackageProposal, agreement: Agreement) -> None:
        mine = self.proposals.get(local)
        if mine.status.value == incoming.status or not mine.is_open:
            return
        refused = unauthorised(mine, incoming, agreement, self.package.sender_party)
        if refused:
            self.conflicts.append(f"Proposal {local} ({mine.party_name}) is shown as {incoming.status} in "
                                  f"{self.package.sender_party}'s package, but {refused}; it was not changed.")
            return
        if incoming.status == "accepted":
            self.conflicts.append(f"{incoming.decided_by or 'The sender'} accepted proposal {local} "
                                  f"({mine.party_name}); it is still open here: accept it here to apply it.")
            return
        decider = next((s.party.id for s in agreement.signatories if s.party.name == incoming.decided_by), None)
        self.proposals.set_status(local, ProposalStatus(incoming.status), decider)
        EventLog(self.session).append(agreement.id, incoming.decided_by or self.package.sender_party,
                                      "imported decision", f"proposal {local}",
                                      {"status": incoming.status,
                                       "decided_by": self.parties.get(decider).name if decider else None})
        self.counts["updated"] += 1

    def _events(self) -> None:
        self.trust.keep()  # checked before anything was merged (see run); kept once the agreement is known here
