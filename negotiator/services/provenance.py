"""The provenance of an agreement's proposals, worked out from the signed records that hold them.

A proposal's origin names the library it was made in. Made here, its propose event is in this library's
record, signed by it: the proposal is its party's own unless the event says someone else recorded it
(the acting party, recording a returned Word file for another party). Made elsewhere, its propose event
came in a package, signed by that library: the proposal is its party's own only when that library sends
as that party (the party pinned with its key). A proposal whose propose event came unsigned (a package
of format 1) or not at all is unsigned.
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from negotiator.domain.proposals import Proposal
from negotiator.domain.provenance import Provenance, provenance
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.trust_store import TrustStore


def provenance_of(session: Session, agreement_id: int, proposals: list[Proposal]) -> dict[int, Provenance]:
    """Each proposal's provenance, by proposal id, in a few queries for the whole agreement."""
    exchange, store = ExchangeStore(session), TrustStore(session)
    own = exchange.uid()
    local = exchange.proposal_payloads(agreement_id)
    foreign = store.proposal_events(agreement_id)
    parties = {uid: trusted.party for uid, trusted in store.pinned().items()}
    found = {}
    for proposal in proposals:
        signer: str | None
        library, _, number = exchange.origin_of("proposal", proposal.id).rpartition(":p")
        if library == own:
            payload, signer = local.get(f"proposal {proposal.id}"), proposal.party_name
        else:
            payload = foreign.get((library, f"proposal {number}"))
            signer = parties.get(library) if payload is not None else None
        found[proposal.id] = provenance(proposal.party_name, signer, _recorded_by(payload))
    return found


def _recorded_by(payload: str | None) -> str | None:
    if not payload or '"recorded_by"' not in payload:  # most proposals: no need to parse the payload
        return None
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    value = data.get("recorded_by") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None
