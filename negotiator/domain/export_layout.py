"""What an exported agreement says, in order, before it becomes Word: the title page, the
numbered sections and the terms schedule. A clean export and both sides of a redline are laid
out by the same code, so that accepting or rejecting every change gives exactly a clean export."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import groupby
from typing import TypeGuard

from negotiator.domain import legal_english as say
from negotiator.domain.excess_bearer import EXCESS_BEARER, bearer_words
from negotiator.domain.excess_bearer import LABEL as EXCESS_LABEL
from negotiator.domain.export_anchors import (
    CLOSING_LINE,
    CORRIDOR,
    Anchor,
    ContributionAnchor,
    PartyLine,
    ScheduleLine,
    SectionAnchor,
    SectionBody,
    ShareAnchor,
    TermAnchor,
    TitleLine,
    anchor_key,
    place_key,
    section_line_key,
)
from negotiator.domain.parties import Party
from negotiator.domain.term_fields import render_term
from negotiator.domain.term_words import NO_CAP, TERM_LABELS
from negotiator.domain.terms import TermsSheet
from negotiator.domain.worked_examples import worked_examples

SUBJECT_TO_CONTRACT = "Subject to contract"
CLOSING = ("This document is subject to contract: it is not binding on any party until every party has signed "
           "the final agreement.")


@dataclass(frozen=True)
class SectionText:
    """A section as it reads in one state of the agreement."""

    section_id: int
    number: str
    depth: int
    heading: str
    text: str  # placeholders already filled in


@dataclass(frozen=True)
class AgreementState:
    """Everything an export of one state (a round, the current text, or a proposed text) shows."""

    title: str
    kind: str
    parties: tuple[tuple[str, str], ...]  # (name, role label)
    label: str  # "Draft 2", or "Current draft"
    issued: date
    sections: tuple[SectionText, ...]
    terms: TermsSheet
    term_parties: Mapping[int, Party]
    # Schedule lines and cells with rival values bracketed in (see ``term_alternatives.py``), by unit key.
    term_offers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Line:
    """One paragraph of the layout. ``key`` aligns it with the other state's paragraph; ``group`` (the
    section's :func:`body_key`) gathers a section's body paragraphs so that they are compared together."""

    key: str
    text: str
    style: str = "Normal"
    numbered: bool = False
    bold: bool = False
    page_break: bool = False
    group: str = ""


@dataclass(frozen=True)
class Grid:
    """A table of the layout; rows are aligned by their key (a term or a party)."""

    key: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (row key, cells)


Item = Line | Grid
Unit = tuple[str, list[Item]]  # what a redline compares as one: a line, a table, or a section's body


def is_paragraphs(members: list[Item]) -> TypeGuard[list[Line]]:
    """Whether a unit's members are paragraphs (a line, or a section's body) rather than a table: a table
    is a unit of its own (see :func:`units`), and a key names the same kind of unit in every state."""
    return not isinstance(members[0], Grid)


def table_of(members: list[Item]) -> Grid:
    """The table of a unit whose members are not paragraphs."""
    table = members[0]
    if not isinstance(table, Grid):
        raise TypeError("the unit holds paragraphs, not a table")
    return table


def heading_key(section_id: int) -> str:
    """The layout key of a section's heading line: the section's anchor."""
    return anchor_key(SectionAnchor(section_id))


def body_key(section_id: int) -> str:
    """The unit key of a section's body paragraphs, taken together."""
    return place_key(SectionBody(section_id))


def cell_anchor(row: str, column: int, columns: int) -> str | None:
    """The export's mark on a schedule cell that holds a term, so that a returned file's edit of it is
    read back as that term: the last cell of a row (``term.payment.days``, a share's cap), and a share's
    gain and loss (``term.share.5.gain``), and every figure of a worked example (``term.example.over.result.2``),
    which the app works out, so that an edit of it is named in the import's report."""
    if row.startswith("example."):
        return anchor_key(TermAnchor(f"{row}.{column}")) if column else None
    if column == columns - 1:
        return anchor_key(TermAnchor(row))
    if row.startswith("share.") and column in (1, 2):
        return anchor_key(TermAnchor(f"{row}.{('gain', 'loss')[column - 1]}"))
    return None


def cell_key(row: str, column: int) -> str:
    """The unit key of one cell of a schedule row (``payment.days:1``)."""
    return f"{row}:{column}"



def layout(state: AgreementState) -> list[Item]:
    """The title page, the numbered sections and the terms schedule of one state."""
    items: list[Item] = [
        Line(place_key(TitleLine("title")), state.title, "Title"),
        Line(place_key(TitleLine("kind")), state.kind, "Subtitle"),
        Line(place_key(TitleLine("between")), "Between"),
    ]
    items += [Line(place_key(PartyLine(name)), f"{name} ({role})") for name, role in state.parties]
    items += [Line(place_key(TitleLine("round")), f"{state.label}, {say.long_date(state.issued)}"),
              Line(place_key(TitleLine("subject")), SUBJECT_TO_CONTRACT, bold=True)]
    for section in state.sections:
        level = min(section.depth + 1, 3)
        items.append(Line(heading_key(section.section_id), section.heading, f"Heading {level}", numbered=True,
                          page_break=section is state.sections[0]))
        for paragraph in section.text.split("\n\n"):
            items.append(Line(section_line_key(section.section_id), paragraph, group=body_key(section.section_id)))
    items += schedule(state.terms, state.term_parties, state.term_offers)
    items += execution(state.parties)
    # A closing paragraph after the last table: it also gives anything appended to a redline an
    # unchanged paragraph to follow, which Word needs to remove an inserted paragraph cleanly.
    items.append(Line(place_key(CLOSING_LINE), CLOSING))
    return items


def units(items: list[Item]) -> list[Unit]:
    """Items in the units a redline aligns: a section's body paragraphs together, every other item alone."""
    out: list[Unit] = []
    for group, members in groupby(items, key=lambda i: i.group if isinstance(i, Line) and i.group else None):
        if group is not None:
            out.append((group, list(members)))
        else:
            out.extend((item.key, [item]) for item in members)
    return out


def unit_texts(items: list[Item]) -> dict[str, str]:
    """The text of every unit in ``items``: a line's, a body's (its paragraphs joined by a blank line,
    which is the section's rendered wording) and each schedule cell's under :func:`cell_key`."""
    texts: dict[str, str] = {}
    for key, members in units(items):
        if is_paragraphs(members):
            texts[key] = "\n\n".join(m.text for m in members)
        else:
            texts.update((cell_key(row, column), text) for row, cells in table_of(members).rows
                         for column, text in enumerate(cells))
    return texts


def schedule_units(sheet: TermsSheet, parties: Mapping[int, Party],
                   offers: Mapping[str, str] | None = None) -> dict[str, str]:
    """The schedule's unit texts (:func:`unit_texts`), and each table's presence under its own key, so that
    the layer that makes a table appear or go (the worked examples, once there is a budget) is its author."""
    items = schedule(sheet, parties, offers)
    return {**unit_texts(items), **{item.key: " | ".join(item.header) for item in items if isinstance(item, Grid)}}


def section_texts(section_id: int, heading: str | None, text: str | None) -> dict[str, str | None]:
    """A section's units and their texts (its placeholders filled in); ``None`` for a section that is gone."""
    return {heading_key(section_id): heading, body_key(section_id): text}


# The schedule's rows of duration and payment terms, each with its label.
DURATION_ROWS = tuple((name, TERM_LABELS[name]) for name in (
    "duration.start", "duration.initial_term", "duration.extensions", "duration.notice", "duration.end",
    "duration.latest_end"))
PAYMENT_ROWS = tuple((name, TERM_LABELS[name]) for name in (
    "payment.mechanism", "payment.annual_value", "payment.variable_part", "payment.quality_incentive",
    "payment.days", "payment.invoicing", "payment.indexation", "payment.pooled_fund"))


def schedule(sheet: TermsSheet, parties: Mapping[int, Party], offers: Mapping[str, str] | None = None) -> list[Item]:
    """The terms schedule: risk share, corridor, duration and payment; ``offers`` gives the lines and cells
    (by unit key) that read otherwise because rival values are bracketed into them."""
    items = _schedule(sheet, parties)
    return [_offered(item, offers) for item in items] if offers else items


def _offered(item: Item, offers: Mapping[str, str]) -> Item:
    if isinstance(item, Line):
        return replace(item, text=offers[item.key]) if item.key in offers else item
    return replace(item, rows=tuple((row, tuple(offers.get(cell_key(row, n), text) for n, text in enumerate(cells)))
                                    for row, cells in item.rows))


def _schedule(sheet: TermsSheet, parties: Mapping[int, Party]) -> list[Item]:

    def value(name: str) -> str:
        return render_term(sheet, name, parties) or "Not yet agreed"

    items: list[Item] = [Line(place_key(ScheduleLine("schedule")), "Schedule: commercial terms", "Heading 1",
                              page_break=True),
                         Line(place_key(ScheduleLine("schedule.risk")), "Risk share", "Heading 2")]
    shares = []
    for share in sheet.risk_share.shares:
        name = parties[share.party_id].name if share.party_id in parties else f"Party {share.party_id}"
        cap = say.money(share.loss_cap) if share.loss_cap is not None else NO_CAP
        shares.append((f"share.{share.party_id}", (name, say.percent(share.gain), say.percent(share.loss), cap)))
    items.append(Grid(place_key(ScheduleLine("risk")), ("Party", "Share of gains", "Share of losses", "Cap on losses"),
                      tuple(shares)))
    corridor = sheet.risk_share.corridor
    items.append(Line(anchor_key(CORRIDOR), "Risk corridor: " + (f"± {say.percent(corridor)} of the budget"
                                                                 if corridor is not None else "none")))
    if sheet.risk_share.shares:  # its own line, anchored as the term, so that a returned edit of it comes home
        items.append(Line(anchor_key(TermAnchor(EXCESS_BEARER)),
                          f"{EXCESS_LABEL}: {bearer_words(sheet.risk_share, parties)}"))
    items += worked_examples(sheet, parties)
    items.append(Line(place_key(ScheduleLine("schedule.duration")), "Duration", "Heading 2"))
    items.append(Grid(place_key(ScheduleLine("duration")), ("Term", "Value"),
                      tuple((k, (label, value(k))) for k, label in DURATION_ROWS)))
    items.append(Line(place_key(ScheduleLine("schedule.payment")), "Payment", "Heading 2"))
    rows = [(k, (label, value(k))) for k, label in PAYMENT_ROWS]
    for party_id, pence in sheet.payment.contributions:
        name = parties[party_id].name if party_id in parties else f"Party {party_id}"
        rows.append((f"contribution.{party_id}", (f"Pooled-fund contribution: {name}", say.money(pence))))
    items.append(Grid(place_key(ScheduleLine("payment")), ("Term", "Value"), tuple(rows)))
    return items


BLANK = "_" * 32  # a line to write on


def execution(parties: tuple[tuple[str, str], ...]) -> list[Item]:
    """The execution page: a signature block for each party, in the order the agreement lists them."""
    items: list[Item] = [Line("execution", "Execution", "Heading 1", page_break=True),
                         Line("execution.note", "Each party signs by its authorised signatory on the date written "
                              "below its signature.")]
    for name, role in parties:
        items += [Line(f"sign.{name}", f"Signed for and on behalf of {name} ({role})", bold=True),
                  Line(f"sign.{name}.signature", f"Signature: {BLANK}"),
                  Line(f"sign.{name}.signatory", f"Name of signatory: {BLANK}"),
                  Line(f"sign.{name}.position", f"Position: {BLANK}"),
                  Line(f"sign.{name}.date", f"Date: {BLANK}")]
    return items


def term_anchor(name: str, party_ids: Mapping[str, int]) -> Anchor:
    """The anchor of the schedule row (or line) that shows a term, ``party_ids`` mapping each party's
    slug in term names to its id: where a remark about the term goes."""
    parts = name.split(".")
    if name == "risk_share.corridor":
        return CORRIDOR
    if parts[0] == "risk_share" and len(parts) == 3 and parts[1] in party_ids:
        return ShareAnchor(party_ids[parts[1]])
    if name.startswith("payment.contribution.") and len(parts) == 3 and parts[2] in party_ids:
        return ContributionAnchor(party_ids[parts[2]])
    if name in ("duration.extension_count", "duration.extension_months"):
        return TermAnchor("duration.extensions")
    return TermAnchor(name)
