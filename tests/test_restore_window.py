"""Backups in the window, driven as a user would: the rolling backup on opening, and File → Restore from Backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from negotiator.ui.dialogs.restore_dialog import RestoreDialog
from negotiator.ui.window.main_window import MainWindow

from .windows import open_window

KEY = "alliance.board.quorum"


def _backups(library: Path) -> list[Path]:
    return sorted(library.with_name(library.stem + ".backups").glob("*.sqlite"))


@pytest.fixture
def window(qtbot, starter_path: Path) -> MainWindow:
    shown = open_window(qtbot, starter_path)
    qtbot.waitUntil(lambda: len(_backups(starter_path)) == 1, timeout=15_000)  # taken after the window filled
    qtbot.waitUntil(lambda: not shown.backups.tasks, timeout=15_000)
    return shown


def _open_dialog(window: MainWindow, qtbot) -> RestoreDialog:
    window.actions_by_id["file.restore_backup"].trigger()
    dialog = window.findChild(RestoreDialog, "restoreDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def _confirmation(window: MainWindow) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox, "confirmRestoreDialog") if b.isVisible()]
    assert boxes, "expected to be asked before the library is replaced"
    return boxes[-1]


def _shown_wording(window: MainWindow) -> str:
    window.library_panel.select_key(KEY, window.service.clause(KEY).category)
    return window.clause_view.text.toPlainText()


def test_restoring_an_earlier_backup_shows_the_earlier_wording(window: MainWindow, qtbot, starter_path: Path) -> None:
    earlier = _shown_wording(window)
    window.revise_clause(earlier.replace("two months", "three months") + " Revised after the backup.")
    assert "Revised after the backup." in _shown_wording(window)

    dialog = _open_dialog(window, qtbot)
    assert dialog.list.topLevelItemCount() == 1
    assert dialog.list.topLevelItem(0).text(2) == "52"  # clauses in the backup
    assert not dialog.restore_button.isEnabled()
    dialog.select_row(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    confirm = _confirmation(window)
    assert starter_path.name in confirm.text()
    qtbot.mouseClick(confirm.findChild(QPushButton, "confirmRestoreButton"), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: window.workspace is not None and window.backups.dialog is None
                    and not any(d.isVisible() for d in window.findChildren(RestoreDialog)), timeout=15_000)
    assert "Restored from" in window.statusBar().currentMessage()
    assert _shown_wording(window) == earlier
    assert window.clause_view.history_model.rowCount() == 1
    assert starter_path.name in window.windowTitle()
    qtbot.wait(2000)  # longer than the rolling backup's delay: the restored library is a backup already
    assert len(_backups(starter_path)) == 2  # the rolling one and the library as it was before the restore
    assert not window.backups.tasks


def test_cancelling_the_question_changes_nothing(window: MainWindow, qtbot, starter_path: Path) -> None:
    window.revise_clause(_shown_wording(window) + " Kept.")
    before = _shown_wording(window)
    dialog = _open_dialog(window, qtbot)
    dialog.select_row(0)
    dialog.confirm_selected()
    confirm = _confirmation(window)
    qtbot.mouseClick(confirm.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.progress.isVisible()
    assert window.workspace is not None and _shown_wording(window) == before
    assert len(_backups(starter_path)) == 1


def test_a_chosen_file_that_is_not_a_library_is_refused_in_plain_words(
        window: MainWindow, qtbot, starter_path: Path, tmp_path: Path) -> None:
    notes = tmp_path / "heads of terms.sqlite"
    notes.write_text("Heads of terms: the alliance shares gains 60:40.\n")
    before = _shown_wording(window)
    dialog = _open_dialog(window, qtbot)
    assert dialog.confirm_file(notes) is None
    errors = [b for b in dialog.findChildren(QMessageBox, "errorDialog") if b.isVisible()]
    assert errors and "Nothing was restored" in errors[-1].text() and "not a Negotiator library" in errors[-1].text()
    assert not window.findChildren(QMessageBox, "confirmRestoreDialog")
    assert window.workspace is not None and _shown_wording(window) == before


def test_a_backup_gone_before_the_restore_leaves_the_library_open_and_says_why(
        window: MainWindow, qtbot, starter_path: Path) -> None:
    window.revise_clause(_shown_wording(window) + " Still here.")
    dialog = _open_dialog(window, qtbot)
    dialog.select_row(0)
    dialog.confirm_selected()
    _backups(starter_path)[0].unlink()  # deleted by hand while the question was on screen
    qtbot.mouseClick(_confirmation(window).findChild(QPushButton, "confirmRestoreButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None and not window.backups.tasks, timeout=15_000)
    errors = [b for b in dialog.findChildren(QMessageBox, "errorDialog") if b.isVisible()]
    assert errors and "There is no file" in errors[-1].text()
    assert dialog.isVisible() and dialog.list.isEnabled() and not dialog.progress.isVisible()
    assert "Still here." in _shown_wording(window)


def test_a_new_library_gets_no_rolling_backup(qtbot, library_path: Path) -> None:
    shown = MainWindow("Test Drafter")
    qtbot.addWidget(shown)
    shown.show()
    assert shown.open_library(str(library_path))
    qtbot.wait(2000)
    assert _backups(library_path) == [] and not shown.backups.tasks


def test_opening_an_unchanged_library_again_adds_no_backup(window: MainWindow, qtbot, starter_path: Path) -> None:
    window.set_workspace(None)  # as when the app is closed
    assert window.open_library(str(starter_path))
    qtbot.wait(2000)
    assert len(_backups(starter_path)) == 1 and not window.backups.tasks
    # A change made in this session is backed up at the next opening.
    window.library_panel.select_key(KEY, window.service.clause(KEY).category)
    window.revise_clause(window.service.version(KEY).text + " Changed.")
    window.set_workspace(None)
    assert window.open_library(str(starter_path))
    qtbot.waitUntil(lambda: len(_backups(starter_path)) == 2, timeout=15_000)


def test_back_up_now_adds_a_backup_from_the_file_menu(window: MainWindow, qtbot, starter_path: Path) -> None:
    window.service.set_retired(KEY, True)  # something worth keeping since the backup taken on opening
    window.actions_by_id["file.backup"].trigger()
    qtbot.waitUntil(lambda: len(_backups(starter_path)) == 2, timeout=15_000)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Backed up to"), timeout=15_000)
    newest = _backups(starter_path)[-1]
    assert str(newest) in window.statusBar().currentMessage()
    with sqlite3.connect(newest) as copy:  # the copy holds the change just made
        retired = copy.execute("SELECT retired FROM clause WHERE key = ?", (KEY,)).fetchone()
    copy.close()
    assert retired == (1,)
