"""No one can send packages in another library's name (#14, items 2 and 3): a library made today is
named by its own key, so a package that gives that name another key is refused before anything is
pinned, and the genuine library's packages are then taken as ever; an unsigned package in such a
name is forged too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput
from negotiator.domain.signatures import library_named_by, public_key_of, sign
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import open_workspace
from tests.hostile_packages import dump, entries_of, reseal, zip_bytes
from tests.library_backends import behind_the_apps_back

ICB = "NHS Northshire Integrated Care Board"


def _info(location: Path | str, key: str) -> str:
    return behind_the_apps_back(location, "SELECT value FROM library_info WHERE key = :key", key=key)[0][0]


def test_a_new_library_is_named_by_its_key(new_library: Path | str) -> None:
    open_workspace(new_library, "Drafter").close()
    assert _info(new_library, "uid") == library_named_by(_info(new_library, "public_key"))


def test_a_package_in_another_librarys_name_is_refused_and_the_real_one_still_arrives(
        demo_library: Path | str, starter_library: Path | str, new_library: Path | str, tmp_path: Path) -> None:
    open_workspace(new_library, "Mallory").close()  # the forger's own library, and so its own key
    forger = _info(new_library, "private_key")
    # The receiving laptop is another library (its copy of the starter clauses came with its own uid).
    behind_the_apps_back(starter_library, "UPDATE library_info SET value = 'uid-gps' WHERE key = 'uid'")
    sender, receiver = open_workspace(demo_library, "ICB"), open_workspace(starter_library, "GP Federation")
    try:
        genuine = tmp_path / "genuine.negotiation"
        sender.packages.export(ALLIANCE, ICB, genuine)
        entries = entries_of(genuine)
        manifest, events = json.loads(entries["manifest.json"]), json.loads(entries["events.json"])
        name = manifest["sender"]["library"]
        manifest["keys"][name]["public_key"] = public_key_of(forger)
        for event in events:
            event["signature"] = sign(forger, event["content_hash"])
        forged = tmp_path / "forged.negotiation"
        forged.write_bytes(zip_bytes(reseal({**entries, "manifest.json": dump(manifest),
                                             "events.json": json.dumps(events).encode()})))
        with pytest.raises(InvalidInput, match="name is made from its own key"):
            receiver.packages.import_file(forged)
        assert receiver.packages.import_file(genuine).added_proposals > 0  # nothing was pinned by the forgery
        assert receiver.record.verify().problems == ()
    finally:
        sender.close()
        receiver.close()
