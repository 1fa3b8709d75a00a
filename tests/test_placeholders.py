"""Placeholders that tie clause wording to typed commercial terms."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiator.domain.errors import InvalidInput
from negotiator.domain.placeholders import PLACEHOLDER, check_placeholders, placeholders_in, render

TERMS = {
    "duration.initial_term": "five (5) years",
    "payment.days": "thirty (30) days",
    "risk_share.table": "the table in Schedule 3",
    "risk_share.provider-b.gain": "40%",
}


def _known(name: str) -> bool:
    return name in TERMS


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("{{payment.days}}", "payment.days"),
        ("{{ payment.days }}", "payment.days"),
        ("{{\tduration.initial_term\n}}", "duration.initial_term"),
        ("{{risk_share.provider-b.gain}}", "risk_share.provider-b.gain"),
        ("{{x}}", "x"),
        ("{{year2}}", "year2"),
    ],
)
def test_the_pattern_matches_well_formed_placeholders(text: str, name: str) -> None:
    match = PLACEHOLDER.fullmatch(text)
    assert match is not None
    assert match.group(1) == name


@pytest.mark.parametrize(
    "text",
    ["{{payment days}}", "{{payment.days", "{{}}", "{{Payment.days}}", "{{payment..days}}", "{{.days}}",
     "{{payment.}}", "{payment.days}", "{{payment.days}"],
)  # fmt: skip
def test_the_pattern_rejects_malformed_placeholders(text: str) -> None:
    assert PLACEHOLDER.search(text) is None


def test_placeholders_in_lists_names_in_order_once_each() -> None:
    text = (
        "Within {{payment.days}} of {{ duration.initial_term }}, and again {{payment.days}}; see {{risk_share.table}}."
    )
    assert placeholders_in(text) == ["payment.days", "duration.initial_term", "risk_share.table"]
    assert placeholders_in("No terms here.") == []
    assert placeholders_in("{{payment days}} is not a placeholder") == []


def test_check_accepts_known_terms_and_plain_text() -> None:
    check_placeholders("The Integrator pays within {{payment.days}} for {{ duration.initial_term }}.", _known)
    check_placeholders("The Integrator pays promptly.", _known)
    check_placeholders("", _known)


def test_check_names_an_unknown_term_and_suggests_a_real_one() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_placeholders("Pay within {{payment.dayz}}.", _known, examples=["payment.days"])
    assert str(caught.value) == (
        "The wording refers to {{payment.dayz}}, which is not a term this agreement has. "
        "Use one of the term names, such as {{payment.days}}."
    )
    assert caught.value.field == "text"


def test_check_shows_at_most_three_examples_closest_first() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_placeholders("{{risk_share.tabel}}", _known, examples=list(TERMS))
    assert str(caught.value) == (
        "The wording refers to {{risk_share.tabel}}, which is not a term this agreement has. "
        "Use one of the term names, such as {{risk_share.table}}, {{duration.initial_term}} or {{payment.days}}."
    )


def test_check_lists_every_unknown_term_once() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_placeholders("{{a.b}} then {{payment.days}} then {{c}} and {{a.b}}", _known)
    assert str(caught.value) == (
        "The wording refers to {{a.b}} and {{c}}, which are not terms this agreement has. "
        "Use one of the term names this agreement has."
    )


def test_check_asks_known_about_each_name() -> None:
    asked: list[str] = []

    def known(name: str) -> bool:
        asked.append(name)
        return True

    check_placeholders("{{b}} {{a}} {{b}}", known)
    assert asked == ["b", "a"]


def test_check_rejects_a_placeholder_with_a_space_in_its_name() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_placeholders("Pay within {{payment days}} of invoice.", _known, examples=["payment.days"])
    assert str(caught.value) == (
        'The wording has "{{payment days}}", which is not a valid placeholder. Write a placeholder as {{name}}: '
        "lowercase letters, digits, hyphens and underscores, with dots between the parts of the name. "
        "Use one of the term names, such as {{payment.days}}."
    )
    assert caught.value.field == "text"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Pay within {{payment.days", '"{{payment.days", which has no closing }}'),
        ("Pay within {{payment.days.\nThen {{duration.initial_term}}.", '"{{payment.days.", which has no closing }}'),
        ("Pay within {{payment.days and {{duration.initial_term}}", '"{{payment.days and", which has no closing }}'),
        ("{{payment.days} days", '"{{payment.days} days", which has no closing }}'),
        ("{{}}", '"{{}}", which is not a valid placeholder'),
        ("{{Payment.Days}}", '"{{Payment.Days}}", which is not a valid placeholder'),
        ("fine {{payment.days}} then {{ }}", '"{{ }}", which is not a valid placeholder'),
    ],
)
def test_check_rejects_malformed_placeholders(text: str, shown: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_placeholders(text, _known)
    assert str(caught.value).startswith(f"The wording has {shown}. Write a placeholder as {{{{name}}}}")
    assert caught.value.field == "text"


def test_check_shortens_a_long_malformed_placeholder() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_placeholders("{{" + "a" * 100, _known)
    assert str(caught.value).startswith('The wording has "{{' + "a" * 38 + '…", which has no closing }}.')


def test_render_fills_in_agreed_terms() -> None:
    text = "The Integrator pays within {{payment.days}} of invoice, for {{ duration.initial_term }}."
    assert render(text, TERMS.get) == "The Integrator pays within thirty (30) days of invoice, for five (5) years."


def test_render_marks_terms_not_yet_agreed() -> None:
    assert render("Pay within {{payment.days}}.", lambda name: None) == "Pay within [payment.days not yet agreed]."
    assert render("{{a}} and {{payment.days}}", TERMS.get) == "[a not yet agreed] and thirty (30) days"


def test_render_leaves_text_without_placeholders_unchanged() -> None:
    assert render("The Integrator pays promptly.", TERMS.get) == "The Integrator pays promptly."
    assert render("", TERMS.get) == ""
    assert render("{{payment days}} stays", TERMS.get) == "{{payment days}} stays"


def test_render_does_not_expand_placeholders_inside_values() -> None:
    assert render("{{a}}", lambda name: "{{payment.days}}") == "{{payment.days}}"


names = st.from_regex(r"[a-z0-9_-]{1,8}(\.[a-z0-9_-]{1,8}){0,3}", fullmatch=True)
prose = st.text(alphabet=st.characters(blacklist_characters="{}", blacklist_categories=("Cs",)), max_size=30)


@given(st.lists(st.tuples(prose, names, st.sampled_from(["", " ", "  "])), max_size=6), prose)
def test_render_with_names_as_values_leaves_no_braces(parts: list[tuple[str, str, str]], tail: str) -> None:
    text = "".join(f"{before}{{{{{pad}{name}{pad}}}}}" for before, name, pad in parts) + tail
    rendered = render(text, lambda name: name)
    assert "{{" not in rendered and "}}" not in rendered
    assert rendered == "".join(before + name for before, name, _ in parts) + tail
    assert placeholders_in(text) == list(dict.fromkeys(name for _, name, _ in parts))
    check_placeholders(text, lambda name: True)
