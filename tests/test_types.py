"""mypy checks the whole package (pyproject.toml's [tool.mypy]), as `make lint` runs it: strictly for the
domain and the services, in its default mode elsewhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MYPY = Path(sys.executable).with_name("mypy")


def _mypy(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MYPY), "--config-file", str(root / "pyproject.toml"), "--cache-dir", os.devnull, "negotiator"],
        cwd=root, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"},
    )


def test_the_package_passes_its_type_check() -> None:
    result = _mypy(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found"), result.stdout


@pytest.mark.parametrize(("module", "code", "error"), [
    # Strict: a function without annotations fails in the domain and in the services.
    ("domain/errors.py", "\n\ndef untyped(value):\n    return value\n", "[no-untyped-def]"),
    ("services/record.py", "\n\ndef untyped(value):\n    return value\n", "[no-untyped-def]"),
    # The default mode elsewhere: a wrong type fails in storage, the window and the command line.
    ("storage/keys.py", "\n\ndef wrong() -> int:\n    return 'one'\n", "[return-value]"),
    ("ui/common/colours.py", "\n\ndef wrong() -> int:\n    return 'one'\n", "[return-value]"),
    ("commands/output.py", "\n\ndef wrong() -> int:\n    return 'one'\n", "[return-value]"),
])
def test_a_type_error_anywhere_in_the_package_fails_the_check(tmp_path: Path, module: str, code: str,
                                                               error: str) -> None:
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "negotiator", copy / "negotiator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    target = copy / "negotiator" / module
    target.write_text(target.read_text() + code)
    result = _mypy(copy)
    assert result.returncode != 0
    assert Path(module).name in result.stdout and error in result.stdout, result.stdout
