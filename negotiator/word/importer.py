"""Read a .docx that came back from a counterparty: every body paragraph (table cells included) in
reading order with its export anchor, its runs by change and author, its comments; every tracked
change; and what the app cannot import (formatting changes, moves, header edits…), so it is
reported rather than silently dropped.

The file is treated as hostile. Before anything is inflated, the zip's declared sizes are checked
(size on disk, number of entries, total unpacked size, compression ratio, entry names, encryption,
compression method); each part is then read through a reader capped at its declared size, and
parsed with entities unresolved, no DTD and no network, a DOCTYPE being refused outright. Every
refusal is an :class:`InvalidInput` whose message names the file and says what is wrong.
"""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from docx.styles import BabelFish
from lxml import etree

from negotiator.domain.errors import InvalidInput
from negotiator.domain.returned import ReturnedDocument, ReturnedParagraph, TrackedChange
from negotiator.word.names import anchor_for_bookmark, bookmark_name
from negotiator.word.ooxml import parse_part, w
from negotiator.word.parts import EXPORT_ROOT
from negotiator.word.tracked import UNKNOWN_AUTHOR

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed, for an entry of more than RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
MAX_NAME_LENGTH = 1_024
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAIN_TYPES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": "a macro-enabled Word document (.docm)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "a Word template (.dotx)",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "a macro-enabled Word template (.dotm)",
}
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_DOCUMENT = "word/document.xml"
_CONTENT_TYPES = "[Content_Types].xml"
_CUSTOM_ITEM = re.compile(r"^customxml/item(\d+)\.xml$")
_WORD_BOOKMARK = re.compile(r"^_(GoBack|Toc\d+|Ref\d+|Hlk\d+|Hlt\d+|MailAutoSig|PictureBullets)$")
_STORIES = {"header": "the header", "footer": "the footer", "footnotes": "a footnote", "endnotes": "an endnote",
            "comments": "a comment"}

P, TBL, TR, TC, R = w("p"), w("tbl"), w("tr"), w("tc"), w("r")
INS, DEL, MOVE_FROM, MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
T, DEL_TEXT, TAB, BR, CR = w("t"), w("delText"), w("tab"), w("br"), w("cr")
PPR, RPR, PSTYLE, TRPR, TCPR, TBLPR, SECTPR = w("pPr"), w("rPr"), w("pStyle"), w("trPr"), w("tcPr"), w("tblPr"), \
    w("sectPr")
SDT, SDT_CONTENT, CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
BOOKMARK_START, COMMENT_START, COMMENT_REF = w("bookmarkStart"), w("commentRangeStart"), w("commentReference")
ID, NAME, AUTHOR, DATE, VAL, TYPE = w("id"), w("name"), w("author"), w("date"), w("val"), w("type")
_REVISIONS = (INS, DEL, MOVE_FROM, MOVE_TO)
_KIND = {INS: "insert", MOVE_TO: "insert", DEL: "delete", MOVE_FROM: "delete"}
_FORMAT_CHANGES = frozenset(w(tag) for tag in ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
                                               "trPrChange", "tcPrChange", "tblGridChange", "tblPrExChange",
                                               "numberingChange"))
_OTHER_TRACKED = frozenset(w(tag) for tag in ("cellIns", "cellDel", "cellMerge", "customXmlInsRangeStart",
                                              "customXmlDelRangeStart", "customXmlMoveFromRangeStart",
                                              "customXmlMoveToRangeStart"))
_ALL_TRACKED = (*_REVISIONS, *_FORMAT_CHANGES, *_OTHER_TRACKED)
_TABLE_CHANGES = tuple(w(tag) for tag in ("tblPrChange", "trPrChange", "tcPrChange", "tblGridChange", "tblPrExChange",
                                          "cellIns", "cellDel", "cellMerge"))
_SKIPPED = frozenset({PPR, RPR, w("instrText"), w("delInstrText"), w("sdtPr"), w("sdtEndPr"), w("customXmlPr"),
                      w("smartTagPr"), w("fldData")})
_OBJECTS = frozenset({w("drawing"), w("pict"), w("object"), f"{{{_MC_NS}}}AlternateContent"})
_CHARS = {TAB: "\t", CR: "\n", w("noBreakHyphen"): "\u2011", w("softHyphen"): "\u00ad"}


def read_returned(path: Path) -> ReturnedDocument:
    """Read the returned .docx at ``path``; raises :class:`InvalidInput` (in plain words, naming the
    file) when it is not a Word document or looks like an attack (zip bomb, path traversal, DTD…)."""
    path = Path(path)
    package = _Package(path)
    try:
        return package.read()
    finally:
        package.close()


# --- the package ------------------------------------------------------------------------------


class _Package:
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

    # --- reading ------------------------------------------------------------------------------

    def read(self) -> ReturnedDocument:
        """Check the content types, then read the export info, the styles, the comments and the body."""
        if not self.has(_CONTENT_TYPES):
            raise self._refuse(f"{self.label} was refused: it has no [Content_Types].xml, which every Word "
                               "document has, so it is not a Word document.")
        if not self.has(_DOCUMENT):
            raise self._refuse(f"{self.label} is not a Word document: it has no word/document.xml, the part that "
                               "holds a Word document's text.")
        self._check_main_type(self.xml(_CONTENT_TYPES))
        related = self._related()
        notes: list[str] = []
        info = self._export_info(notes)
        known: set[str] = set()
        if info is not None:
            anchors = info.get("anchors")
            if isinstance(anchors, dict | list):
                known = {anchor for anchor in anchors if isinstance(anchor, str)}
        styles = _Styles(self.optional_xml(_first(related.get("styles")) or "word/styles.xml"))
        comments = _comments(self.optional_xml(_first(related.get("comments")) or "word/comments.xml"))
        document = self.xml(_DOCUMENT)
        walker = _Walker(styles, comments, known)
        body = document.find(w("body"))
        if body is not None:
            walker.blocks(body, None)
        walker.orphan_comments()
        for kind, label in _STORIES.items():
            for name in related.get(kind, ()):
                story = self.optional_xml(name)
                if story is not None:
                    walker.story(story, label)
        return ReturnedDocument(name=self.label, paragraphs=tuple(walker.paragraphs), export_info=info,
                                unsupported=tuple(dict.fromkeys(notes + walker.unsupported)),
                                tracked=tuple(walker.tracked))

    def _check_main_type(self, types: etree._Element) -> None:
        declared: str | None = None
        for override in types.iter(f"{{{_CT_NS}}}Override"):
            if override.get("PartName", "").lower() == "/" + _DOCUMENT:
                declared = override.get("ContentType", "")
        if declared is None:
            for default in types.iter(f"{{{_CT_NS}}}Default"):
                if default.get("Extension", "").lower() == "xml":
                    declared = default.get("ContentType", "")
        if declared == MAIN_TYPE:
            return
        if declared in _OTHER_MAIN_TYPES:
            raise self._refuse(f"{self.label} was refused: it is {_OTHER_MAIN_TYPES[declared]}, not a plain Word "
                               "document. Save it in Word as \"Word Document (.docx)\" and try again.")
        what = f"declared as {declared[:80]}" if declared else "not declared at all"
        raise self._refuse(f"{self.label} is not a Word document: its [Content_Types].xml does not declare "
                           f"word/document.xml as a Word document's main part (it is {what}).")

    def _related(self) -> dict[str, list[str]]:
        """The main document's related parts by relationship kind (``styles``, ``header``…), in order."""
        rels_name = "word/_rels/document.xml.rels"
        found: dict[str, list[str]] = {}
        if not self.has(rels_name):
            return found
        for rel in self.xml(rels_name).iter(f"{{{_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("word", target))
            if name.startswith("../") or not self.has(name):
                continue
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            found.setdefault(kind, []).append(self.entries[name.lower()].filename)
        return found

    def _export_info(self, notes: list[str]) -> dict | None:
        """The app's export information, from the first Custom XML part of ours; None when absent."""
        items = sorted((int(match.group(1)), info.filename) for key, info in self.entries.items()
                       if (match := _CUSTOM_ITEM.match(key)))
        for _, name in items:
            root = self.xml(name)
            if root.tag != EXPORT_ROOT:
                continue
            try:
                info = json.loads(root.text or "")
            except (ValueError, RecursionError):
                info = None
            if isinstance(info, dict):
                return info
            notes.append(f"the app's export information in this file ({name}) is damaged and was ignored, so "
                         "paragraphs are matched by their bookmarks alone")
            return None
        return None


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


def _first(names: list[str] | None) -> str | None:
    return names[0] if names else None


# --- styles and comments ----------------------------------------------------------------------


class _Styles:
    """Paragraph style names by id (Word's built-in names as the UI shows them: ``Heading 1``)."""

    def __init__(self, root: etree._Element | None) -> None:
        self.names: dict[str, str] = {}
        self.default = "Normal"
        if root is None:
            return
        for style in root.iter(w("style")):
            style_id = style.get(w("styleId"))
            name = style.find(NAME)
            if style_id is None or name is None or not name.get(VAL):
                continue
            ui_name = BabelFish.internal2ui(name.get(VAL, ""))
            self.names[style_id] = ui_name
            if style.get(TYPE) == "paragraph" and style.get(w("default")) in ("1", "true", "on"):
                self.default = ui_name

    def name(self, style_id: str | None) -> str:
        """The style's name, its id when styles.xml does not know it, the default style for none."""
        if style_id is None:
            return self.default
        return self.names.get(style_id, style_id)


def _comments(root: etree._Element | None) -> dict[str, tuple[str, str]]:
    """Each comment's (author, text) by id; the text's paragraphs joined by line feeds."""
    found: dict[str, tuple[str, str]] = {}
    if root is None:
        return found
    for comment in root.iter(w("comment")):
        paragraphs = []
        for p in comment.iter(P):
            pieces: list[str] = []
            for element in p.iter(T, TAB, BR, CR, DEL):
                if element.tag == T and not _inside(element, DEL, p):
                    pieces.append(element.text or "")
                elif element.tag in (TAB, CR, BR) and not _inside(element, DEL, p):
                    pieces.append(_CHARS.get(element.tag, "\n"))
            paragraphs.append("".join(pieces))
        found[comment.get(ID, "")] = (comment.get(AUTHOR) or UNKNOWN_AUTHOR, "\n".join(paragraphs))
    return found


def _inside(element: etree._Element, tag: str, stop: etree._Element) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


# --- the body ---------------------------------------------------------------------------------


@dataclass
class _Paragraph:
    """What the walk collects in one ``w:p`` before it becomes a :class:`ReturnedParagraph`."""

    pieces: list[tuple[str, str, str]] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)
    comment_ids: list[str] = field(default_factory=list)
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (what, author, other author)


class _Walker:
    """Walks the body in reading order and collects paragraphs, tracked changes and notes."""

    def __init__(self, styles: _Styles, comments: dict[str, tuple[str, str]], known: set[str]) -> None:
        self.styles = styles
        self.comments = comments
        self.paragraphs: list[ReturnedParagraph] = []
        self.tracked: list[TrackedChange] = []
        self.unsupported: list[str] = []
        self.last_anchor: str | None = None
        self.used_anchors: set[str] = set()
        self.placed_comments: set[str] = set()
        self.pending: _Paragraph = _Paragraph()  # bookmarks and comment starts between paragraphs
        self.previous: int | None = None  # the paragraph before, when nothing but paragraphs lies between
        # One candidate per bookmark name, so that anchor_for_bookmark checks one anchor, not all of them.
        self.known = bool(known)
        by_name: dict[str, str | None] = {}
        for anchor in known:
            name = bookmark_name(anchor)
            by_name[name] = None if name in by_name else anchor  # a clash maps back to nothing
        self.by_name = by_name

    # blocks

    def blocks(self, container: etree._Element, row: tuple[str, str] | None) -> None:
        """Paragraphs and tables of a story (body, cell, content control) in order."""
        for child in container:
            tag = child.tag
            if tag == P:
                self.paragraph(child, row)
            elif tag == TBL:
                self.table(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.blocks(content, row)
            elif tag == CUSTOM_XML:
                self.blocks(child, row)
            elif tag == BOOKMARK_START:
                self.pending.bookmarks.append(child.get(NAME, ""))
            elif tag == COMMENT_START:
                self.pending.comment_ids.append(child.get(ID, ""))
            elif tag == SECTPR:
                self.section(child)
            elif tag == w("altChunk"):
                self.unsupported.append("an embedded document (altChunk) after "
                                        f"{self.last_anchor or 'the start'}, which the app does not import")
            elif tag in _REVISIONS or tag in _FORMAT_CHANGES or tag in _OTHER_TRACKED:
                self._scan_unknown(child, f"the body after {self.last_anchor or 'the start'}")

    def section(self, sect_pr: etree._Element) -> None:
        """Page layout changes, reported."""
        for change in sect_pr.iter(w("sectPrChange")):
            self.unsupported.append(f"a page layout change by {_author(change)}, which the app does not import")

    def table(self, tbl: etree._Element) -> None:
        """Rows in order (looking through content controls), each cell's paragraphs in order."""
        self.previous = None
        where = f'the table that starts "{_snippet(_plain_text(tbl))}"'
        for change in tbl.iter(*_TABLE_CHANGES):
            if _nearest_table(change) is not tbl:
                continue  # a nested table's: reported when that table is walked
            what = "formatting change" if change.tag in _FORMAT_CHANGES else "cell insertion, deletion or merge"
            self.unsupported.append(f"a table {what} by {_author(change)} in {where}, which the app does not import")
        for row in _rows(tbl):
            self.row(row)
        self.previous = None

    def row(self, tr: etree._Element) -> None:
        """A row; a tracked row marks its cells' paragraphs as inserted or deleted with it."""
        tracked: tuple[str, str] | None = None
        tr_pr = tr.find(TRPR)
        if tr_pr is not None:
            for change in tr_pr:
                if change.tag in _REVISIONS:
                    tracked = (_KIND[change.tag], _author(change))
                    text = "\t".join(_plain_text(cell) for cell in _cells(tr))
                    self.tracked.append(TrackedChange(tracked[0], tracked[1], change.get(DATE, ""), text))
        for cell in _cells(tr):
            self.previous = None
            self.blocks(cell, tracked)

    # paragraphs

    def paragraph(self, p: etree._Element, row: tuple[str, str] | None) -> None:
        """One ``w:p`` as a :class:`ReturnedParagraph`."""
        para, self.pending = self.pending, _Paragraph()
        style = self.styles.default
        mark, mark_author = "equal", ""
        p_pr = p.find(PPR)
        if p_pr is not None:
            style_element = p_pr.find(PSTYLE)
            if style_element is not None:
                style = self.styles.name(style_element.get(VAL))
            for child in p_pr:
                if child.tag == RPR:
                    for change in child:
                        if change.tag in _REVISIONS:
                            mark, mark_author = _KIND[change.tag], _author(change)
                            # a paragraph mark is the line break between paragraphs: its text is "\n"
                            self.tracked.append(TrackedChange(mark, mark_author, change.get(DATE, ""), "\n"))
                            if change.tag in (MOVE_FROM, MOVE_TO):
                                para.notes.append(("move", mark_author, ""))
                        elif change.tag in _FORMAT_CHANGES:
                            para.notes.append(("format", _author(change), ""))
                elif child.tag in _FORMAT_CHANGES:
                    para.notes.append(("format", _author(child), ""))
                elif child.tag == SECTPR:
                    self.section(child)
                elif child.tag == w("numPr"):
                    for change in child.iter(*_FORMAT_CHANGES, INS):
                        para.notes.append(("format", _author(change), ""))
        self._inline(p, "equal", "", para)
        if mark == "equal" and row is not None:
            mark, mark_author = row
        runs = _merged(para.pieces)
        anchor = self._anchor(para.bookmarks)
        after = self.last_anchor
        if anchor is not None:
            self.last_anchor = anchor
        comments = []
        for comment_id in para.comment_ids:
            if comment_id not in self.placed_comments and comment_id in self.comments:
                self.placed_comments.add(comment_id)
                comments.append(self.comments[comment_id])
        if para.notes:
            self._notes(para.notes, _where(anchor, after, "".join(text for text, _, _ in runs)))
        self.paragraphs.append(ReturnedParagraph(anchor=anchor, after=after, style=style, runs=runs, mark=mark,
                                                 mark_author=mark_author, comments=tuple(comments)))
        if self.previous is not None:
            self._carry_mark(self.previous, len(self.paragraphs) - 1)
        self.previous = len(self.paragraphs) - 1

    def _carry_mark(self, first: int, second: int) -> None:
        """``A[¶B]¶`` as ``A¶[B¶]``: how Word records typing Enter at the end of A and then B (or deleting
        from the end of A to the end of B). Word drops A's mark with B's text, so A's text stays; in the
        per-paragraph model that is B's paragraph coming or going as a whole, with A's mark unchanged."""
        a, b = self.paragraphs[first], self.paragraphs[second]
        if a.mark == "equal" or b.mark != "equal":
            return
        change = (a.mark, a.mark_author)
        if all((kind, author) == change for _, kind, author in a.runs):
            return  # A itself is wholly new or gone: it comes or goes as a whole already
        if any((kind, author) != change for _, kind, author in b.runs):
            return
        self.paragraphs[first] = replace(a, mark="equal", mark_author="")
        self.paragraphs[second] = replace(b, mark=a.mark, mark_author=a.mark_author)

    def _anchor(self, names: list[str]) -> str | None:
        """The anchor of the last bookmark that maps back (a cell's own after its table's), once each."""
        found = None
        for name in names:
            if self.known:
                candidate = self.by_name.get(name)
                anchor = anchor_for_bookmark(name, (candidate,)) if candidate is not None else None
            else:
                anchor = None if _WORD_BOOKMARK.match(name) else anchor_for_bookmark(name)
            if anchor is not None and anchor not in self.used_anchors:
                found = anchor
        if found is not None:
            self.used_anchors.add(found)
        return found

    def _inline(self, element: etree._Element, change: str, author: str, para: _Paragraph) -> None:
        """The content of a paragraph (or of a container in it): runs, revisions, bookmarks, comments."""
        for child in element:
            tag = child.tag
            if tag == R:
                self._run(child, change, author, para)
            elif tag in _REVISIONS:
                self._revision(child, change, author, para)
            elif tag == BOOKMARK_START:
                para.bookmarks.append(child.get(NAME, ""))
            elif tag == COMMENT_START:
                para.comment_ids.append(child.get(ID, ""))
            elif not isinstance(tag, str) or tag in _SKIPPED:
                continue
            elif tag in (P, TBL) or tag in _OBJECTS:
                self._nested(child, change, author, para)
            elif tag in _FORMAT_CHANGES:
                para.notes.append(("format", _author(child), ""))
            elif tag in _OTHER_TRACKED:
                para.notes.append(("other", _author(child), ""))
            else:  # hyperlinks, fields, content controls, smart tags, custom XML…: their content counts
                self._inline(child, change, author, para)

    def _revision(self, element: etree._Element, outer: str, outer_author: str, para: _Paragraph) -> None:
        kind, author = _KIND[element.tag], _author(element)
        if outer != "equal" and outer != kind:
            para.notes.append(("nested", author, outer_author))
        if element.tag in (MOVE_FROM, MOVE_TO):
            para.notes.append(("move", author, ""))
        slot = len(self.tracked)
        self.tracked.append(TrackedChange(kind, author, element.get(DATE, ""), ""))
        start = len(para.pieces)
        self._inline(element, kind, author, para)
        text = "".join(piece[0] for piece in para.pieces[start:])
        self.tracked[slot] = TrackedChange(kind, author, element.get(DATE, ""), text)

    def _run(self, r: etree._Element, change: str, author: str, para: _Paragraph) -> None:
        pieces = para.pieces
        for child in r:
            tag = child.tag
            if tag in (T, DEL_TEXT):
                if child.text:
                    pieces.append((child.text, change, author))
            elif tag in _CHARS:
                pieces.append((_CHARS[tag], change, author))
            elif tag == BR:
                if child.get(TYPE, "textWrapping") == "textWrapping":
                    pieces.append(("\n", change, author))
            elif tag == RPR:
                for setting in child:
                    if setting.tag in _FORMAT_CHANGES:
                        para.notes.append(("format", _author(setting), ""))
            elif tag == COMMENT_REF:
                para.comment_ids.append(child.get(ID, ""))
            elif tag in _OBJECTS:
                self._nested(child, change, author, para)
            elif isinstance(tag, str) and tag in (w("ruby"), w("rubyBase"), w("sdtContent")):
                self._run(child, change, author, para)

    def _nested(self, element: etree._Element, change: str, author: str, para: _Paragraph) -> None:
        """A picture, object or text box inside a paragraph: only reported, never imported."""
        if change != "equal":
            para.notes.append(("object", author, ""))
        for tracked in element.iter(*_ALL_TRACKED):
            para.notes.append(("textbox", _author(tracked), ""))

    def _notes(self, notes: list[tuple[str, str, str]], where: str) -> None:
        for what, author, other in dict.fromkeys(notes):
            if what == "format":
                self.unsupported.append(f"a formatting change by {author} in {where}")
            elif what == "move":
                self.unsupported.append(f"a move by {author} in paragraph {where}; it is imported as a deletion "
                                        "and an insertion")
            elif what == "nested":
                self.unsupported.append(f"a deletion by {author} of text inserted by {other} in {where}; it is "
                                        f"imported as {author}'s deletion alone")
            elif what == "object":
                self.unsupported.append(f"a picture or object inserted or deleted by {author} in {where}, which "
                                        "the app does not import")
            elif what == "textbox":
                self.unsupported.append(f"a change by {author} in a text box or drawing in {where}, which the app "
                                        "does not import")
            else:
                self.unsupported.append(f"a tracked change by {author} in {where} that the app cannot turn into "
                                        "text")

    def _scan_unknown(self, element: etree._Element, where: str) -> None:
        for author in dict.fromkeys(_author(e) for e in element.iter(*_ALL_TRACKED)):
            self.unsupported.append(f"a tracked change by {author} in {where} that the app cannot turn into text")

    def orphan_comments(self) -> None:
        """Comments the body never points at: reported with their text, since no paragraph holds them."""
        for comment_id, (author, text) in self.comments.items():
            if comment_id not in self.placed_comments:
                self.unsupported.append(f'a comment by {author} attached to no paragraph: "{_snippet(text)}"')

    def story(self, root: etree._Element, label: str) -> None:
        """A header, footer, footnotes or comments part: its tracked changes are reported, not imported."""
        for author in dict.fromkeys(_author(e) for e in root.iter(*_ALL_TRACKED)):
            self.unsupported.append(f"a change by {author} in {label}, which the app does not import")


def _author(element: etree._Element) -> str:
    return (element.get(AUTHOR) or "").strip() or UNKNOWN_AUTHOR


def _merged(pieces: list[tuple[str, str, str]]) -> tuple[tuple[str, str, str], ...]:
    """Neighbouring pieces with the same change and author joined into one run."""
    runs: list[tuple[str, str, str]] = []
    for text, change, author in pieces:
        if runs and runs[-1][1] == change and runs[-1][2] == author:
            runs[-1] = (runs[-1][0] + text, change, author)
        else:
            runs.append((text, change, author))
    return tuple(runs)


def _rows(tbl: etree._Element) -> list[etree._Element]:
    rows: list[etree._Element] = []
    for child in tbl:
        if child.tag == TR:
            rows.append(child)
        elif child.tag in (SDT, SDT_CONTENT, CUSTOM_XML):
            rows.extend(_rows(child))
    return rows


def _cells(tr: etree._Element) -> list[etree._Element]:
    cells: list[etree._Element] = []
    for child in tr:
        if child.tag == TC:
            cells.append(child)
        elif child.tag in (SDT, SDT_CONTENT, CUSTOM_XML):
            cells.extend(_cells(child))
    return cells


def _nearest_table(element: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != TBL:
        parent = parent.getparent()
    return parent


def _plain_text(element: etree._Element) -> str:
    """Every ``w:t`` and ``w:delText`` under ``element``, for a description."""
    return "".join(t.text or "" for t in element.iter(T, DEL_TEXT))


def _snippet(text: str, words: int = 6) -> str:
    parts = text.split()
    snippet = " ".join(parts[:words])
    if len(snippet) > 60:
        snippet = snippet[:60].rstrip()
    return snippet + ("…" if snippet != " ".join(parts) else "")


def _where(anchor: str | None, after: str | None, text: str) -> str:
    """A paragraph described for a note: its first words, then its anchor or the anchor before it."""
    shown = f'"{_snippet(text)}"' if text.strip() else "an empty paragraph"
    if anchor is not None:
        return f"{shown} ({anchor})"
    return f"{shown} (a paragraph after {after})" if after else f"{shown} (before the first marked paragraph)"
