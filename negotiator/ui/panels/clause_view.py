"""The clause view: wording above, version history below; two selected versions are compared."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from negotiator.domain.clauses import Clause, ClauseVersion
from negotiator.domain.diff import word_diff
from negotiator.ui.common.diff_html import segments_html, text_html
from negotiator.ui.models.table_models import HistoryModel


class ClauseView(QWidget):
    """Shows one clause; selecting one version shows it, selecting two shows their comparison."""

    versions_selected = Signal(list)  # the selected version numbers, oldest first

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clause: Clause | None = None
        self.versions: list[ClauseVersion] = []
        self.heading = QLabel(self.tr("Choose a clause in the library to read it here."))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Clause wording"))
        self.history_model = HistoryModel(self)
        self.history = QTableView()
        self.history.setModel(self.history_model)
        self.history.setAccessibleName(self.tr("Version history"))
        self.history.setToolTip(self.tr("Select one version to read it, or two (Ctrl+click) to compare them"))
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.history.verticalHeader().hide()
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.selectionModel().selectionChanged.connect(self._on_selection)
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.caption)
        top_layout.addWidget(self.text)
        splitter.addWidget(top)
        splitter.addWidget(self.history)
        splitter.setSizes([400, 160])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)

    def show_clause(self, clause: Clause | None, versions: list[ClauseVersion]) -> None:
        """Display a clause and its history, with the latest version selected."""
        self.clause = clause
        self.versions = versions
        self.history_model.set_rows(list(reversed(versions)))
        if clause is None:
            self.heading.setText(self.tr("Choose a clause in the library to read it here."))
            self.caption.clear()
            self.text.clear()
            return
        kinds = ", ".join(kind.label for kind in clause.kinds)
        retired = self.tr(" — retired") if clause.retired else ""
        details = f"{escape(clause.key)} · {escape(clause.category)} · {kinds}"
        self.heading.setText(f"<b>{escape(clause.title)}</b>{retired}<br/><small>{details}</small>")
        self.select_versions([clause.latest_number])

    def select_versions(self, numbers: list[int]) -> None:
        """Select the given version numbers in the history table."""
        selection = self.history.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(self.history_model.rowCount()):
            if self.history_model.row_item(row).number in numbers:
                selection.select(self.history_model.index(row, 0), flags)

    def selected_numbers(self) -> list[int]:
        """Version numbers selected in the history, oldest first."""
        rows = {index.row() for index in self.history.selectionModel().selectedRows()}
        return sorted(self.history_model.row_item(row).number for row in rows)

    def _on_selection(self, *_: object) -> None:
        numbers = self.selected_numbers()
        by_number = {v.number: v for v in self.versions}
        if len(numbers) == 1:
            version = by_number[numbers[0]]
            caption = self.tr("Version %1 by %2").replace("%1", str(version.number))
            self.caption.setText(caption.replace("%2", version.author))
            self.text.setHtml(text_html(version.text))
        elif len(numbers) >= 2:
            old, new = by_number[numbers[0]], by_number[numbers[-1]]
            self.caption.setText(
                self.tr("Comparing version %1 with version %2: deletions struck through, insertions underlined")
                .replace("%1", str(old.number)).replace("%2", str(new.number))
            )
            self.text.setHtml(segments_html(word_diff(old.text, new.text)))
        else:
            self.caption.setText(self.tr("Select a version in the history below."))
            self.text.clear()
        self.versions_selected.emit(numbers)
