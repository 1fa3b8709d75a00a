"""Values written out in plain legal English, as the agreement states them."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiator.domain.legal_english import (
    count_phrase,
    join_names,
    long_date,
    money,
    months_phrase,
    number_words,
    percent,
)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (5, "five"),
        (13, "thirteen"),
        (20, "twenty"),
        (21, "twenty-one"),
        (99, "ninety-nine"),
        (100, "one hundred"),
        (105, "one hundred and five"),
        (110, "one hundred and ten"),
        (999, "nine hundred and ninety-nine"),
        (1_000, "one thousand"),
        (1_005, "one thousand and five"),
        (1_234, "one thousand two hundred and thirty-four"),
        (2_500, "two thousand five hundred"),
        (100_000, "one hundred thousand"),
        (1_000_021, "one million and twenty-one"),
        (120_000_000, "one hundred and twenty million"),
        (2_000_300_000, "two billion three hundred thousand"),
        (999_999_999_999, "nine hundred and ninety-nine billion nine hundred and ninety-nine million "
         "nine hundred and ninety-nine thousand nine hundred and ninety-nine"),
    ],
)  # fmt: skip
def test_number_words(n: int, words: str) -> None:
    assert number_words(n) == words


@pytest.mark.parametrize("n", [-1, 1_000_000_000_000])
def test_number_words_rejects_numbers_out_of_range(n: int) -> None:
    with pytest.raises(ValueError, match="0 to 999,999,999,999"):
        number_words(n)


@pytest.mark.parametrize("n", [True, 2.0, "3"])
def test_number_words_rejects_anything_but_an_int(n: object) -> None:
    with pytest.raises(TypeError):
        number_words(n)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**9))
def test_number_words_is_tidy(n: int) -> None:
    words = number_words(n)
    assert words
    assert "  " not in words
    assert words == words.strip()
    assert "," not in words
    assert not words.endswith(" and")


def test_count_phrase() -> None:
    assert count_phrase(30, "day") == "thirty (30) days"
    assert count_phrase(1, "day") == "one (1) day"
    assert count_phrase(0, "day") == "zero (0) days"
    assert count_phrase(21, "Business Day") == "twenty-one (21) Business Days"


@pytest.mark.parametrize(
    ("months", "phrase"),
    [
        (60, "five (5) years"),
        (12, "one (1) year"),
        (24, "two (2) years"),
        (18, "eighteen (18) months"),
        (1, "one (1) month"),
        (0, "zero (0) months"),
    ],
)
def test_months_phrase(months: int, phrase: str) -> None:
    assert months_phrase(months) == phrase


def test_months_phrase_rejects_negative_periods() -> None:
    with pytest.raises(ValueError):
        months_phrase(-12)


@pytest.mark.parametrize(
    ("pence", "text"),
    [
        (12_000_000_000, "£120,000,000"),
        (150, "£1.50"),
        (12_345_678, "£123,456.78"),
        (0, "£0"),
        (5, "£0.05"),
        (100, "£1"),
        (100_000, "£1,000"),
        (-500, "minus £5"),
        (-150, "minus £1.50"),
    ],
)
def test_money(pence: int, text: str) -> None:
    assert money(pence) == text


def test_money_rejects_floats() -> None:
    with pytest.raises(TypeError):
        money(1.5)  # type: ignore[arg-type]


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_money_round_trips_to_the_exact_pence(pence: int) -> None:
    text = money(pence)
    plain = text.replace("minus ", "-").replace("£", "").replace(",", "")
    assert Decimal(plain) * 100 == pence
    if pence % 100 == 0:
        assert "." not in text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("4"), "4%"),
        (Decimal("2.50"), "2.5%"),
        (Decimal("1.25"), "1.25%"),
        (Decimal("33.333"), "33.333%"),
        (Decimal("100"), "100%"),
        (Decimal("1E+2"), "100%"),
        (Decimal("0.00"), "0%"),
        (Decimal("-0"), "0%"),
        (Decimal("0.0000001"), "0.0000001%"),
        (Decimal("-1.50"), "-1.5%"),
    ],
)
def test_percent(value: Decimal, text: str) -> None:
    assert percent(value) == text


def test_percent_rejects_floats_and_non_numbers() -> None:
    with pytest.raises(TypeError):
        percent(2.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        percent(Decimal("NaN"))


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**6), max_value=10**6, places=6))
def test_percent_is_exact_and_never_scientific(value: Decimal) -> None:
    text = percent(value)
    assert text.endswith("%")
    number = text[:-1]
    assert "E" not in number.upper()
    assert Decimal(number) == value
    assert not ("." in number and number.endswith("0"))


def test_long_date() -> None:
    assert long_date(datetime.date(2027, 4, 1)) == "1 April 2027"
    assert long_date(datetime.date(2026, 12, 31)) == "31 December 2026"


def test_join_names() -> None:
    assert join_names([]) == ""
    assert join_names(["A"]) == "A"
    assert join_names(["A", "B"]) == "A and B"
    assert join_names(["A", "B", "C"]) == "A, B and C"
    assert join_names(["NHS Kent", "Acme Health", "Medway Trust", "Oak GP"]) == (
        "NHS Kent, Acme Health, Medway Trust and Oak GP"
    )
