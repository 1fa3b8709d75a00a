"""The agreements in the window: the network tree, the numbered outline, the terms editor and the
findings panel, with every edit undoable. Edits are made by the demo's Meridian, which drafts the MSK
agreements (none of them has had a round issued, so they are still drafted directly)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from negotiator.services.demo_titles import PRIME
from negotiator.ui.panels.agreements_panel import ID_ROLE
from negotiator.ui.window.main_window import MainWindow

from .windows import history_rows, open_window

PHYSIO = "MSK Sub-contract: Active Physio"


@pytest.fixture
def window(qtbot, demo_path: Path) -> MainWindow:
    path = demo_path
    shown = MainWindow("Test Drafter")
    qtbot.addWidget(shown)
    shown.show()
    assert shown.open_library(str(path))
    assert shown.set_acting_party("Meridian")
    return shown


def _open(window: MainWindow, title: str) -> None:
    agreement = window.workspace.agreements.agreement(title)
    window.agreements.panel.select(agreement.id)
    assert window.agreements.view.agreement.title == title


def _outline(window: MainWindow) -> list[tuple[str, str]]:
    return [(n.number, n.section.heading) for n in window.workspace.outline.outline(window.agreements.current)]


def test_the_agreements_tree_puts_children_under_their_parent(window: MainWindow, qtmodeltester) -> None:
    model = window.agreements.panel.model
    qtmodeltester.check(model)
    tops = {model.index(r, 0).data(): model.index(r, 0) for r in range(model.rowCount())}
    assert set(tops) == {"Northshire Ageing Well Alliance Agreement", PRIME}
    children = [model.index(r, 0, tops[PRIME]).data() for r in range(model.rowCount(tops[PRIME]))]
    assert children == ["MSK Sub-contract: Active Physio", "MSK Sub-contract: Hospitals Trust"]
    assert model.index(0, 0, tops[PRIME]).data(ID_ROLE) == window.workspace.agreements.agreement(PHYSIO).id


def test_opening_an_agreement_shows_its_numbered_outline_with_terms_in_the_wording(window: MainWindow,
                                                                                    qtmodeltester) -> None:
    _open(window, "Northshire Ageing Well Alliance Agreement")
    view = window.agreements.view
    assert window.central.currentWidget() is view
    qtmodeltester.check(view.outline_model)
    board = next(view.outline_model.index(r, 0) for r in range(view.outline_model.rowCount())
                 if view.outline_model.index(r, 1).data() == "Alliance Board: membership")
    assert view.outline_model.index(0, 0, board).data() == board.data() + ".1"
    source = view.outline_model.index(board.row(), 2).data()
    assert source == "Alliance Board: membership, version 1"  # the library clause by its title, never its key
    sources = [view.outline_model.index(r, 2).data() for r in range(view.outline_model.rowCount())]
    assert not any("alliance." in (text or "") for text in sources)
    assert "Hope Street Wellbeing: Alliance member" in view.heading.text()
    term = next(n.section.id for n in window.workspace.outline.outline(view.agreement.id)
                if n.section.clause_key == "alliance.term.commencement")
    view.select_section(term)
    assert "five (5) years from 1 April 2027, ending on 31 March 2032" in view.wording.toPlainText()


def test_the_findings_panel_shows_the_deliberate_finding_and_opens_its_agreement(window: MainWindow,
                                                                                 qtmodeltester) -> None:
    findings = window.agreements.findings
    qtmodeltester.check(findings.model)
    assert findings.model.rowCount() == 1
    assert "45 days" in findings.model.index(0, 1).data()
    findings.table.activated.emit(findings.model.index(0, 1))
    assert window.agreements.view.agreement.title == PHYSIO


def test_outline_edits_are_undoable(window: MainWindow) -> None:
    _open(window, PHYSIO)
    view = window.agreements.view
    before = _outline(window)
    view.select_section(window.workspace.outline.outline(window.agreements.current)[1].section.id)
    window.actions_by_id["agreement.indent"].trigger()
    assert _outline(window)[1][0] == "1.1"
    window.actions_by_id["edit.undo"].trigger()
    assert _outline(window) == before
    window.actions_by_id["edit.redo"].trigger()
    assert _outline(window)[1][0] == "1.1"
    window.actions_by_id["agreement.remove_section"].trigger()
    assert len(_outline(window)) == len(before) - 1
    window.actions_by_id["edit.undo"].trigger()
    assert len(_outline(window)) == len(before)


def test_adding_the_shown_library_clause_and_editing_its_wording(window: MainWindow) -> None:
    _open(window, PHYSIO)
    count = len(_outline(window))
    window.library_panel.select_key("mou.costs", window.workspace.clauses.clause("mou.costs").category)
    _open(window, PHYSIO)
    window.actions_by_id["agreement.add_clause"].trigger()
    headings = [h for _, h in _outline(window)]
    assert len(headings) == count + 1
    section = window.agreements.view.current_section()
    assert window.workspace.outline.section(section).clause_key == "mou.costs"
    window.agreements.edit_section("Each party bears its own costs within {{payment.days}}.")
    assert "within forty-five (45) days" in window.agreements.view.wording.toPlainText()
    window.agreements.edit_section("Pay within {{payment.dayz}}.")
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "payment.dayz" in boxes[-1].text()
    window.actions_by_id["edit.undo"].trigger()
    assert window.workspace.outline.section(section).text == window.workspace.clauses.version("mou.costs").text


def test_repinning_shows_the_changes_before_taking_them(window: MainWindow) -> None:
    _open(window, PHYSIO)
    first = window.workspace.outline.outline(window.agreements.current)[0].section
    old = window.workspace.clauses.version(first.clause_key).text
    window.workspace.clauses.revise(first.clause_key, old.replace("work together", "collaborate"))
    window.agreements.view.select_section(first.id)
    dialog = window.agreements.repin_section()
    assert "line-through" in dialog.changes.toHtml() and "collaborate" in dialog.changes.toPlainText()
    dialog.accept()
    assert "collaborate" in window.workspace.outline.section(first.id).text
    window.actions_by_id["edit.undo"].trigger()
    assert "work together" in window.workspace.outline.section(first.id).text


def test_applying_terms_saves_them_rechecks_the_network_and_undo_restores_them(window: MainWindow) -> None:
    _open(window, PHYSIO)
    editor = window.agreements.view.terms_editor
    editor.days.setValue(30)
    assert editor.apply_button.isEnabled()
    editor.apply_button.click()
    assert window.workspace.agreements.terms(PHYSIO).payment.days == 30
    assert window.agreements.findings.model.rowCount() == 0
    assert window.actions_by_id["edit.undo"].text() == "&Undo Change terms"
    window.actions_by_id["edit.undo"].trigger()
    assert window.workspace.agreements.terms(PHYSIO).payment.days == 45
    assert window.agreements.findings.model.rowCount() == 1


def test_creating_an_agreement_in_the_app_then_undoing_it(window: MainWindow) -> None:
    from negotiator.domain.parties import Role
    from negotiator.ui.dialogs.new_agreement_dialog import NewAgreementDialog

    ws = window.workspace
    dialog = NewAgreementDialog(ws.agreements.parties(), ws.agreements.agreements(), window)
    dialog.title.setText("MSK Sub-contract: GP Federation")
    dialog.kind.setCurrentIndex(dialog.kind.findData("sub_contract"))
    dialog.model.setCurrentIndex(dialog.model.findData("prime_contractor"))
    dialog.parent_agreement.setCurrentIndex(dialog.parent_agreement.findText(PRIME))
    dialog.set_role("Meridian MSK Partnership Ltd", Role.PRIME_CONTRACTOR)
    dialog.set_role("Northshire Primary Care Federation", Role.SUB_CONTRACTOR)
    window.agreements.new_agreement(dialog.values())
    created = ws.agreements.agreement("MSK Sub-contract: GP Federation")
    assert created.parent_id == ws.agreements.agreement(PRIME).id
    assert window.agreements.view.agreement.title == created.title
    window.actions_by_id["edit.undo"].trigger()
    assert "MSK Sub-contract: GP Federation" not in [a.title for a in ws.agreements.agreements()]
    window.actions_by_id["edit.redo"].trigger()
    assert "MSK Sub-contract: GP Federation" in [a.title for a in ws.agreements.agreements()]


def test_an_agreement_breaking_the_rules_is_refused_with_a_dialog(window: MainWindow) -> None:
    before = len(window.workspace.agreements.agreements())
    window.agreements.new_agreement({"title": "Lonely alliance", "kind": "overarching_alliance_agreement",
                                     "model": "alliance", "parties": [("Northshire ICB", "commissioner")],
                                     "parent": None})
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "two providers" in boxes[-1].text()
    assert len(window.workspace.agreements.agreements()) == before


def test_status_changes_are_undoable(window: MainWindow) -> None:
    _open(window, PRIME)
    window.agreements.set_status("agreed")
    assert window.workspace.agreements.agreement(PRIME).status.value == "agreed"
    assert "Agreed" in window.agreements.view.heading.text()
    window.actions_by_id["edit.undo"].trigger()
    assert window.workspace.agreements.agreement(PRIME).status.value == "drafting"


def test_invalid_terms_from_the_editor_are_never_saved(window: MainWindow) -> None:
    from dataclasses import replace

    _open(window, PHYSIO)
    before = window.workspace.agreements.terms(PHYSIO)
    window.agreements.apply_terms(replace(before, payment=replace(before.payment, days=400)))
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "1 to 365" in boxes[-1].text()
    assert window.workspace.agreements.terms(PHYSIO) == before
    assert not window.undo_stack.canUndo()


def test_writing_without_an_acting_party_says_how_to_choose_one(qtbot, demo_path: Path) -> None:
    fresh = open_window(qtbot, demo_path, PHYSIO)
    assert fresh.acting_party == ""  # a library copied afresh: nobody was acted for in it
    before = _outline(fresh)
    fresh.agreements.view.select_section(fresh.workspace.outline.outline(fresh.agreements.current)[1].section.id)
    fresh.actions_by_id["agreement.remove_section"].trigger()
    boxes = [b for b in fresh.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "Choose the party you act for" in boxes[-1].text() and "Negotiation → Act For" in boxes[-1].text()
    assert _outline(fresh) == before and not fresh.undo_stack.canUndo()


def test_direct_edits_are_recorded_under_the_acting_party(window: MainWindow) -> None:
    _open(window, PHYSIO)
    assert "Drafting" in window.agreements.view.stage.text()
    window.agreements.view.select_section(window.workspace.outline.outline(window.agreements.current)[0].section.id)
    window.agreements.edit_section("The parties work together in good faith.")
    last = history_rows(window)[-1]
    assert last[2] == "Meridian MSK Partnership Ltd" and last[3].startswith("Edited the wording of section")
