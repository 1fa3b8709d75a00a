"""The library's uid, the origins of records from other libraries, and senders' records as seen."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.storage.models import ForeignEventRow, LibraryInfoRow, NegotiationEventRow, OriginRow


class ExchangeStore:
    """What importing and exporting packages needs to remember, inside one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def uid(self) -> str:
        """This library's uid (made when the library was created or upgraded)."""
        row = self._session.get(LibraryInfoRow, "uid")
        return row.value

    def origin_of(self, kind: str, local_id: int) -> str:
        """The origin to send for a local record: where it came from, or this library's own name for it."""
        found = self._session.scalar(select(OriginRow.origin).where(OriginRow.kind == kind,
                                                                    OriginRow.local_id == local_id))
        return found or f"{self.uid()}:{kind[0]}{local_id}"

    def local_id(self, kind: str, origin: str) -> int | None:
        """The local record an origin names, if this library has it."""
        mine = f"{self.uid()}:{kind[0]}"
        if origin.startswith(mine) and origin[len(mine):].isdigit():
            return int(origin[len(mine):])
        return self._session.scalar(select(OriginRow.local_id).where(OriginRow.kind == kind,
                                                                     OriginRow.origin == origin))

    def remember(self, kind: str, origin: str, local_id: int) -> None:
        """Record that a local record came from ``origin``."""
        self._session.add(OriginRow(kind=kind, origin=origin, local_id=local_id))
        self._session.flush()

    def events_of(self, agreement_id: int) -> list[NegotiationEventRow]:
        """This library's negotiation record for one agreement (rows are read, never changed)."""
        return list(self._session.scalars(select(NegotiationEventRow)
                                          .where(NegotiationEventRow.agreement_id == agreement_id)
                                          .order_by(NegotiationEventRow.id)))

    def seen_event(self, library: str, event_id: int) -> str | None:
        """The hash of a sender's event as first received, if it was."""
        return self._session.scalar(select(ForeignEventRow.content_hash).where(
            ForeignEventRow.library == library, ForeignEventRow.event_id == event_id))

    def see_event(self, library: str, event_id: int, content_hash: str, parent_hash: str) -> None:
        """Remember a sender's event."""
        self._session.add(ForeignEventRow(library=library, event_id=event_id, content_hash=content_hash,
                                          parent_hash=parent_hash))
