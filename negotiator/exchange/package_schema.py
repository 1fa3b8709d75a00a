"""The shape of each file in a negotiation package, checked in plain Python.

The checks apply the specs of package_specs, the Python side of docs/package.schema.json (a test keeps
the two in step). Each check returns plain data ready for the domain dataclasses, or raises
:class:`SchemaError` naming the file, the item and the field. Nothing read from a package is ever executed or evaluated.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import datetime

from negotiator.domain.json_data import JsonObject
from negotiator.domain.package import (
    Package,
    PackageEvent,
    PackageParty,
    PackageProposal,
    PackageRound,
    PackageSection,
)
from negotiator.domain.signatures import is_public_key
from negotiator.exchange.limits import MAX_DEPTH, MAX_INTEGER, MAX_ITEMS, MAX_STRING
from negotiator.exchange.package_specs import (  # noqa: F401 - the specs are read from here too
    AGREEMENT,
    AGREEMENT_PARTY,
    EVENT,
    FILE_ENTRY,
    LIBRARY_KEY,
    LIST_PARTS,
    MANIFEST,
    PARTY,
    PROPOSAL,
    ROUND,
    ROUND_SECTION,
    SECTION,
    SENDER,
    SPECS,
    Field,
    ObjectSpec,
    SchemaError,
)

SHA256 = re.compile(r"[0-9a-f]{64}")


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


def check_object(value: object, spec: ObjectSpec, where: str) -> JsonObject:
    """Check an object against its spec; return the checked properties (and, if open, the others)."""
    if not isinstance(value, dict):
        raise SchemaError(f"{where} must be an object with {', '.join(repr(n) for n in spec.required)}")
    known = {f.name for f in spec.fields}
    out: JsonObject = {}
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


def check_list(data: object, entry: str, spec: ObjectSpec) -> list[JsonObject]:
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


def check_agreement(data: object) -> JsonObject:
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


def check_manifest(data: object, parts: tuple[str, ...]) -> JsonObject:
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


# Each part's check, by file name.
PART_CHECKS: dict[str, Callable[[object], object]] = {
    "parties.json": check_parties, "agreement.json": check_agreement,
    "sections.json": check_sections, "rounds.json": check_rounds,
    "proposals.json": check_proposals, "events.json": check_events,
}
