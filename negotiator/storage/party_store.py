"""Repository of parties (organisations)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.errors import InvalidInput, NotFound
from negotiator.domain.parties import OrganisationType, Party, match_party
from negotiator.storage.models import AgreementRow, PartyRow, SignatoryRow


def to_party(row: PartyRow) -> Party:
    """Domain party from its row."""
    return Party(row.name, row.short_name, OrganisationType(row.type), row.id)


class PartyStore:
    """Parties inside one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def all(self) -> list[Party]:
        """Every party, by name."""
        return [to_party(r) for r in self._session.scalars(select(PartyRow).order_by(PartyRow.name))]

    def get(self, party_id: int) -> Party:
        """One party by id."""
        row = self._session.get(PartyRow, party_id)
        if row is None:
            raise NotFound(f"There is no party with id {party_id}.")
        return to_party(row)

    def of_agreement(self, agreement_id: int) -> list[Party]:
        """The parties to one agreement, in the order of its signatories (none for an unknown agreement).

        One plain query rather than loading the agreement with its signatories: every proposal and
        decision asks it, and the ORM's per-object work was most of the time a proposal took.
        """
        rows = self._session.execute(
            select(PartyRow.id, PartyRow.name, PartyRow.short_name, PartyRow.type)
            .join(SignatoryRow, SignatoryRow.party_id == PartyRow.id)
            .where(SignatoryRow.agreement_id == agreement_id).order_by(SignatoryRow.position)
        )
        return [Party(name, short_name, OrganisationType(kind), party_id) for party_id, name, short_name, kind in rows]

    def find(self, name: str) -> Party:
        """A party by its name or short name (ignoring capitals); an unknown or ambiguous name is refused."""
        return match_party(self.all(), name)

    def add(self, party: Party) -> Party:
        """Save a new party; names must be unique."""
        if self._session.scalar(select(PartyRow.id).where(PartyRow.name == party.name)) is not None:
            raise InvalidInput(f"There is already a party called '{party.name}'.", field="name")
        row = PartyRow(name=party.name, short_name=party.short_name, type=party.type.value)
        self._session.add(row)
        self._session.flush()
        return to_party(row)

    def remove(self, party_id: int) -> None:
        """Delete a party nobody refers to; otherwise say where it is used."""
        used = self._session.scalars(
            select(AgreementRow.title).join(SignatoryRow, SignatoryRow.agreement_id == AgreementRow.id)
            .where(SignatoryRow.party_id == party_id).order_by(AgreementRow.title)
        ).all()
        party = self.get(party_id)
        if used:
            raise InvalidInput(f"{party.name} cannot be removed: it is a party to {len(used)} agreement(s): "
                               + "; ".join(used) + ". Remove it from those agreements first.")
        self._session.delete(self._session.get(PartyRow, party_id))
