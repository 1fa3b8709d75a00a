"""Terms as a person reads them: each term by its name ("Risk corridor", "Hope Street Wellbeing's share
of gains") and each value as people write it (£48,000,000; 3%; 1 April 2027; 30 days; 5 years; "No
cap"). The app, the command line's plain text and the Word export all say terms this way; only JSON
keeps the term names that placeholders and the command line use."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

from negotiator.domain import legal_english as say
from negotiator.domain.errors import InvalidInput
from negotiator.domain.excess_bearer import EXCESS_BEARER, OTHERS
from negotiator.domain.excess_bearer import LABEL as EXCESS_LABEL
from negotiator.domain.parties import Party
from negotiator.domain.term_fields import FIELDS, parse_value, party_slug
from negotiator.domain.terms import Indexation, InvoicingFrequency, PaymentMechanism

NO_CAP = "No cap"  # an uncapped share, in the same words in the app and in Word
NOT_SET = "not yet agreed"

# Each term's name, as the schedule labels it.
TERM_LABELS: dict[str, str] = {
    "duration.start": "Start date", "duration.initial_term": "Initial term",
    "duration.extensions": "Extension options", "duration.extension_count": "Number of extension options",
    "duration.extension_months": "Length of each extension", "duration.notice": "No-fault termination notice",
    "duration.end": "Initial term ends", "duration.latest_end": "Latest end, with every extension",
    "payment.mechanism": "Payment mechanism", "payment.annual_value": "Annual contract value",
    "payment.variable_part": "Variable or at-risk part", "payment.quality_incentive": "Quality incentive",
    "payment.days": "Invoices paid within", "payment.invoicing": "Invoicing", "payment.indexation": "Indexation",
    "payment.pooled_fund": "Pooled fund", "risk_share.corridor": "Risk corridor",
    "risk_share.table": "Risk-share table", EXCESS_BEARER: EXCESS_LABEL,
}
_PER_PARTY = {"gain": "share of gains", "loss": "share of losses", "cap": "cap on losses",
              "contribution": "contribution to the pooled fund"}
_ENUMS = {"mechanism": PaymentMechanism, "invoicing": InvoicingFrequency, "indexation": Indexation}


def term_label(name: str, parties: Mapping[int, Party]) -> str:
    """A term's name in words; a party's own term names the party ("Hope Street Wellbeing's share of
    gains"). A name this agreement does not know is shown as it is."""
    return term_label_by_slug(name, {party_slug(p): p.name for p in parties.values()})


def term_label_by_slug(name: str, names: Mapping[str, str]) -> str:
    """:func:`term_label`, the parties given as ``names``: each party's name by its slug in term names."""
    if name in TERM_LABELS:
        return TERM_LABELS[name]
    parts = name.split(".")
    if len(parts) != 3:
        return name
    if parts[0] == "risk_share" and parts[2] in _PER_PARTY:
        slug, what = parts[1], parts[2]
    elif parts[:2] == ["payment", "contribution"]:
        slug, what = parts[2], "contribution"
    else:
        return name
    return f"{names.get(slug, slug)}'s {_PER_PARTY[what]}"


def term_kind(name: str) -> str:
    """What a term holds: "money", "percent", "date", "days", "months", "count", "party", or a choice."""
    if name in FIELDS:
        return FIELDS[name][2]
    if name == EXCESS_BEARER:
        return "party"
    if name.endswith((".gain", ".loss")) or name == "risk_share.corridor":
        return "percent"
    if name in ("duration.end", "duration.latest_end"):
        return "date"
    return "money"


def value_words(name: str, text: str) -> str:
    """A term's value, as proposals and the command line hold it ("3", "£300,000", "2027-04-01", "60"),
    written as people write it ("3%", "£300,000", "1 April 2027", "5 years"); text that is not such a
    value is shown as it is."""
    kind, value = term_kind(name), text.strip()
    if kind == "party":  # a party's name, or nobody named: the others carry it in proportion
        return value or OTHERS
    if not value:
        return NO_CAP if name.endswith(".cap") else NOT_SET
    try:
        if kind == "percent":
            return f"{Decimal(value.rstrip('%').strip()).normalize():f}%"
        if kind == "money":  # "48m", "£300,000" and "300k" alike, read as the terms editor reads them
            pence = parse_value(name, kind, value)
            return say.money(pence) if isinstance(pence, int) else value
        if kind == "date":
            return say.long_date(date.fromisoformat(value))
        if kind == "days":
            return f"{int(value)} day" + ("" if int(value) == 1 else "s")
        if kind == "months":
            months = int(value)
            years, rest = divmod(months, 12)
            if months and not rest:
                return f"{years} year" + ("" if years == 1 else "s")
            return f"{months} month" + ("" if months == 1 else "s")
        if kind in _ENUMS:
            member = _ENUMS[kind](value.lower())
            return str(getattr(member, "label", member.value))
    except (ValueError, InvalidOperation, ArithmeticError, InvalidInput):
        return value
    return value


def term_change(name: str, text: str, parties: Mapping[int, Party]) -> str:
    """A term and its value in one phrase: "Risk corridor: 3%"."""
    return f"{term_label(name, parties)}: {value_words(name, text)}"
