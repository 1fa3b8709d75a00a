"""The money rules of the network check: values, risk passed down and loss caps, on the demo's MSK contracts."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiator.domain.network import Severity, check_network
from negotiator.domain.network_money import exposure
from negotiator.domain.term_fields import set_term
from negotiator.domain.terms import PartyShare
from negotiator.services.demo_titles import PRIME
from negotiator.services.session import Workspace, open_workspace
from tests.test_money_map_layout import _network

PHYSIO = "MSK Sub-contract: Active Physio"
HOSPITALS = "MSK Sub-contract: Hospitals Trust"


@pytest.fixture
def demo(demo_path) -> Workspace:
    ws = open_workspace(demo_path, "Test Drafter")
    ws.act_as("Meridian")  # the integrator drafts its sub-contracts; the ICB drafts the prime contract
    yield ws
    ws.close()


def _terms(ws: Workspace, title: str, acting: str, **terms: str) -> None:
    ws.act_as(acting)
    agreement = ws.agreements.agreement(title)
    sheet, parties = ws.agreements.terms(agreement.id), ws.agreements.parties_of(agreement)
    for name, value in terms.items():
        field, *rest = name.split("__")  # risk_share__active_physio__loss: risk_share.active-physio.loss
        sheet = set_term(sheet, ".".join([field, *(part.replace("_", "-") for part in rest)]), value, parties)
    ws.agreements.save_terms(agreement.id, sheet, "Test terms")


def _by_rule(ws: Workspace, rule: str) -> list[str]:
    return [f.message for f in ws.agreements.check() if f.rule == rule]


def test_one_sub_contract_worth_more_than_its_prime_is_named_once(demo: Workspace) -> None:
    demo.agreements.set_term(HOSPITALS, "payment.annual_value", "30m")
    findings = [f for f in demo.agreements.check() if f.rule.startswith("value")]
    assert [f.rule for f in findings] == ["value-within-parent"]  # not the total as well
    message = findings[0].message
    assert HOSPITALS in message and PRIME in message and "£30,000,000" in message and "£24,000,000" in message
    assert "Rule: no agreement is worth more than the agreement that funds it." in message
    assert findings[0].severity is Severity.ERROR
    assert findings[0].other_id == demo.agreements.agreement(PRIME).id


def test_the_total_is_reported_when_no_single_sub_contract_explains_it(demo: Workspace) -> None:
    demo.agreements.set_term(HOSPITALS, "payment.annual_value", "20m")
    rules = [f.rule for f in demo.agreements.check()]
    assert "values-within-parent" in rules and "value-within-parent" not in rules


def test_risk_passed_down_beyond_what_the_integrator_carries(demo: Workspace) -> None:
    _terms(demo, PRIME, "Northshire ICB", risk_share__northshire_icb__gain="90", risk_share__northshire_icb__loss="90",
           risk_share__meridian__gain="10", risk_share__meridian__loss="10", risk_share__meridian__cap="1m")
    _terms(demo, PHYSIO, "Meridian", risk_share__meridian__gain="60", risk_share__meridian__loss="60",
           risk_share__active_physio__gain="40", risk_share__active_physio__loss="40")
    (message,) = _by_rule(demo, "risk-within-parent")
    # Active Physio: 40% of £6m = £2.4m; Meridian: 10% of £24m = £2.4m, capped at £1m.
    assert "passes up to £2,400,000 of losses a year to Active Physio CIC" in message
    assert "40% of losses on £6,000,000" in message
    assert "Meridian MSK Partnership Ltd carries under 'Northshire MSK Prime Contract': £1,000,000 " \
           "(10% of losses on £24,000,000, capped at £1,000,000)" in message
    assert PHYSIO in message and "Rule: an integrator passes down no more risk than it carries" in message
    finding = next(f for f in demo.agreements.check() if f.rule == "risk-within-parent")
    assert finding.severity is Severity.WARNING
    assert finding.agreement_id == demo.agreements.agreement(PHYSIO).id


def test_risk_within_what_the_integrator_carries_is_no_finding(demo: Workspace) -> None:
    _terms(demo, PRIME, "Northshire ICB", risk_share__northshire_icb__gain="80", risk_share__northshire_icb__loss="80",
           risk_share__meridian__gain="20", risk_share__meridian__loss="20")
    _terms(demo, PHYSIO, "Meridian", risk_share__meridian__gain="60", risk_share__meridian__loss="60",
           risk_share__active_physio__gain="40", risk_share__active_physio__loss="40")
    assert _by_rule(demo, "risk-within-parent") == []  # £2.4m passed down against £4.8m carried


def test_a_prime_contract_without_a_risk_share_is_not_compared(demo: Workspace) -> None:
    _terms(demo, PHYSIO, "Meridian", risk_share__meridian__gain="60", risk_share__meridian__loss="60",
           risk_share__active_physio__gain="40", risk_share__active_physio__loss="40")
    assert _by_rule(demo, "risk-within-parent") == []


def test_a_loss_cap_larger_than_the_contract_value(demo: Workspace) -> None:
    _terms(demo, PHYSIO, "Meridian", risk_share__meridian__gain="60", risk_share__meridian__loss="60",
           risk_share__active_physio__gain="40", risk_share__active_physio__loss="40",
           risk_share__active_physio__cap="7m")
    (message,) = _by_rule(demo, "loss-cap-within-value")
    assert message == (f"'{PHYSIO}' caps the losses of Active Physio CIC at £7,000,000, more than its annual value "
                       "of £6,000,000, so the cap limits nothing. Rule: a loss cap is no larger than the agreement's "
                       "annual value.")


def test_the_new_rules_appear_in_the_check_command(demo: Workspace, demo_path) -> None:
    from tests.test_cli import negotiator

    demo.agreements.set_term(HOSPITALS, "payment.annual_value", "30m")
    demo.close()
    result = negotiator("--library", demo_path, "check")
    assert result.returncode == 1
    out = result.stdout
    assert f"ERROR: The sub-contract '{HOSPITALS}' is worth £30,000,000 a year" in out


def test_exposure_in_pounds() -> None:
    assert exposure(PartyShare(1, Decimal(40), Decimal(40)), 600_000_000) == 240_000_000
    assert exposure(PartyShare(1, Decimal(40), Decimal(40), 100_000_000), 600_000_000) == 100_000_000
    assert exposure(PartyShare(1, Decimal(40), Decimal(40), 100_000_000), None) == 100_000_000
    assert exposure(PartyShare(1, Decimal(40), Decimal(40)), None) is None
    assert exposure(None, 600_000_000) is None


shares = st.decimals(min_value=0, max_value=100, places=2)
pence = st.integers(min_value=0, max_value=10**15)


@given(shares, shares, pence, st.one_of(st.none(), pence))
def test_exposure_grows_with_the_loss_share_and_never_passes_the_cap_or_the_value(
        low: Decimal, high: Decimal, value: int, cap: int | None) -> None:
    low, high = sorted((low, high))
    less, more = exposure(PartyShare(1, low, low, cap), value), exposure(PartyShare(1, high, high, cap), value)
    assert 0 <= less <= more <= value
    if cap is not None:
        assert more <= cap


@given(st.integers(min_value=0, max_value=10**10), st.lists(st.integers(min_value=0, max_value=10**10), max_size=6))
def test_an_overspend_is_told_once_by_the_single_agreements_or_by_the_total(prime: int, subs: list[int]) -> None:
    network = _network([len(subs)])
    network = [replace(node, terms=replace(node.terms, payment=replace(node.terms.payment, annual_value=value)))
               for node, value in zip(network, [prime, *subs], strict=True)]
    rules = [f.rule for f in check_network(network) if f.rule.startswith("value")]
    singles = sum(value > prime for value in subs)
    assert rules.count("value-within-parent") == singles
    assert rules.count("values-within-parent") == (1 if not singles and sum(subs) > prime else 0)
