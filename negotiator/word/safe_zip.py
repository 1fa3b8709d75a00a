"""A .docx read as a hostile file: the zip is checked before anything is inflated (size on disk,
number of entries, total unpacked size, compression ratio, entry names, encryption, compression
method); each part is then read through a reader capped at its declared size and parsed with
entities unresolved, no DTD and no network, a DOCTYPE being refused outright. Every refusal is an
:class:`InvalidInput` whose message names the file and says what is wrong.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from negotiator.domain.errors import InvalidInput
from negotiator.word.ooxml import parse_part

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed, for an entry of more than RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
MAX_NAME_LENGTH = 1_024

class SafeDocx:
    """The zip, checked before anything is inflated, and its parts read and parsed safely."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.label = path.name or str(path)
        self.zip: zipfile.ZipFile | None = None
        self.entries: dict[str, zipfile.ZipInfo] = {}  # by lower-case name: OPC part names ignore case
        try:
            size = path.stat().st_size
        except OSError as error:
            raise self._refuse(f"{self.label} could not be read: {error.strerror or error}.") from None
        if not path.is_file():
            raise self._refuse(f"{self.label} could not be read: it is not a file.")
        if size > MAX_FILE_BYTES:
            raise self._refuse(f"{self.label} was refused: it is larger than {_megabytes(MAX_FILE_BYTES)} "
                               f"({_megabytes(size)}), far more than a contract in Word takes.")
        try:
            with path.open("rb") as handle:
                head = handle.read(4)
                declared = _declared_entries(handle, size)
        except OSError as error:
            raise self._refuse(f"{self.label} could not be read: {error.strerror or error}.") from None
        if declared is not None and declared > MAX_ENTRIES:
            raise self._too_many(declared)
        try:
            self.zip = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            if head == b"PK\x03\x04":
                raise self._refuse(f"{self.label} is not a Word document it can read: it is a damaged or incomplete "
                                   "zip file (cut short in a download or a copy?).") from None
            raise self._refuse(f"{self.label} is not a Word document: it is not a zip file.") from None
        except Exception as error:  # noqa: BLE001 - whatever a hostile central directory makes zipfile raise
            raise self._refuse(f"{self.label} is not a Word document it can read: it is a damaged zip file "
                               f"({_plain(error)}).") from None
        self._check_entries()

    def close(self) -> None:
        """Close the zip."""
        if self.zip is not None:
            self.zip.close()

    def _refuse(self, message: str) -> InvalidInput:
        self.close()
        return InvalidInput(message)

    def _too_many(self, count: int) -> InvalidInput:
        return self._refuse(f"{self.label} was refused: it holds {count:,} files, and a Word document holds far "
                            f"fewer (at most {MAX_ENTRIES:,} are accepted).")

    def _check_entries(self) -> None:
        """Everything the central directory declares: count, names, sizes, ratios, encryption, method."""
        assert self.zip is not None
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise self._too_many(len(infos))
        total = 0
        for info in infos:
            name = info.filename
            if _unsafe_name(name):
                raise self._refuse(f"{self.label} was refused: it holds a file named {name[:80]!r}, a name that "
                                   "points outside the document (this is how path traversal attacks work).")
            key = name.lower()
            if key in self.entries:
                raise self._refuse(f"{self.label} was refused: it holds two files named {name[:80]!r}, so it is "
                                   "unclear which one Word would read.")
            self.entries[key] = info
            if info.is_dir():
                continue
            if info.flag_bits & 0x1:
                raise self._refuse(f"{self.label} cannot be read: it is protected with a password. Ask for a copy "
                                   "without one, or remove it in Word (File > Info > Protect Document).")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self._refuse(f"{self.label} was refused: its part {name[:80]} is packed with a compression "
                                   "method Word never uses.")
            total += info.file_size
            if total > MAX_UNPACKED_BYTES:
                raise self._refuse(f"{self.label} was refused: it would unpack to more than "
                                   f"{_megabytes(MAX_UNPACKED_BYTES)}, far more than a contract in Word takes "
                                   "(this is how zip bombs work).")
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise self._refuse(f"{self.label} was refused: its part {name[:80]} would unpack to "
                                   f"{info.file_size // max(info.compress_size, 1):,} times its packed size, which "
                                   "no Word document does (this is how zip bombs work).")

    def has(self, name: str) -> bool:
        """Whether the package holds the part ``name`` (case ignored)."""
        return name.lower() in self.entries

    def data(self, name: str) -> bytes:
        """The bytes of part ``name``, read through a reader capped at its declared size."""
        assert self.zip is not None
        info = self.entries[name.lower()]
        limit = info.file_size
        chunks: list[bytes] = []
        total = 0
        try:
            with self.zip.open(info) as stream:
                while True:
                    chunk = stream.read(min(1 << 20, limit - total + 1))
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > limit:
                        raise self._refuse(f"{self.label} was refused: its part {info.filename} unpacks to more "
                                           "than its header says (this is how zip bombs work).")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
            raise self._refuse(f"{self.label} is damaged: its part {info.filename} cannot be unpacked "
                               f"({_plain(error)}).") from None
        except (RuntimeError, NotImplementedError) as error:  # encryption or a method zipfile lacks
            raise self._refuse(f"{self.label} cannot be read: its part {info.filename} is protected or packed "
                               f"in a way Word documents are not ({_plain(error)}).") from None
        if total != limit:
            raise self._refuse(f"{self.label} is damaged: its part {info.filename} is shorter than its header "
                               "says.")
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element:
        """Part ``name`` parsed safely; a DOCTYPE (so any entity) or malformed XML is refused."""
        info = self.entries[name.lower()]
        data = self.data(name)
        if _declares_dtd(data):
            raise self._dtd(info.filename)
        try:
            root = parse_part(data)
        except etree.XMLSyntaxError as error:
            line = f" (line {error.lineno})" if error.lineno else ""
            raise self._refuse(f"{self.label} is damaged: its part {info.filename} is not well-formed XML{line}, "
                               "so Word would not open it either.") from None
        except ValueError as error:
            raise self._refuse(f"{self.label} is damaged: its part {info.filename} cannot be read as XML "
                               f"({_plain(error)}).") from None
        docinfo = root.getroottree().docinfo
        if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
            raise self._dtd(info.filename)
        return root

    def _dtd(self, name: str) -> InvalidInput:
        return self._refuse(f"{self.label} was refused: its part {name} declares a DTD, which Word documents "
                            "never do (this is how XML entity attacks work).")

    def optional_xml(self, name: str | None) -> etree._Element | None:
        """Part ``name`` parsed, or None when it is absent."""
        return self.xml(name) if name is not None and self.has(name) else None


def _declared_entries(handle: BinaryIO, size: int) -> int | None:
    """The entry count the zip's end record declares (Zip64 included), read before zipfile builds its list."""
    tail_length = min(size, 22 + 0xFFFF)
    handle.seek(size - tail_length)
    tail = handle.read(tail_length)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    entries = int.from_bytes(tail[at + 10:at + 12], "little")
    if entries == 0xFFFF and at >= 20 and tail[at - 20:at - 16] == b"PK\x06\x07":
        offset = int.from_bytes(tail[at - 12:at - 4], "little")
        if offset < size:
            handle.seek(offset)
            record = handle.read(56)
            if record[:4] == b"PK\x06\x06" and len(record) == 56:
                entries = int.from_bytes(record[32:40], "little")
    return entries


def _unsafe_name(name: str) -> bool:
    return (not name or len(name) > MAX_NAME_LENGTH or name.startswith("/") or "\\" in name or "\x00" in name
            or re.match(r"^[A-Za-z]:", name) is not None or ".." in name.split("/"))


def _declares_dtd(data: bytes) -> bool:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16", errors="replace")
        return "<!DOCTYPE" in text or "<!ENTITY" in text
    return b"<!DOCTYPE" in data or b"<!ENTITY" in data


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def _plain(error: BaseException) -> str:
    return str(error) or type(error).__name__
