"""The negotiation package: what one party's laptop sends the others, as plain data. The exchange
package turns it into a versioned, checksummed zip of JSON files (see docs/package-format.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from negotiator.domain.json_data import JsonObject

PACKAGE_FORMAT = "negotiator-package"
PACKAGE_VERSION = 2  # 2: signed events, the libraries' keys, others' events forwarded (1 is still read)


@dataclass(frozen=True)
class PackageParty:
    """An organisation as the sender knows it."""

    name: str
    short_name: str
    type: str  # an OrganisationType value


@dataclass(frozen=True)
class PackageSection:
    """A section of the sender's outline. ``origin`` identifies it across libraries."""

    origin: str  # "<library uid>:s<section id>", kept by every library that imports it
    parent: str | None  # the parent section's origin
    position: int
    heading: str
    text: str
    version: int


@dataclass(frozen=True)
class PackageRound:
    """An issued round as the sender recorded it."""

    label: str
    issued_at: str  # ISO 8601 UTC
    issued_by: str
    sections: list[JsonObject]  # as stored: section origin, number, heading, text, version
    terms: JsonObject


@dataclass(frozen=True)
class PackageProposal:
    """A proposal; ``target`` names a section by its origin ("section:<origin>") or a term name."""

    origin: str  # "<library uid>:p<proposal id>"
    party: str  # the proposing party's name
    kind: str
    target: str
    base: str
    base_version: int
    proposed: str
    heading: str
    place: str  # "after:<section origin>", "first" or "end"
    rationale: str
    status: str
    created_at: str
    answers: str | None = None  # the origin of the proposal it answers
    decided_by: str | None = None  # party name
    decided_at: str | None = None
    decision_note: str = ""  # the reason given with the decision (or why an acceptance was not applied)


@dataclass(frozen=True)
class PackageEvent:
    """One entry of the sender's hash-chained negotiation record."""

    id: int
    at: str
    actor: str
    action: str
    subject: str
    payload: str
    parent_hash: str
    content_hash: str
    library: str | None = None  # the library whose record holds it; None: the sender's
    agreement: int | None = None  # the agreement's id in that library; None: the sender's (agreement.sender_id)
    signature: str | None = None  # that library's Ed25519 signature of content_hash (hex); None in format 1


@dataclass(frozen=True)
class PackageKey:
    """A library's public key as a package carries it, with the party that library sends as."""

    public_key: str  # hex
    party: str


@dataclass(frozen=True)
class Package:
    """Everything a package carries about one agreement."""

    sender_library: str  # the sender library's uid
    sender_party: str  # the party the sender acts for
    created_at: str
    agreement: JsonObject  # title, kind, model, status, parent (title or None), parties [{name, role}], terms
    parties: list[PackageParty]
    sections: list[PackageSection]
    rounds: list[PackageRound]
    proposals: list[PackageProposal]
    events: list[PackageEvent]
    format_version: int = PACKAGE_VERSION
    extra: JsonObject = field(default_factory=dict)
    record_head: str = ""  # the sender's record head when the package was made: an anchor of its history
    keys: dict[str, PackageKey] = field(default_factory=dict)  # library uid -> key, the sender's included
