"""The main window as the window tests start it: shown, on a library, and on an agreement if named."""

from __future__ import annotations

from pathlib import Path

from negotiator.ui.main_window import MainWindow


def open_window(qtbot, library: Path, agreement: str | None = None) -> MainWindow:
    """A shown main window on ``library`` (closed with the test), with ``agreement`` open if given."""
    shown = MainWindow("Test Drafter")
    qtbot.addWidget(shown)
    shown.show()
    assert shown.open_library(str(library))
    if agreement is not None:
        shown.agreements.panel.select(shown.workspace.agreements.agreement(agreement).id)
    return shown
