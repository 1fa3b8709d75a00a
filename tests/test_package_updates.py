"""Honest updates arrive whole (#14, item 1): a later package from a party brings the receiver to the
state the sender's decisions made: wording and terms applied, sections added, removed and moved, rivals
superseded, nothing made twice, whatever order the packages arrive in."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiator.domain.proposals import ProposalStatus
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace
from tests.agreement_state import outline, state, terms
from tests.test_packages import _laptop

ICB, GPS, HOPE = "NHS Northshire Integrated Care Board", "Northshire Primary Care Federation", "Hope Street Wellbeing"


@pytest.fixture
def three(backend: str, request: pytest.FixtureRequest, tmp_path: Path):
    """The ICB's laptop with the demo negotiation, and the GP Federation's and Hope Street's, each having
    imported the ICB's first package."""
    icb = _laptop(request, tmp_path, "icb", "demo")
    gps, hope = _laptop(request, tmp_path, "gps", "starter"), _laptop(request, tmp_path, "hope", "starter")
    send(icb, ICB, tmp_path, gps, hope)
    yield icb, gps, hope
    for ws in (icb, gps, hope):
        ws.close()


_sent = iter(range(10**6))


def send(sender: Workspace, party: str, folder: Path, *receivers: Workspace) -> Path:
    """The sender's package, imported by each receiver; returns the file."""
    path = folder / f"package-{next(_sent)}.negotiation"
    sender.packages.export(ALLIANCE, party, path)
    for receiver in receivers:
        receiver.packages.import_file(path)
    return path


def _section(ws: Workspace, heading: str) -> object:
    agreement = ws.agreements.agreement(ALLIANCE)
    return next(n.section for n in ws.outline.outline(agreement.id) if n.section.heading == heading)


def _mine(ws: Workspace, party: str) -> object:
    return next(v.proposal for v in reversed(ws.negotiation.proposals(ALLIANCE)) if v.proposal.party_name == party)


def test_an_accepted_wording_reaches_the_receiver(three, tmp_path: Path) -> None:
    icb, gps, _ = three
    heading = outline(gps, ALLIANCE)[3][1]
    section = _section(gps, heading)
    gps.negotiation.propose_wording(ALLIANCE, section.id, section.text + " Reviewed each quarter.", GPS, "Cadence")
    send(gps, GPS, tmp_path, icb)
    icb.negotiation.decide(_mine(icb, GPS).id, "accept", ICB, "Quarterly reviews suit the Board")
    send(icb, ICB, tmp_path, gps)
    assert _section(gps, heading).text.endswith("Reviewed each quarter.")
    assert _mine(gps, GPS).status is ProposalStatus.ACCEPTED
    assert _mine(gps, GPS).decision_note == "Quarterly reviews suit the Board"  # the reason travels with it
    assert state(gps, ALLIANCE) == state(icb, ALLIANCE)
    assert gps.record.verify().problems == ()


def test_a_proposal_that_arrives_accepted_is_applied(three, tmp_path: Path) -> None:
    icb, gps, hope = three
    hope.negotiation.propose_term(ALLIANCE, "risk_share.corridor", "4", HOPE, "Wider corridor")
    send(hope, HOPE, tmp_path, icb)
    icb.negotiation.decide(_mine(icb, HOPE).id, "accept", ICB)
    send(icb, ICB, tmp_path, gps)  # the Federation first hears of the proposal accepted
    assert terms(gps, ALLIANCE)["risk_share.corridor"] == terms(icb, ALLIANCE)["risk_share.corridor"]
    assert terms(gps, ALLIANCE)["risk_share.corridor"].startswith("4")
    assert state(gps, ALLIANCE) == state(icb, ALLIANCE)


def test_a_rival_of_an_accepted_proposal_is_superseded_everywhere(three, tmp_path: Path) -> None:
    icb, gps, hope = three
    gps.negotiation.propose_term(ALLIANCE, "payment.days", "25", GPS, "Cash flow")
    hope.negotiation.propose_term(ALLIANCE, "payment.days", "20", HOPE, "Cash flow")
    send(gps, GPS, tmp_path, icb)
    send(hope, HOPE, tmp_path, icb)
    icb.negotiation.decide(_mine(icb, GPS).id, "accept", ICB)
    send(icb, ICB, tmp_path, gps, hope)
    assert _mine(hope, HOPE).status is ProposalStatus.SUPERSEDED
    assert terms(hope, ALLIANCE)["payment.days"] == "25"
    assert state(hope, ALLIANCE) == state(icb, ALLIANCE) != {}


def test_sections_added_removed_and_moved_arrive_once(three, tmp_path: Path) -> None:
    icb, gps, hope = three
    top = outline(icb, ALLIANCE)
    last, first = _section(hope, top[-1][1]), _section(hope, top[0][1])
    hope.negotiation.propose_new_section(ALLIANCE, "Social prescribing", "Link workers are funded.", first.id, HOPE,
                                         "Prevention")
    hope.negotiation.propose_move(ALLIANCE, last.id, None, HOPE, "Lead with it")
    gps.negotiation.propose_removal(ALLIANCE, _section(gps, top[1][1]).id, GPS, "Duplicated")
    send(hope, HOPE, tmp_path, icb)
    send(gps, GPS, tmp_path, icb)
    for proposal in [v.proposal for v in icb.negotiation.proposals(ALLIANCE)
                     if v.proposal.is_open and v.proposal.party_name in (GPS, HOPE)
                     and v.proposal.kind.value in ("add_section", "move_section", "remove_section")]:
        icb.negotiation.decide(proposal.id, "accept", ICB)
    send(icb, ICB, tmp_path, gps, hope)
    send(hope, HOPE, tmp_path, gps)  # Hope Street's copy of the new section, forwarded: still one
    send(gps, GPS, tmp_path, hope)
    headings = [heading for _, heading, _ in outline(gps, ALLIANCE)]
    assert headings.count("Social prescribing") == 1 and headings[0] == top[-1][1] and top[1][1] not in headings
    assert state(gps, ALLIANCE) == state(hope, ALLIANCE) == state(icb, ALLIANCE)
    for ws in (icb, gps, hope):
        assert ws.record.verify().problems == ()


def test_rival_acceptances_made_at_once_settle_the_same_everywhere(three, tmp_path: Path) -> None:
    icb, gps, hope = three
    gps.negotiation.propose_term(ALLIANCE, "payment.days", "25", GPS, "Cash flow")
    hope.negotiation.propose_term(ALLIANCE, "payment.days", "20", HOPE, "Cash flow")
    send(gps, GPS, tmp_path, hope)
    send(hope, HOPE, tmp_path, gps)
    # Each accepts the other's, not knowing the other did too.
    gps.negotiation.decide(_mine(gps, HOPE).id, "accept", GPS)
    hope.negotiation.decide(_mine(hope, GPS).id, "accept", HOPE)
    for _ in range(2):
        for sender, party in ((gps, GPS), (hope, HOPE), (icb, ICB)):
            send(sender, party, tmp_path, *[ws for ws in (icb, gps, hope) if ws is not sender])
    assert state(gps, ALLIANCE) == state(hope, ALLIANCE) == state(icb, ALLIANCE)
    statuses = sorted(_mine(icb, party).status.value for party in (GPS, HOPE))
    assert statuses == ["accepted", "superseded"]
    kept_aside = next(_mine(icb, party) for party in (GPS, HOPE) if _mine(icb, party).status.value == "superseded")
    assert kept_aside.decision_note.startswith("Accepted, but not applied")
    # The library that had applied the later acceptance first laid the agreement out again, and says so.
    replayed = [e.what for ws in (gps, hope) for e in ws.record.of_agreement(ALLIANCE).entries]
    assert "Replayed the accepted proposals from the first round, in decision order" in replayed
    for ws in (icb, gps, hope):
        assert ws.record.verify().problems == ()


def test_a_party_that_joins_late_receives_the_agreement_as_it_stands(backend: str, request: pytest.FixtureRequest,
                                                                      tmp_path: Path) -> None:
    icb, gps = _laptop(request, tmp_path, "icb", "demo"), _laptop(request, tmp_path, "gps", "starter")
    hope = _laptop(request, tmp_path, "hope", "starter")
    try:
        send(icb, ICB, tmp_path, gps)
        first = outline(gps, ALLIANCE)[0][1]
        gps.negotiation.propose_new_section(ALLIANCE, "Social prescribing", "Link workers are funded.",
                                            _section(gps, first).id, GPS, "Prevention")
        gps.negotiation.propose_term(ALLIANCE, "payment.days", "21", GPS, "Cash flow")
        send(gps, GPS, tmp_path, icb)
        for proposal in [v.proposal for v in icb.negotiation.proposals(ALLIANCE)
                         if v.proposal.is_open and v.proposal.party_name == GPS]:
            icb.negotiation.decide(proposal.id, "accept", ICB)
        send(icb, ICB, tmp_path, hope)  # Hope Street's first package: the agreement as the ICB holds it now
        assert state(hope, ALLIANCE) == state(icb, ALLIANCE)
        assert [heading for _, heading, _ in outline(hope, ALLIANCE)].count("Social prescribing") == 1
        send(gps, GPS, tmp_path, hope)  # the same section, known by the same origin: still one
        send(icb, ICB, tmp_path, gps)
        send(hope, HOPE, tmp_path, icb, gps)
        assert state(hope, ALLIANCE) == state(icb, ALLIANCE) == state(gps, ALLIANCE)
        assert terms(hope, ALLIANCE)["payment.days"] == "21"
        for ws in (icb, gps, hope):
            assert ws.record.verify().problems == ()
    finally:
        for ws in (icb, gps, hope):
            ws.close()


def test_remarks_and_positions_travel_with_the_record(three, tmp_path: Path) -> None:
    """Recorded at the ICB from a returned Word file, they reach the other laptops in its package, and a
    package sent back does not make them twice."""
    icb, gps, hope = three
    icb.act_as(ICB)
    section = _section(icb, outline(icb, ALLIANCE)[3][1])
    proposal = next(v.proposal for v in icb.negotiation.proposals(ALLIANCE)
                    if v.proposal.is_open and v.proposal.party_name == GPS)
    icb.remarks.remark(ALLIANCE, f"section:{section.id}", "Can the Board meet online?", HOPE, source="back.docx")
    icb.remarks.take_position(ALLIANCE, proposal.id, HOPE, supports=False, source="back.docx")
    send(icb, ICB, tmp_path, gps, hope)
    send(gps, GPS, tmp_path, icb)
    for ws in (icb, gps, hope):
        remark, = ws.remarks.remarks(ALLIANCE)
        here = _section(ws, section.heading)
        assert (remark.party_name, remark.section_id, remark.text) == (HOPE, here.id, "Can the Board meet online?")
        taken, = ws.remarks.positions(ALLIANCE)
        theirs = next(v.proposal for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.id == taken.proposal_id)
        assert (taken.party_name, taken.supports, theirs.proposed) == (HOPE, False, proposal.proposed)
