"""The History panel: the open agreement's negotiation record as evidence, newest step last, and a
loud warning when the record has been changed behind the app's back; History → Check a Document
Against the Record says whether a document sent earlier still matches it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDockWidget, QMessageBox

from negotiator.services.demo_titles import ALLIANCE
from negotiator.ui.window.main_window import MainWindow

from .windows import history_rows, open_window


@pytest.fixture
def window(qtbot, demo_path: Path) -> MainWindow:
    return open_window(qtbot, demo_path, ALLIANCE)


def _rows(window: MainWindow) -> list[list[str]]:
    return history_rows(window)


def test_the_history_is_read_when_it_is_shown_not_while_it_waits_behind_another_tab(window: MainWindow) -> None:
    window.findChild(QDockWidget, "proposalsDock").raise_()  # the History tab is behind the Proposals tab
    window.views.history.show_record(None)
    window.refresh_negotiation()
    assert window.views.history.model.rowCount() == 0  # not read while hidden: opening stays quick
    assert len(_rows(window)) == len(window.workspace.record.of_agreement(ALLIANCE).entries)  # read once shown


def test_the_history_lists_the_agreements_record_and_says_it_checks_out(window: MainWindow) -> None:
    rows = _rows(window)
    record = window.workspace.record.of_agreement(ALLIANCE)
    assert len(rows) == len(record.entries) > 5
    assert rows[0][2:4] == ["NHS Northshire Integrated Care Board", "Created agreement 1"]  # it drafted it
    assert ["NHS Northshire Integrated Care Board", "Issued round Draft 1"] in [r[2:4] for r in rows]
    assert any(r[3].startswith("Made proposal") and r[4] for r in rows)  # with the reason the party gave
    assert "checks out" in window.views.history.summary.text()
    assert window.findChild(QDockWidget, "historyDock").toggleViewAction() in window.menuBar().actions()[2].menu(
    ).actions()  # View → History


def test_a_new_proposal_and_its_acceptance_appear_at_the_end(window: MainWindow) -> None:
    before = len(_rows(window))
    window.set_acting_party("Hope Street Wellbeing")
    window.negotiation.propose({"kind": "term", "term": "payment.days", "value": "20",
                                "rationale": "Small providers need cash sooner."})
    rows = _rows(window)
    assert len(rows) == before + 1
    assert rows[-1][2] == "Hope Street Wellbeing" and rows[-1][3].startswith("Made proposal")
    assert rows[-1][4] == "Small providers need cash sooner."
    window.actions_by_id["edit.undo"].trigger()  # undoing withdraws it: the record only grows
    rows = _rows(window)
    assert len(rows) == before + 2 and rows[-1][3].startswith("Withdrew proposal")


def test_a_record_changed_behind_the_apps_back_is_reported(window: MainWindow, demo_path: Path) -> None:
    with sqlite3.connect(demo_path) as connection:
        connection.execute("UPDATE negotiation_event SET actor = 'Someone Else' WHERE id = 2")
    connection.close()
    window.refresh_negotiation()
    _rows(window)  # the user looks at the History panel
    summary = window.views.history.summary
    assert "altered outside Negotiator" in summary.text() and "event 2" in summary.text()
    assert "Restore from Backup" in summary.text()


def _record_check(window: MainWindow, qtbot, path: Path) -> QMessageBox:
    window.views.check_document(path)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)), timeout=20_000)
    return next(b for b in window.findChildren(QMessageBox) if b.isVisible())


def test_a_package_just_sent_checks_out_against_the_record(window: MainWindow, qtbot, tmp_path: Path) -> None:
    action = window.actions_by_id["history.check_document"]
    history_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "Hi&story")
    assert action in history_menu.actions() and action.isEnabled() and action.statusTip()
    window.workspace.packages.export(ALLIANCE, "Northshire ICB", tmp_path / "alliance.negotiation")
    box = _record_check(window, qtbot, tmp_path / "alliance.negotiation")
    assert box.objectName() == "recordCheckDialog" and box.icon() == QMessageBox.Icon.Information
    assert "alliance.negotiation was made at event" in box.text() and "still holds it unchanged" in box.text()


def test_a_package_checked_after_the_record_was_changed_is_a_warning(window: MainWindow, qtbot, demo_path: Path,
                                                                      tmp_path: Path) -> None:
    window.workspace.packages.export(ALLIANCE, "Northshire ICB", tmp_path / "sent.negotiation")
    with sqlite3.connect(demo_path) as connection:
        connection.execute("UPDATE negotiation_event SET actor = 'Someone Else' WHERE id = 2")
    connection.close()
    box = _record_check(window, qtbot, tmp_path / "sent.negotiation")
    assert box.objectName() == "recordCheckDialog" and box.icon() == QMessageBox.Icon.Warning
    assert "changed since" in box.text()


def test_a_file_that_is_no_export_is_explained(window: MainWindow, qtbot, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not an export", encoding="utf-8")
    box = _record_check(window, qtbot, tmp_path / "notes.txt")
    assert box.objectName() == "errorDialog" and "neither a Word export" in box.text()
