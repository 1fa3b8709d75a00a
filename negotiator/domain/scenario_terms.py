"""The terms as they would be if open proposals were accepted: which proposals can make a scenario,
how several combine, and how a scenario and an amount are said in words.

A scenario is the current terms with one or more open term proposals applied in memory, never saved.
Proposals combine only when they do not set the same term to different values: "the Trust's 3%
corridor" and "the Federation's 1% corridor" are rivals, each a scenario of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from negotiator.domain.errors import InvalidInput
from negotiator.domain.legal_english import money
from negotiator.domain.parties import Party
from negotiator.domain.proposals import Proposal, ProposalKind
from negotiator.domain.scenarios import MAX_POINTS, parse_result, percent_of
from negotiator.domain.term_fields import set_term
from negotiator.domain.term_words import term_label, value_words
from negotiator.domain.terms import TermsSheet

CURRENT = "Current terms"
# Terms that change who gains or loses what: the risk share itself and the budget it is measured against.
MONEY_TERMS = ("risk_share.", "payment.annual_value", "payment.pooled_fund")


def check_usable(proposal: Proposal, agreement_id: int, title: str) -> None:
    """Refuse a proposal that cannot make a scenario of this agreement, saying why."""
    if proposal.agreement_id != agreement_id:
        raise InvalidInput(f"Proposal {proposal.id} is not on '{title}'; give a proposal of that agreement "
                           "(see 'negotiator proposals').", field="proposal")
    if proposal.kind not in (ProposalKind.TERM, ProposalKind.TERMS):
        raise InvalidInput(f"Proposal {proposal.id} changes the wording, not the terms, so it does not change what "
                           "any party gains or loses.", field="proposal")
    if not proposal.is_open:
        raise InvalidInput(f"Proposal {proposal.id} is already {proposal.status.value}; only an open proposal makes "
                           "a scenario.", field="proposal")


def moves_money(proposal: Proposal) -> bool:
    """Whether an open term proposal changes the risk share or the budget (the app shows these at once)."""
    return proposal.is_open and any(name.startswith(MONEY_TERMS) for name in proposal.term_values())


def combined(sheet: TermsSheet, proposals: Sequence[Proposal], parties: Mapping[int, Party]) -> TermsSheet:
    """``sheet`` with every proposal's values set; refused when two set one term to different values."""
    values: dict[str, tuple[str, Proposal]] = {}
    for proposal in proposals:
        for name, value in proposal.term_values().items():
            if name in values and values[name][0] != value:
                other = values[name][1]
                raise InvalidInput(
                    f"Proposals {other.id} and {proposal.id} both set {term_label(name, parties)} "
                    f"({value_words(name, values[name][0])} and {value_words(name, value)}); a scenario can take "
                    "only one of them.", field="proposal")
            values[name] = (value, proposal)
    for name, (value, _) in values.items():
        sheet = set_term(sheet, name, value, parties)
    return sheet


def scenario_label(proposals: Sequence[Proposal], parties: Mapping[int, Party]) -> str:
    """A scenario in words: "Current terms", "Community Trust's proposal 7: risk corridor 3%", or
    "Proposals 7 and 9 together: …"."""
    if not proposals:
        return CURRENT
    changes = "; ".join(f"{term_label(name, parties)} {value_words(name, value)}"
                        for p in proposals for name, value in p.term_values().items())
    if len(proposals) == 1:
        p = proposals[0]
        who = parties[p.party_id].short_name if p.party_id in parties else p.party_name
        return f"{who}'s proposal {p.id}: {changes}"
    ids = [str(p.id) for p in proposals]
    return f"Proposals {', '.join(ids[:-1])} and {ids[-1]} together: {changes}"


def signed_money(pence: int) -> str:
    """A gain or loss as a finance table shows it: "+£1,200", "−£395,000", "£0"."""
    if pence == 0:
        return "£0"
    return ("+" if pence > 0 else "\u2212") + money(abs(pence))


def percent_results(percents: Sequence[Decimal], budget: int | None) -> list[int]:
    """Results (pence) at percentages of the budget; refused, in words, when there is no budget."""
    if budget is None:
        raise InvalidInput("This agreement has no annual value, so results cannot be a percentage of its budget; "
                           "set its annual value or give results in pounds (such as £2m).", field="range")
    return [percent_of(budget, p) for p in percents]


def parse_results(text: str, budget: int | None) -> list[int]:
    """Results written as a list ("-10%, -5%, -£2m; 2%"): separated by semicolons, or by commas followed
    by a space, so that "£2,000,000" stays one amount. Refused, in words, when empty or not results."""
    parts = [part for part in re.split(r";|,\s+", text) if part.strip()]
    if not parts:
        raise InvalidInput("Give at least one result for the table, such as -5%, 2% or -£2m.", field="results")
    if len(parts) > MAX_POINTS:
        raise InvalidInput(f"The table can show at most {MAX_POINTS:,} results.", field="results")
    return [parse_result(part, budget) for part in parts]


def result_cell(result: int, budget: int | None) -> str:
    """A result in a table's first column: "−£4,800,000 (−10%)", "£0 (on budget)"."""
    if result == 0:
        return "£0 (on budget)"
    if not budget:
        return signed_money(result)
    share = (Decimal(result) * 100 / budget).quantize(Decimal("0.01")).normalize()
    return f"{signed_money(result)} ({'+' if share > 0 else chr(0x2212)}{abs(share):f}%)"
