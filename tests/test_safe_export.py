"""Exports are written safely (#15, item 8): a failed export leaves the file already there as it was,
and an uncapped share says "No cap", in the same words in Word and in the app."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from negotiator.domain.export_layout import NO_CAP
from negotiator.domain.parties import OrganisationType, Party
from negotiator.domain.terms import PartyShare, RiskShare
from negotiator.services.demo_titles import ALLIANCE
from negotiator.ui.models.risk_share_model import RiskShareModel
from negotiator.word.reader import read_paragraphs

from .test_cli import negotiator


def _full_disk(limit: int) -> object:
    """Run the child as if the disk filled up after ``limit`` bytes of any file it writes."""
    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return limited


def test_a_failed_export_leaves_the_file_already_there_as_it_was(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "alliance.docx"
    first = negotiator("--library", demo_path, "export", "clean", ALLIANCE, "--round", "Draft 1", "--out", out)
    assert first.returncode == 0, first.stderr
    good = out.read_bytes()
    assert len(good) > 40_000
    failed = subprocess.run([sys.executable, "-m", "negotiator", "--library", str(demo_path), "export", "clean",
                             ALLIANCE, "--round", "Draft 2", "--out", str(out)], capture_output=True, text=True,
                            env={**os.environ}, timeout=120, preexec_fn=_full_disk(40_000))
    assert failed.returncode == 2, failed.stderr
    assert "Cannot write" in failed.stderr and "as it was" in failed.stderr
    assert out.read_bytes() == good
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]  # nothing half-written left beside it


def test_an_uncapped_share_says_no_cap_in_word_and_in_the_app(demo_path: Path, tmp_path: Path, qtbot) -> None:
    out = tmp_path / "alliance.docx"
    assert negotiator("--library", demo_path, "export", "clean", ALLIANCE, "--out", out).returncode == 0
    text = read_paragraphs(out, accept=True)
    assert NO_CAP in text and "None" not in text
    model = RiskShareModel()
    party = Party("Hope Street Wellbeing", "Hope Street", OrganisationType.VOLUNTARY_SECTOR, 7)
    model.set_agreement({7: party}, RiskShare(shares=(PartyShare(7, Decimal("100"), Decimal("100")),)))
    assert model.data(model.index(0, 3)) == NO_CAP
