"""Two windows or command lines on one library: they take turns writing (WAL and a busy timeout),
nothing is lost or duplicated, and a library kept busy too long is reported in plain words."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from negotiator.services.demo_titles import ALLIANCE
from tests.decision_race import accept_and_counter_at_once
from tests.library_checks import acknowledgements, check_library, start_writer

WRITES = 40


def test_two_processes_writing_at_once_lose_and_duplicate_nothing(demo_path: Path) -> None:
    before = check_library(demo_path, [])
    writers = [start_writer(demo_path, 7, run, WRITES, "--kinds", "revise,propose", "--wait") for run in (1, 2)]
    for writer in writers:
        assert writer.stdout.readline().strip() == '{"kind": "ready"}', writer.stderr.read()
    for writer in writers:  # both start writing together
        writer.stdin.write("go\n")
        writer.stdin.flush()
    results = [writer.communicate(timeout=120) for writer in writers]
    for writer, (_, errors) in zip(writers, results, strict=True):
        assert writer.returncode == 0, errors
    acknowledged = [ack for output, _ in results for ack in acknowledgements(output)]
    assert len(acknowledged) == 2 * WRITES

    after = check_library(demo_path, acknowledged)
    revised = [(a["key"], a["number"]) for a in acknowledged if a["kind"] == "revise"]
    proposed = [a["id"] for a in acknowledged if a["kind"] == "propose"]
    assert len(set(revised)) == len(revised) and len(set(proposed)) == len(proposed)
    assert after["clause_version"] - before["clause_version"] == len(revised)
    assert after["proposal"] - before["proposal"] == len(proposed)
    # One record event per proposal, one anchoring each clause version; a party proposing again on the same
    # section replaces its own open proposal, recorded as superseded.
    assert after["event:propose"] - before["event:propose"] == len(proposed)
    assert after["event:anchor"] - before.get("event:anchor", 0) == len(revised)
    assert after["negotiation_event"] - before["negotiation_event"] == (
        len(proposed) + len(revised) + after.get("event:supersede", 0) - before.get("event:supersede", 0))


def _negotiator(library: Path, *args: str, timeout_ms: int | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if timeout_ms is not None:
        env["NEGOTIATOR_BUSY_TIMEOUT_MS"] = str(timeout_ms)
    return subprocess.run([sys.executable, "-m", "negotiator", "--library", str(library), *args],
                          capture_output=True, text=True, env=env, timeout=120)


def _propose(library: Path, wording: Path, timeout_ms: int | None = None) -> subprocess.CompletedProcess[str]:
    return _negotiator(library, "--as", "GP Federation", "propose", ALLIANCE, "--section", "5.1", "--text-file",
                       str(wording), "--rationale", "Clearer", timeout_ms=timeout_ms)


def _hold_write_lock(library: Path) -> sqlite3.Connection:
    """Another program in the middle of writing: it holds SQLite's write lock."""
    holder = sqlite3.connect(library, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_a_library_kept_busy_too_long_is_reported_in_plain_words(demo_path: Path, tmp_path: Path) -> None:
    wording = tmp_path / "wording.txt"
    wording.write_text("The alliance board meets every month.")
    before = check_library(demo_path, [])
    holder = _hold_write_lock(demo_path)
    try:
        started = time.monotonic()
        refused = _propose(demo_path, wording, timeout_ms=300)
        assert refused.returncode == 2, refused.stderr
        assert "busy" in refused.stderr and "try again" in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr and "database is locked" not in refused.stderr, refused.stderr
        assert time.monotonic() - started < 60
        # Reading does not wait for the writer: WAL lets it see the last committed state.
        listed = _negotiator(demo_path, "proposals", ALLIANCE, "--json", timeout_ms=300)
        assert listed.returncode == 0, listed.stderr
    finally:
        holder.rollback()
        holder.close()
    assert check_library(demo_path, []) == before
    assert _propose(demo_path, wording).returncode == 0


def test_a_write_waits_for_a_lock_released_within_the_busy_timeout(demo_path: Path, tmp_path: Path) -> None:
    wording = tmp_path / "wording.txt"
    wording.write_text("The alliance board meets every six weeks.")
    before = check_library(demo_path, [])
    holder = _hold_write_lock(demo_path)
    releaser = threading.Timer(1.0, holder.rollback)
    releaser.start()
    try:
        made = _propose(demo_path, wording)
    finally:
        releaser.join()
        holder.close()
    assert made.returncode == 0, made.stderr
    assert check_library(demo_path, [])["proposal"] == before["proposal"] + 1


def test_an_acceptance_and_a_counter_at_the_same_moment_only_one_takes_effect(demo_path: Path) -> None:
    """Two windows on one library file: the second decision waits its turn, then finds the first taken."""
    accept_and_counter_at_once(str(demo_path))
