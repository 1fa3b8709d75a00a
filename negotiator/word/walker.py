"""Walking a returned document's XML: every body paragraph (table cells included) in reading order,
with its export anchor, its runs by change and author, and its comments and replies; every tracked
change; and what the app cannot import (formatting changes, moves, objects…), each located so that
the report can say where it is, never dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from negotiator.domain.returned import CommentReply, ReportedChange, ReturnedParagraph, TrackedChange
from negotiator.word.marks import loose_marks, pair
from negotiator.word.moves import RANGES as _MOVE_RANGES
from negotiator.word.moves import Moves
from negotiator.word.names import anchor_for_bookmark, bookmark_name
from negotiator.word.ooxml import w
from negotiator.word.stories import ALL_TRACKED as _ALL_TRACKED
from negotiator.word.stories import FORMAT_CHANGES as _FORMAT_CHANGES
from negotiator.word.stories import OTHER_TRACKED as _OTHER_TRACKED
from negotiator.word.stories import Comment, plain_text
from negotiator.word.stories import author_of as _author

if TYPE_CHECKING:  # the importer hands in the styles it read
    from negotiator.word.importer import Styles

_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WORD_BOOKMARK = re.compile(r"^_(GoBack|Toc\d+|Ref\d+|Hlk\d+|Hlt\d+|MailAutoSig|PictureBullets)$")

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
_NOTE_REFS = {w("footnoteReference"): "footnote", w("endnoteReference"): "endnote"}
_TABLE_CHANGES = tuple(w(tag) for tag in ("tblPrChange", "trPrChange", "tcPrChange", "tblGridChange", "tblPrExChange",
                                          "cellIns", "cellDel", "cellMerge"))
_SKIPPED = frozenset({PPR, RPR, w("instrText"), w("delInstrText"), w("sdtPr"), w("sdtEndPr"), w("customXmlPr"),
                      w("smartTagPr"), w("fldData")})
_OBJECTS = frozenset({w("drawing"), w("pict"), w("object"), f"{{{_MC_NS}}}AlternateContent"})
CHARS = {TAB: "\t", CR: "\n", w("noBreakHyphen"): "\u2011", w("softHyphen"): "\u00ad"}


def inside(element: etree._Element, tag: str, stop: etree._Element) -> bool:
    """Whether ``element`` sits within a ``tag`` element below ``stop`` (a run inside a deletion, say)."""
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
    notes: list[tuple[str, str, str, str]] = field(default_factory=list)  # (what, author, words, detail)
    moves: list[tuple[str, str, str, str]] = field(default_factory=list)  # (name, "from"|"to", author, words)
    note_refs: list[str] = field(default_factory=list)  # "footnote:2": the notes this paragraph refers to


class Walker:
    """Walks the body in reading order and collects paragraphs, tracked changes and notes."""

    def __init__(self, styles: Styles, comments: dict[str, Comment], known: set[str],
                 threads: dict[str, str] | None = None) -> None:
        self.styles = styles
        self.comments = comments
        self.threads = threads or {}  # a reply's comment id: the id of the comment it answers
        self.paragraphs: list[ReturnedParagraph] = []
        self.tracked: list[TrackedChange] = []
        self.unsupported: list[str] = []
        self.reported: list[ReportedChange] = []
        self.replies: list[CommentReply] = []
        self.moves = Moves()
        self.note_places: dict[str, tuple[str | None, str | None]] = {}  # "footnote:2": (anchor, after)
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
            elif tag in _MOVE_RANGES:
                self.moves.range(child)
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
        words = _snippet(plain_text(tbl), 12)
        for change in tbl.iter(*_TABLE_CHANGES):
            if _nearest_table(change) is not tbl:
                continue  # a nested table's: reported when that table is walked
            what = "table format" if change.tag in _FORMAT_CHANGES else "table cells"
            self.reported.append(ReportedChange(what, _author(change), words, None, self.last_anchor))
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
                    text = "\t".join(plain_text(cell) for cell in _cells(tr))
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
        moved_marks: list[etree._Element] = []  # joined to their move once the paragraph's ranges are read
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
                                moved_marks.append(change)
                        elif change.tag in _FORMAT_CHANGES:
                            para.notes.append(("paragraph format", _author(change), "", ""))
                elif child.tag in _FORMAT_CHANGES:
                    para.notes.append(("paragraph format", _author(child), "", ""))
                elif child.tag == SECTPR:
                    self.section(child)
                elif child.tag == w("numPr"):
                    for change in child.iter(*_FORMAT_CHANGES, INS):
                        para.notes.append(("paragraph format", _author(change), "", ""))
        self._inline(p, "equal", "", para)
        for change in moved_marks:
            para.moves.append((*self.moves.name(change), _author(change), ""))
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
                if comment_id in self.threads:
                    self.replies.append(self._reply(comment_id, anchor))
                else:
                    comment = self.comments[comment_id]
                    comments.append((comment.author, comment.text))
        words = "".join(text for text, _, _ in runs)
        for what, author, text, detail in para.notes:
            self.reported.append(ReportedChange(what, author, text or words, anchor, after, detail=detail))
        for name, side, author, text in para.moves:
            self.moves.add(name, side, author, text, (anchor, after))
        for ref in para.note_refs:
            self.note_places.setdefault(ref, (anchor, after))
        self.paragraphs.append(ReturnedParagraph(anchor=anchor, after=after, style=style, runs=runs, mark=mark,
                                                 mark_author=mark_author, comments=tuple(comments)))
        if self.previous is not None:  # a paragraph mark's change may be read only with the next paragraph
            first = self.previous
            self.paragraphs[first], self.paragraphs[-1] = pair(self.paragraphs[first], self.paragraphs[-1])
        self.previous = len(self.paragraphs) - 1

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
            elif tag in _MOVE_RANGES:
                self.moves.range(child)
            elif not isinstance(tag, str) or tag in _SKIPPED:
                continue
            elif tag in (P, TBL) or tag in _OBJECTS:
                self._nested(child, change, author, para)
            elif tag in _FORMAT_CHANGES:
                para.notes.append(("format", _author(child), plain_text(element), ""))
            elif tag in _OTHER_TRACKED:
                para.notes.append(("other", _author(child), "", ""))
            else:  # hyperlinks, fields, content controls, smart tags, custom XML…: their content counts
                self._inline(child, change, author, para)

    def _revision(self, element: etree._Element, outer: str, outer_author: str, para: _Paragraph) -> None:
        kind, author = _KIND[element.tag], _author(element)
        slot = len(self.tracked)
        self.tracked.append(TrackedChange(kind, author, element.get(DATE, ""), ""))
        start = len(para.pieces)
        self._inline(element, kind, author, para)
        text = "".join(piece[0] for piece in para.pieces[start:])
        self.tracked[slot] = TrackedChange(kind, author, element.get(DATE, ""), text)
        if outer != "equal" and outer != kind:
            para.notes.append(("nested", author, text, outer_author))
        if element.tag in (MOVE_FROM, MOVE_TO):
            para.moves.append((*self.moves.name(element), author, text))

    def _run(self, r: etree._Element, change: str, author: str, para: _Paragraph) -> None:
        pieces = para.pieces
        for child in r:
            tag = child.tag
            if tag in (T, DEL_TEXT):
                if child.text:
                    pieces.append((child.text, change, author))
            elif tag in CHARS:
                pieces.append((CHARS[tag], change, author))
            elif tag == BR:
                if child.get(TYPE, "textWrapping") == "textWrapping":
                    pieces.append(("\n", change, author))
            elif tag == RPR:
                for setting in child:
                    if setting.tag in _FORMAT_CHANGES:
                        para.notes.append(("format", _author(setting), plain_text(r), ""))
            elif tag == COMMENT_REF:
                para.comment_ids.append(child.get(ID, ""))
            elif tag in _NOTE_REFS:
                para.note_refs.append(f"{_NOTE_REFS[tag]}:{child.get(ID, '')}")
            elif tag in _OBJECTS:
                self._nested(child, change, author, para)
            elif isinstance(tag, str) and tag in (w("ruby"), w("rubyBase"), w("sdtContent")):
                self._run(child, change, author, para)

    def _nested(self, element: etree._Element, change: str, author: str, para: _Paragraph) -> None:
        """A picture, object or text box inside a paragraph: only reported, never imported."""
        if change != "equal":
            para.notes.append(("object", author, "", ""))
        for tracked in element.iter(*_ALL_TRACKED):
            para.notes.append(("textbox", _author(tracked), plain_text(tracked), ""))

    def _scan_unknown(self, element: etree._Element, where: str) -> None:
        """Tracked changes where no paragraph holds them: one note for each (the importer counts alike ones)."""
        for change in element.iter(*_ALL_TRACKED):
            self.unsupported.append(f"a tracked change by {_author(change)} in {where} that the app cannot turn "
                                    "into text")

    def _reply(self, comment_id: str, anchor: str | None) -> CommentReply:
        reply, parent = self.comments[comment_id], self.comments.get(self.threads[comment_id])
        return CommentReply(reply.author, reply.text, parent.author if parent else "",
                            parent.text if parent else "", anchor)

    def finish(self) -> None:
        """After the body: each move reported once, and the comments the body never points at (a reply
        so placed is still a reply; any other comment is reported with its text, since no paragraph
        holds it)."""
        self.reported += self.moves.reported()
        self.reported += loose_marks(self.paragraphs)
        for comment_id, comment in self.comments.items():
            if comment_id in self.placed_comments:
                continue
            if comment_id in self.threads:
                self.replies.append(self._reply(comment_id, None))
            else:
                self.unsupported.append(f'a comment by {comment.author} attached to no paragraph: '
                                        f'"{_snippet(comment.text)}"')


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


def _snippet(text: str, words: int = 6) -> str:
    parts = text.split()
    snippet = " ".join(parts[:words])
    if len(snippet) > 60:
        snippet = snippet[:60].rstrip()
    return snippet + ("…" if snippet != " ".join(parts) else "")
