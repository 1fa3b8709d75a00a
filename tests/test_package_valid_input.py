"""Valid packages never crash the import (#14, item 5): an agreement sent without its optional origin,
times with or without fractions of a second and with any UTC offset, every documented place of a new
or moved section; and a terms value the receiver's own rules refuse is refused at import, not stored."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace
from tests.hostile_packages import entries_of, reseal, zip_bytes


@pytest.fixture
def sent(demo_path: Path, tmp_path: Path) -> dict[str, bytes]:
    """The entries of the package the ICB sends of the demo alliance."""
    ws = open_workspace(demo_path, "Test Drafter")
    try:
        ws.packages.export(ALLIANCE, "Northshire ICB", tmp_path / "sent.negotiation")
    finally:
        ws.close()
    return entries_of(tmp_path / "sent.negotiation")


@pytest.fixture
def receiver(starter_path: Path) -> Workspace:
    """Another party's laptop: a library of its own (the demo was built from a copy of the same starter)."""
    with sqlite3.connect(starter_path) as connection:
        connection.execute("UPDATE library_info SET value = 'receiver-library' WHERE key = 'uid'")
    connection.close()
    ws = open_workspace(starter_path, "Test Drafter")
    yield ws
    ws.close()


def _edited(entries: dict[str, bytes], part: str, change: object, folder: Path) -> Path:
    data = json.loads(entries[part])
    change(data)
    path = folder / "edited.negotiation"
    path.write_bytes(zip_bytes(reseal({**entries, part: json.dumps(data, ensure_ascii=False).encode()})))
    return path


def test_an_agreement_sent_without_its_optional_origin_is_imported_once(sent: dict, receiver: Workspace,
                                                                        tmp_path: Path) -> None:
    path = _edited(sent, "agreement.json", lambda data: data.pop("origin"), tmp_path)
    first = receiver.packages.import_file(path)
    assert first.added_sections > 20
    again = receiver.packages.import_file(path)  # the same package again: matched, nothing doubled
    assert not again.changed_anything and len(receiver.agreements.agreements()) == 1


@pytest.mark.parametrize("moment", ["2027-01-05T09:30:00Z", "2027-01-05T10:30:00+01:00", "2027-01-05T09:30:00",
                                    "2027-01-05T04:30:00.250-05:00"])
def test_times_with_or_without_fractions_and_with_any_offset_are_read_as_utc(
        sent: dict, receiver: Workspace, tmp_path: Path, moment: str) -> None:
    def when(data: list) -> None:
        for proposal in data:
            proposal["created_at"] = moment
    receiver.packages.import_file(_edited(sent, "proposals.json", when, tmp_path))
    made = receiver.negotiation.proposals(ALLIANCE)[0].proposal.created_at
    assert (made.year, made.month, made.day, made.hour, made.minute) == (2027, 1, 5, 9, 30)
    assert made.utcoffset().total_seconds() == 0
    assert receiver.record.verify().problems == ()


@pytest.mark.parametrize(("place", "expected"), [("first", 0), ("end", -1), ("", -1)])
def test_every_documented_place_of_a_new_section_can_be_accepted(
        sent: dict, receiver: Workspace, tmp_path: Path, place: str, expected: int) -> None:
    def add(data: list) -> None:
        data.append({**data[0], "origin": data[0]["origin"].rsplit(":", 1)[0] + ":p900", "kind": "add_section",
                     "target": "new", "base": "", "base_version": 0, "heading": "Notices",
                     "proposed": "Notices are given in writing.", "place": place, "status": "open", "answers": None,
                     "decided_by": None, "decided_at": None, "party": "Hope Street Wellbeing"})
    receiver.packages.import_file(_edited(sent, "proposals.json", add, tmp_path))
    made = next(v.proposal for v in receiver.negotiation.proposals(ALLIANCE) if v.proposal.heading == "Notices")
    receiver.negotiation.decide(made.id, "accept", "Northshire ICB")
    outline = receiver.outline.outline(receiver.agreements.agreement(ALLIANCE).id)
    top = [n.section.heading for n in outline if "." not in n.number]
    assert top[expected] == "Notices"
    receiver.act_as("Northshire ICB")
    receiver.export.redline_document(ALLIANCE, "Draft 2", "agreed")  # and every export still works


def test_a_section_moved_to_the_end_is_moved_there(sent: dict, receiver: Workspace, tmp_path: Path) -> None:
    sections = json.loads(sent["sections.json"])
    first = next(s for s in sections if s["parent"] is None)

    def move(data: list) -> None:
        data.append({**data[0], "origin": data[0]["origin"].rsplit(":", 1)[0] + ":p901", "kind": "move_section",
                     "target": f"section:{first['origin']}", "base": first["text"], "base_version": first["version"],
                     "heading": first["heading"], "proposed": "end", "place": "end", "status": "open",
                     "answers": None, "decided_by": None, "decided_at": None, "party": "Hope Street Wellbeing"})
    receiver.packages.import_file(_edited(sent, "proposals.json", move, tmp_path))
    made = next(v.proposal for v in receiver.negotiation.proposals(ALLIANCE) if v.proposal.kind.value == "move_section")
    receiver.negotiation.decide(made.id, "accept", "Northshire ICB")
    outline = receiver.outline.outline(receiver.agreements.agreement(ALLIANCE).id)
    assert [n.section.heading for n in outline if "." not in n.number][-1] == first["heading"]


@pytest.mark.parametrize(("where", "value"), [(("payment", "days"), 10**30), (("payment", "days"), 0),
                                              (("duration", "initial_term_months"), 10**9)])
def test_a_term_the_receivers_rules_refuse_is_refused_at_import(sent: dict, receiver: Workspace, tmp_path: Path,
                                                                where: tuple, value: int) -> None:
    def change(data: dict) -> None:
        data["terms"][where[0]][where[1]] = value
    with pytest.raises(InvalidInput, match="terms sheet cannot be used|cannot be imported"):
        receiver.packages.import_file(_edited(sent, "agreement.json", change, tmp_path))
    assert receiver.agreements.agreements() == [] and receiver.record.verify().problems == ()  # nothing stored


@pytest.mark.parametrize("value", ["1e30", "0", "400"])
def test_a_term_proposal_the_receivers_rules_refuse_is_left_out_with_a_line_of_the_report(
        sent: dict, receiver: Workspace, tmp_path: Path, value: str) -> None:
    def propose(data: list) -> None:
        corridor = next(p for p in data if p["target"] == "risk_share.corridor")
        data.append({**corridor, "origin": corridor["origin"].rsplit(":", 1)[0] + ":p902", "target": "payment.days",
                     "base": "30", "proposed": value, "party": "Hope Street Wellbeing"})
    summary = receiver.packages.import_file(_edited(sent, "proposals.json", propose, tmp_path))
    assert any(":p902 by Hope Street Wellbeing proposes terms this library's rules refuse" in line
               for line in summary.conflicts)
    assert all(v.proposal.target != "payment.days" for v in receiver.negotiation.proposals(ALLIANCE))
    receiver.act_as("Northshire ICB")
    for mode in ("agreed", "open", "party:Hope Street"):  # every export of the agreement still works
        receiver.export.redline_document(ALLIANCE, "Draft 2", mode)
