"""Edit → Cut, Copy, Paste and Select All, acting on the widget with the keyboard focus: the text
editors do their own, and a table or tree copies its selected rows as tab-separated text (which a
spreadsheet or Word pastes as a table)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeGuard, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from negotiator.ui.window.main_window import MainWindow

_TEXT = (QLineEdit, QTextEdit, QPlainTextEdit)


def rows_as_text(view: QAbstractItemView) -> str:
    """The selected rows of a table or tree (the current row when none is selected), one line each, their
    visible columns' text separated by tabs; a header line first for a table with column titles."""
    model = view.model()
    if model is None:
        return ""
    rows = sorted({index.siblingAtColumn(0) for index in view.selectionModel().selectedIndexes()},
                  key=lambda index: view.visualRect(index).top())
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().siblingAtColumn(0)]
    header = getattr(view, "horizontalHeader", None) or getattr(view, "header", None)
    columns = [c for c in range(model.columnCount()) if header is None or not header().isSectionHidden(c)]

    def line(cells: list[object]) -> str:
        return "\t".join(" ".join(str(cell or "").split()) for cell in cells)  # a tab or newline would split a cell

    lines = [line([model.data(row.siblingAtColumn(c)) for c in columns]) for row in rows]
    if lines and model.columnCount() > 1:
        lines.insert(0, line([model.headerData(c, Qt.Orientation.Horizontal) for c in columns]))
    return "\n".join(lines)


def _target(widget: QWidget | None) -> QWidget | None:
    """The widget an edit action acts on: the focused one (an editable combo box's own line edit)."""
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    return widget


class _Picture(Protocol):
    def copy_image(self) -> None:
        """Put a picture of itself on the clipboard."""


def _picture(widget: QWidget | None) -> _Picture | None:
    """The focused widget, or the nearest widget around it, that copies itself as a picture (``copy_image``):
    the scenarios chart, whose view copies it from any of its buttons too."""
    while widget is not None and not callable(getattr(widget, "copy_image", None)):
        widget = widget.parentWidget()
    return cast("_Picture | None", widget)  # None, or a widget with a copy_image: the loop stops only there


def _editable(widget: QWidget | None) -> TypeGuard[QLineEdit | QTextEdit | QPlainTextEdit]:
    return isinstance(widget, _TEXT) and not widget.isReadOnly()


class ClipboardActions(QObject):
    """Carries out the Edit menu's clipboard actions on the focused widget and keeps them enabled only
    where they can act."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def cut(self) -> None:
        """Cut the selected text of the focused editor."""
        widget = _target(QApplication.focusWidget())
        if _editable(widget):
            widget.cut()

    def copy(self) -> None:
        """Copy the focused editor's selected text, or the focused table's selected rows."""
        widget = _target(QApplication.focusWidget())
        if isinstance(widget, _TEXT):
            widget.copy()
        elif isinstance(widget, QAbstractSpinBox):
            widget.lineEdit().copy()
        elif isinstance(widget, QAbstractItemView):
            text = rows_as_text(widget)
            if text:
                QApplication.clipboard().setText(text)
        elif (picture := _picture(widget)) is not None:  # a chart, or a view around one: copied as a picture
            picture.copy_image()

    def paste(self) -> None:
        """Paste into the focused editor."""
        widget = _target(QApplication.focusWidget())
        if _editable(widget):
            widget.paste()
        elif isinstance(widget, QAbstractSpinBox) and not widget.isReadOnly():
            widget.lineEdit().paste()

    def select_all(self) -> None:
        """Select all the text of the focused editor, or every row of the focused table."""
        widget = _target(QApplication.focusWidget())
        if isinstance(widget, (*_TEXT, QAbstractSpinBox)) or isinstance(widget, QAbstractItemView) and \
                widget.selectionMode() != QAbstractItemView.SelectionMode.SingleSelection:
            widget.selectAll()

    def update(self, _old: QWidget | None = None, new: QWidget | None = None) -> None:
        """Enable each action for the focused widget (connected to QApplication.focusChanged)."""
        actions = self.window.actions_by_id
        widget = _target(new if new is not None else QApplication.focusWidget())
        text = isinstance(widget, (*_TEXT, QAbstractSpinBox))
        table = isinstance(widget, QAbstractItemView)
        writable = _editable(widget) or (isinstance(widget, QAbstractSpinBox) and not widget.isReadOnly())
        actions["edit.cut"].setEnabled(_editable(widget))
        actions["edit.copy"].setEnabled(text or table or _picture(widget) is not None)
        actions["edit.paste"].setEnabled(writable)
        actions["edit.select_all"].setEnabled(text or (isinstance(widget, QAbstractItemView) and widget.selectionMode()
                                                       != QAbstractItemView.SelectionMode.SingleSelection))
