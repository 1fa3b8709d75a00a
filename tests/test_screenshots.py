"""The screenshot script draws every main view of the demo at a laptop's size and at 1024×600, in the
light and the dark scheme, and each picture shows the window at that size (issue 16, item 10)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from tools.screenshots import SIZES, render


def test_the_script_draws_each_view_at_each_size_in_both_schemes(qapp, tmp_path: Path) -> None:
    written = render(tmp_path)
    for name in ("money-map.png", "money-map-dark.png"):  # Agreement → Money Map, in both schemes
        assert tmp_path / name in written and QImage(str(tmp_path / name)).width() == 1440
    desk = sorted(p for p in written if p.parent.name == "desk")
    views = {p.name.split("-1")[0] for p in desk}
    assert views >= {"agreement-outline", "terms", "positions", "compare-n-way", "history", "clause-library",
                     "scenarios"}
    assert len(desk) == len(views) * len(SIZES) * 2
    for path in desk:
        image = QImage(str(path))
        width, height = (int(n) for n in path.stem.split("-")[-2].split("x"))
        assert (image.width(), image.height()) == (width, height), path.name  # the window fits that screen
        dark = path.stem.endswith("dark")
        middle = image.pixelColor(width // 2, height - 5).lightness()
        assert (middle < 128) if dark else (middle > 128), path.name  # the scheme it says
