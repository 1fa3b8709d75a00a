"""The scenarios view of the demo alliance: a chart of every party's gain or loss and a table at chosen
results, for the current terms beside the two rival corridor proposals."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from negotiator.services.demo_rounds import ALLIANCE, HOPE
from negotiator.ui.panels.scenario_view import ScenarioView
from negotiator.ui.window.main_window import MainWindow
from tests.windows import open_window, press


@pytest.fixture
def window(qtbot, demo_path: Path) -> MainWindow:
    shown = open_window(qtbot, demo_path, ALLIANCE)
    shown.actions_by_id["view.scenarios"].trigger()
    return shown


def _table(view: ScenarioView) -> list[list[str]]:
    model = view.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _headers(view: ScenarioView) -> list[str]:
    return [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())]


def test_the_menu_entry_shows_the_chart_and_table_of_the_current_terms_beside_each_open_corridor(window) -> None:
    action = window.actions_by_id["view.scenarios"]
    assert action.shortcut().toString() == "Ctrl+Shift+G" and action.text() == "Risk-Share &Scenarios…"
    view = window.scenarios.view
    assert window.central.currentWidget() is window.scenarios.page
    labels = [view.proposals.item(i).text() for i in range(view.proposals.count())]
    assert [label.split(": ", 1)[1] for label in labels] == ["Risk corridor 3%", "Risk corridor 1%"]
    assert all(view.proposals.item(i).checkState() == Qt.CheckState.Checked for i in range(view.proposals.count()))
    # Three parties share the risk, under three scenarios: nine lines, over −10% to +10% by 1%.
    assert view.chart.series_count == 9 and len(view.chart.xs) == 21
    assert view.chart.scenarios[0] == "Current terms"
    assert _headers(view)[:4] == ["Result", "Community Trust\nCurrent terms", "GP Federation\nCurrent terms",
                                  "Hope Street\nCurrent terms"]
    rows = _table(view)
    assert [row[0] for row in rows] == ["−£4,800,000 (−10%)", "−£2,400,000 (−5%)", "−£960,000 (−2%)",
                                        "+£960,000 (+2%)", "+£2,400,000 (+5%)", "+£4,800,000 (+10%)"]
    # An overspend of 5%: the current 2% corridor, the Trust's 3% and the Federation's 1%.
    assert rows[1][1:] == ["−£743,750", "−£446,250", "−£250,000", "−£480,000", "−£288,000", "−£192,000",
                           "−£1,043,750", "−£626,250", "−£250,000"]
    assert rows[2][1:4] == ["£0", "£0", "£0"]


def test_choosing_results_and_proposals_changes_the_numbers(window, qtbot) -> None:
    view = window.scenarios.view
    view.points.setText("−£2m, underspend of 3%")
    qtbot.waitUntil(lambda: _table(view)[0][0] == "−£2,000,000 (−4.17%)")
    assert _table(view)[0][1:4] == ["−£520,000", "−£312,000", "−£208,000"]
    view.proposals.item(0).setCheckState(Qt.CheckState.Unchecked)  # only the Federation's 1% beside the current
    assert view.chart.series_count == 6
    assert _table(view)[0][4:] == ["−£793,750", "−£476,250", "−£250,000"]
    assert "GP Federation's proposal" in _headers(view)[4]


def test_bad_input_is_said_in_words_and_the_input_and_figures_are_kept(window, qtbot) -> None:
    view = window.scenarios.view
    before = _table(view)
    for edit, text, message in ((view.step, "0", "The step must be more than 0%"),
                                (view.start, "plenty", "The lowest result 'plenty' is not a percentage"),
                                (view.step, "0.00001", "at most 1,001 can be shown"),
                                (view.points, "a lot", "'a lot' is not a year-end result")):
        was = edit.text()
        edit.setText(text)
        qtbot.waitUntil(lambda message=message: message in view.problem.text())
        assert view.problem.isVisible() and edit.text() == text and _table(view) == before
        edit.setText(was)
        qtbot.waitUntil(lambda: view.problem.isHidden())
    view.stop.setText("−20%")
    qtbot.waitUntil(lambda: "The range is empty" in view.problem.text())


def test_two_rival_proposals_cannot_be_combined_and_the_choice_is_kept(window) -> None:
    view = window.scenarios.view
    view.together.setChecked(True)
    assert "both set Risk corridor (3% and 1%); a scenario can take only one of them" in view.problem.text()
    assert view.together.isChecked() and view.chart.series_count == 9


def test_a_combination_is_one_scenario(window, qtbot) -> None:
    ws = window.workspace
    ws.act_as(HOPE)
    ws.negotiation.propose_term(ALLIANCE, "risk_share.hope-street.cap", "£400,000", HOPE, "Room to carry more")
    window.refresh_negotiation()
    view = window.scenarios.view
    assert view.proposals.count() == 3
    view.proposals.item(1).setCheckState(Qt.CheckState.Unchecked)  # the Trust's 3% and Hope Street's cap
    view.together.setChecked(True)
    assert view.chart.series_count == 6
    assert _headers(view)[4].endswith("together")
    assert view.chart.scenarios[1].endswith("Risk corridor 3%; Hope Street Wellbeing's cap on losses £400,000")


def test_copy_puts_the_chart_on_the_clipboard_as_a_picture(window, qtbot) -> None:
    view = window.scenarios.view
    QApplication.clipboard().clear()
    view.copy_button.click()
    picture = QApplication.clipboard().image()
    assert not picture.isNull() and picture.width() >= 800
    QApplication.clipboard().clear()
    view.chart.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.chart)
    assert window.actions_by_id["edit.copy"].isEnabled()
    press(qtbot, window, "Ctrl+C")  # Edit → Copy with the chart focused
    assert not QApplication.clipboard().image().isNull()
    QApplication.clipboard().clear()
    view.together.setFocus()  # and with the focus on one of the view's buttons
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.together)
    window.actions_by_id["edit.copy"].trigger()
    assert not QApplication.clipboard().image().isNull()
    view.start.setFocus()  # a field copies its own text, as everywhere
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.start)
    view.start.selectAll()
    window.actions_by_id["edit.copy"].trigger()
    assert QApplication.clipboard().text() == "−10%"


def test_the_chart_follows_the_dark_scheme(window, qtbot) -> None:
    from negotiator.ui.common import appearance

    view = window.scenarios.view
    light = view.chart.image().pixelColor(5, 5)
    appearance.apply("dark")
    try:  # the new palette reaches the widgets as an event
        qtbot.waitUntil(lambda: view.chart.image().pixelColor(5, 5).lightness() < 100)
        dark = view.chart.image().pixelColor(5, 5)
        assert light.lightness() > 200
        assert dark == view.chart.palette().color(QPalette.ColorRole.Base)
    finally:
        appearance.apply("system")


def test_accessible_names_and_another_agreement(window, qtbot) -> None:
    view = window.scenarios.view
    assert view.chart.accessibleName() == "Risk-share chart"
    assert "Community Trust" in view.chart.accessibleDescription()
    assert all(w.accessibleName() for w in (view.start, view.stop, view.step, view.points, view.proposals,
                                            view.table, view.together))
    # The MSK prime contract shares no risk: the view says so in words, with no lines drawn.
    window.agreements.panel.select(window.workspace.agreements.agreement("Northshire MSK Prime Contract").id)
    window.scenarios.show()
    assert view.chart.series_count == 0 and view.proposals.count() == 0
    assert "no risk share yet" in view.problem.text()


def test_accepting_a_corridor_makes_it_the_current_terms_in_the_view(window) -> None:
    view = window.scenarios.view
    view.proposals.item(1).setCheckState(Qt.CheckState.Unchecked)  # a choice the decision will overtake
    trust = view.proposals.item(0).data(Qt.ItemDataRole.UserRole)
    window.workspace.negotiation.decide(trust, "accept", "Northshire ICB")
    window.refresh_negotiation()
    assert view.proposals.count() == 0 and view.chart.series_count == 3  # its rival is superseded
    assert _table(view)[1][1:] == ["−£480,000", "−£288,000", "−£192,000"]  # −5% under a 3% corridor


def test_hovering_over_the_chart_gives_every_line_s_figure_at_that_result(window, qtbot) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    chart = window.scenarios.view.chart
    qtbot.waitUntil(lambda: chart._plot.width() > 0)  # painted once
    plot = chart._plot
    left = QPoint(int(plot.left()) + 1, int(plot.center().y()))  # the far left: an overspend of 10%
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, left, chart.mapToGlobal(left)))
    text = QToolTip.text()
    assert text.splitlines()[0] == "Result −10% of the budget"
    assert "Community Trust, Current terms: −£2,243,750" in text.splitlines()
    assert len(text.splitlines()) == 1 + 9
    QToolTip.hideText()


def test_a_loss_beyond_every_cap_has_a_column_in_the_table(qapp) -> None:
    from decimal import Decimal

    from negotiator.domain.risk_outcome import share_result
    from negotiator.domain.terms import PartyShare, RiskShare
    from negotiator.ui.panels.scenario_table import ScenarioTableModel

    capped = RiskShare((PartyShare(7, Decimal(100), Decimal(100), 100_000_00),))
    model = ScenarioTableModel()
    model.show(["an overspend of £2,400,000"], [(7, "Meridian")], ["Current terms"],
               [[share_result(capped, -2_400_000_00, None)]])
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[1:] == ["Meridian\nCurrent terms", "Carried by no party\nCurrent terms"]
    assert [model.index(0, c).data() for c in (1, 2)] == ["−£100,000", "−£2,300,000"]
