"""The main window as the window tests start it: shown, on a library, and on an agreement if named."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox

from negotiator.ui.window.main_window import MainWindow


def open_window(qtbot, library: Path, agreement: str | None = None) -> MainWindow:
    """A shown main window on ``library`` (closed with the test), with ``agreement`` open if given."""
    shown = MainWindow("Test Drafter")
    qtbot.addWidget(shown)
    shown.show()
    assert shown.open_library(str(library))
    if agreement is not None:
        shown.agreements.panel.select(shown.workspace.agreements.agreement(agreement).id)
    return shown


def press(qtbot, window: MainWindow, keys: str | QKeySequence.StandardKey) -> None:
    """Press a key combination in the active window at the widget with the focus, as a user at the keyboard."""
    if QApplication.activeModalWidget() is None:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    combination = QKeySequence(keys)[0]
    QTest.keyClick(QApplication.focusWidget() or window, combination.key(), combination.keyboardModifiers())


def answer_question(answer: QMessageBox.StandardButton, seen: list[str], name: str = "replaceQuestion") -> None:
    """Answer the next Yes/No question the window asks (it waits for the answer, as a user would),
    noting its text in ``seen``."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == name
        seen.append(box.text())
        box.button(answer).click()
    QTimer.singleShot(0, click)


def history_rows(window: MainWindow) -> list[list[str]]:
    """What the History panel lists, after bringing it to the front as a user clicks its tab (hidden
    behind another tab, it is brought up to date only when it is shown)."""
    window.findChild(QDockWidget, "historyDock").raise_()
    QApplication.processEvents()
    model = window.views.history.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
