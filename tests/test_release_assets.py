"""Assets a release ships: the translation source, the screenshots script, plain-language errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "negotiator_en_GB.ts"


def test_the_translation_source_holds_every_user_visible_string(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *map(str, sorted((ROOT / "negotiator" / "ui").glob("*.py"))), "-ts", str(fresh)],
                   check=True, capture_output=True)
    def sources(path: Path) -> set[str]:
        return {s.text for s in etree.parse(str(path)).iter("source")}
    assert sources(fresh) <= sources(TS), "run pyside6-lupdate negotiator/ui/*.py -ts " + str(TS.relative_to(ROOT))
    assert "Propose a Change for %1" in sources(TS)


def test_the_screenshots_script_renders_the_main_views(tmp_path: Path) -> None:
    from negotiator.ui.screenshots import render

    written = render(tmp_path / "shots")
    assert {p.name for p in written} >= {"agreement-outline.png", "positions.png", "compare-n-way.png"}
    assert all(p.stat().st_size > 20_000 for p in written)  # real pictures, not empty canvases
