"""The money map figure for ``make bench``: the bench's 200-agreement network read, laid out and drawn."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path


def money_map_ms(network: Path, repeat: int = 9) -> float:
    """Median time from asking for the map to its window painted: the agreements and terms read from the
    library, checked, laid out, and drawn whole (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from negotiator.services.session import open_workspace
    from negotiator.ui.panels.money_map_window import MoneyMapWindow

    app = QApplication.instance() or QApplication([])
    workspace = open_workspace(network, "Benchmark")
    window = MoneyMapWindow()
    window.show()
    app.processEvents()
    times = []
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            window.set_map(workspace.agreements.money_map())
            window.view.viewport().repaint()  # painted now, not when the event loop gets round to it
            times.append((time.perf_counter() - start) * 1000)
    finally:
        window.close()
        workspace.close()
    return statistics.median(times)
