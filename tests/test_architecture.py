"""The layer rules of DESIGN.md, enforced by import-linter contracts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root, capture_output=True, text=True, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )


def test_the_package_keeps_every_layer_contract() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("domain/clauses.py", "import sqlalchemy", "The domain is pure Python"),
    ("domain/diff.py", "from PySide6 import QtCore", "The domain is pure Python"),
    ("domain/search.py", "import docx", "The domain is pure Python"),
    ("services/library.py", "from PySide6.QtCore import QObject", "Only the ui package imports Qt"),
    ("ui/__init__.py", "from negotiator.storage import database", "Widgets never reach storage"),
    ("domain/errors.py", "import negotiator.services.library", "Layers"),
    ("commands/library.py", "from negotiator.storage import database", "The command line works through the services"),
    ("commands/output.py", "import sqlalchemy", "The command line works through the services"),
    ("cli.py", "from negotiator.ui import launch", "The command line works through the services"),
    ("services/library.py", "import negotiator.app", "Layers"),
    ("storage/database.py", "import benchmarks.main", "The package holds the product"),
    ("ui/__init__.py", "import tools.screenshots", "The package holds the product"),
    ("domain/diff.py", "from tests.support import texts", "The package holds the product"),
    ("services/provenance.py", "from negotiator.storage.models import NegotiationEventRow",
     "The services use the stores, never the ORM rows"),
    ("ui/models/outline_model.py", "from negotiator.ui.panels import agreement_view", "The ui's rooms"),
    ("ui/common/colours.py", "import negotiator.ui.window.main_window", "The ui's rooms"),
    ("ui/panels/review_pane.py", "from negotiator.ui.dialogs import export_dialog", "The ui's rooms"),
])
def test_a_forbidden_import_breaks_the_build(tmp_path: Path, module: str, line: str, contract: str) -> None:
    copy = tmp_path / "project"
    for package in ("negotiator", "benchmarks", "tools"):
        shutil.copytree(ROOT / package, copy / package, ignore=shutil.ignore_patterns("__pycache__"))
    # The tests' Python modules only: their fixtures are data, not imports.
    shutil.copytree(ROOT / "tests", copy / "tests", ignore=lambda folder, names: [
        n for n in names if n == "__pycache__" or not (n.endswith(".py") or (Path(folder) / n).is_dir())])
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    target = copy / "negotiator" / module
    target.write_text(line + "\n" + target.read_text())
    result = _lint_imports(copy)
    assert result.returncode != 0
    broken = [text for text in result.stdout.splitlines() if text.endswith("BROKEN")]
    assert any(text.startswith(contract) for text in broken), result.stdout
