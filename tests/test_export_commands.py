"""Exporting from the command line and from the window's export dialog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from negotiator.services.demo_titles import ALLIANCE
from negotiator.word.check import check_docx
from negotiator.word.reader import read_paragraphs, read_revisions

from .test_cli import negotiator


def test_export_redline_and_clean_from_the_command_line(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    result = negotiator("--library", demo_path, "--as", "Northshire ICB", "export", "redline", ALLIANCE,
                        "--since-round", "Draft 2", "--mode", "open", "--out", out, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["path"] == str(out) and report["changes"]["Northshire Primary Care Federation"] >= 1
    assert check_docx(out) == []
    assert {author for _, author, _ in read_revisions(out)} == set(report["changes"])
    clean = tmp_path / "clean.docx"
    shown = negotiator("--library", demo_path, "export", "clean", ALLIANCE, "--round", "Draft 1", "--out", clean)
    assert shown.returncode == 0 and "Wrote" in shown.stdout
    assert read_revisions(clean) == [] and ALLIANCE in read_paragraphs(clean, accept=True)
    between = tmp_path / "between.docx"
    shown = negotiator("--library", demo_path, "--as", "Northshire ICB", "export", "redline", ALLIANCE,
                       "--since-round", "Draft 1", "--to-round", "Draft 2", "--out", between)
    assert shown.returncode == 0, shown.stderr
    assert read_paragraphs(between, accept=False)[:5] == read_paragraphs(clean, accept=True)[:5]  # from Draft 1
    mixed = negotiator("--library", demo_path, "--as", "Northshire ICB", "export", "redline", ALLIANCE,
                       "--since-round", "Draft 1", "--to-round", "Draft 2", "--mode", "open", "--out", between)
    assert mixed.returncode == 2 and "--to-round" in mixed.stderr


def test_bad_export_requests_exit_2_with_a_message(demo_path: Path, tmp_path: Path) -> None:
    missing_round = negotiator("--library", demo_path, "--as", "Northshire ICB", "export", "redline", ALLIANCE,
                               "--since-round", "Draft 9", "--out", tmp_path / "x.docx")
    assert missing_round.returncode == 2 and "Draft 9" in missing_round.stderr
    bad_mode = negotiator("--library", demo_path, "--as", "Northshire ICB", "export", "redline", ALLIANCE,
                          "--since-round", "Draft 1", "--mode", "all", "--out", tmp_path / "x.docx")
    assert bad_mode.returncode == 2 and "not an export mode" in bad_mode.stderr
    no_folder = negotiator("--library", demo_path, "export", "clean", ALLIANCE, "--out", tmp_path / "a" / "b.docx")
    assert no_folder.returncode == 2 and "does not exist" in no_folder.stderr
    assert not (tmp_path / "x.docx").exists()
    assert "Traceback" not in missing_round.stderr + bad_mode.stderr + no_folder.stderr


@pytest.fixture
def window(qtbot, demo_path: Path):
    from negotiator.ui.window.main_window import MainWindow

    shown = MainWindow("Test Drafter")
    qtbot.addWidget(shown)
    shown.show()
    assert shown.open_library(str(demo_path))
    shown.set_acting_party("Northshire ICB")
    shown.agreements.panel.select(shown.workspace.agreements.agreement(ALLIANCE).id)
    return shown


def test_the_export_dialog_counts_changes_and_writes_off_the_ui_thread(window, qtbot, tmp_path: Path) -> None:
    dialog = window.export_to_word()
    dialog.kind.setCurrentIndex(dialog.kind.findData("open"))
    dialog.round.setCurrentIndex(dialog.round.findData("Draft 2"))
    assert "Northshire Primary Care Federation:" in dialog.summary.text()
    assert "Hope Street Wellbeing: 1 change(s)" in dialog.summary.text()  # its rival wording, as an alternative
    out = tmp_path / "from the app.docx"
    dialog.target.setText(str(out))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.progress.isVisible()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)
    assert out.exists() and check_docx(out) == []
    assert dialog.open_folder.isVisible() and "Saved" in dialog.summary.text()
    assert not list(tmp_path.glob(".*partial*"))


def test_a_failed_export_shows_a_dialog_and_writes_nothing(window, qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = window.export_to_word()
    dialog.kind.setCurrentIndex(dialog.kind.findData("clean"))
    dialog.template.setText(str(tmp_path / "missing.docx"))
    dialog.target.setText(str(tmp_path / "out.docx"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in dialog.findChildren(QMessageBox)), timeout=20_000)
    box = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
    assert "template" in box.text()
    assert not (tmp_path / "out.docx").exists()


def test_a_redline_without_an_acting_party_is_refused_with_a_dialog(qtbot, demo_path: Path, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from negotiator.ui.window.main_window import MainWindow

    window = MainWindow("Test Drafter")
    qtbot.addWidget(window)
    window.show()
    assert window.open_library(str(demo_path))
    window.agreements.panel.select(window.workspace.agreements.agreement(ALLIANCE).id)
    assert not window.acting_party
    dialog = window.export_to_word()
    dialog.kind.setCurrentIndex(dialog.kind.findData("agreed"))
    assert "Say which party you act for" in dialog.summary.text()
    dialog.target.setText(str(tmp_path / "out.docx"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in dialog.findChildren(QMessageBox)), timeout=20_000)
    box = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
    assert "Say which party you act for" in box.text() + box.informativeText()
    assert dialog.task is None and not list(tmp_path.glob("*.docx"))


@pytest.fixture
def long_agreement(demo_path: Path) -> Path:
    """The demo with an agreement of 600 sections, so that exporting it takes a noticeable time."""
    from negotiator.services.session import open_workspace
    from tests.support.texts import schedule_text

    ws = open_workspace(demo_path, "Test Drafter")
    ws.act_as("Northshire ICB")  # the prime contract is still being drafted, by the ICB
    prime = ws.agreements.agreement("Northshire MSK Prime Contract").id
    with ws.library_unit():
        for n in range(600):
            ws.outline.add_blank(prime, f"Schedule clause {n}", schedule_text(120, n))
    ws.rounds.issue_round(prime, "Draft 1", "Northshire ICB")
    ws.close()
    return demo_path


def test_a_long_export_keeps_the_window_responsive_and_cancel_leaves_no_file(qtbot, long_agreement: Path,
                                                                            tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer

    from negotiator.ui.window.main_window import MainWindow

    window = MainWindow("Test Drafter")
    qtbot.addWidget(window)
    window.show()
    window.open_library(str(long_agreement))
    prime = window.workspace.agreements.agreement("Northshire MSK Prime Contract").id
    window.agreements.panel.select(prime)
    qtbot.waitUntil(lambda: window.agreements.current == prime, timeout=20_000)  # a big one opens in the background
    ticks = []
    timer = QTimer(window, interval=5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    dialog = window.export_to_word()
    dialog.kind.setCurrentIndex(dialog.kind.findData("clean"))
    done = tmp_path / "long.docx"
    dialog.target.setText(str(done))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30_000)
    assert len(ticks) >= 3  # the event loop kept running while the file was written
    assert done.exists()

    cancelled = tmp_path / "cancelled.docx"
    second = window.export_to_word()
    second.kind.setCurrentIndex(second.kind.findData("clean"))
    second.target.setText(str(cancelled))
    second.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    task = second.task
    second.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: task.cancelled and not list(tmp_path.glob(".*partial*")), timeout=30_000)
    qtbot.wait(200)
    assert not cancelled.exists() and not list(tmp_path.glob(".*partial*"))


def test_the_export_dialog_remembers_saves_again_and_opens_the_document(window, qtbot, tmp_path: Path) -> None:
    from negotiator.word.reader import read_paragraphs as texts

    dialog = window.export_to_word()
    dialog.kind.setCurrentIndex(dialog.kind.findData("between"))
    dialog.round.setCurrentIndex(dialog.round.findData("Draft 1"))
    dialog.to_round.setCurrentIndex(dialog.to_round.findData("Draft 2"))
    assert dialog.to_round.isVisibleTo(dialog) and "change(s)" in dialog.summary.text()
    first = tmp_path / "draft1-to-draft2.docx"
    dialog.target.setText(str(first))
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    save.click()
    qtbot.waitUntil(lambda: dialog.written == first, timeout=20_000)
    assert dialog.open_document.isVisible() and dialog.open_folder.isVisible()
    assert any(line.startswith("Draft 2, ") for line in texts(first, accept=True))
    qtbot.waitUntil(save.isEnabled, timeout=5_000)  # it saves as often as asked
    second = tmp_path / "again.docx"
    dialog.target.setText(str(second))
    save.click()
    qtbot.waitUntil(lambda: dialog.written == second, timeout=20_000)
    dialog.close()

    again = window.export_to_word()  # the same agreement: last time's choices
    assert again.kind.currentData() == "between"
    assert (again.round.currentData(), again.to_round.currentData()) == ("Draft 1", "Draft 2")
    assert again.target.text() == str(second)
    again.close()


def test_the_export_dialog_starts_from_the_round_before_an_unchanged_one(window, tmp_path: Path) -> None:
    window.workspace.rounds.issue_round(ALLIANCE, "Draft 3", "Northshire ICB")
    dialog = window.export_to_word()
    assert dialog.round.currentData() == "Draft 2"  # since Draft 3 there is nothing to show yet
    dialog.close()
