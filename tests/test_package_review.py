"""Report, then commit (#14, item 4): every refusal or conflict is a line of a report naming the item
and the rule; the app's review dialog and ``package import --dry-run --json`` list what will be added,
changed and refused before anything is written; a refused package leaves the library as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import open_workspace
from tests.hostile_packages import entries_of, reseal, zip_bytes
from tests.library_backends import behind_the_apps_back

from .test_cli import negotiator

ICB, GPS = "NHS Northshire Integrated Care Board", "Northshire Primary Care Federation"


def received(icb_location: Path | str, gps_location: Path | str, folder: Path) -> tuple[int, dict[str, bytes]]:
    """The GP Federation's library after it has exchanged packages with the ICB (both closed), the id of
    the Federation's open proposal, and the entries of the ICB's next package, which carries it."""
    for location, uid in ((icb_location, "uid-icb"), (gps_location, "uid-gps")):
        behind_the_apps_back(location, "UPDATE library_info SET value = :uid WHERE key = 'uid'", uid=uid)
    icb, gps = open_workspace(icb_location, "icb"), open_workspace(gps_location, "gps")
    try:
        icb.packages.export(ALLIANCE, "Northshire ICB", folder / "icb.negotiation")
        gps.packages.import_file(folder / "icb.negotiation")
        mine = gps.negotiation.propose_term(ALLIANCE, "payment.days", "21", "GP Federation", "Three weeks")
        gps.packages.export(ALLIANCE, "GP Federation", folder / "gps.negotiation")
        icb.packages.import_file(folder / "gps.negotiation")
        icb.packages.export(ALLIANCE, "Northshire ICB", folder / "icb-2.negotiation")
    finally:
        icb.close()
        gps.close()
    return mine.id, entries_of(folder / "icb-2.negotiation")


def forged(entries: dict[str, bytes], folder: Path, part: str, change: object, name: str) -> Path:
    """The package with one part changed and its checksums recomputed, as a careful forger would."""
    data = json.loads(entries[part])
    change(data)
    path = folder / name
    path.write_bytes(zip_bytes(reseal({**entries, part: json.dumps(data, ensure_ascii=False).encode()})))
    return path


def with_all_three(entries: dict[str, bytes], folder: Path, mine: int) -> Path:
    """A package that adds a proposal (the ICB's), changes one (the ICB rejects the Federation's) and
    brings one that is refused (by an organisation that is no party)."""
    def change(proposals: list) -> None:
        template = dict(proposals[-1])
        for proposal in proposals:
            if proposal["origin"].endswith(f"uid-gps:p{mine}"):
                proposal.update(status="rejected", decided_by=ICB, decided_at="2027-01-05T09:30:00Z")
        plain = {"status": "open", "decided_by": None, "decided_at": None, "answers": None}
        proposals.append({**template, **plain, "origin": "uid-icb:p9998", "party": ICB})
        proposals.append({**template, **plain, "origin": "uid-icb:p9999", "party": "Meridian MSK Partnership Ltd"})
    return forged(entries, folder, "proposals.json", change, "all-three.negotiation")


def from_no_party(entries: dict[str, bytes], folder: Path) -> Path:
    """A package whose sender is no party to the agreement: refused whole."""
    def change(manifest: dict) -> None:
        manifest["sender"]["party"] = "Meridian MSK Partnership Ltd"
    return forged(entries, folder, "manifest.json", change, "no-party.negotiation")


def damaged(entries: dict[str, bytes], folder: Path) -> Path:
    """A package whose proposals no longer match the manifest's checksum."""
    path = folder / "damaged.negotiation"
    path.write_bytes(zip_bytes({**entries, "proposals.json": entries["proposals.json"].replace(b"21", b"22")}))
    return path


def standing(location: Path | str) -> tuple:
    """What the library holds of the agreement: each proposal's id and status, the rounds, the record's length."""
    ws = open_workspace(location, "check")
    try:
        held = ([(v.proposal.id, v.proposal.status) for v in ws.negotiation.proposals(ALLIANCE)],
                [r.label for r in ws.rounds.rounds(ALLIANCE)])
    finally:
        ws.close()
    events = behind_the_apps_back(location, "SELECT count(*) FROM negotiation_event")
    return (*held, events[0][0])


def file_bytes(location: Path | str) -> bytes | None:
    """The SQLite file's bytes (None for PostgreSQL). Every workspace on it is closed first: closing the last
    connection checkpoints the write-ahead log into the file and removes it, so the bytes are the whole
    library."""
    if not isinstance(location, Path):
        return None
    assert not Path(f"{location}-wal").exists()
    return location.read_bytes()


def test_the_report_lists_what_is_added_changed_and_refused(demo_library, starter_library, tmp_path: Path) -> None:
    mine, entries = received(demo_library, starter_library, tmp_path)
    path = with_all_three(entries, tmp_path, mine)
    ws = open_workspace(starter_library, "gps")
    try:
        preview = ws.packages.preview(path)
        assert any(f"by {ICB}" in line for line in preview.of_kind("added"))
        assert any(f"Proposal {mine} by {GPS} was rejected by {ICB}" in line for line in preview.of_kind("changed"))
        assert any("Meridian MSK Partnership Ltd, which is not a party to" in line
                   for line in preview.of_kind("refused"))
        assert ws.negotiation.proposal(mine).is_open  # a preview writes nothing
        done = ws.packages.import_file(path)
        assert [line.kind for line in done.lines] == [line.kind for line in preview.lines]
        assert not ws.negotiation.proposal(mine).is_open
    finally:
        ws.close()


def test_a_dry_run_prints_the_report_and_writes_nothing(demo_library, starter_library, tmp_path: Path) -> None:
    mine, entries = received(demo_library, starter_library, tmp_path)
    path = with_all_three(entries, tmp_path, mine)
    before, raw = standing(starter_library), file_bytes(starter_library)
    dry = negotiator("--library", starter_library, "package", "import", path, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report["dry_run"] is True and report["id"] == str(path) and report["agreement"] == ALLIANCE
    kinds = {line["kind"] for line in report["lines"]}
    assert {"added", "changed", "refused"} <= kinds
    assert all(set(line) == {"kind", "item", "text"} for line in report["lines"])
    assert standing(starter_library) == before and file_bytes(starter_library) == raw

    told = negotiator("--library", starter_library, "package", "import", path, "--dry-run")
    assert told.returncode == 0, told.stderr
    assert told.stdout.startswith("Nothing was written")
    assert "Added (" in told.stdout and "Changed (1):" in told.stdout and "Refused (" in told.stdout
    assert standing(starter_library) == before and file_bytes(starter_library) == raw

    done = negotiator("--library", starter_library, "package", "import", path, "--json")
    assert done.returncode == 0, done.stderr
    imported = json.loads(done.stdout)
    assert imported["dry_run"] is False and set(imported) == set(report)
    assert [line["kind"] for line in imported["lines"]] == [line["kind"] for line in report["lines"]]
    assert standing(starter_library) != before
    assert raw is None or file_bytes(starter_library) != raw  # the bytes do tell a write


@pytest.mark.parametrize("bad", [from_no_party, damaged])
def test_a_refused_package_leaves_the_library_as_it_was(demo_library, starter_library, tmp_path: Path,
                                                        bad: object) -> None:
    mine, entries = received(demo_library, starter_library, tmp_path)
    path = bad(entries, tmp_path)
    before, raw = standing(starter_library), file_bytes(starter_library)
    for extra in (["--dry-run", "--json"], ["--json"], []):
        refused = negotiator("--library", starter_library, "package", "import", path, *extra)
        assert refused.returncode == 2 and refused.stdout == ""  # errors go to stderr, as for every command
        assert path.name in refused.stderr or "not a party" in refused.stderr, refused.stderr
        assert standing(starter_library) == before and file_bytes(starter_library) == raw
