"""Starting the app as a user does: the window opens on a library, shows its first rows, and quits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_app_opens_its_window_on_a_library_and_quits_cleanly(starter_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run([sys.executable, "main.py", "--library", str(starter_path), "--quit-when-ready"],
                            cwd=Path(__file__).resolve().parent.parent, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_a_first_run_creates_the_default_library_with_the_starter_clauses(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run([sys.executable, "-m", "negotiator", "--quit-when-ready"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    from negotiator.services.library import LibraryService

    service = LibraryService.open(tmp_path / "data" / "Negotiator" / "library.sqlite", "A")
    try:
        assert len(service.clauses()) >= 40
    finally:
        service.close()


def test_a_check_run_on_a_file_that_is_not_a_library_ends_with_an_error_code(tmp_path: Path) -> None:
    """A script checking the app must get an answer, not a window left waiting on a dialog nobody sees."""
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Alliance board minutes, not a library")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run([sys.executable, "main.py", "--library", str(minutes), "--quit-when-ready"],
                            cwd=Path(__file__).resolve().parent.parent, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert minutes.read_text() == "Alliance board minutes, not a library"


_COLLECTOR = """
import gc, os, sys
from negotiator.app import main
leave = os._exit
def report(code):
    print("collecting", gc.isenabled(), gc.get_freeze_count() > 1000, flush=True)
    leave(code)
os._exit = report
main(sys.argv[1:])
"""


def test_the_garbage_collector_waits_for_the_start_and_then_collects(starter_path: Path, tmp_path: Path) -> None:
    """Starting makes objects that live as long as the app: the collector is held off until the library is
    open, then runs as usual, leaving those objects out (and a command never holds it off)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path / "state")}
    opened = subprocess.run([sys.executable, "-c", _COLLECTOR, "--library", str(starter_path), "--quit-when-ready"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.split()[-3:] == ["collecting", "True", "True"]
    code = "import gc, sys; from negotiator.app import main; main(sys.argv[1:]); print('collecting', gc.isenabled())"
    verified = subprocess.run([sys.executable, "-c", code, "--library", str(starter_path), "verify"], env=env,
                              capture_output=True, text=True, timeout=60)
    assert verified.stdout.split()[-2:] == ["collecting", "True"], verified.stderr
