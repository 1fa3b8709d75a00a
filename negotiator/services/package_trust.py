"""Whether a package's events are what their libraries recorded: every event carried, the sender's and
those it forwards from others, must verify against its library's key; a library's key is pinned the
first time a package shows it (trust on first use) and any other key for it later is refused. A
package of format 1 carries no signatures: it is read, and what it brings is shown as unsigned.

Any refusal raises InvalidInput before the import has written anything that survives: the merge runs in
one transaction.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy.orm import Session

from negotiator.domain.errors import InvalidInput
from negotiator.domain.package import Package, PackageEvent, PackageKey
from negotiator.domain.signatures import fingerprint, is_named_by_key, key_fits, verify
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.keys import public_key
from negotiator.storage.negotiation_store import event_fields_hash
from negotiator.storage.trust_store import TrustStore

_NOTHING = "Nothing was imported."


class PackageTrust:
    """The checks of one package's keys and signatures, and what is kept of its events."""

    def __init__(self, session: Session, package: Package) -> None:
        self.session, self.package = session, package
        self.store, self.exchange = TrustStore(session), ExchangeStore(session)
        self.signed = package.format_version >= 2
        self.own = self.exchange.uid()

    def library_of(self, event: PackageEvent) -> str:
        """The library whose record holds an event."""
        return event.library or self.package.sender_library

    def check(self) -> None:
        """Check the keys, then every event; refuse the whole package at the first problem."""
        self.check_keys()
        self.check_events()

    def check_keys(self) -> None:
        """Refuse a package whose keys contradict the pinned ones, or a format-1 package from a library
        that has sent signed ones (a signed sender cannot be made to look unsigned); pin the new keys."""
        package, pinned = self.package, self.store.pinned()
        sender = package.sender_library
        if not self.signed:
            if is_named_by_key(sender):
                raise InvalidInput(f"This package claims to come from library {sender}, whose name is made from its "
                                   "key, but it is unsigned (package format 1): it is forged. " + _NOTHING)
            if any(event.library not in (None, sender) for event in package.events):
                raise InvalidInput("This package (format 1) carries events of libraries other than its sender's, "
                                   "which only a signed package can. " + _NOTHING)
            if sender in pinned:
                raise InvalidInput(f"This package from {package.sender_party} (library {sender}, key "
                                   f"{fingerprint(pinned[sender].public_key)}) is unsigned (package format 1), but "
                                   "that library signs its packages: it may have been forged. " + _NOTHING)
            return
        if sender not in package.keys:
            raise InvalidInput(f"This package from {package.sender_party} (library {sender}) carries no key for its "
                               "sender, so its events cannot be checked. " + _NOTHING)
        for library, key in package.keys.items():
            if not key_fits(library, key.public_key):
                raise InvalidInput(f"This package gives library {library} the key {fingerprint(key.public_key)}, but "
                                   "that library's name is made from its own key, which this is not: the package "
                                   f"speaks in a name that is not its sender's. " + _NOTHING)
            if library == self.own:
                if key.public_key != public_key(self.session):
                    raise InvalidInput(f"This package gives another key ({fingerprint(key.public_key)}) for this "
                                       "very library: events claiming to be this library's are forged. " + _NOTHING)
                continue
            known = pinned.get(library)
            if known is None:  # the sender's party is the one it sends this package as
                self.store.pin(library, key.public_key, package.sender_party if library == sender else key.party)
            elif known.public_key != key.public_key:
                raise InvalidInput(
                    f"This package gives library {library} ({known.party}) the key {fingerprint(key.public_key)}, "
                    f"but the key pinned for it is {fingerprint(known.public_key)}. A library has one key, so "
                    f"one of them is not {known.party}'s. Compare fingerprints with {known.party} by phone "
                    f"before anything else. " + _NOTHING)

    def check_events(self) -> None:
        """Every carried event must match its hash and, in format 2, its library's signature."""
        package = self.package
        for event in package.events:
            expected = event_fields_hash(event.id, event.parent_hash, event.at, event.actor, event.action,
                                         self._agreement_of(event), event.subject, event.payload)
            if expected != event.content_hash:
                library = self.library_of(event)
                whose = (f"{package.sender_party}'s negotiation record is broken" if library == package.sender_library
                         else f"the record of library {library} that it forwards is broken")
                raise InvalidInput(f"The package cannot be trusted: {whose}: event {event.id} ({event.action} "
                                   f"{event.subject}) does not match its hash. Nothing was imported; ask "
                                   f"{package.sender_party} to check its library.")
        if self.signed:
            self._check_signatures()

    def _check_signatures(self) -> None:
        """Each event must be signed; the signature checked is that of each run's last event. A library's
        events in a package are in the order of its chain; where one links to the next (the next names its
        hash as its parent), the next one's hash covers it, so one signature proves the whole run (decision
        0011): a verification costs a tenth of a millisecond, and a package carries thousands of events."""
        keys = {library: key.public_key for library, key in self.package.keys.items()}
        runs: dict[str, list[PackageEvent]] = defaultdict(list)
        for event in self.package.events:
            library = self.library_of(event)
            if library not in keys:
                raise InvalidInput(f"The package carries event {event.id} of library {library} but not that "
                                   "library's key, so it cannot be checked. " + _NOTHING)
            if not event.signature:
                self._refuse(library, event, "it is not signed")
            runs[library].append(event)
        for library, events in runs.items():
            ends = [e for e, after in zip(events, [*events[1:], None], strict=True)
                    if after is None or after.parent_hash != e.content_hash]
            for event in ends:
                if not verify(keys[library], event.content_hash, event.signature):
                    self._refuse(library, event, "its signature does not verify: it was altered or forged after "
                                 "that library signed it")

    def _refuse(self, library: str, event: PackageEvent, why: str) -> None:
        key = self.package.keys[library]
        raise InvalidInput(f"The package is refused: event {event.id} ({event.action} {event.subject}) claims to be "
                           f"recorded by library {library} ({key.party}, key {fingerprint(key.public_key)}) but "
                           f"{why}. " + _NOTHING)

    def keep(self) -> int:
        """Remember each library's events (whole, with signatures, to forward them) and refuse a history
        that differs from the one received before; returns how many events were new."""
        agreement = self.exchange.local_id("agreement", self._agreement_origin())
        if agreement is None:
            raise AssertionError("unreachable: the merge finds or makes the agreement before it keeps its events")
        added = 0
        by_library: dict[str, list[PackageEvent]] = defaultdict(list)
        for event in self.package.events:
            by_library[self.library_of(event)].append(event)
        for library, events in by_library.items():
            if library == self.own:  # this library's own events, sent back: it holds them already
                continue
            known, new, unsigned = self.store.kept(library), [], []
            if library == self.package.sender_library:  # a record only grows: the sender sends all of its own
                self._refuse_forks(library, agreement, {e.id for e in events})
            for event in events:
                seen = known.get(event.id)
                if seen is None:
                    new.append(event)
                elif seen[0] != event.content_hash:
                    raise InvalidInput(f"The record of library {library} in this package differs at event {event.id} "
                                       "from the copy received before: its history was rewritten. " + _NOTHING)
                elif seen[1] is None and event.signature is not None:
                    unsigned.append(event)
            self.store.keep(library, agreement, new, self.package.agreement.get("sender_id"))
            self.store.complete(library, agreement, unsigned, self.package.agreement.get("sender_id"))
            added += len(new)
        return added

    def _refuse_forks(self, library: str, agreement: int, carried: set[int]) -> None:
        """Refuse a sender's package that leaves out events of its own received before, among those it
        carries: its record was rewritten (renumbered, or forked from an older copy), and what it now says
        cannot be trusted. An older package, sent again, simply ends before the later events."""
        latest = max(carried, default=0)
        missing = sorted(n for n in self.store.kept_of(library, agreement) - carried if n < latest)
        if missing:
            shown = ", ".join(map(str, missing[:5])) + (" and more" if len(missing) > 5 else "")
            raise InvalidInput(f"The package is refused: {self.package.sender_party}'s record no longer holds events "
                               f"it sent before ({shown}): its history was rewritten. " + _NOTHING)

    def _agreement_of(self, event: PackageEvent) -> int | None:
        return event.agreement if event.agreement is not None else self.package.agreement.get("sender_id")

    def _agreement_origin(self) -> str:
        data = self.package.agreement
        return data.get("origin") or f"{self.package.sender_library}:title:{data['title']}"



def outgoing(session: Session, agreement_id: int, party: str) -> tuple[list[PackageEvent], dict[str, PackageKey]]:
    """The events a package of an agreement carries, signed (this library's own, then the others' it
    received, each with its own signature), and the keys that check them, this library's first."""
    exchange, store = ExchangeStore(session), TrustStore(session)
    own = exchange.events_of(agreement_id)
    forwarded = store.forwarded(agreement_id)
    pinned = store.pinned()
    keys = {exchange.uid(): PackageKey(public_key(session), party)}
    # Every forwarded event names its library (TrustStore.forwarded reads it from the row).
    for library in sorted({e.library for e in forwarded if e.library is not None}):
        if library in pinned:  # always so: a library's events are kept only once its key is pinned
            keys[library] = PackageKey(pinned[library].public_key, pinned[library].party)
    return own + [e for e in forwarded if e.library in keys], keys
