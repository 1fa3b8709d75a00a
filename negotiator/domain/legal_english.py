"""Values written out as an English contract states them: "thirty (30) days", "£120,000,000", "1 April 2027".

British usage throughout: "one hundred and five", no Oxford comma, day before month. Money is
exact (integer pence in, no floats anywhere) and percentages never fall into scientific notation.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

_MAX_WORDS = 999_999_999_999

_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"))

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _require_int(n: int, what: str) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{what} must be a whole number (int), not {type(n).__name__}.")


def _below_hundred(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, units = divmod(n, 10)
    return _TENS[tens] if units == 0 else f"{_TENS[tens]}-{_UNITS[units]}"


def _below_thousand(n: int) -> str:
    """Words for 1..999: "one hundred and five", "twelve"."""
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return _below_hundred(rest)
    if rest == 0:
        return f"{_UNITS[hundreds]} hundred"
    return f"{_UNITS[hundreds]} hundred and {_below_hundred(rest)}"


def number_words(n: int) -> str:
    """Write a whole number from 0 to 999,999,999,999 in British English words.

    105 -> "one hundred and five", 2_500 -> "two thousand five hundred",
    1_005 -> "one thousand and five", 120_000_000 -> "one hundred and twenty million".
    """
    _require_int(n, "The number")
    if n < 0 or n > _MAX_WORDS:
        raise ValueError(f"Cannot write {n} in words: only whole numbers from 0 to {_MAX_WORDS:,} are supported.")
    if n == 0:
        return "zero"
    parts: list[str] = []
    rest = n
    for size, name in _SCALES:
        count, rest = divmod(rest, size)
        if count:
            parts.append(f"{_below_thousand(count)} {name}")
    if rest:
        # British usage puts "and" before a final part under a hundred: "one thousand and five".
        if parts and rest < 100:
            parts.append("and")
        parts.append(_below_thousand(rest))
    return " ".join(parts)


def count_phrase(n: int, unit: str) -> str:
    """Write a count in words and figures with its unit: count_phrase(30, "day") -> "thirty (30) days"."""
    words = number_words(n)
    noun = unit if n == 1 else f"{unit}s"
    return f"{words} ({n}) {noun}"


def months_phrase(months: int) -> str:
    """Write a period of months, as whole years when it is a multiple of twelve.

    60 -> "five (5) years", 12 -> "one (1) year", 18 -> "eighteen (18) months", 1 -> "one (1) month".
    Zero stays in months: "zero (0) months".
    """
    _require_int(months, "The number of months")
    if months > 0 and months % 12 == 0:
        return count_phrase(months // 12, "year")
    return count_phrase(months, "month")


def money(pence: int) -> str:
    """Write an amount held in integer pence as pounds, exactly.

    12_000_000_000 -> "£120,000,000", 150 -> "£1.50", 12_345_678 -> "£123,456.78", -500 -> "minus £5".
    Whole pounds are written without pence.
    """
    _require_int(pence, "The amount in pence")
    pounds, rest = divmod(abs(pence), 100)
    text = f"£{pounds:,}" if rest == 0 else f"£{pounds:,}.{rest:02d}"
    return f"minus {text}" if pence < 0 else text


def percent(value: Decimal) -> str:
    """Write a percentage without trailing zeros or exponent: Decimal("2.50") -> "2.5%", Decimal("100") -> "100%"."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"The percentage must be a Decimal, not {type(value).__name__}.")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"Cannot write {value} as a percentage: it must be a finite number.")
    if value == 0:
        return "0%"  # also covers Decimal("-0") and Decimal("0.000")
    return f"{value.normalize():f}%"


def long_date(d: datetime.date) -> str:
    """Write a date in full, day first: date(2027, 4, 1) -> "1 April 2027" (the same whatever the locale)."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def join_names(names: list[str]) -> str:
    """Join names as a list in prose, with no Oxford comma: ["A", "B", "C"] -> "A, B and C"."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


_READ_BACK: dict[str, int] = {}


def read_number_words(text: str) -> int | None:
    """A whole number from 0 to 999 written in words, as :func:`number_words` writes it or a person types
    it ("six", "twenty-four", "one hundred and five"; "a" and "an" read as one); None when it is not one."""
    if not _READ_BACK:
        _READ_BACK.update({number_words(n).replace("-", " "): n for n in range(1000)})
        _READ_BACK.update({"a": 1, "an": 1, "no": 0, "none": 0})
    return _READ_BACK.get(" ".join(text.lower().replace("-", " ").split()))
