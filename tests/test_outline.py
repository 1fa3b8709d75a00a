"""An agreement's outline: sections from the library, numbered, moved, indented, re-pinned."""

from __future__ import annotations

import pytest

from negotiator.domain.diff import render_plain
from negotiator.domain.errors import InvalidInput
from negotiator.services.session import Workspace, open_workspace


@pytest.fixture
def ws(starter_library) -> Workspace:
    opened = open_workspace(starter_library, "Test Drafter")
    opened.agreements.add_party("The ICB", "ICB", "commissioner")
    opened.agreements.add_party("Integrator Ltd", "Integrator", "independent_sector_provider")
    opened.act_as("ICB")  # the commissioner drafts the prime contract
    opened.agreements.create_agreement("Prime", "prime_contract", "prime_contractor",
                                       [("ICB", "commissioner"), ("Integrator", "prime_contractor")])
    yield opened
    opened.close()


def _numbers(ws: Workspace, agreement_id: int = 1) -> list[tuple[str, str]]:
    return [(n.number, n.section.clause_key or n.section.heading) for n in ws.outline.outline(agreement_id)]


def _add(ws: Workspace, *keys: str) -> list[int]:
    return [ws.outline.add_from_library(1, key).id for key in keys]


def test_sections_are_numbered_and_can_be_indented_outdented_and_moved(ws: Workspace) -> None:
    a, b, c = _add(ws, "subcontract.principles", "subcontract.term", "subcontract.services")
    assert _numbers(ws) == [("1", "subcontract.principles"), ("2", "subcontract.term"), ("3", "subcontract.services")]
    ws.outline.indent(b)
    ws.outline.indent(c)
    ws.outline.indent(c)
    assert [n for n, _ in _numbers(ws)] == ["1", "1.1", "1.1.1"]
    ws.outline.outdent(c)
    assert _numbers(ws)[2] == ("1.2", "subcontract.services")
    ws.outline.move(c, -1)
    assert _numbers(ws)[1:] == [("1.1", "subcontract.services"), ("1.2", "subcontract.term")]
    with pytest.raises(InvalidInput, match="first section at a level"):
        ws.outline.indent(a)
    with pytest.raises(InvalidInput, match="top-level"):
        ws.outline.outdent(a)


def test_adding_after_a_section_and_removing_keeps_history(ws: Workspace) -> None:
    a, b = _add(ws, "subcontract.principles", "subcontract.term")
    middle = ws.outline.add_blank(1, "Definitions", "Words have the meanings given in Schedule 1.", after=a)
    assert [k for _, k in _numbers(ws)] == ["subcontract.principles", "Definitions", "subcontract.term"]
    ws.outline.remove(middle.id)
    assert [n for n, _ in _numbers(ws)] == ["1", "2"]
    ws.outline.remove(middle.id, removed=False)
    assert [k for _, k in _numbers(ws)][1] == "Definitions"


def test_editing_a_section_appends_a_version_and_refuses_unknown_terms(ws: Workspace) -> None:
    (a,) = _add(ws, "subcontract.payment.invoicing")
    first = ws.outline.outline(1)[0].section
    edited = ws.outline.edit(a, first.text + " Payment is by BACS.", note="Payment method")
    assert edited.version == 2
    with pytest.raises(InvalidInput, match=r"\{\{payment.dayz\}\}.*not a term"):
        ws.outline.edit(a, "Pay within {{payment.dayz}}.")
    with pytest.raises(InvalidInput, match="unchanged"):
        ws.outline.edit(a, edited.text)
    assert ws.outline.outline(1)[0].section.version == 2


def test_the_wording_shows_the_terms_in_legal_english(ws: Workspace) -> None:
    _add(ws, "subcontract.payment.invoicing")
    assert "[payment.days not yet agreed]" in ws.outline.rendered(1)[0][1]
    ws.agreements.set_term(1, "payment.days", "20")
    assert "within twenty (20) days of receipt" in ws.outline.rendered(1)[0][1]


def test_repinning_shows_the_diff_then_takes_the_newer_library_version(ws: Workspace) -> None:
    (a,) = _add(ws, "subcontract.principles")
    with pytest.raises(InvalidInput, match="already uses the newest"):
        ws.outline.repin_preview(a)
    old = ws.clauses.version("subcontract.principles").text
    ws.clauses.revise("subcontract.principles", old.replace("work together", "collaborate"))
    preview = ws.outline.repin_preview(a)
    assert (preview.from_version, preview.to_version) == (1, 2)
    assert "[-work together-]{+collaborate+}" in render_plain(preview.segments)
    section = ws.outline.repin(a, preview.to_version)
    assert section.clause_version == 2 and section.version == 2 and "collaborate" in section.text
    assert section.heading == "Principles"  # the section's own heading, not the library's title


def test_a_section_takes_a_heading_as_an_agreement_words_it_and_keeps_it_as_its_own(ws: Workspace) -> None:
    titles = {key: ws.clauses.clause(key).title for key in ("subcontract.principles", "subcontract.term")}
    assert all(title.startswith("Sub-contract: ") for title in titles.values())  # the library's grouping
    first, second = _add(ws, "subcontract.principles", "subcontract.term")
    assert [ws.outline.section(s).heading for s in (first, second)] == ["Principles", "Term"]
    ws.outline.edit(first, ws.outline.section(first).text, heading="Principles of the sub-contract")
    ws.clauses.revise("subcontract.principles", ws.clauses.version("subcontract.principles").text + " Again.")
    assert ws.outline.repin(first, 2).heading == "Principles of the sub-contract"


def test_library_clauses_with_unknown_placeholders_are_refused_on_save(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match=r"\{\{payment.dayss\}\}"):
        ws.clauses.revise("subcontract.term", "Runs for {{payment.dayss}}.")
    ws.clauses.revise("subcontract.term", "Runs for {{duration.initial_term}} from {{ duration.start }}.")


def test_a_section_is_found_as_a_lawyer_names_it() -> None:
    from negotiator.domain.outline import Section, find_section, number_outline

    outline = number_outline([Section(21, None, 0, "Parties", "", None, None, 1),
                              Section(7, None, 1, "Board", "", None, None, 1),
                              Section(3, 7, 0, "Quorum", "", None, None, 1)])
    assert [find_section(outline, r).section.id for r in ("2.1", "clause 2.1", "Section 2.1.", " s21 ", "S3")] == \
        [3, 3, 3, 21, 3]
    assert find_section(outline, "1").section.id == 21  # the number first: clause 1, not the section with id 1
    assert find_section(outline, "9") is None and find_section(outline, "s99") is None
