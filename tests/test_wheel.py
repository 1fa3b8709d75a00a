"""The package holds the product only: the wheel a user installs has no benchmark, test or tool in it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_holds_the_product_and_nothing_else(tmp_path: Path) -> None:
    source = tmp_path / "source"  # built from a copy, so that the checkout gains no build folder
    shutil.copytree(ROOT / "negotiator", source / "negotiator", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for outside in ("benchmarks", "tests", "tools"):  # beside the package, as in the checkout
        shutil.copytree(ROOT / outside, source / outside, ignore=shutil.ignore_patterns("__pycache__", "fixtures"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path),
                            str(source)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    names = zipfile.ZipFile(next(tmp_path.glob("negotiator-*.whl"))).namelist()
    assert {name.split("/")[0] for name in names} == {"negotiator", next(n for n in names if ".dist-info/" in n)
                                                     .split("/")[0]}
    modules = [name for name in names if name.endswith(".py")]
    assert "negotiator/app.py" in modules and "negotiator/domain/risk_outcome.py" in modules
    unwanted = [m for m in modules if any(word in m.rsplit("/", 1)[-1] for word in
                                          ("bench", "throwaway", "screenshot", "test_", "conftest"))]
    assert unwanted == []
