"""The document body as WordprocessingML, built in bulk with lxml.

Every ``w:ins``/``w:del`` wraps whole runs; deleted text is ``w:delText``; ids are unique across
revisions, rows, comments and bookmarks; each revision with a comment gets one comment, anchored
around the first place the revision shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from lxml import etree

from negotiator.domain.document import Block, Change, Paragraph, Revision, Table
from negotiator.word.names import bookmark_name
from negotiator.word.ooxml import PRESERVE, needs_preserve, w, word_date, word_text
from negotiator.word.tracked import UNKNOWN_AUTHOR, Tracker

SubElement = etree.SubElement
P, PPR, PSTYLE, R, RPR, T, DEL_TEXT = w("p"), w("pPr"), w("pStyle"), w("r"), w("rPr"), w("t"), w("delText")
INS, DEL, TAB, BR, B, BCS, VAL, ID = w("ins"), w("del"), w("tab"), w("br"), w("b"), w("bCs"), w("val"), w("id")
AUTHOR, DATE = w("author"), w("date")
_PIECES = re.compile(r"(\t|\n)")
_HEADING = re.compile(r"^Heading ([1-9])$")


@dataclass(frozen=True)
class Comment:
    """A Word comment to add to the comments part: its id and the revision it explains."""

    id: int
    revision: Revision


@dataclass(frozen=True)
class Look:
    """What the template offers: style ids by name, the heading numbering, the text width."""

    styles: dict[str, str]
    heading_num_id: int | None
    text_width: int  # twips


class BodyWriter:
    """Writes blocks under a parent element; keeps the id counter, the comments and the warnings."""

    def __init__(self, look: Look) -> None:
        self.look = look
        self.tracker = Tracker()
        self.comments: list[Comment] = []
        self._next_id = 1
        self._commented: set[Revision] = set()
        self._bookmarks: set[str] = set()
        self._stamps: dict[Revision, tuple[str, str]] = {}
        self._unknown_styles: set[str] = set()
        self._reference_style = look.styles.get("annotation reference")

    @property
    def warnings(self) -> list[str]:
        """Everything written differently from what the document asked for."""
        return self.tracker.warnings

    def new_id(self) -> int:
        """The next id; one counter serves revisions, rows, comments and bookmarks alike."""
        self._next_id += 1
        return self._next_id - 1

    def blocks(self, parent: etree._Element, blocks: tuple[Block, ...]) -> None:
        """Write the blocks in order; paragraphs between tables are normalised as one stretch."""
        stretch: list[Paragraph] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                stretch.append(block)
                continue
            for paragraph in self.tracker.stretch(stretch):
                self.paragraph(parent, paragraph)
            stretch = []
            self.table(parent, block)
        for paragraph in self.tracker.stretch(stretch):
            self.paragraph(parent, paragraph)

    def paragraph(self, parent: etree._Element, paragraph: Paragraph, extra_bookmark: str | None = None,
                  row_change: Change = Change.EQUAL, row_revision: Revision | None = None) -> etree._Element:
        """One ``w:p``: properties, the mark's revision, bookmarks, runs and comment anchors."""
        p = SubElement(parent, P)
        self._properties(p, paragraph)
        names = [bookmark_name(a) for a in (extra_bookmark, paragraph.anchor) if a is not None]
        marks = [(self._bookmark_id(name), name) for name in names]
        for bookmark_id, name in marks:
            if bookmark_id:
                SubElement(p, w("bookmarkStart"), {ID: str(bookmark_id), w("name"): name})
        start = len(p)
        if all(run.change is Change.EQUAL for run in paragraph.runs):  # most paragraphs: no change at all
            groups = [(Change.EQUAL, None, list(paragraph.runs))]
        else:
            groups = [(change, revision, [r for r in group if r.text])
                      for (change, revision), group in groupby(paragraph.runs, key=lambda r: (r.change, r.revision))]
            groups = [group for group in groups if group[2]]
        comment_id: int | None = None
        ranged = row_change is Change.EQUAL  # LibreOffice keeps a tracked row that holds a comment's range
        for index, (change, revision, runs) in enumerate(groups):
            if change is Change.EQUAL:
                for run in runs:
                    self.run(p, run.text, run.bold, deleted=False)
                continue
            revision = revision or self.tracker.fallback()
            if comment_id is None:
                comment_id = self._comment_id(revision)
                if comment_id is not None and ranged:
                    SubElement(p, w("commentRangeStart"), {ID: str(comment_id)})
            wrapper = SubElement(p, INS if change is Change.INSERT else DEL)
            self._stamp(wrapper, revision)
            for run in runs:
                self.run(wrapper, run.text, run.bold, deleted=change is Change.DELETE)
            following = groups[index + 1] if index + 1 < len(groups) else None
            if comment_id is not None and (following is None or following[0] is Change.EQUAL
                                           or (following[1] or self.tracker.fallback()) != revision):
                self._close_comment(wrapper, comment_id, ranged)  # after the revision's first stretch
                comment_id = None
        for change, revision in ((paragraph.mark, paragraph.mark_revision), (row_change, row_revision)):
            comment_id = self._comment_id(revision)
            if comment_id is not None:  # a whole paragraph (or row) with no run of that revision
                if ranged:
                    p.insert(start, etree.Element(w("commentRangeStart"), {ID: str(comment_id)}))
                wrapper = p
                if change is not Change.EQUAL:
                    wrapper = SubElement(p, INS if change is Change.INSERT else DEL)
                    self._stamp(wrapper, revision)
                self._close_comment(wrapper, comment_id, ranged)
        for remark in paragraph.remarks:  # comments in a party's name over the whole, unchanged paragraph
            remark_id = self._comment_id(remark)
            if remark_id is not None:
                if ranged:
                    p.insert(start, etree.Element(w("commentRangeStart"), {ID: str(remark_id)}))
                self._close_comment(p, remark_id, ranged)
        for bookmark_id, _ in reversed(marks):
            if bookmark_id:
                SubElement(p, w("bookmarkEnd"), {ID: str(bookmark_id)})
        return p

    def _properties(self, p: etree._Element, paragraph: Paragraph) -> None:
        """``w:pPr`` children in the schema's order: pStyle, pageBreakBefore, numPr, rPr."""
        style_id = self._style_id(paragraph.style)
        numbered = paragraph.numbered and self.look.heading_num_id is not None
        if not (style_id or paragraph.page_break_before or numbered or paragraph.mark is not Change.EQUAL):
            return
        ppr = SubElement(p, PPR)
        if style_id:
            SubElement(ppr, PSTYLE, {VAL: style_id})
        if paragraph.page_break_before:
            SubElement(ppr, w("pageBreakBefore"))
        if numbered:
            heading = _HEADING.match(paragraph.style)
            num_pr = SubElement(ppr, w("numPr"))
            SubElement(num_pr, w("ilvl"), {VAL: str(int(heading.group(1)) - 1 if heading else 0)})
            SubElement(num_pr, w("numId"), {VAL: str(self.look.heading_num_id)})
        if paragraph.mark is not Change.EQUAL:
            rpr = SubElement(ppr, RPR)
            self._stamp(SubElement(rpr, INS if paragraph.mark is Change.INSERT else DEL), paragraph.mark_revision)

    def _style_id(self, name: str) -> str | None:
        if name == "Normal":
            return None
        style_id = self.look.styles.get(name)
        if style_id is None and name not in self._unknown_styles:
            self._unknown_styles.add(name)
            self.warnings.append(f"the template has no style {name!r}; Normal was used")
        return style_id

    def run(self, parent: etree._Element, text: str, bold: bool, deleted: bool) -> None:
        """A ``w:r``: text in ``w:t`` (``w:delText`` when deleted), tabs and line breaks as elements."""
        if not text:
            return
        text, warning = word_text(text)
        if warning:
            self.warnings.append(warning)
        r = SubElement(parent, R)
        if bold:
            rpr = SubElement(r, RPR)
            SubElement(rpr, B)
            SubElement(rpr, BCS)
        tag = DEL_TEXT if deleted else T
        pieces = _PIECES.split(text) if ("\t" in text or "\n" in text) else (text,)
        for piece in pieces:
            if piece == "\t":
                SubElement(r, TAB)
            elif piece == "\n":
                SubElement(r, BR)
            elif piece:
                t = SubElement(r, tag)
                t.text = piece
                if needs_preserve(piece):
                    t.set(PRESERVE, "preserve")

    def _stamp(self, element: etree._Element, revision: Revision | None) -> None:
        """``w:id``, ``w:author`` and ``w:date`` on a revision element."""
        revision = revision or self.tracker.fallback()
        stamp = self._stamps.get(revision)
        if stamp is None:
            author = word_text(revision.author)[0].strip() or UNKNOWN_AUTHOR
            stamp = self._stamps[revision] = (author, word_date(revision.date))
        element.set(ID, str(self.new_id()))
        element.set(AUTHOR, stamp[0])
        element.set(DATE, stamp[1])

    def _comment_id(self, revision: Revision | None) -> int | None:
        """A new comment id the first time a revision with a comment shows, else ``None``."""
        if revision is None or not revision.comment or revision in self._commented:
            return None
        self._commented.add(revision)
        comment = Comment(self.new_id(), revision)
        self.comments.append(comment)
        return comment.id

    def _close_comment(self, parent: etree._Element, comment_id: int, ranged: bool) -> None:
        """The end of a comment's range and its reference mark: inside the revision's own ``w:ins``
        or ``w:del``, so the mark goes with the change. In a tracked row the comment has no range
        (a point comment): LibreOffice will not remove a row that still holds part of a range."""
        if ranged:
            SubElement(parent, w("commentRangeEnd"), {ID: str(comment_id)})
        r = SubElement(parent, R)
        if self._reference_style:
            SubElement(SubElement(r, RPR), w("rStyle"), {VAL: self._reference_style})
        SubElement(r, w("commentReference"), {ID: str(comment_id)})

    def _bookmark_id(self, name: str) -> int:
        if name in self._bookmarks:
            self.warnings.append(f"the anchor for bookmark {name!r} is used twice; the second was left out")
            return 0
        self._bookmarks.add(name)
        return self.new_id()

    def table(self, parent: etree._Element, table: Table) -> None:
        """A ``w:tbl`` with grid lines; tracked rows carry ``w:trPr/w:ins|w:del``."""
        rows = [row for row in table.rows if row.cells]
        if len(rows) != len(table.rows):
            self.warnings.append("a table row without cells was left out")
        if not rows:
            self.warnings.append("a table without rows was left out")
            return
        columns = max(len(row.cells) for row in rows)
        width = str(self.look.text_width // columns)
        tbl = SubElement(parent, w("tbl"))
        tbl_pr = SubElement(tbl, w("tblPr"))
        # Grid lines are set directly rather than through a table style: LibreOffice, opening a file
        # with tracking on, records a table style's formatting as changes by an unknown author.
        SubElement(tbl_pr, w("tblW"), {w("w"): "0", w("type"): "auto"})
        borders = SubElement(tbl_pr, w("tblBorders"))
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            SubElement(borders, w(edge), {VAL: "single", w("sz"): "4", w("space"): "0", w("color"): "auto"})
        SubElement(tbl_pr, w("tblLook"), {VAL: "0000", w("firstRow"): "0", w("lastRow"): "0",
                                          w("firstColumn"): "0", w("lastColumn"): "0",
                                          w("noHBand"): "1", w("noVBand"): "1"})
        grid = SubElement(tbl, w("tblGrid"))
        for _ in range(columns):
            SubElement(grid, w("gridCol"), {w("w"): width})
        anchor = table.anchor
        for row in rows:
            tr = SubElement(tbl, w("tr"))
            revision = row.revision or (self.tracker.fallback() if row.change is not Change.EQUAL else None)
            if row.header or row.change is not Change.EQUAL:
                tr_pr = SubElement(tr, w("trPr"))
                if row.header:
                    SubElement(tr_pr, w("tblHeader"))
                if row.change is not Change.EQUAL:
                    self._stamp(SubElement(tr_pr, INS if row.change is Change.INSERT else DEL), revision)
            row_comment: Revision | None = revision
            for cell in row.cells:
                tc = SubElement(tr, w("tc"))
                SubElement(SubElement(tc, w("tcPr")), w("tcW"), {w("w"): width, w("type"): "dxa"})
                paragraphs = self.tracker.stretch(list(cell.paragraphs), row.change, revision)
                if not paragraphs:  # Word needs a paragraph in every cell
                    self.warnings.append("a cell without a paragraph to show was given an empty one")
                    paragraphs = self.tracker.stretch([Paragraph(())], row.change, revision)
                for paragraph in paragraphs:
                    self.paragraph(tc, paragraph, anchor, row.change, row_comment)
                    anchor = row_comment = None
