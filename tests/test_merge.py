"""Carrying a proposal's wording onto an agreement that moved on: an exact three-way merge of word ranges."""

from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.domain.merge import Edit, Rebase, edits, overlaps, rebase
from tests.support.texts import scatter_edits, schedule_text

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
_VOCABULARY = [
    "the", "provider", "shall", "pay", "within", "days", "of", "invoice", "commissioner", "notice",
    "writing", "agreement", "services", "risk", "share", "pool", "budget", "annual", "plan", "schedule",
    "30", "60", "é", "😀", "x" * 30,
]  # fmt: skip
_NEW_WORDS = st.sampled_from(["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "NINETY"])  # never in a base
_GAPS = st.sampled_from([" ", " ", ", ", ". ", "; ", "\n", "\n\n"])
Pairs = list[tuple[str, str]]


def _text(pairs: Pairs) -> str:
    return "".join(word + gap for word, gap in pairs)


@st.composite
def _edited(draw: st.DrawFn, pairs: Pairs) -> Pairs:
    """The words of a stretch of text, some dropped, replaced or followed by new words."""
    out: Pairs = [(draw(_NEW_WORDS), draw(_GAPS))] if draw(st.booleans()) else []
    for word, gap in pairs:
        action = draw(st.sampled_from(["keep", "drop", "replace", "add"]))
        if action in ("keep", "add"):
            out.append((word, gap))
        if action == "replace":
            out.append((draw(_NEW_WORDS), gap))
        if action == "add":
            out.append((draw(_NEW_WORDS), draw(_GAPS)))
    return out


@st.composite
def _edits_at_two_places(draw: st.DrawFn) -> tuple[str, str, str, str]:
    """A base, two versions edited at places kept apart by unchanged words, and both edits together."""
    words = draw(st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=24, unique=True))
    pairs = [(word, draw(_GAPS)) for word in words]
    start = draw(st.integers(0, len(pairs) - 1))
    end = draw(st.integers(start + 1, len(pairs)))
    first, middle, last = pairs[:start], pairs[start:end], pairs[end:]
    early, late = draw(_edited(first)), draw(_edited(last))
    one, other = _text(early + middle + last), _text(first + middle + late)
    current, proposal = (one, other) if draw(st.booleans()) else (other, one)
    return _text(pairs), current, proposal, _text(early + middle + late)


@settings(max_examples=400)
@given(_edits_at_two_places())
def test_edits_at_different_places_are_both_kept(versions: tuple[str, str, str, str]) -> None:
    base, current, proposal, both = versions
    assert rebase(base, current, proposal) == Rebase(both, ())


@given(texts, texts)
def test_when_the_agreement_has_not_moved_the_proposal_stands(base: str, proposal: str) -> None:
    assert rebase(base, base, proposal) == Rebase(proposal, ())


@given(texts, texts)
def test_an_empty_proposal_leaves_the_current_wording(base: str, current: str) -> None:
    assert rebase(base, current, base) == Rebase(current, ())
    assert rebase(base, current, current) == Rebase(current, ())


@settings(max_examples=200)
@given(texts, texts, texts)
def test_any_merge_is_either_clean_or_explained(base: str, current: str, proposal: str) -> None:
    result = rebase(base, current, proposal)
    assert (result.text is None) == bool(result.conflicts)
    assert rebase(base, proposal, current) == result  # neither side is favoured


def test_both_changing_the_same_word_is_a_conflict_naming_it() -> None:
    base = "paid within 30 days of invoice"
    result = rebase(base, base.replace("30", "60"), base.replace("30", "45"))
    assert result.text is None
    assert result.conflicts == ('both change "30"',)


def test_both_adding_wording_at_the_same_place_is_a_conflict() -> None:
    result = rebase("The Provider shall pay.", "The Provider shall pay promptly.", "The Provider shall pay in full.")
    assert result == Rebase(None, ('both add wording after "The Provider shall pay"',))
    assert rebase("pay", "promptly pay", "now pay").conflicts == ("both add wording at the start",)


def test_an_insertion_at_the_edge_of_a_change_is_a_conflict() -> None:
    assert rebase("pay within 30 days", "pay within 60 days", "pay within about 30 days").conflicts == (
        'both change "30"',)
    assert rebase("pay within 30 days", "pay within 60 days", "pay within 30, days").conflicts == ('both change "30"',)


def test_changes_to_neighbouring_words_merge() -> None:
    assert rebase("within 30, then", "within 60, then", "within 30; then") == Rebase("within 60; then", ())
    assert rebase("pay within 30 days", "pay within 60 days", "pay within 30 weeks").text == "pay within 60 weeks"


def test_the_same_change_on_both_sides_is_made_once() -> None:
    base = "The Provider shall pay within 30 days. Notices are in writing."
    current = base.replace("30", "60")
    proposal = current.replace("writing", "writing or by email")
    assert rebase(base, current, proposal) == Rebase(proposal, ())


def test_each_overlapping_place_is_reported() -> None:
    base = "Pay within 30 days. Notice of 14 days. Audit yearly."
    current = base.replace("30", "60").replace("14", "28")
    proposal = base.replace("30", "45").replace("14", "7").replace("yearly", "monthly")
    assert rebase(base, current, proposal).conflicts == ('both change "30"', 'both change "14"')


def test_a_long_overlap_is_quoted_briefly() -> None:
    base = "The Provider shall " + "really " * 30 + "pay."
    result = rebase(base, "The Provider shall pay.", "The Provider shall " + "truly " * 30 + "pay.")
    (conflict,) = result.conflicts
    assert conflict.startswith('both change "really really') and conflict.endswith('…"') and len(conflict) < 80


def test_edits_far_apart_in_a_long_agreement_merge() -> None:
    base = schedule_text(5_000, seed=21)
    paragraphs = base.split("\n\n")
    current = "\n\n".join([scatter_edits(paragraphs[0], 3, seed=1), *paragraphs[1:]])
    proposal = "\n\n".join([*paragraphs[:-1], scatter_edits(paragraphs[-1], 3, seed=2)])
    merged = rebase(base, current, proposal)
    assert merged.conflicts == ()
    assert merged.text == "\n\n".join([current.split("\n\n")[0], *paragraphs[1:-1], proposal.split("\n\n")[-1]])


def test_edits_are_ranges_of_the_base() -> None:
    assert edits("paid within 30 days", "paid within 60 days") == [Edit(12, 14, "60")]
    assert edits("paid within 30 days", "paid within 30 days net") == [Edit(19, 19, " net")]
    assert edits("paid within 30 days", "paid 30 days") == [Edit(5, 12, "")]
    assert edits("same", "same") == []


def test_which_edits_overlap() -> None:
    assert not overlaps(Edit(5, 8, "a"), Edit(8, 10, "b"))  # touching ranges
    assert overlaps(Edit(5, 8, "a"), Edit(7, 10, "b"))
    assert overlaps(Edit(8, 8, "a"), Edit(5, 8, "b")) and overlaps(Edit(5, 10, "a"), Edit(5, 5, "b"))
    assert overlaps(Edit(7, 7, "a"), Edit(5, 10, "")) and not overlaps(Edit(4, 4, "a"), Edit(5, 10, ""))
    assert overlaps(Edit(3, 3, "a"), Edit(3, 3, "b")) and not overlaps(Edit(3, 3, "a"), Edit(4, 4, "b"))
