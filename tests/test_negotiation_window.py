"""Negotiating in the window: acting for a party, proposing, deciding with undo, rounds, the
positions matrix and the side-by-side comparison."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from negotiator.services.demo_titles import ALLIANCE
from negotiator.ui.dialogs.reason_dialog import ReasonDialog
from negotiator.ui.models.positions_model import TARGET_ROLE
from negotiator.ui.window.main_window import MainWindow

from .windows import answer_question, open_window


@pytest.fixture
def window(qtbot, demo_path: Path) -> MainWindow:
    return open_window(qtbot, demo_path, ALLIANCE)


def _section(window: MainWindow, key: str) -> int:
    agreement = window.agreements.current
    return next(n.section.id for n in window.workspace.outline.outline(agreement) if n.section.clause_key == key)


def _error(window: MainWindow) -> str:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes
    return boxes[-1].text()


def test_the_acting_party_shows_in_the_title_and_is_remembered(window: MainWindow, qtbot, tmp_path: Path) -> None:
    assert window.set_acting_party("GP Federation")
    assert window.windowTitle().endswith("acting for Northshire Primary Care Federation")
    location = window.workspace.location
    again = MainWindow("Test Drafter")
    qtbot.addWidget(again)
    again.open_library(location)
    assert again.acting_party == "Northshire Primary Care Federation"
    assert not window.set_acting_party("Nobody Ltd") and "Nobody Ltd" in _error(window)


def test_proposing_needs_an_acting_party(window: MainWindow) -> None:
    assert window.acting_party == ""  # a library copied afresh: nobody was acted for in it
    window.negotiation.propose({"kind": "term", "term": "payment.days", "value": "20", "rationale": "r"})
    assert "Act For" in _error(window)


def test_propose_accept_undo_redo_in_the_proposals_panel(window: MainWindow, qtmodeltester) -> None:
    window.set_acting_party("Hope Street")
    window.negotiation.propose({"kind": "term", "term": "payment.days", "value": "20",
                                "rationale": "Cash flow for a small charity"})
    window.negotiation.panel.all.setChecked(True)
    panel = window.negotiation.panel
    qtmodeltester.check(panel.model)
    made = max(panel.model.row_item(r).proposal.id for r in range(panel.model.rowCount()))
    panel.select(made)
    window.set_acting_party("Northshire ICB")
    panel.select(made)
    panel.buttons["accept"].click()
    reason = window.findChild(ReasonDialog, "reasonDialog")
    assert reason.isVisible() and window.workspace.agreements.terms(ALLIANCE).payment.days == 30  # not yet
    reason.reason.setText("Twenty days helps a small charity and costs the ICB nothing.")
    reason.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.workspace.agreements.terms(ALLIANCE).payment.days == 20
    row = next(r for r in range(panel.model.rowCount()) if panel.model.row_item(r).proposal.id == made)
    assert panel.model.index(row, 6).data() == "Twenty days helps a small charity and costs the ICB nothing."
    assert "Accepted by NHS Northshire Integrated Care Board" in panel.model.index(row, 0).data(
        Qt.ItemDataRole.ToolTipRole)
    assert window.actions_by_id["edit.undo"].text() == "&Undo Accept proposal"
    window.actions_by_id["edit.undo"].trigger()
    assert window.workspace.agreements.terms(ALLIANCE).payment.days == 30
    assert window.workspace.negotiation.proposal(made).is_open
    window.actions_by_id["edit.redo"].trigger()
    assert window.workspace.agreements.terms(ALLIANCE).payment.days == 20


def test_an_invalid_term_proposal_is_refused_in_a_dialog(window: MainWindow) -> None:
    window.set_acting_party("Hope Street")
    before = len(window.workspace.negotiation.proposals(ALLIANCE))
    window.negotiation.propose({"kind": "term", "term": "payment.days", "value": "0", "rationale": "r"})
    assert "1 to 365" in _error(window)
    assert len(window.workspace.negotiation.proposals(ALLIANCE)) == before


def test_the_positions_matrix_shows_competing_positions(window: MainWindow, qtmodeltester) -> None:
    window.views.show_positions()
    model = window.views.positions_model
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    assert headers[0] == "Item" and "Community Trust" in headers and headers[-1] == "Converged"
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Risk corridor")
    trust, gps = headers.index("Community Trust"), headers.index("GP Federation")
    assert model.index(row, trust).data() == "proposes: 3%" and model.index(row, gps).data() == "proposes: 1%"
    assert model.index(row, len(headers) - 1).data() == "no"
    window.views.positions.setCurrentIndex(model.index(row, 0))
    assert window.negotiation.target == "risk_share.corridor"
    assert window.negotiation.panel.model.rowCount() == 2


def test_n_way_comparison_shows_the_competing_wordings(window: MainWindow) -> None:
    ws = window.workspace
    hope = next(v.proposal.id for v in ws.negotiation.proposals(ALLIANCE)
                if v.proposal.party_name == "Hope Street Wellbeing" and v.proposal.is_open)
    window.views.compare_proposal(hope)
    panes = window.views.compare_panel.view.panes()
    assert window.central.currentWidget() is window.views.compare_panel
    assert len(panes) == 3
    assert any("at least every three months" in p.toPlainText() for p in panes)
    assert any("each Alliance Member's website" in p.toPlainText() for p in panes)
    titles = [t.text() for t in window.views.compare_panel.view.titles()]
    assert "Hope Street Wellbeing" in titles and "Northshire Community Health NHS Trust" in titles


def test_n_way_comparison_of_competing_term_values(window: MainWindow) -> None:
    ws = window.workspace
    corridor = next(v.proposal.id for v in ws.negotiation.proposals(ALLIANCE)
                    if v.proposal.target == "risk_share.corridor" and v.proposal.is_open)
    window.views.compare_proposal(corridor)
    texts = [p.toPlainText() for p in window.views.compare_panel.view.panes()]
    assert texts == ["2%", "3%", "1%"]
    assert window.views.compare_panel.caption.text() == "Comparing Risk corridor"  # the term in words


def test_comparing_two_chosen_texts_side_by_side(window: MainWindow) -> None:
    window.agreements.view.select_section(_section(window, "alliance.board.quorum"))
    window.views.show_compare()
    panel = window.views.compare_panel
    labels = [t.label for t in panel.texts]
    panel.choose(labels.index(next(lab for lab in labels if lab.startswith("Draft 1"))),
                 labels.index(next(lab for lab in labels if lab.startswith("Section version 2"))))
    left, right = panel.view.panes()[:2]
    assert "two months" in left.toPlainText() and "a month" in right.toPlainText()
    assert "line-through" in left.toHtml() and "underline" in right.toHtml()


def test_issuing_a_round_and_undoing_it(window: MainWindow) -> None:
    window.set_acting_party("Northshire ICB")
    window.negotiation.issue_round("Draft 3")
    assert [r.label for r in window.workspace.rounds.rounds(ALLIANCE)][-1] == "Draft 3"
    window.actions_by_id["edit.undo"].trigger()
    assert "Draft 3" not in [r.label for r in window.workspace.rounds.rounds(ALLIANCE)]
    window.actions_by_id["edit.redo"].trigger()
    assert "Draft 3" in [r.label for r in window.workspace.rounds.rounds(ALLIANCE)]
    window.negotiation.issue_round("Draft 3")
    assert "already has a round" in _error(window)


def test_a_stale_proposal_is_shown_against_its_base_the_current_wording_and_rebased(window: MainWindow) -> None:
    stale = next(v for v in window.workspace.negotiation.proposals(ALLIANCE) if v.stale)
    window.views.compare_proposal(stale.proposal.id)
    panes = window.views.compare_panel.view.panes()
    assert len(panes) == 4
    assert panes[0].toPlainText() == stale.proposal.base
    assert panes[1].toPlainText() == stale.current and panes[3].toPlainText() == stale.rebased
    assert "does not overlap" in window.views.compare_panel.caption.text()


def test_proposing_to_move_a_section(window: MainWindow) -> None:
    window.set_acting_party("Community Trust")
    ws = window.workspace
    outline = ws.outline.outline(window.agreements.current)
    last = outline[-1].section.id
    window.agreements.view.select_section(last)
    window.negotiation.propose({"kind": "move", "after": None, "rationale": "Boilerplate first"})
    made = max(v.proposal.id for v in ws.negotiation.proposals(ALLIANCE))
    window.set_acting_party("Northshire ICB")
    window.negotiation.decide(made, "accept", reason="")
    assert ws.outline.outline(window.agreements.current)[0].section.id == last
    window.actions_by_id["edit.undo"].trigger()
    assert ws.outline.outline(window.agreements.current)[-1].section.id == last


def test_the_act_for_list_starts_with_the_open_agreements_parties_and_their_roles(window: MainWindow) -> None:
    dialog = window.act_for()
    items = dialog.comboBoxItems()
    assert items[:5] == ["NHS Northshire Integrated Care Board — Commissioner",
                         "Northshire County Council — Commissioner",
                         "Northshire Community Health NHS Trust — Alliance member",
                         "Northshire Primary Care Federation — Alliance member",
                         "Hope Street Wellbeing — Alliance member"]
    assert sorted(items[5:]) == ["Active Physio CIC", "Meridian MSK Partnership Ltd",
                                 "Northshire Hospitals NHS Foundation Trust"]  # the library's other parties after
    dialog.setTextValue(items[3])
    dialog.accept()
    assert window.acting_party == "Northshire Primary Care Federation"
    assert window.windowTitle().endswith("acting for Northshire Primary Care Federation")
    assert window.act_for().textValue() == items[3]  # the party acted for is offered first next time


def test_replacing_your_own_proposal_asks_first_and_undo_brings_it_back(window: MainWindow, qtbot) -> None:
    ws = window.workspace
    window.set_acting_party("Community Trust")
    earlier = next(v.proposal for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.is_open
                   and v.proposal.target == "risk_share.corridor" and v.proposal.party_name.endswith("Trust"))
    values = {"kind": "term", "term": "risk_share.corridor", "value": "2.5", "rationale": "Meet in the middle."}
    seen: list[str] = []
    answer_question(QMessageBox.StandardButton.No, seen)
    window.negotiation.propose(dict(values))
    assert seen == [f"You already propose a new value for Risk corridor (proposal {earlier.id}) on this. "
                    "Replace that proposal with this one?"]
    assert ws.negotiation.proposal(earlier.id).is_open and not window.undo_stack.canUndo()  # No: nothing made

    answer_question(QMessageBox.StandardButton.Yes, seen)
    window.negotiation.propose(dict(values))
    made = max(v.proposal.id for v in ws.negotiation.proposals(ALLIANCE))
    assert ws.negotiation.proposal(made).proposed == "2.5" and ws.negotiation.proposal(made).is_open
    assert ws.negotiation.proposal(earlier.id).status.value == "superseded"

    window.actions_by_id["edit.undo"].trigger()
    assert ws.negotiation.proposal(made).status.value == "withdrawn"
    assert ws.negotiation.proposal(earlier.id).is_open  # the Trust's earlier position stands again
    window.actions_by_id["edit.redo"].trigger()
    assert ws.negotiation.proposal(earlier.id).status.value == "superseded"
    again = [v.proposal for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.is_open
             and v.proposal.target == "risk_share.corridor" and v.proposal.party_name.endswith("Trust")]
    assert [p.proposed for p in again] == ["2.5"]
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_a_rejection_asks_for_a_reason_and_cancel_decides_nothing(window: MainWindow) -> None:
    ws = window.workspace
    window.set_acting_party("Northshire ICB")
    hope = next(v.proposal.id for v in ws.negotiation.proposals(ALLIANCE)
                if v.proposal.party_name == "Hope Street Wellbeing" and v.proposal.is_open)
    asked = window.negotiation.decide(hope, "reject")
    assert isinstance(asked, ReasonDialog) and "rejects proposal" in asked.findChild(QLabel).text()
    asked.reject()
    assert ws.negotiation.proposal(hope).is_open and not window.undo_stack.canUndo()

    asked = window.negotiation.decide(hope, "reject")
    asked.reason.setText("The Board reviews the register every month already.")
    asked.accept()
    decided = ws.negotiation.proposal(hope)
    assert decided.status.value == "rejected"
    assert decided.decision_note == "The Board reviews the register every month already."
    window.actions_by_id["edit.undo"].trigger()
    assert ws.negotiation.proposal(hope).is_open


def test_remarks_and_positions_from_a_returned_file_show_in_the_panel_and_the_matrix(window: MainWindow,
                                                                                     tmp_path: Path) -> None:
    """A returned file with a comment on the quorum clause and the Federation's dispute change rejected."""
    from .word_edits import WordEdit

    ws = window.workspace
    window.set_acting_party("Northshire ICB")
    quorum, disputes = _section(window, "alliance.board.quorum"), _section(window, "alliance.disputes.escalation")
    out = tmp_path / "returned.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "open")
    from negotiator.word.importer import read_returned

    shown = next(c for c in read_returned(out).export_info["changes"]
                 if c["party"] == "Northshire Primary Care Federation")  # its change to dispute resolution
    edit = WordEdit(out)
    edit.comment(f"s{quorum}.p1", "Can the Board meet online?", "Sam Jones")
    for anchor in shown["anchors"]:
        edit.decide(anchor, accept=False)
    edit.save()
    ws.returned.import_file(ALLIANCE, out, {"Sam Jones": "Hope Street"})
    window.refresh_negotiation()  # as the window does after its own import

    panel = window.negotiation.panel
    window.negotiation.set_target(f"section:{quorum}")
    assert panel.remarks.isVisibleTo(window) and panel.remarks.count() == 1
    assert "Hope Street Wellbeing" in panel.remarks.item(0).text() and "meet online" in panel.remarks.item(0).text()
    window.negotiation.set_target(f"section:{disputes}")
    assert not panel.remarks.isVisibleTo(window)  # remarks are shown where they were made
    positions = panel.model.headers.index("Positions")
    row = next(r for r in range(panel.model.rowCount()) if panel.model.row_item(r).proposal.id == shown["proposal"])
    assert panel.model.index(row, positions).data() == "Hope Street Wellbeing opposes"

    window.views.show_positions()
    model = window.views.positions_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(TARGET_ROLE) == f"section:{disputes}")
    assert model.index(row, headers.index("Hope Street")).data().startswith(f"opposes proposal {shown['proposal']}")
    assert model.index(row, len(headers) - 1).data() == "no"


def test_the_matrix_keeps_its_item_column_in_view_and_exports_in_words(window: MainWindow, qtbot,
                                                                       tmp_path: Path) -> None:
    import csv

    from .libreoffice import libreoffice_read

    window.resize(1024, 600)
    window.views.show_positions()
    table = window.views.positions
    qtbot.waitUntil(lambda: table.isVisible())
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    frozen = table.frozen
    assert frozen.isVisible() and not frozen.isColumnHidden(0)
    assert all(frozen.isColumnHidden(c) for c in range(1, window.views.positions_model.columnCount()))
    assert frozen.geometry().left() == table.viewport().x()  # over the first column, whatever the scroll

    window.actions_by_id["negotiation.export_positions"].menu()  # the action is in the Negotiation menu
    written = window.views.export_positions(tmp_path / "positions.csv")
    with written.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    header = rows[0]
    assert header[0] == "Item" and header[-1] == "Converged" and "Hope Street Wellbeing" in header
    corridor = next(r for r in rows if r[0] == "Risk corridor")
    assert corridor[header.index("Northshire Community Health NHS Trust")] == "proposes: 3%"
    assert not any("risk_share" in cell or "section:" in cell for row in rows for cell in row)

    document = window.views.export_positions(tmp_path / "positions.docx")
    read = libreoffice_read(document)
    assert "Risk corridor" in read["accepted"] and "proposes: 3%" in read["accepted"]
    assert window.views.export_positions(tmp_path / "positions.txt") is None  # refused, saying why
