"""Render the main views of the demo negotiation to PNG files (for the README and the user guide):
``python -m negotiator.ui.screenshots FOLDER`` under a real or virtual screen."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from negotiator.ui.main_window import MainWindow  # noqa: E402

ALLIANCE = "Northshire Ageing Well Alliance Agreement"


def render(folder: Path) -> list[Path]:
    """Open a fresh demo library and save one picture per main view; returns the files written."""
    from negotiator.locations import starter_library_file
    from negotiator.services.session import open_workspace

    folder.mkdir(parents=True, exist_ok=True)
    library = Path(tempfile.mkdtemp()) / "demo.sqlite"
    seeded = open_workspace(library, "Demo")
    seeded.clauses.import_file(starter_library_file())
    seeded.create_demo()
    seeded.close()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow("Demo")
    window.resize(1440, 900)
    window.show()
    window.open_library(str(library))
    window.set_acting_party("Northshire ICB")
    alliance = window.workspace.agreements.agreement(ALLIANCE)
    window.agreements.panel.select(alliance.id)
    shots: list[Path] = []

    def shot(name: str) -> None:
        app.processEvents()
        path = folder / f"{name}.png"
        window.grab().save(str(path))
        shots.append(path)

    shot("agreement-outline")
    window.agreements.view.tabs.setCurrentIndex(1)
    shot("terms")
    window.views.show_positions()
    shot("positions")
    hope = next(v.proposal.id for v in window.workspace.negotiation.proposals(alliance.id)
                if v.proposal.party_name.startswith("Hope") and v.proposal.is_open)
    window.views.compare_proposal(hope)
    shot("compare-n-way")
    window.library_panel.select_key("alliance.board.quorum", "Governance")
    window.compare_with_previous()
    shot("clause-library")
    window.close()
    return shots


if __name__ == "__main__":
    for written in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(written)
