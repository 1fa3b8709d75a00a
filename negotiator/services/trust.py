"""This library's fingerprint and the libraries it trusts: what two people compare over the phone."""

from __future__ import annotations

from dataclasses import dataclass

from negotiator.domain.signatures import fingerprint
from negotiator.storage.database import Library
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.keys import public_key
from negotiator.storage.trust_store import TrustStore


@dataclass(frozen=True)
class KnownLibrary:
    """A library and its key's fingerprint; ``party`` is the party it sends as (empty for this one)."""

    library: str
    party: str
    fingerprint: str
    first_seen: str = ""


class TrustService:
    """Read the keys of one open library (pinning happens when a package is imported)."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def own(self) -> KnownLibrary:
        """This library: its uid and its key's fingerprint."""
        with self.library.unit_of_work() as session:
            return KnownLibrary(ExchangeStore(session).uid(), "", fingerprint(public_key(session)))

    def trusted(self) -> list[KnownLibrary]:
        """Every library whose key is pinned here, by party."""
        with self.library.unit_of_work() as session:
            pinned = TrustStore(session).pinned().values()
        return sorted((KnownLibrary(t.library, t.party, fingerprint(t.public_key), t.first_seen) for t in pinned),
                      key=lambda k: (k.party.lower(), k.library))
