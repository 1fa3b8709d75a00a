"""Fuzzing the typed terms: whatever is typed, pasted or read from a file either becomes a valid,
renderable terms sheet or is refused with InvalidInput whose message a user can read."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from negotiator.domain.errors import InvalidInput
from negotiator.domain.parties import OrganisationType, Party
from negotiator.domain.term_fields import DERIVED, FIELDS, render_term, set_term, term_names, terms_as_dict
from negotiator.domain.terms import PartyShare, RiskShare, TermsSheet
from negotiator.domain.terms_json import sheet_from_data, sheet_to_data
from negotiator.domain.terms_rules import check_terms, terms_problems

from .nasty_text import nasty_numbers, nasty_text

PARTIES = {1: Party("North Trust", "North", OrganisationType.NHS_TRUST, 1),
           2: Party("שלום GPs", "South", OrganisationType.GP_FEDERATION, 2)}
SLUGS = {1: "north", 2: "south"}
NAMES = [*FIELDS, *DERIVED, "risk_share.north.gain", "risk_share.south.loss", "risk_share.north.cap",
         "payment.contribution.south", "risk_share.nobody.gain", "payment.nothing", "", "payment.days\x00",
         "risk_share.\u202enorth.gain", "\ud800"]
raw_values = st.one_of(nasty_numbers(), nasty_text(max_pieces=8))
MESSAGE_LIMIT = 2_000  # a message quotes what was typed, but never all 100,000 characters of it


def assert_user_facing(error: InvalidInput) -> None:
    """A refusal a person can read: some words, of a sane length, that any screen or log can show."""
    message = str(error)
    assert message.strip()
    assert len(message) <= MESSAGE_LIMIT, message[:200]
    message.encode("utf-8")  # no lone surrogate: it would crash a log file or a terminal


def assert_usable(sheet: TermsSheet) -> None:
    """A sheet that passed the rules renders every term, goes to JSON and comes back unchanged."""
    for name in term_names(PARTIES):
        render_term(sheet, name, PARTIES)
    json.dumps(terms_as_dict(sheet, PARTIES), allow_nan=False)
    data = sheet_to_data(sheet)
    assert sheet_from_data(json.loads(json.dumps(data, allow_nan=False))) == sheet


def _set(sheet: TermsSheet, name: str, raw: str) -> TermsSheet | None:
    """One edit as the CLI and the proposals make it: the changed sheet, or None when refused."""
    try:
        changed = set_term(sheet, name, raw, PARTIES)
        check_terms(changed, SLUGS)
    except InvalidInput as error:
        assert_user_facing(error)
        return None
    return changed


@given(st.sampled_from(NAMES), raw_values)
@example("payment.annual_value", "1e999999999")  # decimal.Overflow escaped
@example("payment.annual_value", "Infinity")  # int(Infinity): OverflowError escaped
@example("risk_share.north.gain", "1e999999999")  # the shares' total overflowed
@example("risk_share.north.gain", "1e999998")  # the shares' total was printed with a million digits
@example("duration.initial_term", "999999999999")  # saved, then duration.end crashed (year out of range)
@example("duration.start", "9999-12-31")  # the same, from the other end
@example("duration.extension_count", "9999999999999")  # beyond what can be written in words
@example("payment.mechanism", "\ud800")  # the message quoted a lone surrogate
@example("payment.days", "1" * 100_000)  # the message quoted all of it
def test_any_typed_value_is_set_or_refused_with_a_message(name: str, raw: str) -> None:
    changed = _set(TermsSheet(), name, raw)
    if changed is not None:
        assert_usable(changed)


@given(st.lists(st.tuples(st.sampled_from(NAMES), raw_values), max_size=8))
@example([("duration.start", "2999-12-01"), ("duration.initial_term", "600"), ("duration.extension_months", "600"),
          ("duration.extension_count", "20")])
def test_a_session_of_edits_keeps_the_sheet_usable(edits: list[tuple[str, str]]) -> None:
    sheet = TermsSheet()
    for name, raw in edits:
        sheet = _set(sheet, name, raw) or sheet
        assert_usable(sheet)


def test_shares_that_only_round_to_100_percent_are_refused() -> None:
    # Decimal's 28 digits would round 50.000000000000000000000000001 + 50 to exactly 100.
    sheet = TermsSheet(RiskShare((PartyShare(1, Decimal("50.000000000000000000000000001"), Decimal(50)),
                                  PartyShare(2, Decimal(50), Decimal(50)))))
    assert [p.field for p in terms_problems(sheet, SLUGS)] == ["risk_share.north.gain"]

    def shares(north: str, south: str) -> TermsSheet:
        return TermsSheet(RiskShare((PartyShare(1, Decimal(north), Decimal(50)),
                                     PartyShare(2, Decimal(south), Decimal(50)))))

    assert terms_problems(shares("33.3333333334", "66.6666666666"), SLUGS) == []  # ten places: allowed
    assert [p.field for p in terms_problems(shares("33.33333333334", "66.66666666666"), SLUGS)] == [
        "risk_share.north.gain", "risk_share.south.gain"]


def test_a_long_or_invisible_value_is_quoted_short_and_visible() -> None:
    with pytest.raises(InvalidInput) as caught:
        set_term(TermsSheet(), "payment.days", "\u202e03" + "9" * 100_000, PARTIES)
    message = str(caught.value)
    assert "\\u202e03" in message and "…" in message and len(message) < 200


# Terms sheets read from JSON: storage, and other parties' packages.

_json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(min_value=10**20),
                       st.floats(allow_nan=False), nasty_numbers(), nasty_text(max_pieces=4, long=False))
_json = st.recursive(_json_leaf, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                         st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                     max_leaves=8)
_PATHS = [("risk_share",), ("risk_share", "shares"), ("risk_share", "shares", 0), ("risk_share", "shares", 0, "gain"),
          ("risk_share", "shares", 0, "party"), ("risk_share", "corridor"), ("duration",), ("duration", "start"),
          ("duration", "initial_term_months"), ("duration", "extension_count"), ("payment",),
          ("payment", "mechanism"), ("payment", "annual_value"), ("payment", "variable_part"), ("payment", "days"),
          ("payment", "contributions"), ("payment", "contributions", 0, "amount"), ()]


def _good_data() -> dict:
    sheet = set_term(TermsSheet(), "risk_share.north.gain", "100", PARTIES)
    sheet = set_term(sheet, "payment.pooled_fund", "10", PARTIES)
    sheet = set_term(sheet, "payment.contribution.north", "10", PARTIES)
    return sheet_to_data(set_term(sheet, "duration.start", "2027-04-01", PARTIES))


@given(st.sampled_from(_PATHS), _json)
@example(("risk_share", "shares", 0, "gain"), 0.1)  # a float where the text of a decimal belongs
@example(("payment", "annual_value"), "12")  # text where pence belong: money() crashed on rendering
@example((), [])
def test_a_damaged_terms_sheet_is_refused_with_a_message(path: tuple, value: object) -> None:
    data = _good_data()
    if not path:
        data = value
    else:
        holder = data
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]] = value
    try:
        sheet = sheet_from_data(data)
        check_terms(sheet, SLUGS)
    except InvalidInput as error:
        assert_user_facing(error)
        return
    assert_usable(sheet)
