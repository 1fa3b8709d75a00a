"""One author per change, the right one, in every redline mode: each tracked change is under the
party whose accepted proposal, open proposal or recorded direct edit made it, wording rendered from
a term under the party that proposed the term, and only the new round label under the party exporting."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from negotiator.domain.document import paragraph_texts
from negotiator.domain.errors import InvalidInput
from negotiator.services.demo_titles import ALLIANCE, PRIME
from negotiator.services.session import Workspace, open_workspace
from tests.libreoffice import libreoffice_read, require_libreoffice
from tests.test_redline import _changes

from .test_cli import negotiator

ICB, COUNCIL, TRUST = "NHS Northshire Integrated Care Board", "Northshire County Council", \
    "Northshire Community Health NHS Trust"
FEDERATION, HOPE = "Northshire Primary Care Federation", "Hope Street Wellbeing"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def ws(demo_path: Path) -> Workspace:
    opened = open_workspace(demo_path, "Test Drafter")
    yield opened
    opened.close()


def _section(ws: Workspace, agreement: str, key: str) -> object:
    found = ws.agreements.agreement(agreement).id
    return next(n.section for n in ws.outline.outline(found) if n.section.clause_key == key)


def _in_section(document: object, section_id: int) -> list[tuple[str, str, str, str]]:
    return [c for c in _changes(document) if c[2].startswith(f"s{section_id}.")]


def test_two_parties_changing_one_paragraph_each_keep_their_own_words(ws: Workspace, tmp_path: Path) -> None:
    quorum = _section(ws, ALLIANCE, "alliance.board.quorum")
    accepted = ws.negotiation.propose_wording(ALLIANCE, quorum.id, quorum.text.replace(
        "within 10 Working Days", "within 7 Working Days"), "Hope Street", "Seven days is notice enough.")
    ws.negotiation.decide(accepted.id, "accept", "Northshire ICB")
    current = ws.outline.section(quorum.id).text
    ws.negotiation.propose_wording(ALLIANCE, quorum.id, current.replace("any two Alliance Members",
                                                                        "any three Alliance Members"),
                                   "GP Federation", "Two members should not be able to call the board at will.")

    shown = _in_section(ws.export.redline_document(ALLIANCE, "Draft 2", "open", "County Council"), quorum.id)
    words = {(author, change): "".join(text for a, c, _, text in shown if (a, c) == (author, change))
             for author, change, _, _ in shown}
    assert words == {(HOPE, "delete"): "10", (HOPE, "insert"): "7",
                     (FEDERATION, "delete"): "two", (FEDERATION, "insert"): "three"}
    agreed = _in_section(ws.export.redline_document(ALLIANCE, "Draft 2", "agreed", "County Council"), quorum.id)
    assert {author for author, _, _, _ in agreed} == {HOPE}
    out = tmp_path / "open.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "open", "County Council")
    seen = {(r["type"], r["author"], r["text"]) for r in libreoffice_read(out)["redlines"]}
    assert {("Delete", HOPE, "10"), ("Insert", HOPE, "7"), ("Delete", FEDERATION, "two"),
            ("Insert", FEDERATION, "three")} <= seen


def test_a_corridor_proposal_is_its_proposers_in_the_clause_and_the_schedule(ws: Workspace, tmp_path: Path) -> None:
    risk = _section(ws, ALLIANCE, "alliance.risk-reward")  # its {{risk_share.table}} shows the corridor
    out = tmp_path / "federation.docx"
    report = ws.export.export_redline(ALLIANCE, out, "Draft 2", "party:GP Federation", "County Council")
    document = ws.export.redline_document(ALLIANCE, "Draft 2", "party:GP Federation", "County Council")
    in_clause = _in_section(document, risk.id)
    in_schedule = [c for c in _changes(document) if c[2] == "corridor"]
    assert in_clause and {author for author, _, _, _ in in_clause} == {FEDERATION}
    assert in_schedule and {author for author, _, _, _ in in_schedule} == {FEDERATION}
    rationale = "A narrow corridor shares savings sooner, which primary care needs to reinvest."
    assert _commented_anchors(out)[rationale] == f"_s{risk.id}_p3"  # on the clause, not the schedule
    # The round label (and its date, when the round was issued on another day) and nothing else.
    assert {anchor for author, _, anchor, _ in _changes(document) if author == COUNCIL} == {"round"}
    assert report.changes[COUNCIL] in (2, 4)


def _commented_anchors(path: Path) -> dict[str, str]:
    """Each comment's text and the bookmark of the paragraph its reference sits in."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        notes = etree.fromstring(archive.read("word/comments.xml"))
    texts = {c.get(f"{W}id"): "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in c.iter(f"{W}p"))
             for c in notes.iter(f"{W}comment")}
    found = {}
    for reference in body.iter(f"{W}commentReference"):
        paragraph = next(a for a in reference.iterancestors() if a.tag == f"{W}p")
        names = [b.get(f"{W}name") for b in paragraph.iter(f"{W}bookmarkStart")]
        found[texts[reference.get(f"{W}id")]] = names[-1] if names else ""
    return found


def test_a_direct_edit_is_under_the_party_the_record_names(ws: Workspace) -> None:
    from negotiator.storage.section_store import SectionStore

    escalation = _section(ws, ALLIANCE, "alliance.disputes.escalation")
    # As an older library holds it: a version saved directly after the round, by a named party.
    with ws.export.library.unit_of_work(write=True) as session:
        SectionStore(session).append(escalation.id, escalation.heading,
                                     escalation.text.replace("15 Working Days of", "fifteen Working Days of"),
                                     escalation.clause_key, escalation.clause_version, "Hope Street Wellbeing",
                                     "Numbers in words")
    redline = ws.export.redline_document(ALLIANCE, "Draft 2", "open", "County Council")
    shown = _in_section(redline, escalation.id)
    assert {text for author, change, _, text in shown if author == HOPE} == {"15", "fifteen"}
    assert (FEDERATION, "insert") in {(a, c) for a, c, _, _ in shown}  # its open proposal on the same clause
    assert COUNCIL not in {a for a, _, _, _ in shown}
    assert not any("Hope Street" in w for w in redline.warnings)


def test_a_direct_edit_by_someone_no_party_names_goes_to_the_lead_drafter_with_a_warning(ws: Workspace) -> None:
    from negotiator.storage.section_store import SectionStore

    objectives = _section(ws, ALLIANCE, "alliance.objectives")
    with ws.export.library.unit_of_work(write=True) as session:  # a login name, as libraries once recorded
        SectionStore(session).append(objectives.id, objectives.heading, objectives.text + " Tidied.",
                                     objectives.clause_key, objectives.clause_version, "jsmith", "")
    redline = ws.export.redline_document(ALLIANCE, "Draft 2", "agreed", "County Council")
    assert {a for a, _, _, _ in _in_section(redline, objectives.id)} == {ICB}  # it issued Draft 2
    assert any("by jsmith, who is not a party" in w and "which issued Draft 2" in w for w in redline.warnings)
    assert "jsmith" not in {a for a, _, _, _ in _changes(redline)}


def test_a_redline_needs_a_party_to_the_agreement(ws: Workspace, demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    for nobody in (None, "", "  "):
        with pytest.raises(InvalidInput, match="Say which party you act for.*--as"):
            ws.export.export_redline(ALLIANCE, out, "Draft 1", "agreed", nobody)
    with pytest.raises(InvalidInput, match="Say which party you act for"):
        ws.export.redline_document(ALLIANCE, "Draft 1")
    with pytest.raises(InvalidInput, match="Meridian MSK Partnership Ltd is not a party to"):
        ws.export.export_redline(ALLIANCE, out, "Draft 1", "agreed", "Meridian")
    assert not out.exists()
    result = negotiator("--library", demo_path, "export", "redline", ALLIANCE, "--since-round", "Draft 1",
                        "--out", out)
    assert result.returncode == 2 and "Say which party you act for" in result.stderr and "--as" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


@pytest.fixture
def prime_round(ws: Workspace) -> Workspace:
    """The prime contract issued as Draft 1 by Meridian, then a wording change of Meridian's accepted
    by the ICB and a term of Meridian's left open."""
    ws.rounds.issue_round(PRIME, "Draft 1", "Meridian")
    term = _section(ws, PRIME, "subcontract.term")
    made = ws.negotiation.propose_wording(PRIME, term.id, term.text + " Either party may propose changes.",
                                          "Meridian", "Room to adapt.")
    ws.negotiation.decide(made.id, "accept", "Northshire ICB")
    ws.negotiation.propose_term(PRIME, "payment.days", "20", "Meridian", "Faster payment keeps clinics open.")
    for agreement in ws.agreements.agreements():  # every other demo agreement: a round, then one agreed change
        if ws.rounds.rounds(agreement.id):
            continue
        first, second = (s.party.short_name for s in agreement.signatories[:2])
        ws.rounds.issue_round(agreement.id, "Draft 1", first)
        section = ws.outline.outline(agreement.id)[0].section if ws.outline.outline(agreement.id) else None
        if section is not None:
            made = ws.negotiation.propose_wording(agreement.id, section.id, section.text + " Agreed in writing.",
                                                  first, "Record agreements in writing.")
        else:
            made = ws.negotiation.propose_term(agreement.id, "payment.days", "25", first, "Faster payment.")
        ws.negotiation.decide(made.id, "accept", second, "Fine by us.")
    return ws


def test_every_author_in_every_mode_is_a_party_and_the_exporter_signs_only_the_round_label(
        prime_round: Workspace, tmp_path: Path) -> None:
    require_libreoffice()
    ws, read = prime_round, 0
    for agreement in ws.agreements.agreements():
        rounds = ws.rounds.rounds(agreement.id)
        if not rounds:
            continue
        parties = {s.party.name for s in agreement.signatories}
        busy = {v.proposal.party_name for v in ws.negotiation.proposals(agreement.id)} | {r.issued_by for r in rounds}
        exporter = next(s.party for s in agreement.signatories if s.party.name not in busy)  # changed nothing itself
        modes = ["agreed", "open"] + [f"party:{s.party.short_name}" for s in agreement.signatories]
        for issued in rounds:
            for mode in modes:
                out = tmp_path / f"{agreement.id}-{issued.label}-{mode}.docx".replace(":", "-")
                ws.export.export_redline(agreement.id, out, issued.label, mode, exporter.short_name)
                seen = libreoffice_read(out)
                read += 1
                assert {r["author"] for r in seen["redlines"]} <= parties, (agreement.title, mode)
                document = ws.export.redline_document(agreement.id, issued.label, mode, exporter.short_name)
                own = _exporters_own(document)
                for redline in seen["redlines"]:
                    if redline["author"] == exporter.name:
                        assert redline["text"] is not None and redline["text"].strip() in own, (mode, redline)
    # Every demo agreement: the alliance's two rounds in seven modes, each other agreement's one in four.
    assert read == 2 * 7 + 5 * 4


def _exporters_own(document: object) -> str:
    """What the exporter may have written: the round label line (before and after), and nothing else."""
    accepted, rejected = (paragraph_texts(document, accept=flag) for flag in (True, False))
    label = re.compile(r"^(Draft \d+|Current draft.*), \d+ \w+ \d{4}$")
    lines = [t for t in accepted + rejected if label.match(t)]
    assert len(lines) == 2
    return "\n".join(lines)


def test_an_accepted_proposals_comment_says_who_accepted_it_and_why() -> None:
    from datetime import UTC, datetime

    from negotiator.domain.proposals import Proposal, ProposalKind, ProposalStatus
    from negotiator.services.export_layers import revision_of

    made = datetime(2027, 1, 5, 9, 30, tzinfo=UTC)
    proposal = Proposal(7, 1, 3, HOPE, ProposalKind.WORDING, "section:4", "old", 1, "new",
                        "Quarterly review matches our charity's governance cycle.", ProposalStatus.ACCEPTED, made,
                        decided_by=ICB, decided_at=datetime(2027, 1, 9, tzinfo=UTC),
                        decision_note="matches the board's cycle")
    accepted = revision_of(proposal, accepted=True)
    assert (accepted.author, accepted.date) == (HOPE, made)  # the proposer, when it proposed
    assert accepted.comment == ("Quarterly review matches our charity's governance cycle.\n"
                                f"Accepted by {ICB}: matches the board's cycle")
    assert revision_of(replace(proposal, decision_note=""), accepted=True).comment.endswith(f"Accepted by {ICB}.")
    assert revision_of(replace(proposal, status=ProposalStatus.OPEN), accepted=False).comment == proposal.rationale
