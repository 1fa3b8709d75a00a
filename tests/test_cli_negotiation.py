"""Three parties negotiate the demo alliance agreement from the command line, one round to the next."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from negotiator.services.demo_titles import ALLIANCE

from .test_cli import negotiator


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-negotiation") / "demo.sqlite"
    assert negotiator("--library", path, "demo").returncode == 0
    return path


@pytest.fixture
def demo(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    path.write_bytes(demo_template.read_bytes())
    return path


def _run(demo: Path, *args: str | Path) -> object:
    result = negotiator("--library", demo, *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout) if "--json" in args else result.stdout


def test_three_parties_negotiate_from_one_round_to_the_next(demo: Path, tmp_path: Path) -> None:
    wording = tmp_path / "wording.txt"
    wording.write_text("The Alliance Board will meet monthly. A quorum is the chair and every Alliance Member.")
    made = _run(demo, "--as", "GP Federation", "propose", ALLIANCE, "--section", "5.1", "--text-file", wording,
                "--rationale", "Simpler quorum rule", "--json")
    assert made["party"] == "Northshire Primary Care Federation" and made["status"] == "open"
    assert made["target"].startswith("section:") and made["base"] and made["created_at"].endswith("Z")
    term = _run(demo, "--as", "Hope Street", "propose", ALLIANCE, "--term", "payment.days", "--value", "20",
                "--rationale", "Cash flow for a small charity", "--json")
    assert term["proposed"] == "20" and term["base"] == "30"
    decided = _run(demo, "--as", "Northshire ICB", "decide", str(term["id"]), "accept", "--json")
    assert decided["status"] == "accepted" and decided["decided_by"] == "NHS Northshire Integrated Care Board"
    terms = _run(demo, "terms", "show", ALLIANCE, "--json")
    assert terms["payment.days"] == 20
    _run(demo, "--as", "Northshire ICB", "round", "issue", ALLIANCE, "Draft 3")
    shown = _run(demo, "agreements", "show", ALLIANCE, "--json")
    assert [r["label"] for r in shown["rounds"]] == ["Draft 1", "Draft 2", "Draft 3"]
    assert all(r["issued_at"] for r in shown["rounds"])
    listed = _run(demo, "proposals", ALLIANCE, "--json")
    assert {"id", "party", "status", "target", "proposed", "rationale", "base", "created_at"} <= set(listed[0])
    assert len({p["party"] for p in listed if p["status"] == "open"}) >= 3


def test_positions_show_the_competing_proposals(demo: Path) -> None:
    rows = _run(demo, "positions", ALLIANCE, "--json")
    corridor = next(r for r in rows if r["id"] == "risk_share.corridor")
    assert corridor["positions"]["Northshire Community Health NHS Trust"] == {
        "stance": "proposes", "value": "3", "proposal": corridor["positions"][
            "Northshire Community Health NHS Trust"]["proposal"]}
    assert corridor["positions"]["Northshire Primary Care Federation"]["value"] == "1"
    assert corridor["converged"] is False
    table = _run(demo, "positions", ALLIANCE)
    corridor_line = next(line for line in table.splitlines() if line.startswith("Risk corridor"))  # in words
    assert "proposes: 3%" in corridor_line and "proposes: 1%" in corridor_line
    notice = next(line for line in table.splitlines() if line.startswith("No-fault termination notice"))
    assert "rejected: 6 months" in notice and notice.rstrip().endswith("no")  # Hope Street's, turned down
    assert "risk_share" not in table and "section:" not in table  # never an internal name
    out = demo.parent / "positions.csv"
    assert f"Wrote {out}" in _run(demo, "positions", ALLIANCE, "--out", out)
    assert "Risk corridor" in out.read_text(encoding="utf-8-sig")
    refused = negotiator("--library", demo, "positions", ALLIANCE, "--out", demo.parent / "positions.pdf")
    assert refused.returncode == 2 and ".csv or a .docx" in refused.stderr


def test_bad_input_is_refused_with_exit_2(demo: Path) -> None:
    no_party = negotiator("--library", demo, "propose", ALLIANCE, "--term", "payment.days", "--value", "20",
                          "--rationale", "r")
    assert no_party.returncode == 2 and "--as PARTY" in no_party.stderr
    outsider = negotiator("--library", demo, "--as", "Meridian", "decide", "2", "accept")
    assert outsider.returncode == 2 and "is not a party to" in outsider.stderr
    decided = negotiator("--library", demo, "--as", "Northshire ICB", "decide", "2", "accept")
    assert decided.returncode == 2 and "already accepted" in decided.stderr
    invalid = negotiator("--library", demo, "--as", "Hope Street", "propose", ALLIANCE, "--term", "payment.days",
                         "--value", "0", "--rationale", "r")
    assert invalid.returncode == 2 and "1 to 365" in invalid.stderr
    missing = negotiator("--library", demo, "--as", "Hope Street", "propose", ALLIANCE, "--section", "99",
                         "--text-file", "x.txt", "--rationale", "r")
    assert missing.returncode == 2 and "no section '99'" in missing.stderr
    assert "Traceback" not in no_party.stderr + outsider.stderr + invalid.stderr + missing.stderr


def test_verify_passes_then_fails_after_tampering(demo: Path) -> None:
    ok = negotiator("--library", demo, "verify")
    assert ok.returncode == 0 and "match" in ok.stdout
    with sqlite3.connect(demo) as connection:
        connection.execute("UPDATE proposal SET proposed = '9' WHERE 1 = 1")  # content of proposals is evidence too
        connection.execute("UPDATE negotiation_event SET actor = 'Someone else' WHERE id = 2")
    connection.close()
    broken = negotiator("--library", demo, "verify")
    assert broken.returncode == 1 and "event 2" in broken.stdout and "proposal 1:" in broken.stdout


def test_proposing_new_moved_and_removed_sections(demo: Path, tmp_path: Path) -> None:
    text = tmp_path / "new.txt"
    text.write_text("The Alliance Members will publish an annual report on the Alliance Objectives.")
    added = _run(demo, "--as", "Hope Street", "propose", ALLIANCE, "--new-section", "Annual report",
                 "--text-file", text, "--after", "3", "--rationale", "Transparency", "--json")
    moved = _run(demo, "--as", "GP Federation", "propose", ALLIANCE, "--move-section", "21", "--after", "1",
                 "--rationale", "No partnership belongs near the parties", "--json")
    removed = _run(demo, "--as", "Community Trust", "propose", ALLIANCE, "--remove-section", "19",
                   "--rationale", "Competition law is covered elsewhere", "--json")
    for proposal in (added, moved, removed):
        _run(demo, "--as", "Northshire ICB", "decide", str(proposal["id"]), "accept")
    outline = [s["heading"] for s in _run(demo, "agreements", "show", ALLIANCE, "--json")["outline"]]
    assert outline[1] == "No partnership or agency"
    assert outline[4] == "Annual report"
    assert "Competition law" not in outline


def test_who_carries_losses_above_a_cap_is_proposed_and_shown_by_name(demo: Path) -> None:
    made = _run(demo, "--as", "GP Federation", "propose", ALLIANCE, "--term", "risk_share.excess_bearer",
                "--value", "community trust", "--rationale", "The largest provider carries the excess", "--json")
    assert made["proposed"] == "Northshire Community Health NHS Trust" and made["base"] == ""
    _run(demo, "--as", "Northshire ICB", "decide", str(made["id"]), "accept")
    terms = _run(demo, "terms", "show", ALLIANCE, "--json")
    assert terms["risk_share.excess_bearer"] == "Northshire Community Health NHS Trust"
    shown = _run(demo, "terms", "show", ALLIANCE)
    assert "risk_share.excess_bearer" in shown and "Northshire Community Health NHS Trust" in shown
    refused = negotiator("--library", demo, "--as", "GP Federation", "propose", ALLIANCE, "--term",
                         "risk_share.excess_bearer", "--value", "Acme Health", "--rationale", "Why not")
    assert refused.returncode == 2 and "Who carries losses above a cap" in refused.stderr
