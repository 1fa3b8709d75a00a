"""Writing a negotiation package: the parts checked with the reader's own rules, then a zip written
to a temporary file beside the target and renamed over it, so a crash never leaves half a package.
The format is documented in docs/package-format.md."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

from negotiator.domain.errors import InvalidInput
from negotiator.domain.json_data import JsonObject
from negotiator.domain.package import PACKAGE_FORMAT, PACKAGE_VERSION, Package
from negotiator.exchange import package_schema as schema
from negotiator.exchange.limits import MAX_ENTRY_BYTES, MAX_FILE_BYTES, MAX_TOTAL_BYTES
from negotiator.exchange.package_specs import MANIFEST_FILE, SchemaError
from negotiator.safe_files import write_safely

_OPTIONAL_EVENT_FIELDS = ("library", "agreement")
_STORE_ABOVE_RATIO = 50  # entries that compress better than this are stored, so no reader mistakes them for bombs


# Writing ------------------------------------------------------------------------------------------


def write_package(package: Package, path: Path) -> None:
    """Write ``package`` to ``path`` as a zip of JSON files with a checksummed manifest.

    The package is checked with the rules a reader applies, so what is written can be read. It is
    written to a temporary file beside ``path`` and renamed over it, so a crash never leaves half a
    package. ``package.format_version`` is ignored: the current format is always written.
    """
    parts = _serialise(package, path.name)
    manifest = {
        "format": PACKAGE_FORMAT,
        "format_version": PACKAGE_VERSION,
        "created_at": package.created_at,
        "sender": {"library": package.sender_library, "party": package.sender_party,
                   **({"record_head": package.record_head} if package.record_head else {})},
        "files": {name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
                  for name, data in parts.items()},
        "extra": package.extra,
        "keys": {uid: {"public_key": key.public_key, "party": key.party} for uid, key in package.keys.items()},
    }
    entries = {MANIFEST_FILE: _dump(manifest), **parts}
    moment = _zip_time(package.created_at)
    stream = io.BytesIO()  # at most 100 MB, checked before anything is written to the disk
    with zipfile.ZipFile(stream, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, moment)
            info.compress_type = _compression(data)
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=LEVEL)
    if stream.tell() > MAX_FILE_BYTES:
        raise InvalidInput(f"Cannot write {path.name}: the package would be {stream.tell():,} bytes; a package may "
                           "be at most 100 MB.")
    write_safely(path, stream.getvalue())


def _serialise(package: Package, name: str) -> dict[str, bytes]:
    """Each part as UTF-8 JSON, after checking it with the reader's rules."""
    data: JsonObject = {
        # Shallow copies: JSON only reads them, and dataclasses.asdict deep-copies every value.
        "parties.json": [dict(vars(p)) for p in package.parties],
        "agreement.json": package.agreement,
        "sections.json": [dict(vars(s)) for s in package.sections],
        "rounds.json": [dict(vars(r)) for r in package.rounds],
        "proposals.json": [dict(vars(p)) for p in package.proposals],
        # An event of the sender's own record leaves out its library and agreement: the manifest's say.
        "events.json": [{k: v for k, v in vars(e).items() if v is not None or k not in _OPTIONAL_EVENT_FIELDS}
                        for e in package.events],
    }
    try:
        schema.check_package(package)
        for part, value in data.items():
            schema.PART_CHECKS[part](value)
    except SchemaError as error:
        raise InvalidInput(f"Cannot write {name}: {error}.", field=error.field) from None
    parts = {part: _dump(value) for part, value in data.items()}
    total = 0
    for part, raw in parts.items():
        total += len(raw)
        if len(raw) > MAX_ENTRY_BYTES:
            raise InvalidInput(f"Cannot write {name}: {part} would be {len(raw):,} bytes; a package part may be at "
                               "most 50 MB.")
    if total > MAX_TOTAL_BYTES:
        raise InvalidInput(f"Cannot write {name}: the package would unpack to {total:,} bytes; at most 200 MB.")
    return parts


# Fast deflate: a package of a thousand proposals is written in a blink, at a little more size; the
# ratio is checked at the level it is written with, so what the reader measures is what was checked.
LEVEL = 1


def _dump(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
            + "\n").encode("utf-8")


def _compression(data: bytes) -> int:
    if data and len(data) > _STORE_ABOVE_RATIO * len(zlib.compress(data, LEVEL)):
        return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


def _zip_time(created_at: str) -> tuple[int, int, int, int, int, int]:
    """The package's creation time as the zip's (local, second-precision) entry time."""
    moment = datetime.fromisoformat(created_at)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    if not 1980 <= moment.year <= 2107:
        return (1980, 1, 1, 0, 0, 0)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)

