"""What a desktop user expects between sessions and at the keyboard: the window comes back as it was
left, recent libraries are one click away, and any action can be found by typing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from negotiator.ui.window.main_window import MainWindow


def test_layout_and_geometry_are_restored_at_the_next_launch(qtbot, starter_path: Path) -> None:
    first = MainWindow("Test")
    qtbot.addWidget(first)
    first.show()
    first.open_library(str(starter_path))
    first.resize(780, 790)
    left = (first.width(), first.height())  # as big as the screen and the panels allow
    findings = first.findChild(QDockWidget, "findingsDock")
    findings.hide()
    first.close()
    second = MainWindow("Test")
    qtbot.addWidget(second)
    second.show()
    assert second.width() == left[0] == 780
    assert abs(second.height() - left[1]) <= 20  # the offscreen screen is 800 high: Qt trims a taller window
    assert not second.findChild(QDockWidget, "findingsDock").isVisible()


def test_recent_libraries_are_listed_newest_first_and_reopen(qtbot, starter_path: Path, demo_path: Path) -> None:
    window = MainWindow("Test")
    qtbot.addWidget(window)
    window.show()
    window.open_library(str(starter_path))
    window.open_library(str(demo_path))
    entries = [a.text() for a in window.recent_menu.actions()]
    assert entries[:2] == [str(demo_path), str(starter_path)]
    window.recent_menu.actions()[1].trigger()
    assert window.workspace.location == str(starter_path)


def test_the_command_palette_finds_and_runs_an_action(qtbot, demo_path: Path) -> None:
    window = MainWindow("Test")
    qtbot.addWidget(window)
    window.show()
    window.open_library(str(demo_path))
    window.actions_by_id["edit.palette"].trigger()
    palette = window.findChild(type(window.show_command_palette()), "commandPalette")
    palette.query.setText("positions")
    assert palette.matches.count() == 0  # no agreement open: Show Positions is disabled, so not offered
    palette.close()
    window.agreements.panel.select(window.workspace.agreements.agreement("Northshire MSK Prime Contract").id)
    palette = window.show_command_palette()
    qtbot.keyClicks(palette.query, "show pos")
    assert palette.matches.currentItem().text().startswith("Show Positions")
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert window.agreements.view.tabs.currentWidget() is window.views.positions_page


def test_the_welcome_page_opens_the_demo_even_in_a_library_without_it(qtbot, starter_path: Path) -> None:
    window = MainWindow("Test")
    qtbot.addWidget(window)
    window.show()
    window.open_library(str(starter_path))
    assert window.central.currentWidget() is window.welcome
    assert str(starter_path) in [window.welcome.recent.item(i).text() for i in range(window.welcome.recent.count())]
    assert window.workspace.agreements.agreements() == []
    window.welcome.buttons["demo"].click()
    assert window.agreements.view.agreement.title == "Northshire Ageing Well Alliance Agreement"
    assert window.central.currentWidget() is window.agreements.view
    assert window.agreements.findings.model.rowCount() == 1  # the deliberate finding is there to discover


def test_every_control_has_an_accessible_name_or_a_tooltip(qtbot, demo_path: Path) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextBrowser,
    )

    window = MainWindow("Test")
    qtbot.addWidget(window)
    window.show()
    window.open_library(str(demo_path))
    window.agreements.panel.select(window.workspace.agreements.agreement("Northshire MSK Prime Contract").id)
    # Parts Qt builds inside its own widgets (a table's corner button, a spin box's text field, a combo
    # box's pop-up list, header sections) are named by the widget that holds them.
    inner = {"QHeaderView", "QComboBoxListView", "QTableCornerButton", "QLineEditIconButton"}
    unnamed = []
    for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QPlainTextEdit,
                 QTextBrowser):
        for widget in window.findChildren(kind):
            if widget.metaObject().className() in inner or widget.objectName().startswith("qt_"):
                continue
            if isinstance(widget.parent(), QAbstractSpinBox) or widget.parent().metaObject().className() in (
                    "QTabBar", "QDockWidget", "QToolBar", "QMenuBar", "QToolBarExtension"):
                continue
            if not (widget.accessibleName() or widget.toolTip()):
                unnamed.append(f"{widget.metaObject().className()} {getattr(widget, 'text', lambda: '')()!r}")
    assert unnamed == []


def test_close_agreement_and_preferences(qtbot, demo_path: Path, tmp_path: Path) -> None:
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    window.open_library(str(demo_path))
    window.agreements.panel.select(window.workspace.agreements.agreement("Northshire MSK Prime Contract").id)
    assert window.actions_by_id["file.close"].shortcut().toString() == "Ctrl+W"
    assert window.actions_by_id["file.preferences"].shortcut().toString() == "Ctrl+,"
    window.actions_by_id["file.close"].trigger()
    assert window.agreements.current is None and window.central.currentWidget() is window.welcome
    preferences = window.show_preferences()
    preferences.author.setText("Alex Morgan, Northshire ICB")
    preferences.save()
    window.open_library(str(demo_path))
    window.workspace.clauses.revise("mou.costs", "Each party bears its own costs.")
    assert window.workspace.clauses.version("mou.costs").author == "Alex Morgan, Northshire ICB"


def test_every_view_fits_a_small_laptop_screen(qtbot, demo_path: Path) -> None:
    """1366 × 768 is still a common NHS laptop: no view may force the window taller or wider than that."""
    window = MainWindow("Test")
    qtbot.addWidget(window)
    window.show()
    window.open_library(str(demo_path))
    alliance = window.workspace.agreements.agreement("Northshire Ageing Well Alliance Agreement")
    window.agreements.panel.select(alliance.id)  # eight parties: the longest terms sheet of the demo
    view = window.agreements.view
    for tab in range(view.tabs.count()):
        view.tabs.setCurrentIndex(tab)
        for page in range(view.terms_editor.tabs.count()):
            view.terms_editor.tabs.setCurrentIndex(page)
            qtbot.wait(1)
            needed = window.minimumSizeHint()
            assert needed.width() <= 1366 and needed.height() <= 768 - 40, (view.tabs.tabText(tab), needed)
