"""Risk-share scenarios of the demo alliance: the current terms beside its open corridor proposals, in pounds."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from negotiator.domain.errors import InvalidInput, NotFound
from negotiator.domain.scenario_terms import signed_money
from negotiator.services.demo_rounds import ALLIANCE, HOPE
from negotiator.services.session import open_workspace


@pytest.fixture
def ws(demo_path: Path):
    opened = open_workspace(demo_path, "Test Drafter")
    yield opened
    opened.close()


def _open_ids(ws) -> dict[str, int]:
    """The demo's open proposals by what they say: the two corridors and a wording change."""
    views = [v.proposal for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.is_open]
    return {"3%": next(p.id for p in views if p.proposed == "3"), "1%": next(p.id for p in views if p.proposed == "1"),
            "wording": next(p.id for p in views if p.kind.value == "wording")}


def _row(found, scenario: int, result: int) -> list[str]:
    outcome = found.outcomes([result])[scenario][0]
    return [signed_money(outcome.of(pid)) for pid, _ in found.parties]


def test_the_current_terms_and_each_open_corridor_proposal_side_by_side_in_words(ws) -> None:
    ids = _open_ids(ws)
    found = ws.scenarios.scenarios(ALLIANCE)
    assert [s.label for s in found.scenarios] == [
        "Current terms", f"Community Trust's proposal {ids['3%']}: Risk corridor 3%",
        f"GP Federation's proposal {ids['1%']}: Risk corridor 1%"]
    assert [name for _, name in found.parties] == ["Community Trust", "GP Federation", "Hope Street"]
    assert found.budget == 48_000_000_00
    # An overspend of £2m against £48m: a 2% corridor shares £1.04m, a 3% one £560,000, a 1% one £1.52m.
    assert _row(found, 0, -2_000_000_00) == ["−£520,000", "−£312,000", "−£208,000"]
    assert _row(found, 1, -2_000_000_00) == ["−£280,000", "−£168,000", "−£112,000"]
    assert _row(found, 2, -2_000_000_00) == ["−£793,750", "−£476,250", "−£250,000"]  # Hope Street at its cap
    assert _row(found, 0, 2_400_000_00) == ["+£720,000", "+£432,000", "+£288,000"]


def test_a_combination_of_proposals_is_one_scenario_and_nothing_is_written(ws) -> None:
    ids = _open_ids(ws)
    ws.act_as(HOPE)
    cap = ws.negotiation.propose_term(ALLIANCE, "risk_share.hope-street.cap", "£400,000", HOPE, "Room to carry more")
    before = ws.agreements.terms(ALLIANCE)
    found = ws.scenarios.scenarios(ALLIANCE, [[ids["3%"], cap.id], [cap.id]])
    assert found.scenarios[1].label == (f"Proposals {ids['3%']} and {cap.id} together: Risk corridor 3%; "
                                        "Hope Street Wellbeing's cap on losses £400,000")
    assert found.scenarios[2].label == (f"Hope Street's proposal {cap.id}: "
                                        "Hope Street Wellbeing's cap on losses £400,000")
    # At −£5m a 2% corridor shares £4.04m: Hope Street's 20% is £808,000, capped at £250,000 now, £400,000 after.
    assert _row(found, 0, -5_000_000_00)[2] == "−£250,000"
    assert _row(found, 2, -5_000_000_00)[2] == "−£400,000"
    # With a 3% corridor £3.56m is shared; the £312,000 above Hope Street's new cap goes 5:3 to the others.
    assert _row(found, 1, -5_000_000_00) == ["−£1,975,000", "−£1,185,000", "−£400,000"]
    assert ws.agreements.terms(ALLIANCE) == before


@pytest.mark.parametrize(("which", "message"), [
    ("wording", "changes the wording, not the terms"),
    ("both", "both set Risk corridor (3% and 1%); a scenario can take only one of them"),
    ("decided", "is already accepted; only an open proposal makes a scenario"),
    ("elsewhere", "is not on 'Northshire Ageing Well Alliance Agreement'"),
])
def test_a_proposal_that_cannot_make_a_scenario_is_refused_in_words(ws, which: str, message: str) -> None:
    ids = _open_ids(ws)
    combination = {"wording": [ids["wording"]], "both": [ids["3%"], ids["1%"]]}.get(which)
    if which == "decided":
        ws.negotiation.decide(ids["3%"], "accept", "Northshire ICB")
        combination = [ids["3%"]]
    if which == "elsewhere":
        prime = "Northshire MSK Prime Contract"
        made = ws.negotiation.propose_term(prime, "payment.days", "20", "Meridian", "Cash flow")
        combination = [made.id]
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        ws.scenarios.scenarios(ALLIANCE, [combination])


def test_an_unknown_proposal_is_refused(ws) -> None:
    with pytest.raises(NotFound, match="There is no proposal 999"):
        ws.scenarios.scenarios(ALLIANCE, [[999]])


def test_results_for_the_table_are_read_as_people_write_them() -> None:
    from negotiator.domain.scenario_terms import parse_results, result_cell

    budget = 48_000_000_00
    assert parse_results("−10%, -£2,000,000; underspend of 1%", budget) == [-480_000_000, -200_000_000, 48_000_000]
    assert result_cell(-480_000_000, budget) == "−£4,800,000 (−10%)"
    assert result_cell(200_000_000, budget) == "+£2,000,000 (+4.17%)"
    assert result_cell(0, budget) == "£0 (on budget)" and result_cell(-150, None) == "−£1.50"
    assert signed_money(39_500_000 * -1) == "−£395,000" and signed_money(0) == "£0"
    for text, message in (("", "Give at least one result"), ("-5%, lots", "'lots' is not a year-end result")):
        with pytest.raises(InvalidInput, match=message):
            parse_results(text, budget)
    with pytest.raises(InvalidInput, match="has no annual value"):
        parse_results("2%", None)


def test_the_table_model_passes_the_model_tester(ws, qtmodeltester) -> None:
    from negotiator.ui.panels.scenario_table import ScenarioTableModel

    found = ws.scenarios.scenarios(ALLIANCE)
    model = ScenarioTableModel()
    results = [-200_000_000, 0, 240_000_000]
    model.show(["−£2m", "£0", "+£2.4m"], list(found.parties), [s.label for s in found.scenarios],
               found.outcomes(results))
    qtmodeltester.check(model)
    assert model.columnCount() == 1 + 3 * 3 and model.rowCount() == 3
    assert model.index(0, 9).data() == "−£250,000"  # Hope Street at its cap under the 1% corridor
    assert "at its cap on losses" in model.index(0, 9).data(Qt.ItemDataRole.ToolTipRole)
