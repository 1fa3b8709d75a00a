"""Speed figures for the README (``make bench``); never run as timed assertions in the tests.

Builds a library of 10,000 clauses × 10 versions once (in .bench/), then prints one line per
figure as ``name: median value unit (target)``.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from negotiator.domain.agreements import AgreementKind
from negotiator.domain.clauses import ClauseDraft, utc_now
from negotiator.services.library import LibraryService
from negotiator.storage.clause_store import ClauseStore

CLAUSES = 10_000
VERSIONS = 10
WORDS = 60
CATEGORIES = ("Governance", "Risk and reward", "Payment and finance", "Term and termination", "Disputes",
              "Quality and performance", "Information and transparency", "Legal", "Membership")
VOCABULARY = (
    "alliance board commissioner provider integrator sub-contractor services payment invoice days "
    "risk share gain loss cap corridor pooled fund contribution annual contract value quality incentive "
    "outcome indicator term extension notice termination exit dispute escalation mediation working "
    "information open book conflict interest governance quorum unanimous reserved matter obligation "
    "flow-down head contract reporting performance variation change law jurisdiction member joining "
    "leaving commencement duration months years capitation block activity tariff blended withhold"
).split()
QUERIES = ("payment invoice", "mediation", "risk share cap", "quorum", "termination notice", "pooled fund",
           "escalation days", "quality incentive outcome", "governance", "flow-down")


def build(path: Path) -> None:
    """Create the benchmark library (deterministic content) unless it is already there."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    rng = random.Random(20261125)
    service = LibraryService.open(partial, "Benchmark")
    kinds = list(AgreementKind)
    with service.library.unit_of_work() as session:
        store = ClauseStore(session)
        at = utc_now()
        for n in range(CLAUSES):
            text = " ".join(rng.choices(VOCABULARY, k=WORDS))
            draft = ClauseDraft(f"bench.{n:05d}", f"Clause {n:05d} {rng.choice(VOCABULARY)}",
                                CATEGORIES[n % len(CATEGORIES)], (kinds[n % len(kinds)],), text)
            store.add(draft, "Benchmark", at)
            for number in range(2, VERSIONS + 1):
                words = text.split()
                words[rng.randrange(WORDS)] = rng.choice(VOCABULARY)
                text = " ".join(words)
                store.append(draft.key, draft.title, text, "Benchmark", at, f"Revision {number}")
            if n % 1000 == 999:
                print(f"  built {n + 1:,} clauses", file=sys.stderr)
    service.close()
    partial.rename(path)


def _median_ms(action: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    """Build the library if needed and print the figures."""
    path = Path(os.environ.get("NEGOTIATOR_BENCH_LIBRARY", ".bench/library-10k.sqlite"))
    build(path)
    service = LibraryService.open(path, "Benchmark")
    hits = service.search("payment")
    assert len(hits) == 50, "the benchmark search should fill the first page"
    search = statistics.median(_median_ms(lambda q=q: service.search(q), 20) for q in QUERIES)
    navigator = _median_ms(lambda: service.clauses(offset=0, limit=200), 50)
    service.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    starts = []
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "negotiator", "--library", str(path), "--quit-when-ready"],
                       check=True, env=env, capture_output=True)
        starts.append(time.perf_counter() - start)
    print(f"search_ms: {search:.2f} ms (target < 10 ms)")
    print(f"navigator_first_200_ms: {navigator:.2f} ms (target < 30 ms)")
    print(f"open_library_and_window_s: {statistics.median(starts):.2f} s (target < 0.8 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
