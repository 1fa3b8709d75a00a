"""The agreement, terms, check, parties and demo commands, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli import negotiator


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    result = negotiator("--library", path, "demo")
    assert result.returncode == 0, result.stderr
    assert "Northshire MSK Prime Contract" in result.stdout
    return path


@pytest.fixture
def demo(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    path.write_bytes(demo_template.read_bytes())
    return path


def test_agreements_list_and_show_as_json(demo: Path) -> None:
    listed = json.loads(negotiator("--library", demo, "agreements", "list", "--json").stdout)
    assert len(listed) == 6 and all({"id", "title", "kind", "model", "status", "parent", "parties"} <= set(a)
                                    for a in listed)
    shown = json.loads(negotiator("--library", demo, "agreements", "show", "MSK Sub-contract: Active Physio",
                                  "--json").stdout)
    assert shown["parent"] == "Northshire MSK Prime Contract" and shown["kind"] == "sub_contract"
    assert {"name": "Active Physio CIC", "short_name": "Active Physio", "role": "sub_contractor"} in shown["parties"]
    assert shown["outline"][0]["number"] == "1" and shown["outline"][0]["id"].startswith("s")
    assert shown["terms"]["payment.days"] == 45 and shown["terms"]["duration.start"] == "2027-04-01"
    payment = next(s for s in shown["outline"] if s["clause"] == "subcontract.payment.invoicing")
    assert "within forty-five (45) days of receipt" in payment["text"]


def test_terms_show_and_set(demo: Path) -> None:
    shown = json.loads(negotiator("--library", demo, "terms", "show", "Northshire MSK Prime Contract", "--json").stdout)
    assert shown["payment.annual_value"] == 2_400_000_000 and shown["id"]
    table = negotiator("--library", demo, "terms", "show", "Northshire MSK Prime Contract").stdout
    assert "five (5) years" in table and "£24,000,000" in table
    lines = {line.split("  ")[0]: line.split() for line in table.splitlines()}
    # Each term in words, its value as the agreement says it, and the name to change it with.
    assert lines["Annual contract value"][-2:] == ["£24,000,000", "payment.annual_value"]
    assert lines["Variable or at-risk part"][-1] == "payment.variable_part"
    result = negotiator("--library", demo, "--as", "Meridian", "terms", "set", "MSK Sub-contract: Active Physio",
                        "payment.days", "30")
    assert result.returncode == 0
    assert result.stdout.strip() == "Invoices paid within: thirty (30) days (set in 'MSK Sub-contract: Active Physio')."


def test_invalid_terms_exit_2_and_are_not_saved(demo: Path) -> None:
    result = negotiator("--library", demo, "--as", "Meridian", "terms", "set", "MSK Sub-contract: Active Physio",
                        "payment.days", "400")
    assert result.returncode == 2 and "1 to 365" in result.stderr and "Traceback" not in result.stderr
    shown = json.loads(negotiator("--library", demo, "terms", "show", "MSK Sub-contract: Active Physio",
                                  "--json").stdout)
    assert shown["payment.days"] == 45
    bad_field = negotiator("--library", demo, "--as", "Meridian", "terms", "set", "MSK Sub-contract: Active Physio",
                           "payment.dayz", "5")
    assert bad_field.returncode == 2 and "is not a term" in bad_field.stderr


def test_check_exits_1_with_the_deliberate_finding_then_0_when_fixed(demo: Path) -> None:
    found = negotiator("--library", demo, "check", "--json")
    assert found.returncode == 1
    findings = json.loads(found.stdout)
    assert [f["rule"] for f in findings] == ["payment-flows-down"]
    assert findings[0]["agreement"] == "MSK Sub-contract: Active Physio"
    assert findings[0]["other_agreement"] == "Northshire MSK Prime Contract"
    negotiator("--library", demo, "--as", "Active Physio", "terms", "set", "MSK Sub-contract: Active Physio",
               "payment.days", "30")
    clean = negotiator("--library", demo, "check")
    assert clean.returncode == 0 and "consistent" in clean.stdout


def test_a_party_in_use_cannot_be_removed(demo: Path) -> None:
    result = negotiator("--library", demo, "parties", "remove", "Meridian")
    assert result.returncode == 2 and "Northshire MSK Prime Contract" in result.stderr
    assert "Meridian" in negotiator("--library", demo, "parties", "list").stdout
    added = negotiator("--library", demo, "parties", "add", "Spare Org", "--short", "Spare", "--type", "nhs_trust")
    assert added.returncode == 0
    assert negotiator("--library", demo, "parties", "remove", "Spare").returncode == 0


def test_the_demo_runs_once(demo: Path) -> None:
    again = negotiator("--library", demo, "demo")
    assert again.returncode == 2 and "already" in again.stderr


def test_an_unknown_agreement_is_named(demo: Path) -> None:
    result = negotiator("--library", demo, "agreements", "show", "No Such Deal")
    assert result.returncode == 2 and "No Such Deal" in result.stderr


def test_creating_and_changing_an_agreement(demo: Path) -> None:
    made = negotiator("--library", demo, "--as", "Meridian", "agreements", "add", "MSK Sub-contract: GP Federation",
                      "--kind",
                      "sub_contract", "--model", "prime_contractor", "--party", "Meridian=prime_contractor",
                      "--party", "GP Federation=sub_contractor", "--parent", "Northshire MSK Prime Contract", "--json")
    assert made.returncode == 0, made.stderr
    created = json.loads(made.stdout)
    assert created["parent"] == "Northshire MSK Prime Contract" and created["status"] == "drafting"
    changed = negotiator("--library", demo, "agreements", "set", str(created["id"]), "--status", "agreed", "--json")
    assert json.loads(changed.stdout)["status"] == "agreed"
    loop = negotiator("--library", demo, "agreements", "set", "Northshire MSK Prime Contract", "--parent",
                      "MSK Sub-contract: GP Federation")
    assert loop.returncode == 2 and "Traceback" not in loop.stderr
    bad = negotiator("--library", demo, "agreements", "add", "X", "--kind", "prime_contract", "--model",
                     "prime_contractor", "--party", "Meridian")
    assert bad.returncode == 2 and "NAME=ROLE" in bad.stderr


def test_a_loss_cap_without_a_share_is_refused_on_the_command_line_as_in_the_app(demo: Path) -> None:
    from dataclasses import replace
    from decimal import Decimal

    from negotiator.domain.terms import PartyShare, RiskShare
    from negotiator.services.session import open_workspace

    prime = "Northshire MSK Prime Contract"
    ws = open_workspace(demo, "Test Drafter")
    try:
        ws.act_as("Meridian")
        meridian = ws.agreements.find_party("Meridian").id
        sheet = ws.agreements.terms(prime)
        ws.agreements.save_terms(prime, replace(sheet, risk_share=RiskShare(
            (PartyShare(meridian, Decimal(100), Decimal(100)),))))
    finally:
        ws.close()
    result = negotiator("--library", demo, "--as", "Meridian", "terms", "set", prime,
                        "risk_share.northshire-icb.cap", "50000")
    assert result.returncode == 2
    assert "NHS Northshire Integrated Care Board has a loss cap but no share of gains or losses" in result.stderr
