"""The export's anchors: typed places a comment goes, named in the Word file by one pair of functions."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from negotiator.domain.document import Paragraph, Revision
from negotiator.domain.excess_bearer import EXCESS_BEARER
from negotiator.domain.export_anchors import (
    CORRIDOR,
    Anchor,
    ContributionAnchor,
    SectionAnchor,
    ShareAnchor,
    TermAnchor,
    anchor_key,
    anchor_of,
)
from negotiator.domain.export_layout import AgreementState, SectionText, cell_anchor, heading_key, term_anchor
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
