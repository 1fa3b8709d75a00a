"""A redline goes out, comes back edited in Word by a counterparty, and its changes come home as
that party's proposals; nothing is accepted by importing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_session, open_workspace

from .test_cli import negotiator
from .word_edits import WordEdit


@pytest.fixture
def ws(demo_library: Path | str) -> Workspace:
    opened = open_workspace(demo_library, "Test Drafter")
    yield opened
    opened.close()


def _anchor(ws: Workspace, key: str, paragraph: int = 1) -> tuple[int, str]:
    agreement = ws.agreements.agreement(ALLIANCE).id
    section = next(n.section for n in ws.outline.outline(agreement) if n.section.clause_key == key)
    return section.id, f"s{section.id}.p{paragraph}"


@pytest.fixture
def returned(ws: Workspace, tmp_path: Path) -> tuple[Path, dict]:
    """The agreed redline since Draft 2, edited by Jane Smith of the GP Federation in Word."""
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", "Northshire ICB")
    quorum, quorum_p1 = _anchor(ws, "alliance.board.quorum")
    sharing, sharing_p2 = _anchor(ws, "alliance.information.sharing", 2)
    objectives, objectives_p1 = _anchor(ws, "alliance.objectives")
    edit = WordEdit(out)
    edit.replace_words(quorum_p1, "10 Working Days", "5 Working Days", "Jane Smith")
    edit.replace_words("term.payment.days", "thirty (30) days", "twenty (20) days", "Jane Smith")
    edit.untracked(sharing_p2, "Schedule 6", "Schedule 7")
    edit.format_change(objectives_p1, "Jane Smith")
    edit.save()
    return out, {"quorum": quorum, "sharing": sharing}


def test_tracked_changes_come_back_as_the_mapped_partys_proposals(ws: Workspace, returned) -> None:
    path, sections = returned
    result = ws.returned.import_file(ALLIANCE, path, {"Jane Smith": "GP Federation"}, "GP Federation")
    plans = {p.target: p for p in result.plans}
    quorum = plans[f"section:{sections['quorum']}"]
    assert quorum.party == "Northshire Primary Care Federation"
    assert "within 5 Working Days of a written request" in quorum.proposed
    assert plans["payment.days"].proposed == "20"
    sharing = plans[f"section:{sections['sharing']}"]
    assert "Schedule 7" in sharing.proposed and "tracking switched off" in sharing.warning
    assert any("formatting change" in note for note in result.notes)
    proposals = {v.proposal.id: v.proposal for v in ws.negotiation.proposals(ALLIANCE)}
    assert all(proposals[i].is_open and proposals[i].party_name == "Northshire Primary Care Federation"
               for i in result.made)
    assert ws.agreements.terms(ALLIANCE).payment.days == 30  # nothing is accepted by importing


def test_importing_the_same_file_again_adds_nothing(ws: Workspace, returned) -> None:
    path, _ = returned
    first = ws.returned.import_file(ALLIANCE, path, {"Jane Smith": "GP Federation"}, "GP Federation")
    count = len(ws.negotiation.proposals(ALLIANCE))
    again = ws.returned.import_file(ALLIANCE, path, {"Jane Smith": "GP Federation"}, "GP Federation")
    assert len(first.made) >= 3 and again.plans == [] and again.made == []
    assert len(ws.negotiation.proposals(ALLIANCE)) == count
    assert sum("proposed this already" in note for note in again.notes) == len(first.made)


def test_nothing_the_counterparty_did_is_dropped_without_a_word(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", "Northshire ICB")
    quorum, _ = _anchor(ws, "alliance.board.quorum")
    edit = WordEdit(out)
    edit.replace_words("closing", "not binding", "never binding", "Jane Smith")  # in the closing paragraphs
    edit.untracked(f"s{quorum}", "quorum", "quoracy")  # a heading, edited with tracking off
    edit.untracked("term.payment.days", "thirty (30) days", "forty (40) days")  # a term cell, likewise
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "GP Federation"}, dry_run=True)
    notes = "\n".join(result.notes)
    assert "A change by Jane Smith in the closing paragraphs" in notes and "never binding" in notes
    assert "tracking switched off in the heading of" in notes and "quoracy" in notes
    assert 'tracking switched off in the terms schedule: the row "Invoices paid within"' in notes
    assert "forty (40)" in notes and "payment.days" not in notes  # the term in the agreement's words


def test_a_changed_loss_cap_comes_home_as_a_term_proposal_named_in_words(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", "Northshire ICB")
    agreement = ws.agreements.agreement(ALLIANCE)
    ids = {party.name: pid for pid, party in ws.agreements.parties_of(agreement).items()}
    edit = WordEdit(out)
    edit.replace_words(f"term.share.{ids['Hope Street Wellbeing']}", "£250,000", "£0.3m", "Jane Smith")
    edit.replace_words(f"term.share.{ids['Northshire Primary Care Federation']}", "No cap", "300k", "Jane Smith")
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "GP Federation"})
    caps = {p.label: p for p in result.plans if p.kind == "term"}
    assert set(caps) == {"Hope Street Wellbeing's cap on losses", "Northshire Primary Care Federation's cap on losses"}
    made = {v.proposal.target: v.proposal for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.id in result.made}
    assert {target: p.proposed for target, p in made.items()} == {"risk_share.hope-street.cap": "£300,000",
                                                                  "risk_share.gp-federation.cap": "£300,000"}
    assert not any("share." in note for note in result.notes)  # never an internal id


def test_rebalanced_shares_and_the_corridor_come_home_as_proposals(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", "Northshire ICB")
    agreement = ws.agreements.agreement(ALLIANCE)
    ids = {party.name: pid for pid, party in ws.agreements.parties_of(agreement).items()}
    trust, gps = ids["Northshire Community Health NHS Trust"], ids["Northshire Primary Care Federation"]
    edit = WordEdit(out)
    edit.replace_words(f"term.share.{trust}.gain", "50%", "45%", "Jane Smith")  # shares that total 100%
    edit.replace_words(f"term.share.{gps}.gain", "30%", "35%", "Jane Smith")  # only together
    before = ws.agreements.terms(ALLIANCE).risk_share.corridor
    edit.replace_words("corridor", f"{before.normalize()}%", "3%", "Jane Smith")
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "GP Federation"})
    made = {v.proposal.kind.value: v.proposal for v in ws.negotiation.proposals(ALLIANCE)
            if v.proposal.id in result.made}
    assert made["terms"].term_values() == {"risk_share.community-trust.gain": "45",
                                           "risk_share.gp-federation.gain": "35"}
    assert made["term"].target == "risk_share.corridor" and made["term"].proposed == "3"
    assert all(p.party_name == "Northshire Primary Care Federation" for p in made.values())


def test_an_unmapped_author_is_named_and_nothing_is_imported(ws: Workspace, returned) -> None:
    path, _ = returned
    before = len(ws.negotiation.proposals(ALLIANCE))
    with pytest.raises(InvalidInput, match="'Jane Smith'.*--author-map"):
        ws.returned.import_file(ALLIANCE, path, {})
    assert len(ws.negotiation.proposals(ALLIANCE)) == before


def test_a_dry_run_changes_nothing(ws: Workspace, returned) -> None:
    path, _ = returned
    before = len(ws.negotiation.proposals(ALLIANCE))
    result = ws.returned.import_file(ALLIANCE, path, {"Jane Smith": "GP Federation"}, dry_run=True)
    assert result.plans and result.made == []
    assert len(ws.negotiation.proposals(ALLIANCE)) == before


def test_import_redline_from_the_command_line(demo_library: Path | str, returned) -> None:
    path, _ = returned
    result = negotiator("--library", demo_library, "import", "redline", ALLIANCE, path, "--author-map",
                        "Jane Smith=GP Federation", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["made"]) == len(data["proposals"]) >= 2
    assert any("formatting" in note for note in data["notes"])


def test_a_file_the_app_did_not_write_is_matched_by_heading(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "their-own.docx"
    ws.export.export_clean(ALLIANCE, out)
    edit = WordEdit(out)
    edit.strip_marks()
    edit.replace_words("extraordinary meeting within 10 Working Days", "10 Working Days", "7 Working Days",
                       "Sam Patel")
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {"Sam Patel": "Hope Street"}, dry_run=True)
    quorum, _ = _anchor(ws, "alliance.board.quorum")
    (plan,) = result.plans
    assert plan.target == f"section:{quorum}" and plan.party == "Hope Street Wellbeing"
    assert "within 7 Working Days" in plan.proposed
    assert any("matched to section 5.1 by heading" in note for note in result.notes)


def test_a_new_heading_and_paragraph_become_a_proposed_new_section(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", "Northshire ICB")
    sharing, last = _anchor(ws, "alliance.information.sharing", 3)
    edit = WordEdit(out)
    edit.insert_paragraphs_after(last, [("Heading1", "Data protection officer"),
                                        ("", "Each Alliance Member will name a data protection officer.")],
                                 "Jane Smith")
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "GP Federation"})
    (plan,) = [p for p in result.plans if p.kind == "new_section"]
    assert plan.heading == "Data protection officer" and plan.target == f"after:{sharing}"
    made = ws.negotiation.proposal(result.made[result.plans.index(plan)])
    assert made.kind.value == "add_section" and made.heading == "Data protection officer"
    assert made.proposed == "Each Alliance Member will name a data protection officer."
    assert made.party_name == "Northshire Primary Care Federation"


@pytest.mark.parametrize("typed", ["as Word marks it", "as LibreOffice marks it"])
def test_a_new_clause_is_one_new_section_however_its_paragraph_marks_are_recorded(ws: Workspace, tmp_path: Path,
                                                                                  typed: str) -> None:
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", "Northshire ICB")
    sharing, last = _anchor(ws, "alliance.information.sharing", 3)
    edit = WordEdit(out)
    typing = edit.insert_paragraphs_after if typed == "as Word marks it" else edit.type_after_as_libreoffice
    typing(last, [("Heading1", "Data protection officer"),
                  ("", "Each Alliance Member will name a data protection officer."),
                  ("", "The officers meet each quarter.")], "Jane Smith")
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "GP Federation"}, dry_run=True)
    (plan,) = result.plans  # the new section alone: nothing is proposed for the clause it follows
    assert (plan.kind, plan.heading, plan.target) == ("new_section", "Data protection officer", f"after:{sharing}")
    assert plan.proposed == ("Each Alliance Member will name a data protection officer.\n\n"
                             "The officers meet each quarter.")


def test_a_later_return_adds_only_what_is_new_and_an_altered_change_replaces_its_earlier_proposal(
        ws: Workspace, tmp_path: Path) -> None:
    quorum, quorum_p1 = _anchor(ws, "alliance.board.quorum")
    sent = tmp_path / "sent.docx"
    ws.export.export_redline(ALLIANCE, sent, "Draft 2", "agreed", "Northshire ICB")
    for name, days in (("first.docx", "5 Working Days"), ("later.docx", "7 Working Days")):
        (tmp_path / name).write_bytes(sent.read_bytes())  # each return starts from the file we sent
        edit = WordEdit(tmp_path / name)
        edit.replace_words(quorum_p1, "10 Working Days", days, "Jane Smith")
        edit.replace_words("term.payment.days", "thirty (30) days", "twenty (20) days", "Jane Smith")
        edit.save()
    first = ws.returned.import_file(ALLIANCE, tmp_path / "first.docx", {"Jane Smith": "GP Federation"})
    later = ws.returned.import_file(ALLIANCE, tmp_path / "later.docx", {"Jane Smith": "GP Federation"})
    assert len(first.made) == 2 and len(later.made) == 1  # the unchanged payment days are not proposed again
    earlier, altered = ws.negotiation.proposal(first.made[0]), ws.negotiation.proposal(later.made[0])
    assert earlier.target == altered.target == f"section:{quorum}"
    assert "7 Working Days" in altered.proposed and altered.is_open
    assert earlier.status.value == "superseded"  # the party's own earlier position, replaced


def test_a_file_exported_for_another_agreement_or_from_another_library_is_refused(ws: Workspace,
                                                                                  tmp_path: Path) -> None:
    other = next(a.title for a in ws.agreements.agreements() if a.title != ALLIANCE)
    out = tmp_path / "other.docx"
    ws.export.export_clean(other, out)
    before = len(ws.negotiation.proposals(ALLIANCE))
    with pytest.raises(InvalidInput, match=f"other.docx was exported from '{other}'.*Open '{other}'"):
        ws.returned.import_file(ALLIANCE, out, {})
    stranger = open_session(str(tmp_path / "stranger.sqlite"), "Someone Else", seed=True)  # its own demo
    try:
        theirs = tmp_path / "theirs.docx"
        stranger.export.export_clean(ALLIANCE, theirs)
    finally:
        stranger.close()
    with pytest.raises(InvalidInput, match="theirs.docx was exported from another library.*package"):
        ws.returned.import_file(ALLIANCE, theirs, {})
    assert len(ws.negotiation.proposals(ALLIANCE)) == before
