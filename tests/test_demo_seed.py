"""One seeding rule for the demo, whoever asks for it (the app's Help menu, `negotiator demo`, the tools)."""

from __future__ import annotations

from pathlib import Path

from negotiator.services.demo_titles import ALLIANCE, PRIME
from negotiator.services.session import open_workspace


def test_the_demo_brings_the_starter_library_into_an_empty_library_once(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "empty.sqlite", "Test Drafter")
    try:
        titles = ws.seed_demo()
        clauses = len(ws.clauses.clauses())
        assert ALLIANCE in titles and PRIME in titles and clauses > 40
        assert {a.title for a in ws.agreements.agreements()} >= {ALLIANCE, PRIME}
        keys = {n.section.clause_key for n in ws.outline.outline(ws.agreements.agreement(ALLIANCE).id)}
        assert "alliance.definitions" in keys  # its sections are the starter library's clauses
    finally:
        ws.close()
