"""The worked examples of the terms schedule: each party's share in pounds at 2%, 5% and 10% of the budget
either way, worked out from the terms, tracked when the terms change, and left out with a plain
sentence when there is no budget or no risk share."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from negotiator.domain.document import Revision, paragraph_texts
from negotiator.domain.export_layout import AgreementState, Grid, Line, cell_anchor, schedule
from negotiator.domain.parties import OrganisationType, Party
from negotiator.domain.redline import clean_document, redline_document
from negotiator.domain.risk_outcome import share_result
from negotiator.domain.scenarios import percent_of
from negotiator.domain.terms import PartyShare, Payment, RiskShare, TermsSheet
from negotiator.domain.worked_examples import NO_BUDGET, NO_SHARES, amount, example_cell, worked_examples

PARTIES = {1: Party("Northshire Community Trust", "Community Trust", OrganisationType.NHS_TRUST, 1),
           2: Party("Hope Street Wellbeing", "Hope Street", OrganisationType.VOLUNTARY_SECTOR, 2)}
RISK = RiskShare((PartyShare(1, Decimal(60), Decimal(60)), PartyShare(2, Decimal(40), Decimal(40), 250_000_00)),
                 Decimal(1))
SHEET = TermsSheet(risk_share=RISK, payment=Payment(annual_value=48_000_000_00))


def grids(sheet: TermsSheet) -> dict[str, Grid]:
    return {item.key: item for item in worked_examples(sheet, PARTIES) if isinstance(item, Grid)}


def test_amounts_are_pounds_with_losses_in_brackets() -> None:
    assert amount(416_000_00) == "£416,000"
    assert amount(-250_000_00) == "(£250,000)"
    assert amount(-12_345) == "(£123.45)" and amount(0) == "£0"


def test_each_party_s_share_at_each_result_comes_from_the_calculation() -> None:
    over, under = grids(SHEET)["examples.overspend"], grids(SHEET)["examples.underspend"]
    assert over.header == ("Overspend against the budget", "2%", "5%", "10%")
    assert under.header == ("Underspend against the budget", "2%", "5%", "10%")
    rows = dict(over.rows)
    assert rows["example.over.result"] == ("Year-end result", "(£960,000)", "(£2,400,000)", "(£4,800,000)")
    assert rows["example.over.corridor"][1:] == ("(£480,000)",) * 3
    for column, percent in enumerate((2, 5, 10), start=1):
        outcome = share_result(RISK, -percent_of(SHEET.payment.annual_value, Decimal(percent)),
                               SHEET.payment.annual_value)
        assert rows["example.over.share.1"][column] == amount(outcome.of(1))
        assert rows["example.over.share.2"][column] == amount(outcome.of(2))
    assert rows["example.over.share.2"] == ("Hope Street Wellbeing", "(£192,000)", "(£250,000)", "(£250,000)")
    assert rows["example.over.share.1"][3] == "(£4,070,000)"  # its 60% and Hope Street's excess above the cap
    assert dict(under.rows)["example.under.share.2"] == ("Hope Street Wellbeing", "£192,000", "£768,000",
                                                         "£1,728,000")


def test_a_loss_no_party_can_carry_is_a_row_of_its_own() -> None:
    capped = replace(RISK, shares=tuple(replace(s, loss_cap=100_000_00) for s in RISK.shares))
    rows = dict(grids(replace(SHEET, risk_share=capped))["examples.overspend"].rows)
    assert rows["example.over.uncovered"] == ("Loss above every cap, carried by no party", "(£280,000)",
                                              "(£1,720,000)", "(£4,120,000)")
    assert "example.over.uncovered" not in dict(grids(SHEET)["examples.overspend"].rows)


def test_without_a_budget_or_a_risk_share_a_plain_sentence_says_why() -> None:
    no_budget = worked_examples(replace(SHEET, payment=Payment()), PARTIES)
    assert [i.text for i in no_budget if isinstance(i, Line)] == ["Worked examples", NO_BUDGET]
    assert not any(isinstance(i, Grid) for i in no_budget)
    no_shares = worked_examples(replace(SHEET, risk_share=RiskShare()), PARTIES)
    assert [i.text for i in no_shares if isinstance(i, Line)] == ["Worked examples", NO_SHARES]
    pooled = worked_examples(replace(SHEET, payment=Payment(pooled_fund=1_200_000_00)), PARTIES)
    assert "a budget of £1,200,000 (the pooled fund)" in pooled[1].text


def test_the_schedule_states_the_excess_rule_and_shows_the_examples_after_the_risk_share() -> None:
    keys = [item.key for item in schedule(SHEET, PARTIES)]
    assert keys.index("corridor") < keys.index("term.risk_share.excess_bearer") < keys.index("examples.overspend") \
        < keys.index("schedule.duration")
    line = next(i for i in schedule(replace(SHEET, risk_share=replace(RISK, excess_bearer=1)), PARTIES)
                if i.key == "term.risk_share.excess_bearer")
    assert line.text == "Who carries losses above a cap: Northshire Community Trust"


def test_every_figure_is_anchored_and_named_in_words() -> None:
    assert cell_anchor("example.over.share.2", 2, 4) == "term.example.over.share.2.2"
    assert cell_anchor("example.over.share.2", 0, 4) is None  # the party's name is not a figure
    assert example_cell("example.over.share.2.2", PARTIES) == \
        "the worked example of an overspend of 5%: Hope Street Wellbeing's share"
    assert example_cell("example.under.result.3", PARTIES) == "the worked example of an underspend of 10%: " \
        "the year-end result"
    assert example_cell("share.2.gain", PARTIES) is None


def _state(sheet: TermsSheet) -> AgreementState:
    return AgreementState("Alliance", "Alliance agreement", (("Northshire Community Trust", "Alliance member"),),
                          "Draft 1", date(2026, 4, 1), (), sheet, PARTIES)


def test_a_change_of_terms_is_tracked_in_the_examples_and_accepting_or_rejecting_gives_either_table() -> None:
    """A wider corridor, a new annual value, the examples appearing once there is a budget: accept all
    gives the target's table exactly, reject all the base's."""
    revision = Revision("Hope Street Wellbeing", datetime(2026, 5, 1, tzinfo=UTC))
    for base, target in ((SHEET, replace(SHEET, risk_share=replace(RISK, corridor=Decimal(3)))),
                         (SHEET, replace(SHEET, payment=Payment(annual_value=50_000_000_00))),
                         (replace(SHEET, payment=Payment()), SHEET),
                         (SHEET, replace(SHEET, risk_share=replace(RISK, shares=RISK.shares[:1] + (
                             PartyShare(2, Decimal(40), Decimal(40), 100_000_00),)))),
                         (SHEET, replace(SHEET, risk_share=RiskShare()))):
        document = redline_document(_state(base), _state(target), lambda _key: revision)
        assert paragraph_texts(document, accept=True) == paragraph_texts(clean_document(_state(target)), accept=True)
        assert paragraph_texts(document, accept=False) == paragraph_texts(clean_document(_state(base)), accept=True)
