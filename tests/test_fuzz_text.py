"""Fuzzing the wording: placeholders, the word diff and the rebase of proposals, with right-to-left
text, bidi controls, emoji sequences, combining marks, control characters, lone surrogates, every
kind of line break, and empty and 100,000-character texts."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from negotiator.domain.diff import Op, Segment, apply_diff, fine_word_diff, tokenize, word_diff
from negotiator.domain.errors import InvalidInput
from negotiator.domain.merge import _apply, edits, rebase
from negotiator.domain.placeholders import PLACEHOLDER, check_placeholders, placeholders_in, render

from .nasty_text import clause_text, nasty_text

KNOWN = {"payment.days": "thirty (30) days", "risk_share.north.gain": "40%", "duration.end": None}
values = st.one_of(st.none(), nasty_text(max_pieces=6, long=False))


def _before(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.op is not Op.INSERT)


def _after(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.op is not Op.DELETE)


# Placeholders ---------------------------------------------------------------------------------


@given(nasty_text(), st.dictionaries(st.sampled_from(list(KNOWN)), values))
@example("{{payment.days}}\x00{{", {})
@example("{\x00{payment.days}}", {})  # the blanking character of the malformed-placeholder search
def test_rendering_never_fails_and_replaces_every_placeholder(text: str, given_values: dict) -> None:
    rendered = render(text, lambda name: given_values.get(name))
    if not placeholders_in(text):
        assert rendered == text
    for name in placeholders_in(text):
        value = given_values.get(name)
        assert (f"[{name} not yet agreed]" if value is None else value) in rendered


@given(nasty_text())
@example("{{payment.days}} and {{nosuch.term}}")
@example("{{payment days}}")
@example("{{\u202epayment.days}}")
def test_checking_either_passes_or_names_the_problem(text: str) -> None:
    try:
        check_placeholders(text, KNOWN.__contains__, examples=list(KNOWN))
    except InvalidInput as error:
        message = str(error)
        assert message.strip() and error.field == "text"
        assert len(message) < 1_000  # quotes the placeholder, never the whole 100k-character text
        return
    assert "{{" not in PLACEHOLDER.sub(" ", text)  # nothing left that looks like a broken placeholder
    assert all(name in KNOWN for name in placeholders_in(text))


# The word diff ----------------------------------------------------------------------------------

pairs = st.one_of(st.tuples(nasty_text(), nasty_text()), st.tuples(clause_text(), clause_text()))


@settings(max_examples=60)
@given(pairs)
@example(("\u202eالعقد 30 days", "\u202eالعقد 60 days"))
@example(("👩\u200d👩\u200d👧 pays", "👩\u200d👧 pays"))  # a ZWJ sequence cut at its joiners
@example(("e\u0301 x", "e x"))  # a combining mark is not a word character on its own
@example(("a\ud800b", "a\udc00b"))
@example(("a\r\nb", "a\rb"))
@example(("x" * 100_000, "x" * 99_999 + "y"))
def test_accepting_gives_the_target_and_rejecting_gives_the_base(pair: tuple[str, str]) -> None:
    base, target = pair
    for diff in (word_diff, fine_word_diff):
        segments = diff(base, target)
        assert _before(segments) == base and _after(segments) == target
        assert apply_diff(base, segments) == target
        assert all(s.text for s in segments)  # no empty change for a redline to show
    assert "".join(tokenize(base)) == base


# The rebase of a stale proposal ------------------------------------------------------------------

triples = st.one_of(st.tuples(clause_text(), clause_text(), clause_text()),
                    st.tuples(nasty_text(long=False), nasty_text(long=False), nasty_text(long=False)))


@settings(max_examples=80)
@given(triples)
@example(("العقد\u202e 30 days", "العقد\u202e 60 days", "العقد\u202e 30 days 😀"))
def test_rebase_keeps_its_laws(triple: tuple[str, str, str]) -> None:
    base, current, proposal = triple
    for revised in (current, proposal):
        assert _apply(base, edits(base, revised)) == revised  # a side's edits rebuild it from the base
    assert rebase(base, base, proposal).text == proposal
    assert rebase(base, current, base).text == current
    assert rebase(base, current, current).text == current
    merged, swapped = rebase(base, current, proposal), rebase(base, proposal, current)
    assert merged.text == swapped.text  # neither side's edits win by being first
    if merged.text is None:
        assert merged.conflicts and all(c.strip() for c in merged.conflicts)
        assert all(len(c) < 200 for c in merged.conflicts)  # quotes the clash, not the clause
    else:
        assert not merged.conflicts
