"""The everyday desk actions, driven from the keyboard and the menus as a user would: Find in Agreement
(Ctrl+F, F3, Shift+F3), Cut/Copy/Paste/Select All, Print and Export as PDF, and closing the window over
terms not yet applied."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit, QMenu, QMessageBox

from negotiator.services.demo_titles import ALLIANCE, PRIME
from negotiator.ui.panels.find_bar import find_in
from negotiator.ui.window import printing
from negotiator.ui.window.main_window import MainWindow
from tests.windows import open_window, press


def _menu_action(window: MainWindow, menu: str, action_id: str):
    """The action as the menu lists it (so a test that triggers it also shows it is in that menu)."""
    found = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == menu)
    action = window.actions_by_id[action_id]
    assert action in found.actions(), (menu, action_id)
    return action


def test_find_matches_headings_wording_and_proposals_in_any_case_and_spacing() -> None:
    sections = [(1, "1", "Parties", "The parties are listed."), (2, "1.1", "Board quorum", "Three members.")]
    proposals = [(7, "Provider B", "The  QUORUM is four members.")]
    assert [(f.kind, f.id) for f in find_in("quorum", sections, proposals)] == [("section", 2), ("proposal", 7)]
    assert [f.id for f in find_in("quorum is\nfour", sections, proposals)] == [7]
    assert find_in("  ", sections, proposals) == []


def test_ctrl_f_finds_in_the_sections_and_the_proposals_and_f3_steps_through(qtbot, demo_path: Path) -> None:
    window = open_window(qtbot, demo_path, ALLIANCE)
    view, bar = window.agreements.view, window.agreements.view.find_bar
    press(qtbot, window, "Ctrl+F")
    assert bar.isVisible() and bar.field.hasFocus()
    QTest.keyClicks(bar.field, "Quorum")  # found as typed: the first place at once
    node = view.outline_model.node(view.current_section())
    assert node.number == "5.1" and "quorum" in node.section.heading
    assert view.wording.textCursor().selectedText().lower() == "quorum"
    assert bar.where.text().startswith("1 of ")
    count = len(window.finder.found)
    press(qtbot, window, "F3")
    assert bar.where.text().startswith(f"{min(2, count)} of ")
    press(qtbot, window, "Shift+F3")
    assert bar.where.text().startswith("1 of ") and view.current_section() == node.section.id

    # Words only a proposal's rationale holds: the Proposals panel shows it, selected.
    bar.field.selectAll()
    QTest.keyClicks(bar.field, "mobilisation on TRACK")
    assert [f.kind for f in window.finder.found] == ["proposal"]
    panel = window.negotiation.panel
    assert panel.selected() == window.finder.found[0].id
    assert "mobilisation" in window.workspace.negotiation.proposal(panel.selected()).rationale
    assert window.findChild(QDockWidget, "proposalsDock").isVisible()

    QTest.keyClicks(bar.field, "zzz")
    assert bar.where.text() == "Not found"
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and view.outline.hasFocus()

    # Another agreement opened: F3 finds in that one.
    window.agreements.panel.select(window.workspace.agreements.agreement(PRIME).id)
    bar.field.setText("payment")
    press(qtbot, window, "F3")
    prime_sections = {sid for sid, *_ in view.sections_text()}
    assert window.finder.found and all(f.id in prime_sections for f in window.finder.found if f.kind == "section")
    assert bar.where.text().startswith("1 of ")


def test_the_library_search_keeps_a_shortcut_of_its_own(qtbot, demo_path: Path) -> None:
    window = open_window(qtbot, demo_path)
    press(qtbot, window, "Ctrl+K")
    assert window.library_panel.search_box.hasFocus()
    assert _menu_action(window, "&Edit", "edit.find").text() == "&Search Library"


def test_cut_copy_paste_and_select_all_act_on_the_focused_editor_or_table(qtbot, demo_path: Path) -> None:
    window = open_window(qtbot, demo_path, ALLIANCE)
    box = window.library_panel.search_box
    press(qtbot, window, "Ctrl+K")
    QTest.keyClicks(box, "mediation")
    _menu_action(window, "&Edit", "edit.select_all").trigger()
    assert box.selectedText() == "mediation"
    _menu_action(window, "&Edit", "edit.cut").trigger()
    assert box.text() == "" and QApplication.clipboard().text() == "mediation"
    _menu_action(window, "&Edit", "edit.paste").trigger()
    assert box.text() == "mediation"

    # A table: its selected rows, tab-separated under their column titles.
    press(qtbot, window, "Ctrl+Shift+M")  # Show Positions
    table, model = window.views.positions, window.views.positions_model
    table.setFocus()
    assert window.actions_by_id["edit.copy"].isEnabled() and not window.actions_by_id["edit.paste"].isEnabled()
    _menu_action(window, "&Edit", "edit.select_all").trigger()
    press(qtbot, window, "Ctrl+C")
    lines = QApplication.clipboard().text().split("\n")
    assert len(lines) == model.rowCount() + 1
    assert lines[0].split("\t") == [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert lines[1].split("\t")[0] == model.index(0, 0).data()


def test_print_and_pdf_of_the_agreement_and_of_the_positions(qtbot, demo_path: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(qtbot, demo_path, ALLIANCE)
    title, document = window.printing.document()
    text = document.toPlainText()
    assert title == ALLIANCE and "5.1 Alliance Board: meetings and quorum" in text
    assert "Schedule: commercial terms" in text and "Share of gains" in text  # the terms schedule
    # File → Export as PDF…, the file chosen in the save dialog.
    pdf = tmp_path / "alliance.pdf"
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(pdf), ""))
    _menu_action(window, "&File", "file.export_pdf").trigger()
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page\n") + data.count(b"/Type /Page\r") >= 3

    # File → Print… (Ctrl+P) with the positions in front prints the matrix: here to a file, as the dialog allows.
    press(qtbot, window, "Ctrl+Shift+M")
    name, matrix = window.printing.document()
    assert name.startswith("Positions on") and "Converged" in matrix.toPlainText()
    printed = tmp_path / "positions.pdf"
    seen: list[str] = []

    def choose_a_file() -> None:  # in the print dialog, which waits for the user
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, QPrintDialog) and dialog.objectName() == "printDialog"
            seen.append(dialog.windowTitle())
            where = dialog.findChild(QLineEdit, "filename")  # no printer here: Qt's own "Print to File (PDF)"
            where.setFocus()
            where.selectAll()
            QTest.keyClicks(where, str(printed))
            QTest.keyClick(where, Qt.Key.Key_Return)  # Print
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()  # never left waiting

    QTimer.singleShot(0, choose_a_file)
    press(qtbot, window, "Ctrl+P")
    assert seen and seen[0].startswith("Print Positions on")
    assert printed.read_bytes().startswith(b"%PDF")


def _edit_days(qtbot, window: MainWindow, days: str) -> None:
    """Ctrl+T to the terms, then the payment days typed over."""
    press(qtbot, window, "Ctrl+T")
    editor = window.agreements.view.terms_editor
    editor.tabs.setCurrentIndex(2)  # Payment
    editor.days.setFocus()
    editor.days.selectAll()
    QTest.keyClicks(editor.days, days)
    assert editor.has_unapplied_edits()


def _answer(qtbot, window: MainWindow, button: QMessageBox.StandardButton) -> None:
    def asking() -> list[QMessageBox]:
        return [b for b in window.findChildren(QMessageBox, "unappliedQuestion") if b.isVisible()]
    qtbot.waitUntil(lambda: len(asking()) == 1)
    box = asking()[0]
    assert "not applied" in box.text()
    box.button(button).click()


def test_closing_over_unapplied_terms_asks_save_discard_or_cancel(qtbot, demo_path: Path) -> None:
    window = open_window(qtbot, demo_path, PRIME)
    agreement = window.agreements.current
    before = window.workspace.agreements.terms(agreement).payment.days
    _edit_days(qtbot, window, "45")
    window.close()  # the title bar's close button
    _answer(qtbot, window, QMessageBox.StandardButton.Cancel)
    assert window.isVisible() and window.agreements.view.terms_editor.has_unapplied_edits()
    _menu_action(window, "&File", "file.quit").trigger()  # File → Quit (Ctrl+Q on the Linux desktops)
    _answer(qtbot, window, QMessageBox.StandardButton.Discard)
    assert not window.isVisible()

    again = open_window(qtbot, demo_path)  # the agreement comes back, its terms as they were
    assert again.agreements.current == agreement
    assert again.workspace.agreements.terms(agreement).payment.days == before
    assert again.set_acting_party("Meridian")  # saving is done in a party's name
    _edit_days(qtbot, again, "45")
    again.close()
    _answer(qtbot, again, QMessageBox.StandardButton.Save)
    assert not again.isVisible()
    third = open_window(qtbot, demo_path)
    assert third.workspace.agreements.terms(agreement).payment.days == 45
