"""A big agreement opens in the background: the window keeps painting, a progress dialog offers
Cancel, and cancelling keeps the agreement that was open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton

from negotiator.services.session import open_workspace
from negotiator.ui.controllers.agreement_controller import BIG_AGREEMENT
from negotiator.ui.window.main_window import MainWindow
from tests.support.texts import schedule_text

from .background import held_worker

PARTIES = [("ICB", "commissioner"), ("Trust", "alliance_member"), ("GPs", "alliance_member")]


@pytest.fixture(scope="module")
def big_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.sqlite"
    ws = open_workspace(path, "Test Drafter")
    ws.agreements.add_party("Northshire ICB", "ICB", "commissioner")
    ws.agreements.add_party("Northshire Trust", "Trust", "nhs_trust")
    ws.agreements.add_party("Northshire GPs", "GPs", "gp_federation")
    ws.act_as("ICB", remember=False)  # the ICB drafts both alliances
    for title, size in (("Small Alliance", 3), ("Big Alliance", BIG_AGREEMENT + 20)):
        made = ws.agreements.create_agreement(title, "overarching_alliance_agreement", "alliance", PARTIES).id
        with ws.library_unit():
            for n in range(size):
                ws.outline.add_blank(made, f"Clause {n}", schedule_text(30, n))
    ws.close()
    return path


@pytest.fixture
def window(qtbot, big_template: Path, tmp_path: Path) -> MainWindow:
    path = tmp_path / "big.sqlite"
    shutil.copy(big_template, path)
    shown = MainWindow("Test Drafter")
    qtbot.addWidget(shown)
    shown.show()
    assert shown.open_library(str(path))
    shown.agreements.panel.select(_id(shown, "Small Alliance"))
    return shown


def _id(window: MainWindow, title: str) -> int:
    return window.workspace.agreements.agreement(title).id


def _shown_sections(window: MainWindow) -> int:
    return window.agreements.view.outline_model.rowCount()


def test_a_big_agreement_opens_in_the_background(window: MainWindow, qtbot) -> None:
    assert window.agreements.view.agreement.title == "Small Alliance"
    with held_worker():  # loading cannot finish until the test has looked at the window
        window.agreements.panel.select(_id(window, "Big Alliance"))
        assert window.agreements.view.agreement.title == "Small Alliance"  # still the old one, not frozen
        assert window.findChild(QProgressDialog, "progressDialog") is not None
    qtbot.waitUntil(lambda: window.agreements.view.agreement.title == "Big Alliance", timeout=20_000)
    assert _shown_sections(window) == BIG_AGREEMENT + 20
    assert window.agreements.current == _id(window, "Big Alliance")


def test_cancel_keeps_the_agreement_that_was_open(window: MainWindow, qtbot) -> None:
    with held_worker():
        window.agreements.panel.select(_id(window, "Big Alliance"))
        dialog = window.findChild(QProgressDialog, "progressDialog")
        dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.wait(100)  # the cancelled load finishes, and is dropped
    assert window.agreements.view.agreement.title == "Small Alliance"
    assert window.agreements.current == _id(window, "Small Alliance")
    selected = window.agreements.panel.tree.currentIndex()
    assert selected.data() == "Small Alliance"
    window.agreements.panel.select(_id(window, "Big Alliance"))  # and it can still be opened afterwards
    qtbot.waitUntil(lambda: window.agreements.view.agreement.title == "Big Alliance", timeout=20_000)
