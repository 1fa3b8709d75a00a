"""Scenario figures for ``make bench``: the risk-share calculation for 20 parties at 201 results, and the
scenarios view shown (chart and table painted) after an agreement is chosen."""

from __future__ import annotations

import statistics
import time
from decimal import Decimal
from pathlib import Path


def _median_ms(work: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def scenarios_ms() -> float:
    """Median time to work out 20 parties' gains and losses at 201 results (−10% to +10% of a £120m budget by
    0.1%), under a 1.5% corridor with every fourth party capped, so losses past the caps are passed on."""
    from negotiator.domain.scenario_terms import percent_results
    from negotiator.domain.scenarios import outcomes, result_range
    from negotiator.domain.terms import PartyShare, RiskShare

    shares = tuple(PartyShare(n, Decimal(5), Decimal(5), 40_000_000 if n % 4 == 0 else None) for n in range(1, 21))
    risk = RiskShare(shares, Decimal("1.5"))
    budget = 120_000_000_00
    results = percent_results(result_range(Decimal(-10), Decimal(10), Decimal("0.1")), budget)
    assert len(results) == 201
    return _median_ms(lambda: outcomes(risk, results, budget), 20)


def scenario_view_ms(folder: Path) -> float:
    """Median time from an agreement chosen to its scenarios view shown: the demo alliance's current terms
    and its two corridor proposals read, worked out at 21 results for the chart and 6 for the table, and
    painted. Each run comes from the other demo agreement with risk shared, so nothing is kept."""
    demo = folder / "demo.sqlite"
    if not demo.exists():
        from negotiator.services.session import open_workspace

        ws = open_workspace(demo, "Benchmark")
        ws.seed_demo()
        ws.close()
    from benchmarks.desktop import window_on

    app, window = window_on(demo)
    from negotiator.services.demo_titles import ALLIANCE, PRIME

    ids = [window.workspace.agreements.agreement(title).id for title in (ALLIANCE, PRIME)]
    view = window.scenarios.view
    times = []
    for run in range(14):
        window.agreements.panel.select(ids[run % 2])
        app.processEvents()
        start = time.perf_counter()
        window.scenarios.show()
        view.chart.repaint()  # painted now, not when the event loop gets to it
        view.table.viewport().repaint()
        app.processEvents()
        if run % 2 == 0:  # the alliance, with its risk share: the figure
            times.append((time.perf_counter() - start) * 1000)
            assert view.chart.series_count == 9 and view.model.rowCount() == 6, "3 parties under 3 scenarios"
    window.close()
    return statistics.median(times[1:])
