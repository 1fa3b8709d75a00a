"""The positions figure for ``make bench``: what the user waits for when the Positions tab is shown for an
agreement of 8 parties and 300 sections, each with proposals from three parties: the matrix read from the
library, built, put in its Qt model and painted."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

PARTIES = [("Bench ICB", "ICB", "commissioner")] + [(f"Bench Provider {n}", f"P{n}", "nhs_trust") for n in range(1, 8)]


def _build(library: Path) -> None:
    from negotiator.services.session import open_workspace
    from tests.support.texts import scatter_edits, schedule_text

    partial = library.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    ws = open_workspace(partial, "Benchmark")
    for name, short, kind in PARTIES:
        ws.agreements.add_party(name, short, kind)
    ws.act_as("ICB")
    roles = [("ICB", "commissioner")] + [(short, "alliance_member") for _, short, _ in PARTIES[1:]]
    made = ws.agreements.create_agreement("Positions Alliance", "overarching_alliance_agreement", "alliance",
                                          roles).id
    with ws.library_unit():
        sections = [ws.outline.add_blank(made, f"Clause {n}", schedule_text(40, n)) for n in range(300)]
    ws.rounds.issue_round(made, "Draft 1", "ICB")
    with ws.library_unit():
        for n, section in enumerate(sections):
            for k in range(3):  # three of the seven providers propose on each section
                party = PARTIES[1 + (n + k) % 7][0]
                ws.negotiation.propose_wording(made, section.id, scatter_edits(section.text, 2, n * 3 + k), party,
                                               f"Rationale {n}.{k}")
    ws.close()
    partial.rename(library)


def positions_view_ms(folder: Path) -> float:
    """Median time to show the positions matrix of 8 parties over 300 sections with 900 open proposals."""
    library = folder / "positions-300.sqlite"
    if not library.exists():
        _build(library)
    from benchmarks.desktop import window_on

    app, window = window_on(library)
    window.agreements.panel.select(window.workspace.agreements.agreement("Positions Alliance").id)
    view = window.agreements.view
    view.tabs.setCurrentWidget(window.views.positions_page)
    app.processEvents()
    assert window.views.positions_model.rowCount() >= 300, "every section with proposals should be a row"
    times = []
    for _ in range(12):
        start = time.perf_counter()
        window.views.reload_positions()
        window.views.positions.viewport().repaint()  # painted now, not when the event loop gets to it
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    window.close()
    return statistics.median(times[2:])
