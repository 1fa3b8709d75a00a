"""Hostile .docx files for the importer's tests: each function writes one into a directory and returns
its path. Most start from a minimal, valid Word package built here by hand (content types, package
relationships, a one-paragraph body) and break one thing; the truncated file cuts a real export in half.

The zip bombs are built without ever holding the inflated data: the deflate stream of 300 MB of zeros
is made once, chunk by chunk (about 300 KB), and stored in an entry whose header fields are then set by
hand, so the header can tell the truth or lie.
"""

from __future__ import annotations

import functools
import random
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BOMB_BYTES = 300 * 1024 * 1024

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main}"/></Types>')
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')
DOCUMENT = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'
    '<w:p><w:bookmarkStart w:id="1" w:name="_s1_p1"/><w:r><w:t>The ICB shall pay each valid invoice.</w:t></w:r>'
    '<w:bookmarkEnd w:id="1"/></w:p></w:body></w:document>')


def minimal_parts(main_type: str = MAIN, document: str = DOCUMENT) -> dict[str, bytes]:
    """The parts of a minimal Word document that the importer accepts."""
    return {"[Content_Types].xml": CONTENT_TYPES.format(main=main_type).encode(),
            "_rels/.rels": PACKAGE_RELS.encode(),
            "word/document.xml": document.encode()}


def write_zip(path: Path, parts: dict[str, bytes] | list[tuple[str, bytes]],
              method: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip of ``parts`` (a list allows duplicate names) at ``path``."""
    items = parts.items() if isinstance(parts, dict) else parts
    with zipfile.ZipFile(path, "w", method) as package:
        for name, data in items:
            package.writestr(zipfile.ZipInfo(name, (2026, 3, 1, 9, 0, 0)), data, compress_type=method)
    return path


def minimal(directory: Path, name: str = "minimal.docx") -> Path:
    """The valid minimal document itself (the control case)."""
    return write_zip(directory / name, minimal_parts())


# --- zip bombs ----------------------------------------------------------------------------------


@functools.cache
def _deflated_zeros(size: int = BOMB_BYTES) -> tuple[bytes, int]:
    """The raw deflate stream of ``size`` zero bytes and their CRC-32, made a megabyte at a time."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    pieces, crc = [], 0
    for _ in range(size // len(chunk)):
        pieces.append(compressor.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    pieces.append(compressor.flush())
    return b"".join(pieces), crc


def _with_raw_entry(path: Path, name: str, raw: bytes, declared_size: int, crc: int) -> Path:
    """The minimal document plus an entry ``name`` whose data is the deflate stream ``raw`` and whose
    headers (local and central) declare ``declared_size`` unpacked bytes and ``crc``."""
    parts = minimal_parts()
    parts.pop(name, None)
    write_zip(path, [*parts.items(), (name, raw)], method=zipfile.ZIP_STORED)
    return set_entry_fields(path, name, method=zipfile.ZIP_DEFLATED, size=declared_size, crc=crc)


def set_entry_fields(path: Path, name: str, *, method: int | None = None, size: int | None = None,
                     crc: int | None = None, flags: int | None = None) -> Path:
    """Overwrite header fields of entry ``name``, in its local header and in the central directory."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(name)
    local = info.header_offset
    central = -1
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46:position + 46 + length] == name.encode():
            central = position
            break
        position = data.find(b"PK\x01\x02", position + 4)
    assert central >= 0, name
    for start, offsets in ((local, {"flags": 6, "method": 8, "crc": 14, "size": 22}),
                           (central, {"flags": 8, "method": 10, "crc": 16, "size": 24})):
        if flags is not None:
            struct.pack_into("<H", data, start + offsets["flags"], flags)
        if method is not None:
            struct.pack_into("<H", data, start + offsets["method"], method)
        if crc is not None:
            struct.pack_into("<I", data, start + offsets["crc"], crc)
        if size is not None:
            struct.pack_into("<I", data, start + offsets["size"], size)
    path.write_bytes(bytes(data))
    return path


def zip_bomb(directory: Path) -> Path:
    """One entry of 300 MB of zeros, deflated to about 300 KB, its header telling the truth."""
    raw, crc = _deflated_zeros()
    return _with_raw_entry(directory / "zip-bomb.docx", "word/media/image1.png", raw, BOMB_BYTES, crc)


def lying_zip_bomb(directory: Path) -> Path:
    """word/document.xml as 300 MB of zeros whose header claims 2,000 bytes (and their checksum)."""
    raw, _ = _deflated_zeros()
    return _with_raw_entry(directory / "lying-zip-bomb.docx", "word/document.xml", raw, 2_000, zlib.crc32(bytes(2_000)))


def ratio_bomb(directory: Path) -> Path:
    """Ten megabytes of zeros in one entry: small in total, but a thousand times its packed size."""
    parts = minimal_parts()
    parts["word/media/image1.png"] = bytes(10 * 1024 * 1024)
    return write_zip(directory / "ratio-bomb.docx", parts)


def too_big_on_disk(directory: Path) -> Path:
    """A (sparse) 51 MB file: refused on its size before it is opened."""
    path = directory / "huge.docx"
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(51 * 1024 * 1024)
    return path


def many_entries(directory: Path) -> Path:
    """5,000 entries in all: the minimal parts and tiny ones."""
    parts = minimal_parts()
    for index in range(5_000 - len(parts)):
        parts[f"word/media/tiny{index}.bin"] = b"x"
    return write_zip(directory / "many-entries.docx", parts, method=zipfile.ZIP_STORED)


# --- XML attacks ------------------------------------------------------------------------------


def billion_laughs(directory: Path) -> Path:
    """The classic entity expansion in word/document.xml."""
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    document = (f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(entities)}]>'
                f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>'
                '</w:document>')
    return write_zip(directory / "billion-laughs.docx", minimal_parts(document=document))


def external_entity(directory: Path) -> Path:
    """An external entity that would read /etc/passwd into the text."""
    document = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>')
    return write_zip(directory / "external-entity.docx", minimal_parts(document=document))


def dtd_in_styles(directory: Path) -> Path:
    """A valid body, but a DOCTYPE in word/styles.xml (a part read after the body's checks)."""
    parts = minimal_parts()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.wordprocessingml.styles+xml"/></Types>')
    parts["word/_rels/document.xml.rels"] = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"'
        b' Target="styles.xml"/></Relationships>')
    parts["word/styles.xml"] = (f'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY e SYSTEM "http://example.com/x">]>'
                                f'<w:styles xmlns:w="{W_NS}">&e;</w:styles>').encode()
    return write_zip(directory / "dtd-in-styles.docx", parts)


def malformed_xml(directory: Path) -> Path:
    """word/document.xml with an unclosed paragraph."""
    document = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r></w:body></w:document>'
    return write_zip(directory / "malformed.docx", minimal_parts(document=document))


# --- broken packages ------------------------------------------------------------------------------


def parent_traversal(directory: Path) -> Path:
    """An entry named ``../../evil.txt``."""
    parts = minimal_parts()
    parts["../../evil.txt"] = b"owned"
    return write_zip(directory / "parent-traversal.docx", parts)


def absolute_path(directory: Path) -> Path:
    """An entry named ``/abs.xml``."""
    parts = minimal_parts()
    parts["/abs.xml"] = b"<x/>"
    return write_zip(directory / "absolute-path.docx", parts)


def backslash_path(directory: Path) -> Path:
    """An entry named ``word\\..\\..\\evil.txt`` (Windows separators)."""
    parts = minimal_parts()
    parts["word\\..\\..\\evil.txt"] = b"owned"
    return write_zip(directory / "backslash-path.docx", parts)


def duplicate_names(directory: Path) -> Path:
    """Two entries named word/document.xml: which one a reader takes is up to the reader."""
    parts = list(minimal_parts().items()) + [("word/document.xml", DOCUMENT.replace("pay", "never pay").encode())]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate, which is the point
        return write_zip(directory / "duplicate-names.docx", parts)


def truncated(directory: Path, real_docx: bytes) -> Path:
    """A real .docx cut in half (a download that stopped)."""
    path = directory / "truncated.docx"
    path.write_bytes(real_docx[: len(real_docx) // 2])
    return path


def wrong_content_type(directory: Path) -> Path:
    """The main part declared as text/plain."""
    return write_zip(directory / "wrong-content-type.docx", minimal_parts(main_type="text/plain"))


def macro_enabled(directory: Path) -> Path:
    """A .docm's main part type."""
    return write_zip(directory / "macros.docx", minimal_parts(main_type="application/vnd.ms-word.document."
                                                                        "macroEnabled.main+xml"))


def missing_content_types(directory: Path) -> Path:
    """No [Content_Types].xml at all."""
    parts = minimal_parts()
    del parts["[Content_Types].xml"]
    return write_zip(directory / "no-content-types.docx", parts)


def random_bytes(directory: Path) -> Path:
    """64 KB of noise."""
    path = directory / "noise.docx"
    path.write_bytes(random.Random(20260301).randbytes(64 * 1024))
    return path


def no_document(directory: Path) -> Path:
    """A valid zip with content types but no word/document.xml."""
    parts = minimal_parts()
    del parts["word/document.xml"]
    parts["word/styles.xml"] = f'<w:styles xmlns:w="{W_NS}"/>'.encode()
    return write_zip(directory / "no-document.docx", parts)


def encrypted(directory: Path) -> Path:
    """word/document.xml flagged as encrypted (zip's traditional password protection)."""
    path = write_zip(directory / "encrypted.docx", minimal_parts())
    return set_entry_fields(path, "word/document.xml", flags=0x1)


def unusual_compression(directory: Path) -> Path:
    """Parts packed with LZMA, which Word never uses (and whose bombs zipfile would not cap)."""
    return write_zip(directory / "lzma.docx", minimal_parts(), method=zipfile.ZIP_LZMA)


# Each hostile file, with words its refusal must use. The truncated file needs a real .docx: see the tests.
HOSTILE: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "zip bomb": (zip_bomb, ("more than 200 MB",)),
    "zip bomb with a lying header": (lying_zip_bomb, ("damaged", "word/document.xml")),
    "compression ratio": (ratio_bomb, ("times its packed size", "zip bomb")),
    "larger than 50 MB on disk": (too_big_on_disk, ("larger than 50 MB",)),
    "5,000 entries": (many_entries, ("5,000 files", "2,000")),
    "billion laughs": (billion_laughs, ("word/document.xml", "declares a DTD", "entity attacks")),
    "external entity": (external_entity, ("word/document.xml", "declares a DTD")),
    "DTD in styles.xml": (dtd_in_styles, ("word/styles.xml", "declares a DTD")),
    "malformed XML": (malformed_xml, ("word/document.xml", "not well-formed XML")),
    "parent traversal": (parent_traversal, ("../../evil.txt", "path traversal")),
    "absolute path": (absolute_path, ("/abs.xml", "path traversal")),
    "backslash path": (backslash_path, ("evil.txt", "path traversal")),
    "duplicate names": (duplicate_names, ("two files named", "word/document.xml")),
    "wrong content type": (wrong_content_type, ("not a Word document", "text/plain")),
    "macro-enabled": (macro_enabled, ("macro-enabled",)),
    "no content types": (missing_content_types, ("[Content_Types].xml",)),
    "random bytes": (random_bytes, ("not a Word document", "not a zip file")),
    "no word/document.xml": (no_document, ("not a Word document", "word/document.xml")),
    "encrypted": (encrypted, ("password",)),
    "LZMA compression": (unusual_compression, ("compression method",)),
}
