"""Use cases for parties, agreements, their outline and their terms, and the network checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING, TypedDict, TypeVar, Unpack

from negotiator.domain.agreement import Agreement, check_agreement, check_parent
from negotiator.domain.agreements import AgreementKind, AgreementStatus, ContractingModel
from negotiator.domain.clauses import check_text
from negotiator.domain.errors import InvalidInput
from negotiator.domain.lifecycle import Stage, check_status_change
from negotiator.domain.money_map import MoneyMap, lay_out
from negotiator.domain.network import Finding, NetworkNode, check_network
from negotiator.domain.parties import MAX_NAME, OrganisationType, Party, Role, Signatory, check_party_names, match_party
from negotiator.domain.term_fields import party_slug, set_term, term_names, terms_as_dict
from negotiator.domain.terms import TermsSheet
from negotiator.domain.terms_rules import check_terms
from negotiator.services.acting import Acting
from negotiator.services.changes import direct_edit, party_of, record, stage
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.negotiation_store import EventLog, ProposalStore, RoundStore
from negotiator.storage.party_store import PartyStore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

E = TypeVar("E", bound=StrEnum)


class AgreementChanges(TypedDict, total=False):
    """What ``update_agreement`` may change, each by the words a user gives it."""

    title: str
    status: AgreementStatus | str
    parent: str | int | None
    parties: Sequence[tuple[str, Role | str]]


class AgreementService:
    """Parties, agreements and terms of one open library."""

    def __init__(self, library: Library, acting: Acting) -> None:
        self.library = library
        self.acting = acting

    # Parties -----------------------------------------------------------------------------

    def parties(self) -> list[Party]:
        """Every organisation, by name."""
        with self.library.unit_of_work() as session:
            return PartyStore(session).all()

    def find_party(self, name: str) -> Party:
        """The organisation with exactly this name or short name (ignoring capitals); an ambiguous or
        unknown name is refused with the candidates."""
        return match_party(self.parties(), name)

    def add_party(self, name: str, short_name: str, type_: OrganisationType | str) -> Party:
        """Add an organisation to the address book; names and short names are unique ignoring case."""
        try:
            kind = OrganisationType(type_)
        except ValueError:
            known = ", ".join(t.value for t in OrganisationType)
            raise InvalidInput(f"'{type_}' is not a type of organisation; use one of {known}.", field="type") from None
        # Names become Word authors and SQLite text: refuse what neither can hold.
        check_text("The party's name", name, limit=MAX_NAME)
        check_text("The party's short name", short_name, limit=MAX_NAME, required=False)
        with self.library.unit_of_work(write=True) as session:
            store = PartyStore(session)
            name, short_name = check_party_names(name, short_name, store.all())
            return store.add(Party(name, short_name, kind))

    def remove_party(self, name: str) -> Party:
        """Remove an organisation that no agreement refers to (named exactly: never a near match)."""
        with self.library.unit_of_work(write=True) as session:
            store = PartyStore(session)
            party = match_party(store.all(), name)
            store.remove(party.saved_id)
            return party

    # Agreements --------------------------------------------------------------------------

    def agreements(self) -> list[Agreement]:
        """Every agreement, by title."""
        with self.library.unit_of_work() as session:
            return AgreementStore(session).all()

    def agreement(self, reference: str | int) -> Agreement:
        """An agreement by id or unique title."""
        with self.library.unit_of_work() as session:
            return AgreementStore(session).find(str(reference))

    def stage(self, reference: str | int) -> Stage:
        """Where the agreement is in its life: drafting, in negotiation, agreed or signed."""
        with self.library.unit_of_work() as session:
            return stage(session, AgreementStore(session).find(str(reference)))

    def create_agreement(
        self, title: str, kind: AgreementKind | str, model: ContractingModel | str,
        parties: Sequence[tuple[str, Role | str]], parent: str | int | None = None,
    ) -> Agreement:
        """Create an agreement in drafting, with its parties and roles, checked against the rules of its
        kind; the acting party (one of its parties) is recorded as creating it."""
        actor = self.acting.require("create an agreement")
        with self.library.unit_of_work(write=True) as session:
            party_store, store = PartyStore(session), AgreementStore(session)
            known = party_store.all()
            signatories = tuple(Signatory(match_party(known, name), _enum(Role, role, "role"))
                                for name, role in parties)
            parent_agreement = store.find(str(parent)) if parent is not None else None
            agreement = Agreement(
                title=title.strip(), kind=_enum(AgreementKind, kind, "kind"),
                model=_enum(ContractingModel, model, "model"), signatories=signatories,
                status=AgreementStatus.DRAFTING, parent_id=parent_agreement.id if parent_agreement else None,
            )
            check_agreement(agreement)
            check_parent(agreement, parent_agreement, [])
            creator = match_party(known, actor)
            if creator.id not in {s.party.id for s in signatories}:
                raise InvalidInput(f"{creator.name} (the party you act for) is not among the new agreement's "
                                   "parties; act for one of them, or add it as a party.", field="parties")
            saved = store.save(agreement)
            record(session, None, creator.name, "create agreement", f"agreement {saved.id}",
                   {"agreement": saved.id, "title": saved.title, "kind": saved.kind.value, "model": saved.model.value,
                    "status": saved.status.value, "parent_id": saved.parent_id,
                    "parties": {str(s.party.id): s.role.value for s in saved.signatories}})
            return saved

    def update_agreement(self, reference: str | int, **changes: Unpack[AgreementChanges]) -> Agreement:
        """Change an agreement's title, status, parent or parties, re-checking every rule; each change is
        recorded under the acting party, which must be a party to the agreement."""
        actor = self.acting.require("change an agreement")
        with self.library.unit_of_work(write=True) as session:
            EventLog(session).hold()
            store = AgreementStore(session)
            current = store.find(str(reference))
            party = party_of(session, current, actor)
            now = stage(session, current)
            if now in (Stage.AGREED, Stage.SIGNED) and set(changes) - {"status"}:
                raise InvalidInput(f"'{current.title}' is {now.label.lower()}, so it is frozen: set its status back "
                                   "to in negotiation before changing it.", field="lifecycle")
            updated = current
            if "title" in changes:
                updated = replace(updated, title=str(changes["title"]).strip())
            if "status" in changes:
                status = _enum(AgreementStatus, changes["status"], "status")
                open_count = sum(p.is_open for p in ProposalStore(session).of_agreement(current.saved_id))
                check_status_change(current.title, current.status, status,
                                    len(RoundStore(session).of_agreement(current.saved_id)), open_count)
                updated = replace(updated, status=status)
            if "parties" in changes:
                known = PartyStore(session).all()
                updated = replace(updated, signatories=tuple(
                    Signatory(match_party(known, n), _enum(Role, r, "role")) for n, r in changes["parties"]))
            parent = store.get(current.parent_id) if current.parent_id else None
            if "parent" in changes:
                parent = store.find(str(changes["parent"])) if changes["parent"] is not None else None
                updated = replace(updated, parent_id=parent.id if parent else None)
            check_agreement(updated)
            check_parent(updated, parent, store.ancestors(parent.saved_id) if parent else [])
            saved = store.save(updated)
            _record_changes(session, current, saved, party.name)
            return saved

    def delete_new_agreement(self, reference: str | int) -> None:
        """Undo the creation of an agreement that nothing has been added to yet (recorded, like the creation)."""
        actor = self.acting.require("remove an agreement")
        with self.library.unit_of_work(write=True) as session:
            store = AgreementStore(session)
            found = store.find(str(reference))
            party = party_of(session, found, actor)
            if EventLog(session).has_events(found.saved_id):
                raise InvalidInput(f"'{found.title}' already has a recorded history, so it is kept.")
            store.delete_if_empty(found.saved_id)
            record(session, None, party.name, "delete agreement", f"agreement {found.id}",
                   {"agreement": found.id, "title": found.title})

    # Terms -------------------------------------------------------------------------------

    def terms(self, reference: str | int) -> TermsSheet:
        """The agreement's current terms sheet."""
        with self.library.unit_of_work() as session:
            store = AgreementStore(session)
            return store.terms(store.find(str(reference)).saved_id)

    def parties_of(self, agreement: Agreement) -> dict[int, Party]:
        """The agreement's parties by id (the names its terms use)."""
        return {s.party.saved_id: s.party for s in agreement.signatories}

    def set_term(self, reference: str | int, name: str, raw: str) -> TermsSheet:
        """Set one term from text while drafting; the whole sheet must stay valid or nothing is saved."""
        with self.library.unit_of_work(write=True) as session:
            store = AgreementStore(session)
            agreement, party = direct_edit(session, store.find(str(reference)).saved_id, self.acting)
            parties = self.parties_of(agreement)
            sheet = set_term(store.terms(agreement.saved_id), name.strip(), raw, parties)
            check_sheet(sheet, parties)
            self._save(session, agreement, sheet, party.name, f"Set {name.strip()}")
            return sheet

    def save_terms(self, reference: str | int, sheet: TermsSheet, note: str = "") -> TermsSheet:
        """Save a whole terms sheet (as the terms editor does) while drafting, if every rule holds."""
        with self.library.unit_of_work(write=True) as session:
            store = AgreementStore(session)
            agreement, party = direct_edit(session, store.find(str(reference)).saved_id, self.acting)
            check_sheet(sheet, self.parties_of(agreement))
            if sheet != store.terms(agreement.saved_id):
                self._save(session, agreement, sheet, party.name, note)
            return sheet

    def _save(self, session: Session, agreement: Agreement, sheet: TermsSheet, party: str, note: str) -> None:
        store = AgreementStore(session)
        parties = self.parties_of(agreement)
        before, after = terms_as_dict(store.terms(agreement.saved_id), parties), terms_as_dict(sheet, parties)
        store.save_terms(agreement.saved_id, sheet, party, note)
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        record(session, agreement.id, party, "edit", "terms", {"terms": changed, "note": note})

    def term_names(self, reference: str | int) -> list[str]:
        """Every term name the agreement's wording may use."""
        agreement = self.agreement(reference)
        return term_names(self.parties_of(agreement))

    # The network -------------------------------------------------------------------------

    def network(self) -> list[NetworkNode]:
        """Every agreement of the library with its current terms."""
        with self.library.unit_of_work() as session:
            store = AgreementStore(session)
            sheets = store.all_terms()
            return [NetworkNode(a, sheets.get(a.saved_id, TermsSheet())) for a in store.all()]

    def money_map(self) -> MoneyMap:
        """The contract network laid out as a money map, with the findings on the agreements they concern."""
        nodes = self.network()
        return lay_out(nodes, check_network(nodes))

    def check(self, reference: str | int | None = None) -> list[Finding]:
        """Network findings: all of them, or those that concern one agreement."""
        nodes = self.network()
        if reference is not None:
            with self.library.unit_of_work() as session:
                wanted = AgreementStore(session).find(str(reference)).id
        else:
            wanted = None
        findings = check_network(nodes)
        if wanted is None:
            return findings
        return [f for f in findings if wanted in (f.agreement_id, f.other_id)]


def _record_changes(session: Session, before: Agreement, after: Agreement, party: str) -> None:
    """One record event per change of title, status, parent or party."""
    if after.title != before.title:
        record(session, after.id, party, "rename", f"'{after.title}'",
               {"title": after.title, "from": before.title})
    if after.status != before.status:
        record(session, after.id, party, "status", after.status.label.lower(),
               {"status": after.status.value, "from": before.status.value})
    if after.parent_id != before.parent_id:
        record(session, after.id, party, "parent", "parent agreement", {"parent_id": after.parent_id})
    old = {s.party.id: s for s in before.signatories}
    new = {s.party.id: s for s in after.signatories}
    for pid, signatory in new.items():
        if pid not in old:
            record(session, after.id, party, "join", signatory.party.name,
                   {"party_id": pid, "party": signatory.party.name, "role": signatory.role.value})
        elif old[pid].role is not signatory.role:
            record(session, after.id, party, "role", signatory.party.name,
                   {"party_id": pid, "party": signatory.party.name, "role": signatory.role.value})
    for pid, signatory in old.items():
        if pid not in new:
            record(session, after.id, party, "leave", signatory.party.name,
                   {"party_id": pid, "party": signatory.party.name})


def party_slugs(parties: dict[int, Party]) -> dict[int, str]:
    """How each party is named inside term names."""
    return {pid: party_slug(p) for pid, p in parties.items()}


def check_sheet(sheet: TermsSheet, parties: dict[int, Party]) -> None:
    """Refuse a sheet that breaks a rule, naming its terms in words (the parties' own by their names)."""
    check_terms(sheet, party_slugs(parties), {pid: p.name for pid, p in parties.items()})


def _enum(kind: type[E], value: str, field: str) -> E:
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(member.value for member in kind)
        raise InvalidInput(f"'{value}' is not a valid {field}; use one of {known}.", field=field) from None
