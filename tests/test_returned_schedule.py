"""Every duration and payment cell of the schedule comes home: read as people write it, proposed by the
party whose author edited it, named in words; a cell the app works out, or cannot read, is a note."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiator.domain.legal_english import months_phrase, number_words, read_number_words
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.returned_terms import extension_values, value_from_words
from negotiator.services.session import Workspace, open_workspace

from .word_edits import WordEdit

FEDERATION = "Northshire Primary Care Federation"


@pytest.fixture
def ws(demo_library: Path | str) -> Workspace:
    opened = open_workspace(demo_library, "Test Drafter")
    yield opened
    opened.close()


def test_duration_and_payment_cells_edited_in_word_become_term_proposals(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "clean.docx"
    ws.export.export_clean(ALLIANCE, out)
    edit = WordEdit(out)
    edit.replace_words("term.duration.start", "1 April 2027", "1 April 2028", "Jane Smith")
    edit.replace_words("term.duration.initial_term", "five (5) years", "six (6) years", "Jane Smith")
    edit.replace_words("term.duration.extensions", "one (1) further period of two (2) years",
                       "two further periods of 12 months each", "Jane Smith")
    edit.replace_words("term.duration.notice", "one (1) year", "six months", "Jane Smith")
    edit.replace_words("term.payment.annual_value", "£48,000,000", "£47.5m", "Jane Smith")
    edit.replace_words("term.payment.days", "thirty (30) days", "twenty (20) days", "Jane Smith")
    edit.replace_words("term.payment.invoicing", "monthly", "quarterly", "Jane Smith")
    edit.save()

    result = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "GP Federation"})
    made = {v.proposal.target: v.proposal for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.id in result.made}
    assert all(p.party_name == FEDERATION for p in made.values())
    assert {t: p.proposed for t, p in made.items() if p.kind.value == "term"} == {
        "duration.start": "2028-04-01", "duration.initial_term": "72", "duration.notice": "6",
        "payment.annual_value": "£47,500,000", "payment.days": "20", "payment.invoicing": "quarterly"}
    extensions = made["terms"]  # how many and how long, said in one cell: one proposal
    assert extensions.term_values() == {"duration.extension_count": "2", "duration.extension_months": "12"}
    labels = {p.label for p in result.plans}
    assert "the schedule's \u201cInvoices paid within\u201d" in labels
    assert not any("payment.days" in label or "duration." in label for label in labels)  # words, not ids
    sheet = ws.agreements.terms(ALLIANCE)
    assert sheet.payment.days == 30 and sheet.duration.initial_term_months == 60  # proposed, not applied


def test_a_worked_out_cell_an_unreadable_one_and_an_unchanged_one_are_notes(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "clean.docx"
    ws.export.export_clean(ALLIANCE, out)
    edit = WordEdit(out)
    edit.replace_words("term.duration.end", "31 March 2032", "31 March 2033", "Jane Smith")
    edit.replace_words("term.payment.days", "thirty (30) days", "promptly", "Jane Smith")
    edit.replace_words("term.payment.annual_value", "£48,000,000", "£48m", "Jane Smith")
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "GP Federation"}, dry_run=True)
    assert result.plans == []
    notes = "\n".join(result.notes)
    assert "\u201cInitial term ends\u201d to '31 March 2033'" in notes and "worked out" in notes
    assert "\u201cInvoices paid within\u201d to 'promptly'" in notes and "could not read a value" in notes
    assert "\u201cAnnual contract value\u201d to '£48m'" in notes and "reads the same" in notes


@given(st.integers(min_value=0, max_value=999))
def test_numbers_written_in_words_read_back(n: int) -> None:
    assert read_number_words(number_words(n)) == n
    assert read_number_words(number_words(n).upper()) == n


@given(st.integers(min_value=1, max_value=20), st.integers(min_value=1, max_value=120))
def test_extension_options_read_back_as_the_export_writes_them(count: int, months: int) -> None:
    noun = "further period" if count == 1 else "further periods"
    written = f"{number_words(count)} ({count}) {noun} of {months_phrase(months)}" + (" each" if count > 1 else "")
    assert extension_values(written) == {"duration.extension_count": str(count),
                                         "duration.extension_months": str(months)}


@pytest.mark.parametrize(("name", "words", "value"), [
    ("duration.start", "1st April 2028", "2028-04-01"), ("duration.start", "01/04/2028", "2028-04-01"),
    ("duration.initial_term", "3 years", "36"), ("duration.notice", "twelve months", "12"),
    ("payment.days", "45", "45"), ("duration.start", "next spring", None)])
def test_values_are_read_as_people_write_them(name: str, words: str, value: str | None) -> None:
    assert value_from_words(name, words) == value
