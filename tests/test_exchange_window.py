"""Importing and exporting in the window: the returned-redline dialog maps authors and previews the
proposals; the package dialog previews what it adds; exporting a package needs an acting party."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from negotiator.services.demo_titles import ALLIANCE
from negotiator.ui.dialogs.import_dialogs import ImportRedlineDialog
from negotiator.ui.dialogs.package_review import ImportPackageDialog
from negotiator.ui.window.main_window import MainWindow

from .background import held_worker
from .windows import open_window
from .word_edits import WordEdit


@pytest.fixture
def window(qtbot, demo_path: Path) -> MainWindow:
    return open_window(qtbot, demo_path, ALLIANCE)


def _returned(window: MainWindow, tmp_path: Path) -> Path:
    out = tmp_path / "returned.docx"
    window.workspace.export.export_redline(ALLIANCE, out, "Draft 2", "agreed", "Northshire ICB")
    edit = WordEdit(out)
    edit.replace_words("term.payment.days", "thirty (30) days", "twenty (20) days", "Jane Smith")
    edit.save()
    return out


def open_redline(qtbot, window: MainWindow, path: Path) -> ImportRedlineDialog:
    """Start importing a returned file and wait until its dialog shows its first preview."""
    window.exchange.import_redline(path)
    qtbot.waitUntil(lambda: window.exchange.redline_dialog is not None, timeout=10_000)
    dialog = window.exchange.redline_dialog
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    return dialog


def open_package(qtbot, window: MainWindow, path: Path) -> ImportPackageDialog:
    """Start importing a package and wait until its preview dialog shows."""
    window.exchange.import_package(path)
    qtbot.waitUntil(lambda: window.exchange.package_dialog is not None, timeout=20_000)
    return window.exchange.package_dialog


def test_the_redline_dialog_maps_authors_previews_and_imports(window: MainWindow, qtbot, tmp_path: Path) -> None:
    dialog = open_redline(qtbot, window, _returned(window, tmp_path))
    assert dialog.preview.rowCount() == 0 and "Jane Smith" in dialog.summary.text()
    combo = dialog.authors["Jane Smith"]
    combo.setCurrentIndex(combo.findData("Northshire Primary Care Federation"))
    qtbot.waitUntil(lambda: dialog.preview.rowCount() == 1, timeout=10_000)
    assert dialog.preview.item(0, 1).text() == "the schedule's \u201cInvoices paid within\u201d: 20"  # in words
    dialog.run_import()  # in the background
    qtbot.waitUntil(lambda: bool(dialog.imported), timeout=10_000)
    made = window.workspace.negotiation.proposal(dialog.imported[0])
    assert made.party_name == "Northshire Primary Care Federation" and made.is_open
    again = open_redline(qtbot, window, _returned(window, tmp_path))
    assert again.authors["Jane Smith"].currentData() == "Northshire Primary Care Federation"  # remembered


def test_a_cancelled_redline_import_imports_nothing(window: MainWindow, qtbot, tmp_path: Path) -> None:
    dialog = open_redline(qtbot, window, _returned(window, tmp_path))
    combo = dialog.authors["Jane Smith"]
    combo.setCurrentIndex(combo.findData("Northshire Primary Care Federation"))
    qtbot.waitUntil(lambda: dialog.preview.rowCount() == 1, timeout=10_000)
    before = len(window.workspace.negotiation.proposals(ALLIANCE))
    with held_worker():  # the user's Cancel certainly comes before the import starts
        dialog.run_import()
        job = dialog.job
        dialog.cancel()
    qtbot.wait(50)
    assert job.task.cancelled and not dialog.isVisible()
    assert len(window.workspace.negotiation.proposals(ALLIANCE)) == before
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]  # a cancel is not an error


def test_a_hostile_file_is_refused_in_a_dialog(window: MainWindow, qtbot, tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip at all")
    window.exchange.import_redline(bad)

    def refused() -> bool:
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        return bool(boxes) and "bad.docx" in boxes[-1].text()
    qtbot.waitUntil(refused, timeout=10_000)
    assert window.exchange.redline_dialog is None


def test_package_export_then_preview_and_import_in_another_library(window: MainWindow, qtbot, tmp_path: Path,
                                                                   starter_path: Path) -> None:
    assert window.exchange.export_package(tmp_path / "p.negotiation") is None  # no acting party yet
    window.set_acting_party("Northshire ICB")
    path = window.exchange.export_package(tmp_path / "p.negotiation")
    assert path.exists()
    with sqlite3.connect(starter_path) as connection:
        connection.execute("UPDATE library_info SET value = 'uid-receiver' WHERE key = 'uid'")
    connection.close()
    other = MainWindow("Receiver")
    qtbot.addWidget(other)
    other.open_library(str(starter_path))
    dialog = open_package(qtbot, other, path)
    assert "will add" in dialog.caption.text() and dialog.conflicts.count() >= 1
    dialog.run_import()  # in the background: the window stays responsive
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)
    assert dialog.summary.added_proposals > 5
    assert ALLIANCE in [a.title for a in other.workspace.agreements.agreements()]


def test_a_cancelled_package_import_imports_nothing(window: MainWindow, qtbot, tmp_path: Path,
                                                     starter_path: Path) -> None:
    window.set_acting_party("Northshire ICB")
    path = window.exchange.export_package(tmp_path / "p.negotiation")
    with sqlite3.connect(starter_path) as connection:
        connection.execute("UPDATE library_info SET value = 'uid-receiver' WHERE key = 'uid'")
    connection.close()
    other = MainWindow("Receiver")
    qtbot.addWidget(other)
    other.open_library(str(starter_path))
    dialog = open_package(qtbot, other, path)
    with held_worker():  # the user's Cancel certainly comes before the import starts
        dialog.run_import()
        task = dialog.task
        dialog.cancel()
    qtbot.wait(50)
    assert task.cancelled
    assert ALLIANCE not in [a.title for a in other.workspace.agreements.agreements()]
