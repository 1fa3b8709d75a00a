"""Validation of a terms sheet: each problem names the term and the rule it breaks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from negotiator.domain.errors import InvalidInput
from negotiator.domain.excess_bearer import EXCESS_BEARER
from negotiator.domain.excess_bearer import LABEL as EXCESS_LABEL
from negotiator.domain.term_words import term_label_by_slug
from negotiator.domain.terms import HUNDRED, TermsSheet

# Money is capped well above any NHS contract so that a slip of the keyboard is caught.
MAX_PENCE = 10**15  # £10 trillion
# The terms editor's own bounds. They keep every end date inside the calendar (2999 + 1,050 years)
# and every count within what the wording can write out in words.
MAX_MONTHS = 600  # 50 years, for a term, an extension or a notice period
MAX_EXTENSIONS = 20
FIRST_YEAR, LAST_YEAR = 1900, 2999
# Shares must total exactly 100%; with at most this many decimal places the sum of in-range shares
# stays exact in Decimal's default 28-digit context (more places would be rounded away silently).
MAX_PLACES = 10
_PLACE = Decimal(1).scaleb(-MAX_PLACES)


@dataclass(frozen=True)
class TermProblem:
    """One broken rule: which term, and what is wrong."""

    field: str
    message: str


def terms_problems(sheet: TermsSheet, slugs: Mapping[int, str],
                   names: Mapping[int, str] | None = None) -> list[TermProblem]:
    """Every rule the sheet breaks; ``slugs`` names each party as term names do (``provider-b``), and
    ``names`` as people do, so that each message names the term in words."""
    problems: list[TermProblem] = []
    add = problems.append
    risk, duration, payment = sheet.risk_share, sheet.duration, sheet.payment
    by_slug = {slug: (names or {}).get(pid, slug) for pid, slug in slugs.items()}

    def label(name: str) -> str:
        """The term in words: "Risk corridor", "Hope Street Wellbeing's share of gains"."""
        return term_label_by_slug(name, by_slug)

    def percent(name: str, value: Decimal | None) -> bool:
        """Add a problem unless the value is a usable percentage; True when it is (or is unset)."""
        if value is None:
            return True
        if not (value.is_finite() and Decimal(0) <= value <= HUNDRED):
            shown = f"{value}%" if value.is_finite() and abs(value.adjusted()) < 40 else "far out of range"
            add(TermProblem(name, f"{label(name)} is {shown}; a percentage must be between 0 and 100."))
            return False
        if value.quantize(_PLACE) != value:  # exact: a value in range has at most 13 digits here
            add(TermProblem(name, f"{label(name)} has more than {MAX_PLACES} decimal places; round it."))
            return False
        return True

    def months(name: str, value: int | None, what: str) -> None:
        if value is not None and value > MAX_MONTHS:
            add(TermProblem(name, f"{what} is {value:,} months; at most {MAX_MONTHS} months (50 years) are allowed."))

    def money(name: str, value: int | None) -> None:
        if value is not None and not 0 <= value <= MAX_PENCE:
            add(TermProblem(name, f"{label(name)} must be an amount of money between £0 and £10 trillion."))

    usable = True
    for share in risk.shares:
        slug = slugs.get(share.party_id, f"party-{share.party_id}")
        usable &= percent(f"risk_share.{slug}.gain", share.gain)
        usable &= percent(f"risk_share.{slug}.loss", share.loss)
        money(f"risk_share.{slug}.cap", share.loss_cap)
        if share.loss_cap is not None and not share.gain and not share.loss:  # a cap on nothing misleads
            who = (names or {}).get(share.party_id) or slug
            add(TermProblem(f"risk_share.{slug}.cap", f"{who} has a loss cap but no share of gains or losses; give "
                            "it a share or clear the cap."))
    # A total is only worth stating, and only exact, when every share is a usable percentage:
    # "1e999999999" would overflow the sum and "1e999998" would print a million digits.
    if risk.shares and usable:
        for side in ("gain", "loss"):
            shared = sum((s.gain if side == "gain" else s.loss for s in risk.shares), Decimal(0))
            if shared != HUNDRED:
                add(TermProblem(f"risk_share.{side}", f"The {side} shares total {shared.normalize():f}%; they must "
                                "total exactly 100%."))
    percent("risk_share.corridor", risk.corridor)
    if risk.excess_bearer is not None and risk.share_of(risk.excess_bearer) is None:
        who = (names or {}).get(risk.excess_bearer) or slugs.get(risk.excess_bearer) or "That party"
        add(TermProblem(EXCESS_BEARER, f"{EXCESS_LABEL}: {who} has no share of gains or losses, so it cannot carry "
                        "another party's loss above its cap; name a party with a share, or leave it to the other "
                        "parties in proportion to their loss shares."))

    if duration.start is not None and not FIRST_YEAR <= duration.start.year <= LAST_YEAR:
        add(TermProblem("duration.start", f"The start date must be between {FIRST_YEAR} and {LAST_YEAR}."))
    months("duration.initial_term", duration.initial_term_months, "The initial term")
    months("duration.extension_months", duration.extension_months, "Each extension option")
    months("duration.notice", duration.notice_months, "The no-fault notice")
    if duration.extension_count > MAX_EXTENSIONS:
        add(TermProblem("duration.extension_count", f"The number of extension options is {duration.extension_count:,}; "
                        f"at most {MAX_EXTENSIONS} extension options are allowed."))
    if duration.initial_term_months is not None and duration.initial_term_months <= 0:
        add(TermProblem("duration.initial_term", "The initial term must be at least one month."))
    if duration.extension_count < 0:
        add(TermProblem("duration.extension_count", "The number of extension options cannot be negative."))
    if duration.extension_count > 0 and duration.extension_months <= 0:
        add(TermProblem("duration.extension_months", "Each extension option must be at least one month long."))
    elif duration.extension_months < 0:  # even with no option to take, the wording states it
        add(TermProblem("duration.extension_months", "The length of each extension cannot be negative."))
    if duration.notice_months is not None and duration.notice_months <= 0:
        add(TermProblem("duration.notice", "The no-fault termination notice must be at least one month."))
    if (duration.notice_months and duration.initial_term_months
            and duration.notice_months > duration.initial_term_months):
        add(TermProblem("duration.notice", "The no-fault termination notice is longer than the initial term."))

    money("payment.annual_value", payment.annual_value)
    percent("payment.variable_part", payment.variable_part)
    percent("payment.quality_incentive", payment.quality_incentive)
    if payment.days is not None and not 1 <= payment.days <= 365:
        add(TermProblem("payment.days", f"Invoices paid within {payment.days} days is not possible: invoices are "
                        "paid within 1 to 365 days."))
    money("payment.pooled_fund", payment.pooled_fund)
    for party_id, pence in payment.contributions:
        money(f"payment.contribution.{slugs.get(party_id, f'party-{party_id}')}", pence)
    if payment.contributions or payment.pooled_fund:
        total = sum(pence for _, pence in payment.contributions)
        if total != (payment.pooled_fund or 0):
            from negotiator.domain.legal_english import money as pounds

            add(TermProblem("payment.pooled_fund", f"The pooled-fund contributions add up to {pounds(total)}, "
                            f"but the pooled fund is {pounds(payment.pooled_fund or 0)}; they must be equal."))
    return problems


def check_terms(sheet: TermsSheet, slugs: Mapping[int, str], names: Mapping[int, str] | None = None) -> None:
    """Raise InvalidInput for the first broken rule, naming the term (all of them in the message)."""
    problems = terms_problems(sheet, slugs, names)
    if problems:
        message = problems[0].message if len(problems) == 1 else "\n".join(f"• {p.message}" for p in problems)
        raise InvalidInput(message, field=problems[0].field)
