"""What the money map writes on each agreement, in plain words: its value, payment days and the risk passed on."""

from __future__ import annotations

from negotiator.domain.agreements import AgreementKind
from negotiator.domain.legal_english import money, percent
from negotiator.domain.network_findings import Finding, NetworkNode
from negotiator.domain.parties import Role, Signatory
from negotiator.domain.terms import PartyShare

# A few words per rule, to be read on a link; the finding's own message says the rest.
FINDING_WORDS = {
    "payment-flows-down": "paid more slowly than the money arrives",
    "ends-within-parent": "runs longer than the agreement funding it",
    "value-within-parent": "worth more than the agreement funding it",
    "values-within-parent": "the agreements under it are worth more than it",
    "risk-within-parent": "passes on more risk than the integrator carries",
    "loss-cap-within-value": "a loss cap above its annual value",
    "integrator-in-sub-contract": "its integrator is not a party to it",
    "alliance-members-share-risk": "an alliance member without a risk share",
    "only-members-share-risk": "a risk share for a party outside it",
}


def finding_words(finding: Finding) -> str:
    """The few words a map shows for a finding (the rule's name, spelt out, for a rule without its own)."""
    return FINDING_WORDS.get(finding.rule, finding.rule.replace("-", " "))


def payers_and_payees(node: NetworkNode) -> tuple[list[Signatory], list[Signatory]]:
    """Who pays under an agreement and who is paid: the integrator pays under a sub-contract, the
    commissioners under anything else; everyone else is paid."""
    agreement = node.agreement
    if agreement.kind is AgreementKind.SUB_CONTRACT:
        payers = [s for s in agreement.signatories if s.role.is_integrator]
    else:
        payers = agreement.with_role(Role.COMMISSIONER)
    return payers, [s for s in agreement.signatories if s not in payers]


def value_words(node: NetworkNode) -> list[str]:
    """The annual value and the payment days: ["£4,800,000 a year", "paid in 30 days"]."""
    payment = node.terms.payment
    words = [f"{money(payment.annual_value)} a year" if payment.annual_value is not None else "no annual value yet"]
    if payment.days is not None:
        words.append(f"paid in {payment.days} days")
    return words


def _capped(share: PartyShare) -> str:
    return f", capped at {money(share.loss_cap)}" if share.loss_cap is not None else ""


def passed_on_words(node: NetworkNode, payee: Signatory) -> str:
    """The share of risk the agreement passes on to the party paid: "40% of losses passed on"."""
    risk = node.terms.risk_share
    if not risk.shares:
        return "no risk share"
    share = risk.share_of(payee.party.id)
    if share is None or not share.loss:
        return "no losses passed on"
    return f"{percent(share.loss)} of losses passed on{_capped(share)}"


def member_words(node: NetworkNode, member: Signatory) -> str:
    """What one member of a many-party agreement carries: "bears 20% of losses, capped at £250,000"."""
    share = node.terms.risk_share.share_of(member.party.id)
    if share is None:
        return "no risk share"
    return f"bears {percent(share.loss)} of losses{_capped(share)}" if share.loss else "bears no losses"


def payer_words(node: NetworkNode, payer: Signatory) -> str:
    """What a paying party puts in: its pooled-fund contribution, else its role."""
    contribution = node.terms.payment.contribution_of(payer.party.id)
    if contribution:
        return f"puts {money(contribution)} into the pooled fund"
    return payer.role.label.lower()


def risk_summary(node: NetworkNode) -> str:
    """How a many-party agreement shares its risk, in a few words."""
    risk = node.terms.risk_share
    if not risk.shares:
        return "no risk share"
    corridor = f" beyond a {percent(risk.corridor)} corridor" if risk.corridor else ""
    return f"risk shared{corridor}"
