"""Rival values of a term in the Word terms schedule: each party's value is its tracked insertion in
square brackets after the current value, so each party accepts or rejects its own in Word. Rejecting
every change gives the round exactly; accepting every change gives the current values with every
bracket in (the export's target); the worked examples stay those of the current terms."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.domain.alternatives import Offers
from negotiator.domain.document import Change, Paragraph, Revision, Table, paragraph_texts
from negotiator.domain.export_layout import AgreementState
from negotiator.domain.redline import clean_document, redline_document
from negotiator.domain.term_alternatives import bracket, offer_terms, offered_texts
from negotiator.domain.terms import Payment, RiskShare, TermsSheet
from negotiator.services.session import Workspace, open_workspace
from negotiator.word.importer import read_returned

from .libreoffice import libreoffice_read, require_libreoffice
from .word_edits import WordEdit

ALLIANCE = "Northshire Ageing Well Alliance Agreement"
FEDERATION = "Northshire Primary Care Federation"
TRUST = "Northshire Community Health NHS Trust"
HOPE = "Hope Street Wellbeing"
REBALANCED = {"risk_share.community-trust.gain": "35", "risk_share.gp-federation.gain": "45",
              "risk_share.hope-street.gain": "20", "risk_share.corridor": "1.5"}


@pytest.fixture
def ws(demo_library: Path | str) -> Workspace:
    opened = open_workspace(demo_library, "Test Drafter")
    opened.act_as("Northshire ICB")
    yield opened
    opened.close()


def test_a_bracket_follows_the_whole_value_it_would_replace() -> None:
    assert bracket("Risk corridor: ± 2% of the budget", "Risk corridor: ± 3% of the budget", whole=False) == (
        len("Risk corridor: ± 2%"), " [3%]")  # "2%" is one value: never "2 [3]%"
    assert bracket("Risk corridor: none", "Risk corridor: ± 1% of the budget", whole=False) == (
        len("Risk corridor: none"), " [± 1% of the budget]")
    assert bracket("thirty (30) days", "twenty (20) days", whole=True) == (len("thirty (30) days"),
                                                                           " [twenty (20) days]")
    offers = Offers("Risk corridor: ± 2% of the budget")
    offers.place([bracket(offers.wording, "Risk corridor: ± 3% of the budget", whole=False)])
    assert offers.place([bracket(offers.wording, "Risk corridor: ± 1% of the budget", whole=False)]) == \
        "Risk corridor: ± 2% [3%][1%] of the budget"


def _cells(document: object, row_text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The cells of the schedule row whose first cell reads ``row_text``: each cell's text and its insertions."""
    for block in document.blocks:
        for row in block.rows if isinstance(block, Table) else ():
            cells = [cell.paragraphs[0] for cell in row.cells]
            if "".join(r.text for r in cells[0].runs) == row_text:
                return [("".join(r.text for r in p.runs if r.change is not Change.DELETE),
                         [(r.revision.author, r.text.strip()) for r in p.runs if r.change is Change.INSERT])
                        for p in cells]
    raise AssertionError(row_text)


def test_a_rival_combined_proposal_brackets_each_of_its_values(ws: Workspace) -> None:
    """Hope Street rebalances the gains and narrows the corridor in one proposal, against the Trust's and
    the Federation's rival corridors: every value it would change gets its bracket, in its name."""
    ws.negotiation.propose_terms(ALLIANCE, REBALANCED, "Hope Street", "Rebalance and narrow the corridor")
    redline = ws.export.redline_document(ALLIANCE, "Draft 2", "open", "Northshire ICB")
    accepted = paragraph_texts(redline, accept=True)
    assert "Risk corridor: ± 2% [3%][1%][1.5%] of the budget" in accepted
    trust = _cells(redline, TRUST)
    assert trust[1] == ("50% [35%]", [(HOPE, "[35%]")]) and trust[2] == ("50%", [])  # its loss share is not rivalled
    assert _cells(redline, FEDERATION)[1] == ("30% [45%]", [(HOPE, "[45%]")])
    assert _cells(redline, HOPE)[1] == ("20%", [])  # a share it leaves as it is
    assert "[" not in "\n".join(paragraph_texts(redline, accept=False))
    # Accept All gives the export's target: the current values with every bracket in.
    assert accepted == paragraph_texts(ws.export.target_document(ALLIANCE, "open"), accept=True)


def test_the_worked_examples_stay_those_of_the_current_terms(ws: Workspace) -> None:
    ws.negotiation.propose_terms(ALLIANCE, REBALANCED, "Hope Street", "Rebalance and narrow the corridor")
    target = paragraph_texts(ws.export.target_document(ALLIANCE, "open"), accept=True)
    current = paragraph_texts(ws.export.clean_document(ALLIANCE), accept=True)

    def examples(texts: list[str]) -> list[str]:
        start = texts.index("Worked examples")
        return texts[start:texts.index("Duration", start)]

    assert examples(target) == examples(current) and not any("[" in t for t in examples(target))


def test_rival_cells_are_bracketed_and_a_value_that_cannot_stand_beside_is_said(ws: Workspace) -> None:
    ws.negotiation.propose_term(ALLIANCE, "payment.days", "20", "Hope Street", "Cash flow for a charity.")
    ws.negotiation.propose_term(ALLIANCE, "payment.days", "45", "GP Federation", "Our own payment run.")
    redline = ws.export.redline_document(ALLIANCE, "Draft 2", "open", "Northshire ICB")
    cell = _cells(redline, "Invoices paid within")[1]
    assert cell == ("thirty (30) days [twenty (20) days][forty-five (45) days]",
                    [(HOPE, "[twenty (20) days]"), (FEDERATION, "[forty-five (45) days]")])


def test_rejecting_one_rival_corridor_and_accepting_another_in_word_are_positions(ws: Workspace,
                                                                                  tmp_path: Path) -> None:
    """Hope Street's reader rejects the Trust's [3%] and accepts the Federation's [1%]: each is Hope Street's
    position on that proposal, and neither is read as a new corridor proposed."""
    trust = next(v.proposal.id for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.is_open
                 and v.proposal.party_name == TRUST and v.proposal.target == "risk_share.corridor")
    federation = next(v.proposal.id for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.is_open
                      and v.proposal.party_name == FEDERATION and v.proposal.target == "risk_share.corridor")
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "open")
    changes = {c["proposal"]: c["anchors"] for c in read_returned(out).export_info["changes"]}
    assert set(changes[trust]) == set(changes[federation]) == {"corridor"}  # each bracket recorded as its own
    edit = WordEdit(out)
    edit.decide("corridor", accept=False, author=TRUST)
    edit.decide("corridor", accept=True, author=FEDERATION)
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {}, untracked_as="Hope Street")
    assert {(p.kind, p.party, p.target, p.proposed) for p in result.plans} == {
        ("position", HOPE, f"proposal:{federation}", "supports"), ("position", HOPE, f"proposal:{trust}", "opposes")}
    assert not any("tracking switched off" in note or "corridor" in note.lower() for note in result.notes)


def _sheet(corridor: Decimal | None, days: int | None) -> TermsSheet:
    return TermsSheet(risk_share=RiskShare(corridor=corridor), payment=Payment(days=days))


figures = st.decimals(min_value=0, max_value=20, places=1)
corridors = st.one_of(st.none(), figures)
all_days = st.one_of(st.none(), st.integers(1, 120))


@settings(max_examples=60, deadline=None)
@given(corridors, all_days, st.lists(st.tuples(corridors, all_days), max_size=4))
def test_rejecting_every_bracket_gives_the_base_for_any_rival_values(
        corridor: Decimal | None, days: int | None, rivals: list[tuple[Decimal | None, int | None]]) -> None:
    """Whatever the current corridor and payment days and whatever rivals are bracketed in, reject all gives
    the schedule as it stands and accept all the schedule with every bracket in."""
    _check(corridor, days, rivals, untouched=False)


@settings(max_examples=60, deadline=None)
@given(corridors, all_days, st.lists(st.tuples(figures, st.integers(1, 120)), max_size=4))
def test_rival_figures_only_ever_add_brackets(corridor: Decimal | None, days: int | None,
                                             rivals: list[tuple[Decimal | None, int | None]]) -> None:
    """Rival figures are pure insertions: the current values are never shown deleted or retyped."""
    _check(corridor, days, rivals, untouched=True)


def _check(corridor: Decimal | None, days: int | None, rivals: list[tuple[Decimal | None, int | None]],
           untouched: bool) -> None:
    sheet, offers = _sheet(corridor, days), {}
    for rival_corridor, rival_days in rivals:
        values = {"risk_share.corridor": "" if rival_corridor is None else str(rival_corridor),
                  "payment.days": "" if rival_days is None else str(rival_days)}
        offer_terms(offers, sheet, {}, values)

    def state(term_offers: dict[str, str]) -> AgreementState:
        return AgreementState("Alliance", "Overarching alliance agreement", (("A", "Commissioner"),), "Draft 2",
                              date(2027, 4, 1), (), sheet, {}, term_offers)

    base, target = state({}), state(offered_texts(offers))
    redline = redline_document(base, target, lambda _key: Revision("Provider B", datetime(2027, 1, 1, tzinfo=UTC)))
    assert paragraph_texts(redline, accept=False) == paragraph_texts(clean_document(base), accept=True)
    assert paragraph_texts(redline, accept=True) == paragraph_texts(clean_document(target), accept=True)
    inserted = [r for b in redline.blocks for p in _paragraphs(b) for r in p.runs if r.change is not Change.EQUAL]
    assert not untouched or all(r.change is Change.INSERT for r in inserted)


def _paragraphs(block: object) -> list[Paragraph]:
    if isinstance(block, Paragraph):
        return [block]
    return [p for row in block.rows for cell in row.cells for p in cell.paragraphs]


def test_a_rival_value_no_bracket_can_show_stays_a_comment(ws: Workspace) -> None:
    """Rival pooled-fund contributions of a member with none yet would each add a row: no current value to
    stand beside, so each is a comment in its proposer's name on the schedule, as before brackets."""
    ws.negotiation.propose_terms(ALLIANCE, {"payment.contribution.hope-street": "100000",
                                            "payment.pooled_fund": "1300000"}, "Hope Street", "What we can")
    ws.negotiation.propose_terms(ALLIANCE, {"payment.contribution.hope-street": "250000",
                                            "payment.pooled_fund": "1450000"}, "GP Federation", "Fair share")
    redline = ws.export.redline_document(ALLIANCE, "Draft 2", "open", "Northshire ICB")
    said = [(r.author, r.comment) for b in redline.blocks for p in _paragraphs(b) for r in p.remarks]
    assert any(a == HOPE and c.startswith("Competing proposal") and "What we can" in c for a, c in said)
    assert any(a == FEDERATION and c.startswith("Competing proposal") and "Fair share" in c for a, c in said)
    assert any("it is a comment on the schedule instead" in w for w in redline.warnings)
    assert paragraph_texts(redline, accept=True) == paragraph_texts(ws.export.target_document(ALLIANCE, "open"),
                                                                    accept=True)


def test_libreoffice_accepts_rival_values_to_the_target_and_rejects_them_to_the_round(ws: Workspace,
                                                                                       tmp_path: Path) -> None:
    """Rival corridors, rival payment days and a rival rebalanced risk share, read by LibreOffice: Accept All
    gives exactly the export's target (every bracket in), Reject All exactly the round, and each bracket is
    its own party's insertion."""
    require_libreoffice()
    ws.negotiation.propose_terms(ALLIANCE, REBALANCED, "Hope Street", "Rebalance and narrow the corridor")
    ws.negotiation.propose_term(ALLIANCE, "payment.days", "45", "GP Federation", "Our own payment run.")
    ws.negotiation.propose_term(ALLIANCE, "payment.days", "20", "Community Trust", "Paid sooner.")
    out = tmp_path / "open.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "open", "Northshire ICB")
    read = libreoffice_read(out)
    assert read["accepted"] == paragraph_texts(ws.export.target_document(ALLIANCE, "open"), accept=True)
    assert read["rejected"] == paragraph_texts(ws.export.clean_document(ALLIANCE, "Draft 2"), accept=True)
    assert "Risk corridor: ± 2% [3%][1%][1.5%] of the budget" in read["accepted"]
    inserted = {(r["author"], (r["text"] or "").strip()) for r in read["redlines"] if r["type"] == "Insert"}
    assert {(TRUST, "[3%]"), (FEDERATION, "[1%]"), (HOPE, "[1.5%]"), (HOPE, "[35%]"), (HOPE, "[45%]"),
            (FEDERATION, "[forty-five (45) days]"), (TRUST, "[twenty (20) days]")} <= inserted
    assert not any(r["type"] == "Delete" for r in read["redlines"] if "[" in (r["text"] or ""))


def test_a_bracket_accepted_in_a_cell_is_a_position_not_a_new_term(ws: Workspace, tmp_path: Path) -> None:
    hope = ws.negotiation.propose_term(ALLIANCE, "payment.days", "20", "Hope Street", "Cash flow for a charity.")
    federation = ws.negotiation.propose_term(ALLIANCE, "payment.days", "45", "GP Federation", "Our payment run.")
    out = tmp_path / "redline.docx"
    ws.export.export_redline(ALLIANCE, out, "Draft 2", "open")
    edit = WordEdit(out)
    edit.decide("term.payment.days", accept=True, author=HOPE)
    edit.save()
    result = ws.returned.import_file(ALLIANCE, out, {}, untracked_as="Community Trust")
    assert {(p.kind, p.party, p.target, p.proposed) for p in result.plans} == {
        ("position", TRUST, f"proposal:{hope.id}", "supports")}  # the Federation's bracket, left alone, says nothing
    assert ws.negotiation.proposal(federation.id).is_open
    assert ws.agreements.terms(ALLIANCE).payment.days == 30  # nothing is accepted by importing
