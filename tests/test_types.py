"""mypy checks the domain strictly (pyproject.toml's [tool.mypy]), as `make lint` runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MYPY = Path(sys.executable).with_name("mypy")


def _mypy(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MYPY), "--config-file", str(root / "pyproject.toml"), "--cache-dir", os.devnull, "negotiator/domain"],
        cwd=root, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"},
    )


def test_the_domain_passes_a_strict_type_check() -> None:
    result = _mypy(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found"), result.stdout


def test_an_untyped_function_in_the_domain_fails_the_check(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "negotiator" / "domain", copy / "negotiator" / "domain",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "negotiator" / "__init__.py", copy / "negotiator" / "__init__.py")
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    errors = copy / "negotiator" / "domain" / "errors.py"
    errors.write_text(errors.read_text() + "\n\ndef untyped(value):\n    return value\n")
    result = _mypy(copy)
    assert result.returncode != 0
    assert "errors.py" in result.stdout and "[no-untyped-def]" in result.stdout, result.stdout
