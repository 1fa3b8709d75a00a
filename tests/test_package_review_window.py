"""The package review dialog (#14, item 4): before anything is written it lists what the package adds,
changes and refuses, each list labelled with its count; Import is the commit, Cancel or Escape writes
nothing, and a package refused whole is explained in plain words with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QListWidget, QMessageBox

from negotiator.ui.window.main_window import MainWindow

from .test_exchange_window import open_package
from .test_package_review import GPS, ICB, damaged, file_bytes, from_no_party, received, standing, with_all_three
from .windows import open_window


def _tab_chain(dialog: object) -> list[object]:
    """The widgets Tab moves through, in order, from the dialog."""
    chain, widget = [], dialog.nextInFocusChain()
    while widget is not dialog and widget not in chain:
        if widget.isVisibleTo(dialog) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _texts(lines: QListWidget) -> list[str]:
    return [lines.item(row).text() for row in range(lines.count())]


def test_the_review_lists_what_is_added_changed_and_refused_and_escape_writes_nothing(
        qtbot, demo_path: Path, starter_path: Path, tmp_path: Path) -> None:
    mine, entries = received(demo_path, starter_path, tmp_path)
    path = with_all_three(entries, tmp_path, mine)
    before, raw = standing(starter_path), file_bytes(starter_path)
    window = open_window(qtbot, starter_path)
    dialog = open_package(qtbot, window, path)
    assert dialog.caption.text().startswith("Nothing has been written yet")
    lists, headers = dialog.report.lists, dialog.report.headers
    for kind, title, words in (("added", "Added", f"by {ICB}"), ("changed", "Changed", f"{GPS} was rejected"),
                               ("refused", "Refused", "Meridian MSK Partnership Ltd, which is not a party to")):
        shown = lists[kind]
        assert shown.isVisibleTo(dialog) and any(words in text for text in _texts(shown)), _texts(shown)
        assert headers[kind].text() == shown.accessibleName() == f"{title} ({shown.count()})"
        assert headers[kind].buddy() is shown
        assert shown in _tab_chain(dialog)  # the keyboard reaches every list
    assert _texts(lists["changed"]) == [f"Proposal {mine} by {GPS} was rejected by {ICB}."]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    window.close()
    assert standing(starter_path) == before and file_bytes(starter_path) == raw


def test_import_commits_and_the_same_lines_say_what_was_done(qtbot, demo_path: Path, starter_path: Path,
                                                             tmp_path: Path) -> None:
    mine, entries = received(demo_path, starter_path, tmp_path)
    path = with_all_three(entries, tmp_path, mine)
    window = open_window(qtbot, starter_path)
    dialog = open_package(qtbot, window, path)
    previewed = {kind: lines.count() for kind, lines in dialog.report.lists.items()}
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)
    assert dialog.isVisible() and dialog.caption.text().startswith("Imported into")
    assert {kind: lines.count() for kind, lines in dialog.report.lists.items()} == previewed
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isVisible()
    assert not window.workspace.negotiation.proposal(mine).is_open
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()  # now Close
    assert not dialog.isVisible()
    again = open_package(qtbot, window, path)
    assert "would change nothing" in again.caption.text()


@pytest.mark.parametrize("bad", [from_no_party, damaged])
def test_a_refused_package_is_explained_and_writes_nothing(qtbot, demo_path: Path, starter_path: Path,
                                                           tmp_path: Path, bad: object) -> None:
    mine, entries = received(demo_path, starter_path, tmp_path)
    path = bad(entries, tmp_path)
    before, raw = standing(starter_path), file_bytes(starter_path)
    window: MainWindow = open_window(qtbot, starter_path)
    window.exchange.import_package(path)

    def refused() -> list[QMessageBox]:
        return [b for b in window.findChildren(QMessageBox) if b.isVisible()
                and b.text().startswith("The package was not imported")]
    qtbot.waitUntil(lambda: bool(refused()), timeout=20_000)
    assert path.name in refused()[0].text() or "not a party" in refused()[0].text()
    assert window.exchange.package_dialog is None
    window.close()
    assert standing(starter_path) == before and file_bytes(starter_path) == raw
