"""The command palette (Ctrl+Shift+P): type a few letters to find any action and run it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


class CommandPalette(QDialog):
    """Every enabled action of the window, filtered as the user types; Enter runs the chosen one."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find an Action"))
        self.resize(520, 380)
        self.choices = [a for a in actions if a.text()]  # not self.actions: QWidget.actions() is a method
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Type to find an action…"))
        self.query.setAccessibleName(self.tr("Action to find"))
        self.query.setToolTip(self.tr("Type words from an action's name; Enter runs the first match"))
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Matching actions"))
        self.matches.setToolTip(self.tr("Enter runs the selected action"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.matches)
        self.query.textChanged.connect(self.filter)
        self.query.returnPressed.connect(self.run_selected)
        self.matches.itemActivated.connect(lambda _item: self.run_selected())
        self.query.installEventFilter(self)
        self.filter("")

    def filter(self, text: str) -> None:
        """Show the enabled actions whose name holds every typed word."""
        words = text.lower().split()
        self.matches.clear()
        for action in self.choices:
            name = action.text().replace("&", "").rstrip("…")
            if action.isEnabled() and all(w in name.lower() for w in words):
                shortcut = action.shortcut().toString()
                item = QListWidgetItem(f"{name}    {shortcut}".rstrip())
                item.setData(Qt.ItemDataRole.UserRole, action)
                item.setToolTip(action.toolTip())
                item.setIcon(action.icon())
                self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    def run_selected(self) -> None:
        """Close the palette and run the chosen action."""
        item = self.matches.currentItem()
        if item is None:
            return
        action: QAction = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
        action.trigger()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Up and Down in the search box move through the matches, as in every command palette.
        if watched is self.query and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down.value: 1, Qt.Key.Key_Up.value: -1}.get(event.key())
            if step and self.matches.count():
                self.matches.setCurrentRow(max(0, min(self.matches.count() - 1, self.matches.currentRow() + step)))
                return True
        return super().eventFilter(watched, event)
