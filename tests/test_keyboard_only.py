"""The whole negotiation from the keyboard alone: no clicks and no calls into the window, only keys at
whatever has the focus, from a new sub-contract to the redline LibreOffice reads back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QInputDialog

from negotiator.services.demo_titles import PRIME
from negotiator.ui.dialogs.export_dialog import ExportDialog
from negotiator.ui.dialogs.new_agreement_dialog import NewAgreementDialog
from negotiator.ui.dialogs.propose_dialog import ProposeDialog
from negotiator.ui.dialogs.reason_dialog import ReasonDialog
from negotiator.ui.window.main_window import MainWindow
from tests.keyboard_user import KeyboardUser, focus_is, modal
from tests.libreoffice import libreoffice_read, require_libreoffice

SUB = "MSK Sub-contract: GP Federation"
MERIDIAN = "Meridian MSK Partnership Ltd"
FEDERATION = "Northshire Primary Care Federation"
UNDO, REDO = QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo


def _dialog() -> object:
    return QApplication.activeModalWidget()


def _act_for(user: KeyboardUser, party: str, window: MainWindow) -> None:
    """Negotiation → Act For (Ctrl+Shift+F), the party from the list, Enter."""
    user.keys("Ctrl+Shift+F").wait("the Act For dialog", modal(QInputDialog))
    _choose(user, party).keys("Return").wait(f"acting for {party}", lambda: window.acting_party == party)


def _add_clause(user: KeyboardUser, window: MainWindow, words: str, key: str) -> None:
    """Ctrl+K, type words, Tab to the results, Down to the clause, then Add Library Clause (Ctrl+Shift+A)."""
    panel, ws = window.library_panel, window.workspace
    user.keys("Ctrl+K").wait("the search box", focus_is(panel.search_box))
    user.type(words).wait("the results", lambda: panel.search_model.rowCount() > 0 and not panel.busy)
    user.press_until("Tab", "the results", focus_is(panel.results))
    user.press_until("Down", f"{key} in the clause view", lambda: window.clause_view.clause is not None
                     and window.clause_view.clause.key == key and panel.results.hasFocus(), most=10)
    user.keys("Ctrl+Shift+A").wait("the clause in the outline", lambda: key in [
        n.section.clause_key for n in ws.outline.outline(ws.agreements.agreement(SUB).id)])


def _choose(user: KeyboardUser, text: str) -> KeyboardUser:
    """In the focused drop-down list: Home, then Down until the wanted item shows."""
    return user.keys("Home").press_until("Down", repr(text), lambda: isinstance(
        QApplication.focusWidget(), QComboBox) and QApplication.focusWidget().currentText().startswith(text))


def _titles(window: MainWindow) -> set[str]:
    return {a.title for a in window.workspace.agreements.agreements()}


def _section_text(window: MainWindow) -> str:
    ws = window.workspace
    return ws.outline.outline(ws.agreements.agreement(SUB).id)[0].section.text


def test_the_whole_negotiation_from_the_keyboard(qtbot, demo_path: Path, tmp_path: Path) -> None:
    require_libreoffice()
    window = MainWindow("Test Drafter")
    qtbot.addWidget(window)
    window.show()
    assert window.open_library(str(demo_path))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ws = window.workspace
    user = KeyboardUser()

    # Meridian drafts the sub-contract: every change is made in a party's name, so first Act For (Ctrl+Shift+F).
    _act_for(user, MERIDIAN, window)

    # File → New Agreement (Ctrl+N): type the title, choose kind, model and parent by typing, Tab to the roles.
    user.keys(QKeySequence.StandardKey.New).wait("the New Agreement dialog", modal(NewAgreementDialog))
    user.type(SUB).keys("Tab")
    for choice in ("Sub-contract", "Prime contractor", PRIME):
        _choose(user, choice).keys("Tab")
    for party, role in ((MERIDIAN, "Prime contractor"), (FEDERATION, "Sub-contractor")):
        user.press_until("Tab", f"the role of {party}", lambda p=party: isinstance(
            QApplication.focusWidget(), QComboBox) and QApplication.focusWidget().accessibleName() == f"Role of {p}")
        _choose(user, role)
    user.keys("Return").wait("the new sub-contract open", lambda: window.agreements.view.agreement is not None
                             and window.agreements.view.agreement.title == SUB)
    user.run(qtbot)
    made = ws.agreements.agreement(SUB)
    assert made.parent_id == ws.agreements.agreement(PRIME).id
    assert {(s.party.name, s.role.value) for s in made.signatories} == {(MERIDIAN, "prime_contractor"),
                                                                       (FEDERATION, "sub_contractor")}

    # Two clauses from the library, found by searching.
    _add_clause(user, window, "Sub-contract payment invoicing", "subcontract.payment.invoicing")
    _add_clause(user, window, "Sub-contract term", "subcontract.term")
    user.run(qtbot)
    assert [n.section.clause_key for n in ws.outline.outline(made.id)] == [
        "subcontract.payment.invoicing", "subcontract.term"]

    # The terms (Ctrl+T): to the Payment page, Tab to the days, type 30, Tab to Apply, Space; then undo, redo.
    editor = window.agreements.view.terms_editor
    user.keys("Ctrl+T").wait("the terms editor", focus_is(editor))
    user.press_until("Ctrl+Tab", "the Payment page", lambda: editor.tabs.currentIndex() == 2, most=3)
    user.press_until("Tab", "the days field", focus_is(editor.days))
    user.keys("Ctrl+A").type("30")
    user.press_until("Tab", "the Apply button", focus_is(editor.apply_button))
    user.keys("Space").wait("the days applied", lambda: ws.agreements.terms(SUB).payment.days == 30)
    user.keys(UNDO).wait("the days undone", lambda: ws.agreements.terms(SUB).payment.days is None)
    user.keys(REDO).wait("the days redone", lambda: ws.agreements.terms(SUB).payment.days == 30)
    user.run(qtbot)

    # Meridian issues Draft 1 (the Act For list now starts with the sub-contract's parties, with their
    # roles), then proposes new wording for the payment section.
    _act_for(user, MERIDIAN, window)
    user.keys("Ctrl+Shift+I").wait("the Issue Round dialog", modal(QInputDialog))
    user.keys("Ctrl+A").type("Draft 1").keys("Return").wait(
        "Draft 1", lambda: [r.label for r in ws.rounds.rounds(made.id)] == ["Draft 1"])
    outline = window.agreements.view.outline
    user.keys("Alt+O").press_until("F6", "the outline", focus_is(outline), most=8)  # the Outline tab, then F6
    user.keys("Home")
    user.keys("Ctrl+Shift+N").wait("the Propose dialog", modal(ProposeDialog))
    user.press_until("Tab", "the wording", lambda: QApplication.focusWidget() is getattr(_dialog(), "wording", 0))
    user.keys("Ctrl+End").type(" Invoices are sent by e-mail.").keys("Tab").type("Paper invoices get lost.")
    user.press_until("Tab", "the Propose button", lambda: QApplication.focusWidget() is _dialog().findChild(
        QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
    user.keys("Space").wait("Meridian's proposal", lambda: len(ws.negotiation.proposals(SUB)) == 1)
    user.run(qtbot)
    proposal = ws.negotiation.proposals(SUB)[0].proposal
    assert proposal.party_name == MERIDIAN and proposal.proposed.endswith("Invoices are sent by e-mail.")

    # The GP Federation counters it, from the proposals panel and the command palette.
    _act_for(user, FEDERATION, window)
    table = window.negotiation.panel.table
    user.press_until("F6", "the proposals", focus_is(table), most=10)
    user.keys("Home").wait("the proposal selected", lambda: window.negotiation.panel.selected() == proposal.id)
    user.keys("Ctrl+Shift+P").type("Counter").keys("Return").wait("the Counter dialog", modal(ProposeDialog))
    user.press_until("Tab", "the wording", lambda: QApplication.focusWidget() is getattr(_dialog(), "wording", 0))
    user.keys("Ctrl+End", "Backspace").type(" to the named finance contact.")
    user.keys("Tab").type("Name the contact so nothing is missed.")
    user.press_until("Tab", "the Propose button", lambda: QApplication.focusWidget() is _dialog().findChild(
        QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
    user.keys("Space").wait("the counter-proposal", lambda: len(ws.negotiation.proposals(SUB)) == 2)
    user.run(qtbot)
    counter = next(v.proposal for v in ws.negotiation.proposals(SUB) if v.proposal.id != proposal.id)
    assert counter.party_name == FEDERATION

    # Meridian accepts the counter (Ctrl+Return), gives no reason (Enter), and the wording changes.
    _act_for(user, MERIDIAN, window)
    user.press_until("F6", "the proposals", focus_is(table), most=10)
    user.keys("Home").press_until("Down", "the counter-proposal", lambda: window.negotiation.panel.selected()
                                  == counter.id, most=5)
    user.keys("Ctrl+Return").wait("the reason dialog", modal(ReasonDialog))
    user.keys("Return").wait("the counter accepted", lambda: "named finance contact" in _section_text(window))
    user.run(qtbot)

    # Export the redline since Draft 1 (Ctrl+Shift+S): choose the kind, type the file name, Save.
    out = tmp_path / "keyboard redline.docx"
    user.keys(QKeySequence.StandardKey.SaveAs).wait("the export dialog", modal(ExportDialog))
    _choose(user, "Redline: agreed")
    user.press_until("Tab", "the file name", lambda: QApplication.focusWidget() is _dialog().target)
    user.keys("Ctrl+A").type(str(out))
    user.press_until("Tab", "the Save button", lambda: QApplication.focusWidget() is _dialog().buttons.button(
        QDialogButtonBox.StandardButton.Save))
    user.keys("Space").wait("the file written", out.exists)
    user.run(qtbot)

    read = libreoffice_read(out)
    assert any("named finance contact" in text for text in read["accepted"])
    assert not any("named finance contact" in text for text in read["rejected"])
    assert FEDERATION in {r["author"] for r in read["redlines"]}
