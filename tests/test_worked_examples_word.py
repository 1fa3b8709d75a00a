"""The worked examples in Word: the redline's tracked figures, read by LibreOffice, accept to the target's
table and reject to the round's, exactly, each change under the party whose proposal made it; and a
figure edited in a returned file is a line of the report, never a proposal."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiator.domain.document import Table, paragraph_texts
from negotiator.domain.export_layout import Grid
from negotiator.domain.worked_examples import worked_examples
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace
from negotiator.word.check import check_docx
from negotiator.word.reader import read_paragraphs
from tests.libreoffice import libreoffice_read, require_libreoffice

from .word_edits import WordEdit

ICB = "Northshire ICB"
HOPE, FEDERATION = "Hope Street Wellbeing", "Northshire Primary Care Federation"


@pytest.fixture
def ws(demo_path: Path) -> Workspace:
    opened = open_workspace(demo_path, "Test Drafter")
    yield opened
    opened.close()


def figures(ws: Workspace) -> list[str]:
    """Every cell of the worked-examples tables as the terms now give them, header and label cells included,
    in reading order."""
    sheet = ws.agreements.terms(ALLIANCE)
    parties = ws.agreements.parties_of(ws.agreements.agreement(ALLIANCE))
    return [cell for item in worked_examples(sheet, parties) if isinstance(item, Grid)
            for row in (item.header, *(cells for _, cells in item.rows)) for cell in row]


def tables_in(paragraphs: list[str]) -> list[str]:
    """The worked-examples cells among a document's paragraphs: from the first table's header to the
    underspend table's last cell (the "Duration" heading follows)."""
    start = paragraphs.index("Overspend against the budget")
    return paragraphs[start:paragraphs.index("Duration", start)]


def agree_changes(ws: Workspace) -> None:
    """Since Draft 2: Hope Street's new annual value, the Federation's 1% corridor and its naming the
    Community Trust to carry losses above a cap, each accepted by the ICB."""
    made = ws.negotiation.propose_term(ALLIANCE, "payment.annual_value", "£50,000,000", "Hope Street",
                                       "The budget rises with the new wards.")
    ws.negotiation.decide(made.id, "accept", ICB)
    corridor = next(v.proposal for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.target ==
                    "risk_share.corridor" and v.proposal.party_name == FEDERATION and v.proposal.status.value == "open")
    ws.negotiation.decide(corridor.id, "accept", ICB)
    bearer = ws.negotiation.propose_term(ALLIANCE, "risk_share.excess_bearer", "Community Trust", "GP Federation",
                                         "The largest provider carries what a small one cannot.")
    ws.negotiation.decide(bearer.id, "accept", ICB)


def test_the_excess_rule_is_proposed_and_accepted_like_any_term(ws: Workspace) -> None:
    agree_changes(ws)
    sheet = ws.agreements.terms(ALLIANCE)
    trust = next(s.party for s in ws.agreements.agreement(ALLIANCE).signatories if s.party.short_name ==
                 "Community Trust")
    assert sheet.risk_share.excess_bearer == trust.id


def test_the_tracked_worked_examples_accept_to_the_target_and_reject_to_the_round_in_libreoffice(
        ws: Workspace, tmp_path: Path) -> None:
    require_libreoffice()
    base = figures(ws)  # nothing has changed the terms since Draft 2
    assert tables_in(paragraph_texts(ws.export.clean_document(ALLIANCE, "Draft 2"), accept=True)) == base
    agree_changes(ws)
    target = figures(ws)
    assert base != target and "(£2,500,000)" in target  # 5% of the new £50m
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", ICB)
    assert check_docx(out) == []
    read = libreoffice_read(out)
    assert tables_in(read["accepted"]) == target
    assert tables_in(read["rejected"]) == base
    assert tables_in(read_paragraphs(out, accept=True)) == target  # and our own reader agrees
    assert tables_in(read_paragraphs(out, accept=False)) == base
    # The figures' changes are under the annual value's proposer and the corridor's and the rule's, no one else.
    document = ws.export.redline_document(ALLIANCE, "Draft 2", "agreed", ICB)
    authors = {run.revision.author for block in document.blocks if isinstance(block, Table)
               and (block.anchor or "").startswith("examples.") for row in block.rows for cell in row.cells
               for paragraph in cell.paragraphs for run in paragraph.runs if run.revision is not None}
    assert authors == {HOPE, FEDERATION}
    assert {HOPE, FEDERATION} <= {r["author"] for r in read["redlines"]}
    assert any("carried first by Northshire Community Health NHS Trust" in line for line in read["accepted"])


def test_a_worked_example_edited_in_a_returned_file_is_a_report_line_not_a_proposal(
        ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "clean.docx"
    ws.export.export_clean(ALLIANCE, out)
    edit = WordEdit(out)
    edit.replace_words("term.example.over.share.5.2", "(£250,000)", "(£100,000)", "Jane Smith")
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "Hope Street"}, dry_run=True)
    assert result.plans == []
    notes = "\n".join(result.notes)
    assert ("The change of the worked example of an overspend of 5%: Hope Street Wellbeing's share to '(£100,000)' "
            "by Hope Street Wellbeing was not imported: it is worked out by the app") in notes


def test_an_edited_excess_rule_in_a_returned_file_becomes_a_term_proposal(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "clean.docx"
    ws.export.export_clean(ALLIANCE, out)
    edit = WordEdit(out)
    edit.replace_words("term.risk_share.excess_bearer", "The other parties, in proportion to their loss shares",
                       "Northshire Community Health NHS Trust", "Jane Smith")
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "GP Federation"})
    made = [v.proposal for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.id in result.made]
    assert [(p.party_name, p.target, p.proposed) for p in made] == [
        (FEDERATION, "risk_share.excess_bearer", "Northshire Community Health NHS Trust")]
    assert [p.label for p in result.plans] == ["the schedule's \u201cWho carries losses above a cap\u201d"]


def test_a_comment_on_a_worked_example_is_quoted_in_the_report(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"  # a file with comments already
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "party:GP Federation", ICB)
    edit = WordEdit(out)
    edit.comment("term.example.under.share.5.3", "Is this before or after the quality gate?", "Jane Smith")
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "Hope Street"}, dry_run=True)
    assert result.plans == []
    assert any("Jane Smith" in note and "Is this before or after the quality gate?" in note and
               "worked example of an underspend of 10%" in note for note in result.notes)


def test_an_edit_of_the_examples_note_is_reported_in_the_terms_schedule(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "clean.docx"
    ws.export.export_clean(ALLIANCE, out)
    edit = WordEdit(out)
    edit.replace_words("examples.note", "worked out by the app", "checked by our finance team", "Jane Smith")
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "Hope Street"}, dry_run=True)
    assert result.plans == []
    assert any("in the terms schedule" in note and "Jane Smith" in note for note in result.notes), result.notes


def test_rows_a_proposal_takes_away_are_deleted_in_its_party_s_name(ws: Workspace) -> None:
    """The Federation proposes a risk share without Hope Street: Hope Street's rows of the risk share and of
    the worked examples go, tracked under the Federation, not under the party exporting."""
    ws.negotiation.propose_terms(ALLIANCE, {"risk_share.hope-street.gain": "", "risk_share.hope-street.loss": "",
                                            "risk_share.community-trust.gain": "70",
                                            "risk_share.community-trust.loss": "70"}, "GP Federation",
                                 "Hope Street leaves the risk share.")
    document = ws.export.redline_document(ALLIANCE, "Draft 2", "party:GP Federation", ICB)
    gone = [row for block in document.blocks if isinstance(block, Table) for row in block.rows
            if row.change.value == "delete"]
    assert len(gone) == 3  # the risk share's row and each worked-examples table's
    assert {row.revision.author for row in gone} == {FEDERATION}
    assert paragraph_texts(document, accept=True) == paragraph_texts(
        ws.export.target_document(ALLIANCE, "party:GP Federation"), accept=True)
