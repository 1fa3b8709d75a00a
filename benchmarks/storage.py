"""Storage figures for ``make bench``: one proposal written and committed, one acceptance applied and
committed, `negotiator verify` on the 10,000-clause library with a negotiation of 10,000 record events,
and a backup of the 100,000-version benchmark library."""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

PROPOSALS = 200  # timed single-proposal writes (after a few untimed ones)
BACKUPS = 5


def _demo_copy(folder: Path, name: str) -> Path:
    """A fresh copy of the demo library (built once) for one figure."""
    from negotiator.services.session import open_session

    template = folder / "propose-template.sqlite"
    if not template.exists():
        partial = template.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        open_session(str(partial), "Benchmark", seed=True).close()
        partial.rename(template)
    library = folder / name
    for stale in (library, Path(f"{library}-wal"), Path(f"{library}-shm")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(template, library)
    return library


def propose_write_ms(folder: Path, repeat: int = PROPOSALS) -> float:
    """Median time for one wording proposal to be checked, written, recorded (replacing the party's own
    previous one) and committed, through the services as the window calls them, on a fresh copy of the
    demo library (an SQLite file in WAL mode)."""
    from negotiator.services.demo_rounds import ALLIANCE, TRUST
    from negotiator.services.session import open_workspace

    ws = open_workspace(_demo_copy(folder, "propose.sqlite"), "Benchmark")
    try:
        alliance = ws.agreements.agreement(ALLIANCE).id
        section = ws.outline.outline(alliance)[3].section
        times = []
        for n in range(repeat + 10):
            start = time.perf_counter()
            ws.negotiation.propose_wording(alliance, section.id, f"{section.text} Variant {n}.", TRUST,
                                           "Benchmark: one proposal per commit.")
            if n >= 10:  # the first few warm SQLAlchemy's statement cache
                times.append((time.perf_counter() - start) * 1000)
    finally:
        ws.close()
    return statistics.median(times)


def decide_write_ms(folder: Path, repeat: int = PROPOSALS) -> float:
    """Median time for one acceptance to be checked, applied as a new section version, recorded with its
    superseded rivals and committed (the proposal itself is made beforehand, untimed)."""
    from negotiator.services.demo_rounds import ALLIANCE, ICB, TRUST
    from negotiator.services.session import open_workspace

    ws = open_workspace(_demo_copy(folder, "decide.sqlite"), "Benchmark")
    try:
        alliance = ws.agreements.agreement(ALLIANCE).id
        section = ws.outline.outline(alliance)[3].section
        times = []
        for n in range(repeat + 10):
            made = ws.negotiation.propose_wording(alliance, section.id, f"{section.text} Variant {n}.", TRUST,
                                                  "Benchmark: one acceptance per commit.")
            start = time.perf_counter()
            ws.negotiation.decide(made.id, "accept", ICB, "Benchmark")
            if n >= 10:
                times.append((time.perf_counter() - start) * 1000)
    finally:
        ws.close()
    return statistics.median(times)


def verify_library_seconds(library: Path, events: int = 10_000, repeat: int = 3) -> float:
    """Median time of `negotiator verify` (a whole process, as a user runs it) on a copy of the 10,000-clause
    library holding the demo negotiation grown to ``events`` record events."""
    import subprocess
    import sys

    target = library.with_name("verify-10k.sqlite")
    if not target.exists():
        _grow_record(library, target, events)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "negotiator", "--library", str(target), "verify"],
                              capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise RuntimeError(f"verify found problems in the benchmark library: {done.stdout[-500:]}")
    return statistics.median(times)


def _grow_record(library: Path, target: Path, events: int) -> None:
    """Copy the clause library, add the demo, then proposals and decisions until the record has ``events``."""
    from benchmarks.main import fresh_partial
    from negotiator.services.demo_rounds import ALLIANCE, GPS, HOPE, ICB, TRUST
    from negotiator.services.session import open_workspace

    partial = fresh_partial(target)
    shutil.copyfile(library, partial)
    ws = open_workspace(partial, "Benchmark")
    try:

        ws.seed_demo()
        alliance = ws.agreements.agreement(ALLIANCE).id
        sections = [n.section for n in ws.outline.outline(alliance)]
        parties, n = (TRUST, GPS, HOPE), 0
        while _events(ws) < events:
            with ws.library_unit():  # a thousand at a time: building the figure's library, not timing it
                for _ in range(500):
                    section = sections[n % len(sections)]
                    made = ws.negotiation.propose_wording(alliance, section.id, f"{section.text} Variant {n}.",
                                                         parties[n % 3], "Benchmark")
                    ws.negotiation.decide(made.id, "reject", ICB, "Benchmark")
                    n += 1
    finally:
        ws.close()
    partial.rename(target)


def _events(ws: object) -> int:
    return sum(len(ws.record.of_agreement(a.id).entries) for a in ws.agreements.agreements())


def backup_seconds(library: Path, repeat: int = BACKUPS) -> float:
    """Median time to back up ``library`` (as a rolling backup does: SQLite's backup API, a temporary
    file flushed to disk, then renamed into place)."""
    from negotiator.services.backups import BackupService

    service = BackupService(library)
    target = library.with_name(library.stem + ".bench-backup.sqlite")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        service.backup_now(target)
        times.append(time.perf_counter() - start)
    target.unlink(missing_ok=True)
    return statistics.median(times)


def main() -> int:
    """Just these two figures (``python -m benchmarks.storage``); ``make bench`` prints them with the rest."""
    import os

    from benchmarks.main import build

    path = Path(os.environ.get("NEGOTIATOR_BENCH_LIBRARY", ".bench/library-10k.sqlite"))
    build(path)
    print_figures(path)
    return 0


def print_figures(path: Path) -> None:
    """The storage and record figures, one line each."""
    print(f"propose_write_ms: {propose_write_ms(path.parent):.1f} ms (target < 10 ms)")
    print(f"decide_write_ms: {decide_write_ms(path.parent):.1f} ms (target < 10 ms)")
    print(f"verify_library_s: {verify_library_seconds(path):.2f} s (target < 2 s)")
    print(f"backup_100k_versions_s: {backup_seconds(path):.2f} s (target < 2 s)")


if __name__ == "__main__":
    raise SystemExit(main())
