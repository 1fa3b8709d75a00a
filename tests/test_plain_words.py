"""Terms, values and changes in the words a person reads (issue 16, item 1): never an internal name."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from negotiator.domain.change_summary import compact_change
from negotiator.domain.parties import OrganisationType, Party
from negotiator.domain.positions import Position, PositionRow, Stance
from negotiator.domain.term_fields import FIELDS, party_slug, term_names
from negotiator.domain.term_words import term_label, value_words

HOPE = Party("Hope Street Wellbeing", "Hope Street", OrganisationType.VOLUNTARY_SECTOR, 5)


def test_every_term_has_a_name_in_words() -> None:
    parties = {HOPE.id: HOPE}
    for name in term_names(parties):
        label = term_label(name, parties)
        assert "." not in label and "_" not in label, name
    assert term_label(f"risk_share.{party_slug(HOPE)}.gain", parties) == "Hope Street Wellbeing's share of gains"
    assert term_label("risk_share.corridor", parties) == "Risk corridor"


@given(st.integers(min_value=0, max_value=10**12))
def test_money_reads_in_pounds_with_commas(pence: int) -> None:
    pounds, rest = divmod(pence, 100)
    held = f"£{pounds:,}" + (f".{rest:02d}" if rest else "")  # as proposals hold it
    assert value_words("payment.annual_value", held).startswith(f"£{pounds:,}")


@given(st.decimals(min_value=0, max_value=100, places=2, allow_nan=False))
def test_percentages_read_with_their_sign(value: Decimal) -> None:
    assert value_words("risk_share.corridor", str(value)) == f"{value.normalize():f}%"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_dates_read_as_day_month_year(day: date) -> None:
    assert value_words("duration.start", day.isoformat()) == f"{day.day} {day:%B} {day.year}"


def test_periods_choices_and_empty_values_read_as_people_write_them() -> None:
    assert value_words("duration.initial_term", "60") == "5 years"
    assert value_words("duration.notice", "18") == "18 months"
    assert value_words("payment.days", "30") == "30 days"
    assert value_words("risk_share.hope-street.cap", "") == "No cap"
    assert value_words("payment.indexation", "nhs_payment_scheme") == "the NHS Payment Scheme cost uplift"
    assert all(value_words(name, "") for name in FIELDS)  # an unset term still reads as something


words = st.lists(st.sampled_from(["the", "Board", "meets", "within", "10", "5", "Working", "Days", "each", "month"]),
                 min_size=1, max_size=30)


@given(words, words)
def test_a_change_shows_the_words_that_change_not_the_whole_clause(before: list[str], after: list[str]) -> None:
    old, new = " ".join(before), " ".join(after)
    summary = compact_change(old, new)
    if old == new:
        assert summary == "no change"
    else:
        assert "→" in summary or "+ " in summary or "− " in summary


def test_a_long_clause_with_one_word_changed_is_summarised_around_it() -> None:
    clause = "The Alliance Board meets at least once a month and may meet more often if any Alliance Member asks. " * 3
    summary = compact_change(clause + "It decides within 10 Working Days.",
                             clause + "It decides within 5 Working Days.")
    assert summary == "…It decides within 10 → 5 Working Days."


def _row(*stances: Stance) -> PositionRow:
    return PositionRow("risk_share.corridor", "Risk corridor", "2",
                       tuple(Position(s, "" if s is Stance.SILENT else "3") for s in stances))


def test_converged_only_when_every_party_that_spoke_agrees_and_more_than_one_did() -> None:
    assert not _row(Stance.PROPOSES, Stance.SILENT, Stance.SILENT).converged  # one voice converges with no one
    assert not _row(Stance.SILENT, Stance.SILENT).converged
    assert _row(Stance.PROPOSES, Stance.SUPPORTS, Stance.SILENT).converged
    assert not _row(Stance.PROPOSES, Stance.OPPOSES).converged


def test_refusals_name_terms_and_values_in_words(demo_library) -> None:
    import pytest

    from negotiator.domain.errors import InvalidInput
    from negotiator.services.session import open_workspace

    ws = open_workspace(demo_library, "Test Drafter")
    try:
        alliance = "Northshire Ageing Well Alliance Agreement"
        with pytest.raises(InvalidInput, match=r"^Invoices paid within is already 30 days: propose a different"):
            ws.negotiation.propose_term(alliance, "payment.days", "30", "Hope Street", "No change")
        with pytest.raises(InvalidInput, match=r"^Risk corridor is 120%; a percentage must be between 0 and 100"):
            ws.negotiation.propose_term(alliance, "risk_share.corridor", "120", "Hope Street", "Wide")
    finally:
        ws.close()
