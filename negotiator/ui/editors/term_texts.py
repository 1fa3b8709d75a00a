"""Terms as the text a user types for them: money in pounds ("48,000,000"), percentages without the sign,
dates as 2027-04-01. The Propose dialog shows and pre-fills these, and the services read them back."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import Enum

from negotiator.domain.excess_bearer import EXCESS_BEARER, bearer_name
from negotiator.domain.parties import Party
from negotiator.domain.term_fields import DERIVED, FIELDS, TermValue, get_term, term_names
from negotiator.domain.terms import Indexation, InvoicingFrequency, PaymentMechanism, TermsSheet
from negotiator.ui.models.risk_share_model import money_text, percent_text

# The words for each choice of the payment terms, as the editors and the Propose dialog offer them.
MECHANISMS = {PaymentMechanism.BLOCK: "Block payment", PaymentMechanism.ACTIVITY: "Activity-based payment",
              PaymentMechanism.BLENDED: "Blended payment", PaymentMechanism.CAPITATION: "Capitated budget",
              PaymentMechanism.OUTCOME: "Outcome-based payment"}
INVOICING = {InvoicingFrequency.MONTHLY: "Monthly", InvoicingFrequency.QUARTERLY: "Quarterly",
             InvoicingFrequency.ANNUALLY: "Annually"}
INDEXATION = {Indexation.NONE: "No indexation", Indexation.NHS_PAYMENT_SCHEME: "NHS Payment Scheme cost uplift",
              Indexation.CPI: "Consumer Prices Index (CPI)"}


def _is_money(name: str) -> bool:
    if name in FIELDS:
        return FIELDS[name][2] == "money"
    return name.endswith(".cap") or name.startswith("payment.contribution.")


def term_text(name: str, value: TermValue | str | None) -> str:
    """One term's typed value as a user would type it ("" when not set)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return percent_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, int) and _is_money(name):
        return money_text(value)
    return str(value)


def term_texts(sheet: TermsSheet, parties: Mapping[int, Party]) -> dict[str, str]:
    """Every term that can be set (derived ones left out), by name, as text."""
    texts = {name: term_text(name, get_term(sheet, name, parties)) for name in term_names(parties)
             if name not in DERIVED}
    texts[EXCESS_BEARER] = bearer_name(sheet.risk_share, parties) or ""  # a party by its name, not its id
    return texts


def changed_terms(before: TermsSheet, after: TermsSheet, parties: Mapping[int, Party]) -> dict[str, str]:
    """The terms whose value differs between two sheets, with their value in ``after`` as text."""
    old, new = term_texts(before, parties), term_texts(after, parties)
    return {name: text for name, text in new.items() if text != old.get(name)}
