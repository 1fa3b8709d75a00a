"""The library navigator panel: a search box, a category filter, and the category tree."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from negotiator.domain.errors import NegotiatorError
from negotiator.domain.search import SearchHit
from negotiator.ui.common.background import Job
from negotiator.ui.common.widgets import busy_bar
from negotiator.ui.models.navigator_model import KEY_ROLE, NavigatorModel
from negotiator.ui.models.table_models import SearchModel

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.library import LibraryService

log = logging.getLogger(__name__)


class LibraryPanel(QWidget):
    """Browse by category, or type words to search the latest wording of every clause."""

    clause_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: LibraryService | None = None
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search clauses (Ctrl+K)"))
        self.search_box.setAccessibleName(self.tr("Search clauses"))
        self.search_box.setToolTip(self.tr("Type words from a clause's title or wording"))
        self.search_box.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category filter"))
        self.category.setToolTip(self.tr("Search only this category"))
        self.navigator_model = NavigatorModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.navigator_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(self.tr("Clause library"))
        self.tree.setToolTip(self.tr("Clauses by category"))
        self.search_model = SearchModel(self)
        self.results = QTableView()
        self.results.setModel(self.search_model)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setToolTip(self.tr("Clauses matching the search, best first"))
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.verticalHeader().hide()
        self.results.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.searching = busy_bar(self.tr("Searching the library"))
        self.stop = QToolButton()
        self.stop.setText(self.tr("Stop"))
        self.stop.setAccessibleName(self.tr("Stop searching"))
        self.stop.setToolTip(self.tr("Stop the search and show the library again (Esc)"))
        self.stop.clicked.connect(self.cancel_search)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_box)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.cancel_search)
        self.stop.hide()
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Search status"))
        self.status.setToolTip(self.tr("How many clauses the search found"))
        self.status.hide()
        busy_row = QHBoxLayout()
        busy_row.setContentsMargins(0, 0, 0, 0)
        busy_row.addWidget(self.searching, 1)
        busy_row.addWidget(self.status, 1)
        busy_row.addWidget(self.stop)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.results)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.category)
        layout.addLayout(busy_row)
        layout.addWidget(self.stack, 1)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _text: self._debounce.start())
        self.category.currentIndexChanged.connect(lambda _i: self.run_search())
        self.tree.selectionModel().currentChanged.connect(self._tree_choice)
        self.results.selectionModel().currentChanged.connect(self._result_choice)
        self.search_number = 0  # the latest search asked for: an older one's late results are dropped
        self.job: Job | None = None

    def set_service(self, service: LibraryService | None) -> None:
        """Show another library."""
        self.service = service
        self.reload()

    def reload(self) -> None:
        """Re-read categories and rerun any search after the library changed."""
        self.navigator_model.set_service(self.service)
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), None)
        for name, _count in self.navigator_model.category_counts():
            self.category.addItem(name, name)
        index = self.category.findData(current)
        self.category.setCurrentIndex(max(index, 0))
        self.category.blockSignals(False)
        self.run_search()

    @property
    def busy(self) -> bool:
        """Whether a search is still running, or about to (the user has just typed)."""
        return self.searching.isVisibleTo(self) or self._debounce.isActive()

    def run_search(self) -> None:
        """Search for the words in the box in the background (the tree shows again when the box is empty).

        Typing on while a search runs starts a newer one; the older one's results never show."""
        self._debounce.stop()
        self.search_number += 1
        if self.job is not None and isValid(self.job):
            self.job.cancel()
        words = self.search_box.text().strip()
        if not words or self.service is None:
            self._show_status("")
            self.stack.setCurrentWidget(self.tree)
            return
        number, service, category = self.search_number, self.service, self.category.currentData()
        self.searching.show()
        self.stop.show()
        self.status.hide()
        self.job = Job(self, lambda _cancelled: service.search(words, category),
                       lambda hits: self._found(number, hits, ""),
                       lambda error: self._found(number, [], _plain(error))).start()

    def cancel_search(self) -> None:
        """Stop waiting for the running search and show the library tree again."""
        if self.busy:
            self._debounce.stop()
            self.search_number += 1
            if self.job is not None and isValid(self.job):
                self.job.cancel()
            self._show_status(self.tr("Search stopped"))
            self.stack.setCurrentWidget(self.tree)

    def _found(self, number: int, hits: list[SearchHit], problem: str) -> None:
        if number != self.search_number:
            return
        self.search_model.set_rows(hits)
        self._show_status(problem or self.tr("%n clause(s) found", "", len(hits)))
        self.stack.setCurrentWidget(self.results)

    def _show_status(self, message: str) -> None:
        self.searching.hide()
        self.stop.hide()
        self.status.setText(message)
        self.status.setVisible(bool(message))

    def _tree_choice(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(KEY_ROLE)
        if key:
            self.clause_chosen.emit(key)

    def _result_choice(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.siblingAtColumn(0).data(KEY_ROLE)
        if key:
            self.clause_chosen.emit(key)

    def select_key(self, key: str, category: str) -> None:
        """Reveal and select a clause in the tree (fetching its category if needed)."""
        row = self.navigator_model.category_row(category)
        if row < 0:
            return
        parent = self.navigator_model.index(row, 0)
        while not self.navigator_model.index_of_key(key).isValid() and self.navigator_model.canFetchMore(parent):
            self.navigator_model.fetchMore(parent)
        index = self.navigator_model.index_of_key(key)
        if index.isValid():
            self.tree.expand(parent)
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()


def _plain(error: BaseException) -> str:
    """A failed search says why in the panel; an unexpected failure is logged, not shown raw."""
    if isinstance(error, NegotiatorError):
        return str(error)
    log.error("search failed", exc_info=error)
    return "The search could not be run. Try other words; the details are in the log."
