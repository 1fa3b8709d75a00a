"""Preferences: the name recorded on what you write, and light or dark (Ctrl+,)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from negotiator.ui.common import appearance
from negotiator.ui.common.settings import Settings
from negotiator.ui.common.widgets import labelled_combo


class PreferencesDialog(QDialog):
    """The few things a user sets once."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.author = QLineEdit(str(settings.get("author")))
        self.author.setAccessibleName(self.tr("Your name"))
        self.author.setToolTip(self.tr("Recorded as the author of the clause versions and sections you write"))
        self.author.setPlaceholderText(self.tr("Your login name"))
        self.appearance = labelled_combo(self.tr("Appearance"), [
            (self.tr("Follow the system"), "system"), (self.tr("Light"), "light"), (self.tr("Dark"), "dark")])
        self.appearance.setToolTip(self.tr("Light or dark windows; by default as the rest of your desktop"))
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(settings.get("appearance"))))
        note = QLabel(self.tr("Proposals and decisions are made in the name of the party you act for "
                              "(Negotiation → Act For)."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Your &name"), self.author)
        form.addRow(self.tr("&Appearance"), self.appearance)
        form.addRow(note)
        form.addRow(buttons)

    def save(self) -> None:
        """Keep the preferences."""
        self.settings.put("author", self.author.text().strip())
        self.settings.put("appearance", self.appearance.currentData())
        appearance.apply(self.appearance.currentData())
        self.accept()
