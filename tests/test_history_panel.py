"""The History panel: the open agreement's negotiation record as evidence, newest step last, and a
loud warning when the record has been changed behind the app's back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDockWidget

from negotiator.ui.main_window import MainWindow

from .windows import open_window

ALLIANCE = "Northshire Ageing Well Alliance Agreement"


@pytest.fixture
def window(qtbot, demo_path: Path) -> MainWindow:
    return open_window(qtbot, demo_path, ALLIANCE)


def _rows(window: MainWindow) -> list[list[str]]:
    model = window.views.history.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_history_lists_the_agreements_record_and_says_it_checks_out(window: MainWindow) -> None:
    rows = _rows(window)
    record = window.workspace.record.of_agreement(ALLIANCE)
    assert len(rows) == len(record.entries) > 5
    assert rows[0][2:4] == ["NHS Northshire Integrated Care Board", "Issued round Draft 1"]
    assert any(r[3].startswith("Made proposal") and r[4] for r in rows)  # with the reason the party gave
    assert "checks out" in window.views.history.summary.text()
    assert window.findChild(QDockWidget, "historyDock").toggleViewAction() in window.menuBar().actions()[2].menu(
    ).actions()  # View → History


def test_a_new_proposal_and_its_acceptance_appear_at_the_end(window: MainWindow) -> None:
    before = len(_rows(window))
    window.set_acting_party("Hope Street Wellbeing")
    window.negotiation.propose({"kind": "term", "term": "payment.days", "value": "20",
                                "rationale": "Small providers need cash sooner."})
    rows = _rows(window)
    assert len(rows) == before + 1
    assert rows[-1][2] == "Hope Street Wellbeing" and rows[-1][3].startswith("Made proposal")
    assert rows[-1][4] == "Small providers need cash sooner."
    window.actions_by_id["edit.undo"].trigger()  # undoing withdraws it: the record only grows
    rows = _rows(window)
    assert len(rows) == before + 2 and rows[-1][3].startswith("Withdrew proposal")


def test_a_record_changed_behind_the_apps_back_is_reported(window: MainWindow, demo_path: Path) -> None:
    with sqlite3.connect(demo_path) as connection:
        connection.execute("UPDATE negotiation_event SET actor = 'Someone Else' WHERE id = 2")
    connection.close()
    window.refresh_negotiation()
    summary = window.views.history.summary
    assert "altered outside Negotiator" in summary.text() and "event 2" in summary.text()
    assert "Restore from Backup" in summary.text()
