"""The side-by-side comparison, driven with real widgets as a negotiator would read it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextFragment
from PySide6.QtWidgets import QCheckBox, QTextBrowser

from negotiator.ui.panels.compare_view import CompareView

BEFORE = "Payment within 30 days of invoice."
AFTER = "Payment within 60 days of a valid invoice."
BASE = "The Provider shall invoice monthly.\n\nPayment is due within 30 days."
PARTIES = [
    ("North Shire ICB", "#1f77b4", "The Provider shall invoice quarterly.\n\nPayment is due within 30 days."),
    ("Shire Trust", "#ff7f0e", "The Provider shall invoice monthly.\n\nPayment is due within 14 days."),
    ("Shire GPs", "#2ca02c", "The Provider shall invoice monthly in arrears.\n\nPayment is due."),
]


@pytest.fixture
def view(qtbot) -> CompareView:
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def fragments(pane: QTextBrowser) -> list[QTextFragment]:
    """The runs of differently formatted text the pane shows, in reading order."""
    found = []
    block = pane.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            found.append(it.fragment())
            it += 1
        block = block.next()
    return found


def formatted(pane: QTextBrowser, *, struck: bool = False, underlined: bool = False) -> list[str]:
    """The words the pane shows struck through (or underlined), run by run, as the reader sees them."""
    return [
        fragment.text().strip()
        for fragment in fragments(pane)
        if (struck and fragment.charFormat().fontStrikeOut()) or (underlined and fragment.charFormat().fontUnderline())
    ]


def struck_colours(pane: QTextBrowser) -> list[tuple[str, str]]:
    """Each run of struck-through words with the colour it is drawn in."""
    return [
        (fragment.text().strip(), fragment.charFormat().foreground().color().name())
        for fragment in fragments(pane)
        if fragment.charFormat().fontStrikeOut()
    ]


def long_text(word: str) -> str:
    return "\n\n".join(f"Paragraph {n}: the {word} shall pay within 30 days of a valid invoice." for n in range(200))


def test_two_versions_show_deletions_on_the_left_and_insertions_on_the_right(view):
    view.set_pair("Version 1", BEFORE, "Version 2", AFTER)

    left, right = view.panes()
    assert left.toPlainText() == BEFORE
    assert right.toPlainText() == AFTER
    assert formatted(left, struck=True) == ["30"]
    assert formatted(right, underlined=True) == ["60", "a valid"]
    assert "line-through" in left.toHtml() and "line-through" not in right.toHtml()
    assert [title.text() for title in view.titles()] == ["Version 1", "Version 2"]
    assert view.summary.text() == "3 words inserted, 1 word deleted"


def test_the_panes_are_read_only_and_described_for_screen_readers(view):
    view.set_pair("Version 1", BEFORE, "Version 2", AFTER)

    for pane in view.panes():
        assert pane.isReadOnly()
        assert pane.accessibleName()
        assert pane.toolTip()
    assert "Version 1" in view.panes()[0].accessibleName()


def test_whitespace_and_paragraphs_are_shown_exactly_as_written(view):
    before = "Clause 1.\n\n\nThe  Provider\tshall pay <all> sums & costs.\nLine two."
    after = "Clause 1.\n\nThe Provider shall pay <all> sums.\n\n\nLine two.  "

    view.set_pair("Old", before, "New", after)

    assert [pane.toPlainText() for pane in view.panes()] == [before, after]


def test_scrolling_one_pane_scrolls_the_other(view, qtbot):
    view.set_pair("Version 1", long_text("Commissioner"), "Version 2", long_text("Provider"))
    left, right = (pane.verticalScrollBar() for pane in view.panes())
    qtbot.waitUntil(lambda: left.maximum() > 0 and right.maximum() > 0)

    left.setValue(left.maximum())
    assert right.value() == right.maximum()

    right.setValue(0)
    assert left.value() == 0


def test_scrolling_apart_when_scroll_together_is_off(view, qtbot):
    view.set_pair("Version 1", long_text("Commissioner"), "Version 2", long_text("Provider"))
    left, right = (pane.verticalScrollBar() for pane in view.panes())
    qtbot.waitUntil(lambda: left.maximum() > 0 and right.maximum() > 0)
    together = view.findChild(QCheckBox, "scrollTogether")
    assert together.isChecked()

    together.setChecked(False)
    left.setValue(left.maximum())

    assert right.value() == 0


def test_each_party_has_a_pane_showing_its_text_with_insertions_in_its_colour(view):
    view.set_columns("Draft 3", BASE, PARTIES)

    panes = view.panes()
    assert len(panes) == 4
    assert [title.text() for title in view.titles()] == ["Draft 3", "North Shire ICB", "Shire Trust", "Shire GPs"]
    assert panes[0].toPlainText() == BASE
    for pane, title, (_, colour, text) in zip(panes[1:], view.titles()[1:], PARTIES, strict=True):
        assert pane.toPlainText() == text
        assert colour in pane.toHtml()
        assert colour in title.styleSheet()
    assert formatted(panes[1], underlined=True) == ["quarterly"]
    assert formatted(panes[3], underlined=True) == ["in arrears"]
    assert view.summary.text() == (
        "North Shire ICB: 1 inserted, 1 deleted; Shire Trust: 1 inserted, 1 deleted; Shire GPs: 2 inserted, 3 deleted"
    )


def test_the_base_strikes_through_what_each_party_deletes(view):
    view.set_columns("Draft 3", BASE, PARTIES)

    base = view.panes()[0]
    assert base.toPlainText() == BASE
    # "monthly" is deleted by the ICB alone, "within ... days" by the GPs; "30" by both the Trust and the GPs.
    assert struck_colours(base) == [
        ("monthly", "#1f77b4"), ("within", "#2ca02c"), ("30", "#cf222e"), ("days", "#2ca02c"),
    ]


def test_panes_are_rebuilt_when_the_number_of_texts_changes(view):
    view.set_columns("Draft 3", BASE, PARTIES)
    view.set_columns("Draft 3", BASE, PARTIES[:1])
    assert len(view.panes()) == 2

    view.set_pair("Version 1", BEFORE, "Version 2", AFTER)

    assert len(view.panes()) == 2
    assert [pane.toPlainText() for pane in view.panes()] == [BEFORE, AFTER]
    assert "#1f77b4" not in view.titles()[0].styleSheet()


def test_a_colour_that_is_not_a_colour_is_refused(view):
    with pytest.raises(ValueError, match="Shire Trust"):
        view.set_columns("Draft 3", BASE, [("Shire Trust", "orange-ish", BASE)])


def test_clear_shows_the_empty_state(view):
    assert view.empty.isVisible()
    view.set_pair("Version 1", BEFORE, "Version 2", AFTER)
    assert not view.empty.isVisible() and view.splitter.isVisible()

    view.clear()

    assert view.empty.isVisible()
    assert view.empty.text() == "Choose two texts to compare."
    assert not view.splitter.isVisible()
    assert view.summary.text() == ""
