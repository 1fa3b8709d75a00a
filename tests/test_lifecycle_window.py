"""An agreement's life in the window: once a round is issued, the agreement's edits become proposals
(the Propose dialog opens with the change filled in); what no proposal can say is disabled, saying why;
an agreed agreement is frozen. The demo alliance has had two rounds, so it is under negotiation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from negotiator.domain.proposals import ProposalKind
from negotiator.services.demo_titles import ALLIANCE, PRIME
from negotiator.ui.dialogs.propose_dialog import ProposeDialog
from negotiator.ui.window.main_window import MainWindow

from .windows import answer_question, history_rows, open_window


@pytest.fixture
def window(qtbot, demo_path: Path) -> MainWindow:
    shown = open_window(qtbot, demo_path, ALLIANCE)
    assert shown.set_acting_party("GP Federation")
    return shown


def _section(window: MainWindow, key: str) -> int:
    outline = window.workspace.outline.outline(window.agreements.current)
    return next(n.section.id for n in outline if n.section.clause_key == key)


def _history(window: MainWindow) -> list[list[str]]:
    return history_rows(window)


def _errors(window: MainWindow) -> list[str]:
    return [b.text() for b in window.findChildren(QMessageBox) if b.isVisible() and b.objectName() == "errorDialog"]


def _own_open(window: MainWindow, party: str) -> list:
    return [v.proposal for v in window.workspace.negotiation.proposals(ALLIANCE)
            if v.proposal.party_name == party and v.proposal.is_open]


def _propose(dialog: ProposeDialog, rationale: str) -> None:
    dialog.rationale.setPlainText(rationale)
    dialog.propose_button.click()


def test_editing_the_wording_under_negotiation_proposes_it_instead(window: MainWindow) -> None:
    ws = window.workspace
    quorum = _section(window, "alliance.board.quorum")
    window.agreements.view.select_section(quorum)
    assert "In negotiation: changes are proposed" in window.agreements.view.stage.text()
    edit = window.actions_by_id["agreement.edit_section"]
    assert edit.text() == "Propose New &Wording…" and edit.isEnabled()
    version, before = ws.outline.section(quorum).version, len(_history(window))
    wording = ws.outline.section(quorum).text + " A quorum includes at least one provider."

    dialog = window.agreements.edit_section(wording)
    assert isinstance(dialog, ProposeDialog) and dialog.isVisible()
    assert dialog.kind.currentData() == "wording" and dialog.wording.toPlainText() == wording
    _propose(dialog, "Providers must be in the room when the Board decides.")

    assert not dialog.isVisible()
    made = _own_open(window, "Northshire Primary Care Federation")[-1]
    assert made.kind is ProposalKind.WORDING and made.proposed == wording and made.section_id == quorum
    assert ws.outline.section(quorum).version == version  # nothing changes until it is accepted
    rows = _history(window)
    assert len(rows) == before + 1
    assert rows[-1][2:] == ["Northshire Primary Care Federation", f"Made proposal {made.id}",
                            "Providers must be in the room when the Board decides."]
    window.actions_by_id["edit.undo"].trigger()
    assert not ws.negotiation.proposal(made.id).is_open


def test_a_refused_proposal_keeps_the_dialog_open_with_what_was_typed(window: MainWindow) -> None:
    window.agreements.view.select_section(_section(window, "alliance.board.quorum"))
    dialog = window.agreements.edit_section("The Board meets within {{payment.dayz}}.")
    _propose(dialog, "A typo in the placeholder.")
    assert dialog.isVisible() and dialog.wording.toPlainText() == "The Board meets within {{payment.dayz}}."
    assert "payment.dayz" in dialog.problem.text() and dialog.problem.isVisible()  # said inside the dialog
    assert dialog.rationale.toPlainText() == "A typo in the placeholder." and not _errors(window)
    assert not window.undo_stack.canUndo()


def test_removing_and_moving_a_section_become_proposals(window: MainWindow) -> None:
    ws = window.workspace
    outline = ws.outline.outline(window.agreements.current)
    tops = [n.section for n in outline if n.section.parent_id is None]
    window.agreements.view.select_section(tops[2].id)
    assert window.actions_by_id["agreement.move_up"].text() == "Propose Moving Section &Up…"
    move = window.agreements.move_up()
    assert move.kind.currentData() == "move" and move.after.currentData() == tops[0].id  # after the one before
    _propose(move, "The board comes before the money.")
    window.agreements.view.select_section(tops[3].id)
    removal = window.agreements.remove_section()
    assert removal.kind.currentData() == "remove"
    _propose(removal, "Covered elsewhere.")
    made = {p.kind: p for p in _own_open(window, "Northshire Primary Care Federation")}
    assert made[ProposalKind.MOVE_SECTION].section_id == tops[2].id
    assert made[ProposalKind.REMOVE_SECTION].section_id == tops[3].id
    assert [n.section.id for n in ws.outline.outline(window.agreements.current)] == [n.section.id for n in outline]

    window.set_acting_party("Northshire ICB")
    window.negotiation.decide(made[ProposalKind.MOVE_SECTION].id, "accept", reason="Agreed at the March board.")
    tops_now = [n.section.id for n in ws.outline.outline(window.agreements.current) if n.section.parent_id is None]
    assert tops_now[:3] == [tops[0].id, tops[2].id, tops[1].id]


def test_moving_the_first_section_up_is_explained_not_proposed(window: MainWindow) -> None:
    first = window.workspace.outline.outline(window.agreements.current)[0].section
    window.agreements.view.select_section(first.id)
    assert window.agreements.move_up() is None
    assert any("already the first section" in text for text in _errors(window))


def test_what_no_proposal_can_say_is_disabled_with_the_reason(window: MainWindow) -> None:
    window.agreements.view.select_section(_section(window, "alliance.board.quorum"))
    for action_id in ("agreement.indent", "agreement.outdent", "agreement.repin"):
        action = window.actions_by_id[action_id]
        assert not action.isEnabled() and action.toolTip().startswith("Not while under negotiation"), action_id
    assert "level" in window.actions_by_id["agreement.indent"].toolTip()
    assert window.actions_by_id["agreement.remove_section"].isEnabled()


def test_a_library_clause_is_proposed_as_a_new_section_after_the_selected_one(window: MainWindow) -> None:
    ws = window.workspace
    quorum = _section(window, "alliance.board.quorum")
    clause = ws.clauses.version("mou.costs")
    window.library_panel.select_key("mou.costs", ws.clauses.clause("mou.costs").category)
    window.agreements.panel.select(ws.agreements.agreement(ALLIANCE).id)
    window.agreements.view.select_section(quorum)
    add = window.actions_by_id["agreement.add_clause"]
    assert add.text() == "Propose &Library Clause…" and add.isEnabled()
    add.trigger()
    dialog = window.findChild(ProposeDialog, "proposeDialog")
    assert dialog.kind.currentData() == "new_section"
    assert (dialog.heading.text(), dialog.wording.toPlainText()) == (clause.title, clause.text)
    _propose(dialog, "Each party should carry its own costs.")
    made = _own_open(window, "Northshire Primary Care Federation")[-1]
    assert made.kind is ProposalKind.ADD_SECTION and made.heading == clause.title and made.place == f"after:{quorum}"


def test_applying_two_risk_share_cells_makes_one_combined_proposal(window: MainWindow) -> None:
    ws = window.workspace
    before = ws.agreements.terms(ALLIANCE)
    editor = window.agreements.view.terms_editor
    assert editor.apply_button.text() == "Propose…"
    model = editor.risk_model
    rows = {ws.agreements.find_party(name).id: name for name in ("Community Trust", "GP Federation")}
    for row in range(model.rowCount()):
        if model.party_id(row) in rows:
            model.setData(model.index(row, 1), "45" if rows[model.party_id(row)] == "Community Trust" else "35")
    assert editor.total_label.text() == "Gains 100% · Losses 100%"
    editor.apply_button.click()

    dialog = window.findChild(ProposeDialog, "proposeDialog")
    assert dialog.isVisible() and dialog.kind.currentData() == "risk_share"
    assert dialog.risk_share.total_label.text() == "Gains 100% · Losses 100%"
    _propose(dialog, "The Trust carries less of the gain while it mobilises.")
    made = _own_open(window, "Northshire Primary Care Federation")[-1]
    assert made.kind is ProposalKind.TERMS
    assert made.term_values() == {"risk_share.community-trust.gain": "45", "risk_share.gp-federation.gain": "35"}
    assert ws.agreements.terms(ALLIANCE) == before and not editor.has_unapplied_edits()

    window.set_acting_party("Northshire ICB")
    window.negotiation.decide(made.id, "accept", reason="")
    shares = {s.party_id: s.gain for s in ws.agreements.terms(ALLIANCE).risk_share.shares}
    assert [str(shares[pid]) for pid in rows] == ["45", "35"]
    window.actions_by_id["edit.undo"].trigger()
    assert ws.agreements.terms(ALLIANCE) == before


def test_one_changed_term_is_proposed_in_term_mode(window: MainWindow) -> None:
    editor = window.agreements.view.terms_editor
    editor.days.setValue(21)
    editor.apply_button.click()
    dialog = window.findChild(ProposeDialog, "proposeDialog")
    assert dialog.kind.currentData() == "term"
    assert (dialog.term.currentData(), dialog.value.text()) == ("payment.days", "21")


def test_the_risk_share_in_the_propose_dialog_adds_up_as_you_type(window: MainWindow) -> None:
    dialog = window.negotiation.propose()
    dialog.kind.setCurrentIndex(dialog.kind.findData("risk_share"))
    assert dialog.risk_share.isVisible() and not dialog.wording.isVisible()
    model = dialog.risk_share.model
    model.setData(model.index(2, 1), "40")  # the Community Trust: 50% of gains down to 40%
    assert dialog.risk_share.total_label.text() == "Gains 90% · Losses 100%: gains must make 100%"
    _propose(dialog, "Less for the Trust.")
    assert dialog.isVisible() and model.index(2, 1).data(Qt.ItemDataRole.EditRole) == "40"  # kept for fixing
    assert "100%" in dialog.problem.text() and not _errors(window)
    assert not window.undo_stack.canUndo()


def test_an_agreed_agreement_is_frozen(qtbot, demo_path: Path) -> None:
    window = open_window(qtbot, demo_path, PRIME)
    window.set_acting_party("Meridian")
    window.agreements.set_status("agreed")
    assert "Agreed: frozen" in window.agreements.view.stage.text()
    window.agreements.view.select_section(window.workspace.outline.outline(window.agreements.current)[0].section.id)
    for action_id in ("agreement.edit_section", "agreement.remove_section", "agreement.move_up", "agreement.indent",
                      "agreement.rename", "negotiation.propose"):
        action = window.actions_by_id[action_id]
        assert not action.isEnabled() and "frozen" in action.toolTip(), action_id
    assert window.actions_by_id["agreement.status"].isEnabled()  # the way back
    editor = window.agreements.view.terms_editor
    editor.days.setValue(31)
    assert not editor.apply_button.isEnabled() and "frozen" in editor.apply_button.toolTip()
    window.actions_by_id["edit.undo"].trigger()
    assert "Drafting" in window.agreements.view.stage.text()
    assert window.actions_by_id["agreement.edit_section"].text() == "&Edit Section Wording…"
    assert window.actions_by_id["agreement.edit_section"].isEnabled()


def test_terms_changed_on_several_pages_become_one_proposal_and_can_be_countered(window: MainWindow) -> None:
    ws = window.workspace
    editor = window.agreements.view.terms_editor
    editor.days.setValue(21)
    editor.corridor.setText("2.5")
    editor.apply_button.click()
    dialog = window.findChild(ProposeDialog, "proposeDialog")
    assert dialog.kind.currentData() == "terms"
    shown = {dialog.several.item(r, 0).text(): dialog.several.item(r, 1).text()
             for r in range(dialog.several.rowCount())}
    assert shown == {"Invoices paid within": "21", "Risk corridor": "2.5"}  # terms by their names
    rows = {"payment.days": "21", "risk_share.corridor": "2.5"}
    corridor = next(p for p in _own_open(window, "Northshire Primary Care Federation")
                    if p.target == "risk_share.corridor")  # the Federation's own 1%, which this replaces
    seen: list[str] = []
    answer_question(QMessageBox.StandardButton.Yes, seen)
    _propose(dialog, "Pay sooner; share less often.")
    assert seen and f"a new value for Risk corridor (proposal {corridor.id})" in seen[0]
    assert ws.negotiation.proposal(corridor.id).status.value == "superseded"
    made = _own_open(window, "Northshire Primary Care Federation")[-1]
    assert made.kind is ProposalKind.TERMS and made.term_values() == rows

    window.set_acting_party("Hope Street")
    counter = window.negotiation.counter(made.id)
    assert counter.kind.currentData() == "terms" and counter.several.rowCount() == 2
    days = next(r for r in range(2) if counter.several.item(r, 0).text() == "Invoices paid within")
    counter.several.item(days, 1).setText("14")
    _propose(counter, "A small charity needs cash within a fortnight.")
    answer = _own_open(window, "Hope Street Wellbeing")[-1]
    assert answer.kind is ProposalKind.TERMS and answer.term_values() == {"payment.days": "14",
                                                                          "risk_share.corridor": "2.5"}
    assert ws.negotiation.proposal(made.id).status.value == "superseded"
    window.actions_by_id["edit.undo"].trigger()
    assert ws.negotiation.proposal(made.id).is_open and not ws.negotiation.proposal(answer.id).is_open


def test_an_undo_another_user_overtook_is_refused_and_stays_on_the_stack(qtbot, window: MainWindow,
                                                                         demo_path: Path) -> None:
    from negotiator.services.session import open_workspace

    quorum = _section(window, "alliance.board.quorum")
    window.agreements.view.select_section(quorum)
    wording = window.workspace.outline.section(quorum).text + " A quorum includes at least one provider."
    _propose(window.agreements.edit_section(wording), "Providers must be in the room.")
    made = _own_open(window, "Northshire Primary Care Federation")[-1]
    undo = window.actions_by_id["edit.undo"]
    assert undo.text() == "&Undo Propose change" and window.undo_stack.index() == 1
    other = open_workspace(demo_path, "Another user")  # on another laptop's window of the same library
    try:
        other.negotiation.decide(made.id, "accept", "Northshire ICB")
    finally:
        other.close()
    undo.trigger()
    qtbot.waitUntil(lambda: bool(_errors(window)))
    assert "already accepted" in _errors(window)[0]
    # The step stays: the stack is where it was, and nothing was withdrawn.
    qtbot.waitUntil(lambda: window.undo_stack.index() == 1)
    assert undo.text() == "&Undo Propose change" and not window.undo_stack.canRedo()
    assert window.workspace.negotiation.proposal(made.id).status.value == "accepted"


def test_undoing_a_proposal_that_replaced_another_stands_the_other_again(window: MainWindow) -> None:
    quorum = _section(window, "alliance.board.quorum")
    window.agreements.view.select_section(quorum)
    text = window.workspace.outline.section(quorum).text
    _propose(window.agreements.edit_section(text + " First thoughts."), "First")
    first = _own_open(window, "Northshire Primary Care Federation")[-1]
    seen: list[str] = []
    answer_question(QMessageBox.StandardButton.Yes, seen)  # replace the first? yes
    _propose(window.agreements.edit_section(text + " Second thoughts."), "Second")
    assert seen
    second = _own_open(window, "Northshire Primary Care Federation")[-1]
    n = window.workspace.negotiation
    assert n.proposal(first.id).status.value == "superseded"
    window.actions_by_id["edit.undo"].trigger()
    assert [n.proposal(p.id).status.value for p in (first, second)] == ["open", "withdrawn"]
    window.actions_by_id["edit.redo"].trigger()
    assert [n.proposal(p.id).status.value for p in (first, second)] == ["superseded", "open"]
