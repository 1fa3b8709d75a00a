"""The app's log: one file in the user's log folder, begun afresh when it has grown too long, with the
three before it kept, so that it never fills the disk and the last problems can still be read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from negotiator.app import LOG_KEPT, LOG_LIMIT, rotate_log

ROOT = Path(__file__).resolve().parents[1]


def _write(path: Path, text: str, size: int = 0) -> None:
    path.write_text(text + "x" * max(0, size - len(text)), encoding="utf-8")


def test_a_short_log_is_kept_and_a_missing_one_is_no_problem(tmp_path: Path) -> None:
    log = tmp_path / "negotiator.log"
    rotate_log(log)  # no log yet
    assert list(tmp_path.iterdir()) == []
    _write(log, "yesterday")
    rotate_log(log)
    assert log.read_text(encoding="utf-8") == "yesterday" and list(tmp_path.iterdir()) == [log]


def test_a_long_log_is_put_aside_and_only_the_last_three_are_kept(tmp_path: Path) -> None:
    log = tmp_path / "negotiator.log"
    for day in range(1, 6):  # five sessions, each leaving a log over the limit
        _write(log, f"session {day}", LOG_LIMIT)
        rotate_log(log)
        assert not log.exists()  # the next session begins a new log
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == [f"negotiator.log.{n}" for n in range(1, LOG_KEPT + 1)]
    assert [(tmp_path / f"negotiator.log.{n}").read_text(encoding="utf-8")[:9] for n in (1, 2, 3)] == [
        "session 5", "session 4", "session 3"]  # the latest first; the two oldest are gone


def test_the_app_writes_its_log_to_the_users_log_folder_and_begins_a_new_one_when_too_long(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    folder = tmp_path / "Negotiator" / "log"
    folder.mkdir(parents=True)
    _write(folder / "negotiator.log", "an old session", LOG_LIMIT + 10)
    done = subprocess.run([sys.executable, "-m", "negotiator", "--library", str(tmp_path / "missing" / "x.sqlite"),
                           "verify"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0  # no such library: the run fails, and says so in the log
    assert (folder / "negotiator.log.1").read_text(encoding="utf-8").startswith("an old session")
    assert (folder / "negotiator.log").stat().st_size < LOG_LIMIT
