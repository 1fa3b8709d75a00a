"""The parts of the window out of sight when it opens (the review pane and the history behind other
tabs, the positions matrix, the scenarios) are made when the user first looks at them, and then show
what they would have shown had they been there all along."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QWidget

from negotiator.services.demo_titles import ALLIANCE
from negotiator.ui.common.deferred import DeferredPage
from negotiator.ui.common.settings import Settings
from negotiator.ui.window.main_window import MainWindow
from tests.windows import open_window


@pytest.fixture
def window(qtbot, demo_path: Path) -> MainWindow:
    Settings().put("window_state", QByteArray())  # the first layout, not one a window closed earlier left
    shown = open_window(qtbot, demo_path, ALLIANCE)
    qtbot.waitExposed(shown)
    return shown


def test_the_parts_out_of_sight_are_not_made_when_the_window_opens(window: MainWindow) -> None:
    assert window.central.currentWidget() is window.agreements.view  # the agreement is open, in front
    assert not window.review.page.built  # behind the Terms tab
    assert not window.views.history_page.built  # behind the Proposals tab
    assert not window.views.positions_page.built  # behind the Outline tab
    assert not window.scenarios.page.built  # a tab of its own, not in front


def test_the_review_pane_is_made_and_filled_when_its_tab_is_clicked(qtbot, window: MainWindow) -> None:
    ws = window.workspace
    window.findChild(QDockWidget, "reviewDock").raise_()  # as a click on its tab does
    qtbot.waitUntil(lambda: window.review.page.built)
    assert window.review.pane.isVisible()
    assert window.review.pane.model.rowCount() == len(ws.negotiation.proposals(ALLIANCE)) == 7
    assert window.review.pane.caption.text() == "7 of 7 shown; 5 open."


def test_the_history_is_made_and_read_when_its_tab_is_clicked(qtbot, window: MainWindow) -> None:
    window.findChild(QDockWidget, "historyDock").raise_()
    qtbot.waitUntil(lambda: window.views.history_page.built)
    entries = window.workspace.record.of_agreement(ALLIANCE).entries
    qtbot.waitUntil(lambda: window.views.history.model.rowCount() == len(entries) > 5)
    assert "checks out" in window.views.history.summary.text()


def test_the_positions_matrix_is_made_and_filled_when_its_tab_is_chosen(qtbot, window: MainWindow) -> None:
    window.actions_by_id["negotiation.positions"].trigger()  # Negotiation → Show Positions
    assert window.agreements.view.tabs.currentWidget() is window.views.positions_page
    assert window.views.positions.isVisible()
    model = window.views.positions_model
    assert model.rowCount() > 0 and model.columnCount() > 1  # an item per row, a party per column


def test_a_part_asked_for_before_it_is_seen_is_made_then_and_kept(qtbot, window: MainWindow) -> None:
    pane = window.review.pane  # Negotiation → Next Change uses the pane before it is seen
    assert window.review.page.built and window.review.pane is pane
    assert pane.model.rowCount() == 7  # with the entries read when the agreement opened
    window.refresh_negotiation()
    assert window.review.pane is pane and pane.model.rowCount() == 7  # kept up to date from then on


def test_a_deferred_page_builds_once_on_first_show_and_passes_the_keyboard_on(qtbot) -> None:
    made: list[QLabel] = []
    filled: list[int] = []

    def build() -> QWidget:
        made.append(QLabel("the part"))
        return made[-1]

    page = DeferredPage(build, lambda: filled.append(len(made)))
    qtbot.addWidget(page)
    assert made == [] and not page.built
    page.show()
    qtbot.waitExposed(page)
    assert page.built and len(made) == 1 and filled == [1]
    assert made[0].isVisible()  # on screen at once
    assert page.focusProxy() is made[0]
    page.hide()
    page.show()
    assert page.content() is made[0] and len(made) == 1 and filled == [1]  # made once
    QApplication.processEvents()


def test_a_docked_page_never_reaches_a_window_closed_before_it_looked(qtbot) -> None:
    """The page looks whether its dock is in front once the window has laid it out: a window closed and
    deleted in between cancels the look (it would otherwise reach a deleted page)."""
    import shiboken6
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMainWindow

    made: list[QLabel] = []

    def build() -> QWidget:
        made.append(QLabel("the part"))
        return made[-1]

    window = QMainWindow()
    dock = QDockWidget("Review", window)
    page = DeferredPage(build)
    dock.setWidget(page)
    page.watch(dock)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.show()  # the dock comes on screen: a look is due at the next turn of the event loop
    shiboken6.delete(window)
    qtbot.wait(20)  # the turn comes, with nothing to look at
    assert made == []
