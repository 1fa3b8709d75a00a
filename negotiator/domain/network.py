"""Checks that the agreements of one contract network agree with each other.

Each finding names both agreements, the values that disagree, and the rule, so a lawyer can
decide which document to change.
"""

from __future__ import annotations

from collections.abc import Iterable

from negotiator.domain.agreements import AgreementKind
from negotiator.domain.legal_english import long_date, money
from negotiator.domain.network_findings import Finding, NetworkNode, Severity
from negotiator.domain.network_money import loss_caps_within_value, risk_within_parent, single_values_within_parent
from negotiator.domain.parties import Role

__all__ = ["Finding", "NetworkNode", "Severity", "check_network"]


def check_network(nodes: Iterable[NetworkNode]) -> list[Finding]:
    """Every finding across the network, parents before children, in a stable order."""
    by_id = {node.id: node for node in nodes}
    children: dict[int, list[NetworkNode]] = {}
    for node in by_id.values():
        parent_id = node.agreement.parent_id
        if parent_id is not None and parent_id in by_id:
            children.setdefault(parent_id, []).append(node)
    findings: list[Finding] = []
    for node in sorted(by_id.values(), key=lambda n: n.id):
        findings += _risk_share_parties(node)
        findings += loss_caps_within_value(node)
        kids = sorted(children.get(node.id, []), key=lambda n: n.id)
        for child in kids:
            findings += _ends_within_parent(node, child)
            findings += _payment_flows_down(node, child)
            findings += _integrator_is_party(node, child)
            findings += risk_within_parent(node, child)
        # An agreement worth more than its parent on its own is named by itself; the total is reported
        # only when no single one explains it, so one overspend is never told twice.
        singles = single_values_within_parent(node, kids)
        findings += singles or _values_within_parent(node, kids)
    return findings


def _title(node: NetworkNode) -> str:
    return f"'{node.agreement.title}'"


def _ends_within_parent(parent: NetworkNode, child: NetworkNode) -> list[Finding]:
    mine, theirs = child.terms.duration.latest_end, parent.terms.duration.latest_end
    if mine is None or theirs is None or mine <= theirs:
        return []
    return [Finding(Severity.ERROR, "ends-within-parent", child.id, parent.id,
                    f"{_title(child)} can run until {long_date(mine)}, after {_title(parent)}, which funds it, "
                    f"ends on {long_date(theirs)}. Rule: an agreement ends no later than its parent.")]


def _payment_flows_down(parent: NetworkNode, child: NetworkNode) -> list[Finding]:
    mine, theirs = child.terms.payment.days, parent.terms.payment.days
    if mine is None or theirs is None or mine <= theirs:
        return []
    return [Finding(Severity.ERROR, "payment-flows-down", child.id, parent.id,
                    f"{_title(child)} pays within {mine} days, slower than {_title(parent)}, which pays within "
                    f"{theirs} days. Rule: payment terms flow down; a sub-contract pays no slower than its "
                    "parent.")]


def _integrator_is_party(parent: NetworkNode, child: NetworkNode) -> list[Finding]:
    integrator = parent.agreement.integrator
    if integrator is None or child.agreement.kind is not AgreementKind.SUB_CONTRACT:
        return []
    if any(s.party.id == integrator.party.id and s.role.is_integrator for s in child.agreement.signatories):
        return []
    return [Finding(Severity.ERROR, "integrator-in-sub-contract", child.id, parent.id,
                    f"{integrator.party.name}, the integrator of {_title(parent)}, is not the integrator party to "
                    f"its sub-contract {_title(child)}. Rule: the integrator is a party to each of its "
                    "sub-contracts.")]


def _values_within_parent(parent: NetworkNode, kids: list[NetworkNode]) -> list[Finding]:
    ceiling = parent.terms.payment.annual_value
    valued = [(k, value) for k in kids if (value := k.terms.payment.annual_value) is not None]
    if ceiling is None or not valued:
        return []
    total = sum(value for _, value in valued)
    if total <= ceiling:
        return []
    names = ", ".join(f"{_title(k)} {money(value)}" for k, value in valued)
    return [Finding(Severity.ERROR, "values-within-parent", parent.id, valued[0][0].id,
                    f"The agreements under {_title(parent)} are worth {money(total)} a year ({names}), more than "
                    f"its own annual value of {money(ceiling)}. Rule: the money flowing down cannot exceed the "
                    "money flowing in.")]


def _risk_share_parties(node: NetworkNode) -> list[Finding]:
    agreement, shares = node.agreement, node.terms.risk_share.shares
    sharing = {s.party_id for s in shares}
    findings = []
    if agreement.kind is AgreementKind.OVERARCHING_ALLIANCE_AGREEMENT:
        for member in agreement.with_role(Role.ALLIANCE_MEMBER):
            if member.party.id not in sharing:
                findings.append(Finding(
                    Severity.ERROR, "alliance-members-share-risk", node.id, None,
                    f"{member.party.name} is an alliance member of {_title(node)} but has no risk share. "
                    "Rule: every alliance member has a risk share."))
        members = {m.party.id for m in agreement.with_role(Role.ALLIANCE_MEMBER)}
    else:
        members = {s.party.id for s in agreement.signatories}
    names = {s.party.id: s.party.name for s in agreement.signatories}
    for share in shares:
        if share.party_id not in members:
            who = names.get(share.party_id, f"Party {share.party_id}")
            alliance = agreement.kind is AgreementKind.OVERARCHING_ALLIANCE_AGREEMENT
            role, sharers = ("an alliance member of", "alliance members") if alliance else ("a party to", "parties")
            findings.append(Finding(
                Severity.ERROR, "only-members-share-risk", node.id, None,
                f"{who} has a risk share in {_title(node)} but is not {role} it. Rule: only the "
                f"{sharers} share risk."))
    return findings
