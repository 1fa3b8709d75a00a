"""A table whose first column stays in place while the others scroll sideways: the positions matrix
keeps each item's name in view however many parties there are, as a spreadsheet's frozen pane does.

A second view over the same model and selection shows only the first column, laid over the table's
own first column and scrolled up and down with it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class FrozenColumnTable(QTableView):
    """A QTableView with its first column frozen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumn")
        self.frozen.setAccessibleName(self.tr("Items"))  # what it shows; the keyboard stays on the table
        self.frozen.setToolTip(self.tr("The item each row is about"))
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table takes the keyboard; this only shows
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setStyleSheet("QTableView#frozenColumn { border: none; }")
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.verticalHeader().sectionResized.connect(lambda row, _old, size: self.frozen.setRowHeight(row, size))
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.frozen.clicked.connect(self._chosen_in_frozen)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802  (Qt's name)
        """Show ``model`` in both views, sharing one selection."""
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._columns_changed)
            model.layoutChanged.connect(self._columns_changed)
        self._columns_changed()

    def setSelectionBehavior(self, behavior: QAbstractItemView.SelectionBehavior) -> None:  # noqa: N802
        """The same selection behaviour in both views."""
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def _columns_changed(self) -> None:
        model = self.model()
        columns = model.columnCount() if model is not None else 0
        for column in range(columns):
            self.frozen.setColumnHidden(column, column != 0)
        if columns:
            self.frozen.setColumnWidth(0, self.columnWidth(0))
        self._place()

    def _column_resized(self, column: int, _old: int, size: int) -> None:
        if column == 0:
            self.frozen.setColumnWidth(0, size)
            self._place()

    def _chosen_in_frozen(self, index: QModelIndex) -> None:
        self.setCurrentIndex(index)
        self.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802  (Qt's name)
        """Keep the frozen column over the first column."""
        super().resizeEvent(event)
        self._place()

    def updateGeometries(self) -> None:  # noqa: N802  (Qt's name)
        """The headers and viewport moved (the row numbers grew wider, say): follow them."""
        super().updateGeometries()
        self._place()

    def _place(self) -> None:
        self.frozen.setGeometry(self.viewport().x(), self.frameWidth(), self.columnWidth(0),
                                self.viewport().height() + self.horizontalHeader().height())
        self.frozen.setVisible(self.model() is not None and self.model().columnCount() > 0)
