"""The library's uid, the origins of records from other libraries, and senders' records as seen."""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from negotiator.domain.package import PackageEvent
from negotiator.storage.models import ForeignEventRow, LibraryInfoRow, NegotiationEventRow, OriginRow


class ExchangeStore:
    """What importing and exporting packages needs to remember, inside one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._uid: str | None = None
        self._known: dict[str, dict[str, int]] = {}  # kind -> origin -> local id, loaded once per kind
        self._by_id: dict[str, dict[int, str]] = {}  # kind -> local id -> origin, made when first asked

    def uid(self) -> str:
        """This library's uid (made when the library was created or upgraded)."""
        if self._uid is None:
            found = self._session.get(LibraryInfoRow, "uid")
            if found is None:
                raise ValueError("The library has no uid: it was not made or upgraded by Negotiator.")
            self._uid = found.value
        return self._uid

    def _origins(self, kind: str) -> dict[str, int]:
        if kind not in self._known:
            rows = self._session.execute(select(OriginRow.origin, OriginRow.local_id).where(OriginRow.kind == kind))
            self._known[kind] = dict(rows.all())
        return self._known[kind]

    def origin_of(self, kind: str, local_id: int) -> str:
        """The origin to send for a local record: where it came from, or this library's own name for it."""
        if kind not in self._by_id:
            self._by_id[kind] = {v: k for k, v in self._origins(kind).items()}
        found = self._by_id[kind].get(local_id)
        return found or f"{self.uid()}:{kind[0]}{local_id}"

    def local_id(self, kind: str, origin: str) -> int | None:
        """The local record an origin names, if this library has it."""
        mine = f"{self.uid()}:{kind[0]}"
        if origin.startswith(mine) and origin[len(mine):].isdigit():
            return int(origin[len(mine):])
        return self._origins(kind).get(origin)

    def remember(self, kind: str, origin: str, local_id: int) -> None:
        """Record that a local record came from ``origin``."""
        self.remember_many(kind, {origin: local_id})

    def remember_many(self, kind: str, origins: dict[str, int]) -> None:
        """Record where many local records came from, by origin, in one statement (a package brings
        thousands, and nothing reads these rows back as objects)."""
        if not origins:
            return
        self._session.execute(insert(OriginRow), [{"kind": kind, "origin": origin, "local_id": local}
                                                  for origin, local in origins.items()])
        self._origins(kind).update(origins)
        self._by_id.pop(kind, None)

    def events_of(self, agreement_id: int) -> list[PackageEvent]:
        """This library's negotiation record for one agreement, signed, as a package carries it."""
        rows = self._session.scalars(select(NegotiationEventRow).where(NegotiationEventRow.agreement_id == agreement_id)
                                     .order_by(NegotiationEventRow.id))
        return [PackageEvent(e.id, e.at, e.actor, e.action, e.subject, e.payload, e.parent_hash, e.content_hash,
                             signature=e.signature) for e in rows]

    def proposal_payloads(self, agreement_id: int) -> dict[str, str]:
        """The payload of each proposal made in this library on an agreement, by the record's subject
        ("proposal 12"): where its provenance is read from."""
        row = NegotiationEventRow
        rows = self._session.execute(select(row.subject, row.payload).where(
            row.agreement_id == agreement_id, row.action == "propose"))
        return {subject: payload for subject, payload in rows}

    def actions_of(self, agreement_id: int, actions: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
        """This library's events of an agreement with one of ``actions``: (at, actor, action, payload) each,
        oldest first; read as plain rows, since an agreement's record holds thousands of other events."""
        row = NegotiationEventRow
        rows = self._session.execute(select(row.at, row.actor, row.action, row.payload).where(
            row.agreement_id == agreement_id, row.action.in_(actions)).order_by(row.id))
        return [(at, actor, action, payload) for at, actor, action, payload in rows]

    def seen_events(self, library: str) -> dict[int, str]:
        """The hashes of a sender's events as first received, by event id."""
        rows = self._session.execute(select(ForeignEventRow.event_id, ForeignEventRow.content_hash)
                                     .where(ForeignEventRow.library == library))
        return dict(rows.all())

    def see_event(self, library: str, event_id: int, content_hash: str, parent_hash: str) -> None:
        """Remember a sender's event."""
        self.see_events(library, [(event_id, content_hash, parent_hash)])

    def see_events(self, library: str, events: list[tuple[int, str, str]]) -> None:
        """Remember many of a sender's events at once: (id, hash, parent hash) each."""
        if events:
            self._session.execute(insert(ForeignEventRow), [
                {"library": library, "event_id": i, "content_hash": h, "parent_hash": p} for i, h, p in events])
