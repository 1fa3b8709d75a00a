"""The rules every change to an agreement goes through, in one place: an acting party that is a party
to the agreement, the agreement's stage in its life, and an entry in the negotiation record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from negotiator.domain.agreement import Agreement
from negotiator.domain.errors import InvalidInput
from negotiator.domain.json_data import JsonObject
from negotiator.domain.lifecycle import Stage, check_direct_edit, stage_of
from negotiator.domain.parties import Party, match_party
from negotiator.services.acting import Acting
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.negotiation_store import EventLog, RoundStore
from negotiator.storage.party_store import PartyStore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def stage(session: Session, agreement: Agreement) -> Stage:
    """Where the agreement is in its life (drafting until its first round is issued)."""
    return stage_of(agreement.status, RoundStore(session).issued_count(agreement.saved_id))


def party_of(session: Session, agreement: Agreement, name: str) -> Party:
    """The agreement's party named exactly (name or short name); refuse an unknown name, an ambiguous one
    and an outsider, saying which it is."""
    parties = [s.party for s in agreement.signatories]
    try:
        return match_party(parties, name, f"to '{agreement.title}'")
    except InvalidInput as error:
        if "could mean" in str(error):
            raise
        outsider = match_party(PartyStore(session).all(), name)  # an unknown name is refused here, as such
        listed = "; ".join(p.name for p in parties)
        raise InvalidInput(f"{outsider.name} is not a party to '{agreement.title}', so it cannot act on it. Act "
                           f"for one of its parties: {listed}.", field="party") from None


def direct_edit(session: Session, agreement_id: int, acting: Acting) -> tuple[Agreement, Party]:
    """Check that the acting party may edit the agreement directly (only while it is being drafted)."""
    name = acting.require("edit an agreement")
    EventLog(session).hold()  # a round issued meanwhile by another user must be seen
    agreement = AgreementStore(session).get(agreement_id)
    party = party_of(session, agreement, name)
    check_direct_edit(agreement.title, stage(session, agreement))
    return agreement, party


def record(session: Session, agreement_id: int | None, party: str, action: str, subject: str,
           payload: JsonObject | None = None) -> None:
    """Add the change to the negotiation record under the party that made it."""
    EventLog(session).append(agreement_id, party, action, subject, payload or {})
