"""The first window, driven as a user would with pytest-qt on the offscreen platform."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from negotiator.ui.models.navigator_model import KEY_ROLE
from negotiator.ui.window.main_window import MainWindow

from .background import held_worker
from .windows import open_window

KEY = "alliance.board.quorum"


@pytest.fixture
def window(qtbot, starter_path: Path) -> MainWindow:
    return open_window(qtbot, starter_path)


def _choose(window: MainWindow, key: str) -> None:
    panel = window.library_panel
    clause = window.service.clause(key)
    panel.select_key(key, clause.category)
    assert window.clause_view.clause is not None and window.clause_view.clause.key == key


def _error_text(window: MainWindow) -> str:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes, "expected an error dialog"
    return boxes[-1].text()


def test_the_title_names_the_app_and_the_library(window: MainWindow, starter_path: Path) -> None:
    assert window.windowTitle().startswith("Negotiator")
    assert starter_path.name in window.windowTitle()


def test_the_navigator_lists_categories_then_clauses(window: MainWindow, qtmodeltester) -> None:
    model = window.library_panel.navigator_model
    qtmodeltester.check(model)
    categories = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert any(name.startswith("Governance (") for name in categories)
    governance = model.index(next(i for i, n in enumerate(categories) if n.startswith("Governance")), 0)
    window.library_panel.tree.expand(governance)
    assert model.rowCount(governance) > 0
    assert model.index(0, 0, governance).data(KEY_ROLE).startswith(("alliance.", "subcontract.", "mou."))
    qtmodeltester.check(model)


def test_choosing_a_clause_shows_its_wording_and_history(window: MainWindow, qtmodeltester) -> None:
    _choose(window, KEY)
    view = window.clause_view
    assert "quorum" in view.heading.text().lower()
    assert window.service.version(KEY).text.split()[0] in view.text.toPlainText()
    assert view.history_model.rowCount() == 1
    qtmodeltester.check(view.history_model)


def test_revising_then_comparing_two_versions_shows_the_word_changes(window: MainWindow) -> None:
    _choose(window, KEY)
    old = window.service.version(KEY).text
    window.revise_clause(old.replace("two months", "three months"), note="Less frequent meetings")
    view = window.clause_view
    assert view.history_model.rowCount() == 2
    assert view.selected_numbers() == [2]
    assert "three months" in view.text.toPlainText()
    window.actions_by_id["clause.compare"].trigger()
    assert view.selected_numbers() == [1, 2]
    html = view.text.toHtml()
    assert "line-through" in html and "underline" in html
    assert "Comparing version 1 with version 2" in view.caption.text()


def test_selecting_one_old_version_shows_it(window: MainWindow) -> None:
    _choose(window, KEY)
    original = window.service.version(KEY).text
    window.revise_clause("Entirely new wording for the quorum.")
    view = window.clause_view
    selection = view.history.selectionModel()
    selection.clearSelection()
    selection.select(view.history_model.index(1, 0),  # newest first: row 1 is version 1
                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert view.selected_numbers() == [1]
    assert view.text.toPlainText().split()[:5] == original.split()[:5]


def test_undo_and_redo_a_revision_keep_every_version(window: MainWindow) -> None:
    _choose(window, KEY)
    original = window.service.version(KEY).text
    window.revise_clause("A quorum is all members.")
    undo = window.actions_by_id["edit.undo"]
    assert undo.text() == "&Undo Revise clause"
    undo.trigger()
    assert window.service.version(KEY).text == original
    window.actions_by_id["edit.redo"].trigger()
    assert window.service.version(KEY).text == "A quorum is all members."
    assert [v.number for v in window.service.history(KEY)] == [1, 2, 3, 4]
    assert window.service.verify()[1] == []


def test_retiring_hides_the_clause_and_undo_brings_it_back(window: MainWindow) -> None:
    _choose(window, KEY)
    window.actions_by_id["clause.retire"].trigger()
    assert KEY not in [c.key for c in window.service.clauses()]
    assert window.actions_by_id["clause.retire"].text() == "Rein&state Clause"
    window.actions_by_id["edit.undo"].trigger()
    assert KEY in [c.key for c in window.service.clauses()]


def test_searching_lists_ranked_matches_and_opens_one(window: MainWindow, qtbot, qtmodeltester) -> None:
    panel = window.library_panel
    window.actions_by_id["edit.find"].trigger()
    qtbot.keyClicks(panel.search_box, "mediation")
    qtbot.waitUntil(lambda: panel.search_model.rowCount() > 0)
    assert panel.stack.currentWidget() is panel.results
    qtmodeltester.check(panel.search_model)
    first = panel.search_model.index(0, 0)
    assert "ediation" in first.data()
    panel.results.setCurrentIndex(first)
    assert window.clause_view.clause.key == first.data(KEY_ROLE)
    everywhere = panel.search_model.rowCount()
    category = first.siblingAtColumn(1).data()
    panel.category.setCurrentIndex(panel.category.findData(category))
    assert panel.busy
    qtbot.waitUntil(lambda: not panel.busy)
    assert 0 < panel.search_model.rowCount() <= everywhere
    assert all(panel.search_model.index(r, 1).data() == category for r in range(panel.search_model.rowCount()))
    assert panel.status.text().endswith("found")
    panel.search_box.clear()
    panel.run_search()
    assert panel.stack.currentWidget() is panel.tree


def test_a_search_runs_in_the_background_and_escape_stops_it(window: MainWindow, qtbot) -> None:
    panel = window.library_panel
    panel.search_box.setText("mediation")
    with held_worker():  # the search cannot finish before the user presses Esc
        panel.run_search()
        assert panel.busy and panel.stop.isVisibleTo(panel)
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Escape)
        assert not panel.busy and panel.status.text() == "Search stopped"
    qtbot.wait(100)  # the stopped search's results arrive, and are dropped
    assert panel.stack.currentWidget() is panel.tree


def test_only_the_latest_search_shows(window: MainWindow, qtbot) -> None:
    panel = window.library_panel
    with held_worker():  # both searches are queued before either runs
        panel.search_box.setText("mediation")
        panel.run_search()
        panel.search_box.setText("quorum")
        panel.run_search()
    qtbot.waitUntil(lambda: not panel.busy)
    qtbot.wait(50)
    titles = [panel.search_model.index(r, 0).data() for r in range(panel.search_model.rowCount())]
    assert titles and not any("ediation" in t for t in titles)


def test_an_unchanged_revision_shows_a_plain_message(window: MainWindow) -> None:
    _choose(window, KEY)
    window.revise_clause(window.service.version(KEY).text)
    assert "unchanged" in _error_text(window)
    assert not window.undo_stack.canUndo()


def test_opening_a_file_that_is_not_a_library_shows_a_dialog_and_keeps_it_intact(
    window: MainWindow, tmp_path: Path, starter_path: Path
) -> None:
    junk = tmp_path / "minutes.sqlite"
    junk.write_bytes(b"Alliance board minutes, not a database")
    assert not window.open_library(str(junk))
    assert "not a Negotiator library" in _error_text(window)
    assert junk.read_bytes() == b"Alliance board minutes, not a database"
    assert window.service is not None and starter_path.name in window.windowTitle()


def test_importing_a_file_adds_its_clauses_and_undo_retires_them(window: MainWindow, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "extra.toml"
    path.write_text('format = "negotiator-clause-library"\nformat_version = 1\n[[clause]]\nkey = "extra.one"\n'
                    'title = "Extra"\ncategory = "Legal"\nkinds = ["sub_contract"]\ntext = "Extra words."\n')
    window.import_clauses(path)  # in the background
    qtbot.waitUntil(lambda: window.undo_stack.canUndo(), timeout=10_000)
    assert window.service.clause("extra.one").title == "Extra"
    window.actions_by_id["edit.undo"].trigger()
    assert window.service.clause("extra.one").retired
    window.import_clauses(path)
    qtbot.waitUntil(lambda: "already in the library" in _error_text(window), timeout=10_000)


def test_a_cancelled_clause_import_imports_nothing(window: MainWindow, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "extra.toml"
    path.write_text('format = "negotiator-clause-library"\nformat_version = 1\n[[clause]]\nkey = "extra.one"\n'
                    'title = "Extra"\ncategory = "Legal"\nkinds = ["sub_contract"]\ntext = "Extra words."\n')
    with held_worker():  # the import cannot finish before the user presses Cancel
        window.import_clauses(path)
        progress = window.findChild(QProgressDialog, "progressDialog")
        progress.findChild(QPushButton).click()
    qtbot.wait(100)
    assert "extra.one" not in [c.key for c in window.service.clauses()]
    assert not window.undo_stack.canUndo()
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]  # a cancel is not an error


def test_every_menu_action_has_a_tooltip_and_the_usual_shortcuts(window: MainWindow) -> None:
    actions = window.actions_by_id
    assert all(a.toolTip() for a in actions.values())
    assert actions["file.open"].shortcut().toString() == "Ctrl+O"
    assert actions["edit.find_in_agreement"].shortcut().toString() == "Ctrl+F"
    assert actions["edit.find"].shortcut().toString() == "Ctrl+K"  # the library's search
    assert actions["edit.undo"].shortcut().toString() == "Ctrl+Z"


def test_keyboard_only_reaches_a_clause(window: MainWindow, qtbot) -> None:
    tree = window.library_panel.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.clause_view.clause is not None
