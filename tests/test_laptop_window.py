"""The window on a laptop: it fits the screen it opens on (1366 × 768, and down to 1024 × 600), View →
Reset Layout, and the open agreement and view coming back at the next launch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMenu, QSplitter

from negotiator.services.demo_titles import ALLIANCE
from negotiator.ui.common.settings import Settings
from negotiator.ui.window.main_window import MainWindow
from tests.windows import open_window, press

ROOT = Path(__file__).resolve().parent.parent

# Started on a screen of the given size (the offscreen platform's screens are set by a file), with no
# settings of its own: the first window, then the demo alliance open, every view tried in turn.
_SCREEN_SCRIPT = textwrap.dedent("""
    import json, sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from negotiator.ui.window.main_window import MainWindow
    window = MainWindow("Test Drafter")
    window.show()
    app.processEvents()
    first = window.frameGeometry().getRect()
    window.open_library(sys.argv[1])
    alliance = window.workspace.agreements.agreement("Northshire Ageing Well Alliance Agreement")
    window.agreements.panel.select(alliance.id)
    window.actions_by_id["edit.find_in_agreement"].trigger()  # the find bar shown too
    needed = [0, 0]
    for page in range(window.central.count()):
        window.central.setCurrentIndex(page)
        for tab in range(window.agreements.view.tabs.count()):
            window.agreements.view.tabs.setCurrentIndex(tab)
            app.processEvents()
            hint = window.minimumSizeHint()
            needed = [max(needed[0], hint.width()), max(needed[1], hint.height())]
    window.resize(1024, 600)
    app.processEvents()
    print(json.dumps({"available": app.primaryScreen().availableGeometry().getRect(), "first": first,
                      "needed": needed, "shrunk": [window.width(), window.height()]}))
""")


def _on_screen(tmp_path: Path, demo: Path, width: int, height: int) -> dict:
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                                                "height": height, "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _SCREEN_SCRIPT, str(demo)], capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 600)])
def test_the_first_window_fits_the_screen_and_every_view_fits_a_small_one(
        tmp_path: Path, demo_path: Path, width: int, height: int) -> None:
    seen = _on_screen(tmp_path, demo_path, width, height)
    x, y, w, h = seen["first"]  # the window with its frame
    assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, seen
    # 1024 × 600 less a task bar (40) and a title bar (30): every view, the find bar shown, still fits.
    assert seen["needed"][0] <= 1024 and seen["needed"][1] <= 600 - 70, seen
    assert seen["shrunk"] == [1024, 600], seen


def _menu_action(window: MainWindow, menu: str, text: str):
    found = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == menu)
    return next(a for a in found.actions() if a.text() == text)


def test_view_reset_layout_puts_panels_splitters_and_tabs_back(qtbot, demo_path: Path) -> None:
    window = open_window(qtbot, demo_path, ALLIANCE)
    qtbot.waitExposed(window)
    library = window.findChild(QDockWidget, "libraryDock")
    findings = window.findChild(QDockWidget, "findingsDock")
    terms = window.findChild(QDockWidget, "termsDock")
    splitter = window.agreements.view.findChild(QSplitter)
    # The user rearranges: a panel closed, one floated, one moved, a divider dragged, other tabs in front.
    findings.close()
    terms.setFloating(True)
    window.removeDockWidget(library)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, library)
    library.show()
    window.resizeDocks([library], [40], Qt.Orientation.Horizontal)  # squeezed
    splitter.setSizes([40, 500])
    window.agreements.view.tabs.setCurrentWidget(window.views.positions_page)
    window.agreements.view.terms_editor.tabs.setCurrentIndex(2)
    qtbot.wait(10)
    assert window.dockWidgetArea(library) == Qt.DockWidgetArea.RightDockWidgetArea

    reset = _menu_action(window, "&View", "&Reset Layout")
    assert reset is window.actions_by_id["view.reset_layout"]
    reset.trigger()
    qtbot.wait(10)
    assert window.dockWidgetArea(library) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert findings.isVisible() and not terms.isFloating() and terms.isVisible()
    assert library.width() > 100  # its first width again, as far as the window's width allows
    outline, wording = splitter.sizes()
    assert abs(outline / (outline + wording) - 360 / 600) < 0.05  # the outline above the wording, 3 : 2 again
    assert window.agreements.view.tabs.currentIndex() == 0  # the outline
    assert window.agreements.view.terms_editor.tabs.currentIndex() == 0
    assert window.central.currentWidget() is window.agreements.view  # the agreement stays in front


def test_the_open_agreement_and_view_come_back_at_the_next_launch(qtbot, demo_path: Path,
                                                                   starter_path: Path) -> None:
    first = open_window(qtbot, demo_path, ALLIANCE)
    alliance = first.agreements.current
    press(qtbot, first, "Ctrl+Shift+M")
    assert first.agreements.view.tabs.currentWidget() is first.views.positions_page  # Show Positions (Ctrl+Shift+M)
    first.open_library(str(starter_path))  # another library: nothing of the first shows there
    assert first.agreements.current is None
    first.close()

    second = MainWindow("Test Drafter")
    qtbot.addWidget(second)
    second.show()
    assert second.open_library(str(demo_path))
    assert second.agreements.current == alliance
    assert second.central.currentWidget() is second.agreements.view
    assert second.agreements.view.tabs.currentWidget() is second.views.positions_page
    # Remembered per library: the agreement's id is kept for this library's file only.
    assert Settings().get("open_agreement", str(demo_path)) == str(alliance)
    assert Settings().get("open_agreement", str(starter_path)) == ""
