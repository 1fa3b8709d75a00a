"""Proposals, decisions, rounds and the audit chain, as three parties of an alliance negotiate."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput
from negotiator.domain.proposals import ProposalStatus
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace
from tests.library_backends import behind_the_apps_back

PHYSIO = "MSK Sub-contract: Active Physio"


@pytest.fixture
def ws(demo_library: Path | str) -> Workspace:
    opened = open_workspace(demo_library, "Test Drafter")
    yield opened
    opened.close()


def _section(ws: Workspace, key: str, agreement: str = ALLIANCE) -> object:
    agreement_id = ws.agreements.agreement(agreement).id
    return next(n.section for n in ws.outline.outline(agreement_id) if n.section.clause_key == key)


def _open(ws: Workspace) -> list:
    return [v for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.is_open]


def test_the_demo_has_two_rounds_and_open_proposals_from_three_parties(ws: Workspace) -> None:
    assert [r.label for r in ws.rounds.rounds(ALLIANCE)] == ["Draft 1", "Draft 2"]
    views = _open(ws)
    assert len({v.proposal.party_name for v in views}) >= 3
    competing = [v for v in views if v.competing_with]
    assert len(competing) == 4
    assert {v.proposal.target for v in competing} - {"risk_share.corridor"} == {
        f"section:{_section(ws, 'alliance.conflicts-of-interest').id}"}
    stale = [v for v in views if v.stale]
    assert len(stale) == 1 and stale[0].rebased is not None
    assert "not before 45 Working Days" in stale[0].rebased and '"Dispute Notice"' in stale[0].rebased


def test_accepting_applies_the_change_in_the_proposers_name_and_supersedes_rivals(ws: Workspace) -> None:
    trust = next(v.proposal for v in _open(ws) if v.proposal.target == "risk_share.corridor"
                 and v.proposal.party_name.startswith("Northshire Community"))
    decided = ws.negotiation.decide(trust.id, "accept", "Northshire ICB")
    assert decided.status is ProposalStatus.ACCEPTED and decided.decided_by == "NHS Northshire Integrated Care Board"
    assert ws.agreements.terms(ALLIANCE).risk_share.corridor == 3
    statuses = {v.proposal.party_name: v.proposal.status for v in ws.negotiation.proposals(ALLIANCE)
                if v.proposal.target == "risk_share.corridor"}
    assert statuses["Northshire Primary Care Federation"] is ProposalStatus.SUPERSEDED


def test_a_stale_proposal_is_rebased_when_accepted(ws: Workspace) -> None:
    stale = next(v for v in _open(ws) if v.stale)
    ws.negotiation.decide(stale.proposal.id, "accept", "Northshire ICB")
    text = ws.outline.section(stale.proposal.section_id).text
    assert "not before 45 Working Days" in text and '"Dispute Notice"' in text


def test_a_stale_proposal_that_overlaps_must_be_redone(ws: Workspace) -> None:
    # Only while drafting can the wording change under an open proposal (the lead drafter edits directly).
    prime = "Northshire MSK Prime Contract"
    section = _section(ws, "subcontract.payment.invoicing", prime)
    made = ws.negotiation.propose_wording(prime, section.id, section.text.replace("monthly in arrears", "weekly"),
                                          "Meridian", "Weekly invoices ease our cash flow")
    ws.act_as("Northshire ICB")
    ws.outline.edit(section.id, section.text.replace("monthly in arrears", "quarterly"))
    with pytest.raises(InvalidInput, match="redo it"):
        ws.negotiation.decide(made.id, "accept", "Northshire ICB")
    assert ws.negotiation.proposal(made.id).is_open
    assert "quarterly" in ws.outline.section(section.id).text


def test_counter_proposal_supersedes_the_one_it_answers(ws: Workspace) -> None:
    hope = next(v.proposal for v in _open(ws) if v.proposal.party_name == "Hope Street Wellbeing")
    answer = ws.negotiation.counter(hope.id, "Northshire ICB", hope.proposed.replace("three months", "four months"),
                                    "Four-monthly review is enough.")
    assert answer.answers == hope.id
    assert ws.negotiation.proposal(hope.id).status is ProposalStatus.SUPERSEDED


def test_withdraw_is_only_for_the_proposer(ws: Workspace) -> None:
    hope = next(v.proposal for v in _open(ws) if v.proposal.party_name == "Hope Street Wellbeing")
    with pytest.raises(InvalidInput, match="Only Hope Street Wellbeing"):
        ws.negotiation.decide(hope.id, "withdraw", "GP Federation")
    assert ws.negotiation.decide(hope.id, "withdraw", "Hope Street").status is ProposalStatus.WITHDRAWN


def test_bad_proposals_and_decisions_are_refused_and_nothing_is_written(ws: Workspace) -> None:
    before = len(ws.negotiation.proposals(ALLIANCE))
    section = _section(ws, "alliance.open-book")
    removal = ws.negotiation.propose_removal(ALLIANCE, section.id, "Northshire ICB", "Covered elsewhere")
    ws.negotiation.decide(removal.id, "accept", "Community Trust")
    before += 1
    with pytest.raises(InvalidInput, match="has been removed"):
        ws.negotiation.propose_wording(ALLIANCE, section.id, "New words.", "GP Federation", "Why")
    with pytest.raises(InvalidInput, match="1 to 365"):
        ws.negotiation.propose_term(ALLIANCE, "payment.days", "400", "GP Federation", "Why")
    with pytest.raises(InvalidInput, match="gain shares total"):
        ws.negotiation.propose_term(ALLIANCE, "risk_share.gp-federation.gain", "40", "GP Federation", "Why")
    with pytest.raises(InvalidInput, match="not a party to"):
        ws.negotiation.propose_term(ALLIANCE, "payment.days", "20", "Meridian", "Why")
    assert len(ws.negotiation.proposals(ALLIANCE)) == before
    first = _open(ws)[0].proposal
    with pytest.raises(InvalidInput, match="Meridian MSK Partnership Ltd is not a party to"):
        ws.negotiation.decide(first.id, "accept", "Meridian")
    ws.negotiation.decide(first.id, "reject", "Northshire ICB")
    with pytest.raises(InvalidInput, match="already rejected"):
        ws.negotiation.decide(first.id, "accept", "Northshire ICB")


def test_undoing_an_accept_reverts_the_change_and_reopens_the_proposals(ws: Workspace) -> None:
    corridor = [v.proposal for v in _open(ws) if v.proposal.target == "risk_share.corridor"]
    decided, reversal = ws.negotiation.decide_undoably(corridor[0].id, "accept", "Northshire ICB")
    assert reversal.superseded == (corridor[1].id,)
    ws.negotiation.undo_decision(reversal, "Northshire ICB")
    assert ws.agreements.terms(ALLIANCE).risk_share.corridor == 2
    assert all(ws.negotiation.proposal(p.id).is_open for p in corridor)


def test_rounds_freeze_the_text_and_labels_must_be_new(ws: Workspace) -> None:
    quorum = _section(ws, "alliance.board.quorum")
    draft1 = ws.rounds.rounds(ALLIANCE)[0]
    assert "once every two months" in draft1.section(quorum.id).text
    assert "at least once a month" in quorum.text
    with pytest.raises(InvalidInput, match="already has a round called 'Draft 2'"):
        ws.rounds.issue_round(ALLIANCE, "draft 2", "Northshire ICB")
    made = ws.rounds.issue_round(ALLIANCE, "Draft 3", "Northshire ICB")
    assert made.issued_by == "NHS Northshire Integrated Care Board" and len(made.sections) > 20


def test_positions_show_who_proposes_what_and_where_parties_diverge(ws: Workspace) -> None:
    matrix = ws.matrix.positions(ALLIANCE)
    names = [p.short_name for p in matrix.parties]
    corridor = next(r for r in matrix.rows if r.target == "risk_share.corridor")
    cells = dict(zip(names, corridor.cells, strict=True))
    assert cells["Community Trust"].stance.value == "proposes" and cells["Community Trust"].text == "3"
    assert cells["GP Federation"].text == "1" and cells["County Council"].stance.value == "silent"
    assert not corridor.converged
    quorum = next(r for r in matrix.rows if r.label.endswith("meetings and quorum"))
    assert dict(zip(names, quorum.cells, strict=True))["Community Trust"].stance.value == "agreed"


def test_verify_passes_then_names_a_tampered_event(ws: Workspace, demo_library: Path | str) -> None:
    found = ws.record.verify()
    assert found.problems == () and found.checked > 50
    behind_the_apps_back(demo_library, "UPDATE negotiation_event SET payload = replace(payload, 'Monthly', 'Weekly') "
                                       "WHERE action = 'propose'")
    problems = ws.record.verify().texts()
    assert problems and "event" in problems[0] and "no longer matches" in problems[0]


def test_comparison_texts_cover_versions_rounds_library_and_proposals(ws: Workspace) -> None:
    quorum = _section(ws, "alliance.board.quorum")
    labels = [t.label for t in ws.comparison.texts(ALLIANCE, quorum.id)]
    assert any(label.startswith("Section version 2") for label in labels)
    assert any(label.startswith("Draft 1") for label in labels)
    library = "Library clause 'Alliance Board: meetings and quorum', version 1"  # its title, not its key
    assert any(label.startswith(library) for label in labels), labels
    assert any(label.startswith("Proposal ") for label in labels)


def test_side_by_side_sets_a_proposal_beside_every_open_one_on_the_same_thing(ws: Workspace) -> None:
    from negotiator.domain.proposals import Proposal, ProposalKind, ProposalStatus, side_by_side

    def made(pid: int, party: int, target: str, status: ProposalStatus = ProposalStatus.OPEN) -> Proposal:
        return Proposal(pid, 1, party, f"Party {party}", ProposalKind.TERM, target, "2", 0, str(pid), "", status,
                        None)

    chosen = made(4, 1, "risk_share.corridor", ProposalStatus.REJECTED)  # a decided one can still be compared
    others = [made(2, 2, "risk_share.corridor"), made(3, 3, "payment.days"),
              made(5, 3, "risk_share.corridor", ProposalStatus.WITHDRAWN), made(6, 3, "risk_share.corridor")]
    assert [p.id for p in side_by_side(chosen, sorted([chosen, *others], key=lambda p: p.id))] == [2, 4, 6]
