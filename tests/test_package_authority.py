"""A package speaks only for its sender (#14, item 3, in part): the sender must be a party to the
agreement; a proposal in the name of an organisation that is not a party is left out; and a package
may change the standing of a proposal held here only by its sender's own decision (its own
withdrawal, or its decision on the agreement's proposals), never in another agreement, never in the
name of another party or of a name that is no party at all. Each refusal is a line of the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput
from negotiator.domain.proposals import ProposalStatus
from negotiator.services.demo_titles import ALLIANCE
from tests.hostile_packages import entries_of, reseal, zip_bytes
from tests.test_packages import _laptop

ICB, GPS, HOPE = "NHS Northshire Integrated Care Board", "Northshire Primary Care Federation", "Hope Street Wellbeing"


@pytest.fixture
def exchanged(backend: str, request: pytest.FixtureRequest, tmp_path: Path):
    """The ICB's laptop and the GP Federation's, after the Federation made a proposal and sent it to the
    ICB: the ICB's next package carries the Federation's proposal, known to both by its origin."""
    icb, gps = _laptop(request, tmp_path, "icb", "demo"), _laptop(request, tmp_path, "gps", "starter")
    icb.packages.export(ALLIANCE, "Northshire ICB", tmp_path / "icb.negotiation")
    gps.packages.import_file(tmp_path / "icb.negotiation")
    mine = gps.negotiation.propose_term(ALLIANCE, "payment.days", "21", "GP Federation", "Three weeks")
    gps.packages.export(ALLIANCE, "GP Federation", tmp_path / "gps.negotiation")
    icb.packages.import_file(tmp_path / "gps.negotiation")
    icb.packages.export(ALLIANCE, "Northshire ICB", tmp_path / "icb-2.negotiation")
    yield icb, gps, mine, entries_of(tmp_path / "icb-2.negotiation")
    icb.close()
    gps.close()


def _forged(entries: dict[str, bytes], folder: Path, change: object, part: str = "proposals.json") -> Path:
    data = json.loads(entries[part])
    change(data)
    path = folder / "forged.negotiation"
    path.write_bytes(zip_bytes(reseal({**entries, part: json.dumps(data, ensure_ascii=False).encode()})))
    return path


def _decide(origin_end: str, status: str, decided_by: str | None) -> object:
    def change(data: list) -> None:
        for proposal in data:
            if proposal["origin"].endswith(origin_end):
                proposal.update(status=status, decided_by=decided_by, decided_at="2027-01-05T09:30:00Z")
    return change


@pytest.mark.parametrize(("status", "decided_by", "why"), [
    ("withdrawn", ICB, "only Northshire Primary Care Federation, which made it, can withdraw it"),
    ("rejected", "Mallory Holdings Ltd", "Mallory Holdings Ltd is not a party to"),
    ("rejected", HOPE, "the decision is Hope Street Wellbeing's, and only Hope Street Wellbeing's own package"),
])
def test_a_package_cannot_decide_what_its_sender_may_not(exchanged, tmp_path: Path, status: str,
                                                          decided_by: str, why: str) -> None:
    _, gps, mine, entries = exchanged
    forged = _forged(entries, tmp_path, _decide(f"uid-gps:p{mine.id}", status, decided_by))
    summary = gps.packages.import_file(forged)
    assert any(f"Proposal {mine.id} (Northshire Primary Care Federation) is shown as {status}" in line and why in line
               for line in summary.conflicts), summary.conflicts
    assert gps.negotiation.proposal(mine.id).status is ProposalStatus.OPEN
    assert gps.record.verify().problems == ()


def test_the_senders_own_decision_on_the_agreements_proposal_is_taken(exchanged, tmp_path: Path) -> None:
    _, gps, mine, entries = exchanged
    summary = gps.packages.import_file(_forged(entries, tmp_path, _decide(f"uid-gps:p{mine.id}", "rejected", ICB)))
    decided = gps.negotiation.proposal(mine.id)
    assert decided.status is ProposalStatus.REJECTED and decided.decided_by == ICB and summary.changed_anything
    assert gps.record.verify().problems == ()


def test_a_proposal_in_the_name_of_an_organisation_that_is_no_party_is_left_out(exchanged, tmp_path: Path) -> None:
    icb, gps, _, entries = exchanged

    def outsider(data: list) -> None:
        data.append({**data[-1], "origin": "uid-icb:p9999", "party": "Meridian MSK Partnership Ltd",
                     "status": "open", "decided_by": None, "decided_at": None, "answers": None})
    before = len(gps.negotiation.proposals(ALLIANCE))
    summary = gps.packages.import_file(_forged(entries, tmp_path, outsider))
    assert any("uid-icb:p9999 is by Meridian MSK Partnership Ltd, which is not a party to" in line
               for line in summary.conflicts)
    assert len(gps.negotiation.proposals(ALLIANCE)) == before


def test_a_package_from_a_sender_that_is_no_party_is_refused_whole(exchanged, tmp_path: Path) -> None:
    _, gps, _, entries = exchanged

    def sender(manifest: dict) -> None:
        manifest["sender"]["party"] = "Meridian MSK Partnership Ltd"
    path = _forged(entries, tmp_path, sender, "manifest.json")
    before = [(v.proposal.id, v.proposal.status) for v in gps.negotiation.proposals(ALLIANCE)]
    with pytest.raises(InvalidInput, match="sent by Meridian MSK Partnership Ltd, which is not a party to"):
        gps.packages.import_file(path)
    assert [(v.proposal.id, v.proposal.status) for v in gps.negotiation.proposals(ALLIANCE)] == before
