"""Small widget helpers shared by the dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def labelled_combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    """A combo box with an accessible name and tooltip, holding (text, data) items."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(name)
    for text, data in items:
        combo.addItem(text, data)
    return combo
