"""An agreement's life: drafted directly (each edit recorded under the acting party), then changed only
by proposal once a round is issued, then frozen when agreed or signed; and no write without a party."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput
from negotiator.domain.lifecycle import NeedsProposal, Stage
from negotiator.services.demo_titles import ALLIANCE, PRIME
from negotiator.services.session import Workspace, open_workspace

from .test_cli import negotiator


@pytest.fixture
def ws(demo_library: Path | str) -> Workspace:
    opened = open_workspace(demo_library, "Test Drafter")
    yield opened
    opened.close()


def _record(ws: Workspace, agreement: str) -> list[tuple[str, str, str]]:
    return [(e.actor, e.action, e.subject) for e in ws.record.of_agreement(agreement).entries]


def test_while_drafting_every_direct_edit_is_recorded_under_the_acting_party(ws: Workspace) -> None:
    assert ws.agreements.stage(PRIME) is Stage.DRAFTING
    ws.act_as("Meridian")
    prime = ws.agreements.agreement(PRIME).id
    section = ws.outline.outline(prime)[0].section
    before = len(_record(ws, PRIME))
    edited = ws.outline.edit(section.id, section.text + " Notices may be sent by e-mail.")
    ws.agreements.set_term(PRIME, "payment.days", "28")
    ws.outline.move(section.id, 1)
    added = ws.outline.add_blank(prime, "Notices", "Notices are given in writing.")
    ws.outline.remove(added.id)
    meridian = "Meridian MSK Partnership Ltd"
    assert _record(ws, PRIME)[before:] == [
        (meridian, "edit wording", f"section {section.id}"), (meridian, "edit", "terms"),
        (meridian, "move section", f"section {section.id}"), (meridian, "add section", f"section {added.id}"),
        (meridian, "remove section", f"section {added.id}")]
    assert edited.version == section.version + 1
    texts = ws.comparison.texts(PRIME, section.id)
    assert any(t.label == f"Section version {edited.version} ({meridian})" for t in texts)  # the version's author
    assert ws.record.verify().problems == ()


def test_under_negotiation_wording_outline_and_terms_change_only_by_proposal(ws: Workspace) -> None:
    assert ws.agreements.stage(ALLIANCE) is Stage.IN_NEGOTIATION
    ws.act_as("GP Federation")
    alliance = ws.agreements.agreement(ALLIANCE).id
    section = ws.outline.outline(alliance)[0].section
    terms, events = ws.agreements.terms(ALLIANCE), len(_record(ws, ALLIANCE))
    for edit in (lambda: ws.outline.edit(section.id, section.text + " More."),
                 lambda: ws.agreements.set_term(ALLIANCE, "risk_share.corridor", "4"),
                 lambda: ws.agreements.save_terms(ALLIANCE, terms),
                 lambda: ws.outline.add_blank(alliance, "Notices", "In writing."),
                 lambda: ws.outline.remove(section.id), lambda: ws.outline.move(section.id, 1),
                 lambda: ws.outline.indent(ws.outline.outline(alliance)[1].section.id)):
        with pytest.raises(NeedsProposal, match="under negotiation.*Propose the change instead"):
            edit()
    assert ws.outline.section(section.id) == section and ws.agreements.terms(ALLIANCE) == terms
    assert len(_record(ws, ALLIANCE)) == events  # nothing written
    made = ws.negotiation.propose_term(ALLIANCE, "risk_share.corridor", "4", "GP Federation", "Wider")
    assert made.is_open and ws.agreements.terms(ALLIANCE).risk_share.corridor == 2


def test_issuing_the_first_round_ends_drafting_and_withdrawing_it_reopens_drafting(ws: Workspace) -> None:
    ws.act_as("Northshire ICB")
    made = ws.rounds.issue_round(PRIME, "Draft 1")
    assert ws.agreements.agreement(PRIME).status.value == "in_negotiation"
    assert ws.agreements.stage(PRIME) is Stage.IN_NEGOTIATION
    with pytest.raises(NeedsProposal):
        ws.agreements.set_term(PRIME, "payment.days", "20")
    ws.rounds.withdraw_round(made.id)  # how issuing is undone
    assert ws.agreements.stage(PRIME) is Stage.DRAFTING and ws.agreements.agreement(PRIME).status.value == "drafting"
    ws.agreements.set_term(PRIME, "payment.days", "20")
    icb = "NHS Northshire Integrated Care Board"
    assert [(a, act, s) for a, act, s in _record(ws, PRIME) if act in ("issue round", "withdraw round", "status")] == [
        (icb, "issue round", "Draft 1"), (icb, "status", "in negotiation"), (icb, "withdraw round", "Draft 1"),
        (icb, "status", "drafting")]


def test_an_agreed_or_signed_agreement_is_frozen_and_every_status_change_is_recorded(ws: Workspace) -> None:
    ws.act_as("Northshire ICB")
    with pytest.raises(InvalidInput, match="open proposal"):
        ws.agreements.update_agreement(ALLIANCE, status="agreed")
    for view in ws.negotiation.proposals(ALLIANCE):
        if view.proposal.is_open:
            ws.negotiation.decide(view.proposal.id, "withdraw", view.proposal.party_name)
    with pytest.raises(InvalidInput, match="must be agreed before it is signed"):
        ws.agreements.update_agreement(ALLIANCE, status="signed")
    ws.agreements.update_agreement(ALLIANCE, status="agreed")
    with pytest.raises(InvalidInput, match="frozen"):
        ws.negotiation.propose_term(ALLIANCE, "payment.days", "20", "GP Federation", "Faster")
    with pytest.raises(InvalidInput, match="frozen"):
        ws.agreements.update_agreement(ALLIANCE, title="Another title")
    with pytest.raises(InvalidInput, match="frozen"):
        ws.rounds.issue_round(ALLIANCE, "Final")
    ws.agreements.update_agreement(ALLIANCE, status="signed")
    assert ws.agreements.stage(ALLIANCE) is Stage.SIGNED
    statuses = [s for _, action, s in _record(ws, ALLIANCE) if action == "status"]
    assert statuses == ["in negotiation", "agreed", "signed"]
    assert ws.record.verify().problems == ()


def test_parties_joining_leaving_and_changing_role_are_recorded(ws: Workspace) -> None:
    ws.act_as("Northshire ICB")
    ws.agreements.update_agreement(ALLIANCE, parties=[
        ("Northshire ICB", "commissioner"), ("County Council", "commissioner"), ("Community Trust", "alliance_member"),
        ("GP Federation", "alliance_member"), ("Hope Street", "alliance_member"), ("Active Physio", "alliance_member")])
    ws.agreements.update_agreement(ALLIANCE, title="Northshire Ageing Well Alliance")
    record = _record(ws, "Northshire Ageing Well Alliance")
    assert ("NHS Northshire Integrated Care Board", "join", "Active Physio CIC") in record
    assert ("NHS Northshire Integrated Care Board", "rename", "'Northshire Ageing Well Alliance'") in record
    assert ws.record.verify().problems == ()


def test_no_write_without_a_party(ws: Workspace) -> None:
    section = ws.outline.outline(ws.agreements.agreement(PRIME).id)[0].section
    for write in (lambda: ws.outline.edit(section.id, "New words."),
                  lambda: ws.agreements.set_term(PRIME, "payment.days", "20"),
                  lambda: ws.agreements.update_agreement(PRIME, title="Other"),
                  lambda: ws.agreements.create_agreement("X", "memorandum_of_understanding", "alliance",
                                                         [("Northshire ICB", "commissioner")]),
                  lambda: ws.rounds.issue_round(PRIME, "Draft 1")):
        with pytest.raises(InvalidInput, match="Say which party you act for"):
            write()
    ws.act_as("Hope Street")  # a party of the library, but not of the prime contract
    with pytest.raises(InvalidInput, match="Hope Street Wellbeing is not a party to 'Northshire MSK Prime"):
        ws.outline.edit(section.id, "New words.")
    assert ws.outline.section(section.id) == section


def test_on_the_command_line_a_direct_edit_under_negotiation_exits_2_pointing_to_propose(demo_path: Path) -> None:
    refused = negotiator("--library", demo_path, "--as", "Hope Street Wellbeing", "terms", "set", "1",
                         "payment.days", "21")
    assert refused.returncode == 2 and "negotiator propose" in refused.stderr and "Traceback" not in refused.stderr
    assert '"payment.days": 30' in negotiator("--library", demo_path, "terms", "show", "1", "--json").stdout


def test_the_command_line_needs_a_party_and_remembers_the_one_given(tmp_path: Path, demo_path: Path) -> None:
    no_party = negotiator("--library", demo_path, "terms", "set", PRIME, "payment.days", "21")
    assert no_party.returncode == 2 and "--as PARTY" in no_party.stderr
    for command in (("agreements", "set", PRIME, "--title", "Other"), ("round", "issue", PRIME, "Draft 1"),
                    ("decide", "4", "reject")):
        refused = negotiator("--library", demo_path, *command)
        assert refused.returncode == 2 and "Say which party you act for" in refused.stderr, command
    done = negotiator("--library", demo_path, "--as", "Northshire ICB", "terms", "set", PRIME, "payment.days", "21")
    assert done.returncode == 0, done.stderr
    again = negotiator("--library", demo_path, "terms", "set", PRIME, "payment.days", "25")  # still the ICB
    assert again.returncode == 0, again.stderr
    ws = open_workspace(demo_path, "Checker")
    try:
        actors = [e.actor for e in ws.record.of_agreement(PRIME).entries if e.action == "edit"]
        assert actors[-2:] == ["NHS Northshire Integrated Care Board"] * 2
    finally:
        ws.close()
