"""Provenance and fingerprints in the window: File → Library Fingerprints… shows this library's key and
the pinned ones; the proposals panel says where each proposal comes from."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt

from negotiator.services.demo_titles import ALLIANCE
from negotiator.ui.dialogs.fingerprints_dialog import FingerprintsDialog
from negotiator.ui.panels.proposals_panel import ProposalsModel
from negotiator.ui.window.main_window import MainWindow

from .test_exchange_window import open_package
from .windows import open_window

ICB = "NHS Northshire Integrated Care Board"


def test_the_fingerprints_dialog_and_the_provenance_column(qtbot, qtmodeltester, demo_path: Path, tmp_path: Path,
                                                           starter_path: Path) -> None:
    window = open_window(qtbot, demo_path, ALLIANCE)
    window.set_acting_party("Northshire ICB")
    path = window.exchange.export_package(tmp_path / "p.negotiation")
    with sqlite3.connect(starter_path) as connection:
        connection.execute("UPDATE library_info SET value = 'uid-receiver' WHERE key = 'uid'")
    connection.close()
    other = MainWindow("Receiver")
    qtbot.addWidget(other)
    other.open_library(str(starter_path))
    dialog = open_package(qtbot, other, path)
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)

    assert other.actions_by_id["file.fingerprints"].isEnabled()
    other.actions_by_id["file.fingerprints"].trigger()
    shown = other.findChild(FingerprintsDialog, "fingerprintsDialog")
    assert shown is not None and shown.isVisible()
    assert shown.own_fingerprint.text() == other.workspace.trust.own().fingerprint
    assert shown.table.rowCount() == 1
    assert shown.table.item(0, 0).text() == ICB
    assert shown.table.item(0, 1).text() == window.workspace.trust.own().fingerprint
    shown.reject()

    model = ProposalsModel()
    views = other.workspace.negotiation.proposals(ALLIANCE)
    model.set_rows(views)
    qtmodeltester.check(model)
    column = ProposalsModel.headers.index("Provenance")
    texts = {model.index(row, column).data() for row in range(model.rowCount())}
    assert texts and all(text.startswith("recorded by ") for text in texts)
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Recorded for" in tip and "not in its party's own library" in tip
