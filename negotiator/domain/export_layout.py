"""What an exported agreement says, in order, before it becomes Word: the title page, the
numbered sections and the terms schedule. A clean export and both sides of a redline are laid
out by the same code, so that accepting or rejecting every change gives exactly a clean export."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from negotiator.domain import legal_english as say
from negotiator.domain.parties import Party
from negotiator.domain.term_fields import render_term
from negotiator.domain.terms import TermsSheet

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


@dataclass(frozen=True)
class Line:
    """One paragraph of the layout. ``key`` aligns it with the other state's paragraph; ``group``
    gathers a section's body paragraphs so that they are compared together."""

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


def layout(state: AgreementState) -> list[Item]:
    """The title page, the numbered sections and the terms schedule of one state."""
    items: list[Item] = [
        Line("title", state.title, "Title"),
        Line("kind", state.kind, "Subtitle"),
        Line("between", "Between"),
    ]
    items += [Line(f"party.{name}", f"{name} ({role})") for name, role in state.parties]
    items += [Line("round", f"{state.label}, {say.long_date(state.issued)}"),
              Line("subject", SUBJECT_TO_CONTRACT, bold=True)]
    for section in state.sections:
        level = min(section.depth + 1, 3)
        items.append(Line(f"s{section.section_id}", section.heading, f"Heading {level}", numbered=True,
                          page_break=section is state.sections[0]))
        for paragraph in section.text.split("\n\n"):
            items.append(Line(f"s{section.section_id}.p", paragraph, group=f"s{section.section_id}"))
    items += _schedule(state)
    # A closing paragraph after the last table: it also gives anything appended to a redline an
    # unchanged paragraph to follow, which Word needs to remove an inserted paragraph cleanly.
    items.append(Line("closing", CLOSING))
    return items


def _schedule(state: AgreementState) -> list[Item]:
    sheet, parties = state.terms, state.term_parties

    def value(name: str) -> str:
        return render_term(sheet, name, parties) or "Not yet agreed"

    items: list[Item] = [Line("schedule", "Schedule: commercial terms", "Heading 1", page_break=True),
                         Line("schedule.risk", "Risk share", "Heading 2")]
    shares = []
    for share in sheet.risk_share.shares:
        name = parties[share.party_id].name if share.party_id in parties else f"Party {share.party_id}"
        cap = say.money(share.loss_cap) if share.loss_cap is not None else "None"
        shares.append((f"share.{share.party_id}", (name, say.percent(share.gain), say.percent(share.loss), cap)))
    items.append(Grid("risk", ("Party", "Share of gains", "Share of losses", "Cap on losses"), tuple(shares)))
    corridor = sheet.risk_share.corridor
    items.append(Line("corridor", "Risk corridor: " + (f"± {say.percent(corridor)} of the budget"
                                                       if corridor is not None else "none")))
    items.append(Line("schedule.duration", "Duration", "Heading 2"))
    duration = [("duration.start", "Start date"), ("duration.initial_term", "Initial term"),
                ("duration.extensions", "Extension options"), ("duration.notice", "No-fault termination notice"),
                ("duration.end", "Initial term ends"), ("duration.latest_end", "Latest end, with every extension")]
    items.append(Grid("duration", ("Term", "Value"), tuple((k, (label, value(k))) for k, label in duration)))
    items.append(Line("schedule.payment", "Payment", "Heading 2"))
    payment = [("payment.mechanism", "Payment mechanism"), ("payment.annual_value", "Annual contract value"),
               ("payment.variable_part", "Variable or at-risk part"),
               ("payment.quality_incentive", "Quality incentive"), ("payment.days", "Invoices paid within"),
               ("payment.invoicing", "Invoicing"), ("payment.indexation", "Indexation"),
               ("payment.pooled_fund", "Pooled fund")]
    rows = [(k, (label, value(k))) for k, label in payment]
    for party_id, pence in sheet.payment.contributions:
        name = parties[party_id].name if party_id in parties else f"Party {party_id}"
        rows.append((f"contribution.{party_id}", (f"Pooled-fund contribution: {name}", say.money(pence))))
    items.append(Grid("payment", ("Term", "Value"), tuple(rows)))
    return items
