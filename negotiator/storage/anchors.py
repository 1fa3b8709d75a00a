"""The heads of the version chains written in a unit of work, waiting to be anchored in the record.

Each store that appends a version (a clause's, a section's, a terms sheet's) notes the new head
here. The next event recorded in the same unit of work carries them; a unit of work that wrote
versions but recorded no event gets an anchor event of its own before it commits. So deleting a
chain's last version is caught: the record says a later head existed.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

_HEADS = "negotiator_heads"
_BY = "negotiator_heads_by"


def note_head(session: Session, chain: str, number: int, digest: str, author: str) -> None:
    """Remember a chain's new head (``clause:ID``, ``section:ID`` or ``terms:AGREEMENT``) until it is recorded."""
    session.info.setdefault(_HEADS, {})[chain] = [number, digest]
    session.info[_BY] = author


def take_heads(session: Session) -> dict[str, list[int | str]]:
    """The heads noted since the last event, forgotten once taken."""
    session.info.pop(_BY, None)
    return session.info.pop(_HEADS, None) or {}


def pending_author(session: Session) -> str | None:
    """Who wrote heads that no event has recorded yet (``None`` when there are none)."""
    return session.info.get(_BY) if session.info.get(_HEADS) else None
