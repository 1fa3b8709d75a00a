"""A terms sheet as JSON-ready data (for storage and exchange files), exactly: pence as integers,
percentages as decimal strings, dates as ISO text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

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


def _undec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _enum(value: object) -> str | None:
    return None if value is None else value.value


def sheet_to_data(sheet: TermsSheet) -> dict:
    """The sheet as plain JSON-ready data."""
    risk, duration, payment = sheet.risk_share, sheet.duration, sheet.payment
    return {
        "risk_share": {
            "shares": [{"party": s.party_id, "gain": _dec(s.gain), "loss": _dec(s.loss), "loss_cap": s.loss_cap}
                       for s in risk.shares],
            "corridor": _dec(risk.corridor),
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


def sheet_from_data(data: dict) -> TermsSheet:
    """Inverse of :func:`sheet_to_data`."""
    risk, duration, payment = data.get("risk_share", {}), data.get("duration", {}), data.get("payment", {})
    return TermsSheet(
        risk_share=RiskShare(
            shares=tuple(PartyShare(s["party"], Decimal(s["gain"]), Decimal(s["loss"]), s.get("loss_cap"))
                         for s in risk.get("shares", [])),
            corridor=_undec(risk.get("corridor")),
        ),
        duration=Duration(
            start=date.fromisoformat(duration["start"]) if duration.get("start") else None,
            initial_term_months=duration.get("initial_term_months"),
            extension_count=duration.get("extension_count") or 0,
            extension_months=duration.get("extension_months") or 0,
            notice_months=duration.get("notice_months"),
        ),
        payment=Payment(
            mechanism=PaymentMechanism(payment["mechanism"]) if payment.get("mechanism") else None,
            annual_value=payment.get("annual_value"),
            variable_part=_undec(payment.get("variable_part")),
            quality_incentive=_undec(payment.get("quality_incentive")),
            days=payment.get("days"),
            invoicing=InvoicingFrequency(payment["invoicing"]) if payment.get("invoicing") else None,
            indexation=Indexation(payment["indexation"]) if payment.get("indexation") else None,
            pooled_fund=payment.get("pooled_fund"),
            contributions=tuple((c["party"], c["amount"]) for c in payment.get("contributions", [])),
        ),
    )
