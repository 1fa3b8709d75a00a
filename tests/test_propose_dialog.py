"""The Propose dialog as a negotiator uses it, on the demo alliance (under negotiation), from the keyboard
where the keyboard applies: each term in the editor its kind takes, the risk share as a whole with its
total, wording with its terms as protected chips and a live word diff, refusals said inside the dialog,
Escape asking before typed work is lost, and a draft kept when the dialog is closed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QStyleOptionViewItem,
    QTableWidget,
    QTextEdit,
)

from negotiator.domain.proposals import ProposalKind
from negotiator.services.demo_titles import ALLIANCE
from negotiator.ui.dialogs.propose_dialog import ProposeDialog
from negotiator.ui.editors.wording_edit import CHIP
from negotiator.ui.window.main_window import MainWindow

from .windows import open_window

FEDERATION = "Northshire Primary Care Federation"


@pytest.fixture
def window(qtbot, demo_path: Path) -> MainWindow:
    shown = open_window(qtbot, demo_path, ALLIANCE)
    assert shown.set_acting_party("GP Federation")
    return shown


def _active(dialog: ProposeDialog) -> ProposeDialog:
    """The dialog in front with the keyboard, as the user sees it once it opens."""
    dialog.activateWindow()
    for _ in range(100):
        if QApplication.activeWindow() is dialog:
            break
        QTest.qWait(10)
    assert QApplication.activeWindow() is dialog
    return dialog


def _on_term(window: MainWindow, name: str) -> ProposeDialog:
    """Propose with a term selected (as the Terms panel or a proposal on it selects it)."""
    window.negotiation.target = name
    dialog = _active(window.negotiation.propose())
    assert dialog.kind.currentData() == "term" and dialog.term.currentData() == name
    return dialog


def _on_section(window: MainWindow, key: str) -> ProposeDialog:
    outline = window.workspace.outline.outline(window.agreements.current)
    window.agreements.view.select_section(next(n.section.id for n in outline if n.section.clause_key == key))
    window.negotiation.target = None
    dialog = _active(window.negotiation.propose())
    assert dialog.kind.currentData() == "wording"
    return dialog


def _type_rationale_and_propose(qtbot, dialog: ProposeDialog, rationale: str) -> None:
    dialog.rationale.setFocus()
    QTest.keyClicks(dialog.rationale, rationale)
    dialog.propose_button.setFocus()
    QTest.keyClick(dialog.propose_button, Qt.Key.Key_Space)


def _made(window: MainWindow) -> list:
    return [v.proposal for v in window.workspace.negotiation.proposals(ALLIANCE)
            if v.proposal.party_name == FEDERATION and v.proposal.is_open]


def _answer_close_question(button: str, seen: list[str]) -> None:
    """Press ``button`` ("Keep as Draft", "Discard", "Keep Editing") in the question asked on closing."""
    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "discardQuestion"
        seen.append(box.text())
        next(b for b in box.buttons() if b.text().replace("&", "") == button).click()
    QTimer.singleShot(0, press)


def test_each_kind_of_term_has_its_own_editor(qtbot, window: MainWindow) -> None:
    editors = {"payment.annual_value": QLineEdit, "payment.quality_incentive": QLineEdit,
               "duration.start": QDateEdit, "payment.days": QSpinBox, "duration.initial_term": QSpinBox,
               "payment.mechanism": QComboBox}
    for name, kind in editors.items():
        dialog = _on_term(window, name)
        assert type(dialog.value.editor()) is kind, name
        assert dialog.value.isVisible() and not dialog.wording.isVisible() and not dialog.risk_share.isVisible()
        assert not dialog.several.isVisible() and not dialog.heading.isVisible()
        dialog.done(0)
    # Term mode is compact: no empty space where the wording would be.
    term = _on_term(window, "payment.days")
    term_height = term.height()
    term.done(0)
    wording = _on_section(window, "alliance.pooled-fund")
    assert term_height < wording.height() - 150


def test_a_money_term_is_typed_exactly_and_bad_money_is_said_inline(qtbot, window: MainWindow) -> None:
    dialog = _on_term(window, "payment.annual_value")
    line = dialog.value.editor()
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, "12 apples")
    assert dialog.problem.isVisible() and "Annual contract value" in dialog.problem.text()
    line.selectAll()
    QTest.keyClicks(line, "52,500,000.10")
    assert not dialog.problem.isVisible()
    _type_rationale_and_propose(qtbot, dialog, "Inflation.")
    assert not dialog.isVisible()
    made = _made(window)[-1]
    assert made.kind is ProposalKind.TERM and made.target == "payment.annual_value"
    assert made.proposed == "£52,500,000.10"  # exact to the penny


def test_a_percentage_a_date_a_period_and_a_choice(qtbot, window: MainWindow) -> None:
    ws = window.workspace
    dialog = _on_term(window, "payment.quality_incentive")
    dialog.value.editor().setFocus()
    dialog.value.editor().selectAll()
    QTest.keyClicks(dialog.value.editor(), "1.25")
    _type_rationale_and_propose(qtbot, dialog, "As the national scheme.")
    assert _made(window)[-1].target == "payment.quality_incentive" and _made(window)[-1].proposed == "1.25"

    start = ws.agreements.terms(ALLIANCE).duration.start
    dialog = _on_term(window, "duration.start")
    dates = dialog.value.editor()
    dates.setFocus()
    dates.setCurrentSection(QDateEdit.Section.DaySection)
    QTest.keyClick(dates, Qt.Key.Key_Up)  # a day later
    _type_rationale_and_propose(qtbot, dialog, "Start on a working day.")
    made = _made(window)[-1]
    assert made.target == "duration.start" and made.proposed == (start + timedelta(days=1)).isoformat()

    dialog = _on_term(window, "payment.days")
    spin = dialog.value.editor()
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, "45")
    _type_rationale_and_propose(qtbot, dialog, "Cash flow.")
    assert _made(window)[-1].target == "payment.days" and _made(window)[-1].proposed == "45"

    dialog = _on_term(window, "payment.mechanism")
    combo = dialog.value.editor()
    combo.setFocus()
    expected = combo.itemData(combo.currentIndex() + 1)
    QTest.keyClick(combo, Qt.Key.Key_Down)
    _type_rationale_and_propose(qtbot, dialog, "Pay for activity.")
    made = _made(window)[-1]
    assert made.target == "payment.mechanism" and made.proposed == expected and expected


def _type_in_cell(table: QAbstractItemView, row: int, column: int, text: str) -> None:
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())  # not one closed earlier
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the table commits the cell once the key press has been handled


def test_the_risk_share_is_edited_whole_and_a_total_off_100_is_refused_inline(qtbot, window: MainWindow) -> None:
    dialog = _active(window.negotiation.propose())
    dialog.kind.setFocus()
    while dialog.kind.currentData() != "risk_share":
        QTest.keyClick(dialog.kind, Qt.Key.Key_Down)
    editor = dialog.risk_share
    assert editor.isVisible() and not dialog.value.isVisible() and not dialog.wording.isVisible()
    model = editor.model
    gains = {row: model.index(row, 1).data(Qt.ItemDataRole.EditRole) for row in range(model.rowCount())}
    _type_in_cell(editor.table, 2, 1, "40")
    assert editor.total_label.text() == "Gains 90% · Losses 100%: gains must make 100%"
    _type_rationale_and_propose(qtbot, dialog, "Less for the Trust.")
    assert dialog.isVisible() and "100%" in dialog.problem.text() and dialog.problem.isVisible()
    assert dialog.rationale.toPlainText() == "Less for the Trust." and not window.undo_stack.canUndo()
    other = next(row for row in gains if row != 2 and gains[row])
    _type_in_cell(editor.table, other, 1, str(int(gains[other]) + 10))
    assert editor.total_label.text() == "Gains 100% · Losses 100%"
    dialog.propose_button.click()
    assert not dialog.isVisible()
    made = _made(window)[-1]
    assert made.kind is ProposalKind.TERMS and len(made.term_values()) == 2
    assert "40" in made.term_values().values()


def test_wording_shows_terms_as_chips_that_cannot_be_broken(qtbot, window: MainWindow) -> None:
    dialog = _on_section(window, "alliance.pooled-fund")
    wording = dialog.wording
    current = wording.toPlainText()
    assert "{{payment.pooled_fund}}" in current and wording.chips() == ["payment.pooled_fund"]
    raw = wording.document().toRawText()
    assert "{{" not in raw and raw.count(CHIP) == 1  # rendered: the term is one protected character
    chip = raw.index(CHIP)

    wording.setFocus()
    cursor = wording.textCursor()
    cursor.setPosition(chip)
    wording.setTextCursor(cursor)
    QTest.keyClick(wording, Qt.Key.Key_Right)  # one step goes over the whole chip
    assert wording.textCursor().position() == chip + 1
    QTest.keyClicks(wording, " (in pounds)")
    assert "{{payment.pooled_fund}} (in pounds)" in wording.toPlainText()
    QTest.keyClick(wording, Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier)
    for _ in range(len(" (in pounds)") - 1):
        QTest.keyClick(wording, Qt.Key.Key_Left)
    QTest.keyClick(wording, Qt.Key.Key_Backspace)  # takes the chip away whole, never half of it
    assert "{{" not in wording.toPlainText() and "pooled_fund" not in wording.toPlainText()
    QTest.keyClick(wording, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "{{payment.pooled_fund}} (in pounds)" in wording.toPlainText()

    cursor = wording.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    wording.setTextCursor(cursor)
    QTest.keyClicks(wording, " Invoices are paid within {{payment.days}}.")
    assert wording.chips() == ["payment.pooled_fund", "payment.days"]  # typed placeholders become chips
    assert wording.document().toRawText().count(CHIP) == 2

    cursor = wording.textCursor()  # copied, a chip is its placeholder; pasted, a chip again
    chip = wording.document().toRawText().index(CHIP)
    cursor.setPosition(chip)
    cursor.setPosition(chip + 1, cursor.MoveMode.KeepAnchor)
    wording.setTextCursor(cursor)
    QTest.keyClick(wording, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "{{payment.pooled_fund}}"
    QTest.keyClick(wording, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(wording, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert wording.chips() == ["payment.pooled_fund", "payment.days", "payment.pooled_fund"]
    QTest.keyClick(wording, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert wording.chips() == ["payment.pooled_fund", "payment.days"]
    wording.setTextCursor(cursor)
    QTextEdit.copy(wording)  # as Qt copies for a drag: the chip as an image in HTML
    wording.paste()
    assert wording.chips() == ["payment.pooled_fund", "payment.days"]  # the chip replaced by itself
    assert wording.document().toRawText().count(CHIP) == 2

    shown = dialog.preview.toPlainText()
    assert "(in pounds)" in shown and "Invoices are paid within" in shown
    assert "text-decoration:underline" in dialog.preview.toHtml() or "underline" in dialog.preview.toHtml()
    _type_rationale_and_propose(qtbot, dialog, "Say the unit; say when invoices are paid.")
    made = _made(window)[-1]
    assert made.kind is ProposalKind.WORDING
    assert "{{payment.pooled_fund}} (in pounds)" in made.proposed
    assert made.proposed.endswith(" Invoices are paid within {{payment.days}}.")


def test_escape_with_typed_work_asks_and_keep_editing_keeps_it(qtbot, window: MainWindow) -> None:
    dialog = _on_term(window, "payment.days")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: it simply closes
    assert not dialog.isVisible()
    dialog = _on_term(window, "payment.days")
    dialog.rationale.setFocus()
    QTest.keyClicks(dialog.rationale, "Half a thought")
    seen: list[str] = []
    _answer_close_question("Keep Editing", seen)
    QTest.keyClick(dialog.rationale, Qt.Key.Key_Escape)
    assert seen and dialog.isVisible() and dialog.rationale.toPlainText() == "Half a thought"
    _answer_close_question("Discard", seen)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert len(seen) == 2 and not dialog.isVisible()
    again = _on_term(window, "payment.days")
    assert not again.draft_bar.isVisible() and again.rationale.toPlainText() == ""


def test_closing_keeps_a_draft_that_propose_offers_back_on_the_same_place(qtbot, window: MainWindow) -> None:
    dialog = _on_section(window, "alliance.pooled-fund")
    cursor = dialog.wording.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    dialog.wording.setTextCursor(cursor)
    dialog.wording.setFocus()
    QTest.keyClicks(dialog.wording, " Unspent money returns to the parties.")
    dialog.rationale.setFocus()
    QTest.keyClicks(dialog.rationale, "Nobody should lose their contribution.")
    typed = dialog.values()
    seen: list[str] = []
    _answer_close_question("Keep as Draft", seen)
    dialog.close()  # the window's close button
    assert seen and not dialog.isVisible()

    elsewhere = _on_section(window, "alliance.board.quorum")  # another section has no draft
    assert not elsewhere.draft_bar.isVisible()
    elsewhere.done(0)
    again = _on_section(window, "alliance.pooled-fund")
    assert again.draft_bar.isVisible() and "draft" in again.draft_bar.label.text()
    assert again.rationale.toPlainText() == ""  # offered, not forced
    again.draft_bar.restore_button.setFocus()
    QTest.keyClick(again.draft_bar.restore_button, Qt.Key.Key_Space)
    assert not again.draft_bar.isVisible()
    assert again.values() == typed and again.wording.chips() == ["payment.pooled_fund"]
    assert "Unspent money" in again.preview.toPlainText()
    again.propose_button.click()
    assert not again.isVisible() and _made(window)[-1].proposed == typed["wording"]
    assert not _on_section(window, "alliance.pooled-fund").draft_bar.isVisible()  # made: the draft is gone


def test_every_field_of_the_dialog_is_named(qtbot, window: MainWindow) -> None:
    dialog = _on_section(window, "alliance.pooled-fund")
    unnamed = []
    for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QPlainTextEdit,
                 QTextEdit):
        for widget in dialog.findChildren(kind):
            if widget.metaObject().className() in ("QHeaderView", "QComboBoxListView", "QTableCornerButton"):
                continue
            if isinstance(widget.parent(), QAbstractSpinBox) or widget.objectName().startswith("qt_"):
                continue
            if not (widget.accessibleName() and widget.toolTip()):
                unnamed.append(f"{widget.metaObject().className()} {widget.accessibleName()!r}")
    assert unnamed == []


def _shown_text(table: QTableWidget, row: int, column: int) -> str:
    """What the cell shows, as its delegate paints it."""
    option = QStyleOptionViewItem()
    index = table.model().index(row, column)
    table.itemDelegateForIndex(index).initStyleOption(option, index)
    return option.text


def test_several_terms_are_edited_each_in_its_own_editor(qtbot, window: MainWindow) -> None:
    dialog = _active(window.negotiation.propose(prefill={"kind": "terms", "values": {
        "payment.days": "21", "duration.start": "2027-04-01", "payment.annual_value": "48m"}}))
    table = dialog.several
    rows = {table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(table.rowCount())}
    table.setFocus()
    table.setCurrentCell(rows["payment.days"], 1)
    QTest.keyClick(table, Qt.Key.Key_F2)
    spin = next(e for e in table.viewport().findChildren(QSpinBox) if e.isVisible())
    spin.selectAll()
    QTest.keyClicks(spin, "14")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert table.item(rows["payment.days"], 1).text() == "14"
    table.setCurrentCell(rows["duration.start"], 1)
    QTest.keyClick(table, Qt.Key.Key_F2)
    assert any(e.isVisible() for e in table.viewport().findChildren(QDateEdit))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    QApplication.processEvents()
    table.item(rows["payment.annual_value"], 1).setText("48 pounds and change")
    assert dialog.problem.isVisible() and "Annual contract value" in dialog.problem.text()
    table.item(rows["payment.annual_value"], 1).setText("49m")
    assert not dialog.problem.isVisible() and dialog.isVisible()
    shown = {name: _shown_text(table, row, 1) for name, row in rows.items()}
    assert shown == {"payment.days": "14 days", "duration.start": "1 April 2027",
                     "payment.annual_value": "£49,000,000"}  # as people write them, not as typed
    assert dialog.values()["values"] == {"payment.days": "14", "duration.start": "2027-04-01",
                                         "payment.annual_value": "49m"}


def test_a_risk_share_draft_comes_back_cell_by_cell(qtbot, window: MainWindow) -> None:
    dialog = _active(window.negotiation.propose())
    dialog.kind.setCurrentIndex(dialog.kind.findData("risk_share"))
    _type_in_cell(dialog.risk_share.table, 2, 1, "40")
    seen: list[str] = []
    _answer_close_question("Keep as Draft", seen)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert seen and not dialog.isVisible()
    again = _active(window.negotiation.propose())
    again.draft_bar.restore_button.click()
    assert again.kind.currentData() == "risk_share"
    assert again.risk_share.model.index(2, 1).data(Qt.ItemDataRole.EditRole) == "40"
    assert "Gains 90%" in again.risk_share.total_label.text()


def test_who_carries_losses_above_a_cap_is_chosen_from_the_sharing_parties(qtbot, window: MainWindow) -> None:
    dialog = _on_term(window, "risk_share.excess_bearer")
    combo = dialog.value.editor()
    assert isinstance(combo, QComboBox)
    choices = [combo.itemText(i) for i in range(combo.count())]
    assert choices[0] == "The other parties, in proportion to their loss shares"
    assert "Hope Street Wellbeing" in choices and "NHS Northshire Integrated Care Board" not in choices  # no share
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("Northshire Community Health NHS Trust"))
    _type_rationale_and_propose(qtbot, dialog, "The largest provider carries what a small one cannot.")
    made = _made(window)[-1]
    assert (made.target, made.proposed) == ("risk_share.excess_bearer", "Northshire Community Health NHS Trust")


def test_a_named_bearer_is_shown_and_offered_by_its_name(qtbot, window: MainWindow) -> None:
    ws = window.workspace
    made = ws.negotiation.propose_term(ALLIANCE, "risk_share.excess_bearer", "Hope Street", "Hope Street", "We can.")
    ws.negotiation.decide(made.id, "accept", "Northshire ICB")
    dialog = _on_term(window, "risk_share.excess_bearer")
    assert dialog.term.currentText().endswith("(now Hope Street Wellbeing)")
    assert dialog.value.editor().currentText() == "Hope Street Wellbeing"


def test_the_whole_risk_share_proposes_who_carries_losses_above_a_cap_too(qtbot, window: MainWindow) -> None:
    dialog = _active(window.negotiation.propose())
    dialog.kind.setCurrentIndex(dialog.kind.findData("risk_share"))
    bearer = dialog.risk_share.bearer
    assert bearer.isVisible() and bearer.itemText(0) == "The other parties, in proportion to their loss shares"
    _type_in_cell(dialog.risk_share.table, 2, 3, "£500,000")  # a cap for the row typed into
    bearer.setCurrentIndex(bearer.findText("Hope Street Wellbeing"))
    _type_rationale_and_propose(qtbot, dialog, "A capped party's excess goes to the charity's reserves first.")
    made = _made(window)[-1]
    assert made.kind is ProposalKind.TERMS
    assert made.term_values()["risk_share.excess_bearer"] == "Hope Street Wellbeing"
