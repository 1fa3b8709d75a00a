"""The contract network checks itself: each rule, with both agreements, the values and the rule named."""

from __future__ import annotations

import pytest

from negotiator.domain.network import Severity
from negotiator.services.demo_titles import ALLIANCE, PRIME
from negotiator.services.session import Workspace, open_workspace

PHYSIO = "MSK Sub-contract: Active Physio"
HOSPITALS = "MSK Sub-contract: Hospitals Trust"


@pytest.fixture
def demo(starter_library) -> Workspace:
    ws = open_workspace(starter_library, "Test Drafter")
    ws.create_demo()
    yield ws
    ws.close()


def _rules(demo: Workspace) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in demo.agreements.check():
        found.setdefault(finding.rule, []).append(finding.message)
    return found


def test_the_demo_has_exactly_its_deliberate_finding(demo: Workspace) -> None:
    findings = demo.agreements.check()
    assert [f.rule for f in findings] == ["payment-flows-down"]
    message = findings[0].message
    assert PHYSIO in message and PRIME in message and "45 days" in message and "30 days" in message
    assert findings[0].severity is Severity.ERROR


def test_fixing_the_payment_days_clears_it(demo: Workspace) -> None:
    demo.act_as("Meridian")  # the integrator drafts its sub-contracts
    demo.agreements.set_term(PHYSIO, "payment.days", "30")
    assert demo.agreements.check() == []


def test_a_sub_contract_ending_after_its_parent(demo: Workspace) -> None:
    demo.act_as("Meridian")
    demo.agreements.set_term(HOSPITALS, "duration.extension_count", "2")
    message = _rules(demo)["ends-within-parent"][0]
    assert HOSPITALS in message and PRIME in message and "31 March 2036" in message and "31 March 2034" in message


def test_sub_contract_values_above_the_parent(demo: Workspace) -> None:
    demo.act_as("Meridian")
    demo.agreements.set_term(HOSPITALS, "payment.annual_value", "20m")
    message = _rules(demo)["values-within-parent"][0]
    assert "£26,000,000" in message and "£24,000,000" in message and PRIME in message and HOSPITALS in message


def test_every_alliance_member_shares_risk_and_nobody_else(demo: Workspace) -> None:
    alliance = demo.agreements.agreement(ALLIANCE)
    demo.act_as("Northshire ICB")  # parties may join or change role under negotiation: recorded, not proposed
    demo.agreements.update_agreement(alliance.id, parties=[
        ("Northshire ICB", "commissioner"), ("County Council", "commissioner"), ("Community Trust", "alliance_member"),
        ("GP Federation", "alliance_member"), ("Hope Street", "commissioner")])
    rules = _rules(demo)
    assert any("Hope Street Wellbeing has a risk share" in m for m in rules["only-members-share-risk"])
    demo.agreements.update_agreement(alliance.id, parties=[
        ("Northshire ICB", "commissioner"), ("County Council", "commissioner"), ("Community Trust", "alliance_member"),
        ("GP Federation", "alliance_member"), ("Hope Street", "alliance_member"), ("Meridian", "alliance_member")])
    assert any("Meridian MSK Partnership Ltd is an alliance member" in m
               for m in _rules(demo)["alliance-members-share-risk"])


def test_the_integrator_is_a_party_to_each_sub_contract(demo: Workspace) -> None:
    demo.agreements.add_party("Other Integrator Ltd", "Other", "independent_sector_provider")
    demo.act_as("Meridian")
    demo.agreements.update_agreement(HOSPITALS, parties=[("Other", "prime_contractor"),
                                                         ("Hospitals Trust", "sub_contractor")])
    message = _rules(demo)["integrator-in-sub-contract"][0]
    assert "Meridian MSK Partnership Ltd" in message and PRIME in message and HOSPITALS in message


def test_findings_for_one_agreement_only(demo: Workspace) -> None:
    assert demo.agreements.check(ALLIANCE) == []
    assert len(demo.agreements.check(PHYSIO)) == 1
    assert len(demo.agreements.check(PRIME)) == 1
