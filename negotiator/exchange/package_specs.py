"""The shape of each file in a negotiation package, as data: the fields of every object and what each
may hold. They are the Python side of docs/package.schema.json (a test keeps the two in step); the
checks that apply them are in package_schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from negotiator.domain.agreements import AgreementKind, AgreementStatus, ContractingModel
from negotiator.domain.parties import OrganisationType, Role
from negotiator.domain.proposals import ProposalKind, ProposalStatus

PACKAGE_SUFFIX = ".negotiation"
MANIFEST_FILE = "manifest.json"
PARTS: tuple[str, ...] = (
    "parties.json", "agreement.json", "sections.json", "rounds.json", "proposals.json", "events.json",
)
ENTRIES: tuple[str, ...] = (MANIFEST_FILE, *PARTS)


class SchemaError(Exception):
    """A part of a package does not follow the schema; ``str()`` says where and what."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Field:
    """One property of an object in the schema."""

    name: str
    kind: str  # "text", "integer", "list" (of ``items`` objects), "object" (``items`` spec) or "json" (free object)
    required: bool = True
    nullable: bool = False
    nonempty: bool = False
    choices: tuple[str, ...] = ()
    timestamp: bool = False
    sha256: bool = False
    minimum: int = 0
    items: ObjectSpec | None = None


@dataclass(frozen=True)
class ObjectSpec:
    """An object in the schema: ``name`` is its $defs entry, ``label`` how an item is named in messages."""

    name: str
    label: str
    fields: tuple[Field, ...]
    closed: bool = True  # whether properties other than ``fields`` are refused

    @property
    def required(self) -> tuple[str, ...]:
        """The names of the required properties."""
        return tuple(f.name for f in self.fields if f.required)


def _values(enum: type[Enum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


PARTY = ObjectSpec("party", "item", (
    Field("name", "text", nonempty=True),
    Field("short_name", "text"),
    Field("type", "text", choices=_values(OrganisationType)),
))

AGREEMENT_PARTY = ObjectSpec("agreementParty", "party", (
    Field("name", "text", nonempty=True),
    Field("role", "text", choices=_values(Role)),
), closed=False)

AGREEMENT = ObjectSpec("agreement", "agreement", (
    Field("title", "text", nonempty=True),
    Field("kind", "text", choices=_values(AgreementKind)),
    Field("model", "text", choices=_values(ContractingModel)),
    Field("status", "text", choices=_values(AgreementStatus)),
    Field("parent", "text", nullable=True),
    Field("parties", "list", items=AGREEMENT_PARTY),
    Field("terms", "json"),
), closed=False)

SECTION = ObjectSpec("section", "item", (
    Field("origin", "text", nonempty=True),
    Field("parent", "text", nullable=True, nonempty=True),
    Field("position", "integer"),
    Field("heading", "text"),
    Field("text", "text"),
    Field("version", "integer"),
))

ROUND_SECTION = ObjectSpec("roundSection", "section", (
    Field("origin", "text", nonempty=True),
    Field("number", "text"),
    Field("heading", "text"),
    Field("text", "text"),
    Field("version", "integer"),
), closed=False)

ROUND = ObjectSpec("round", "item", (
    Field("label", "text", nonempty=True),
    Field("issued_at", "text", timestamp=True),
    Field("issued_by", "text"),
    Field("sections", "list", items=ROUND_SECTION),
    Field("terms", "json"),
))

PROPOSAL = ObjectSpec("proposal", "item", (
    Field("origin", "text", nonempty=True),
    Field("party", "text", nonempty=True),
    Field("kind", "text", choices=_values(ProposalKind)),
    Field("target", "text", nonempty=True),
    Field("base", "text"),
    Field("base_version", "integer"),
    Field("proposed", "text"),
    Field("heading", "text"),
    Field("place", "text"),
    Field("rationale", "text"),
    Field("status", "text", choices=_values(ProposalStatus)),
    Field("created_at", "text", timestamp=True),
    Field("answers", "text", required=False, nullable=True, nonempty=True),
    Field("decided_by", "text", required=False, nullable=True),
    Field("decided_at", "text", required=False, nullable=True, timestamp=True),
    Field("decision_note", "text", required=False),
))

EVENT = ObjectSpec("event", "item", (
    Field("id", "integer", minimum=1),
    Field("at", "text", timestamp=True),
    Field("actor", "text"),
    Field("action", "text", nonempty=True),
    Field("subject", "text"),
    Field("payload", "text"),
    Field("parent_hash", "text", sha256=True),
    Field("content_hash", "text", sha256=True),
    # Format 2: the library whose record holds the event (the sender's when absent), the agreement's id
    # in that library (the sender's when absent) and that library's signature of content_hash.
    Field("library", "text", required=False, nonempty=True),
    Field("agreement", "integer", required=False, nullable=True, minimum=1),
    Field("signature", "text", required=False, nullable=True),
))

LIBRARY_KEY = ObjectSpec("libraryKey", "library", (
    Field("public_key", "text", nonempty=True),  # 64 hexadecimal digits: a raw Ed25519 public key
    Field("party", "text", nonempty=True),
))

SENDER = ObjectSpec("sender", "sender", (
    Field("library", "text", nonempty=True),
    Field("party", "text", nonempty=True),
    # The hash of the last event of the sender's record when the package was made: `negotiator verify
    # --against` checks that the sender's record still holds it. Packages of older versions have none.
    Field("record_head", "text", required=False, sha256=True),
))

FILE_ENTRY = ObjectSpec("fileEntry", "file", (
    Field("sha256", "text", sha256=True),
    Field("bytes", "integer"),
))

MANIFEST = ObjectSpec("manifest", "manifest", (
    Field("format", "text", nonempty=True),
    Field("format_version", "integer", minimum=1),
    Field("created_at", "text", timestamp=True),
    Field("sender", "object", items=SENDER),
    Field("files", "json"),  # {file name: fileEntry}, checked by check_manifest
    Field("extra", "json", required=False),
    Field("keys", "json", required=False),  # format 2: {library uid: libraryKey}, checked by check_manifest
))

# The $defs entry (and the item spec) for each list-shaped part.
LIST_PARTS: dict[str, ObjectSpec] = {
    "parties.json": PARTY,
    "sections.json": SECTION,
    "rounds.json": ROUND,
    "proposals.json": PROPOSAL,
    "events.json": EVENT,
}
SPECS: tuple[ObjectSpec, ...] = (PARTY, AGREEMENT_PARTY, AGREEMENT, SECTION, ROUND_SECTION, ROUND, PROPOSAL, EVENT,
                                 SENDER, FILE_ENTRY, MANIFEST, LIBRARY_KEY)
