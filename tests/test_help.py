"""The help menu's pieces: the user guide window, the About text and the log folder."""

from __future__ import annotations

import platform
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

import negotiator
from negotiator.ui.window import help as help_module
from negotiator.ui.window.help import UserGuide, about_text, guide_path, open_log_folder, show_about, show_user_guide

REPOSITORY_GUIDE = Path(__file__).resolve().parent.parent / "docs" / "user-guide.md"


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_guide_is_found_in_the_source_tree() -> None:
    assert guide_path() == REPOSITORY_GUIDE


def test_the_guide_window_opens_with_the_guide(qtbot, window: QWidget) -> None:
    guide = show_user_guide(window)
    qtbot.waitExposed(guide)
    text = guide.browser.toPlainText()
    assert guide.isVisible() and not guide.isModal()
    for words in ("three contracting models", "Prime contractor", "Prime provider", "Alliance", "Getting started",
                  "Negotiating", "The Word round trip", "Keyboard shortcuts", "Ctrl+Shift+N", "Ctrl+Shift+S",
                  "{{payment.days}}"):
        assert words in text
    assert "## " not in text  # rendered, not shown as raw Markdown


def test_showing_the_guide_twice_gives_the_same_window(qtbot, window: QWidget) -> None:
    first = show_user_guide(window)
    first.close()
    second = show_user_guide(window)
    assert second is first and second.isVisible()


def test_the_search_box_selects_the_word_and_wraps_round(qtbot, window: QWidget) -> None:
    guide = show_user_guide(window)
    guide.search.setText("redline")
    assert guide.find_next()
    cursor = guide.browser.textCursor()
    assert cursor.hasSelection() and cursor.selectedText().lower() == "redline"
    first = cursor.selectionStart()
    positions = {first}
    for _ in range(200):  # walk every match; the search must come back round to the first
        assert guide.find_next()
        position = guide.browser.textCursor().selectionStart()
        if position == first:
            break
        positions.add(position)
    else:
        pytest.fail("the search never wrapped round to the first match")
    assert len(positions) > 1


def test_enter_in_the_search_box_finds_and_a_missing_word_is_reported(qtbot, window: QWidget) -> None:
    guide = show_user_guide(window)
    qtbot.keyClicks(guide.search, "Findings")
    qtbot.keyClick(guide.search, Qt.Key.Key_Return)
    assert guide.browser.textCursor().selectedText() == "Findings"
    guide.search.setText("zebra crossing")
    assert not guide.find_next()
    assert guide.status.text() == "Not found"


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot, window: QWidget) -> None:
    guide = show_user_guide(window)
    qtbot.waitExposed(guide)
    guide.activateWindow()
    qtbot.waitUntil(guide.isActiveWindow)
    guide.search.setText("rounds")
    guide.browser.setFocus()
    qtbot.keyClick(guide.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(guide.search.hasFocus)
    assert guide.search.selectedText() == "rounds"


def test_a_missing_guide_is_explained_not_a_crash(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(help_module, "resources_dir", lambda: tmp_path / "resources")
    guide = UserGuide()
    qtbot.addWidget(guide)
    assert guide.path is None
    assert "could not be found" in guide.browser.toPlainText()
    assert not guide.find_text("Ctrl+Shift+N")


def test_an_installed_bundle_guide_comes_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundled = tmp_path / "resources" / "docs" / "user-guide.md"
    bundled.parent.mkdir(parents=True)
    bundled.write_text("# Bundled guide\n", encoding="utf-8")
    monkeypatch.setattr(help_module, "resources_dir", lambda: tmp_path / "resources")
    assert guide_path() == bundled


def test_about_text_names_every_version_and_the_schema() -> None:
    text = about_text("0007_rounds")
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    version = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    assert negotiator.__version__ == version  # the same one place as `negotiator --version`
    assert f"</b> {version}</p>" in text
    assert "SQLAlchemy" in text and metadata.version("sqlalchemy") in text
    assert qVersion() in text
    assert platform.python_version() in text
    assert "0007_rounds" in text
    assert "no library open" not in text


def test_about_text_without_a_library() -> None:
    assert "no library open" in about_text(None)


def test_about_box_opens_without_blocking(qtbot, window: QWidget) -> None:
    box = show_about(window, "abc123")
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "About Negotiator"
    assert box.isVisible() and "abc123" in box.text()
    box.close()


def test_open_log_folder_creates_and_returns_the_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                        qapp) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = open_log_folder()
    assert path.is_dir()
    assert path.is_relative_to(tmp_path) or platform.system() != "Linux"
