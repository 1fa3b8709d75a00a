"""The places of an exported agreement a comment can go: a section's heading, or the schedule line or row
that shows a term. Each is a typed anchor; in the Word file it is the paragraph's bookmark, named by
:func:`anchor_key` and read back by :func:`anchor_of`, the one pair that knows the names' form.

The file names more paragraphs than a comment goes on: a section's numbered paragraphs, the title page's
lines, the schedule's headings and tables, the closing words. Each of those is a typed place too, named by
:func:`place_key` and read back by :func:`place_of`; nothing else builds or parses these names."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SectionAnchor:
    """A section's heading (``s12``)."""

    section_id: int


@dataclass(frozen=True)
class ShareAnchor:
    """A party's row of the risk share (``term.share.5``, on the row's last cell: the cap on its losses)."""

    party_id: int

    @property
    def cell(self) -> str:
        """The schedule cell's key, as the terms read it (``share.5``)."""
        return f"share.{self.party_id}"


@dataclass(frozen=True)
class ContributionAnchor:
    """A party's pooled-fund contribution row of the payment table (``term.contribution.5``)."""

    party_id: int

    @property
    def cell(self) -> str:
        """The schedule cell's key, as the terms read it (``contribution.5``)."""
        return f"contribution.{self.party_id}"


@dataclass(frozen=True)
class CorridorAnchor:
    """The risk corridor's line (``corridor``)."""

    @property
    def cell(self) -> str:
        """The schedule cell's key, as the terms read it (``corridor``)."""
        return "corridor"


@dataclass(frozen=True)
class TermAnchor:
    """The schedule line or row of any other term, by the name the schedule shows it under
    (``term.payment.days``, ``term.duration.extensions``)."""

    name: str

    @property
    def cell(self) -> str:
        """The schedule cell's key, as the terms read it: the name (``payment.days``, ``share.5.gain``)."""
        return self.name


Anchor = SectionAnchor | ShareAnchor | ContributionAnchor | CorridorAnchor | TermAnchor
CORRIDOR = CorridorAnchor()

TermPlace = ShareAnchor | ContributionAnchor | CorridorAnchor | TermAnchor  # a line or cell of the schedule

_SECTION = re.compile(r"s(\d+)")
_PARTY_ROW = re.compile(r"term\.(share|contribution)\.(0|[1-9]\d*)")


def anchor_key(anchor: Anchor) -> str:
    """The anchor's name in the Word file."""
    if isinstance(anchor, SectionAnchor):
        return f"s{anchor.section_id}"
    if isinstance(anchor, ShareAnchor):
        return f"term.share.{anchor.party_id}"
    if isinstance(anchor, ContributionAnchor):
        return f"term.contribution.{anchor.party_id}"
    if isinstance(anchor, CorridorAnchor):
        return "corridor"
    return f"term.{anchor.name}"


def anchor_of(key: str) -> Anchor | None:
    """The anchor a name in the Word file stands for, so that ``anchor_of(anchor_key(a)) == a``; None for
    a name no anchor has (a section's paragraph ``s12.p2``, a title line). Any other name under ``term.``
    (a figure's cell, ``term.share.5.gain``) reads as a term anchor of what follows."""
    if key == "corridor":
        return CORRIDOR
    if section := _SECTION.fullmatch(key):
        return SectionAnchor(int(section.group(1)))
    if row := _PARTY_ROW.fullmatch(key):
        party_id = int(row.group(2))
        return ShareAnchor(party_id) if row.group(1) == "share" else ContributionAnchor(party_id)
    if key.startswith("term.") and len(key) > len("term."):
        return TermAnchor(key.removeprefix("term."))
    return None


@dataclass(frozen=True)
class SectionParagraph:
    """A section's body paragraph, numbered from 1 in the file (``s12.p2``)."""

    section_id: int
    index: int


@dataclass(frozen=True)
class SectionBody:
    """A section's body paragraphs taken together (``s12.body``): the unit a redline compares, and the
    key of the section's wording in the export's record; no paragraph of the file is named so."""

    section_id: int


@dataclass(frozen=True)
class SectionName:
    """Any other name under a section's (``s12.x``): the export writes none, but a paragraph so named in a
    returned file still belongs to the section."""

    section_id: int
    rest: str


@dataclass(frozen=True)
class TitleLine:
    """A line of the title page: ``title``, ``kind``, ``between``, ``round`` or ``subject``."""

    name: str


@dataclass(frozen=True)
class PartyLine:
    """A party's line of the title page (``party.<name>``)."""

    party: str


@dataclass(frozen=True)
class ScheduleLine:
    """A heading, table or note of the terms schedule that holds no term: ``schedule``, ``schedule.risk``,
    the tables ``risk``, ``duration`` and ``payment``, the worked examples' ``examples…``."""

    name: str


@dataclass(frozen=True)
class ClosingLine:
    """The closing paragraph after the last table (``closing``)."""


Place = (Anchor | SectionParagraph | SectionBody | SectionName | TitleLine | PartyLine | ScheduleLine
         | ClosingLine)
InSection = SectionAnchor | SectionParagraph | SectionBody | SectionName  # a name under a section's
SectionPlace = SectionAnchor | SectionParagraph  # a paragraph the export writes for a section
TitlePlace = TitleLine | PartyLine
CLOSING_LINE = ClosingLine()
TITLE_LINES = ("title", "kind", "between", "round", "subject")
SCHEDULE_TABLES = ("risk", "duration", "payment")

_PARTY_CELL = re.compile(r"(share|contribution)\.(\d+)(?:\.(gain|loss))?")
_SECTION_PARAGRAPH = re.compile(r"s(\d+)\.p(\d+)")
_IN_SECTION = re.compile(r"s(\d+)\.(.*)", re.DOTALL)


def place_key(place: Place) -> str:
    """The place's name in the Word file (or, for a section's body, in the export's record)."""
    if isinstance(place, SectionParagraph):
        return f"s{place.section_id}.p{place.index}"
    if isinstance(place, SectionBody):
        return f"s{place.section_id}.body"
    if isinstance(place, SectionName):
        return f"s{place.section_id}.{place.rest}"
    if isinstance(place, PartyLine):
        return f"party.{place.party}"
    if isinstance(place, TitleLine | ScheduleLine):
        return place.name
    if isinstance(place, ClosingLine):
        return "closing"
    return anchor_key(place)


def place_of(key: str | None) -> Place | None:
    """The place a name in the Word file stands for, so that ``place_of(place_key(p)) == p``; None for no
    name, or a name no place has (the execution page's, a Word bookmark's)."""
    if not key:
        return None
    if (anchor := anchor_of(key)) is not None:
        return anchor
    if paragraph := _SECTION_PARAGRAPH.fullmatch(key):
        return SectionParagraph(int(paragraph.group(1)), int(paragraph.group(2)))
    if inside := _IN_SECTION.fullmatch(key):
        section_id, rest = int(inside.group(1)), inside.group(2)
        return SectionBody(section_id) if rest == "body" else SectionName(section_id, rest)
    if key in TITLE_LINES:
        return TitleLine(key)
    if key.startswith("party."):
        return PartyLine(key.removeprefix("party."))
    if key == "schedule" or key.startswith(("schedule.", "examples")) or key in SCHEDULE_TABLES:
        return ScheduleLine(key)
    if key == "closing":
        return CLOSING_LINE
    return None


def section_of(place: Place | None) -> int | None:
    """The section a place is under, if any: its heading, a paragraph of it, any name under its own."""
    return place.section_id if isinstance(place, InSection) else None


def section_line_key(section_id: int) -> str:
    """The layout's key of each of a section's body paragraphs before the redline numbers them
    (``s12.p``): never a name in the file, where they become :class:`SectionParagraph`."""
    return f"s{section_id}.p"


@dataclass(frozen=True)
class PartyCell:
    """A cell of a party's row of the schedule, by the cell's key (a term place's ``cell``): ``share.5``
    (the row's last cell, the cap on losses), ``share.5.gain``, ``share.5.loss``, ``contribution.5``."""

    row: str  # "share" or "contribution"
    party_id: int
    part: str | None  # "gain", "loss", or None for the row's last cell


def party_cell_of(cell: str) -> PartyCell | None:
    """The party's row and cell a schedule cell's key names, or None for a cell of no party's row."""
    if found := _PARTY_CELL.fullmatch(cell):
        return PartyCell(found.group(1), int(found.group(2)), found.group(3))
    return None
