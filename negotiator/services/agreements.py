"""Use cases for parties, agreements, their outline and their terms, and the network checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from negotiator.domain.agreement import Agreement, check_agreement, check_parent
from negotiator.domain.agreements import AgreementKind, AgreementStatus, ContractingModel
from negotiator.domain.clauses import MAX_TITLE, check_text
from negotiator.domain.errors import InvalidInput
from negotiator.domain.network import Finding, NetworkNode, check_network
from negotiator.domain.parties import OrganisationType, Party, Role, Signatory
from negotiator.domain.term_fields import party_slug, set_term, term_names
from negotiator.domain.terms import TermsSheet
from negotiator.domain.terms_rules import check_terms
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.party_store import PartyStore


class AgreementService:
    """Parties, agreements and terms of one open library."""

    def __init__(self, library: Library, author: str) -> None:
        self.library = library
        self.author = author

    # Parties -----------------------------------------------------------------------------

    def parties(self) -> list[Party]:
        """Every organisation, by name."""
        with self.library.unit_of_work() as session:
            return PartyStore(session).all()

    def add_party(self, name: str, short_name: str, type_: OrganisationType | str) -> Party:
        """Add an organisation to the address book."""
        name, short_name = name.strip(), short_name.strip()
        if not name:
            raise InvalidInput("A party needs a name.", field="name")
        # Names become Word authors and SQLite text: refuse what neither can hold.
        check_text("The party's name", name, limit=MAX_TITLE)
        check_text("The party's short name", short_name, limit=MAX_TITLE, required=False)
        try:
            kind = OrganisationType(type_)
        except ValueError:
            known = ", ".join(t.value for t in OrganisationType)
            raise InvalidInput(f"'{type_}' is not a type of organisation; use one of {known}.", field="type") from None
        with self.library.unit_of_work(write=True) as session:
            return PartyStore(session).add(Party(name, short_name or name, kind))

    def remove_party(self, name: str) -> None:
        """Remove an organisation that no agreement refers to."""
        with self.library.unit_of_work(write=True) as session:
            store = PartyStore(session)
            store.remove(store.find(name).id)

    # Agreements --------------------------------------------------------------------------

    def agreements(self) -> list[Agreement]:
        """Every agreement, by title."""
        with self.library.unit_of_work() as session:
            return AgreementStore(session).all()

    def agreement(self, reference: str | int) -> Agreement:
        """An agreement by id or unique title."""
        with self.library.unit_of_work() as session:
            return AgreementStore(session).find(str(reference))

    def create_agreement(
        self, title: str, kind: AgreementKind | str, model: ContractingModel | str,
        parties: Sequence[tuple[str, Role | str]], parent: str | int | None = None,
        status: AgreementStatus | str = AgreementStatus.DRAFTING,
    ) -> Agreement:
        """Create an agreement with its parties and roles, checked against the rules of its kind."""
        with self.library.unit_of_work(write=True) as session:
            party_store, store = PartyStore(session), AgreementStore(session)
            signatories = tuple(Signatory(party_store.find(name), _enum(Role, role, "role")) for name, role in parties)
            parent_agreement = store.find(str(parent)) if parent is not None else None
            agreement = Agreement(
                title=title.strip(), kind=_enum(AgreementKind, kind, "kind"),
                model=_enum(ContractingModel, model, "model"), signatories=signatories,
                status=_enum(AgreementStatus, status, "status"),
                parent_id=parent_agreement.id if parent_agreement else None,
            )
            check_agreement(agreement)
            check_parent(agreement, parent_agreement, [])
            return store.save(agreement)

    def update_agreement(self, reference: str | int, **changes: object) -> Agreement:
        """Change an agreement's title, status, parent or parties, re-checking every rule."""
        with self.library.unit_of_work(write=True) as session:
            store = AgreementStore(session)
            current = store.find(str(reference))
            values: dict[str, object] = {}
            if "title" in changes:
                values["title"] = str(changes["title"]).strip()
            if "status" in changes:
                values["status"] = _enum(AgreementStatus, changes["status"], "status")
            if "parties" in changes:
                party_store = PartyStore(session)
                values["signatories"] = tuple(Signatory(party_store.find(n), _enum(Role, r, "role"))
                                              for n, r in changes["parties"])
            parent = current.parent_id and store.get(current.parent_id)
            if "parent" in changes:
                parent = store.find(str(changes["parent"])) if changes["parent"] is not None else None
                values["parent_id"] = parent.id if parent else None
            updated = replace(current, **values)
            check_agreement(updated)
            check_parent(updated, parent or None, store.ancestors(parent.id) if parent else [])
            return store.save(updated)

    def delete_new_agreement(self, reference: str | int) -> None:
        """Undo the creation of an agreement that nothing has been added to yet."""
        with self.library.unit_of_work(write=True) as session:
            store = AgreementStore(session)
            store.delete_if_empty(store.find(str(reference)).id)

    # Terms -------------------------------------------------------------------------------

    def terms(self, reference: str | int) -> TermsSheet:
        """The agreement's current terms sheet."""
        with self.library.unit_of_work() as session:
            store = AgreementStore(session)
            return store.terms(store.find(str(reference)).id)

    def parties_of(self, agreement: Agreement) -> dict[int, Party]:
        """The agreement's parties by id (the names its terms use)."""
        return {s.party.id: s.party for s in agreement.signatories}

    def set_term(self, reference: str | int, name: str, raw: str) -> TermsSheet:
        """Set one term from text; the whole sheet must stay valid or nothing is saved."""
        with self.library.unit_of_work(write=True) as session:
            store = AgreementStore(session)
            agreement = store.find(str(reference))
            parties = self.parties_of(agreement)
            sheet = set_term(store.terms(agreement.id), name.strip(), raw, parties)
            check_terms(sheet, party_slugs(parties))
            store.save_terms(agreement.id, sheet, self.author, f"Set {name}")
            return sheet

    def save_terms(self, reference: str | int, sheet: TermsSheet, note: str = "") -> TermsSheet:
        """Save a whole terms sheet (as the terms editor does), if every rule holds."""
        with self.library.unit_of_work(write=True) as session:
            store = AgreementStore(session)
            agreement = store.find(str(reference))
            check_terms(sheet, party_slugs(self.parties_of(agreement)))
            if sheet != store.terms(agreement.id):
                store.save_terms(agreement.id, sheet, self.author, note)
            return sheet

    def term_names(self, reference: str | int) -> list[str]:
        """Every term name the agreement's wording may use."""
        agreement = self.agreement(reference)
        return term_names(self.parties_of(agreement))

    # The network -------------------------------------------------------------------------

    def check(self, reference: str | int | None = None) -> list[Finding]:
        """Network findings: all of them, or those that concern one agreement."""
        with self.library.unit_of_work() as session:
            store = AgreementStore(session)
            sheets = store.all_terms()
            nodes = [NetworkNode(a, sheets.get(a.id, TermsSheet())) for a in store.all()]
            wanted = store.find(str(reference)).id if reference is not None else None
        findings = check_network(nodes)
        if wanted is None:
            return findings
        return [f for f in findings if wanted in (f.agreement_id, f.other_id)]


def party_slugs(parties: dict[int, Party]) -> dict[int, str]:
    """How each party is named inside term names."""
    return {pid: party_slug(p) for pid, p in parties.items()}


def _enum(kind: type, value: object, field: str) -> object:
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(member.value for member in kind)
        raise InvalidInput(f"'{value}' is not a valid {field}; use one of {known}.", field=field) from None
