"""This library's key pair, kept in the library itself (so backups and copies carry it) and read once
per unit of work. A team library on a server is one library: one row each, one key for all its users."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.signatures import fingerprint
from negotiator.storage.models import LibraryInfoRow

_CACHE = "negotiator_library_key"


def _pair(session: Session) -> tuple[str, str]:
    found = session.info.get(_CACHE)
    if found is None:
        rows = dict(session.execute(select(LibraryInfoRow.key, LibraryInfoRow.value)
                                    .where(LibraryInfoRow.key.in_(("private_key", "public_key")))).all())
        found = (rows["private_key"], rows["public_key"])
        session.info[_CACHE] = found
    return found


def private_key(session: Session) -> str:
    """The private key that signs this library's events: it never leaves the library."""
    return _pair(session)[0]


def public_key(session: Session) -> str:
    """The public key every package this library sends carries."""
    return _pair(session)[1]


def own_fingerprint(session: Session) -> str:
    """This library's fingerprint, as people read it to each other."""
    return fingerprint(public_key(session))
