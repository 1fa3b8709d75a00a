"""Render the main views of the demo negotiation to PNG files (for the README and the user guide):
``python -m tools.screenshots FOLDER``.

The pictures are taken on a real X screen: the user's own, or else a virtual one (Xvfb) started for
the run, so that fonts, window frames and high-DPI scaling are drawn as on a desktop. Only when no X
server can be had does it fall back to Qt's offscreen platform, and it says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ALLIANCE = "Northshire Ageing Well Alliance Agreement"
SCREEN = "1920x1200x24"
SIZES = ((1366, 768), (1024, 600))  # a common laptop's screen, and the smallest the desk must work on


def render(folder: Path) -> list[Path]:
    """Open a fresh demo library and save one picture per main view (and one in the dark scheme), with
    the window as a first launch shows it: the user's own settings (panel sizes, recent files) stay out."""
    saved = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
    try:
        return _render(folder)
    finally:
        if saved is None:
            os.environ.pop("XDG_CONFIG_HOME", None)
        else:
            os.environ["XDG_CONFIG_HOME"] = saved


def _render(folder: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    from PySide6.QtWidgets import QApplication

    from negotiator.services.session import open_workspace
    from negotiator.ui.common import appearance
    from negotiator.ui.window.main_window import MainWindow

    (folder / "desk").mkdir(parents=True, exist_ok=True)
    library = Path(tempfile.mkdtemp()) / "demo.sqlite"
    seeded = open_workspace(library, "Demo")
    seeded.seed_demo()
    seeded.close()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"Drawing on Qt's {app.platformName()} platform.", file=sys.stderr)
    appearance.apply("light")
    window = MainWindow("Demo")
    window.resize(1440, 900)
    window.show()
    window.open_library(str(library))
    window.set_acting_party("Northshire ICB")
    alliance = window.workspace.agreements.agreement(ALLIANCE)
    window.agreements.panel.select(alliance.id)
    shots: list[Path] = []

    def shot(name: str) -> None:
        for _ in range(3):  # let the window settle: layouts, then the fetched rows, then the repaint
            app.processEvents()
        path = folder / f"{name}.png"
        window.grab().save(str(path))
        shots.append(path)

    hope = next(v.proposal.id for v in window.workspace.negotiation.proposals(alliance.id)
                if v.proposal.party_name.startswith("Hope") and v.proposal.is_open)
    views = _views(window, alliance.id, hope)
    for name in ("agreement-outline", "terms", "positions", "compare-n-way", "history", "clause-library", "scenarios"):
        views[name]()
        shot(name)
    shots.append(_money_map(window, folder / "money-map.png"))
    # The desk on a laptop's screen and on a small one, in both schemes: every view as a user meets it.
    for scheme in ("light", "dark"):
        appearance.apply(scheme)
        for width, height in SIZES:
            window.showNormal()
            window.resize(width, height)
            for name, show in views.items():
                show()
                shot(f"desk/{name}-{width}x{height}-{scheme}")
    appearance.apply("dark")
    views["agreement-outline"]()
    window.resize(1440, 900)
    shot("agreement-outline-dark")
    shots.append(_money_map(window, folder / "money-map-dark.png"))
    appearance.apply("system")
    window.close()
    return shots


def _money_map(window: object, path: Path) -> Path:
    """Agreement → Money Map, drawn in the scheme now in use and saved as the window shows it."""
    from PySide6.QtWidgets import QApplication

    shown = window.money_map.show()
    shown.resize(1440, 680)
    shown.view.show_readable()
    for _ in range(3):
        QApplication.processEvents()
    shown.grab().save(str(path))
    shown.close()
    return path


def _views(window: object, alliance: int, proposal: int) -> dict[str, Callable[[], None]]:
    """How to bring each main view to the front, by the name of its picture."""
    from PySide6.QtWidgets import QDockWidget

    def outline() -> None:
        window.terms_dock.show()
        window.findChild(QDockWidget, "proposalsDock").raise_()
        window.agreements.panel.select(alliance)
        window.show_agreement_tab()
        window.agreements.view.tabs.setCurrentIndex(0)

    def terms() -> None:
        outline()
        window.agreements.view.terms_editor.tabs.setCurrentIndex(2)  # the payment terms

    def compare() -> None:
        outline()
        window.terms_dock.hide()  # three columns side by side want the width
        window.views.compare_proposal(proposal)

    def history() -> None:
        outline()
        window.findChild(QDockWidget, "historyDock").raise_()

    def library() -> None:
        outline()
        window.library_panel.select_key("alliance.board.quorum", "Governance")
        window.compare_with_previous()

    def positions() -> None:
        outline()
        window.views.show_positions()

    def scenarios() -> None:
        outline()
        window.terms_dock.hide()  # the chart and the table of three scenarios want the width
        window.scenarios.show()

    return {"agreement-outline": outline, "terms": terms, "positions": positions, "compare-n-way": compare,
            "history": history, "clause-library": library, "scenarios": scenarios}


def on_a_screen(argv: list[str]) -> int:
    """Run this script where it can draw: on the user's X screen, else under a virtual one."""
    if os.environ.get("DISPLAY") or os.environ.get("NEGOTIATOR_SCREENSHOTS_INNER"):
        for written in render(Path(argv[0] if argv else "docs/screenshots")):
            print(written)
        return 0
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print("No X screen and no Xvfb (Debian package xvfb): drawing offscreen instead.", file=sys.stderr)
        os.environ["NEGOTIATOR_SCREENSHOTS_INNER"] = "1"
        return on_a_screen(argv)
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "NEGOTIATOR_SCREENSHOTS_INNER": "1"}
    command = [xvfb, "--auto-servernum", f"--server-args=-screen 0 {SCREEN}", sys.executable, "-m",
               "tools.screenshots", *argv]
    return subprocess.run(command, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(on_a_screen(sys.argv[1:]))
