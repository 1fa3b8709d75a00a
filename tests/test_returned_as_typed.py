"""What a real word processor's returned file showed the import getting wrong, kept as fast tests on
files edited as Word and LibreOffice record edits (the LibreOffice tests themselves are slower):
a value typed the way people write it is proposed once, however often the file is imported; and a
new clause, or a new risk corridor, is reported once, as the proposal it becomes."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace

from .word_edits import WordEdit

JANE = {"Jane Smith": "GP Federation"}


@pytest.fixture
def ws(demo_path: Path) -> Workspace:
    opened = open_workspace(demo_path, "Test Drafter")
    yield opened
    opened.close()


def test_values_typed_as_people_write_them_are_not_proposed_again(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", "Northshire ICB")
    agreement = ws.agreements.agreement(ALLIANCE)
    ids = {party.name: pid for pid, party in ws.agreements.parties_of(agreement).items()}
    trust, gps = ids["Northshire Community Health NHS Trust"], ids["Northshire Primary Care Federation"]
    edit = WordEdit(out)
    edit.replace_words(f"term.share.{ids['Hope Street Wellbeing']}", "£250,000", "£0.3m", "Jane Smith")
    edit.replace_words(f"term.share.{trust}.gain", "50%", "45%", "Jane Smith")
    edit.replace_words(f"term.share.{gps}.gain", "30%", "35%", "Jane Smith")
    edit.replace_words("corridor", "2%", "3%", "Jane Smith")
    edit.save()
    first = ws.returned.import_file(ALLIANCE, out, JANE)
    assert {p.target: p.proposed for p in first.plans if p.kind == "term"} == {
        "risk_share.hope-street.cap": "£300,000", "risk_share.corridor": "3"}  # as the proposals hold them
    assert not any("not imported" in note for note in first.notes)  # the corridor's line is a term, nothing else
    again = ws.returned.import_file(ALLIANCE, out, JANE)
    assert len(first.made) == 3 and again.plans == [] and again.made == []
    assert sum("proposed this already" in note for note in again.notes) == 3


@pytest.mark.parametrize("typed", ["as Word marks it", "as LibreOffice marks it"])
def test_a_new_clause_is_not_also_reported_as_changes_left_behind(ws: Workspace, tmp_path: Path, typed: str) -> None:
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", "Northshire ICB")
    agreement = ws.agreements.agreement(ALLIANCE).id
    sharing = next(n.section for n in ws.outline.outline(agreement)
                   if n.section.clause_key == "alliance.information.sharing")
    edit = WordEdit(out)
    typing = edit.insert_paragraphs_after if typed == "as Word marks it" else edit.type_after_as_libreoffice
    typing(f"s{sharing.id}.p3", [("Heading1", "Data protection officer"),
                                 ("", "Each Alliance Member will name a data protection officer.")], "Jane Smith")
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, JANE, dry_run=True)
    assert [p.kind for p in result.plans] == ["new_section"]
    assert result.notes == []  # the new section speaks for every paragraph typed
