"""The money rules of the network check: what an agreement passes down must fit what funds it.

Three rules, each comparing an agreement with the one above it (its parent) or with itself:

- *value-within-parent*: no agreement under a parent is worth more a year than the parent itself.
- *risk-within-parent*: an integrator passes down to a sub-contractor no more risk than it carries.
- *loss-cap-within-value*: a party's loss cap is no larger than the agreement's annual value.

Risk is compared in pounds, as a finance director would: a party's *exposure* under an agreement is
the most it can lose in a year, taken as its loss share of a loss as large as the agreement's whole
annual value, or its loss cap if that is lower (a cap alone, where no value is set yet).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP

from negotiator.domain.agreements import AgreementKind
from negotiator.domain.legal_english import money, percent
from negotiator.domain.network_findings import Finding, NetworkNode, Severity
from negotiator.domain.parties import Role
from negotiator.domain.terms import HUNDRED, PartyShare


def exposure(share: PartyShare | None, annual_value: int | None) -> int | None:
    """The most a party can lose in a year under an agreement, in pence (see the module's rule).

    None when the terms cannot say: no share, or neither a value nor a cap. A share without a loss
    part (0%) is exposed to nothing.
    """
    if share is None:
        return None
    if annual_value is None:
        return share.loss_cap if share.loss else (0 if share.loss_cap is not None else None)
    pounds = int((share.loss * annual_value / HUNDRED).to_integral_value(ROUND_HALF_UP))
    return pounds if share.loss_cap is None else min(pounds, share.loss_cap)


def _title(node: NetworkNode) -> str:
    return f"'{node.agreement.title}'"


def _value(node: NetworkNode) -> int | None:
    return node.terms.payment.annual_value


def _kind(node: NetworkNode) -> str:
    return node.agreement.kind.label.lower()


def single_values_within_parent(parent: NetworkNode,
                                kids: list[NetworkNode]) -> list[Finding]:
    """One finding per agreement worth more on its own than the parent that funds it."""
    ceiling = _value(parent)
    if ceiling is None:
        return []
    return [Finding(
        Severity.ERROR, "value-within-parent", kid.id, parent.id,
        f"The {_kind(kid)} {_title(kid)} is worth {money(value)} a year, more on its own than "
        f"{_title(parent)}, which funds it, at {money(ceiling)} a year. Rule: no agreement is worth more than the "
        "agreement that funds it.")
        for kid in kids if (value := _value(kid)) is not None and value > ceiling]


def _describe(share: PartyShare, value: int | None) -> str:
    on = f" of losses on {money(value)}" if value is not None else " of losses"
    capped = f", capped at {money(share.loss_cap)}" if share.loss_cap is not None else ""
    return f"{percent(share.loss)}{on}{capped}"


def risk_within_parent(parent: NetworkNode, child: NetworkNode) -> list[Finding]:
    """A sub-contractor's exposure under its sub-contract above the integrator's own under the prime contract.

    Compared only when both can be worked out: the sub-contract gives the sub-contractor a loss share,
    and the prime contract has a risk share (an integrator without a share in it carries nothing).
    A prime contract with no risk share yet says nothing of the integrator's risk, so it is not compared.
    """
    integrator = parent.agreement.integrator
    subs = child.agreement.with_role(Role.SUB_CONTRACTOR)
    if integrator is None or child.agreement.kind is not AgreementKind.SUB_CONTRACT or len(subs) != 1:
        return []
    passed_share = child.terms.risk_share.share_of(subs[0].party.id)
    passed = exposure(passed_share, _value(child))
    if passed_share is None or not passed or not parent.terms.risk_share.shares:
        return []
    carried_share = parent.terms.risk_share.share_of(integrator.party.id)
    carried = exposure(carried_share, _value(parent)) if carried_share else 0
    if carried is None or passed <= carried:
        return []
    carries = (f"{money(carried)} ({_describe(carried_share, _value(parent))})" if carried_share
               else "nothing (it has no risk share)")
    return [Finding(
        Severity.WARNING, "risk-within-parent", child.id, parent.id,
        f"{_title(child)} passes up to {money(passed)} of losses a year to {subs[0].party.name} "
        f"({_describe(passed_share, _value(child))}), more than {integrator.party.name} carries under "
        f"{_title(parent)}: {carries}. Rule: an integrator passes down no more risk than it carries, each "
        "taken as its loss share of a loss as large as the agreement's annual value, or its loss cap if lower.")]


def loss_caps_within_value(node: NetworkNode) -> list[Finding]:
    """One finding per party whose loss cap is larger than the agreement's annual value (it caps nothing)."""
    value = _value(node)
    if value is None:
        return []
    names = {s.party.id: s.party.name for s in node.agreement.signatories}
    return [Finding(
        Severity.WARNING, "loss-cap-within-value", node.id, None,
        f"{_title(node)} caps the losses of {names.get(s.party_id, f'Party {s.party_id}')} at "
        f"{money(s.loss_cap)}, more than its annual value of {money(value)}, so the cap limits nothing. "
        "Rule: a loss cap is no larger than the agreement's annual value.")
        for s in node.terms.risk_share.shares if s.loss_cap is not None and s.loss_cap > value]

