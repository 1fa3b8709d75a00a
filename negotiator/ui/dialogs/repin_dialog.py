"""Confirm re-pinning a section to a newer library version after seeing what would change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from negotiator.ui.common.diff_html import segments_html

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.outline import Repin


class RepinDialog(QDialog):
    """Shows the word-level change from the section's wording to the newest library wording."""

    def __init__(self, repin: Repin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repin = repin
        self.setWindowTitle(self.tr("Re-pin to Library Version %1").replace("%1", str(repin.to_version)))
        self.resize(640, 420)
        caption = QLabel(self.tr("Re-pinning replaces this section's wording with version %2 of '%1' (it uses "
                                 "version %3). Deletions are struck through, insertions underlined.")
                         .replace("%1", repin.clause_key).replace("%2", str(repin.to_version))
                         .replace("%3", str(repin.from_version)))
        caption.setWordWrap(True)
        self.changes = QTextBrowser()
        self.changes.setAccessibleName(self.tr("What would change"))
        self.changes.setHtml(segments_html(repin.segments))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Re-pin"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.changes, 1)
        layout.addWidget(buttons)
