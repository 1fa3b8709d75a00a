"""Risk-share scenarios: year-end results as people write them, ranges of results, and what each
party gains or loses across them.

A result is written as money or as a percentage of the budget: "£2m", "-3%", "overspend of £2m",
"underspend 1.5%". A plain negative number is an overspend: the budget was exceeded, a loss to share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from negotiator.domain.errors import InvalidInput
from negotiator.domain.legal_english import money
from negotiator.domain.legal_english import percent as percent_words
from negotiator.domain.risk_outcome import Outcome, share_result
from negotiator.domain.term_fields import shown
from negotiator.domain.terms import RiskShare, TermsSheet

# A chart or table of more points than this says nothing more and takes long to draw.
MAX_POINTS = 1001
# Results beyond ten times the budget are typing slips, not scenarios.
MAX_PERCENT = Decimal(1000)
_OVER = re.compile(r"^(an?\s+)?(overspend|deficit|loss)(\s+of)?\s+", re.I)
_UNDER = re.compile(r"^(an?\s+)?(underspend|surplus|gain)(\s+of)?\s+", re.I)
_MONEY = re.compile(r"^£?\s*(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(bn|m|k)?$", re.I)
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?|\.\d+)\s*%$")
# The worked examples the terms schedule sets out: results at these percentages of the budget.
WORKED_EXAMPLES = (Decimal(-10), Decimal(-5), Decimal(-2), Decimal(2), Decimal(5), Decimal(10))


def budget_of(sheet: TermsSheet) -> int | None:
    """The budget a result is measured against: the annual value, else the pooled fund (pence)."""
    return sheet.payment.annual_value or sheet.payment.pooled_fund or None


def percent_of(budget: int, percent: Decimal) -> int:
    """``percent`` of ``budget``, to the nearest penny (halves away from zero)."""
    return int((budget * percent / 100).to_integral_value(ROUND_HALF_UP))


def parse_result(text: str, budget: int | None) -> int:
    """A year-end result in pence (negative for an overspend) from what a person wrote."""
    raw = text.strip().replace("−", "-").replace("–", "-")
    sign = 1
    for pattern, word_sign in ((_OVER, -1), (_UNDER, 1)):
        if pattern.match(raw):
            raw, sign = pattern.sub("", raw), word_sign
            break
    else:
        if raw[:1] in ("+", "-"):
            sign, raw = (-1 if raw[0] == "-" else 1), raw[1:].strip()
    if match := _PERCENT.match(raw):
        percent = Decimal(match.group(1))
        if budget is None:
            raise InvalidInput(f"'{shown(text)}' is a percentage of the budget, but this agreement has no annual "
                               "value; set its annual value or write the result in pounds (£2m).", field="result")
        _within(percent, text)
        return sign * percent_of(budget, percent)
    if match := _MONEY.match(raw):
        pounds = Decimal(match.group(1).replace(",", ""))
        factor = {"bn": 10**9, "m": 10**6, "k": 10**3}.get((match.group(2) or "").lower(), 1)
        pence = pounds * factor * 100
        if pence.adjusted() > 17 or pence != pence.to_integral_value():
            raise InvalidInput(f"'{shown(text)}' is not an amount of money a budget can be out by; "
                               "write it in whole pence, such as £2m or £150,000.50.", field="result")
        return sign * int(pence)
    raise InvalidInput(f"'{shown(text)}' is not a year-end result; write it in pounds or as a percentage of "
                       "the budget, such as -£2m, 'overspend of 3%' or 1.5%.", field="result")


def parse_percent(text: str, what: str) -> Decimal:
    """A percentage of the budget for one end or the step of a range ("-10%", "+5", "0.5%")."""
    raw = text.strip().replace("−", "-").replace("–", "-").rstrip("%").strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise InvalidInput(f"The {what} '{shown(text)}' is not a percentage; write it as -10% or 0.5%.",
                           field=what) from None
    if not value.is_finite():
        raise InvalidInput(f"The {what} '{shown(text)}' is not a percentage; write it as -10% or 0.5%.", field=what)
    return _within(value, text, what)


def _within(percent: Decimal, text: str, what: str = "result") -> Decimal:
    if abs(percent) > MAX_PERCENT:
        raise InvalidInput(f"The {what} '{shown(text)}' is more than ten times the budget; a scenario stays "
                           "within ±1000%.", field=what)
    return percent


def result_range(start: Decimal, stop: Decimal, step: Decimal) -> list[Decimal]:
    """Every percentage from ``start`` to ``stop`` by ``step``, both ends included."""
    if step <= 0:
        raise InvalidInput("The step must be more than 0%, such as 1%.", field="step")
    if stop < start:
        raise InvalidInput(f"The range is empty: it runs from {start.normalize():f}% down to "
                           f"{stop.normalize():f}%; put the lower end first.", field="range")
    count = int((stop - start) / step) + 1
    if count > MAX_POINTS:
        raise InvalidInput(f"That range has {count:,} points; at most {MAX_POINTS:,} can be shown. "
                           "Take a larger step or a shorter range.", field="step")
    return [start + step * i for i in range(count)]


def outcomes(risk: RiskShare, results: Sequence[int], budget: int | None) -> list[Outcome]:
    """Each result (pence) as it falls under ``risk``."""
    return [share_result(risk, result, budget) for result in results]


def result_words(result: int, percent: Decimal | None = None) -> str:
    """A result as a finance director says it: "an overspend of £2,000,000 (2% of the budget)"."""
    if result == 0:
        return "on budget"
    kind = "an overspend" if result < 0 else "an underspend"
    tail = f" ({percent_words(abs(percent))} of the budget)" if percent is not None else ""
    return f"{kind} of {money(abs(result))}{tail}"
