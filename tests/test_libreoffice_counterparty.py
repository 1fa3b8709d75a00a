"""A counterparty edits our Word files in a real LibreOffice (driven over UNO as a person would: the
author in the user profile, Record Changes on, every edit typed or chosen from a menu through the
view), saves them as .docx, and the app brings the edits home as that party's proposals.

The LibreOffice round trips are the slow part, so each file is edited once for the module, with
several edits in it, and every test imports it into its own copy of the library it came from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace
from negotiator.word.importer import read_returned
from tests.libreoffice import libreoffice_edit, libreoffice_read, require_libreoffice

JANE = {"Jane Smith": "GP Federation"}
GPS = "Northshire Primary Care Federation"
TRUST = "Northshire Community Health NHS Trust"
QUORUM_WHY = "Urgent matters cannot wait two weeks."
NEW_CLAUSE = ["Each Alliance Member will name a data protection officer.", "The officers meet each quarter."]
ADDED = " Interest is simple, not compound."
DELETED = " The chair has no casting vote."

# Jane Smith of the GP Federation, in the redline of what was agreed since Draft 2.
REDLINE_STEPS = [
    {"kind": "replace", "words": "10 Working Days", "within": "extraordinary meeting", "text": "5 Working Days",
     "comment": QUORUM_WHY},
    {"kind": "insert_after", "words": "above the Bank of England base rate.", "text": ADDED},
    {"kind": "delete", "words": DELETED},
    {"kind": "new_clause", "words": "Information provided under this clause is confidential",
     "heading": "Data protection officer", "body": NEW_CLAUSE},
    {"kind": "cell", "row": "Northshire Community Health NHS Trust", "column": "Share of gains", "text": "45%"},
    {"kind": "cell", "row": "Northshire Community Health NHS Trust", "column": "Share of losses", "text": "45%"},
    {"kind": "cell", "row": GPS, "column": "Share of gains", "text": "35%"},
    {"kind": "cell", "row": GPS, "column": "Share of losses", "text": "35%"},
    {"kind": "cell", "row": "Hope Street Wellbeing", "column": "Cap on losses", "text": "£0.3m"},
    {"kind": "cell", "words": "thirty (30) days", "text": "twenty (20) days"},
    {"kind": "replace", "words": "2%", "within": "Risk corridor", "text": "3%"},
    {"kind": "untracked", "words": "Schedule 6", "text": "Schedule 7"},
    {"kind": "comment", "words": "comply with competition law", "comment": "Does this cover the Procurement Act?"},
]
# Jane Smith again, in the redline of every open proposal since Draft 1: she settles two of them.
OPEN_STEPS = [
    {"kind": "accept", "words": "and not before 45 Working Days have passed"},
    {"kind": "reject", "words": "a month", "within": "The Alliance Board will meet at least once"},
    {"kind": "reject", "words": "every two months"},
]
# Jane Smith again, in the Community Trust's redline of its own proposals: she takes the Federation's
# positions on them, rejecting the Trust's wider corridor in the schedule and accepting its wording.
TRUST_STEPS = [
    {"kind": "reject", "words": "3", "within": "Risk corridor:"},  # a replacement is two changes to reject
    {"kind": "reject", "words": "2", "within": "Risk corridor:"},
    {"kind": "accept", "words": "each Alliance Member's", "within": "register of declared interests"},
    {"kind": "accept", "words": "the alliance", "within": "register of declared interests"},
]
# Sam Patel of Hope Street, in a clean copy: he switches Record Changes on himself.
CLEAN_STEPS = [
    {"kind": "replace", "words": "12 months'", "within": "may leave the alliance", "text": "six months'",
     "comment": "A charity cannot wait a year to leave."},
    {"kind": "cell", "row": "Hope Street Wellbeing", "column": "Cap on losses", "text": "£200,000"},
    # and a figure of the worked examples (an overspend of 5%), which the app works out from the terms
    {"kind": "cell", "row": "Hope Street Wellbeing", "column": "5%", "text": "(£100,000)"},
    {"kind": "format", "words": "comply with competition law"},
]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> dict[str, Path]:
    """The library the files were exported from, and each file as LibreOffice saved it."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("lo-counterparty")
    library = folder / "demo.sqlite"
    shutil.copyfile(demo_template, library)
    ws = open_workspace(library, "Test Drafter")
    ws.export.export_redline(ALLIANCE, folder / "redline.docx", "Draft 2", "agreed", "Northshire ICB")
    ws.export.export_redline(ALLIANCE, folder / "open.docx", "Draft 1", "open", "Northshire ICB")
    ws.export.export_clean(ALLIANCE, folder / "clean.docx")
    ws.export.export_redline(ALLIANCE, folder / "trust.docx", "Draft 2", f"party:{TRUST}", "Northshire ICB")
    ws.close()
    return {"library": library,
            "redline": libreoffice_edit(folder / "redline.docx", folder / "redline-jane.docx", "Jane Smith",
                                        REDLINE_STEPS),
            "open": libreoffice_edit(folder / "open.docx", folder / "open-jane.docx", "Jane Smith", OPEN_STEPS),
            "trust": libreoffice_edit(folder / "trust.docx", folder / "trust-jane.docx", "Jane Smith", TRUST_STEPS),
            "clean": libreoffice_edit(folder / "clean.docx", folder / "clean-sam.docx", "Sam Patel", CLEAN_STEPS)}


@pytest.fixture
def ws(files: dict[str, Path], tmp_path: Path) -> Workspace:
    """A copy of the library the files were exported from, as the drafter who sent them has it."""
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(files["library"], copy)
    opened = open_workspace(copy, "Test Drafter")
    yield opened
    opened.close()


def _section(ws: Workspace, key: str) -> tuple[int, str]:
    """A section of the alliance (by its library clause) and its wording now."""
    agreement = ws.agreements.agreement(ALLIANCE).id
    section = next(n.section for n in ws.outline.outline(agreement) if n.section.clause_key == key)
    return section.id, section.text


def test_words_replaced_added_and_deleted_are_the_partys_proposals_with_exactly_the_new_wording(
        ws: Workspace, files: dict[str, Path]) -> None:
    quorum, quorum_text = _section(ws, "alliance.board.quorum")
    payment, payment_text = _section(ws, "alliance.payment")
    board, board_text = _section(ws, "alliance.board.membership")
    sharing, _ = _section(ws, "alliance.information.sharing")
    result = ws.returned.import_file(ALLIANCE, files["redline"], JANE)
    plans = {p.target: p for p in result.plans}
    assert plans[f"section:{quorum}"].proposed == quorum_text.replace(
        "within 10 Working Days of a written request", "within 5 Working Days of a written request")
    assert plans[f"section:{quorum}"].rationale == QUORUM_WHY  # her comment on the new words
    assert plans[f"section:{payment}"].proposed == payment_text + ADDED
    assert DELETED in board_text and plans[f"section:{board}"].proposed == board_text.replace(DELETED, "")
    untracked = plans[f"section:{sharing}"]
    assert "in Schedule 7," in untracked.proposed and untracked.warning == "made with tracking switched off"
    made = [ws.negotiation.proposal(number) for number in result.made]
    proposed = [p for p in result.plans if p.kind != "remark"]  # her comment on unchanged words is a remark
    assert len(made) == len(proposed) and all(p.is_open and p.party_name == GPS for p in made)
    assert _section(ws, "alliance.board.quorum")[1] == quorum_text  # nothing is accepted by importing


def test_a_new_clause_typed_after_a_clause_is_one_proposed_new_section(ws: Workspace, files: dict[str, Path]) -> None:
    sharing, _ = _section(ws, "alliance.information.sharing")
    result = ws.returned.import_file(ALLIANCE, files["redline"], JANE)
    (plan,) = [p for p in result.plans if p.kind == "new_section"]
    assert (plan.heading, plan.target, plan.party) == ("Data protection officer", f"after:{sharing}", GPS)
    assert plan.proposed == "\n\n".join(NEW_CLAUSE)
    assert not any("data protection officer" in note.lower() for note in result.notes)  # nothing left over
    made = ws.negotiation.proposal(result.made[result.plans.index(plan)])
    assert made.kind.value == "add_section" and made.proposed == "\n\n".join(NEW_CLAUSE)


def test_edited_schedule_cells_are_term_proposals_with_the_values_typed(ws: Workspace, files: dict[str, Path]) -> None:
    result = ws.returned.import_file(ALLIANCE, files["redline"], JANE)
    made = [ws.negotiation.proposal(n) for n in result.made]
    terms = {p.target: p.proposed for p in made if p.kind.value == "term"}
    assert terms == {"risk_share.hope-street.cap": "£300,000", "payment.days": "20", "risk_share.corridor": "3"}
    (shares,) = [p for p in made if p.kind.value == "terms"]  # rebalanced together: one proposal
    assert shares.term_values() == {"risk_share.community-trust.gain": "45", "risk_share.community-trust.loss": "45",
                                    "risk_share.gp-federation.gain": "35", "risk_share.gp-federation.loss": "35"}
    assert all(p.party_name == GPS for p in made)
    assert not any("not imported" in note for note in result.notes)  # every edit above is a proposal
    assert ws.agreements.terms(ALLIANCE).payment.days == 30  # nothing is accepted by importing


def test_importing_the_same_file_again_adds_nothing(ws: Workspace, files: dict[str, Path]) -> None:
    first = ws.returned.import_file(ALLIANCE, files["redline"], JANE)
    count = len(ws.negotiation.proposals(ALLIANCE))
    again = ws.returned.import_file(ALLIANCE, files["redline"], JANE)
    assert len(first.made) == 9 and again.plans == [] and again.made == []
    assert len(ws.negotiation.proposals(ALLIANCE)) == count
    assert sum("proposed this already" in note for note in again.notes) == len(first.made)


def test_a_clean_copy_edited_with_record_changes_switched_on_comes_home(ws: Workspace,
                                                                         files: dict[str, Path]) -> None:
    leaving, text = _section(ws, "alliance.membership.leaving")
    result = ws.returned.import_file(ALLIANCE, files["clean"], {"Sam Patel": "Hope Street"})
    plans = {p.target: p for p in result.plans}
    assert set(plans) == {f"section:{leaving}", "risk_share.hope-street.cap"}
    assert plans[f"section:{leaving}"].proposed == text.replace("12 months'", "six months'")
    assert plans[f"section:{leaving}"].rationale == "A charity cannot wait a year to leave."
    assert plans["risk_share.hope-street.cap"].proposed == "£200,000"
    assert {p.party for p in result.plans} == {"Hope Street Wellbeing"}


def test_the_saved_file_carries_the_comment_and_the_changes_settled_in_libreoffice(files: dict[str, Path]) -> None:
    redline, settled = libreoffice_read(files["redline"]), libreoffice_read(files["open"])
    assert {"author": "Jane Smith", "content": "Does this cover the Procurement Act?"} in redline["comments"]
    competition = next(p for p in read_returned(files["redline"]).paragraphs
                       if "comply with competition law" in (p.text_accepting(set()) or ""))
    assert competition.comments == (("Jane Smith", "Does this cover the Procurement Act?"),)
    assert competition.authors == set()  # a comment and nothing else
    authors = {r["author"] for r in settled["redlines"]}
    # Still changes: the round label, and the rival wordings' and corridors' bracketed alternatives she
    # left alone (her own party's rival corridor among them).
    assert authors == {"NHS Northshire Integrated Care Board", "Hope Street Wellbeing",
                       "Northshire Community Health NHS Trust", "Northshire Primary Care Federation"}
    assert {(r["text"] or "").strip() for r in settled["redlines"]
            if r["author"] == "Northshire Primary Care Federation"} == {"[1%]"}
    assert not any("two months" in (r["text"] or "") or "45 Working Days" in (r["text"] or "")
                   for r in settled["redlines"])  # the changes she settled are settled
    for text in (settled["accepted"], settled["rejected"]):
        joined = "\n".join(text)
        assert "Only after those three stages, and not before 45 Working Days have passed, may" in joined
        assert "at least once every two months, and" in joined and "once a month" not in joined


def test_a_comment_on_unchanged_words_is_her_partys_remark(ws: Workspace, files: dict[str, Path]) -> None:
    competition, _ = _section(ws, "alliance.legal.competition-law")
    ws.returned.import_file(ALLIANCE, files["redline"], JANE)
    remark, = ws.remarks.remarks(ALLIANCE)
    assert (remark.party_name, remark.text) == (GPS, "Does this cover the Procurement Act?")
    assert remark.section_id == competition


def test_changes_she_accepted_or_rejected_in_libreoffice_are_her_partys_positions(ws: Workspace,
                                                                                  files: dict[str, Path]) -> None:
    result = ws.returned.import_file(ALLIANCE, files["trust"], JANE)
    open_ones = {v.proposal.target: v.proposal.id for v in ws.negotiation.proposals(ALLIANCE)
                 if v.proposal.is_open and v.proposal.party_name == TRUST}
    conflicts = next(t for t in open_ones if t.startswith("section:"))
    assert sorted((p.kind, p.party, p.target, p.proposed) for p in result.plans) == [
        ("position", GPS, f"proposal:{open_ones['risk_share.corridor']}", "opposes"),
        ("position", GPS, f"proposal:{open_ones[conflicts]}", "supports")]
    assert not any("tracking switched off" in note or "not imported" in note for note in result.notes)
    taken = {(t.proposal_id, t.supports) for t in ws.remarks.positions(ALLIANCE)}
    assert taken == {(open_ones["risk_share.corridor"], False), (open_ones[conflicts], True)}


def test_a_formatting_change_made_in_libreoffice_is_reported_where_it_is(ws: Workspace,
                                                                         files: dict[str, Path]) -> None:
    competition, _ = _section(ws, "alliance.legal.competition-law")
    result = ws.returned.import_file(ALLIANCE, files["clean"], {"Sam Patel": "Hope Street"}, dry_run=True)
    label = next(f"{n.number} {n.section.heading}" for n in ws.outline.outline(ws.agreements.agreement(ALLIANCE).id)
                 if n.section.id == competition)
    lines = [n for n in result.notes if n.startswith("A formatting change by Sam Patel")]
    assert len(lines) == 1 and label in lines[0] and "comply with competition law" in lines[0]
    assert f"section:{competition}" not in {p.target for p in result.plans}  # reported, never proposed


def test_a_worked_example_edited_in_libreoffice_is_a_report_line_not_a_proposal(ws: Workspace,
                                                                                files: dict[str, Path]) -> None:
    result = ws.returned.import_file(ALLIANCE, files["clean"], {"Sam Patel": "Hope Street"}, dry_run=True)
    lines = [n for n in result.notes if "worked example" in n]
    assert lines == ["The change of the worked example of an overspend of 5%: Hope Street Wellbeing's share to "
                     "'(£100,000)' by Hope Street Wellbeing was not imported: it is worked out by the app from the "
                     "risk share, the corridor and the annual value; propose a change to those instead."]
    assert not any(p.target.startswith("example") or "worked example" in p.label for p in result.plans)
