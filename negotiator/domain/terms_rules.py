"""Validation of a terms sheet: each problem names the term and the rule it breaks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from negotiator.domain.errors import InvalidInput
from negotiator.domain.terms import HUNDRED, TermsSheet

# Money is capped well above any NHS contract so that a slip of the keyboard is caught.
MAX_PENCE = 10**15  # £10 trillion


@dataclass(frozen=True)
class TermProblem:
    """One broken rule: which term, and what is wrong."""

    field: str
    message: str


def terms_problems(sheet: TermsSheet, slugs: Mapping[int, str]) -> list[TermProblem]:
    """Every rule the sheet breaks; ``slugs`` names each party as term names do (``provider-b``)."""
    problems: list[TermProblem] = []
    add = problems.append
    risk, duration, payment = sheet.risk_share, sheet.duration, sheet.payment

    def percent(name: str, value: Decimal | None) -> None:
        if value is not None and not Decimal(0) <= value <= HUNDRED:
            add(TermProblem(name, f"{name} is {value}%; a percentage must be between 0 and 100."))

    def money(name: str, value: int | None) -> None:
        if value is not None and not 0 <= value <= MAX_PENCE:
            add(TermProblem(name, f"{name} must be an amount of money between £0 and £10 trillion."))

    for share in risk.shares:
        slug = slugs.get(share.party_id, f"party-{share.party_id}")
        percent(f"risk_share.{slug}.gain", share.gain)
        percent(f"risk_share.{slug}.loss", share.loss)
        money(f"risk_share.{slug}.cap", share.loss_cap)
    if risk.shares:
        for side in ("gain", "loss"):
            total = sum((getattr(s, side) for s in risk.shares), Decimal(0))
            if total != HUNDRED:
                add(TermProblem(f"risk_share.{side}", f"The {side} shares total {total.normalize():f}%; they must "
                                "total exactly 100%."))
    percent("risk_share.corridor", risk.corridor)

    if duration.initial_term_months is not None and duration.initial_term_months <= 0:
        add(TermProblem("duration.initial_term", "duration.initial_term must be at least one month."))
    if duration.extension_count < 0:
        add(TermProblem("duration.extension_count", "duration.extension_count cannot be negative."))
    if duration.extension_count > 0 and duration.extension_months <= 0:
        add(TermProblem("duration.extension_months", "Each extension option must be at least one month long."))
    if duration.notice_months is not None and duration.notice_months <= 0:
        add(TermProblem("duration.notice", "duration.notice must be at least one month."))
    if (duration.notice_months and duration.initial_term_months
            and duration.notice_months > duration.initial_term_months):
        add(TermProblem("duration.notice", "The no-fault termination notice is longer than the initial term."))

    money("payment.annual_value", payment.annual_value)
    percent("payment.variable_part", payment.variable_part)
    percent("payment.quality_incentive", payment.quality_incentive)
    if payment.days is not None and not 1 <= payment.days <= 365:
        add(TermProblem("payment.days", f"payment.days is {payment.days}; invoices are paid within 1 to 365 days."))
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


def check_terms(sheet: TermsSheet, slugs: Mapping[int, str]) -> None:
    """Raise InvalidInput for the first broken rule, naming the term (all of them in the message)."""
    problems = terms_problems(sheet, slugs)
    if problems:
        message = problems[0].message if len(problems) == 1 else "\n".join(f"• {p.message}" for p in problems)
        raise InvalidInput(message, field=problems[0].field)
