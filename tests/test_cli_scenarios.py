"""`negotiator scenarios`: each party's gain or loss at a range of results, as a table and as JSON."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from negotiator.services.demo_rounds import ALLIANCE

from .test_cli import negotiator


def _corridor_ids(demo: Path) -> dict[str, int]:
    listed = json.loads(negotiator("--library", demo, "proposals", ALLIANCE, "--open", "--json").stdout)
    return {p["proposed"] + "%": p["id"] for p in listed if p["target"] == "risk_share.corridor"}


def test_a_table_per_scenario_one_row_per_result_one_column_per_party(demo_path: Path) -> None:
    ids = _corridor_ids(demo_path)
    done = negotiator("--library", demo_path, "scenarios", ALLIANCE, "--from", "-4%", "--to", "4%", "--step", "2%",
                      "--with-proposal", str(ids["3%"]), "--with-proposal", str(ids["1%"]))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "a budget of £48,000,000" in out
    current, trust, federation = out.split("\n\n")[1:]
    assert current.splitlines()[0] == "Current terms"
    assert trust.splitlines()[0] == f"Community Trust's proposal {ids['3%']}: Risk corridor 3%"
    assert federation.splitlines()[0] == f"GP Federation's proposal {ids['1%']}: Risk corridor 1%"
    header = current.splitlines()[1].split()
    assert header == ["Result", "Community", "Trust", "GP", "Federation", "Hope", "Street"]
    rows = current.splitlines()[2:]
    assert len(rows) == 5  # −4%, −2%, 0, 2%, 4%
    assert rows[0].startswith("an overspend of £1,920,000 (4%)") and rows[0].split()[-3:] == [
        "−£480,000", "−£288,000", "−£192,000"]
    assert rows[2].split()[-3:] == ["£0", "£0", "£0"] and rows[2].startswith("on budget")
    assert rows[4].split()[-3:] == ["+£480,000", "+£288,000", "+£192,000"]
    assert federation.splitlines()[2].split()[-3:] == ["−£743,750", "−£446,250", "−£250,000"]  # Hope Street capped


def test_json_keeps_pence_and_names_and_a_result_of_its_own(demo_path: Path) -> None:
    ids = _corridor_ids(demo_path)
    done = negotiator("--library", demo_path, "scenarios", ALLIANCE, "--result", "-£2m", "--result",
                      "underspend of 5%", "--with-proposal", str(ids["3%"]), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["title"] == ALLIANCE and data["budget"] == 4_800_000_000
    assert [s["label"] for s in data["scenarios"]] == ["Current terms",
                                                      f"Community Trust's proposal {ids['3%']}: Risk corridor 3%"]
    assert data["scenarios"][1]["proposals"] == [ids["3%"]]
    assert data["scenarios"][1]["terms"]["risk_share.corridor"] == "3"
    overspend, underspend = data["scenarios"][0]["points"]
    assert overspend["result"] == -200_000_000 and overspend["shared"] == -104_000_000
    assert [(p["party"], p["amount"]) for p in overspend["parties"]] == [
        ("Community Trust", -52_000_000), ("GP Federation", -31_200_000), ("Hope Street", -20_800_000)]
    assert underspend["result"] == 240_000_000 and underspend["percent"] == "5"
    assert data["parties"][0] == {"id": data["parties"][0]["id"], "name": "Northshire Community Health NHS Trust",
                                  "short_name": "Community Trust"}


@pytest.mark.parametrize(("args", "message"), [
    (["--result", "a lot"], "'a lot' is not a year-end result"),
    (["--from", "5%", "--to", "-5%"], "The range is empty"),
    (["--step", "0"], "The step must be more than 0%"),
    (["--from", "-100%", "--to", "100%", "--step", "0.0001%"], "at most 1,001 can be shown"),
    (["--with-proposal", "seven"], "'seven' is not a proposal number"),
    (["--with-proposal", "999"], "There is no proposal 999"),
])
def test_bad_input_is_a_plain_message_and_exit_2(demo_path: Path, args: list[str], message: str) -> None:
    done = negotiator("--library", demo_path, "scenarios", ALLIANCE, *args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_rival_proposals_together_and_a_wording_proposal_are_refused_with_exit_2(demo_path: Path) -> None:
    ids = _corridor_ids(demo_path)
    both = negotiator("--library", demo_path, "scenarios", ALLIANCE, "--with-proposal", f"{ids['3%']},{ids['1%']}")
    assert both.returncode == 2
    assert "both set Risk corridor (3% and 1%); a scenario can take only one of them" in both.stderr
    listed = json.loads(negotiator("--library", demo_path, "proposals", ALLIANCE, "--open", "--json").stdout)
    wording = next(p["id"] for p in listed if p["kind"] == "wording")
    done = negotiator("--library", demo_path, "scenarios", ALLIANCE, "--with-proposal", str(wording))
    assert done.returncode == 2 and "changes the wording, not the terms" in done.stderr


def test_an_agreement_without_a_risk_share_says_so(demo_path: Path) -> None:
    done = negotiator("--library", demo_path, "scenarios", "Northshire MSK Prime Contract", "--step", "5%")
    assert done.returncode == 0, done.stderr
    assert "No party shares this agreement's risk yet" in done.stdout
    assert "an overspend of £2,400,000 (10%)" in done.stdout  # 10% of its £24m


def test_a_loss_beyond_every_cap_has_a_column_of_its_own(demo_path: Path) -> None:
    from decimal import Decimal

    from negotiator.domain.terms import PartyShare, RiskShare
    from negotiator.services.session import open_workspace

    prime = "Northshire MSK Prime Contract"  # still being drafted: its terms are saved directly
    ws = open_workspace(demo_path, "Test Drafter")
    try:
        ws.act_as("Meridian")
        meridian = ws.agreements.find_party("Meridian").id
        sheet = ws.agreements.terms(prime)
        capped = RiskShare((PartyShare(meridian, Decimal(100), Decimal(100), 100_000_00),))
        ws.agreements.save_terms(prime, replace(sheet, risk_share=capped))
    finally:
        ws.close()
    done = negotiator("--library", demo_path, "scenarios", prime, "--result", "-10%", "--result", "5%")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[lines.index("Current terms") + 1].split()[-5:] == ["Meridian", "Carried", "by", "no", "party"]
    overspend, underspend = lines[lines.index("Current terms") + 2:][:2]
    assert overspend.split()[-2:] == ["−£100,000", "−£2,300,000"]  # its cap, and the rest no party carries
    assert underspend.split()[-2:] == ["+£1,200,000", "£0"]  # gains are never capped
