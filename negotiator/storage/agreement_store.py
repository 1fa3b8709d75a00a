"""Repository of agreements, their signatories and their terms sheets."""

from __future__ import annotations

import json
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from negotiator.domain.agreement import Agreement
from negotiator.domain.agreements import AgreementKind, AgreementStatus, ContractingModel
from negotiator.domain.clauses import chain_hash, format_time, utc_now
from negotiator.domain.errors import InvalidInput, NotFound
from negotiator.domain.parties import Role, Signatory
from negotiator.domain.terms import TermsSheet
from negotiator.domain.terms_json import sheet_from_data, sheet_to_data
from negotiator.storage.anchors import note_head
from negotiator.storage.clause_store import GENESIS
from negotiator.storage.models import AgreementRow, PartyRow, SectionRow, SignatoryRow, TermsVersionRow
from negotiator.storage.party_store import to_party


class TermsFields(Protocol):
    """What a terms version's hash is taken over: its row, or a plain row read for the check."""

    @property
    def agreement_id(self) -> int: ...
    @property
    def number(self) -> int: ...
    @property
    def parent_hash(self) -> str: ...
    @property
    def data(self) -> str: ...
    @property
    def author(self) -> str: ...
    @property
    def created_at(self) -> str: ...
    @property
    def note(self) -> str: ...


def terms_hash(row: TermsFields) -> str:
    """The hash a terms version should carry, chained to the previous version's."""
    return chain_hash("terms", row.agreement_id, row.number, row.parent_hash, row.data, row.author,
                      row.created_at, row.note)


def to_agreement(row: AgreementRow) -> Agreement:
    """Domain agreement from its row (signatories included)."""
    return Agreement(
        title=row.title, kind=AgreementKind(row.kind), model=ContractingModel(row.model),
        signatories=tuple(Signatory(to_party(s.party), Role(s.role)) for s in row.signatories),
        status=AgreementStatus(row.status), parent_id=row.parent_id, id=row.id,
    )


class AgreementStore:
    """Agreements inside one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def all(self) -> list[Agreement]:
        """Every agreement, by title."""
        # The signatories in one more query, not one per agreement: on a server each query is a round trip.
        rows = self._session.scalars(select(AgreementRow).options(selectinload(AgreementRow.signatories))
                                     .order_by(AgreementRow.title))
        return [to_agreement(r) for r in rows.unique()]

    def get(self, agreement_id: int) -> Agreement:
        """One agreement by id."""
        return to_agreement(self._row(agreement_id))

    def find(self, reference: str) -> Agreement:
        """An agreement by id or by its unique title (case-insensitive)."""
        if reference.strip().isdigit():
            row = self._session.get(AgreementRow, int(reference))
            if row is not None:
                return to_agreement(row)
            # No agreement has that id: it may be a title made of digits ("2027"), which is looked up next.
        wanted = reference.strip().lower()
        # The usual case, the exact title, in one query; SQL lower() may differ from Python's, so a miss looks further.
        exact = self._session.scalars(select(AgreementRow).where(func.lower(AgreementRow.title) == wanted)).all()
        if len(exact) == 1 and exact[0].title.lower() == wanted:
            return to_agreement(exact[0])
        matches = [a for a in self.all() if a.title.lower() == wanted]
        if not matches:
            matches = [a for a in self.all() if wanted in a.title.lower()]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            if reference.strip().isdigit():
                raise NotFound(f"There is no agreement with id {int(reference)}.")
            raise NotFound(f"There is no agreement with the id or title '{reference}'.")
        titles = "; ".join(a.title for a in matches)
        raise InvalidInput(f"'{reference}' matches {len(matches)} agreements ({titles}); use its id or full title.")

    def ancestors(self, agreement_id: int) -> list[int]:
        """Ids of the agreement's parent, grandparent, … (stops at a loop rather than running forever)."""
        parents = dict(self._session.execute(select(AgreementRow.id, AgreementRow.parent_id)).all())
        chain: list[int] = []
        current = parents.get(agreement_id)
        while current is not None and current not in chain:
            chain.append(current)
            current = parents.get(current)
        return chain

    def save(self, agreement: Agreement) -> Agreement:
        """Insert a new agreement or update an existing one (already validated)."""
        row = AgreementRow() if agreement.id is None else self._row(agreement.id)
        clash = self._session.scalar(select(AgreementRow.id).where(AgreementRow.title == agreement.title))
        if clash is not None and clash != agreement.id:
            raise InvalidInput(f"There is already an agreement titled '{agreement.title}'.", field="title")
        row.title, row.kind, row.model = agreement.title, agreement.kind.value, agreement.model.value
        row.status, row.parent_id = agreement.status.value, agreement.parent_id
        row.signatories = [
            SignatoryRow(party_id=self._party_id(s), role=s.role.value, position=i)
            for i, s in enumerate(agreement.signatories)
        ]
        if agreement.id is None:
            self._session.add(row)
        self._session.flush()
        self._session.expire(row)
        return to_agreement(self._row(row.id))

    def delete_if_empty(self, agreement_id: int) -> None:
        """Delete an agreement that has no sections, terms or agreements under it (undoing its creation)."""
        row = self._row(agreement_id)
        has_children = self._session.scalar(select(AgreementRow.id).where(AgreementRow.parent_id == agreement_id)
                                            .limit(1))
        has_terms = self._latest_terms(agreement_id) is not None
        has_sections = self._session.scalar(select(SectionRow.id).where(SectionRow.agreement_id == agreement_id)
                                            .limit(1))
        if has_children or has_terms or has_sections:
            raise InvalidInput(f"'{row.title}' already has sections, terms or agreements under it, so it is kept.")
        self._session.delete(row)
        self._session.flush()

    def terms(self, agreement_id: int) -> TermsSheet:
        """The agreement's current terms (an empty sheet before any are set)."""
        row = self._latest_terms(agreement_id)
        return sheet_from_data(json.loads(row.data)) if row else TermsSheet()

    def all_terms(self) -> dict[int, TermsSheet]:
        """The current terms sheet of every agreement that has one, in one query."""
        latest = (select(TermsVersionRow.agreement_id, func.max(TermsVersionRow.number).label("number"))
                  .group_by(TermsVersionRow.agreement_id).subquery())
        rows = self._session.execute(
            select(TermsVersionRow.agreement_id, TermsVersionRow.data).join(
                latest, (latest.c.agreement_id == TermsVersionRow.agreement_id)
                & (latest.c.number == TermsVersionRow.number))
        )
        return {agreement_id: sheet_from_data(json.loads(data)) for agreement_id, data in rows}

    def terms_history(self, agreement_id: int) -> list[tuple[int, str, str, str]]:
        """(version, time, author, note) of every saved terms sheet, oldest first."""
        rows = self._session.scalars(select(TermsVersionRow).where(TermsVersionRow.agreement_id == agreement_id)
                                     .order_by(TermsVersionRow.number))
        return [(r.number, r.created_at, r.author, r.note) for r in rows]

    def save_terms(self, agreement_id: int, sheet: TermsSheet, author: str, note: str = "") -> int:
        """Append a new version of the terms sheet (already validated); returns its number."""
        self._row(agreement_id)
        latest = self._latest_terms(agreement_id)
        number = (latest.number if latest else 0) + 1
        parent = latest.content_hash if latest else GENESIS
        data = json.dumps(sheet_to_data(sheet), sort_keys=True, separators=(",", ":"))
        at = format_time(utc_now())
        row = TermsVersionRow(agreement_id=agreement_id, number=number, data=data, author=author,
                              created_at=at, note=note, parent_hash=parent, content_hash="")
        row.content_hash = terms_hash(row)
        self._session.add(row)
        note_head(self._session, f"terms:{agreement_id}", number, row.content_hash, author)
        self._session.flush()
        return number

    def _latest_terms(self, agreement_id: int) -> TermsVersionRow | None:
        return self._session.scalar(select(TermsVersionRow).where(TermsVersionRow.agreement_id == agreement_id)
                                    .order_by(TermsVersionRow.number.desc()).limit(1))

    def _party_id(self, signatory: Signatory) -> int:
        if signatory.party.id is not None:
            return signatory.party.id
        found = self._session.scalar(select(PartyRow.id).where(PartyRow.name == signatory.party.name))
        if found is None:
            raise NotFound(f"There is no party called '{signatory.party.name}'.")
        return found

    def _row(self, agreement_id: int) -> AgreementRow:
        row = self._session.get(AgreementRow, agreement_id)
        if row is None:
            raise NotFound(f"There is no agreement with id {agreement_id}.")
        return row
