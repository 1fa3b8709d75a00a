"""The typed terms sheet of an agreement: risk share, duration and payment.

Money is whole pence (int) and percentages are Decimals, never floats, so that 33.33% + 33.33%
+ 33.34% is exactly 100% and £120m is exactly £120m.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

HUNDRED = Decimal(100)


class PaymentMechanism(StrEnum):
    """How the provider is paid."""

    BLOCK = "block"
    ACTIVITY = "activity"
    BLENDED = "blended"
    CAPITATION = "capitation"
    OUTCOME = "outcome"

    @property
    def label(self) -> str:
        """Plain name, as a contract would say it."""
        return {"block": "a block payment", "activity": "activity-based payment",
                "blended": "a blended payment", "capitation": "a capitated budget",
                "outcome": "outcome-based payment"}[self.value]


class InvoicingFrequency(StrEnum):
    """How often invoices are raised."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUALLY = "annually"


class Indexation(StrEnum):
    """How the contract value moves from year to year."""

    NONE = "none"
    NHS_PAYMENT_SCHEME = "nhs_payment_scheme"
    CPI = "cpi"

    @property
    def label(self) -> str:
        """Plain name."""
        return {"none": "no indexation", "nhs_payment_scheme": "the NHS Payment Scheme cost uplift",
                "cpi": "the Consumer Prices Index"}[self.value]


@dataclass(frozen=True)
class PartyShare:
    """One party's share of gains and losses, and an optional cap on its losses (pence)."""

    party_id: int
    gain: Decimal
    loss: Decimal
    loss_cap: int | None = None


@dataclass(frozen=True)
class RiskShare:
    """Who shares gains and losses against the budget, beyond an optional corridor (± %).

    ``excess_bearer`` is the party that carries first any loss above another party's cap; when it is
    None, the parties under their caps carry it in proportion to their loss shares."""

    shares: tuple[PartyShare, ...] = ()
    corridor: Decimal | None = None
    excess_bearer: int | None = None

    def share_of(self, party_id: int | None) -> PartyShare | None:
        """The share of one party, if it has one (a party not saved yet, whose id is None, has none)."""
        return next((s for s in self.shares if s.party_id == party_id), None)


@dataclass(frozen=True)
class Duration:
    """Start, initial term, extension options and no-fault notice; the end dates follow."""

    start: date | None = None
    initial_term_months: int | None = None
    extension_count: int = 0
    extension_months: int = 0
    notice_months: int | None = None

    @property
    def initial_end(self) -> date | None:
        """Last day of the initial term."""
        if self.start is None or not self.initial_term_months:
            return None
        return add_months(self.start, self.initial_term_months) - timedelta(days=1)

    @property
    def latest_end(self) -> date | None:
        """Last day if every extension option is taken."""
        if self.start is None or not self.initial_term_months:
            return None
        months = self.initial_term_months + self.extension_count * self.extension_months
        return add_months(self.start, months) - timedelta(days=1)


@dataclass(frozen=True)
class Payment:
    """The payment terms."""

    mechanism: PaymentMechanism | None = None
    annual_value: int | None = None
    variable_part: Decimal | None = None
    quality_incentive: Decimal | None = None
    days: int | None = None
    invoicing: InvoicingFrequency | None = None
    indexation: Indexation | None = None
    pooled_fund: int | None = None
    contributions: tuple[tuple[int, int], ...] = ()  # (party id, pence)

    def contribution_of(self, party_id: int | None) -> int | None:
        """One party's pooled-fund contribution (pence), if set (a party not saved yet, whose id is None, has none)."""
        return next((pence for pid, pence in self.contributions if pid == party_id), None)


@dataclass(frozen=True)
class TermsSheet:
    """Everything commercial about one agreement."""

    risk_share: RiskShare = field(default_factory=RiskShare)
    duration: Duration = field(default_factory=Duration)
    payment: Payment = field(default_factory=Payment)


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
