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
SECTIONS = 500
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


def fresh_partial(path: Path) -> Path:
    """Where a benchmark library is built before it is renamed into place (leftovers removed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    return partial


def build(path: Path) -> None:
    """Create the benchmark library (deterministic content) unless it is already there."""
    if path.exists():
        return
    partial = fresh_partial(path)
    rng = random.Random(20261125)
    service = LibraryService.open(partial, "Benchmark")
    kinds = list(AgreementKind)
    with service.library.unit_of_work(write=True) as session:  # one commit, its versions anchored in the record
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


def build_network(path: Path) -> None:
    """A network of 200 agreements (20 prime contracts, each with 9 sub-contracts), one of them
    with 500 sections, unless it is already there."""
    if path.exists():
        return
    from negotiator.locations import starter_library_file
    from negotiator.services.session import open_workspace

    partial = fresh_partial(path)
    ws = open_workspace(partial, "Benchmark")
    ws.clauses.import_file(starter_library_file())
    ws.agreements.add_party("Bench ICB", "ICB", "commissioner")
    for n in range(20):
        ws.agreements.add_party(f"Integrator {n}", f"Int{n}", "independent_sector_provider")
        for m in range(9):
            ws.agreements.add_party(f"Provider {n}-{m}", f"P{n}-{m}", "nhs_trust")
    for n in range(20):
        ws.act_as("ICB")  # the commissioner drafts each prime contract, its integrator the sub-contracts
        prime = ws.agreements.create_agreement(f"Prime {n}", "prime_contract", "prime_contractor",
                                               [("ICB", "commissioner"), (f"Int{n}", "prime_contractor")])
        for name, value in (("duration.start", "2027-04-01"), ("duration.initial_term", "60"),
                            ("payment.annual_value", "24m"), ("payment.days", "30")):
            ws.agreements.set_term(prime.id, name, value)
        ws.act_as(f"Int{n}")
        for m in range(9):
            sub = ws.agreements.create_agreement(f"Sub {n}-{m}", "sub_contract", "prime_contractor",
                                                 [(f"Int{n}", "prime_contractor"), (f"P{n}-{m}", "sub_contractor")],
                                                 prime.id)
            for name, value in (("duration.start", "2027-04-01"), ("duration.initial_term", "60"),
                                ("payment.annual_value", "2m"), ("payment.days", str(20 + m * 2))):
                ws.agreements.set_term(sub.id, name, value)
    big = ws.agreements.agreement("Prime 0")
    ws.act_as("ICB")
    keys = [c.key for c in ws.clauses.clauses()]
    for n in range(SECTIONS):
        ws.outline.add_from_library(big.id, keys[n % len(keys)])
    ws.close()
    partial.rename(path)


def _view_ms(path: Path) -> float:
    """Median time to open the 500-section agreement in the agreement view (offscreen), until it shows:
    an agreement this big loads in the background, so the clock runs until its outline is on screen."""
    from PySide6.QtCore import QEventLoop

    from benchmarks.desktop import window_on

    app, window = window_on(path)
    big = window.workspace.agreements.agreement("Prime 0").id
    other = window.workspace.agreements.agreement("Prime 1").id

    def shown(agreement_id: int) -> None:
        while window.agreements.current != agreement_id or window.agreements.loading is not None:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)

    def open_big() -> None:
        window.agreements.open_agreement(big)
        shown(big)

    def reset() -> None:
        window.agreements.open_agreement(other)
        shown(other)

    times = []
    for _ in range(15):
        reset()
        times.append(_median_ms(open_big, 1))
    window.close()
    return statistics.median(times)


def _diff_figures() -> tuple[float, float, float]:
    """Word diff of a 20,000-word schedule with 50 edits, of a 5,000-word rewrite, and the 5,000-word
    side-by-side view (offscreen)."""
    from negotiator.domain.diff import word_diff
    from tests.support.texts import rewrite, scatter_edits, schedule_text

    schedule = schedule_text(20_000, 1)
    edited = scatter_edits(schedule, 50, 2)
    five = schedule_text(5_000, 3)
    rewritten = rewrite(five, 0.4, 4)
    scattered = _median_ms(lambda: word_diff(schedule, edited), 9)
    rewrite_ms = _median_ms(lambda: word_diff(five, rewritten), 9)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from negotiator.ui.panels.compare_view import CompareView

    app = QApplication.instance() or QApplication([])
    view = CompareView()
    view.show()

    def render() -> None:
        view.set_pair("Draft 2", five, "Provider B's proposal", rewritten)
        app.processEvents()

    compare = _median_ms(render, 9)
    view.close()
    return scattered, rewrite_ms, compare


def _median_ms(action: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def own_settings() -> Path:
    """Give the benchmark, and every process it starts, settings of its own (a fresh folder for the app's
    settings, remembered parties and default library), so that no figure depends on the user's own:
    their window layout, their last agreement, their acting party."""
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="negotiator-bench-settings-"))
    for variable, folder in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                             ("XDG_STATE_HOME", "state")):
        (home / folder).mkdir()
        os.environ[variable] = str(home / folder)
    return home


def machine_loop_ms() -> float:
    """The median time of a fixed loop of plain Python (3 million additions): not a figure of the app, but
    of the machine at the time. On a shared machine it varies by half from hour to hour, and every
    figure varies with it, so it is printed at the start and at the end of the run."""
    def loop() -> None:
        total = 0
        for number in range(3_000_000):
            total += number

    return _median_ms(loop, 5)


def main() -> int:
    """Build the library if needed and print the figures."""
    own_settings()
    print(f"machine_loop_ms (at the start): {machine_loop_ms():.0f} ms")
    path = Path(os.environ.get("NEGOTIATOR_BENCH_LIBRARY", ".bench/library-10k.sqlite"))
    build(path)
    service = LibraryService.open(path, "Benchmark")
    hits = service.search("payment")
    assert len(hits) == 50, "the benchmark search should fill the first page"
    search = statistics.median(_median_ms(lambda q=q: service.search(q), 20) for q in QUERIES)
    # What the navigator waits for when a category is opened: its categories, then the first page of the
    # largest category, fetched with the category filter as the navigator fetches it.
    largest = max(service.categories(), key=lambda pair: pair[1])[0]
    navigator = _median_ms(lambda: (service.categories(), service.clauses(category=largest, offset=0, limit=200)),
                           50)
    service.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    import compileall

    import negotiator

    compileall.compile_dir(Path(negotiator.__file__).parent, quiet=1)  # as an installed app is
    starts = []
    for _ in range(15):  # as the other starts: the median of 15
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "negotiator", "--library", str(path), "--quit-when-ready"],
                       check=True, env=env, capture_output=True)
        starts.append(time.perf_counter() - start)
    network_path = path.with_name("network-200.sqlite")
    build_network(network_path)
    from negotiator.services.session import open_workspace

    ws = open_workspace(network_path, "Benchmark")
    assert len(ws.agreements.agreements()) == 200
    network = _median_ms(ws.agreements.check, 20)
    ws.close()
    view = _view_ms(network_path)
    scattered, rewrite_ms, compare = _diff_figures()
    from benchmarks.positions import positions_view_ms

    positions = positions_view_ms(path.parent)  # read, built, modelled and painted
    print(f"search_ms: {search:.2f} ms (target < 10 ms)")
    print(f"navigator_first_200_ms: {navigator:.2f} ms (target < 30 ms)")
    print(f"open_library_and_window_s: {statistics.median(starts):.2f} s (target < 0.8 s)")
    print(f"agreement_view_500_sections_ms: {view:.1f} ms (target < 200 ms)")
    print(f"network_check_200_agreements_ms: {network:.1f} ms (target < 100 ms)")
    print(f"word_diff_20k_words_ms: {scattered:.1f} ms (target < 60 ms)")
    print(f"word_diff_rewrite_5k_words_ms: {rewrite_ms:.1f} ms (target < 300 ms)")
    print(f"compare_view_5k_words_ms: {compare:.1f} ms (target < 300 ms)")
    print(f"positions_8_parties_300_items_ms: {positions:.1f} ms (target < 100 ms)")
    from benchmarks.money_map import money_map_ms

    print(f"money_map_200_agreements_ms: {money_map_ms(network_path):.1f} ms (target < 200 ms)")
    from benchmarks.export import figures

    export = figures(path.parent)
    print(f"export_redline_1000_sections_s: {export['export_redline_1000_sections_s']:.3f} s (target < 0.3 s), "
          f"peak memory {export['export_redline_1000_sections_peak_mb']:.0f} MB (target < 200 MB)")
    print(f"export_redline_100_sections_s: {export['export_redline_100_sections_s']:.3f} s (target < 0.06 s)")
    print(f"export_floor_ratio: {export['export_floor_ratio']:.1f} (target < 6)")
    from benchmarks.exchange import (
        import_libreoffice_redline_seconds,
        import_redline_seconds,
        libreoffice_missing,
        package_incremental_seconds,
        package_seconds,
    )

    library = path.parent / "export-1000.sqlite"
    print(f"import_redline_1000_sections_s: {import_redline_seconds(library, path.parent):.2f} s (target < 2 s)")
    missing = libreoffice_missing()
    if missing is None:
        print(f"import_libreoffice_redline_1000_sections_s: "
              f"{import_libreoffice_redline_seconds(library, path.parent):.2f} s (target < 1 s)")
    else:
        print(f"import_libreoffice_redline_1000_sections_s: not measured: {missing} (target < 1 s)")
    print(f"package_roundtrip_1000_proposals_s: {package_seconds(library, path.parent):.2f} s (target < 1 s)")
    print(f"package_incremental_s: {package_incremental_seconds(library, path.parent):.2f} s (target < 0.3 s)")
    from benchmarks.desktop import (
        first_paint_on_x_seconds,
        first_paint_seconds,
        review_pane_ms,
        switch_agreement_ms,
        to_window_seconds,
    )

    print(f"cold_start_first_paint_s: {first_paint_seconds():.2f} s (target < 0.35 s)")
    on_x = first_paint_on_x_seconds()
    print("cold_start_first_paint_xvfb_s: " + (f"{on_x:.2f} s" if on_x is not None else "not measured: no Xvfb")
          + " (target < 0.35 s)")
    print(f"cold_start_to_window_s: {to_window_seconds(path.parent):.2f} s (target < 0.8 s)")
    print(f"switch_agreement_ms: {switch_agreement_ms(path.parent):.1f} ms (target < 100 ms)")
    print(f"review_pane_300_proposals_ms: {review_pane_ms(path.parent):.1f} ms (target < 100 ms)")
    from benchmarks.scenarios import scenario_view_ms, scenarios_ms

    print(f"scenarios_20_parties_201_points_ms: {scenarios_ms():.1f} ms (target < 20 ms)")
    print(f"scenario_view_ms: {scenario_view_ms(path.parent):.1f} ms (target < 100 ms)")
    from benchmarks.storage import print_figures

    print_figures(path)

    from benchmarks.postgres import print_figure as print_postgres_figure

    print_postgres_figure()
    print(f"machine_loop_ms (at the end): {machine_loop_ms():.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
