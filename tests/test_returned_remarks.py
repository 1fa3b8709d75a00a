"""What a counterparty says in Word without changing the wording comes home: a comment on a clause is
that party's remark, recorded and sent out again; accepting or rejecting another party's tracked change
is its position on that proposal, shown in the positions matrix."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput
from negotiator.domain.positions import Stance
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace
from negotiator.word.importer import read_returned

from .word_edits import WordEdit

FEDERATION = "Northshire Primary Care Federation"
TRUST = "Northshire Community Health NHS Trust"
HOPE = "Hope Street Wellbeing"


@pytest.fixture
def ws(demo_library: Path | str) -> Workspace:
    opened = open_workspace(demo_library, "Test Drafter")
    opened.act_as("Northshire ICB")
    yield opened
    opened.close()


def _section(ws: Workspace, key: str) -> int:
    agreement = ws.agreements.agreement(ALLIANCE).id
    return next(n.section.id for n in ws.outline.outline(agreement) if n.section.clause_key == key)


def _open(ws: Workspace, party: str, target: str) -> int:
    return next(v.proposal.id for v in ws.negotiation.proposals(ALLIANCE)
                if v.proposal.is_open and v.proposal.party_name == party and v.proposal.target == target)


def _row(ws: Workspace, target: str):
    positions = ws.matrix.positions(ALLIANCE)
    row = next(r for r in positions.rows if r.target == target)
    return {party.name: cell for party, cell in zip(positions.parties, row.cells, strict=True)}, row


def test_a_comment_on_an_unchanged_clause_is_the_partys_remark_and_goes_out_again(ws: Workspace,
                                                                                tmp_path: Path) -> None:
    quorum = _section(ws, "alliance.board.quorum")
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "open")
    edit = WordEdit(out)
    edit.comment(f"s{quorum}.p1", "Can the Board meet online?", "Jane Smith")
    edit.save()

    result = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "GP Federation"})
    assert [(p.kind, p.party, p.target) for p in result.plans] == [("remark", FEDERATION, f"section:{quorum}")]
    assert not any("Can the Board meet online?" in note for note in result.notes)  # said once: as the remark
    remark, = ws.remarks.remarks(ALLIANCE)
    assert (remark.party_name, remark.section_id, remark.text, remark.source) == \
        (FEDERATION, quorum, "Can the Board meet online?", "redline.docx")

    again = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "GP Federation"})
    assert again.plans == [] and len(ws.remarks.remarks(ALLIANCE)) == 1
    assert any("recorded already" in note for note in again.notes)

    # The next redline since that round carries it as a comment in the Federation's name.
    later = tmp_path / "later.docx"
    ws.export.export_redline(ALLIANCE, later, "Draft 2", "open")
    said = [p for p in read_returned(later).paragraphs if p.anchor == f"s{quorum}"]
    assert (FEDERATION, "Can the Board meet online?") in said[0].comments


@pytest.mark.parametrize("accept", [True, False], ids=["accepted", "rejected"])
def test_deciding_another_partys_tracked_change_in_word_is_a_position_on_it(ws: Workspace, tmp_path: Path,
                                                                            accept: bool) -> None:
    """Hope Street Wellbeing's reader accepts (or rejects) the Federation's change to dispute resolution."""
    disputes = _section(ws, "alliance.disputes.escalation")
    proposal = _open(ws, FEDERATION, f"section:{disputes}")
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "open")
    edit = WordEdit(out)
    changed = [a for a in read_returned(out).export_info["changes"][0]["anchors"]]
    for anchor in changed:
        edit.decide(anchor, accept)
    edit.save()

    result = ws.returned.import_file(ALLIANCE, out, {}, untracked_as="Hope Street Wellbeing")
    assert [(p.kind, p.party, p.target, p.proposed) for p in result.plans] == \
        [("position", "Hope Street Wellbeing", f"proposal:{proposal}", "supports" if accept else "opposes")]
    assert not any("tracking switched off" in note for note in result.notes)
    cells, row = _row(ws, f"section:{disputes}")
    assert cells["Hope Street Wellbeing"].stance is (Stance.SUPPORTS if accept else Stance.OPPOSES)
    assert cells["Hope Street Wellbeing"].proposal_id == proposal
    assert row.converged is accept  # every party that has spoken agrees only when it accepted
    assert ws.negotiation.proposal(proposal).is_open  # a position decides nothing

    again = ws.returned.import_file(ALLIANCE, out, {}, untracked_as="Hope Street Wellbeing")
    assert again.plans == [] and len(ws.remarks.positions(ALLIANCE)) == 1


def test_rejecting_a_term_change_opposes_it_and_the_reader_is_the_files_counterparty(ws: Workspace,
                                                                                   tmp_path: Path) -> None:
    """The Trust's redline (its own proposals as changes) comes back from the Federation with the corridor
    change rejected and a wording change of its own: the Federation opposes the Trust's corridor."""
    corridor = _open(ws, TRUST, "risk_share.corridor")
    quorum = _section(ws, "alliance.board.quorum")
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", f"party:{TRUST}")
    edit = WordEdit(out)
    edit.decide("corridor", accept=False)
    edit.replace_words(f"s{quorum}.p1", "10 Working Days", "5 Working Days", "Jane Smith")
    edit.save()

    result = ws.returned.import_file(ALLIANCE, out, {"Jane Smith": "GP Federation"})
    kinds = sorted((p.kind, p.party, p.target) for p in result.plans)
    assert kinds == [("position", FEDERATION, f"proposal:{corridor}"), ("wording", FEDERATION, f"section:{quorum}")]
    cells, row = _row(ws, "risk_share.corridor")
    assert cells[FEDERATION].stance is Stance.PROPOSES  # its own rival proposal (1%) is its stand on the item
    assert row.converged is False
    assert ws.matrix.positions(ALLIANCE)  # the matrix still builds with positions on rival proposals
    taken, = ws.remarks.positions(ALLIANCE)
    assert (taken.party_name, taken.proposal_id, taken.supports) == (FEDERATION, corridor, False)


def test_a_decision_the_file_cannot_attribute_is_noted_not_guessed(ws: Workspace, tmp_path: Path) -> None:
    disputes = _section(ws, "alliance.disputes.escalation")
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "open")
    edit = WordEdit(out)
    for anchor in read_returned(out).export_info["changes"][0]["anchors"]:
        edit.decide(anchor, accept=False)
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {}, dry_run=True)
    assert result.plans == []
    assert any(f"proposal {_open(ws, FEDERATION, f'section:{disputes}')}" in note and "rejected" in note
               and "--untracked-as" in note for note in result.notes)


def test_positions_and_remarks_are_refused_where_they_would_mean_nothing(ws: Workspace) -> None:
    disputes = _section(ws, "alliance.disputes.escalation")
    proposal = _open(ws, FEDERATION, f"section:{disputes}")
    with pytest.raises(InvalidInput, match="own"):
        ws.remarks.take_position(ALLIANCE, proposal, FEDERATION, supports=True)
    with pytest.raises(InvalidInput, match="empty"):
        ws.remarks.remark(ALLIANCE, f"section:{disputes}", "   ", FEDERATION)
    with pytest.raises(InvalidInput, match="neither a section nor a term"):
        ws.remarks.remark(ALLIANCE, "payment.colour", "Blue", FEDERATION)
    assert ws.remarks.remarks(ALLIANCE) == [] and ws.remarks.positions(ALLIANCE) == []


def test_a_comment_on_an_unchanged_schedule_cell_is_a_remark_on_that_term(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "open")
    edit = WordEdit(out)
    edit.comment("term.payment.days", "Thirty days is hard for a small charity.", "Sam Jones")
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {"Sam Jones": "Hope Street"})
    assert [(p.kind, p.target, p.label) for p in result.plans] == \
        [("remark", "payment.days", "remark on the schedule's \u201cInvoices paid within\u201d")]
    later = tmp_path / "later.docx"
    ws.export.export_redline(ALLIANCE, later, "Draft 2", "agreed")
    cell = next(p for p in read_returned(later).paragraphs if p.anchor == "term.payment.days")
    assert ("Hope Street Wellbeing", "Thirty days is hard for a small charity.") in cell.comments


def test_rejecting_an_accepted_change_in_word_is_noted_not_read_as_an_edit(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 1", "agreed")
    changes = read_returned(out).export_info["changes"]
    assert changes, "the demo accepts proposals after Draft 1"
    decided = changes[0]
    edit = WordEdit(out)
    for anchor in decided["anchors"]:
        edit.decide(anchor, accept=False)
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {}, untracked_as="Hope Street", dry_run=True)
    assert result.plans == []
    assert any(f"proposal {decided['proposal']}" in note and "already accepted" in note for note in result.notes)
    assert not any("tracking switched off" in note for note in result.notes)


@pytest.mark.parametrize(("field", "changes"), [
    ("changes", "not a list"), ("changes", [1, "two", None]), ("changes", [{"proposal": "1", "anchors": {}}]),
    ("changes", [{"proposal": 1, "anchors": ["s1.p1"]}]), ("changes", [{"proposal": 1, "anchors": {"s1.p1": 7}}]),
    ("changes", [{"proposal": 10**30, "anchors": {"nowhere": "x"}}]), ("anchors", ["s1.p1", 3]),
    ("anchors", {"s1.p1": None, "7": 7}), ("comments", {"x": 1})])
def test_a_tampered_record_of_the_export_is_passed_over(ws: Workspace, tmp_path: Path, field: str, changes) -> None:
    """The export's record travels in the file, so a counterparty (or its tools) can alter it: the import
    still reads the file, and a tampered record decides nothing."""
    import json
    import zipfile

    from lxml import etree

    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "open")
    with zipfile.ZipFile(out) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, data in parts.items():
        if name.lower().startswith("customxml/item") and b"Negotiator" in data:
            root = etree.fromstring(data)
            info = json.loads(root.text)
            info[field] = changes
            root.text = json.dumps(info)
            parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = ws.returned.import_file(ALLIANCE, out, {}, untracked_as="Hope Street", dry_run=True)
    assert result.plans == []


def test_deciding_rival_alternatives_in_word_is_a_position_on_each(ws: Workspace, tmp_path: Path) -> None:
    """The Federation's reader rejects Hope Street's bracketed alternative and accepts the Trust's."""
    conflicts = _section(ws, "alliance.conflicts-of-interest")
    hope, trust = _open(ws, HOPE, f"section:{conflicts}"), _open(ws, TRUST, f"section:{conflicts}")
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "open")
    edit = WordEdit(out)
    paragraph = next(a for c in read_returned(out).export_info["changes"] if c["proposal"] == hope
                     for a in c["anchors"])
    edit.decide(paragraph, accept=False, author=HOPE)
    edit.decide(paragraph, accept=True, author=TRUST)
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {}, untracked_as="GP Federation")
    assert sorted((p.target, p.proposed) for p in result.plans) == [(f"proposal:{hope}", "opposes"),
                                                                     (f"proposal:{trust}", "supports")]
    assert not any("tracking switched off" in note for note in result.notes)
