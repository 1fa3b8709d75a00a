"""Who carries losses above a cap, as a term of its own: read from a party's name, said in words,
checked against the risk share, and stored only when set."""

from __future__ import annotations

from decimal import Decimal

import pytest

from negotiator.domain.errors import InvalidInput
from negotiator.domain.excess_bearer import EXCESS_BEARER, OTHERS
from negotiator.domain.parties import OrganisationType, Party
from negotiator.domain.term_fields import get_term, render_term, set_term, term_names, terms_as_text
from negotiator.domain.term_words import term_change, term_label
from negotiator.domain.terms import PartyShare, RiskShare, TermsSheet
from negotiator.domain.terms_json import sheet_from_data, sheet_to_data
from negotiator.domain.terms_rules import terms_problems

PARTIES = {1: Party("Northshire Community Trust", "Community Trust", OrganisationType.NHS_TRUST, 1),
           2: Party("Hope Street Wellbeing", "Hope Street", OrganisationType.VOLUNTARY_SECTOR, 2),
           3: Party("Northshire ICB", "ICB", OrganisationType.COMMISSIONER, 3)}
SHEET = TermsSheet(risk_share=RiskShare((PartyShare(1, Decimal(60), Decimal(60)),
                                         PartyShare(2, Decimal(40), Decimal(40), 250_000_00)), Decimal(2)))
SLUGS = {1: "community-trust", 2: "hope-street", 3: "icb"}
NAMES = {pid: p.name for pid, p in PARTIES.items()}


@pytest.mark.parametrize("typed", ["Northshire Community Trust", "community trust", "community-trust",
                                   "  COMMUNITY   TRUST "])
def test_the_bearer_is_read_from_a_party_name_short_name_or_slug(typed: str) -> None:
    sheet = set_term(SHEET, EXCESS_BEARER, typed, PARTIES)
    assert sheet.risk_share.excess_bearer == 1
    assert get_term(sheet, EXCESS_BEARER, PARTIES) == 1


@pytest.mark.parametrize("typed", ["", "none", "the others in proportion", "Others pro rata", OTHERS,
                                   "the other parties, in proportion to their loss shares"])
def test_the_others_in_proportion_clears_it(typed: str) -> None:
    named = set_term(SHEET, EXCESS_BEARER, "Hope Street", PARTIES)
    assert set_term(named, EXCESS_BEARER, typed, PARTIES).risk_share.excess_bearer is None


def test_a_name_that_fits_no_party_is_refused_naming_the_term() -> None:
    with pytest.raises(InvalidInput, match="Who carries losses above a cap") as refused:
        set_term(SHEET, EXCESS_BEARER, "Acme Health", PARTIES)
    assert refused.value.field == EXCESS_BEARER


def test_it_is_said_in_words_and_reads_back() -> None:
    assert term_label(EXCESS_BEARER, PARTIES) == "Who carries losses above a cap"
    assert EXCESS_BEARER in term_names(PARTIES)
    assert render_term(SHEET, EXCESS_BEARER, PARTIES) == "the other parties, in proportion to their loss shares"
    assert terms_as_text(SHEET, PARTIES)[EXCESS_BEARER] == ""
    assert term_change(EXCESS_BEARER, "", PARTIES) == f"Who carries losses above a cap: {OTHERS}"
    named = set_term(SHEET, EXCESS_BEARER, "hope street", PARTIES)
    text = terms_as_text(named, PARTIES)[EXCESS_BEARER]
    assert text == "Hope Street Wellbeing"
    assert set_term(SHEET, EXCESS_BEARER, text, PARTIES) == named
    assert render_term(named, EXCESS_BEARER, PARTIES) == "Hope Street Wellbeing"


def test_the_risk_share_wording_states_the_rule_only_when_a_party_is_named() -> None:
    plain = render_term(SHEET, "risk_share.table", PARTIES)
    assert "carried first" not in plain
    named = render_term(set_term(SHEET, EXCESS_BEARER, "Community Trust", PARTIES),
                        "risk_share.table", PARTIES)
    assert named.startswith(plain)
    assert named.endswith("Any loss above a party's cap is carried first by Northshire Community Trust, up to its "
                          "own cap, and then by the other parties still under their caps in proportion to their "
                          "loss shares.")


def test_the_bearer_must_have_a_share() -> None:
    assert terms_problems(set_term(SHEET, EXCESS_BEARER, "Hope Street", PARTIES), SLUGS, NAMES) == []
    problems = terms_problems(set_term(SHEET, EXCESS_BEARER, "ICB", PARTIES), SLUGS, NAMES)
    assert [p.field for p in problems] == [EXCESS_BEARER]
    assert "Northshire ICB has no share of gains or losses" in problems[0].message


def test_an_unset_bearer_leaves_the_stored_data_as_it_was() -> None:
    data = sheet_to_data(SHEET)
    assert "excess_bearer" not in data["risk_share"]
    named = set_term(SHEET, EXCESS_BEARER, "Hope Street", PARTIES)
    assert sheet_from_data(sheet_to_data(named)) == named


def test_a_package_names_the_bearer_by_party_name_and_the_receiver_maps_it_to_its_own_party() -> None:
    from negotiator.domain.agreement import Agreement, AgreementKind, ContractingModel
    from negotiator.domain.parties import Role, Signatory
    from negotiator.services.package_terms import terms_by_id, terms_by_name

    agreement = Agreement("Alliance", AgreementKind.OVERARCHING_ALLIANCE_AGREEMENT, ContractingModel.ALLIANCE,
                          tuple(Signatory(p, Role.ALLIANCE_MEMBER) for p in PARTIES.values()))
    plain = terms_by_name(sheet_to_data(SHEET), agreement)
    assert "excess_bearer" not in plain["risk_share"]  # unset: the package reads as it did before the term
    named = terms_by_name(sheet_to_data(set_term(SHEET, EXCESS_BEARER, "Hope Street", PARTIES)), agreement)
    assert named["risk_share"]["excess_bearer"] == "Hope Street Wellbeing"
    here = {"Northshire Community Trust": 11, "Hope Street Wellbeing": 12}  # the same parties, other ids
    received = sheet_from_data(terms_by_id(named, here))
    assert received.risk_share.excess_bearer == 12
    with pytest.raises(InvalidInput, match="damaged"):
        terms_by_id(named, {"Northshire Community Trust": 11})
