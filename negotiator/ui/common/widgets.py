"""Small widget helpers shared by the dialogs."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QProgressBar, QScrollArea, QWidget


def labelled_combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    """A combo box with an accessible name and tooltip, holding (text, data) items."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(name)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def python_date(day: QDate) -> date:
    """A (valid) QDate as a Python date: what ``toPython()`` gives, typed."""
    return date(day.year(), day.month(), day.day())


def busy_bar(name: str) -> QProgressBar:
    """A hidden, indeterminate progress bar for work whose length cannot be known in advance."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setAccessibleName(name)
    bar.setToolTip(name)
    bar.setMaximumHeight(12)
    bar.setTextVisible(False)
    bar.hide()
    return bar


def scrolling(page: QWidget) -> QScrollArea:
    """A page in a frameless scroll area that gives it all the room it can, so that a long form never
    makes the window taller than a small laptop screen."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the page's fields, not the scroll area
    return area

def scrollable(widget: QWidget) -> QScrollArea:
    """``widget`` inside a frameless scroll area: a panel can then be made smaller than its contents
    need (on a 1024 × 600 screen), and scrolls instead of forcing the window to grow."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setFocusProxy(widget)
    return area
