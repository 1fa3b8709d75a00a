"""The typed terms sheet: exact values, validation that names the term, and terms in the wording."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiator.domain.errors import InvalidInput
from negotiator.domain.parties import OrganisationType, Party
from negotiator.domain.term_fields import get_term, render_term, set_term, terms_as_dict
from negotiator.domain.terms import Duration, PartyShare, RiskShare, TermsSheet, add_months
from negotiator.domain.terms_json import sheet_from_data, sheet_to_data
from negotiator.domain.terms_rules import terms_problems
from negotiator.services.session import Workspace, open_workspace

PARTIES = {1: Party("North Trust", "North", OrganisationType.NHS_TRUST, 1),
           2: Party("South GPs", "South", OrganisationType.GP_FEDERATION, 2),
           3: Party("The ICB", "ICB", OrganisationType.COMMISSIONER, 3)}
SLUGS = {1: "north", 2: "south", 3: "icb"}


def _sheet(**values: str) -> TermsSheet:
    sheet = TermsSheet()
    for name, value in values.items():
        sheet = set_term(sheet, name.replace("__", "."), value, PARTIES)
    return sheet


def _fields(sheet: TermsSheet) -> set[str]:
    return {p.field for p in terms_problems(sheet, SLUGS)}


def test_money_is_exact_pence_and_renders_in_legal_english() -> None:
    sheet = _sheet(payment__annual_value="£120,000,000", payment__days="30", duration__initial_term="60",
                   duration__start="2027-04-01")
    assert get_term(sheet, "payment.annual_value", PARTIES) == 12_000_000_000
    assert render_term(sheet, "payment.annual_value", PARTIES) == "£120,000,000"
    assert render_term(sheet, "payment.days", PARTIES) == "thirty (30) days"
    assert render_term(sheet, "duration.initial_term", PARTIES) == "five (5) years"
    assert render_term(sheet, "duration.end", PARTIES) == "31 March 2032"
    assert _sheet(payment__annual_value="120m") == _sheet(payment__annual_value="120000000")


def test_shares_must_total_exactly_100_percent() -> None:
    good = _sheet(**{"risk_share.north.gain": "33.33", "risk_share.south.gain": "33.33",
                     "risk_share.icb.gain": "33.34", "risk_share.north.loss": "50",
                     "risk_share.south.loss": "50", "risk_share.icb.loss": "0"})
    assert terms_problems(good, SLUGS) == []
    bad = set_term(good, "risk_share.icb.gain", "33.33", PARTIES)
    problems = terms_problems(bad, SLUGS)
    assert [p.field for p in problems] == ["risk_share.gain"]
    assert "99.99%" in problems[0].message and "exactly 100%" in problems[0].message


@pytest.mark.parametrize(("name", "value", "field"), [
    ("payment.days", "0", "payment.days"),
    ("payment.days", "366", "payment.days"),
    ("payment.variable_part", "120", "payment.variable_part"),
    ("payment.quality_incentive", "-1", "payment.quality_incentive"),
    ("risk_share.corridor", "101", "risk_share.corridor"),
    ("duration.initial_term", "0", "duration.initial_term"),
    ("duration.notice", "-3", "duration.notice"),
])
def test_out_of_range_values_name_the_term_and_the_rule(name: str, value: str, field: str) -> None:
    assert field in _fields(_sheet(**{name: value}))


@pytest.mark.parametrize(("name", "value", "words"), [
    ("duration.start", "2027-02-30", "YYYY-MM-DD"),
    ("payment.annual_value", "a lot", "amount in pounds"),
    ("payment.annual_value", "10.005", "to the penny"),
    ("payment.days", "thirty", "whole number of days"),
    ("payment.mechanism", "barter", "one of block"),
    ("risk_share.nobody.gain", "10", "names no party"),
    ("payment.dayz", "30", "is not a term"),
    ("duration.end", "2030-01-01", "cannot be set directly"),
])
def test_unreadable_values_are_refused_with_the_expected_form(name: str, value: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        set_term(TermsSheet(), name, value, PARTIES)


def test_pooled_contributions_must_add_up_to_the_fund() -> None:
    sheet = _sheet(**{"payment.pooled_fund": "1.2m", "payment.contribution.icb": "1m",
                      "payment.contribution.north": "150000"})
    problems = [p for p in terms_problems(sheet, SLUGS) if p.field == "payment.pooled_fund"]
    assert problems and "£1,150,000" in problems[0].message and "£1,200,000" in problems[0].message
    assert terms_problems(set_term(sheet, "payment.contribution.north", "200000", PARTIES), SLUGS) == []


def test_notice_longer_than_the_term_is_refused() -> None:
    assert "duration.notice" in _fields(_sheet(duration__initial_term="12", duration__notice="18"))


def test_end_dates_follow_from_start_term_and_extensions() -> None:
    duration = Duration(date(2027, 4, 1), 60, 2, 12, 6)
    assert duration.initial_end == date(2032, 3, 31)
    assert duration.latest_end == date(2034, 3, 31)
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)


def test_risk_table_renders_each_party_share_and_the_corridor() -> None:
    sheet = TermsSheet(risk_share=RiskShare((PartyShare(1, Decimal(60), Decimal(70), 25_000_000),
                                             PartyShare(2, Decimal(40), Decimal(30))), Decimal(2)))
    table = render_term(sheet, "risk_share.table", PARTIES)
    assert "North Trust: 60% of gains and 70% of losses, losses capped at £250,000" in table
    assert "South GPs: 40% of gains and 30% of losses" in table
    assert "within 2% either side" in table


@given(st.integers(0, 10**12), st.decimals(0, 100, places=3), st.integers(1, 365),
       st.dates(date(2000, 1, 1), date(2100, 1, 1)), st.integers(1, 240))
def test_a_sheet_survives_storage_exactly(pence: int, share: Decimal, days: int, start: date, months: int) -> None:
    sheet = _sheet(**{"payment.annual_value": str(Decimal(pence) / 100), "payment.days": str(days),
                      "duration.start": start.isoformat(), "duration.initial_term": str(months),
                      "risk_share.north.gain": str(share), "risk_share.north.loss": "100"})
    assert sheet_from_data(sheet_to_data(sheet)) == sheet
    assert get_term(sheet, "payment.annual_value", PARTIES) == pence


# Through the service: invalid terms are never saved -----------------------------------------

@pytest.fixture
def demo(starter_library) -> Workspace:
    ws = open_workspace(starter_library, "Test Drafter")
    ws.create_demo()
    ws.act_as("Northshire ICB")
    yield ws
    ws.close()


def test_setting_a_term_saves_a_new_version_and_rerenders_the_wording(demo: Workspace) -> None:
    prime = demo.agreements.agreement("Northshire MSK Prime Contract")
    demo.agreements.set_term(prime.id, "duration.initial_term", "7 years")
    assert demo.agreements.terms(prime.id).duration.initial_term_months == 84
    term_text = next(text for n, text in demo.outline.rendered(prime.id) if n.section.clause_key == "subcontract.term")
    assert "seven (7) years from 1 April 2027" in term_text


def test_an_invalid_term_is_refused_and_nothing_is_saved(demo: Workspace) -> None:
    prime = demo.agreements.agreement("Northshire MSK Prime Contract")  # still being drafted
    before = demo.agreements.terms(prime.id)
    with pytest.raises(InvalidInput, match="1 to 365"):
        demo.agreements.set_term(prime.id, "payment.days", "400")
    alliance = demo.agreements.agreement("Northshire Ageing Well Alliance Agreement")  # under negotiation
    with pytest.raises(InvalidInput, match="gain shares total 90%"):
        demo.negotiation.propose_term(alliance.id, "risk_share.hope-street.gain", "10", "Hope Street", "Less risk")
    assert demo.agreements.terms(prime.id) == before
    assert demo.negotiation.proposals(alliance.id)[-1].proposal.target != "risk_share.hope-street.gain"


def test_terms_as_json_use_the_placeholder_names(demo: Workspace) -> None:
    prime = demo.agreements.agreement("Northshire MSK Prime Contract")
    values = terms_as_dict(demo.agreements.terms(prime.id), demo.agreements.parties_of(prime))
    assert values["payment.days"] == 30 and values["duration.start"] == "2027-04-01"
    assert values["payment.annual_value"] == 2_400_000_000 and values["payment.variable_part"] == "4"


def test_a_loss_cap_without_a_share_is_refused_in_the_domain() -> None:
    sheet = _sheet(risk_share__north__gain="100", risk_share__north__loss="100", risk_share__south__cap="50000")
    problems = [p for p in terms_problems(sheet, SLUGS, {2: "South GPs"}) if p.field == "risk_share.south.cap"]
    assert [p.message for p in problems] == [
        "South GPs has a loss cap but no share of gains or losses; give it a share or clear the cap."]
    assert "risk_share.south.cap" not in _fields(_sheet(risk_share__north__gain="100", risk_share__north__loss="100"))
