"""The library navigator panel: a search box, a category filter, and the category tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from negotiator.domain.errors import NegotiatorError
from negotiator.ui.navigator_model import KEY_ROLE, NavigatorModel
from negotiator.ui.table_models import SearchModel

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.library import LibraryService


class LibraryPanel(QWidget):
    """Browse by category, or type words to search the latest wording of every clause."""

    clause_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: LibraryService | None = None
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search clauses (Ctrl+F)"))
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
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.results)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.category)
        layout.addWidget(self.stack, 1)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _text: self._debounce.start())
        self.category.currentIndexChanged.connect(lambda _i: self.run_search())
        self.tree.selectionModel().currentChanged.connect(self._tree_choice)
        self.results.selectionModel().currentChanged.connect(self._result_choice)
        self.status_message = ""

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
        for name, _count in self.service.categories() if self.service else []:
            self.category.addItem(name, name)
        index = self.category.findData(current)
        self.category.setCurrentIndex(max(index, 0))
        self.category.blockSignals(False)
        self.run_search()

    def run_search(self) -> None:
        """Search for the words in the box (the tree shows again when the box is empty)."""
        self._debounce.stop()
        words = self.search_box.text().strip()
        if not words or self.service is None:
            self.stack.setCurrentWidget(self.tree)
            self.status_message = ""
            return
        try:
            hits = self.service.search(words, self.category.currentData())
        except NegotiatorError as error:
            hits, self.status_message = [], str(error)
        else:
            self.status_message = self.tr("%n clause(s) found", "", len(hits))
        self.search_model.set_rows(hits)
        self.stack.setCurrentWidget(self.results)

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
