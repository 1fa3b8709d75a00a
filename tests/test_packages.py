"""Negotiation packages between three laptops: export, import, import again, merge."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace
from negotiator.storage.negotiation_store import event_fields_hash
from tests.library_backends import behind_the_apps_back, copy_library, library_template, true_location

from .test_cli import negotiator


def _laptop(request: pytest.FixtureRequest, tmp_path: Path, name: str, template: str) -> Workspace:
    location = copy_library(library_template(request, template), request, tmp_path)
    # Each laptop's library has its own uid.
    behind_the_apps_back(location, "UPDATE library_info SET value = :uid WHERE key = 'uid'", uid=f"uid-{name}")
    return open_workspace(location, name)


@pytest.fixture
def laptops(backend: str, request: pytest.FixtureRequest, tmp_path: Path):
    icb = _laptop(request, tmp_path, "icb", "demo")
    gps = _laptop(request, tmp_path, "gps", "starter")
    hope = _laptop(request, tmp_path, "hope", "starter")
    yield icb, gps, hope
    for ws in (icb, gps, hope):
        ws.close()


def _open_by(ws: Workspace, party: str) -> list:
    return [v.proposal for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.is_open
            and v.proposal.party_name == party]


def test_three_parties_packages_merge_into_one_negotiation(laptops, tmp_path: Path) -> None:
    icb, gps, hope = laptops
    icb.packages.export(ALLIANCE, "Northshire ICB", tmp_path / "from-icb.negotiation")
    for ws, party, days in ((gps, "GP Federation", "25"), (hope, "Hope Street", "20")):
        summary = ws.packages.import_file(tmp_path / "from-icb.negotiation")
        assert summary.added_sections > 20 and summary.added_proposals > 5
        assert [r.label for r in ws.rounds.rounds(ALLIANCE)] == ["Draft 1", "Draft 2"]
        ws.negotiation.propose_term(ALLIANCE, "payment.days", days, party, f"{party} cash flow")
        ws.packages.export(ALLIANCE, party, tmp_path / f"from-{days}.negotiation")
    first = icb.packages.import_file(tmp_path / "from-25.negotiation")
    second = icb.packages.import_file(tmp_path / "from-20.negotiation")
    assert first.added_proposals == 1 and second.added_proposals == 1
    assert _open_by(icb, "Northshire Primary Care Federation")[-1].proposed == "25"
    assert _open_by(icb, "Hope Street Wellbeing")[-1].proposed == "20"
    assert any("payment.days" in c and "Hope Street" in c and "Primary Care" in c for c in second.conflicts)
    again = icb.packages.import_file(tmp_path / "from-25.negotiation")
    assert not again.changed_anything
    assert icb.record.verify().texts() == []


def test_importing_twice_changes_nothing(laptops, tmp_path: Path) -> None:
    icb, gps, _ = laptops
    icb.packages.export(ALLIANCE, "Northshire ICB", tmp_path / "p.negotiation")
    gps.packages.import_file(tmp_path / "p.negotiation")
    counts = (len(gps.negotiation.proposals(ALLIANCE)), len(gps.rounds.rounds(ALLIANCE)),
              len(gps.outline.outline(gps.agreements.agreement(ALLIANCE).id)))
    assert not gps.packages.import_file(tmp_path / "p.negotiation").changed_anything
    assert counts == (len(gps.negotiation.proposals(ALLIANCE)), len(gps.rounds.rounds(ALLIANCE)),
                      len(gps.outline.outline(gps.agreements.agreement(ALLIANCE).id)))


def test_a_decision_made_by_the_sender_reaches_the_receiver(laptops, tmp_path: Path) -> None:
    icb, gps, _ = laptops
    icb.packages.export(ALLIANCE, "Northshire ICB", tmp_path / "p.negotiation")
    gps.packages.import_file(tmp_path / "p.negotiation")
    hope = _open_by(icb, "Hope Street Wellbeing")[0]
    icb.negotiation.decide(hope.id, "reject", "Northshire ICB")
    icb.packages.export(ALLIANCE, "Northshire ICB", tmp_path / "p2.negotiation")
    summary = gps.packages.import_file(tmp_path / "p2.negotiation")
    assert summary.updated_proposals == 1
    assert not _open_by(gps, "Hope Street Wellbeing") or all(p.proposed != hope.proposed
                                                              for p in _open_by(gps, "Hope Street Wellbeing"))


def test_a_rewritten_sender_history_is_refused(laptops, tmp_path: Path) -> None:
    icb, gps, _ = laptops
    icb.packages.export(ALLIANCE, "Northshire ICB", tmp_path / "p.negotiation")
    gps.packages.import_file(tmp_path / "p.negotiation")
    sender = true_location(icb)  # the sender rewrites an event, and its hash to match
    row = behind_the_apps_back(sender, "SELECT id, parent_hash, at, action, agreement_id, subject, payload "
                                       "FROM negotiation_event WHERE agreement_id IS NOT NULL ORDER BY id LIMIT 1")[0]
    forged = event_fields_hash(row[0], row[1], row[2], "Someone", row[3], row[4], row[5], row[6])
    behind_the_apps_back(sender, "UPDATE negotiation_event SET actor = 'Someone', content_hash = :forged "
                                 "WHERE id = :id", forged=forged, id=row[0])
    icb.packages.export(ALLIANCE, "Northshire ICB", tmp_path / "p2.negotiation")
    before = len(gps.negotiation.proposals(ALLIANCE))
    with pytest.raises(InvalidInput, match=f"event {row[0]}"):
        gps.packages.import_file(tmp_path / "p2.negotiation")
    assert len(gps.negotiation.proposals(ALLIANCE)) == before


def test_a_package_from_a_newer_version_is_refused_naming_both_versions(laptops, tmp_path: Path) -> None:
    icb, gps, _ = laptops
    path = tmp_path / "p.negotiation"
    icb.packages.export(ALLIANCE, "Northshire ICB", path)
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    manifest = json.loads(parts["manifest.json"])
    manifest["format_version"] = 3
    parts["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(InvalidInput, match="3.*2|2.*3"):
        gps.packages.import_file(path)


def test_package_commands(demo_library: Path | str, starter_library: Path | str, tmp_path: Path) -> None:
    out = tmp_path / "p.negotiation"
    made = negotiator("--library", demo_library, "--as", "Northshire ICB", "package", "export", ALLIANCE, "--out", out,
                      "--json")
    assert made.returncode == 0, made.stderr and json.loads(made.stdout)["proposals"] > 5
    behind_the_apps_back(starter_library, "UPDATE library_info SET value = 'uid-other' WHERE key = 'uid'")
    first = negotiator("--library", starter_library, "package", "import", out, "--json")
    assert first.returncode == 0, first.stderr and json.loads(first.stdout)["added_proposals"] > 5
    again = negotiator("--library", starter_library, "package", "import", out)
    assert again.returncode == 0 and "imported already" in again.stdout
    no_party = negotiator("--library", demo_library, "package", "export", ALLIANCE, "--out", out)
    assert no_party.returncode == 2 and "--as" in no_party.stderr


def test_a_cancelled_import_rolls_everything_back(laptops, tmp_path: Path) -> None:
    from negotiator.services.packages import ImportCancelled

    icb, gps, _ = laptops
    icb.packages.export(ALLIANCE, "Northshire ICB", tmp_path / "p.negotiation")
    asked = []

    def cancel_after_the_outline() -> bool:
        asked.append(1)
        return len(asked) > 1  # the sections went in; then the user cancels

    with pytest.raises(ImportCancelled, match="nothing was imported"):
        gps.packages.import_file(tmp_path / "p.negotiation", cancelled=cancel_after_the_outline)
    assert ALLIANCE not in [a.title for a in gps.agreements.agreements()]
    assert gps.packages.import_file(tmp_path / "p.negotiation").added_proposals > 5
