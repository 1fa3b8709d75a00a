"""The benchmarks measure what their names say: with settings of their own, not the user's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_runs_with_settings_of_its_own() -> None:
    code = ("import json; from benchmarks.main import own_settings; home = own_settings();"
            "from PySide6.QtCore import QCoreApplication, QSettings;"
            "from negotiator import APP_NAME; from negotiator.locations import default_library_path, "
            "remembered_parties_file;"
            "QCoreApplication.setOrganizationName(APP_NAME); QCoreApplication.setApplicationName(APP_NAME);"
            "print(json.dumps([str(home), QSettings().fileName(), str(default_library_path()),"
            " str(remembered_parties_file())]))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    home, *places = json.loads(done.stdout)
    # The window's settings, the default library and the remembered parties all live in the bench's folder.
    assert all(place.startswith(home) for place in places), places
