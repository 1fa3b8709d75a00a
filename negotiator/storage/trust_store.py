"""Other libraries' pinned keys, and their events kept whole so that packages can forward them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from negotiator.domain.clauses import format_time, utc_now
from negotiator.domain.json_data import JsonObject
from negotiator.domain.package import PackageEvent
from negotiator.storage.models import ForeignEventRow, TrustedLibraryRow


@dataclass(frozen=True)
class TrustedLibrary:
    """A library whose key is pinned: its uid, public key, the party it sent as, and when first seen."""

    library: str
    public_key: str
    party: str
    first_seen: str


class TrustStore:
    """Pinned keys and kept events, inside one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def pinned(self) -> dict[str, TrustedLibrary]:
        """Every pinned library, by uid."""
        rows = self._session.execute(select(TrustedLibraryRow.library, TrustedLibraryRow.public_key,
                                            TrustedLibraryRow.party, TrustedLibraryRow.first_seen))
        return {r[0]: TrustedLibrary(*r) for r in rows}

    def pin(self, library: str, public_key: str, party: str) -> None:
        """Pin a library's key the first time it is seen (trust on first use)."""
        self._session.add(TrustedLibraryRow(library=library, public_key=public_key, party=party,
                                            first_seen=format_time(utc_now())))

    def kept(self, library: str) -> dict[int, tuple[str, str | None]]:
        """A library's events as first received, by event id: (hash, signature if it came signed)."""
        rows = self._session.execute(select(ForeignEventRow.event_id, ForeignEventRow.content_hash,
                                            ForeignEventRow.signature).where(ForeignEventRow.library == library))
        return {number: (digest, signature) for number, digest, signature in rows}

    def kept_of(self, library: str, local_agreement: int) -> set[int]:
        """The ids of a library's events of one agreement received before."""
        return set(self._session.scalars(select(ForeignEventRow.event_id).where(
            ForeignEventRow.library == library, ForeignEventRow.local_agreement == local_agreement)))

    def keep(self, library: str, local_agreement: int, events: list[PackageEvent], agreement: int | None) -> None:
        """Keep new events of a library whole (signature included), to check later packages and forward them;
        ``agreement`` is the agreement's id in the sender's library, for events that do not say their own."""
        if events:  # the table's own insert, not the ORM's: a package brings thousands of events
            self._session.connection().execute(insert(_FOREIGN_EVENTS),
                                               [_fields(library, local_agreement, e, agreement) for e in events])

    def complete(self, library: str, local_agreement: int, events: list[PackageEvent], agreement: int | None) -> None:
        """Fill in events first received without their fields or signature (in a package of format 1)."""
        for event in events:
            self._session.execute(update(ForeignEventRow).where(
                ForeignEventRow.library == library, ForeignEventRow.event_id == event.id)
                .values(**_fields(library, local_agreement, event, agreement)))

    def forwarded(self, local_agreement: int) -> list[PackageEvent]:
        """Other libraries' signed events of an agreement, as a package forwards them, in each one's order."""
        row = ForeignEventRow
        rows = self._session.execute(select(
            row.event_id, row.at, row.actor, row.action, row.subject, row.payload, row.parent_hash, row.content_hash,
            row.library, row.agreement, row.signature).where(
            row.local_agreement == local_agreement, row.signature.is_not(None)).order_by(row.library, row.event_id))
        return [PackageEvent(number, _kept(at), _kept(actor), _kept(action), _kept(subject), _kept(payload), parent,
                             digest, library, agreement, signature)
                for number, at, actor, action, subject, payload, parent, digest, library, agreement, signature in rows]

    def proposal_events(self, local_agreement: int) -> dict[tuple[str, str], str]:
        """The signed propose events of an agreement's proposals made in other libraries: payload by
        (library, subject)."""
        row = ForeignEventRow
        rows = self._session.execute(select(row.library, row.subject, row.payload).where(
            row.local_agreement == local_agreement, row.action == "propose", row.signature.is_not(None)))
        return {(library, _kept(subject)): _kept(payload) for library, subject, payload in rows}


    def actions_of(self, local_agreement: int, actions: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
        """Other libraries' signed events of an agreement with one of ``actions``: (at, actor, action,
        payload) each, in each library's order."""
        row = ForeignEventRow
        rows = self._session.execute(select(row.at, row.actor, row.action, row.payload).where(
            row.local_agreement == local_agreement, row.action.in_(actions), row.signature.is_not(None))
            .order_by(row.library, row.event_id))
        return [(_kept(at), _kept(actor), _kept(action), _kept(payload)) for at, actor, action, payload in rows]


def _fields(library: str, local_agreement: int, event: PackageEvent, agreement: int | None) -> JsonObject:
    return {"library": library, "event_id": event.id, "content_hash": event.content_hash,
            "parent_hash": event.parent_hash, "at": event.at, "actor": event.actor, "action": event.action,
            "subject": event.subject, "payload": event.payload,
            "agreement": event.agreement if event.agreement is not None else agreement,
            "local_agreement": local_agreement, "signature": event.signature}


_T = TypeVar("_T")


def _kept(value: _T | None) -> _T:
    """A field of a kept event that is signed: such an event was kept whole (its fields are empty only in
    the events first received without them, which carry no signature either)."""
    if value is None:
        raise ValueError("A signed event of another library was kept without all its fields.")
    return value


def _table(model: type[ForeignEventRow]) -> Table:
    """The table of a model, for the table's own insert."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to a table")
    return table


_FOREIGN_EVENTS = _table(ForeignEventRow)
