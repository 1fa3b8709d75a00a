"""The review pane (#16, item 3): every open proposal, remark and recorded decision of the demo alliance as
a compact inline diff with its party, status, place and rationale; the filters; Next and Previous
Change; the outline's markers; and all of it from the keyboard."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QComboBox

from negotiator.domain.change_summary import compact_segments
from negotiator.domain.diff import Op, Segment
from negotiator.domain.parties import OrganisationType, Party
from negotiator.domain.review import REMARK, Marker, review_entries
from negotiator.domain.terms import PartyShare, RiskShare, TermsSheet
from negotiator.services.demo_titles import ALLIANCE
from negotiator.ui.common.colours import party_colour
from negotiator.ui.controllers.term_focus import show_term
from negotiator.ui.models.outline_model import MARKER_ROLE
from negotiator.ui.panels.review_pane import ENTRY_ROLE, ReviewPane
from negotiator.ui.panels.terms_editor import TermsEditor
from negotiator.ui.window.main_window import MainWindow
from tests.keyboard_user import KeyboardUser, focus_is
from tests.windows import open_window, press

TRUST = "Northshire Community Health NHS Trust"
HOPE = "Hope Street Wellbeing"
FEDERATION = "Northshire Primary Care Federation"
ICB = "NHS Northshire Integrated Care Board"


@pytest.fixture
def window(qtbot, demo_path: Path) -> MainWindow:
    shown = open_window(qtbot, demo_path, ALLIANCE)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def _section(window: MainWindow, number: str) -> int:
    """The id of the alliance's section with this number."""
    ws = window.workspace
    return next(n.section.id for n in ws.outline.outline(ws.agreements.agreement(ALLIANCE).id) if n.number == number)


def _rows(window: MainWindow) -> list[tuple]:
    """What the pane lists: (proposal id, party, status, place, change in words) per entry."""
    model = window.review.pane.model
    entries = [model.index(row).data(ENTRY_ROLE) for row in range(model.rowCount())]
    return [(e.proposal_id, e.party_name, e.status, e.place, e.change_text()) for e in entries]


def _proposal(window: MainWindow, party: str, status: str, target: str) -> int:
    ws = window.workspace
    return next(v.proposal.id for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.party_name == party
                and v.proposal.status.value == status and target in v.proposal.targets)


def _choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def test_the_compact_inline_diff_strikes_the_old_words_and_marks_the_new() -> None:
    before = "Undisputed invoices are paid within 60 Working Days of receipt by the paying party."
    after = "Undisputed invoices are paid within 40 Working Days of receipt by the paying party."
    assert compact_segments(before, after) == [Segment(Op.EQUAL, "…are paid within "), Segment(Op.DELETE, "60"),
                                               Segment(Op.EQUAL, " "), Segment(Op.INSERT, "40"),
                                               Segment(Op.EQUAL, " Working Days of…")]
    assert compact_segments("a b c.", "a b c d.") == [Segment(Op.EQUAL, "a b c "), Segment(Op.INSERT, "d"),
                                                       Segment(Op.EQUAL, ".")]
    assert compact_segments("same", "same") == [Segment(Op.EQUAL, "no change")]
    long = compact_segments("x", "y " * 400, limit=40)
    assert sum(len(s.text) for s in long) <= 40 and long[-1].text.endswith("…")


def test_the_pane_lists_every_proposal_and_decision_of_the_alliance(window: MainWindow) -> None:
    ws = window.workspace
    places = ws.outline.places(ws.agreements.agreement(ALLIANCE).id)
    escalation, conflicts, board = (places[f"section:{_section(window, n)}"] for n in ("15", "9", "5.1"))
    rows = _rows(window)
    assert len(rows) == len(ws.negotiation.proposals(ALLIANCE)) == 7
    # In reading order: the sections as numbered, then the terms schedule.
    assert [r[1:4] for r in rows] == [
        (TRUST, "accepted", board), (HOPE, "open", conflicts), (TRUST, "open", conflicts),
        (FEDERATION, "open", escalation), (HOPE, "rejected", "No-fault termination notice"),
        (TRUST, "open", "Risk corridor"), (FEDERATION, "open", "Risk corridor")]
    assert rows[1][4] == "…at least every six → three months and publish…"
    assert rows[4][4] == "No-fault termination notice: 1 year → 6 months"
    assert rows[5][4] == "Risk corridor: 2% → 3%" and rows[6][4] == "Risk corridor: 2% → 1%"
    assert rows[3][4].startswith("…those three stages + , and not before 45 Working Days")
    entries = [window.review.pane.model.index(r).data(ENTRY_ROLE) for r in range(7)]
    assert entries[1].change == (Segment(Op.EQUAL, "…at least every "), Segment(Op.DELETE, "six"),
                                 Segment(Op.EQUAL, " "), Segment(Op.INSERT, "three"),
                                 Segment(Op.EQUAL, " months and publish…"))
    assert [e.contested for e in entries] == [False, True, True, False, False, True, True]
    assert entries[3].stale and not entries[0].stale
    assert entries[1].rationale == "Quarterly review matches our charity's governance cycle."
    text = window.review.pane.model.index(1).data(Qt.ItemDataRole.DisplayRole)
    assert text.startswith(f"{HOPE}, open, contested: {conflicts}. …at least every six → three months")
    assert "Rationale: Quarterly review" in text
    assert window.review.pane.caption.text() == "7 of 7 shown; 5 open."


def test_remarks_and_positions_are_listed_too(window: MainWindow) -> None:
    ws = window.workspace
    board = _section(window, "5.1")
    ws.remarks.remark(ALLIANCE, f"section:{board}", "Monthly meetings suit us.", HOPE)
    ws.remarks.remark(ALLIANCE, "risk_share.corridor", "We can live with 2%.", ICB)
    corridor = _proposal(window, TRUST, "open", "risk_share.corridor")
    ws.remarks.take_position(ALLIANCE, _proposal(window, FEDERATION, "open", _target(window, "15")), ICB, False)
    ws.remarks.take_position(ALLIANCE, corridor, HOPE, True)
    window.refresh_negotiation()
    rows = _rows(window)
    assert len(rows) == 9
    remarks = [r for r in rows if r[2] == REMARK]
    assert [r[1:] for r in remarks] == [
        (HOPE, REMARK, ws.outline.places(ws.agreements.agreement(ALLIANCE).id)[f"section:{board}"],
         "\u201cMonthly meetings suit us.\u201d"),
        (ICB, REMARK, "Risk corridor", "\u201cWe can live with 2%.\u201d")]
    model = window.review.pane.model
    entries = {model.index(r).data(ENTRY_ROLE).proposal_id: model.index(r).data(ENTRY_ROLE) for r in range(9)}
    escalation = entries[_proposal(window, FEDERATION, "open", _target(window, "15"))]
    assert escalation.contested and escalation.positions == f"opposed by {ICB}"  # opposed: contested now
    assert entries[corridor].positions == f"supported by {HOPE}"


def _target(window: MainWindow, number: str) -> str:
    return f"section:{_section(window, number)}"


def test_the_filters_narrow_the_list_and_combine(window: MainWindow) -> None:
    pane = window.review.pane
    _choose(pane.party, TRUST)
    assert {r[1] for r in _rows(window)} == {TRUST} and len(_rows(window)) == 3
    _choose(pane.status, "Open")
    assert [(r[1], r[2], r[3]) for r in _rows(window)] == [
        (TRUST, "open", _rows(window)[0][3]), (TRUST, "open", "Risk corridor")]
    _choose(pane.party, "All parties")
    assert len(_rows(window)) == 5 and {r[2] for r in _rows(window)} == {"open"}
    _choose(pane.status, "Decided (any)")
    assert [r[2] for r in _rows(window)] == ["accepted", "rejected"]  # the recorded changes
    _choose(pane.status, "Rejected")
    assert [r[1] for r in _rows(window)] == [HOPE]
    _choose(pane.status, "All statuses")
    places = [pane.place.itemText(i) for i in range(pane.place.count())]
    assert places[0] == "All places" and places[-1] == "Terms schedule" and places[2].startswith("9 ")
    _choose(pane.place, places[2])
    assert [r[1] for r in _rows(window)] == [HOPE, TRUST]
    _choose(pane.party, HOPE)
    assert [r[1] for r in _rows(window)] == [HOPE] and pane.caption.text() == "1 of 7 shown; 5 open."
    _choose(pane.place, "Terms schedule")
    assert [r[3] for r in _rows(window)] == ["No-fault termination notice"]
    window.refresh_negotiation()  # a reload keeps the filters
    assert pane.party.currentText() == HOPE and pane.place.currentText() == "Terms schedule"
    assert len(_rows(window)) == 1


def test_next_and_previous_change_move_the_agreement_view(window: MainWindow, qtbot) -> None:
    view, panel = window.agreements.view, window.negotiation.panel
    assert window.actions_by_id["negotiation.next_change"].shortcut().toString() == "F8"
    assert window.actions_by_id["negotiation.previous_change"].shortcut().toString() == "Shift+F8"
    assert window.actions_by_id["view.review"].shortcut().toString() == "Ctrl+Shift+L"
    view.select_section(_section(window, "1"))
    view.outline.setFocus()
    press(qtbot, window, "F8")  # from the section selected in the outline: the first change after it
    assert view.current_section() == _section(window, "5.1")
    assert panel.selected() == _proposal(window, TRUST, "accepted", _target(window, "5.1"))
    press(qtbot, window, "F8")
    assert view.current_section() == _section(window, "9")
    assert panel.selected() == _proposal(window, HOPE, "open", _target(window, "9"))
    press(qtbot, window, "F8")
    assert panel.selected() == _proposal(window, TRUST, "open", _target(window, "9"))
    press(qtbot, window, "F8")
    assert view.current_section() == _section(window, "15")
    assert window.statusBar().currentMessage().startswith("Change 4 of 7: 15 ")
    press(qtbot, window, "F8")  # a term: the proposals panel goes to it
    assert window.negotiation.target == "duration.notice"
    assert panel.selected() == _proposal(window, HOPE, "rejected", "duration.notice")
    press(qtbot, window, "Shift+F8")
    assert view.current_section() == _section(window, "15") and window.negotiation.target == _target(window, "15")
    for _ in range(4):
        press(qtbot, window, "F8")
    assert window.review.pane.list.currentIndex().row() == 0  # past the last, back to the first
    assert view.current_section() == _section(window, "5.1")
    press(qtbot, window, "Shift+F8")
    assert panel.selected() == _proposal(window, FEDERATION, "open", "risk_share.corridor")
    assert window.central.currentWidget() is view


def test_next_change_follows_the_filters(window: MainWindow, qtbot) -> None:
    _choose(window.review.pane.status, "Open")
    window.agreements.view.select_section(_section(window, "9"))
    window.review.pane.list.clearSelection()
    window.review.pane.list.setCurrentIndex(window.review.pane.model.index(-1))
    window.review.previous_change()  # from section 9: the last open change before it, wrapping round
    assert window.negotiation.panel.selected() == _proposal(window, FEDERATION, "open", "risk_share.corridor")
    window.review.next_change()
    assert window.agreements.view.current_section() == _section(window, "9")


def test_the_outline_marks_sections_with_open_or_contested_proposals(window: MainWindow) -> None:
    model = window.agreements.view.outline_model
    marked = {n: model.marker(_section(window, n)) for n in ("9", "15")}
    assert marked == {"9": Marker(2, True), "15": Marker(1, False)}
    every = [n.section.id for n in window.workspace.outline.outline(window.workspace.agreements.agreement(
        ALLIANCE).id)]
    assert {s for s in every if model.marker(s)} == {_section(window, "9"), _section(window, "15")}
    index = model.index_of(_section(window, "9"))
    assert index.data(Qt.ItemDataRole.ToolTipRole).endswith(": 2 open proposals, contested")
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None and index.data(MARKER_ROLE) == Marker(2, True)
    fifteen = model.index_of(_section(window, "15"))
    assert fifteen.data(Qt.ItemDataRole.ToolTipRole).endswith(": 1 open proposal")
    board = model.index_of(_section(window, "5.1"))  # its proposal was accepted: nothing open there
    assert board.data(Qt.ItemDataRole.DecorationRole) is None and "open" not in board.data(
        Qt.ItemDataRole.ToolTipRole)
    # The Federation withdraws its escalation proposal: the mark goes.
    window.workspace.act_as(FEDERATION)
    window.negotiation.decide(_proposal(window, FEDERATION, "open", _target(window, "15")), "withdraw")
    assert model.marker(_section(window, "15")) is None
    assert [r[2] for r in _rows(window) if r[3].startswith("15 ")] == ["withdrawn"]


def test_the_pane_paints_each_party_in_its_colour_and_the_changes_in_red_and_green(window: MainWindow,
                                                                                    qtbot) -> None:
    ws = window.workspace
    agreement = ws.agreements.agreement(ALLIANCE)
    parties = ws.agreements.parties_of(agreement)
    pane = ReviewPane()  # the window's pane, on its own and wide enough to show every entry whole
    qtbot.addWidget(pane)
    pane.set_entries(window.review.pane.model.entries, parties)
    pane.resize(600, 900)
    pane.show()
    QApplication.processEvents()
    image = pane.list.viewport().grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(0, image.height(), 2)}
    trust = ws.agreements.find_party(TRUST).id
    assert party_colour(trust, list(parties)) in colours  # its bar beside its entries
    assert _near(colours, "#cf222e") and _near(colours, "#1a7f37")  # struck-through red, underlined green


def _near(colours: set[str], wanted: str) -> bool:
    target = QColor(wanted)
    return any(abs(QColor(c).red() - target.red()) + abs(QColor(c).green() - target.green())
               + abs(QColor(c).blue() - target.blue()) < 30 for c in colours)


def test_every_control_of_the_pane_is_named(window: MainWindow) -> None:
    pane = window.review.pane
    for widget in (pane.party, pane.status, pane.place, pane.list):
        assert widget.accessibleName() and widget.toolTip()
    assert window.actions_by_id["view.review"].toolTip()
    index = pane.model.index(0)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == index.data(Qt.ItemDataRole.DisplayRole)


def test_the_review_from_the_keyboard_alone(window: MainWindow, qtbot) -> None:
    pane, view = window.review.pane, window.agreements.view
    user = KeyboardUser()
    user.keys("Ctrl+Shift+L").wait("the review list", focus_is(pane.list))
    user.wait("the first entry selected", lambda: pane.list.currentIndex().row() == 0)
    user.press_until("Down", "the Federation's escalation proposal", lambda: pane.selected() is not None
                     and pane.selected().party_name == FEDERATION, most=5)
    user.wait("section 15 shown", lambda: view.current_section() == _section(window, "15"))
    user.keys("Return").wait("the outline, at section 15", lambda: focus_is(view.outline)()
                             and view.current_section() == _section(window, "15"))
    # Back to the pane, Shift+Tab to the status filter, choose Rejected, Tab back to the list.
    user.keys("Ctrl+Shift+L").wait("the review list", focus_is(pane.list))
    user.press_until("Shift+Tab", "the status filter", focus_is(pane.status), most=6)
    user.press_until("Down", "rejected ones only", lambda: pane.status.currentText() == "Rejected", most=8)
    user.press_until("Tab", "the review list", focus_is(pane.list), most=6)
    user.keys("Home").wait("the rejected term", lambda: pane.selected() is not None
                           and pane.selected().status == "rejected")
    # Enter on a term: the keyboard goes to the term's own field, the proposals panel shows the proposal.
    user.keys("Return").wait("the term's field, its proposal selected", lambda: focus_is(view.terms_editor.notice)()
                             and window.negotiation.panel.selected() == pane.selected().proposal_id)
    user.run(qtbot)


def test_review_entries_are_plain_domain_data(window: MainWindow) -> None:
    """The domain builds the same entries from the services' data, without Qt."""
    ws = window.workspace
    agreement = ws.agreements.agreement(ALLIANCE)
    entries = review_entries(ws.negotiation.proposals(agreement.id), [], [], ws.outline.places(agreement.id),
                             ws.agreements.parties_of(agreement))
    assert [(e.proposal_id, e.status) for e in entries] == [r[:3:2] for r in _rows(window)]


def test_a_term_change_is_shown_in_its_own_field_of_the_terms_panel(window: MainWindow, qtbot) -> None:
    editor, pane = window.agreements.view.terms_editor, window.review.pane
    editor.tabs.setCurrentIndex(2)  # the user was looking at payment
    entries = [pane.model.index(row).data(ENTRY_ROLE) for row in range(pane.model.rowCount())]
    notice = next(row for row, e in enumerate(entries) if e.target == "duration.notice")
    corridor = next(row for row, e in enumerate(entries) if e.target == "risk_share.corridor")
    window.review.go_to(entries[notice])
    assert editor.tabs.tabText(editor.tabs.currentIndex()) == "Duration"
    assert window.terms_dock.isVisible()
    window.review.go_to(entries[corridor], focus=True)  # Enter in the pane: the keyboard goes to the field
    assert editor.tabs.tabText(editor.tabs.currentIndex()) == "Risk share"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.corridor)


def test_a_party_s_share_is_shown_in_its_cell_of_the_risk_share_table(qtbot) -> None:
    editor = TermsEditor()
    qtbot.addWidget(editor)
    parties = {1: Party("Hope Street Wellbeing", "Hope Street", OrganisationType.VOLUNTARY_SECTOR, 1),
               2: Party("Northshire Community Health NHS Trust", "Trust", OrganisationType.NHS_TRUST, 2)}
    sheet = TermsSheet(RiskShare((PartyShare(1, Decimal(50), Decimal(50)), PartyShare(2, Decimal(50), Decimal(50)))))
    editor.set_agreement("Alliance", parties, sheet)
    assert show_term(editor, "risk_share.trust.cap") is editor.risk_table
    assert (editor.risk_table.currentIndex().row(), editor.risk_table.currentIndex().column()) == (1, 3)
    assert show_term(editor, "payment.contribution.hope-street") is editor.contribution_field("hope-street")
    assert editor.tabs.currentIndex() == 2
    assert show_term(editor, "risk_share.excess_bearer") is editor.risk_editor.bearer
    assert editor.tabs.currentIndex() == 0
    assert show_term(editor, "nothing.at.all") is None
