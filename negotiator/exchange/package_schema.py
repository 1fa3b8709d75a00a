"""The shape of each file in a negotiation package, checked in plain Python.

The specs below are the Python side of docs/package.schema.json (a test keeps the two in step). Each
check returns plain data ready for the domain dataclasses, or raises :class:`SchemaError` naming the
file, the item and the field. Nothing read from a package is ever executed or evaluated.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime

from negotiator.domain.agreements import AgreementKind, AgreementStatus, ContractingModel
from negotiator.domain.package import (
    Package,
    PackageEvent,
    PackageParty,
    PackageProposal,
    PackageRound,
    PackageSection,
)
from negotiator.domain.parties import OrganisationType, Role
from negotiator.domain.proposals import ProposalKind, ProposalStatus
from negotiator.domain.signatures import is_public_key
from negotiator.exchange.limits import MAX_DEPTH, MAX_INTEGER, MAX_ITEMS, MAX_STRING

SHA256 = re.compile(r"[0-9a-f]{64}")


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


def _values(enum: type) -> tuple[str, ...]:
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


# Checking ---------------------------------------------------------------------------------------


def _shown(value: str) -> str:
    """A value from the file, short and with control characters escaped, for a message."""
    return repr(value[:40] + ("…" if len(value) > 40 else ""))


def check_text(value: str, where: str) -> None:
    """Refuse a text that is absurdly long or is not valid Unicode."""
    if len(value) > MAX_STRING:
        raise SchemaError(f"{where} is {len(value):,} characters long; a package allows at most {MAX_STRING:,}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise SchemaError(f"{where} holds an invalid character (a lone UTF-16 surrogate)") from None


def _check_timestamp(value: str, where: str) -> None:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise SchemaError(f"{where} must be a date and time in ISO 8601 form, such as 2025-03-01T09:30:00Z, "
                          f"not {_shown(value)}") from None


def check_free(value: object, where: str, depth: int = 1) -> None:
    """Refuse free-form data (a terms sheet, extra data) that JSON cannot carry or that is absurd."""
    if depth > MAX_DEPTH:
        raise SchemaError(f"{where} is nested too deeply (more than {MAX_DEPTH} levels)")
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if abs(value) > MAX_INTEGER:
            raise SchemaError(f"{where} is a number beyond ±{MAX_INTEGER:,}, the most a package can carry exactly")
    elif isinstance(value, str):
        check_text(value, where)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise SchemaError(f"{where} is not a finite number")
    elif isinstance(value, list):
        if len(value) > MAX_ITEMS:
            raise SchemaError(f"{where} holds {len(value):,} entries; a package allows at most {MAX_ITEMS:,}")
        for index, item in enumerate(value, start=1):
            check_free(item, _deeper(where, f"entry {index}", depth), depth + 1)
    elif isinstance(value, dict):
        if len(value) > MAX_ITEMS:
            raise SchemaError(f"{where} holds {len(value):,} entries; a package allows at most {MAX_ITEMS:,}")
        for key, item in value.items():
            if not isinstance(key, str):
                raise SchemaError(f"{where} has the key {key!r}; keys must be text")
            check_text(key, f"{where}, key {_shown(key)}")
            check_free(item, _deeper(where, _shown(key), depth), depth + 1)
    else:
        raise SchemaError(f"{where} holds a {type(value).__name__}, which a package cannot carry")


def _deeper(where: str, step: str, depth: int) -> str:
    """The location one level down; past a few levels, the path is shortened with an ellipsis."""
    if depth < 4:
        return f"{where} → {step}"
    return where if where.endswith(" → …") else f"{where} → …"


def _describe(field: Field) -> str:
    return {"text": "text", "integer": "a whole number", "list": "a list", "object": "an object",
            "json": "an object"}[field.kind]


def check_field(value: object, field: Field, where: str) -> object:
    """Check one property's value against its field spec and return it."""
    at = f"{where}: '{field.name}'"
    if value is None:
        if field.nullable:
            return None
        raise SchemaError(f"{at} must be {_describe(field)}, not null", field.name)
    if field.kind == "text":
        return _check_text_field(value, field, at)
    if field.kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            raise SchemaError(f"{at} must be a whole number", field.name)
        if not field.minimum <= value <= MAX_INTEGER:
            raise SchemaError(f"{at} must be between {field.minimum} and {MAX_INTEGER:,}, not {value}", field.name)
        return value
    if field.kind == "list":
        if not isinstance(value, list):
            raise SchemaError(f"{at} must be a list", field.name)
        if len(value) > MAX_ITEMS:
            raise SchemaError(f"{at} holds {len(value):,} entries; a package allows at most {MAX_ITEMS:,}",
                              field.name)
        spec = field.items
        assert spec is not None
        return [check_object(item, spec, f"{where}, {spec.label} {index}")
                for index, item in enumerate(value, start=1)]
    if field.kind == "object":
        assert field.items is not None
        return check_object(value, field.items, f"{where}, {field.items.label}")
    if not isinstance(value, dict):
        raise SchemaError(f"{at} must be an object", field.name)
    try:
        check_free(value, at)
    except SchemaError as error:
        raise SchemaError(str(error), field.name) from None
    return value


def _check_text_field(value: object, field: Field, at: str) -> str:
    if not isinstance(value, str):
        raise SchemaError(f"{at} must be text", field.name)
    try:
        check_text(value, at)
    except SchemaError as error:
        raise SchemaError(str(error), field.name) from None
    if field.nonempty and not value:
        raise SchemaError(f"{at} must not be empty", field.name)
    if field.choices and value not in field.choices:
        raise SchemaError(f"{at} must be one of {', '.join(field.choices)}, not {_shown(value)}", field.name)
    if field.sha256 and not SHA256.fullmatch(value):
        raise SchemaError(f"{at} must be a SHA-256 hash (64 hexadecimal digits 0-9, a-f), not {_shown(value)}",
                          field.name)
    if field.timestamp:
        try:
            _check_timestamp(value, at)
        except SchemaError as error:
            raise SchemaError(str(error), field.name) from None
    return value


def check_object(value: object, spec: ObjectSpec, where: str) -> dict:
    """Check an object against its spec; return the checked properties (and, if open, the others)."""
    if not isinstance(value, dict):
        raise SchemaError(f"{where} must be an object with {', '.join(repr(n) for n in spec.required)}")
    known = {f.name for f in spec.fields}
    out: dict = {}
    for key, item in value.items():
        if key in known:
            continue
        if spec.closed:
            raise SchemaError(f"{where}: unexpected field {_shown(key)}; this version of Negotiator does not know it",
                              key)
        check_text(key, f"{where}, key {_shown(key)}")
        check_free(item, f"{where}: {_shown(key)}")
        out[key] = item
    for field in spec.fields:
        if field.name in value:
            out[field.name] = check_field(value[field.name], field, where)
        elif field.required:
            raise SchemaError(f"{where}: '{field.name}' is missing", field.name)
        else:
            out[field.name] = None
    return out


def check_list(data: object, entry: str, spec: ObjectSpec) -> list[dict]:
    """Check a list-shaped part (parties.json, sections.json...) item by item."""
    if not isinstance(data, list):
        raise SchemaError(f"{entry} must hold a list (a JSON array) at the top")
    if len(data) > MAX_ITEMS:
        raise SchemaError(f"{entry} holds {len(data):,} items; a package allows at most {MAX_ITEMS:,}")
    return [check_object(item, spec, f"{entry}, item {index}") for index, item in enumerate(data, start=1)]


# The parts ---------------------------------------------------------------------------------------


def check_sections(data: object) -> list[PackageSection]:
    """sections.json: unique origins, and parents that exist without going round in a circle."""
    items = check_list(data, "sections.json", SECTION)
    number: dict[str, int] = {}
    for index, item in enumerate(items, start=1):
        if item["origin"] in number:
            raise SchemaError(f"sections.json, item {index}: 'origin' {_shown(item['origin'])} is already used by "
                              f"item {number[item['origin']]}", "origin")
        number[item["origin"]] = index
    parent = {item["origin"]: item["parent"] for item in items}
    for index, item in enumerate(items, start=1):
        if item["parent"] is not None and item["parent"] not in parent:
            raise SchemaError(f"sections.json, item {index}: 'parent' {_shown(item['parent'])} is not the origin of "
                              "any section in the package", "parent")
    settled: set[str] = set()
    for origin in parent:
        seen: list[str] = []
        current: str | None = origin
        while current is not None and current not in settled:
            if current in seen:
                raise SchemaError(f"sections.json, item {number[current]}: 'parent' makes the section its own "
                                  "ancestor", "parent")
            seen.append(current)
            current = parent[current]
        settled.update(seen)
    return [PackageSection(**item) for item in items]


def check_parties(data: object) -> list[PackageParty]:
    """parties.json."""
    return [PackageParty(**item) for item in check_list(data, "parties.json", PARTY)]


def check_agreement(data: object) -> dict:
    """agreement.json: one object; keys beyond the known ones are kept as they are."""
    return check_object(data, AGREEMENT, "agreement.json")


def check_rounds(data: object) -> list[PackageRound]:
    """rounds.json: labels are unique, ignoring case."""
    items = check_list(data, "rounds.json", ROUND)
    seen: dict[str, int] = {}
    for index, item in enumerate(items, start=1):
        label = item["label"].casefold()
        if label in seen:
            raise SchemaError(f"rounds.json, item {index}: 'label' {_shown(item['label'])} is already used by item "
                              f"{seen[label]}", "label")
        seen[label] = index
    return [PackageRound(**item) for item in items]


def check_proposals(data: object) -> list[PackageProposal]:
    """proposals.json: origins are unique."""
    items = check_list(data, "proposals.json", PROPOSAL)
    seen: dict[str, int] = {}
    for index, item in enumerate(items, start=1):
        if item["origin"] in seen:
            raise SchemaError(f"proposals.json, item {index}: 'origin' {_shown(item['origin'])} is already used by "
                              f"item {seen[item['origin']]}", "origin")
        seen[item["origin"]] = index
    return [PackageProposal(**item) for item in items]


def check_events(data: object) -> list[PackageEvent]:
    """events.json: each library's events in the order they happened, so their ids strictly increase."""
    items = check_list(data, "events.json", EVENT)
    last: dict[str | None, int] = {}
    for index, item in enumerate(items, start=1):
        before = last.get(item["library"])
        if before is not None and item["id"] <= before:
            raise SchemaError(f"events.json, item {index}: 'id' {item['id']} does not follow {before}; each "
                              "library's events must be listed in the order they happened", "id")
        last[item["library"]] = item["id"]
    return [PackageEvent(**item) for item in items]


def check_manifest(data: object, parts: tuple[str, ...]) -> dict:
    """The rest of manifest.json once its format and version are known to be readable."""
    manifest = check_object(data, MANIFEST, "manifest.json")
    files = manifest["files"]
    for name in files:
        if name not in parts:
            raise SchemaError(f"manifest.json: 'files' lists an unexpected file {_shown(name)}", "files")
    for name in parts:
        if name not in files:
            raise SchemaError(f"manifest.json: 'files' does not list {name}", "files")
        files[name] = check_object(files[name], FILE_ENTRY, f"manifest.json, file {name}")
    if manifest["extra"] is None:
        manifest["extra"] = {}
    keys = manifest["keys"] or {}
    for library, entry in keys.items():
        keys[library] = check_object(entry, LIBRARY_KEY, f"manifest.json, key of library {_shown(library)}")
        if not is_public_key(keys[library]["public_key"]):
            raise SchemaError(f"manifest.json: the key of library {_shown(library)} is not an Ed25519 public key "
                              "(64 hexadecimal digits)", "keys")
    manifest["keys"] = keys
    return manifest


def check_package(package: Package) -> None:
    """Check a package about to be written with the same rules a reader applies."""
    if not isinstance(package.extra, dict):
        raise SchemaError("the manifest's 'extra' must be a dict")
    check_free(package.extra, "manifest.json: 'extra'")
    for name, value in (("sender_library", package.sender_library), ("sender_party", package.sender_party)):
        if not isinstance(value, str) or not value:
            raise SchemaError(f"manifest.json: '{name}' must be non-empty text", name)
    if not isinstance(package.created_at, str):
        raise SchemaError("manifest.json: 'created_at' must be text", "created_at")
    _check_timestamp(package.created_at, "manifest.json: 'created_at'")
