"""The redline's defining property, on the document model: accept all gives the target's clean
export, reject all gives the round's, and every change is under the party that proposed it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.domain.document import Change, Revision, authors, paragraph_texts
from negotiator.domain.errors import InvalidInput
from negotiator.domain.export_layout import AgreementState, SectionText
from negotiator.domain.redline import clean_document, redline_document
from negotiator.domain.terms import TermsSheet
from negotiator.services.session import Workspace, open_workspace

ALLIANCE = "Northshire Ageing Well Alliance Agreement"


@pytest.fixture
def ws(demo_library: Path | str) -> Workspace:
    opened = open_workspace(demo_library, "Test Drafter")
    yield opened
    opened.close()


def _appendix_free(texts: list[str]) -> list[str]:
    return texts[: texts.index("Appendix: competing proposals")] if "Appendix: competing proposals" in texts else texts


@pytest.mark.parametrize("mode", ["agreed", "open", "party:GP Federation", "party:Hope Street"])
def test_accept_all_gives_the_target_and_reject_all_the_round(ws: Workspace, mode: str) -> None:
    redline = ws.export.redline_document(ALLIANCE, "Draft 1", mode, "Northshire ICB")
    accepted = _appendix_free(paragraph_texts(redline, accept=True))
    assert accepted == paragraph_texts(ws.export.target_document(ALLIANCE, mode), accept=True)
    assert paragraph_texts(redline, accept=False) == paragraph_texts(
        ws.export.clean_document(ALLIANCE, "Draft 1"), accept=True)
    assert redline.track_revisions


def test_agreed_changes_are_under_the_parties_that_proposed_them(ws: Workspace) -> None:
    redline = ws.export.redline_document(ALLIANCE, "Draft 1", "agreed", "Northshire ICB")
    counts = authors(redline)
    assert counts["Northshire Community Health NHS Trust"] >= 2  # the monthly meetings it proposed
    assert counts["NHS Northshire Integrated Care Board"] >= 1  # the new round line, and its own edit
    comments = {r.revision.comment for b in redline.blocks if hasattr(b, "runs") for r in b.runs
                if r.change is not Change.EQUAL and r.revision.comment}
    assert "Monthly meetings during the first year keep mobilisation on track." in comments


def test_party_mode_shows_only_that_partys_proposals(ws: Workspace) -> None:
    redline = ws.export.redline_document(ALLIANCE, "Draft 2", "party:GP Federation", "Northshire ICB")
    counts = authors(redline)
    assert "Northshire Primary Care Federation" in counts
    assert "Hope Street Wellbeing" not in counts
    accepted = "\n".join(paragraph_texts(redline, accept=True))
    assert "± 1% of the budget" in accepted and "not before 45 Working Days" in accepted


def test_open_mode_lists_competing_proposals_in_an_appendix(ws: Workspace) -> None:
    redline = ws.export.redline_document(ALLIANCE, "Draft 2", "open", "Northshire ICB")
    texts = paragraph_texts(redline, accept=True)
    appendix = texts[texts.index("Appendix: competing proposals"):]
    assert "3" in appendix and "1" in appendix and "risk_share.corridor" in appendix
    assert "Hope Street Wellbeing" in appendix and "Northshire Community Health NHS Trust" in appendix
    body = "\n".join(texts[: texts.index("Appendix: competing proposals")])
    assert "not before 45 Working Days" in body  # the uncontested stale proposal, rebased
    assert "± 2% of the budget" in body  # the contested corridor is not changed


def test_unknown_modes_and_rounds_are_refused(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="not an export mode"):
        ws.export.redline_document(ALLIANCE, "Draft 1", "everything")
    with pytest.raises(InvalidInput, match="names no party"):
        ws.export.redline_document(ALLIANCE, "Draft 1", "party:Meridian")
    with pytest.raises(InvalidInput, match="no round called 'Draft 9'"):
        ws.export.redline_document(ALLIANCE, "Draft 9")


words = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=40)
paragraphs = st.lists(words, min_size=1, max_size=3).map("\n\n".join)


@st.composite
def states(draw: st.DrawFn) -> tuple[AgreementState, AgreementState]:
    ids = draw(st.lists(st.integers(1, 30), unique=True, max_size=6))
    def sections(chosen: list[int]) -> tuple[SectionText, ...]:
        return tuple(SectionText(i, str(n + 1), 0, draw(words) or "Heading", draw(paragraphs))
                     for n, i in enumerate(chosen))
    base_ids = [i for i in ids if draw(st.booleans())] or ids
    target_ids = [i for i in ids if draw(st.booleans())] or ids
    def state(chosen: list[int], label: str) -> AgreementState:
        return AgreementState("Alliance", "Overarching alliance agreement", (("A", "Commissioner"),), label,
                              date(2027, 4, 1), sections(chosen), TermsSheet(), {})
    return state(base_ids, "Draft 1"), state(target_ids, draw(st.sampled_from(["Draft 1", "Draft 2"])))


@settings(max_examples=60, deadline=None)
@given(states())
def test_the_property_holds_for_any_wording(pair: tuple[AgreementState, AgreementState]) -> None:
    base, target = pair
    revision = Revision("Provider B", datetime(2027, 1, 1, tzinfo=UTC))
    redline = redline_document(base, target, lambda _key: revision)
    assert paragraph_texts(redline, accept=True) == paragraph_texts(clean_document(target), accept=True)
    assert paragraph_texts(redline, accept=False) == paragraph_texts(clean_document(base), accept=True)
