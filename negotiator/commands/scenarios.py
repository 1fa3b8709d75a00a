"""`negotiator scenarios A`: what each party gains or loses at a range of year-end results, under the
current terms and, side by side, with open term proposals accepted."""

from __future__ import annotations

import argparse
import re
from decimal import Decimal
from typing import TYPE_CHECKING

from negotiator.commands.output import OK, add_json, print_json, print_table
from negotiator.domain.errors import InvalidInput
from negotiator.domain.json_data import JsonObject
from negotiator.domain.legal_english import money
from negotiator.domain.scenario_terms import percent_results, signed_money
from negotiator.domain.scenarios import parse_percent, parse_result, result_range, result_words
from negotiator.domain.term_fields import terms_as_dict

if TYPE_CHECKING:  # the services (and SQLAlchemy) load only when a command runs
    from negotiator.domain.risk_outcome import Outcome
    from negotiator.services.scenarios import Scenarios
    from negotiator.services.session import Workspace


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the scenarios command."""
    parser = commands.add_parser("scenarios", help="each party's gain or loss at a range of year-end results, "
                                 "under the current terms and with open term proposals")
    parser.set_defaults(handler=_scenarios)
    # An overspend is written with a minus ("--from -10%", "--result -£2m"): read such a value as a value,
    # not as an unknown option (argparse does so only for plain negative numbers).
    parser._negative_number_matcher = re.compile(r"^-(\d|\.\d|£)")
    parser.add_argument("agreement", help="id or unique title")
    parser.add_argument("--from", dest="start", metavar="PERCENT", help="lowest result, as a percentage of the "
                        "budget (default -10%%; negative is an overspend)")
    parser.add_argument("--to", dest="stop", metavar="PERCENT", help="highest result (default 10%%)")
    parser.add_argument("--step", metavar="PERCENT", help="between results (default 1%%)")
    parser.add_argument("--result", action="append", default=[], metavar="RESULT",
                        help="a result of its own, such as -£2m, 'overspend of 3%%' or 1.5%%; repeat for more "
                        "(then the range is shown only when --from, --to or --step is given)")
    parser.add_argument("--with-proposal", action="append", default=[], metavar="N[,M…]",
                        help="also show the terms with open term proposal N accepted; N,M for several together; "
                        "repeat for more scenarios side by side")
    add_json(parser)


def _combinations(values: list[str]) -> list[list[int]]:
    combinations = []
    for value in values:
        parts = [part.strip().lstrip("#") for part in value.split(",")]
        if not all(part.isdigit() for part in parts):
            raise InvalidInput(f"'{value}' is not a proposal number; give it as it is listed by 'negotiator "
                               "proposals', such as 7, or 7,9 for two together.", field="with-proposal")
        combinations.append([int(part) for part in parts])
    return combinations


def _points(args: argparse.Namespace, budget: int | None) -> list[tuple[int, Decimal | None]]:
    """The results to show (pence), each with its percentage of the budget when it has one."""
    points: list[tuple[int, Decimal | None]] = []
    if not args.result or any(v is not None for v in (args.start, args.stop, args.step)):
        percents = result_range(parse_percent(args.start or "-10%", "lower end"),
                                parse_percent(args.stop or "10%", "upper end"),
                                parse_percent(args.step or "1%", "step"))
        points += list(zip(percent_results(percents, budget), percents, strict=True))
    for text in args.result:
        result = parse_result(text, budget)
        points.append((result, Decimal(result * 100) / budget if budget else None))
    return points


def _percent(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.quantize(Decimal('0.01')).normalize():f}"


def _scenarios(ws: Workspace, args: argparse.Namespace) -> int:
    combinations = _combinations(args.with_proposal)
    found = ws.scenarios.scenarios(args.agreement, combinations)
    points = _points(args, found.budget)
    tables = found.outcomes([result for result, _ in points])
    if args.json:
        return print_json(_as_json(ws, found, points, tables))
    budget = f"a budget of {money(found.budget)}" if found.budget else "no budget set"
    print(f"{found.title}: {budget}. Positive results are underspends (gains), negative overspends (losses).")
    names = [name for _, name in found.parties]
    if not names:
        print("No party shares this agreement's risk yet: give each party its share of gains and losses "
              "(risk_share.PARTY.gain and .loss: 'terms set' while drafting, 'propose' after the first round).")
    for scenario, outcomes in zip(found.scenarios, tables, strict=True):
        print(f"\n{scenario.label}")
        rest = any(o.uncovered for o in outcomes)  # a loss beyond every cap: said, not silently dropped
        rows = [(_result_cell(result, percent), *(signed_money(o.of(pid)) for pid, _ in found.parties),
                 *((signed_money(o.uncovered),) if rest else ()))
                for (result, percent), o in zip(points, outcomes, strict=True)]
        print_table(("Result", *names, *(("Carried by no party",) if rest else ())), rows)
    return OK


def _result_cell(result: int, percent: Decimal | None) -> str:
    words = result_words(result)
    if percent is None:
        return words
    return f"{words} ({_percent(abs(percent))}%)" if result else words


def _as_json(ws: Workspace, found: Scenarios, points: list[tuple[int, Decimal | None]],
             tables: list[list[Outcome]]) -> JsonObject:
    agreement = ws.agreements.agreement(found.agreement_id)
    parties = ws.agreements.parties_of(agreement)
    names = dict(found.parties)
    return {"id": found.agreement_id, "title": found.title, "budget": found.budget,
            "parties": [{"id": pid, "name": parties[pid].name, "short_name": name} for pid, name in found.parties],
            "scenarios": [{"label": scenario.label, "proposals": list(scenario.proposal_ids),
                           "terms": {k: v for k, v in terms_as_dict(scenario.sheet, parties).items()
                                     if k.startswith("risk_share.") or k in ("payment.annual_value",
                                                                             "payment.pooled_fund")},
                           "points": [{"result": o.result, "percent": _percent(percent),
                                       "within_corridor": o.within_corridor, "shared": o.shared,
                                       "uncovered": o.uncovered,
                                       "parties": [{"party": names.get(p.party_id, str(p.party_id)),
                                                    "amount": p.amount, "at_cap": p.at_cap} for p in o.parts]}
                                      for (_, percent), o in zip(points, outcomes, strict=True)]}
                          for scenario, outcomes in zip(found.scenarios, tables, strict=True)]}
