"""A corpus of hostile and broken negotiation packages, each with the words its refusal must contain.

Every case starts from a good package written by ``write_package`` and breaks one thing, so the
refusal it gets is the one the case is about and not an earlier one.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import struct
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from negotiator.domain.package import Package
from negotiator.exchange.package_file import write_package

BOMB_BYTES = 300 * 1024 * 1024  # zeros in the zip bomb; they pack into about 300 KB
_CHUNK = bytes(1024 * 1024)


@dataclass(frozen=True)
class Hostile:
    """A broken package and the words the refusal must contain."""

    name: str
    path: Path
    words: tuple[str, ...]


def entries_of(path: Path) -> dict[str, bytes]:
    """The entries of a (good) package, in order."""
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def dump(value: object) -> bytes:
    """JSON as write_package writes it."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def reseal(entries: dict[str, bytes]) -> dict[str, bytes]:
    """Recompute the manifest's checksums for the parts it lists, as a careful forger would."""
    manifest = json.loads(entries["manifest.json"])
    for name in manifest["files"]:
        if name in entries:
            manifest["files"][name] = {"sha256": hashlib.sha256(entries[name]).hexdigest(),
                                       "bytes": len(entries[name])}
    return {**entries, "manifest.json": dump(manifest)}


def zip_bytes(entries: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> bytes:
    """A zip of ``entries``; stored by default, so no entry looks like a bomb."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name, (2025, 3, 1, 9, 30, 0)), data)
    return buffer.getvalue()


def _with_bomb(entries: dict[str, bytes], name: str) -> bytes:
    """``entries`` with ``name`` replaced by 300 MB of zeros, deflated, streamed so memory stays small."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for entry, data in entries.items():
            if entry != name:
                archive.writestr(zipfile.ZipInfo(entry, (2025, 3, 1, 9, 30, 0)), data)
                continue
            with archive.open(entry, "w") as stream:  # a name, so the archive's compression applies
                for _ in range(BOMB_BYTES // len(_CHUNK)):
                    stream.write(_CHUNK)
    return buffer.getvalue()


def _patch_central(data: bytes, name: str, central_offset: int, local_offset: int, fmt: str, value: int) -> bytes:
    """Overwrite one field of ``name``'s central directory header and local header."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    struct.pack_into(fmt, patched, info.header_offset + local_offset, value)
    position = patched.find(b"PK\x01\x02")
    while position >= 0:
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", patched, position + 28)
        if patched[position + 46:position + 46 + name_length] == name.encode():
            struct.pack_into(fmt, patched, position + central_offset, value)
            return bytes(patched)
        position = patched.find(b"PK\x01\x02", position + 46 + name_length + extra_length + comment_length)
    raise AssertionError(f"{name} is not in the zip")


def lie_about_size(data: bytes, name: str, size: int) -> bytes:
    """Make the headers of ``name`` declare ``size`` unpacked bytes, whatever the entry holds."""
    return _patch_central(data, name, 24, 22, "<I", size)


def _encrypted(entries: dict[str, bytes]) -> bytes:
    """A package whose events.json claims to be encrypted."""
    return _patch_central(zip_bytes(entries), "events.json", 8, 6, "<H", 0x1)


def _total_bomb(entries: dict[str, bytes]) -> bytes:
    """Five entries each declaring 45 MB (under the entry limit, believable ratio): 225 MB in all."""
    noise = random.Random(3)
    parts = {name: noise.randbytes(500_000) for name in list(entries)[1:6]}
    data = zip_bytes({"manifest.json": entries["manifest.json"], **parts})
    for name in parts:
        data = lie_about_size(data, name, 45 * 1024 * 1024)
    return data


def _duplicate(entries: dict[str, bytes], name: str) -> bytes:
    """A zip holding ``name`` twice."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buffer, "w") as archive:
            for entry, data in [*entries.items(), (name, entries[name])]:
                archive.writestr(zipfile.ZipInfo(entry, (2025, 3, 1, 9, 30, 0)), data)
    return buffer.getvalue()


def _manifest_change(entries: dict[str, bytes], **changes: object) -> dict[str, bytes]:
    manifest = json.loads(entries["manifest.json"])
    manifest.update(changes)
    return {**entries, "manifest.json": dump(manifest)}


def _part_change(entries: dict[str, bytes], part: str, change: Callable[[object], object]) -> dict[str, bytes]:
    data = json.loads(entries[part])
    change(data)  # changes data in place
    return reseal({**entries, part: dump(data)})


def _set(index: int, key: str, value: object) -> Callable[[object], None]:
    """A change setting ``key`` of item ``index`` (0-based) of a list part."""
    def change(data: object) -> None:
        data[index][key] = value  # type: ignore[index]
    return change


def _set_key(key: str, value: object) -> Callable[[object], None]:
    """A change setting ``key`` of an object part."""
    def change(data: object) -> None:
        data[key] = value  # type: ignore[index]
    return change


class Source:
    """The good package every case starts from, and the (slow to build) bomb, built once."""

    def __init__(self, path: Path) -> None:
        self.raw = path.read_bytes()
        self.good = entries_of(path)
        self._bombed: bytes | None = None

    def bombed(self) -> bytes:
        """The good package with events.json replaced by 300 MB of zeros."""
        if self._bombed is None:
            self._bombed = _with_bomb(self.good, "events.json")
        return self._bombed


def _resealed(source: Source, part: str, data: bytes) -> bytes:
    """The good package with ``part`` replaced by ``data`` and the manifest updated to match."""
    return zip_bytes(reseal({**source.good, part: data}))


def _edited(source: Source, part: str, old: bytes, new: bytes) -> bytes:
    """The good package with ``old`` replaced by ``new`` in ``part``, the manifest updated to match."""
    assert old in source.good[part]
    return _resealed(source, part, source.good[part].replace(old, new))


def _long_text() -> str:
    noise = random.Random(7)
    return "".join(noise.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(2_000_000))


def _deep() -> object:
    deep: object = "bottom"
    for _ in range(40):
        deep = {"level": deep}
    return deep


def _many() -> bytes:
    return b"[" + b",".join([b"{}"] * 100_001) + b"]"


@dataclass(frozen=True)
class Case:
    """How to build one hostile package from the good one, and the words its refusal must contain."""

    name: str
    build: Callable[[Source], bytes]
    words: tuple[str, ...]


CASES: tuple[Case, ...] = tuple(Case(name, build, words) for name, build, words in [
    ("zip-bomb", lambda s: s.bombed(), ("zip bomb", "'events.json'", "314,572,800 bytes", "50 MB")),
    ("lying-header", lambda s: lie_about_size(s.bombed(), "events.json", 1_000_000),
     ("damaged", "events.json", "cannot be unpacked")),
    ("ratio-bomb", lambda s: lie_about_size(s.bombed(), "events.json", 40 * 1024 * 1024), ("zip bomb", "100 to 1")),
    ("total-too-large", lambda s: _total_bomb(s.good), ("200 MB", "zip bomb")),
    ("dot-dot", lambda s: zip_bytes({**s.good, "../evil.json": b"{}"}), ("'../evil.json'", "outside the package")),
    ("absolute", lambda s: zip_bytes({**s.good, "/etc/cron.d/evil": b"{}"}), ("absolute path", "outside the package")),
    ("backslash-absolute", lambda s: zip_bytes({**s.good, "\\evil.json": b"{}"}), ("absolute path",)),
    ("drive-letter", lambda s: zip_bytes({**s.good, "C:/evil.json": b"{}"}), ("names a drive",)),
    ("backslash", lambda s: zip_bytes({**s.good, "sub\\evil.json": b"{}"}), ("backslash",)),
    ("truncated", lambda s: s.raw[: len(s.raw) // 2], ("damaged", "incomplete")),
    ("random-bytes", lambda s: random.Random(7).randbytes(4096), ("not a negotiation package", "not a zip file")),
    ("empty", lambda s: b"", ("empty", "not a negotiation package")),
    ("malformed-json", lambda s: _resealed(s, "proposals.json", b'[{"origin": "x",\n  "status": open}]'),
     ("proposals.json", "not valid JSON", "line 2", "column")),
    ("tampered", lambda s: zip_bytes({**s.good, "events.json": s.good["events.json"].replace(b"accept", b"reject", 1)}),
     ("events.json does not match its checksum in the manifest", "altered or damaged in transit")),
    ("byte-count", lambda s: zip_bytes({**s.good, "events.json": s.good["events.json"] + b" "}),
     ("events.json", "bytes but the manifest says", "altered")),
    ("missing-part", lambda s: zip_bytes({k: v for k, v in s.good.items() if k != "rounds.json"}),
     ("incomplete", "no rounds.json")),
    ("missing-manifest", lambda s: zip_bytes({k: v for k, v in s.good.items() if k != "manifest.json"}),
     ("not a negotiation package", "no manifest.json")),
    ("unexpected-entry", lambda s: zip_bytes({**s.good, "notes.txt": b"hello"}), ("unexpected entry", "'notes.txt'")),
    ("duplicate-entry", lambda s: _duplicate(s.good, "events.json"), ("'events.json' appears twice",)),
    ("hundred-entries", lambda s: zip_bytes({**s.good, **{f"extra-{n}.json": b"{}" for n in range(93)}}),
     ("100 entries", "64")),
    ("newer-version", lambda s: zip_bytes(_manifest_change(s.good, format_version=3)),
     ("was written by a newer version of Negotiator (package format 3); this version reads format 2. "
      "Update Negotiator to import it.",)),
    ("wrong-format", lambda s: zip_bytes(_manifest_change(s.good, format="some-other-tool")),
     ("not a negotiation package", "'some-other-tool'", "negotiator-package")),
    ("unknown-status", lambda s: zip_bytes(_part_change(s.good, "proposals.json", _set(2, "status", "pending"))),
     ("proposals.json, item 3: 'status' must be one of open, accepted, rejected, withdrawn, superseded",)),
    ("huge-string", lambda s: zip_bytes(_part_change(s.good, "sections.json", _set(1, "text", _long_text()))),
     ("sections.json, item 2: 'text'", "2,000,000 characters", "1,000,000")),
    ("too-many-proposals", lambda s: zip_bytes(reseal({**s.good, "proposals.json": _many()})),
     ("proposals.json holds 100,001 items", "100,000")),
    ("missing-field", lambda s: zip_bytes(_part_change(s.good, "events.json", lambda d: d[0].pop("content_hash"))),
     ("events.json, item 1: 'content_hash' is missing",)),
    ("wrong-type", lambda s: zip_bytes(_part_change(s.good, "sections.json", _set(0, "position", "first"))),
     ("sections.json, item 1: 'position' must be a whole number",)),
    ("boolean-as-number", lambda s: zip_bytes(_part_change(s.good, "events.json", _set(0, "id", True))),
     ("events.json, item 1: 'id' must be a whole number",)),
    ("unknown-field", lambda s: zip_bytes(_part_change(s.good, "parties.json", _set(0, "__class__", "os.system"))),
     ("parties.json, item 1: unexpected field '__class__'",)),
    ("bad-hash", lambda s: zip_bytes(_part_change(s.good, "events.json", _set(3, "parent_hash", "not-a-hash"))),
     ("events.json, item 4: 'parent_hash' must be a SHA-256 hash",)),
    ("bad-time", lambda s: zip_bytes(_part_change(s.good, "rounds.json", _set(0, "issued_at", "last Tuesday"))),
     ("rounds.json, item 1: 'issued_at' must be a date and time",)),
    ("nested-round-section", lambda s: zip_bytes(_part_change(
        s.good, "rounds.json", lambda d: d[1]["sections"][0].__setitem__("version", -1))),
     ("rounds.json, item 2, section 1: 'version' must be between 0",)),
    ("agreement-role", lambda s: zip_bytes(_part_change(
        s.good, "agreement.json", lambda d: d["parties"][1].__setitem__("role", "emperor"))),
     ("agreement.json, party 2: 'role' must be one of commissioner",)),
    ("deep-terms", lambda s: zip_bytes(_part_change(s.good, "agreement.json", _set_key("terms", _deep()))),
     ("agreement.json: 'terms'", "nested too deeply")),
    ("deep-json", lambda s: zip_bytes(reseal({**s.good, "agreement.json": b"[" * 200_000 + b"]" * 200_000})),
     ("agreement.json", "nested too deeply")),
    ("nan", lambda s: _edited(s, "agreement.json", b'"days": 30', b'"days": NaN'), ("agreement.json", "NaN")),
    ("huge-number", lambda s: zip_bytes(reseal({**s.good, "agreement.json": s.good["agreement.json"].replace(
        b'"days": 30', b'"days": ' + b"9" * 5000)})), ("agreement.json", "number too long")),
    ("duplicate-key", lambda s: zip_bytes(reseal({**s.good, "parties.json": b'[{"name": "A", "name": "B"}]'})),
     ("parties.json", "'name' appears twice")),
    ("lone-surrogate", lambda s: zip_bytes(reseal({**s.good, "sections.json": s.good["sections.json"].replace(
        b'"heading": "Definitions"', b'"heading": "\\ud800"')})), ("sections.json, item 1: 'heading'", "invalid")),
    ("not-utf8", lambda s: _resealed(s, "parties.json", b'[{"name": "\xff"}]'), ("parties.json", "UTF-8")),
    ("section-cycle", lambda s: zip_bytes(_part_change(s.good, "sections.json", _set(0, "parent", "lib-1:s3"))),
     ("sections.json", "its own ancestor")),
    ("dangling-parent", lambda s: zip_bytes(_part_change(s.good, "sections.json", _set(0, "parent", "lib-9:s9"))),
     ("sections.json, item 1: 'parent'", "not the origin of any section")),
    ("duplicate-origin", lambda s: zip_bytes(_part_change(s.good, "proposals.json", _set(1, "origin", "lib-1:p1"))),
     ("proposals.json, item 2: 'origin'", "already used by item 1")),
    ("events-out-of-order", lambda s: zip_bytes(_part_change(s.good, "events.json", lambda d: d.reverse())),
     ("events.json, item 2: 'id'", "order they happened")),
    ("manifest-extra-file", lambda s: zip_bytes(_manifest_change(s.good, files={
        **json.loads(s.good["manifest.json"])["files"], "macro.js": {"sha256": "0" * 64, "bytes": 0}})),
     ("manifest.json: 'files' lists an unexpected file 'macro.js'",)),
    ("manifest-not-object", lambda s: zip_bytes({**s.good, "manifest.json": b"[]"}), ("not a negotiation package",)),
    ("encrypted-flag", lambda s: _encrypted(s.good), ("encrypted",)),
]) + (Case("oversized", lambda s: b"", ("100 MB", "105,906,176 bytes")),)


def write_case(case: Case, source: Source, path: Path) -> Path:
    """Write one case to ``path``."""
    if case.name == "oversized":
        with path.open("wb") as stream:
            stream.truncate(101 * 1024 * 1024)  # sparse: costs no disk
    else:
        path.write_bytes(case.build(source))
    return path


def build_corpus(directory: Path, package: Package) -> list[Hostile]:
    """Write every hostile case into ``directory`` and return them."""
    good_path = directory / "good.negotiation"
    write_package(package, good_path)
    source = Source(good_path)
    return [Hostile(case.name, write_case(case, source, directory / f"{case.name}.negotiation"), case.words)
            for case in CASES]
