"""Writing and reading a negotiation package: a zip of JSON files with a checksummed manifest.

The format is documented in docs/package-format.md and docs/package.schema.json. A package arrives
from another organisation, so :func:`read_package` treats the file as hostile: every size is checked
before anything is unpacked, entries are unpacked with a capped reader, every part is checked against
its checksum and the schema, and every refusal is an :class:`InvalidInput` naming the file and the
problem. Nothing from the file is ever executed or evaluated.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

from negotiator.domain.errors import InvalidInput
from negotiator.domain.json_data import JsonObject
from negotiator.domain.package import PACKAGE_FORMAT, PACKAGE_VERSION, Package, PackageKey
from negotiator.exchange import package_schema as schema
from negotiator.exchange.limits import (
    MAX_CENTRAL_DIRECTORY_BYTES,
    MAX_ENTRIES,
    MAX_ENTRY_BYTES,
    MAX_FILE_BYTES,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    READ_CHUNK,
)
from negotiator.exchange.package_specs import ENTRIES, PACKAGE_SUFFIX, PARTS, SchemaError  # noqa: F401 - read from here too
from negotiator.exchange.package_specs import MANIFEST_FILE as MANIFEST
from negotiator.exchange.package_writer import write_package  # noqa: F401 - the writer, beside the reader

# What the zip library may raise on a hostile file; each means the file is damaged, never a crash.
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
               struct.error, NotImplementedError, RuntimeError, IndexError, KeyError, OverflowError)
_END_OF_DIRECTORY = b"PK\x05\x06"
_LOCAL_HEADER = b"PK\x03\x04"
_ZIP64_LOCATOR = b"PK\x06\x07"
_DRIVE = re.compile(r"[A-Za-z]:")
_SEND_AGAIN = "Ask the sender to export the package again."


# Reading ------------------------------------------------------------------------------------------


def read_package(path: Path) -> Package:
    """Read and check a package; raise InvalidInput naming the file and the first problem found."""
    try:
        stream = path.open("rb")
    except OSError as error:
        raise InvalidInput(f"Cannot read {path}: {error.strerror or error}.") from None
    with stream:
        return _Reader(path.name, stream).read()


class _Reader:
    """One reading of one package file."""

    def __init__(self, name: str, stream: BinaryIO) -> None:
        self.name = name
        self.stream = stream

    def refuse(self, message: str, field: str | None = None) -> InvalidInput:
        """The error to raise, with the file's name in front of ``message``."""
        return InvalidInput(f"{self.name}{message}", field=field)

    def read(self) -> Package:
        """The whole reading, in the order documented in docs/package-format.md."""
        archive = self._open()
        with archive:
            infos = self._check_entries(archive)
            manifest = self._manifest(archive, infos)
            for name in infos:
                if name not in ENTRIES:
                    raise self.refuse(f" is not a valid negotiation package: it holds an unexpected entry "
                                      f"{name!r}; a package holds only {', '.join(ENTRIES)}. {_SEND_AGAIN}")
            values: dict[str, Any] = {}
            for part in PARTS:
                if part not in infos:
                    raise self.refuse(f" is incomplete: it has no {part}. {_SEND_AGAIN}")
                values[part] = self._part(archive, infos[part], manifest["files"][part])
        return Package(
            sender_library=manifest["sender"]["library"], sender_party=manifest["sender"]["party"],
            record_head=manifest["sender"].get("record_head") or "",
            created_at=manifest["created_at"], agreement=values["agreement.json"], parties=values["parties.json"],
            sections=values["sections.json"], rounds=values["rounds.json"], proposals=values["proposals.json"],
            events=values["events.json"], format_version=manifest["format_version"], extra=manifest["extra"],
            keys={uid: PackageKey(**key) for uid, key in manifest["keys"].items()},
        )

    # The zip itself -------------------------------------------------------------------------------

    def _open(self) -> zipfile.ZipFile:
        """Open the zip after checking its size and its table of contents from the raw bytes."""
        try:
            size = os.fstat(self.stream.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise self.refuse(f" is {size:,} bytes; a negotiation package may be at most 100 MB. Check that you "
                                  "chose the right file.")
            if size == 0:
                raise self.refuse(" is empty: it is not a negotiation package. Choose the .negotiation file the "
                                  "other party sent.")
            head = self.stream.read(4)
            tail_start = max(0, size - 22 - 65535 - 20)  # the end record, its comment, and a zip64 locator
            self.stream.seek(tail_start)
            tail = self.stream.read()
        except OSError as error:
            raise self.refuse(f" cannot be read: {error.strerror or error}.") from None
        found = tail.rfind(_END_OF_DIRECTORY)
        if found < 0 or len(tail) - found < 22:
            if head == _LOCAL_HEADER:
                raise self.refuse(" is damaged: the zip is incomplete (it may have been cut short while copying). "
                                  "Ask the sender to send it again.")
            raise self.refuse(" is not a negotiation package: it is not a zip file. Choose the .negotiation file "
                              "the other party sent.")
        if found >= 20 and tail[found - 20:found - 16] == _ZIP64_LOCATOR:
            raise self.refuse(" is refused: it uses zip64 extensions, which a negotiation package never needs. The "
                              "file may be malicious; do not open it with other tools.")
        count, directory = struct.unpack("<HI", tail[found + 10:found + 16])
        if count > MAX_ENTRIES:
            raise self._too_many(count)
        if directory > MAX_CENTRAL_DIRECTORY_BYTES:
            raise self.refuse(f" is refused: its zip table of contents is {directory:,} bytes, far more than a "
                              "negotiation package needs. The file may be malicious; do not open it with other tools.")
        try:
            return zipfile.ZipFile(self.stream)
        except _ZIP_ERRORS:
            raise self.refuse(" is damaged: the zip is incomplete or corrupt. Ask the sender to send it again.") \
                from None

    def _too_many(self, count: int) -> InvalidInput:
        return self.refuse(f" is not a negotiation package: it holds {count:,} entries, more than the {MAX_ENTRIES} "
                           "a package may have.")

    def _check_entries(self, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
        """Refuse unsafe names, duplicates, encryption, odd compression and zip bombs, before unpacking."""
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise self._too_many(len(infos))
        by_name: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            self._check_name(name)
            if name in by_name:
                raise self.refuse(f" is not a valid negotiation package: the entry {name!r} appears twice. "
                                  f"{_SEND_AGAIN}")
            by_name[name] = info
            if info.flag_bits & 0x1:
                raise self.refuse(f" is refused: the entry {name!r} is encrypted, which a negotiation package never "
                                  f"is. {_SEND_AGAIN}")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self.refuse(f" is refused: the entry {name!r} uses a compression method Negotiator does not "
                                  f"read. {_SEND_AGAIN}")
            if info.file_size > MAX_ENTRY_BYTES:
                raise self.refuse(f" is refused: the entry {name!r} would unpack to {info.file_size:,} bytes, more "
                                  "than the 50 MB a package entry may have. The file may be a zip bomb; do not "
                                  "open it with other tools either.")
            if info.file_size and info.file_size > MAX_RATIO * info.compress_size:
                raise self.refuse(f" is refused: the entry {name!r} is compressed more than {MAX_RATIO} to 1, which "
                                  "a negotiation package never is. The file may be a zip bomb; do not open it with "
                                  "other tools either.")
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise self.refuse(f" is refused: it would unpack to {total:,} bytes, more than the 200 MB a package may "
                              "have. The file may be a zip bomb; do not open it with other tools either.")
        return by_name

    def _check_name(self, name: str) -> None:
        problem = None
        if ".." in name:
            problem = "contains '..', which points outside the package"
        elif name.startswith(("/", "\\")):
            problem = "is an absolute path, which points outside the package"
        elif _DRIVE.match(name):
            problem = "names a drive, which points outside the package"
        elif "\\" in name:
            problem = "contains a backslash, which can point outside the package"
        elif any(ord(c) < 32 for c in name):
            problem = "contains a control character"
        if problem:
            raise self.refuse(f" is refused: the entry name {name[:200]!r} {problem}. The file may be malicious; do "
                              "not unpack it with other tools.")

    def _unpack(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
        """An entry's bytes, never more than its declared (and already checked) size."""
        limit = info.file_size
        chunks: list[bytes] = []
        total = 0
        try:
            with archive.open(info) as entry:
                while True:
                    chunk = entry.read(min(READ_CHUNK, limit + 1 - total))
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > limit:
                        raise self.refuse(f" is damaged: {info.filename} unpacks to more than the size its zip header "
                                          f"declares. {_SEND_AGAIN}")
                    chunks.append(chunk)
        except _ZIP_ERRORS:
            raise self.refuse(f" is damaged: {info.filename} cannot be unpacked (its compressed data is corrupt or "
                              "does not match its zip header). Ask the sender to send the package again.") from None
        return b"".join(chunks)

    # The JSON inside ------------------------------------------------------------------------------

    def _json(self, entry: str, raw: bytes) -> object:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise self.refuse(f": {entry} is not UTF-8 text (bad byte at offset {error.start:,}). The package was "
                              f"damaged or not written by Negotiator. {_SEND_AGAIN}") from None
        try:
            return json.loads(text, parse_constant=_no_constant, object_pairs_hook=_no_duplicates)
        except json.JSONDecodeError as error:
            raise self.refuse(f": {entry} is not valid JSON: {error.msg} at line {error.lineno}, column "
                              f"{error.colno}. The package was damaged or not written by Negotiator. "
                              f"{_SEND_AGAIN}") from None
        except RecursionError:
            raise self.refuse(f": {entry} is nested too deeply to read. The package was damaged or not written by "
                              f"Negotiator. {_SEND_AGAIN}") from None
        except _Refused as error:
            raise self.refuse(f": {entry} is not valid package JSON: {error}. {_SEND_AGAIN}") from None
        except ValueError:  # Python refuses to convert a number of thousands of digits
            raise self.refuse(f": {entry} holds a number too long to read. {_SEND_AGAIN}") from None

    def _manifest(self, archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo]) -> JsonObject:
        if MANIFEST not in infos:
            raise self.refuse(f" is not a negotiation package: it has no {MANIFEST}. Choose the .negotiation file the "
                              "other party sent.")
        data = self._json(MANIFEST, self._unpack(archive, infos[MANIFEST]))
        if not isinstance(data, dict):
            raise self.refuse(f" is not a negotiation package: {MANIFEST} does not hold an object.")
        found = data.get("format")
        if found != PACKAGE_FORMAT:
            shown = repr(found[:40]) if isinstance(found, str) else "missing" if found is None else "not text"
            raise self.refuse(f" is not a negotiation package: its manifest's 'format' is {shown}, not "
                              f"{PACKAGE_FORMAT!r}. Choose the .negotiation file the other party sent.", "format")
        version = data.get("format_version")
        if isinstance(version, int) and not isinstance(version, bool) and version > PACKAGE_VERSION:
            raise self.refuse(f" was written by a newer version of Negotiator (package format {version}); this version "
                              f"reads format {PACKAGE_VERSION}. Update Negotiator to import it.", "format_version")
        try:
            return schema.check_manifest(data, PARTS)
        except SchemaError as error:
            raise self._schema_error(error) from None

    def _part(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, expected: JsonObject) -> object:
        entry = info.filename
        raw = self._unpack(archive, info)
        if len(raw) != expected["bytes"]:
            raise self.refuse(f": {entry} is {len(raw):,} bytes but the manifest says {expected['bytes']:,}; the "
                              f"package was altered or damaged in transit. {_SEND_AGAIN}")
        if hashlib.sha256(raw).hexdigest() != expected["sha256"]:
            raise self.refuse(f": {entry} does not match its checksum in the manifest; the package was altered or "
                              f"damaged in transit. {_SEND_AGAIN}")
        data = self._json(entry, raw)
        del raw
        try:
            return schema.PART_CHECKS[entry](data)
        except SchemaError as error:
            raise self._schema_error(error) from None

    def _schema_error(self, error: SchemaError) -> InvalidInput:
        return self.refuse(f": {error}. The package cannot be imported; {_SEND_AGAIN.lower()}", error.field)




class _Refused(ValueError):
    """JSON that parses but that a package never holds."""


def _no_constant(name: str) -> NoReturn:
    raise _Refused(f"{name} is not a number JSON allows")


def _no_duplicates(pairs: list[tuple[str, object]]) -> JsonObject:
    result: JsonObject = {}
    for key, value in pairs:
        if key in result:
            raise _Refused(f"the key {key[:40]!r} appears twice in one object")
        result[key] = value
    return result
