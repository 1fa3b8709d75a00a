"""Crash safety: a writer killed with SIGKILL at random moments loses nothing it reported as saved.

A child process writes through the services (clause versions, proposals, decisions) and
acknowledges each write once committed. The test kills it at a random moment, reopens the library,
and checks SQLite's integrity check, every hash chain, and every acknowledged write; then starts a
new writer, until enough writes have been acknowledged. The seed is fixed unless
NEGOTIATOR_CRASH_SEED says otherwise (``random`` picks one and prints it); NEGOTIATOR_CRASH_WRITES
sets how many writes (``make soak`` runs many more).
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.library_checks import acknowledgements, check_library, start_writer

DEFAULT_SEED = 20240608
DEFAULT_WRITES = 200


def _seed() -> int:
    chosen = os.environ.get("NEGOTIATOR_CRASH_SEED", str(DEFAULT_SEED))
    seed = random.SystemRandom().randrange(10**9) if chosen == "random" else int(chosen)
    print(f"crash test seed: {seed} (rerun with NEGOTIATOR_CRASH_SEED={seed})", file=sys.stderr)
    return seed


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_writer_loses_nothing_it_acknowledged(demo_path: Path) -> None:
    seed, target = _seed(), int(os.environ.get("NEGOTIATOR_CRASH_WRITES", DEFAULT_WRITES))
    rng = random.Random(seed)
    acknowledged: list[dict] = []
    run = kills = 0
    while len(acknowledged) < target:
        run += 1
        writer = start_writer(demo_path, seed, run, target - len(acknowledged))
        lines: list[str] = []
        if rng.random() < 0.1:
            time.sleep(rng.uniform(0, 1.0))  # now and then, while it is still opening the library
        else:
            # Let it make a random number of writes, then kill it somewhere inside the next one
            # (a write takes some milliseconds): counting writes keeps the test's length the same
            # on a slow machine.
            assert writer.stdout.readline().strip() == '{"kind": "ready"}', writer.stderr.read()
            for _ in range(rng.randint(0, 24)):
                lines.append(writer.stdout.readline())
            time.sleep(rng.uniform(0, 0.03))
        if writer.poll() is None:
            writer.send_signal(signal.SIGKILL)
            kills += 1
        output, errors = writer.communicate(timeout=60)
        assert writer.returncode in (0, -signal.SIGKILL), f"seed {seed} run {run}: {errors}"
        acknowledged += acknowledgements("".join(lines) + output)
        try:
            check_library(demo_path, acknowledged)
        except AssertionError as failure:
            raise AssertionError(f"seed {seed}, after run {run} ({kills} kills): {failure}") from failure
    assert kills >= 3, f"seed {seed}: the writer was hardly ever killed ({kills} kills), so little was tested"
    kinds = {ack["kind"] for ack in acknowledged}
    assert kinds == {"revise", "propose", "decide"}, kinds
    print(f"crash test: {len(acknowledged)} writes acknowledged over {run} runs, {kills} kills", file=sys.stderr)
