"""Assets a release ships: the translation source, the screenshots script, plain-language errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "negotiator_en_GB.ts"


def test_the_translation_source_holds_every_user_visible_string(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *map(str, sorted((ROOT / "negotiator" / "ui").rglob("*.py"))), "-ts", str(fresh)],
                   check=True, capture_output=True)
    def sources(path: Path) -> set[str]:
        return {s.text for s in etree.parse(str(path)).iter("source")}
    assert sources(fresh) <= sources(TS), "run make translations"
    assert "Propose a Change for %1" in sources(TS)


def test_the_screenshots_script_renders_the_main_views(tmp_path: Path) -> None:
    from tools.screenshots import render

    written = render(tmp_path / "shots")
    assert {p.name for p in written} >= {"agreement-outline.png", "positions.png", "compare-n-way.png"}
    assert all(p.stat().st_size > 20_000 for p in written)  # real pictures, not empty canvases


def test_the_screenshots_are_taken_on_a_virtual_screen_light_and_dark(tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs Xvfb (Debian packages xvfb and xauth) for the screenshots; make test installs it")
        pytest.skip("no Xvfb on this machine (Debian packages xvfb and xauth)")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run([sys.executable, "-m", "tools.screenshots", str(tmp_path)], env=env,
                         capture_output=True, text=True, timeout=180, check=False)
    assert run.returncode == 0, run.stderr
    assert "Drawing on Qt's xcb platform" in run.stderr  # a real X server, not the offscreen fallback
    light, dark = QImage(str(tmp_path / "agreement-outline.png")), QImage(str(tmp_path / "agreement-outline-dark.png"))
    assert light.width() >= 1400 and light.size() == dark.size()
    assert _mean_lightness(light) > 170 and _mean_lightness(dark) < 90  # the dark scheme really is dark


def _mean_lightness(image: QImage) -> float:
    samples = [image.pixelColor(x, y).lightness() for x in range(0, image.width(), 23)
               for y in range(0, image.height(), 19)]
    return sum(samples) / len(samples)
