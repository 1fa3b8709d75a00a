"""The Propose dialog's larger parts: the bar offering a kept draft back, the table of several terms
(each value edited in its term's own editor), and the wording pane (the wording with its term chips,
a way to add a term, and the live word diff)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from negotiator.domain.errors import InvalidInput
from negotiator.domain.parties import Party
from negotiator.domain.term_fields import parse_value
from negotiator.domain.term_words import term_kind, term_label, value_words
from negotiator.ui.dialogs.propose_drafts import Draft
from negotiator.ui.editors.term_value_edit import TermValueEdit
from negotiator.ui.editors.wording_edit import WordingEdit
from negotiator.ui.editors.wording_preview import WordingPreview

Index = QModelIndex | QPersistentModelIndex
W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, tip: str) -> W:
    """The widget with its accessible name and tooltip: every field is named for screen readers."""
    widget.setAccessibleName(name)
    widget.setToolTip(tip)
    return widget


class DraftBar(QFrame):
    """"You have a draft of this proposal": Restore Draft or Discard Draft; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.restore_button = named(QPushButton(self.tr("R&estore Draft")), self.tr("Restore draft"),
                                    self.tr("Fill the dialog with the draft you kept"))
        self.discard_button = named(QPushButton(self.tr("Discard Dra&ft")), self.tr("Discard draft"),
                                    self.tr("Forget the kept draft and start afresh"))
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.hide()

    def offer(self, draft: Draft | None) -> None:
        """Offer this draft back, or hide the bar (None)."""
        self.setVisible(draft is not None)
        if draft is not None:
            self.label.setText(self.tr("You have a draft of a proposal here, kept at %1.").replace(
                "%1", draft.kept.strftime("%H:%M")))


class _ValueDelegate(QStyledItemDelegate):
    """Edits a proposed value in the editor its term's kind takes, as the single-term mode does."""

    def __init__(self, table: SeveralTerms) -> None:
        super().__init__(table)
        self._table = table

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        """The term's own editor, starting from the value in the cell."""
        editor = TermValueEdit(parent)
        term = self._table.item(index.row(), 0)
        if term is None:  # not reached: every row is filled with its term
            raise LookupError(f"Row {index.row()} names no term.")
        name = term.data(Qt.ItemDataRole.UserRole)
        editor.set_term(name, index.data(Qt.ItemDataRole.EditRole) or "", term.text())
        editor.setAutoFillBackground(True)  # the cell's text must not show through
        return editor

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        """Show the value as people write it ("£48,000,000", "3%"); the cell keeps it as typed."""
        super().initStyleOption(option, index)
        name = self._table.item(index.row(), 0)
        if name is not None:
            option.text = value_words(name.data(Qt.ItemDataRole.UserRole), index.data(Qt.ItemDataRole.EditRole) or "")

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        """Set when the editor was made; setting it again would undo what is being typed."""

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        """The value as proposals hold it."""
        if isinstance(editor, TermValueEdit):  # the editor createEditor made
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class SeveralTerms(QTableWidget):
    """Several terms proposed at once: each term by its name, with its proposed value."""

    def __init__(self, parties: Mapping[int, Party], parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self._parties = parties
        named(self, self.tr("Proposed term values"),
              self.tr("Each term this proposal changes, with its proposed value"))
        self.setHorizontalHeaderLabels([self.tr("Term"), self.tr("Proposed value")])
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setTabKeyNavigation(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegateForColumn(1, _ValueDelegate(self))

    def fill(self, values: Mapping[str, str]) -> None:
        """Show these terms (by name) with their proposed values."""
        self.setRowCount(len(values))
        for row, (name, value) in enumerate(values.items()):
            item = QTableWidgetItem(term_label(name, self._parties))
            item.setData(Qt.ItemDataRole.UserRole, name)  # the term's name, which the proposal uses
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)  # the term is fixed; its value is not
            self.setItem(row, 0, item)
            self.setItem(row, 1, QTableWidgetItem(value))

    def problem(self) -> str | None:
        """Why a typed value cannot be read, naming its term; None when every one can."""
        for name, text in self.values().items():
            if term_kind(name) == "party":  # a party's name: the services read it against the agreement's parties
                continue
            try:
                parse_value(name, term_kind(name), text, term_label(name, self._parties))
            except InvalidInput as error:
                return str(error)
        return None

    def values(self) -> dict[str, str]:
        """Each term's name with the value typed for it."""
        values: dict[str, str] = {}
        for row in range(self.rowCount()):
            term, value = self.item(row, 0), self.item(row, 1)
            if term is not None and value is not None:
                values[term.data(Qt.ItemDataRole.UserRole)] = value.text().strip()
        return values


class WordingPane(QWidget):
    """The proposed wording with its term chips, beside the word diff against the current wording."""

    def __init__(self, current: str, words: Mapping[str, str], labels: Mapping[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.insert = named(QComboBox(), self.tr("Insert a term"),
                            self.tr("Put a term into the wording where the cursor is; it shows the term's value"))
        self.insert.addItem(self.tr("Insert a term…"), None)
        for name in sorted(words, key=lambda n: labels.get(n, n)):
            self.insert.addItem(labels.get(name, name), name)
        self.edit = named(WordingEdit(), self.tr("Proposed wording"),
                          self.tr("The wording you propose. Terms show as chips with their current values; "
                                  "type {{name}} or use Insert a term to add one"))
        self.edit.set_terms(words, labels)
        self.edit.setPlainText(current)
        self.preview = WordingPreview()
        self.preview.set_current(current, words)
        self.preview.show_change(current)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.preview_caption = QLabel(self.tr("What changes"))
        for caption, pane in ((QLabel(self.tr("Your wording")), self.edit), (self.preview_caption, self.preview)):
            half = QWidget()
            stack = QVBoxLayout(half)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.addWidget(caption)
            stack.addWidget(pane, 1)
            self.splitter.addWidget(half)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.insert, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.splitter, 1)
        self.insert.activated.connect(self._insert)
        self.setFocusProxy(self.edit)  # the row's label (Alt+W) goes to the wording itself

    def show_preview(self, shown: bool) -> None:
        """Show the word diff (for new wording of a section) or not (a new section has nothing to compare)."""
        preview = self.splitter.widget(1)
        if preview is not None:  # the preview's half, made with the pane
            preview.setVisible(shown)

    def _insert(self, index: int) -> None:
        name = self.insert.itemData(index)
        self.insert.setCurrentIndex(0)
        if name:
            self.edit.insert_term(name)
