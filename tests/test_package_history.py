"""A sender's history cannot be rewritten (#14, item 3): a package that renumbers or forks the sender's
record, even signed with the sender's own key, is refused whole; an older package sent again is not a
rewrite; and a package that brings only events of the record says so, never "nothing new"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput
from negotiator.domain.signatures import sign
from negotiator.services.demo_titles import ALLIANCE
from negotiator.storage.negotiation_store import event_fields_hash
from tests.hostile_packages import entries_of, reseal, zip_bytes
from tests.library_backends import behind_the_apps_back, true_location
from tests.test_packages import _laptop

ICB, GPS = "NHS Northshire Integrated Care Board", "Northshire Primary Care Federation"


@pytest.fixture
def pair(backend: str, request: pytest.FixtureRequest, tmp_path: Path):
    icb, gps = _laptop(request, tmp_path, "icb", "demo"), _laptop(request, tmp_path, "gps", "starter")
    icb.packages.export(ALLIANCE, ICB, tmp_path / "first.negotiation")
    gps.packages.import_file(tmp_path / "first.negotiation")
    yield icb, gps
    icb.close()
    gps.close()


def _renumbered(entries: dict[str, bytes], sender: str, key: str, shift: int) -> dict[str, bytes]:
    """The sender's events under new ids, re-chained and re-signed with the sender's own key: a fork its
    owner could make."""
    agreement = json.loads(entries["agreement.json"])["sender_id"]
    events, previous = json.loads(entries["events.json"]), None
    for event in events:
        if event.get("library", sender) != sender:
            continue
        event["id"] += shift
        if previous is not None:
            event["parent_hash"] = previous
        event["content_hash"] = event_fields_hash(event["id"], event["parent_hash"], event["at"], event["actor"],
                                                  event["action"], agreement, event["subject"], event["payload"])
        event["signature"] = sign(key, event["content_hash"])
        previous = event["content_hash"]
    return reseal({**entries, "events.json": json.dumps(events, ensure_ascii=False).encode()})


def test_a_renumbered_history_is_refused_even_signed_by_its_owner(pair, tmp_path: Path) -> None:
    icb, gps = pair
    key = behind_the_apps_back(true_location(icb), "SELECT value FROM library_info WHERE key = 'private_key'")[0][0]
    forged = tmp_path / "forked.negotiation"
    forged.write_bytes(zip_bytes(_renumbered(entries_of(tmp_path / "first.negotiation"), "uid-icb", key, 100_000)))
    before = len(gps.negotiation.proposals(ALLIANCE))
    with pytest.raises(InvalidInput, match="history was rewritten"):
        gps.packages.import_file(forged)
    assert len(gps.negotiation.proposals(ALLIANCE)) == before and gps.record.verify().problems == ()


def test_an_older_package_sent_again_is_not_a_rewrite_and_new_events_are_news(pair, tmp_path: Path) -> None:
    icb, gps = pair
    icb.negotiation.propose_term(ALLIANCE, "payment.days", "45", ICB, "Longer terms")
    icb.packages.export(ALLIANCE, ICB, tmp_path / "second.negotiation")
    second = gps.packages.import_file(tmp_path / "second.negotiation")
    assert second.added_events >= 1 and second.changed_anything
    again = gps.packages.import_file(tmp_path / "first.negotiation")  # stale: it ends before the new events
    assert not again.changed_anything and again.added_events == 0
