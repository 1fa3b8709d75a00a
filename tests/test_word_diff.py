"""The word-level diff every comparison and redline is built on."""

from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.domain.diff import Op, Segment, apply_diff, fine_word_diff, render_plain, tokenize, word_diff
from tests.support.texts import rewrite, scatter_edits, schedule_text

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


# Texts with paragraphs: the diff lines paragraphs up first, then compares words within them.

_words = st.sampled_from(["the", "Provider", "shall", "pay", "30", "60", "days", "é", "😀", "x" * 40, "Schedule"])
_gaps = st.sampled_from([" ", " ", ", ", ". ", "; ", "\n", "  "])
_paragraphs = st.lists(st.tuples(_words, _gaps), max_size=12).map(lambda pairs: "".join(w + g for w, g in pairs))
_blank_lines = st.sampled_from(["\n\n", "\n\n\n", "\n \n", "\r\n\r\n"])


def _join(paragraphs: list[str], blank: str = "\n\n") -> str:
    return blank.join(paragraphs)


@st.composite
def _revisions(draw: st.DrawFn) -> tuple[str, str]:
    """A text of paragraphs and a revision that keeps, drops, edits, replaces or adds paragraphs."""
    paragraphs = draw(st.lists(_paragraphs, max_size=8))
    revised: list[str] = []
    for paragraph in paragraphs:
        action = draw(st.sampled_from(["keep", "keep", "drop", "edit", "replace", "add"]))
        if action in ("keep", "add"):
            revised.append(paragraph)
        if action == "edit":
            cut = draw(st.integers(0, len(paragraph)))
            revised.append(paragraph[:cut] + draw(_paragraphs) + paragraph[cut:])
        if action in ("replace", "add"):
            revised.append(draw(_paragraphs))
    return _join(paragraphs, draw(_blank_lines)), _join(revised, draw(_blank_lines))


def _assert_well_formed(a: str, b: str, segments: list[Segment]) -> None:
    assert _before(segments) == a and _after(segments) == b
    assert all(segment.text for segment in segments)
    assert all(first.op is not second.op for first, second in zip(segments, segments[1:], strict=False))


@settings(max_examples=300)
@given(_revisions())
def test_diffs_of_revised_paragraphs_are_well_formed(texts: tuple[str, str]) -> None:
    a, b = texts
    for diff in (word_diff, fine_word_diff):
        segments = diff(a, b)
        _assert_well_formed(a, b, segments)
        assert segments == diff(a, b)


@settings(max_examples=200)
@given(st.lists(texts, max_size=6), st.lists(texts, max_size=6), _blank_lines)
def test_diffs_of_any_unicode_paragraphs_are_well_formed(first: list[str], second: list[str], blank: str) -> None:
    a, b = _join(first, blank), _join(first[:2] + second, blank)
    for diff in (word_diff, fine_word_diff):
        _assert_well_formed(a, b, diff(a, b))


@settings(max_examples=200)
@given(texts, texts)
def test_diffs_of_texts_without_blank_lines_are_well_formed(a: str, b: str) -> None:
    _assert_well_formed(a, b, word_diff(a, b))
    _assert_well_formed(a, b, fine_word_diff(a, b))


def test_a_rewritten_paragraph_is_shown_deleted_and_inserted_whole() -> None:
    paragraphs = schedule_text(500, seed=7).split("\n\n")
    replacement = schedule_text(300, seed=8).split("\n\n")[0]
    revised = [*paragraphs[:2], replacement, *paragraphs[3:]]
    before, after = "\n\n".join(paragraphs), "\n\n".join(revised)
    segments = word_diff(before, after)
    assert [s.op for s in segments] == [Op.EQUAL, Op.DELETE, Op.INSERT, Op.EQUAL]
    assert segments[1].text == paragraphs[2] and segments[2].text == replacement
    assert paragraphs[1] in segments[0].text and paragraphs[3] in segments[3].text


def test_a_paragraph_that_keeps_too_few_words_is_shown_whole_but_merges_see_the_words() -> None:
    paragraphs = schedule_text(500, seed=7).split("\n\n")
    before = "\n\n".join(paragraphs)
    after = "\n\n".join([*paragraphs[:2], rewrite(paragraphs[2], 0.6, seed=11), *paragraphs[3:]])
    assert [s.op for s in word_diff(before, after)] == [Op.EQUAL, Op.DELETE, Op.INSERT, Op.EQUAL]
    fine = fine_word_diff(before, after)
    assert len(fine) > 20 and apply_diff(before, fine) == after


def test_one_word_edited_in_a_long_text_is_shown_as_that_word() -> None:
    before = schedule_text(20_000, seed=1)
    paragraphs = before.split("\n\n")
    paragraphs[120] = paragraphs[120].replace(" ", " Integrator ", 1)
    after = "\n\n".join(paragraphs)
    segments = word_diff(before, after)
    assert [s.op for s in segments] == [Op.EQUAL, Op.INSERT, Op.EQUAL]
    assert segments[1].text in ("Integrator ", " Integrator")


def test_a_changed_number_in_one_paragraph_of_many() -> None:
    before = "\n\n".join(["Payment terms.", "The Provider shall pay within 30 days.", "Notices in writing."])
    segments = word_diff(before, before.replace("30", "60"))
    assert render_plain(segments) == before.replace("30", "[-30-]{+60+}")


def test_scattered_edits_across_paragraphs_stay_word_level() -> None:
    before = schedule_text(5_000, seed=3)
    after = scatter_edits(before, 20, seed=4)
    segments = word_diff(before, after)
    _assert_well_formed(before, after, segments)
    assert sum(s.op is Op.INSERT for s in segments) <= 20
    assert max(len(s.text.split()) for s in segments if s.op is not Op.EQUAL) <= 2


def test_paragraphs_added_and_removed_are_lined_up() -> None:
    paragraphs = schedule_text(1_000, seed=5).split("\n\n")
    added = schedule_text(300, seed=6).split("\n\n")[0]
    before = "\n\n".join(paragraphs)
    after = "\n\n".join([added, *paragraphs[:4], *paragraphs[5:]])
    changes = [s for s in word_diff(before, after) if s.op is not Op.EQUAL]
    assert [(s.op, s.text.strip()) for s in changes] == [(Op.INSERT, added), (Op.DELETE, paragraphs[4])]


def test_a_heavily_rewritten_text_keeps_paragraphs_apart() -> None:
    before = schedule_text(2_000, seed=9)
    after = rewrite(before, 0.4, seed=10)
    segments = word_diff(before, after)
    _assert_well_formed(before, after, segments)
    assert all("\n\n" not in s.text for s in segments if s.op is not Op.EQUAL)


def test_long_passages_with_nothing_in_common_are_replaced_whole() -> None:
    before = " ".join(f"w{i}" for i in range(3_000))
    after = " ".join(f"w{i}" for i in reversed(range(3_000)))
    assert word_diff(before, after) == [Segment(Op.DELETE, before), Segment(Op.INSERT, after)]


def test_the_benchmark_texts_are_reproducible() -> None:
    text = schedule_text(1_000, seed=2)
    assert text == schedule_text(1_000, seed=2) != schedule_text(1_000, seed=3)
    assert 900 <= len(text.split()) <= 1_100 and 8 <= text.count("\n\n") + 1 <= 13
    assert scatter_edits(text, 5, seed=1) == scatter_edits(text, 5, seed=1) != text
    assert rewrite(text, 0.4, seed=1) == rewrite(text, 0.4, seed=1) != text
