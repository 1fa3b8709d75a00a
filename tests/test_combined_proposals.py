"""Combined proposals (several terms at once, validated as a whole), one position per party (a party
proposing again replaces its own open proposal), and decisions with their reasons in the record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput
from negotiator.domain.proposals import ProposalKind, ProposalStatus
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace

from .test_cli import negotiator

REBALANCED = {"risk_share.community-trust.gain": "35", "risk_share.gp-federation.gain": "45",
              "risk_share.hope-street.gain": "20"}


@pytest.fixture
def ws(demo_library: Path | str) -> Workspace:
    opened = open_workspace(demo_library, "Test Drafter")
    yield opened
    opened.close()


def test_a_rebalanced_risk_share_is_one_proposal_checked_as_a_whole(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="gain shares total 85%"):  # one share alone breaks the 100% rule
        ws.negotiation.propose_term(ALLIANCE, "risk_share.community-trust.gain", "35", "GP Federation", "Less")
    made = ws.negotiation.propose_terms(ALLIANCE, REBALANCED, "GP Federation", "Primary care carries more of the work")
    assert made.kind is ProposalKind.TERMS and made.term_values() == {
        "risk_share.community-trust.gain": "35", "risk_share.gp-federation.gain": "45"}  # Hope Street's is unchanged
    assert made.term_values(base=True) == {"risk_share.community-trust.gain": "50",
                                           "risk_share.gp-federation.gain": "30"}
    ws.negotiation.decide(made.id, "accept", "Northshire ICB", "Matches the activity each provider takes on")
    shares = {s.party_id: (s.gain, s.loss) for s in ws.agreements.terms(ALLIANCE).risk_share.shares}
    assert sorted(str(g) for g, _ in shares.values()) == ["20", "35", "45"]
    assert ws.record.verify().problems == ()


def test_a_combined_proposal_competes_with_any_proposal_on_one_of_its_terms(ws: Workspace) -> None:
    combined = ws.negotiation.propose_terms(ALLIANCE, {**REBALANCED, "risk_share.corridor": "1.5"}, "Hope Street",
                                            "Rebalance and narrow the corridor")
    views = {v.proposal.id: v for v in ws.negotiation.proposals(ALLIANCE)}
    corridor = [pid for pid, v in views.items() if v.proposal.target == "risk_share.corridor" and v.proposal.is_open]
    assert set(views[combined.id].competing_with) == set(corridor)
    row = next(r for r in ws.matrix.positions(ALLIANCE).rows if r.target == "risk_share.corridor")
    hope = next(c for p, c in zip(ws.matrix.positions(ALLIANCE).parties, row.cells, strict=True)
                if p.short_name == "Hope Street")
    assert hope.stance.value == "proposes" and hope.text == "1.5"  # its position on this term, not the whole JSON
    ws.negotiation.decide(corridor[0], "accept", "Northshire ICB")  # accepting a rival supersedes the combined one
    assert ws.negotiation.proposal(combined.id).status is ProposalStatus.SUPERSEDED


def test_proposing_again_replaces_the_partys_own_open_proposal(ws: Workspace) -> None:
    first = ws.negotiation.propose_term(ALLIANCE, "payment.days", "21", "Hope Street", "Three weeks")
    assert ws.negotiation.replaced_by(ALLIANCE, "Hope Street", {"payment.days"}) == [first]
    second = ws.negotiation.propose_term(ALLIANCE, "payment.days", "25", "Hope Street", "Twenty-five days will do")
    replaced = ws.negotiation.proposal(first.id)
    assert replaced.status is ProposalStatus.SUPERSEDED and replaced.decided_by == "Hope Street Wellbeing"
    assert [v.proposal.id for v in ws.negotiation.proposals(ALLIANCE)
            if v.proposal.is_open and v.proposal.party_name == "Hope Street Wellbeing"
            and "payment.days" in v.proposal.targets] == [second.id]
    record = [(e.action, e.subject) for e in ws.record.of_agreement(ALLIANCE).entries]
    assert ("supersede", f"proposal {first.id}") in record
    other = ws.negotiation.propose_term(ALLIANCE, "payment.days", "28", "GP Federation", "Four weeks")
    assert ws.negotiation.proposal(second.id).is_open and other.is_open  # another party's is a rival, not a replacement


def test_a_decision_carries_its_reason_into_the_record(ws: Workspace) -> None:
    made = ws.negotiation.propose_term(ALLIANCE, "payment.days", "21", "Hope Street", "Three weeks")
    decided = ws.negotiation.decide(made.id, "reject", "Northshire ICB", "Thirty days is the NHS standard")
    assert decided.decision_note == "Thirty days is the NHS standard"
    entry = ws.record.of_agreement(ALLIANCE).entries[-1]
    assert (entry.actor, entry.action, entry.note) == ("NHS Northshire Integrated Care Board", "reject",
                                                       "Thirty days is the NHS standard")


def test_a_decision_on_a_proposal_decided_meanwhile_writes_nothing(ws: Workspace) -> None:
    made = ws.negotiation.propose_term(ALLIANCE, "payment.days", "21", "Hope Street", "Three weeks")
    seen = ws.negotiation.proposal(made.id)  # what one user is looking at
    other = open_workspace(ws.clauses.library.location if ws.clauses.library.is_sqlite
                           else ws.clauses.library.engine.url.render_as_string(hide_password=False), "Other user")
    try:
        other.negotiation.decide(made.id, "reject", "Northshire ICB")
    finally:
        other.close()
    events = len(ws.record.of_agreement(ALLIANCE).entries)
    with pytest.raises(InvalidInput, match=f"Proposal {made.id} is already rejected"):
        ws.negotiation.decide(seen.id, "accept", "County Council")
    with pytest.raises(InvalidInput, match="already rejected; only an open proposal can be countered"):
        ws.negotiation.counter(seen.id, "GP Federation", "25", "Twenty-five")
    assert len(ws.record.of_agreement(ALLIANCE).entries) == events
    assert ws.agreements.terms(ALLIANCE).payment.days == 30


def test_combined_proposals_and_reasons_on_the_command_line(demo_path: Path) -> None:
    made = negotiator("--library", demo_path, "--as", "GP Federation", "propose", ALLIANCE,
                      *[a for name, value in REBALANCED.items() for a in ("--term", name, "--value", value)],
                      "--rationale", "Rebalance", "--json")
    assert made.returncode == 0, made.stderr
    proposal = json.loads(made.stdout)
    assert proposal["kind"] == "terms" and json.loads(proposal["proposed"])["risk_share.gp-federation.gain"] == "45"
    uneven = negotiator("--library", demo_path, "propose", ALLIANCE, "--term", "payment.days", "--term",
                        "risk_share.corridor", "--value", "20", "--rationale", "r")
    assert uneven.returncode == 2 and "one --value for each --term" in uneven.stderr
    decided = negotiator("--library", demo_path, "--as", "Northshire ICB", "decide", str(proposal["id"]), "accept",
                         "--reason", "Fair to primary care", "--json")
    assert decided.returncode == 0, decided.stderr
    assert json.loads(decided.stdout)["decision_reason"] == "Fair to primary care"
    shown = json.loads(negotiator("--library", demo_path, "terms", "show", ALLIANCE, "--json").stdout)
    assert shown["risk_share.gp-federation.gain"] == "45" and shown["risk_share.community-trust.gain"] == "35"


def test_accepting_a_money_value_applies_exactly_that_amount(ws: Workspace) -> None:
    made = ws.negotiation.propose_term(ALLIANCE, "risk_share.hope-street.cap", "£300,000.50", "Hope Street",
                                       "A higher cap we can still carry")
    assert (made.base, made.proposed) == ("£250,000", "£300,000.50")  # pounds, as a person writes them
    ws.negotiation.decide(made.id, "accept", "Northshire ICB")
    hope = next(s for s in ws.agreements.terms(ALLIANCE).risk_share.shares if s.loss_cap is not None)
    assert hope.loss_cap == 30_000_050  # pence: exactly what was proposed, not a hundred times it
    row = next(r for r in ws.matrix.positions(ALLIANCE).rows if r.target == "risk_share.hope-street.cap")
    assert row.current == "£300,000.50" and row.converged


def _status(ws: Workspace, *ids: int) -> list[str]:
    return [ws.negotiation.proposal(i).status.value for i in ids]


def test_taking_a_proposal_back_reopens_what_it_replaced_and_making_it_again_replaces_it_again(ws: Workspace) -> None:
    first = ws.negotiation.propose_term(ALLIANCE, "payment.days", "21", "Hope Street", "Three weeks")
    second = ws.negotiation.propose_term(ALLIANCE, "payment.days", "25", "Hope Street", "Twenty-five days")
    ws.negotiation.take_back(second.id, "Hope Street")
    assert _status(ws, first.id, second.id) == ["open", "withdrawn"]
    ws.negotiation.make_again(second.id, "Hope Street")
    assert _status(ws, first.id, second.id) == ["superseded", "open"]
    answer = ws.negotiation.counter(second.id, "GP Federation", "28", "Four weeks")  # answers, so supersedes it
    ws.negotiation.take_back(answer.id, "GP Federation")
    assert _status(ws, first.id, second.id, answer.id) == ["superseded", "open", "withdrawn"]
    ws.negotiation.make_again(answer.id, "GP Federation")
    assert _status(ws, second.id, answer.id) == ["superseded", "open"]


def test_a_proposal_decided_meanwhile_cannot_be_taken_back_and_nothing_is_written(ws: Workspace) -> None:
    first = ws.negotiation.propose_term(ALLIANCE, "payment.days", "21", "Hope Street", "Three weeks")
    second = ws.negotiation.propose_term(ALLIANCE, "payment.days", "25", "Hope Street", "Twenty-five days")
    ws.negotiation.decide(second.id, "accept", "Northshire ICB")  # another user, meanwhile
    events = len(ws.record.of_agreement(ALLIANCE).entries)
    with pytest.raises(InvalidInput, match=f"Proposal {second.id} is already accepted"):
        ws.negotiation.take_back(second.id, "Hope Street")
    assert _status(ws, first.id, second.id) == ["superseded", "accepted"]
    assert len(ws.record.of_agreement(ALLIANCE).entries) == events
