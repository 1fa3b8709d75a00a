"""The worked examples of the terms schedule: what the risk share means in pounds for a year-end result
of 2%, 5% and 10% of the budget either way, each party's share worked out from the terms.

Two tables, overspends and underspends, each with a fixed header (the percentages), so that a change of
terms shows as tracked changes of cells and rows and never of the header, which a redline does not
track. Rows are keyed by what they show (the result, the corridor, each party, the uncovered rest), so
a party joining the risk share is a tracked row. Losses are in brackets, as accounts show them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from negotiator.domain.export_anchors import ScheduleLine, place_key
from negotiator.domain.legal_english import money
from negotiator.domain.parties import Party
from negotiator.domain.risk_outcome import Outcome, share_result
from negotiator.domain.scenarios import WORKED_EXAMPLES, budget_of, percent_of
from negotiator.domain.terms import TermsSheet

if TYPE_CHECKING:
    from negotiator.domain.export_layout import Item

TITLE = "Worked examples"
NO_SHARES = "No worked examples are given: no party has a share of gains or losses yet."
NO_BUDGET = ("No worked examples are given: the agreement has no annual contract value or pooled fund to measure "
             "a year-end result against.")
HEADING, NOTE = place_key(ScheduleLine("examples")), place_key(ScheduleLine("examples.note"))  # the lines' names
# The two tables: (side in row keys, table key, first header cell, the percentages it shows, smallest first).
SIDES = (("over", place_key(ScheduleLine("examples.overspend")), "Overspend against the budget",
          tuple(sorted(-p for p in WORKED_EXAMPLES if p < 0))),
         ("under", place_key(ScheduleLine("examples.underspend")), "Underspend against the budget",
          tuple(sorted(p for p in WORKED_EXAMPLES if p > 0))))
_REST = {"over": "Loss above every cap, carried by no party", "under": "Gain shared by no party"}


def amount(pence: int) -> str:
    """An amount as the schedule shows it: a gain as "£416,000", a loss in brackets, "(£250,000)"."""
    return f"({money(-pence)})" if pence < 0 else money(pence)


def percent_header(percent: Decimal) -> str:
    """A column's header: "2%"."""
    return f"{percent.normalize():f}%"


def worked_examples(sheet: TermsSheet, parties: Mapping[int, Party]) -> list[Item]:
    """The schedule's lines and tables of worked examples, or a plain sentence saying why there are none."""
    from negotiator.domain.export_layout import Grid, Line  # the layout's own items; it calls this

    items: list[Item] = [Line(HEADING, TITLE, bold=True)]
    risk, budget = sheet.risk_share, budget_of(sheet)
    if not risk.shares:
        return [*items, Line(NOTE, NO_SHARES)]
    if budget is None:
        return [*items, Line(NOTE, NO_BUDGET)]
    basis = "the annual contract value" if sheet.payment.annual_value else "the pooled fund"
    items.append(Line(NOTE, f"What the risk share means in pounds for a year-end result against a budget "
                      f"of {money(budget)} ({basis}), worked out by the app from the terms above. Losses are "
                      "shown in brackets."))
    for side, key, first, percents in SIDES:
        sign = -1 if side == "over" else 1
        outcomes = [share_result(risk, sign * percent_of(budget, p), budget) for p in percents]
        header = (first, *(percent_header(p) for p in percents))
        items.append(Grid(key, header, tuple(_rows(side, outcomes, sheet, parties))))
    return items


def _rows(side: str, outcomes: Sequence[Outcome], sheet: TermsSheet,
          parties: Mapping[int, Party]) -> list[tuple[str, tuple[str, ...]]]:
    def row(what: str, label: str, values: Sequence[int]) -> tuple[str, tuple[str, ...]]:
        return f"example.{side}.{what}", (label, *(amount(v) for v in values))

    rows = [row("result", "Year-end result", [o.result for o in outcomes])]
    if any(o.within_corridor for o in outcomes):
        rows.append(row("corridor", "Within the corridor, not shared", [o.within_corridor for o in outcomes]))
    for share in sheet.risk_share.shares:
        name = parties[share.party_id].name if share.party_id in parties else f"Party {share.party_id}"
        rows.append(row(f"share.{share.party_id}", name, [o.of(share.party_id) for o in outcomes]))
    if any(o.uncovered for o in outcomes):
        rows.append(row("uncovered", _REST[side], [o.uncovered for o in outcomes]))
    return rows


def example_cell(key: str, parties: Mapping[int, Party]) -> str | None:
    """A worked example's cell in words, from the export's key for it (``example.over.share.5.2``):
    "the worked example of an overspend of 5%: Hope Street Wellbeing's share"; None when it is not one."""
    parts = key.split(".")
    if len(parts) < 4 or parts[0] != "example" or parts[1] not in ("over", "under") or not parts[-1].isdigit():
        return None
    side = next(s for s in SIDES if s[0] == parts[1])
    column = int(parts[-1])
    if not 1 <= column <= len(side[3]):
        return None
    what = ".".join(parts[2:-1])
    if what.startswith("share.") and what[6:].isdigit():
        party = parties.get(int(what[6:]))
        shown = f"{party.name}'s share" if party else "a party's share"
    else:
        shown = {"result": "the year-end result", "corridor": "the part within the corridor",
                 "uncovered": _REST[parts[1]].lower()}.get(what, "a figure")
    kind = "an overspend" if parts[1] == "over" else "an underspend"
    return f"the worked example of {kind} of {percent_header(side[3][column - 1])}: {shown}"
