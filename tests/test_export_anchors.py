"""The export's anchors: typed places a comment goes, named in the Word file by one pair of functions."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiator.domain.document import Paragraph, Revision
from negotiator.domain.excess_bearer import EXCESS_BEARER
from negotiator.domain.export_anchors import (
    CLOSING_LINE,
    CORRIDOR,
    Anchor,
    ContributionAnchor,
    PartyCell,
    PartyLine,
    Place,
    ScheduleLine,
    SectionAnchor,
    SectionBody,
    SectionName,
    SectionParagraph,
    ShareAnchor,
    TermAnchor,
    TitleLine,
    anchor_key,
    anchor_of,
    party_cell_of,
    place_key,
    place_of,
    section_line_key,
    section_of,
)
from negotiator.domain.export_layout import (
    AgreementState,
    Grid,
    SectionText,
    body_key,
    cell_anchor,
    heading_key,
    layout,
    term_anchor,
)
from negotiator.domain.redline import redline_document
from negotiator.domain.terms import TermsSheet

ANCHORS: list[tuple[Anchor, str]] = [
    (SectionAnchor(12), "s12"),
    (ShareAnchor(5), "term.share.5"),
    (ContributionAnchor(7), "term.contribution.7"),
    (CORRIDOR, "corridor"),
    (TermAnchor("payment.days"), "term.payment.days"),
    (TermAnchor(EXCESS_BEARER), f"term.{EXCESS_BEARER}"),
]


@pytest.mark.parametrize(("anchor", "key"), ANCHORS)
def test_an_anchor_is_named_in_the_file_and_read_back(anchor: Anchor, key: str) -> None:
    assert anchor_key(anchor) == key
    assert anchor_of(key) == anchor


@pytest.mark.parametrize("key", ["s12.p2", "s12.body", "title", "schedule", "term.", "s", "sx"])
def test_a_name_that_is_no_anchor_reads_as_none(key: str) -> None:
    assert anchor_of(key) is None


def test_the_layout_names_its_lines_and_rows_as_the_anchors_do() -> None:
    assert heading_key(12) == anchor_key(SectionAnchor(12))
    assert cell_anchor("share.5", 3, 4) == anchor_key(ShareAnchor(5))  # the cap, the row's last cell
    assert cell_anchor("contribution.7", 1, 2) == anchor_key(ContributionAnchor(7))
    assert cell_anchor("payment.days", 1, 2) == anchor_key(TermAnchor("payment.days"))


def test_a_term_is_anchored_at_the_schedule_entry_that_shows_it() -> None:
    slugs = {"hope-street": 5, "icb": 7}
    assert term_anchor("risk_share.corridor", slugs) == CORRIDOR
    assert term_anchor("risk_share.hope-street.gain", slugs) == ShareAnchor(5)
    assert term_anchor("payment.contribution.icb", slugs) == ContributionAnchor(7)
    assert term_anchor("duration.extension_months", slugs) == TermAnchor("duration.extensions")
    assert term_anchor("payment.days", slugs) == TermAnchor("payment.days")
    assert term_anchor("risk_share.nobody.gain", slugs) == TermAnchor("risk_share.nobody.gain")


def test_a_redline_puts_each_remark_on_its_anchors_paragraph() -> None:
    state = AgreementState("An agreement", "Alliance agreement", (("A", "Commissioner"),), "Draft 1",
                           date(2027, 4, 1), (SectionText(3, "1", 0, "Scope", "The scope."),), TermsSheet(), {})
    said = Revision("A", datetime(2027, 1, 1, tzinfo=UTC), "On the scope")
    term = Revision("A", datetime(2027, 1, 1, tzinfo=UTC), "On payment")
    unshown = Revision("A", datetime(2027, 1, 1, tzinfo=UTC), "On a term the schedule does not show")
    gone = Revision("A", datetime(2027, 1, 1, tzinfo=UTC), "On a section not there")
    redline = redline_document(state, state, lambda _key: said,
                               {SectionAnchor(3): (said,), TermAnchor("payment.days"): (term,),
                                TermAnchor("nothing.here"): (unshown,), SectionAnchor(99): (gone,)})
    paragraphs = [p for block in redline.blocks
                  for p in ([block] if isinstance(block, Paragraph)
                            else [p for row in block.rows for cell in row.cells for p in cell.paragraphs])]
    remarks = {p.anchor: p.remarks for p in paragraphs if p.remarks}
    assert remarks == {"s3": (said,), "term.payment.days": (term,), "schedule": (unshown,), "title": (gone,)}


PLACES: list[tuple[Place, str]] = [
    *ANCHORS,
    (SectionParagraph(12, 2), "s12.p2"),
    (SectionBody(12), "s12.body"),
    (SectionName(12, "x"), "s12.x"),
    (TitleLine("title"), "title"),
    (TitleLine("subject"), "subject"),
    (PartyLine("Hope Street"), "party.Hope Street"),
    (ScheduleLine("schedule"), "schedule"),
    (ScheduleLine("schedule.payment"), "schedule.payment"),
    (ScheduleLine("risk"), "risk"),
    (ScheduleLine("examples.overspend"), "examples.overspend"),
    (CLOSING_LINE, "closing"),
]


@pytest.mark.parametrize(("place", "key"), PLACES)
def test_a_place_is_named_in_the_file_and_read_back(place: Place, key: str) -> None:
    assert place_key(place) == key
    assert place_of(key) == place


@pytest.mark.parametrize("key", [None, "", "term.", "s", "sx", "s12x", "execution", "sign.A.date", "_GoBack",
                                 "party", "closing.x"])
def test_a_name_that_is_no_place_reads_as_none(key: str | None) -> None:
    assert place_of(key) is None


def test_a_place_under_a_section_says_which() -> None:
    assert [section_of(place_of(k)) for k in ("s12", "s12.p2", "s12.body", "s12.x", "title", "term.share.5")] == \
        [12, 12, 12, 12, None, None]
    assert section_of(None) is None


def test_a_schedule_cell_is_keyed_as_the_terms_read_it() -> None:
    assert [a.cell for a in (ShareAnchor(5), ContributionAnchor(7), CORRIDOR, TermAnchor("share.5.gain"))] == \
        ["share.5", "contribution.7", "corridor", "share.5.gain"]
    assert place_of("term.share.05") == TermAnchor("share.05")  # only the export's own spelling is a party's row
    assert [party_cell_of(c) for c in ("share.5", "share.5.gain", "contribution.7", "payment.days", "corridor")] == \
        [PartyCell("share", 5, None), PartyCell("share", 5, "gain"), PartyCell("contribution", 7, None), None, None]
    assert cell_anchor("share.5", 1, 4) == anchor_key(TermAnchor("share.5.gain"))
    assert cell_anchor("example.over.result", 2, 4) == "term.example.over.result.2"


ids = st.integers(min_value=0, max_value=10**9)
sections = st.one_of(
    st.builds(SectionAnchor, ids), st.builds(SectionParagraph, ids, ids), st.builds(SectionBody, ids),
    st.builds(SectionName, ids, st.text().filter(lambda rest: rest != "body" and not re.fullmatch(r"p\d+", rest))))
places = st.one_of(
    sections, st.builds(ShareAnchor, ids), st.builds(ContributionAnchor, ids), st.just(CORRIDOR),
    st.builds(PartyLine, st.text()), st.sampled_from([TitleLine(n) for n in ("title", "kind", "between", "round",
                                                                              "subject")]),
    st.just(CLOSING_LINE))


@given(places)
def test_every_place_reads_back_from_its_name(place: Place) -> None:
    assert place_of(place_key(place)) == place


@given(sections)
def test_every_name_under_a_section_reads_back_as_that_section(place: Place) -> None:
    assert section_of(place_of(place_key(place))) == section_of(place)


def test_every_name_the_layout_gives_the_file_reads_back_as_a_place() -> None:
    state = AgreementState("An agreement", "Alliance agreement", (("A", "Commissioner"),), "Draft 1",
                           date(2027, 4, 1), (SectionText(3, "1", 0, "Scope", "The scope.\n\nMore."),), TermsSheet(),
                           {})
    keys = [item.key for item in layout(state) if isinstance(item, Grid) or not item.group]
    unplaced = [key for key in keys if place_of(key) is None]
    assert unplaced == ["execution", "execution.note", "sign.A", "sign.A.signature", "sign.A.signatory",
                        "sign.A.position", "sign.A.date"]
    assert section_line_key(3) == "s3.p" and body_key(3) == place_key(SectionBody(3))
    redline = redline_document(state, state, lambda _key: Revision("A", datetime(2027, 1, 1, tzinfo=UTC)))
    numbered = [p.anchor for p in redline.blocks if isinstance(p, Paragraph) and section_of(place_of(p.anchor))]
    assert numbered == ["s3", "s3.p1", "s3.p2"]
    assert [place_of(a) for a in numbered] == [SectionAnchor(3), SectionParagraph(3, 1), SectionParagraph(3, 2)]
