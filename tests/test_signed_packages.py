"""Provenance you can prove (#14, items 2 and 6): each library signs its events with its own key, a
package carries the keys and signatures (its own and those it forwards), a receiver pins keys on first
use and refuses what does not verify; a package of format 1 is still read, its proposals unsigned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from negotiator.domain.errors import InvalidInput
from negotiator.domain.signatures import fingerprint, new_private_key, public_key_of, sign, verify
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace
from tests.hostile_packages import dump, entries_of, reseal, zip_bytes
from tests.library_backends import behind_the_apps_back, copy_library, library_template, true_location

ICB, GPS, HOPE = "NHS Northshire Integrated Care Board", "Northshire Primary Care Federation", "Hope Street Wellbeing"


def rekey(location: Path | str) -> str:
    """Give a copied library a key of its own (copies of one template share one), re-signing its record as
    the app would have signed it; returns the new public key."""
    private = new_private_key()
    url = f"sqlite:///{location}" if isinstance(location, Path) else location
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            rows = connection.execute(text("SELECT id, content_hash FROM negotiation_event")).all()
            connection.execute(text("UPDATE library_info SET value = :v WHERE key = 'private_key'"), {"v": private})
            connection.execute(text("UPDATE library_info SET value = :v WHERE key = 'public_key'"),
                               {"v": public_key_of(private)})
            if rows:
                connection.execute(text("UPDATE negotiation_event SET signature = :s WHERE id = :i"),
                                   [{"i": i, "s": sign(private, h)} for i, h in rows])
    finally:
        engine.dispose()
    return public_key_of(private)


def _laptop(request: pytest.FixtureRequest, tmp_path: Path, name: str, template: str) -> Workspace:
    location = copy_library(library_template(request, template), request, tmp_path)
    behind_the_apps_back(location, "UPDATE library_info SET value = :uid WHERE key = 'uid'", uid=f"uid-{name}")
    rekey(location)
    return open_workspace(location, name)


@pytest.fixture
def laptops(backend: str, request: pytest.FixtureRequest, tmp_path: Path):
    found = (_laptop(request, tmp_path, "icb", "demo"), _laptop(request, tmp_path, "gps", "starter"),
             _laptop(request, tmp_path, "hope", "starter"))
    yield found
    for ws in found:
        ws.close()


def _provenance(ws: Workspace) -> dict[int, str]:
    return {v.proposal.id: v.provenance.text for v in ws.negotiation.proposals(ALLIANCE)}


def _by_content(ws: Workspace) -> dict[tuple[str, str, str], str]:
    return {(v.proposal.party_name, v.proposal.target, v.proposal.proposed): v.provenance.text
            for v in ws.negotiation.proposals(ALLIANCE)}


def _edit(path: Path, part: str, change: object) -> Path:
    entries = entries_of(path)
    data = json.loads(entries[part])
    change(data)
    forged = path.with_name("forged.negotiation")
    forged.write_bytes(zip_bytes(reseal({**entries, part: dump(data)})))
    return forged


def test_each_library_has_its_own_key_and_signs_every_event(laptops) -> None:
    icb, gps, _ = laptops
    keys = []
    for ws in (icb, gps):
        rows = behind_the_apps_back(true_location(ws), "SELECT content_hash, signature FROM negotiation_event")
        public = behind_the_apps_back(true_location(ws), "SELECT value FROM library_info WHERE key = 'public_key'")
        keys.append(public[0][0])
        assert rows and all(verify(public[0][0], digest, signature) for digest, signature in rows)
        assert ws.trust.own().fingerprint == fingerprint(public[0][0])
    assert keys[0] != keys[1]


def test_a_library_signs_its_new_events_and_verify_reports_a_bad_signature(laptops) -> None:
    icb, _, _ = laptops
    icb.negotiation.propose_term(ALLIANCE, "payment.days", "40", ICB, "Cash flow")
    assert icb.record.verify().texts() == []
    last = behind_the_apps_back(true_location(icb), "SELECT max(id) FROM negotiation_event")[0][0]
    behind_the_apps_back(true_location(icb), "UPDATE negotiation_event SET signature = :s WHERE id = :i",
                         s="ab" * 64, i=last)
    problems = icb.record.verify().texts()
    assert len(problems) == 1 and f"record event {last}" in problems[0] and "signature" in problems[0]
    behind_the_apps_back(true_location(icb), "UPDATE negotiation_event SET signature = NULL WHERE id = 3")
    assert any(p.startswith("record event 3 ") and "not signed" in p for p in icb.record.verify().texts())


def test_a_package_carries_keys_and_signatures_and_the_receiver_pins_the_sender(laptops, tmp_path: Path) -> None:
    icb, gps, _ = laptops
    path = tmp_path / "p.negotiation"
    package = icb.packages.export(ALLIANCE, ICB, path)
    assert package.keys["uid-icb"].party == ICB and all(e.signature for e in package.events)
    assert gps.trust.trusted() == []
    gps.packages.import_file(path)
    [pinned] = gps.trust.trusted()
    assert (pinned.library, pinned.party, pinned.fingerprint) == ("uid-icb", ICB, icb.trust.own().fingerprint)
    # The demo's proposals were all recorded in the ICB's library, for the other parties: none is their own.
    views = gps.negotiation.proposals(ALLIANCE)
    assert views and all(v.provenance.kind == "recorded" and v.provenance.party == v.proposal.party_name
                         for v in views)
    assert f"recorded for {HOPE} by {ICB}" in {v.provenance.text for v in views}
    assert gps.record.verify().texts() == []


def test_a_tampered_signature_refuses_the_whole_package(laptops, tmp_path: Path) -> None:
    icb, gps, _ = laptops
    icb.packages.export(ALLIANCE, ICB, tmp_path / "p.negotiation")

    def tamper(events: list) -> None:  # the last event: its signature proves every one before it
        events[-1]["signature"] = sign(new_private_key(), events[-1]["content_hash"])

    forged = _edit(tmp_path / "p.negotiation", "events.json", tamper)
    with pytest.raises(InvalidInput, match="uid-icb.*signature does not verify.*Nothing was imported"):
        gps.packages.import_file(forged)
    assert gps.trust.trusted() == [] and ALLIANCE not in [a.title for a in gps.agreements.agreements()]


def test_a_second_key_for_a_pinned_library_is_refused(laptops, tmp_path: Path) -> None:
    icb, gps, _ = laptops
    icb.packages.export(ALLIANCE, ICB, tmp_path / "first.negotiation")
    gps.packages.import_file(tmp_path / "first.negotiation")
    pinned = icb.trust.own().fingerprint
    icb.close()
    rekey(true_location(icb))  # someone else's library claiming to be the ICB's
    impostor = open_workspace(true_location(icb), "impostor")
    try:
        impostor.negotiation.propose_term(ALLIANCE, "payment.days", "90", ICB, "Pay us late")
        impostor.packages.export(ALLIANCE, ICB, tmp_path / "second.negotiation")
        with pytest.raises(InvalidInput, match=f"key pinned for it is {pinned}.*Compare fingerprints"):
            gps.packages.import_file(tmp_path / "second.negotiation")
    finally:
        impostor.close()
    assert not [v for v in gps.negotiation.proposals(ALLIANCE) if v.proposal.proposed == "90"]


def test_events_forwarded_through_a_third_library_verify_and_keep_their_provenance(laptops, tmp_path: Path) -> None:
    icb, gps, hope = laptops
    icb.packages.export(ALLIANCE, ICB, tmp_path / "icb.negotiation")
    gps.packages.import_file(tmp_path / "icb.negotiation")
    gps.act_as(GPS, remember=False)
    gps.negotiation.propose_term(ALLIANCE, "payment.days", "25", GPS, "Cash flow")
    package = gps.packages.export(ALLIANCE, GPS, tmp_path / "gps.negotiation")
    assert set(package.keys) == {"uid-gps", "uid-icb"}
    assert {e.library for e in package.events} == {None, "uid-icb"}
    hope.packages.import_file(tmp_path / "gps.negotiation")
    assert {(k.library, k.party) for k in hope.trust.trusted()} == {("uid-gps", GPS), ("uid-icb", ICB)}
    # The ICB's proposals reached Hope Street through the GP Federation with their signatures intact.
    assert _by_content(hope) == _by_content(gps)
    own_gps = [v for v in hope.negotiation.proposals(ALLIANCE) if v.proposal.proposed == "25"]
    assert own_gps[0].provenance.kind == "own"
    assert "unsigned" not in _provenance(hope).values()
    # A forwarded event altered on the way is refused, naming the library that signed it.

    def tamper(events: list) -> None:
        forwarded = [e for e in events if e.get("library") == "uid-icb"][-1]
        forwarded["signature"] = "00" * 64

    forged = _edit(tmp_path / "gps.negotiation", "events.json", tamper)
    with pytest.raises(InvalidInput, match=f"library uid-icb \\({ICB}, key "):
        icb.packages.import_file(forged)


def test_own_and_recorded_for_another_party(laptops, tmp_path: Path) -> None:
    icb, gps, _ = laptops
    icb.packages.export(ALLIANCE, ICB, tmp_path / "icb.negotiation")
    gps.packages.import_file(tmp_path / "icb.negotiation")
    gps.act_as(GPS, remember=False)
    own = gps.negotiation.propose_term(ALLIANCE, "payment.days", "25", GPS, "Cash flow")
    recorded = gps.negotiation.propose_term(ALLIANCE, "payment.days", "35", HOPE, "From Hope Street's returned file")
    here = _provenance(gps)
    assert here[own.id] == "own (signed by its library)"
    assert here[recorded.id] == f"recorded for {HOPE} by {GPS}"
    gps.packages.export(ALLIANCE, GPS, tmp_path / "gps.negotiation")
    icb.packages.import_file(tmp_path / "gps.negotiation")
    there = {v.proposal.proposed: v.provenance.text for v in icb.negotiation.proposals(ALLIANCE)}
    assert there["25"] == "own (signed by its library)"
    assert there["35"] == f"recorded for {HOPE} by {GPS}"


def test_a_version_1_package_is_still_read_and_its_proposals_are_unsigned(laptops, tmp_path: Path) -> None:
    icb, gps, _ = laptops
    icb.packages.export(ALLIANCE, ICB, tmp_path / "p.negotiation")
    entries = entries_of(tmp_path / "p.negotiation")
    manifest = json.loads(entries["manifest.json"])
    manifest["format_version"] = 1
    del manifest["keys"]
    events = json.loads(entries["events.json"])
    for event in events:
        event.pop("signature")
    old = tmp_path / "old.negotiation"
    old.write_bytes(zip_bytes(reseal({**entries, "manifest.json": dump(manifest), "events.json": dump(events)})))
    summary = gps.packages.import_file(old)
    assert summary.added_proposals > 5
    assert set(_provenance(gps).values()) == {"unsigned"}
    assert gps.trust.trusted() == []
    assert gps.record.verify().texts() == []
    # Once the ICB's library has sent a signed package, an unsigned one in its name is refused.
    gps.packages.import_file(tmp_path / "p.negotiation")
    assert "unsigned" not in _provenance(gps).values()
    with pytest.raises(InvalidInput, match="unsigned.*that library signs its packages"):
        gps.packages.import_file(old)


def test_an_upgraded_library_gets_a_key_and_its_earlier_events_are_signed(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    old.write_bytes((Path(__file__).parent / "fixtures" / "library-0006.sqlite").read_bytes())
    ws = open_workspace(old, "Fixture Reader")
    try:
        public = behind_the_apps_back(old, "SELECT value FROM library_info WHERE key = 'public_key'")[0][0]
        rows = behind_the_apps_back(old, "SELECT content_hash, signature FROM negotiation_event")
        assert rows and all(verify(public, digest, signature) for digest, signature in rows)
        assert ws.record.verify().texts() == [] and ws.trust.own().fingerprint == fingerprint(public)
    finally:
        ws.close()


def test_a_restored_backup_keeps_the_key_and_signs_with_it(demo_path: Path) -> None:
    ws = open_workspace(demo_path, "Test Drafter")
    before = ws.trust.own().fingerprint
    backup = ws.backups.backup_now()
    ws.close()
    from negotiator.services.backups import BackupService

    BackupService(demo_path).restore(backup)
    ws = open_workspace(demo_path, "Test Drafter")
    try:
        assert ws.trust.own().fingerprint == before
        ws.negotiation.propose_term(ALLIANCE, "payment.days", "41", ICB, "After the restore")
        assert ws.record.verify().texts() == []
    finally:
        ws.close()


def test_the_cli_shows_fingerprints_own_and_pinned(laptops, tmp_path: Path) -> None:
    from tests.test_cli import negotiator

    icb, gps, _ = laptops
    icb.packages.export(ALLIANCE, ICB, tmp_path / "p.negotiation")
    gps.packages.import_file(tmp_path / "p.negotiation")
    own = negotiator("--library", true_location(icb), "library", "fingerprint")
    assert own.returncode == 0 and icb.trust.own().fingerprint in own.stdout
    pinned = negotiator("--library", true_location(gps), "package", "trusted", "--json")
    assert pinned.returncode == 0, pinned.stderr
    assert json.loads(pinned.stdout) == [{"id": "uid-icb", "library": "uid-icb", "party": ICB,
                                          "fingerprint": icb.trust.own().fingerprint,
                                          "first_seen": gps.trust.trusted()[0].first_seen}]
    listing = negotiator("--library", true_location(gps), "proposals", ALLIANCE)
    assert listing.returncode == 0 and "Provenance" in listing.stdout
    assert f"recorded for {HOPE} by {ICB}" in listing.stdout


def test_every_example_of_the_format_document_passes_the_readers_checks() -> None:
    from negotiator.exchange.package_file import PARTS
    from negotiator.exchange.package_schema import check_events, check_manifest
    from negotiator.storage.negotiation_store import event_fields_hash

    document = (Path(__file__).parent.parent / "docs" / "package-format.md").read_text(encoding="utf-8")
    examples = [json.loads(block.split("```", 1)[0]) for block in document.split("```json\n")[1:]]
    manifests = [check_manifest(e, PARTS) for e in examples if isinstance(e, dict) and "format" in e]
    assert sorted(m["format_version"] for m in manifests) == [1, 2]
    keys = next(m for m in manifests if m["format_version"] == 2)["keys"]
    [events] = [check_events(e) for e in examples if isinstance(e, list)]
    for event in events:
        library = event.library or "lib-1"
        agreement = event.agreement if event.agreement is not None else 3
        assert event_fields_hash(event.id, event.parent_hash, event.at, event.actor, event.action, agreement,
                                 event.subject, event.payload) == event.content_hash
        assert verify(keys[library]["public_key"], event.content_hash, event.signature)
    assert fingerprint(keys["lib-1"]["public_key"]) in document


def test_a_new_library_has_one_key_however_many_users_open_it(new_library: Path | str) -> None:
    first, second = open_workspace(new_library, "First user"), open_workspace(new_library, "Second user")
    try:
        assert first.trust.own() == second.trust.own()
        rows = behind_the_apps_back(true_location(first), "SELECT key FROM library_info WHERE key LIKE '%_key'")
        assert sorted(r[0] for r in rows) == ["private_key", "public_key"]
        from negotiator.locations import starter_library_file

        first.clauses.import_file(starter_library_file())  # events recorded by one user, checked by the other
        first.agreements.add_party("Northshire Hospice", "Hospice", "voluntary_sector")
        signed = behind_the_apps_back(true_location(first), "SELECT content_hash, signature FROM negotiation_event")
        public = behind_the_apps_back(true_location(first), "SELECT value FROM library_info WHERE key = 'public_key'")
        assert signed and all(verify(public[0][0], digest, signature) for digest, signature in signed)
        assert first.record.verify().texts() == [] and second.record.verify().texts() == []
    finally:
        first.close()
        second.close()


def test_a_returned_word_file_is_recorded_for_its_party_by_the_importer(laptops, tmp_path: Path) -> None:
    from tests.word_edits import WordEdit

    icb, gps, _ = laptops
    icb.act_as("Northshire ICB", remember=False)
    out = tmp_path / "redline.docx"
    icb.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", "Northshire ICB")
    edit = WordEdit(out)
    edit.replace_words("term.payment.days", "thirty (30) days", "twenty (20) days", "Jane Smith")
    edit.save()
    result = icb.returned.import_file(ALLIANCE, out, {"Jane Smith": "GP Federation"})
    [made] = result.made
    here = {v.proposal.id: v.provenance.text for v in icb.negotiation.proposals(ALLIANCE)}
    assert here[made] == f"recorded for {GPS} by {ICB}"
    icb.packages.export(ALLIANCE, ICB, tmp_path / "p.negotiation")
    gps.packages.import_file(tmp_path / "p.negotiation")
    there = [v for v in gps.negotiation.proposals(ALLIANCE) if v.proposal.target == "payment.days"
             and v.proposal.proposed == "20" and v.proposal.is_open]
    assert there and there[-1].provenance.text == f"recorded for {GPS} by {ICB}"  # not the GP Federation's own
