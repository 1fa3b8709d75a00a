"""Hypothesis strategies for the text and numbers users (and other people's files) really send:
right-to-left scripts with bidi controls, emoji sequences, combining marks, zero-width and control
characters, lone surrogates, every kind of line break, huge, empty and whitespace-only values, and
numbers written every way but the expected one.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Pieces that break naive code, each a known trap rather than a random code point.
RTL = ["العقد", "الطرف الأول", "חוזה", "שלושים יום", "\u05d0\u05b8", "ﷺ"]
BIDI = ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e",
        "\u200f", "\u061c"]
EMOJI = ["😀", "👩\u200d👩\u200d👧\u200d👦", "👍🏽", "🇬🇧",
         "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
         "❤\ufe0f", "🧑🏿\u200d⚕️"]
COMBINING = ["e\u0301", "Z\u0324\u0354\u0367\u0311\u0313", "\u0301", "a\u20dd", "\u0e01\u0e34\u0e4a"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u2060", "\u180e", "\u3164"]
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x80", "\x85", "\x9f"]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\ud83d"]  # unpaired: Python allows them, UTF-8 does not
BREAKS = ["\r\n", "\r", "\n", "\n\n", "\u2028", "\u2029", "\t", " ", "\u00a0", "\u3000", "  "]
ASTRAL = ["𝕏", "𐍈", "\U0010ffff", "\U0001fffe", "𠀋", "\U000e0001"]
NONCHARACTERS = ["\ufffe", "\uffff", "\ufdd0", "\ufffd"]
TEMPLATE = ["{{", "}}", "{{payment.days}}", "{{ payment.days }}", "{{Payment.Days}}", "{{payment days}}",
            "{{}}", "{{{payment.days}}}", "{", "}", "{{risk_share.north.gain}}", "{{nosuch.term}}"]
WORDS = ["the", "Provider", "shall", "pay", "30", "days", "£120m", "Schedule", "é", "ß", "İ", "ǅ", "ﬁ", "Ω"]
PUNCTUATION = [".", ",", ";", ":", "!", "?", "%", "£", "-", "—", "'", '"', "(", ")", "\\", "&", "<", ">", "]]>"]

ALL_PIECES = (RTL + BIDI + EMOJI + COMBINING + INVISIBLE + CONTROL + SURROGATES + BREAKS + ASTRAL + NONCHARACTERS
              + TEMPLATE + WORDS + PUNCTUATION)
CARRIABLE_PIECES = [p for p in ALL_PIECES if p not in CONTROL[:8] and p not in SURROGATES
                    and p not in ("\ufffe", "\uffff", "\r", "\r\n")]  # what XML 1.0 carries as it is

LONG = 100_000  # characters in a "huge" value


def _joined(pieces: list[str], max_pieces: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_pieces).map("".join)


def nasty_text(*, max_pieces: int = 30, surrogates: bool = True, long: bool = True) -> st.SearchStrategy[str]:
    """Text of every nasty kind: traps joined together, arbitrary code points (lone surrogates too,
    unless ``surrogates`` is false), empty and whitespace-only text and, when ``long``, 100k characters."""
    pieces = ALL_PIECES if surrogates else [p for p in ALL_PIECES if p not in SURROGATES]
    characters = st.characters() if surrogates else st.characters(blacklist_categories=("Cs",))
    options = [
        _joined(pieces, max_pieces),
        st.text(characters, max_size=60),
        st.lists(st.one_of(st.sampled_from(pieces), st.text(characters, max_size=3)), max_size=max_pieces).map("".join),
        st.sampled_from(["", " ", "\n", "\t \r\n", "\u00a0\u2028", "\u200b"]),
    ]
    if long:
        options.append(st.tuples(st.sampled_from(pieces), st.sampled_from(["x", "word ", "\u202e", "😀"]))
                       .map(lambda pair: (pair[0] + pair[1] * LONG)[:LONG]))
    return st.one_of(options)


def clause_text(*, max_pieces: int = 40) -> st.SearchStrategy[str]:
    """Clause-like wording: words and spaces interleaved with the traps, no lone surrogates, so a
    diff between two draws shares words (random code points rarely do)."""
    common = WORDS + [" ", " ", " ", ", ", ". ", "\n\n", "\n"]
    return st.lists(st.one_of(st.sampled_from(common), st.sampled_from(common),
                              st.sampled_from([p for p in ALL_PIECES if p not in SURROGATES])),
                    max_size=max_pieces).map("".join)


def carriable_text(*, max_pieces: int = 30) -> st.SearchStrategy[str]:
    """Nasty text that XML 1.0 can carry unchanged (so a .docx round trip must return it exactly)."""
    return _joined(CARRIABLE_PIECES + WORDS + [" "], max_pieces)


NUMBER_TRAPS = [
    "NaN", "nan", "-NaN", "sNaN", "Infinity", "-Infinity", "inf", "-inf", "1e999999999", "-1e999999999",
    "1e-999999999", "1E+999999", "9" * 5_000, "1" * 30, "-0", "0", "-5", "0.0000000001",
    "1.23456789012345678901234567890",
    "100.0000000000000000000000000001", "33.333333333333333333333333333", "1,000.50", "1.000,50", "1 000",
    "1\u00a0000", "1'000", "1_000", "١٢٠", "۱۲۰", "１２０", "१२०", "120m", "120bn", "5k", "£", "%", "£-5", "--5",
    "+5", "0x10", "1/2", "½", "²", "5%", "5 %", "5%%", "1e3", ".5", "5.", "", " ", "\x00", "5\x00", "\u202e5",
    "5\u200b", "3e-1", "12 years", "-12 months", "5 y", "5 decades", "2027-02-29", "2027-13-01", "0001-01-01",
    "9999-12-31", "10000-01-01", "2027-04-01T00:00", "none", "None", "NONE", "block", "BLOCK", "cpi",
]


def nasty_numbers() -> st.SearchStrategy[str]:
    """What someone might type where a number, a period, a date or a choice is expected."""
    return st.one_of(
        st.sampled_from(NUMBER_TRAPS),
        st.integers().map(str),
        st.integers(min_value=-(10**40), max_value=10**40).map(lambda n: f"{n:,}"),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.floats().map(repr),
        st.tuples(st.sampled_from(NUMBER_TRAPS), nasty_text(max_pieces=3, long=False)).map("".join),
    )
