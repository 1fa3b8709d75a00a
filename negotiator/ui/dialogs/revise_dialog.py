"""Dialog for writing a clause's new wording."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from negotiator.domain.clauses import ClauseVersion


class WordingDialog(QDialog):
    """Edit a piece of wording; saving appends a new version, the old one is kept."""

    def __init__(self, heading: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revise %1").replace("%1", heading))
        self.resize(640, 420)
        self.wording = QPlainTextEdit(text)
        self.wording.setTabChangesFocus(True)  # Tab moves on to the note, so the dialog works from the keyboard
        self.wording.setAccessibleName(self.tr("New wording"))
        self.wording.setToolTip(self.tr("The new wording; the old version is kept. Terms can be written as "
                                        "placeholders such as {{payment.days}}"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Why the wording changed (optional)"))
        self.note.setToolTip(self.tr("A short note kept with the new version"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Wording"), self.wording)
        form.addRow(self.tr("&Note"), self.note)
        form.addRow(buttons)


class ReviseDialog(WordingDialog):
    """Edit the wording of a library clause's latest version."""

    def __init__(self, version: ClauseVersion, parent: QWidget | None = None) -> None:
        super().__init__(version.title, version.text, parent)
