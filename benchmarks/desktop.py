"""Desktop figures for ``make bench``: first paint, start-up with the demo, and switching between two
300-section agreements."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _process_seconds(*args: str, repeat: int = 15, screen: dict[str, str] | None = None) -> float:
    """The median wall time of ``repeat`` fresh processes of the app (15: a start varies by a tenth or more
    on a shared machine, and the median of a few starts with it)."""
    env = {**os.environ, **(screen or {"QT_QPA_PLATFORM": "offscreen"})}
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "negotiator", *args], check=True, env=env, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def first_paint_seconds() -> float:
    """A cold process paints its main window (the library opens after that)."""
    return _process_seconds("--quit-after-paint")


def first_paint_on_x_seconds() -> float | None:
    """As :func:`first_paint_seconds`, on a real X server (Xvfb) with Qt's xcb platform, as a desktop
    paints; None when Xvfb is not installed. One server serves every run, so its start is not counted.

    A desktop session always has a D-Bus session bus, which Qt asks for the desktop's settings and
    accessibility; without one, each start would first try to launch a bus through X, which no desktop
    does. So a private session bus runs beside the server, as on a desktop (when ``dbus-daemon`` is
    installed)."""
    import shutil

    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        return None
    display = f":{90 + os.getpid() % 400}"
    server = subprocess.Popen([xvfb, display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    screen = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
    bus = _session_bus()
    try:
        time.sleep(1)  # the server is ready well within a second
        if bus is not None and bus.stdout is not None:
            screen["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        return _process_seconds("--quit-after-paint", screen=screen)
    finally:
        for process in (server, bus):
            if process is not None:
                process.terminate()
                process.wait(timeout=10)


def _session_bus() -> subprocess.Popen[str] | None:
    """A private D-Bus session bus that prints its address, or None when dbus-daemon is not installed."""
    import shutil

    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        return None
    return subprocess.Popen([daemon, "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)


def to_window_seconds(folder: Path) -> float:
    """A cold process opens the demo library and shows the window with its docks filled."""
    demo = folder / "demo.sqlite"
    if not demo.exists():
        from negotiator.services.session import open_workspace

        ws = open_workspace(demo, "Benchmark")
        ws.seed_demo()
        ws.close()
    return _process_seconds("--library", str(demo), "--quit-when-ready")


def window_on(library: Path) -> tuple[object, object]:
    """The application and a shown main window with ``library`` open, offscreen unless a screen is set:
    where every in-process desktop figure starts."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from negotiator.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow("Benchmark")
    window.show()
    window.open_library(str(library))
    return app, window


def switch_agreement_ms(folder: Path) -> float:
    """Median time to switch the window between two agreements of 300 sections each."""
    library = folder / "switch-300.sqlite"
    from negotiator.services.session import open_workspace
    from tests.support.texts import schedule_text

    if not library.exists():
        ws = open_workspace(library, "Benchmark")
        ws.agreements.add_party("Bench ICB", "ICB", "commissioner")
        ws.agreements.add_party("Bench Trust", "Trust", "nhs_trust")
        ws.agreements.add_party("Bench GPs", "GPs", "gp_federation")
        ws.act_as("ICB")
        for name in ("Alliance A", "Alliance B"):
            made = ws.agreements.create_agreement(name, "overarching_alliance_agreement", "alliance",
                                                  [("ICB", "commissioner"), ("Trust", "alliance_member"),
                                                   ("GPs", "alliance_member")]).id
            with ws.library_unit():
                for n in range(300):
                    ws.outline.add_blank(made, f"Clause {n}", schedule_text(60, n))
        ws.close()
    app, window = window_on(library)
    ids = [window.workspace.agreements.agreement(n).id for n in ("Alliance A", "Alliance B")]
    times = []
    for run in range(12):
        start = time.perf_counter()
        window.agreements.panel.select(ids[run % 2])
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    window.close()
    return statistics.median(times[2:])


def review_pane_ms(folder: Path) -> float:
    """Median time to fill the review pane with the 300 open proposals of a 300-section agreement (one
    wording proposal per section, three parties): read from the services, turned into inline diffs,
    listed and painted."""
    library = folder / "review-300.sqlite"
    from negotiator.services.session import open_workspace
    from tests.support.texts import scatter_edits, schedule_text

    if not library.exists():
        partial = library.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        ws = open_workspace(partial, "Benchmark")
        ws.agreements.add_party("Bench ICB", "ICB", "commissioner")
        ws.agreements.add_party("Bench Trust", "Trust", "nhs_trust")
        ws.agreements.add_party("Bench GPs", "GPs", "gp_federation")
        ws.act_as("ICB")
        made = ws.agreements.create_agreement("Review Alliance", "overarching_alliance_agreement", "alliance",
                                              [("ICB", "commissioner"), ("Trust", "alliance_member"),
                                               ("GPs", "alliance_member")]).id
        with ws.library_unit():
            sections = [ws.outline.add_blank(made, f"Clause {n}", schedule_text(60, n)) for n in range(300)]
        ws.rounds.issue_round(made, "Draft 1", "ICB")
        parties = ("Bench ICB", "Bench Trust", "Bench GPs")
        with ws.library_unit():
            for n, section in enumerate(sections):
                ws.negotiation.propose_wording(made, section.id, scatter_edits(section.text, 2, n),
                                               parties[n % 3], f"Rationale {n}: clearer for the members.")
        ws.close()
        partial.rename(library)
    app, window = window_on(library)
    window.agreements.panel.select(window.workspace.agreements.agreement("Review Alliance").id)
    window.review.show_pane()
    app.processEvents()
    assert window.review.pane.model.rowCount() == 300, "every proposal should be listed"
    from negotiator.domain import review

    times = []
    for _ in range(12):
        review._wording_change.cache_clear()  # as the first time: no diff kept from the run before
        start = time.perf_counter()
        window.review.reload()
        window.review.pane.list.viewport().repaint()  # painted now, not when the event loop gets to it
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    window.close()
    return statistics.median(times[2:])
