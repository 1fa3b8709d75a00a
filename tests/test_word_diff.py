"""The word-level diff every comparison and redline is built on."""

from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.domain.diff import Op, Segment, apply_diff, render_plain, tokenize, word_diff

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
words = st.lists(st.sampled_from(["days", "30", "60", "the", "Integrator", "pays", " ", ", ", "\n", "é", "😀"]))


def _before(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.op is not Op.INSERT)


def _after(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.op is not Op.DELETE)


@settings(max_examples=300)
@given(texts, texts)
def test_applying_the_diff_of_a_and_b_to_a_gives_b(a: str, b: str) -> None:
    segments = word_diff(a, b)
    assert apply_diff(a, segments) == b
    assert _before(segments) == a and _after(segments) == b


@given(st.lists(words, max_size=4).map(lambda parts: "".join(sum(parts, []))), st.data())
def test_diff_of_clause_like_text_round_trips(a: str, data: st.DataObject) -> None:
    b = data.draw(st.lists(words, max_size=4).map(lambda parts: "".join(sum(parts, []))))
    assert apply_diff(a, word_diff(a, b)) == b


@given(texts, texts)
def test_diff_is_deterministic(a: str, b: str) -> None:
    assert word_diff(a, b) == word_diff(a, b)


def test_a_changed_number_is_shown_as_a_replaced_word_not_a_digit() -> None:
    segments = word_diff("paid within 30 days", "paid within 60 days")
    assert render_plain(segments) == "paid within [-30-]{+60+} days"


def test_very_long_words_and_empty_texts() -> None:
    long_word = "x" * 50_000
    assert apply_diff("", word_diff("", long_word)) == long_word
    assert word_diff(long_word, "") == [Segment(Op.DELETE, long_word)]
    assert word_diff("", "") == []


def test_tokens_are_words_spaces_and_punctuation() -> None:
    assert tokenize("Risk share: 50%, ok") == ["Risk", " ", "share", ":", " ", "50", "%", ",", " ", "ok"]


def test_many_distinct_words_beyond_the_surrogate_range() -> None:
    a = " ".join(f"w{i}" for i in range(60_000))
    b = a.replace("w59999", "changed")
    segments = word_diff(a, b)
    assert apply_diff(a, segments) == b
    assert render_plain(segments).endswith("[-w59999-]{+changed+}")
