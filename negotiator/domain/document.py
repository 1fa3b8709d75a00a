"""A Word document as the exports see it, independent of OOXML: paragraphs and tables whose runs
are kept, inserted or deleted by a named author. The word package turns it into a .docx; the
tests and the import compare it paragraph by paragraph.

Accepting every change keeps EQUAL and INSERT runs and drops paragraphs whose mark is DELETE;
rejecting every change keeps EQUAL and DELETE runs and drops paragraphs whose mark is INSERT.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Change(StrEnum):
    """Whether a run, a paragraph mark or a table row is kept, inserted or deleted."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Revision:
    """Who made a change and when; the comment (a proposal's rationale) goes beside it in Word."""

    author: str
    date: datetime
    comment: str | None = None


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting and one change."""

    text: str
    change: Change = Change.EQUAL
    revision: Revision | None = None
    bold: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One paragraph. ``style`` is a Word style name: Title, Subtitle, Heading 1-3, Normal.

    ``numbered`` headings carry Word's own multi-level numbering (1, 1.1, 1.1.1 by heading level),
    never typed numbers. ``mark`` is the revision of the paragraph mark: INSERT or DELETE when the
    whole paragraph is new or gone. ``anchor`` names an invisible bookmark around the paragraph
    (``s12`` for section 12's heading, ``s12.p2`` for its second body paragraph, ``term.payment.days``).
    """

    runs: tuple[Run, ...]
    style: str = "Normal"
    numbered: bool = False
    mark: Change = Change.EQUAL
    mark_revision: Revision | None = None
    anchor: str | None = None
    page_break_before: bool = False
    # Comments on the paragraph that belong to no change: a competing proposal the export does not
    # apply, shown in its proposer's name beside the wording or term it would change.
    remarks: tuple[Revision, ...] = ()


@dataclass(frozen=True)
class Cell:
    """A table cell: one or more paragraphs."""

    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Row:
    """A table row; a row that is new or gone as a whole carries its own revision."""

    cells: tuple[Cell, ...]
    change: Change = Change.EQUAL
    revision: Revision | None = None
    header: bool = False


@dataclass(frozen=True)
class Table:
    """A table (the terms schedule)."""

    rows: tuple[Row, ...]
    anchor: str | None = None


Block = Paragraph | Table


@dataclass(frozen=True)
class WordDocument:
    """What an export writes: the body, the header line, and whether Word keeps tracking changes."""

    blocks: tuple[Block, ...]
    header: str = ""
    footer: str = ""  # the page number follows it
    track_revisions: bool = False
    warnings: tuple[str, ...] = field(default_factory=tuple)


def paragraph_texts(document: WordDocument, *, accept: bool) -> list[str]:
    """The document's paragraphs (table cells included, in reading order) after accepting or
    rejecting every change: what Word or LibreOffice shows after Accept All or Reject All."""
    dropped_mark = Change.DELETE if accept else Change.INSERT
    dropped_run = Change.DELETE if accept else Change.INSERT
    out: list[str] = []

    def visit(paragraph: Paragraph) -> None:
        if paragraph.mark is not dropped_mark:
            out.append("".join(r.text for r in paragraph.runs if r.change is not dropped_run))

    for block in document.blocks:
        if isinstance(block, Paragraph):
            visit(block)
            continue
        for row in block.rows:
            if row.change is dropped_mark:
                continue
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    visit(paragraph)
    return out


def authors(document: WordDocument) -> dict[str, int]:
    """How many changes (inserted or deleted runs, paragraph marks and rows) each author has."""
    counts: dict[str, int] = {}

    def count(revision: Revision | None) -> None:
        if revision is not None:
            counts[revision.author] = counts.get(revision.author, 0) + 1

    def visit(paragraph: Paragraph) -> None:
        for run in paragraph.runs:
            if run.change is not Change.EQUAL:
                count(run.revision)
        if paragraph.mark is not Change.EQUAL:
            count(paragraph.mark_revision)

    for block in document.blocks:
        if isinstance(block, Paragraph):
            visit(block)
            continue
        for row in block.rows:
            if row.change is not Change.EQUAL:
                count(row.revision)
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    visit(paragraph)
    return counts


def anchored_texts(document: WordDocument) -> dict[str, str]:
    """The accepted text of every marked paragraph: what the file says where, once its changes are taken."""
    found: dict[str, str] = {}

    def visit(paragraph: Paragraph) -> None:
        if paragraph.anchor and paragraph.mark is not Change.DELETE:
            found[paragraph.anchor] = "".join(r.text for r in paragraph.runs if r.change is not Change.DELETE)

    for block in document.blocks:
        if isinstance(block, Paragraph):
            visit(block)
            continue
        for row in block.rows:
            if row.change is not Change.DELETE:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        visit(paragraph)
    return found


def texts_without(document: WordDocument, revisions: set[Revision]) -> dict[Revision, dict[str, str]]:
    """For each of ``revisions``, the text of every marked paragraph that holds its changes, with those
    changes turned down and every other accepted: what the paragraph reads when a reader rejects that
    one change. One pass over the document, however many revisions are asked about."""
    found: dict[Revision, dict[str, str]] = {}

    def visit(paragraph: Paragraph) -> None:
        if not paragraph.anchor or paragraph.mark is not Change.EQUAL:
            return
        changed = {r.revision for r in paragraph.runs if r.change is not Change.EQUAL and r.revision is not None}
        for revision in changed & revisions:
            found.setdefault(revision, {})[paragraph.anchor] = "".join(
                r.text for r in paragraph.runs
                if r.change is Change.EQUAL or (r.change is Change.DELETE) == (r.revision == revision))

    for block in document.blocks:
        if isinstance(block, Paragraph):
            visit(block)
        else:
            for row in block.rows:
                for cell in row.cells if row.change is Change.EQUAL else ():
                    for paragraph in cell.paragraphs:
                        visit(paragraph)
    return found
