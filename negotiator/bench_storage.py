"""Storage figures for ``make bench``: one proposal written and committed, and a backup of the
100,000-version benchmark library."""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

PROPOSALS = 200  # timed single-proposal writes (after a few untimed ones)
BACKUPS = 5


def propose_write_ms(folder: Path, repeat: int = PROPOSALS) -> float:
    """Median time for one wording proposal to be checked, written and committed, through the services
    as the window calls them, on a fresh copy of the demo library (an SQLite file in WAL mode)."""
    from negotiator.services.demo_rounds import ALLIANCE, TRUST
    from negotiator.services.session import open_session, open_workspace

    template = folder / "propose-template.sqlite"
    if not template.exists():
        partial = template.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        open_session(str(partial), "Benchmark", seed=True).close()
        partial.rename(template)
    library = folder / "propose.sqlite"
    for stale in (library, Path(f"{library}-wal"), Path(f"{library}-shm")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(template, library)
    ws = open_workspace(library, "Benchmark")
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
    """Just these two figures (``python -m negotiator.bench_storage``); ``make bench`` prints them with the rest."""
    import os

    from negotiator.bench import build

    path = Path(os.environ.get("NEGOTIATOR_BENCH_LIBRARY", ".bench/library-10k.sqlite"))
    build(path)
    print(f"propose_write_ms: {propose_write_ms(path.parent):.1f} ms (target < 10 ms)")
    print(f"backup_100k_versions_s: {backup_seconds(path):.2f} s (target < 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
