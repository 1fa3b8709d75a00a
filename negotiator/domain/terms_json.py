"""A terms sheet as JSON-ready data (for storage and exchange files), exactly: pence as integers,
percentages as decimal strings, dates as ISO text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from negotiator.domain.errors import InvalidInput
from negotiator.domain.json_data import JsonObject
from negotiator.domain.terms import (
    Duration,
    Indexation,
    InvoicingFrequency,
    PartyShare,
    Payment,
    PaymentMechanism,
    RiskShare,
    TermsSheet,
)


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.normalize():f}"


def _enum(value: StrEnum | None) -> str | None:
    return None if value is None else value.value


def sheet_to_data(sheet: TermsSheet) -> JsonObject:
    """The sheet as plain JSON-ready data."""
    risk, duration, payment = sheet.risk_share, sheet.duration, sheet.payment
    return {
        "risk_share": {
            "shares": [{"party": s.party_id, "gain": _dec(s.gain), "loss": _dec(s.loss), "loss_cap": s.loss_cap}
                       for s in risk.shares],
            "corridor": _dec(risk.corridor),
            # Written only when set, so that sheets without it keep the data (and hashes) they had.
            **({"excess_bearer": risk.excess_bearer} if risk.excess_bearer is not None else {}),
        },
        "duration": {
            "start": duration.start.isoformat() if duration.start else None,
            "initial_term_months": duration.initial_term_months,
            "extension_count": duration.extension_count,
            "extension_months": duration.extension_months,
            "notice_months": duration.notice_months,
        },
        "payment": {
            "mechanism": _enum(payment.mechanism), "annual_value": payment.annual_value,
            "variable_part": _dec(payment.variable_part), "quality_incentive": _dec(payment.quality_incentive),
            "days": payment.days, "invoicing": _enum(payment.invoicing), "indexation": _enum(payment.indexation),
            "pooled_fund": payment.pooled_fund,
            "contributions": [{"party": pid, "amount": pence} for pid, pence in payment.contributions],
        },
    }


def sheet_from_data(data: JsonObject) -> TermsSheet:
    """Inverse of :func:`sheet_to_data`; raises InvalidInput when the data is not a terms sheet (the
    data may come from another party's package, so every value's type is checked, not trusted)."""
    try:
        return _sheet(data)
    except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError):
        raise InvalidInput("The terms sheet is damaged: a value is missing or of the wrong kind.",
                           field="terms") from None


def _number(value: object) -> Decimal:
    if not isinstance(value, str):  # written as text, so that no float ever rounds a percentage
        raise TypeError("a percentage must be written as text")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError("not a number")
    return number


def _whole(value: object) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError("not a whole number")
    return value


def _given(value: object) -> int:
    whole = _whole(value)
    if whole is None:
        raise KeyError("missing")
    return whole


def _sheet(data: JsonObject) -> TermsSheet:
    risk, duration, payment = data.get("risk_share", {}), data.get("duration", {}), data.get("payment", {})
    return TermsSheet(
        risk_share=RiskShare(
            shares=tuple(PartyShare(_given(s["party"]), _number(s["gain"]), _number(s["loss"]),
                                    _whole(s.get("loss_cap"))) for s in risk.get("shares", [])),
            corridor=None if risk.get("corridor") is None else _number(risk["corridor"]),
            excess_bearer=_whole(risk.get("excess_bearer")),
        ),
        duration=Duration(
            start=date.fromisoformat(duration["start"]) if duration.get("start") else None,
            initial_term_months=_whole(duration.get("initial_term_months")),
            extension_count=_whole(duration.get("extension_count")) or 0,
            extension_months=_whole(duration.get("extension_months")) or 0,
            notice_months=_whole(duration.get("notice_months")),
        ),
        payment=Payment(
            mechanism=PaymentMechanism(payment["mechanism"]) if payment.get("mechanism") else None,
            annual_value=_whole(payment.get("annual_value")),
            variable_part=None if payment.get("variable_part") is None else _number(payment["variable_part"]),
            quality_incentive=None if payment.get("quality_incentive") is None
            else _number(payment["quality_incentive"]),
            days=_whole(payment.get("days")),
            invoicing=InvoicingFrequency(payment["invoicing"]) if payment.get("invoicing") else None,
            indexation=Indexation(payment["indexation"]) if payment.get("indexation") else None,
            pooled_fund=_whole(payment.get("pooled_fund")),
            contributions=tuple((_given(c["party"]), _given(c["amount"])) for c in payment.get("contributions", [])),
        ),
    )
