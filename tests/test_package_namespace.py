"""A package reaches only what it sent (#14, item 3): an agreement is matched by its origin, never by its
title; a package cannot name this library's own records to pour sections, proposals or rounds into
another agreement; each refusal is a line of the report, and nothing else changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from negotiator.services.demo_titles import ALLIANCE
from tests.agreement_state import outline, state
from tests.hostile_packages import entries_of, reseal, zip_bytes
from tests.test_packages import _laptop

ICB, GPS = "NHS Northshire Integrated Care Board", "Northshire Primary Care Federation"


@pytest.fixture
def pair(backend: str, request: pytest.FixtureRequest, tmp_path: Path):
    """Two laptops that both hold the demo agreements, each made independently (same titles, other origins)."""
    icb, gps = _laptop(request, tmp_path, "icb", "demo"), _laptop(request, tmp_path, "gps", "demo")
    icb.packages.export(ALLIANCE, ICB, tmp_path / "icb.negotiation")
    yield icb, gps, entries_of(tmp_path / "icb.negotiation")
    icb.close()
    gps.close()


def _forged(entries: dict[str, bytes], folder: Path, part: str, change: object) -> Path:
    data = json.loads(entries[part])
    change(data)
    path = folder / "forged.negotiation"
    path.write_bytes(zip_bytes(reseal({**entries, part: json.dumps(data, ensure_ascii=False).encode()})))
    return path


def test_an_agreement_with_a_title_used_here_is_imported_beside_it(pair, tmp_path: Path) -> None:
    icb, gps, _ = pair
    before = state(gps, ALLIANCE)
    summary = gps.packages.import_file(tmp_path / "icb.negotiation")
    assert summary.agreement == f"{ALLIANCE} (from {ICB})"
    assert any("already has an agreement called" in line for line in summary.of_kind("added"))
    assert state(gps, ALLIANCE) == before  # the library's own agreement is untouched
    assert outline(gps, summary.agreement) == outline(icb, ALLIANCE)
    again = gps.packages.import_file(tmp_path / "icb.negotiation")
    assert again.agreement == summary.agreement and not again.changed_anything
    assert gps.record.verify().problems == ()


def _own_origin(kind: str, local_id: int) -> str:
    """How the GP Federation's library names one of its own records (its uid is "uid-gps")."""
    return f"uid-gps:{kind[0]}{local_id}"


def test_a_package_cannot_name_this_librarys_own_sections(pair, tmp_path: Path) -> None:
    icb, gps, entries = pair
    gps.packages.import_file(tmp_path / "icb.negotiation")
    other = next(a for a in gps.agreements.agreements() if not a.title.startswith(ALLIANCE)
                 and gps.outline.outline(a.id))
    target = _own_origin("section", gps.outline.outline(other.id)[0].section.id)
    before = (outline(gps, other.title), len(gps.negotiation.proposals(other.title)))

    def aim(data: list) -> None:
        data[0]["target"], data[0]["origin"], data[0]["kind"] = f"section:{target}", "uid-icb:p99999", "wording"
        data[0]["status"], data[0]["decided_by"], data[0]["decided_at"] = "open", None, None

    summary = gps.packages.import_file(_forged(entries, tmp_path, "proposals.json", aim))
    assert any("uid-icb:p99999" in line and "another agreement" in line for line in summary.of_kind("refused"))
    assert (outline(gps, other.title), len(gps.negotiation.proposals(other.title))) == before
    assert gps.record.verify().problems == ()


def test_a_package_naming_a_proposal_this_library_does_not_have_is_reported(pair, tmp_path: Path) -> None:
    _, gps, entries = pair
    gps.packages.import_file(tmp_path / "icb.negotiation")
    missing = _own_origin("proposal", 987654)

    def claim(data: list) -> None:
        data[0]["origin"], data[0]["status"], data[0]["decided_by"] = missing, "rejected", ICB
        data[0]["decided_at"] = "2027-01-05T09:30:00Z"

    summary = gps.packages.import_file(_forged(entries, tmp_path, "proposals.json", claim))
    assert any(missing in line for line in summary.of_kind("refused")), summary.lines
    assert gps.record.verify().problems == ()


def test_a_round_naming_another_agreements_section_is_refused(pair, tmp_path: Path) -> None:
    icb, gps, entries = pair
    other = next(a for a in gps.agreements.agreements() if a.title != ALLIANCE and gps.outline.outline(a.id))
    theirs = _own_origin("section", gps.outline.outline(other.id)[0].section.id)
    before = outline(gps, other.title)

    def steal(data: list) -> None:
        data.append({**data[-1], "label": "Draft 9", "sections": [{**data[-1]["sections"][0], "origin": theirs}]})

    summary = gps.packages.import_file(_forged(entries, tmp_path, "rounds.json", steal))
    assert any("Draft 9" in line and "another agreement" in line for line in summary.of_kind("refused"))
    assert "Draft 9" not in [label for label, _ in state(gps, summary.agreement)["rounds"]]
    assert outline(gps, other.title) == before and gps.record.verify().problems == ()
