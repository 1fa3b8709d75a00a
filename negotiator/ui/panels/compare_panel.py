"""The comparison tab: choose any two texts of a section (its versions, rounds, library versions,
proposals) to see side by side, or every party's open proposal beside the current wording."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from negotiator.ui.panels.compare_view import CompareView

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.comparison import Text


class ComparePanel(QWidget):
    """Two pickers over the compare view, and an N-way button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts: list[Text] = []
        self.columns: list[tuple[str, str, str]] = []
        self.base: tuple[str, str] = ("", "")
        self.left = QComboBox()
        self.right = QComboBox()
        for combo, name in ((self.left, self.tr("Left text")), (self.right, self.tr("Right text"))):
            combo.setAccessibleName(name)
            combo.setToolTip(self.tr("A version, a round, a library version or a proposal"))
            combo.currentIndexChanged.connect(lambda _i: self.show_pair())
        self.nway = QPushButton(self.tr("Every &Party Side by Side"))
        self.nway.setToolTip(self.tr("The current wording with each party's open proposal beside it"))
        self.nway.setAccessibleName(self.tr("Every party side by side"))
        self.nway.clicked.connect(self.show_columns)
        self.caption = QLabel(self.tr("Select a section in an agreement, then choose what to compare."))
        self.view = CompareView()
        pickers = QHBoxLayout()
        pickers.addWidget(self.left, 1)
        pickers.addWidget(QLabel("⇄"))
        pickers.addWidget(self.right, 1)
        pickers.addWidget(self.nway)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addLayout(pickers)
        layout.addWidget(self.view, 1)
        self.view.clear()

    def set_texts(self, caption: str, texts: list[Text], base: tuple[str, str],
                  columns: list[tuple[str, str, str]]) -> None:
        """Offer these texts; by default compare the newest two."""
        self.caption.setText(caption)
        self.texts, self.base, self.columns = texts, base, columns
        for combo in (self.left, self.right):
            combo.blockSignals(True)
            combo.clear()
            for text in texts:
                combo.addItem(text.label)
            combo.blockSignals(False)
        self.nway.setEnabled(bool(columns))
        if len(texts) >= 2:
            self.choose(len(texts) - 2, len(texts) - 1)
        else:
            self.view.clear()

    def choose(self, left: int, right: int) -> None:
        """Compare the texts at these positions in the pickers."""
        self.left.blockSignals(True)
        self.left.setCurrentIndex(left)
        self.left.blockSignals(False)
        self.right.setCurrentIndex(right)
        self.show_pair()

    def choose_label(self, prefix: str) -> bool:
        """Put the text whose label starts with ``prefix`` on the right, the current wording on the left."""
        index = next((i for i, t in enumerate(self.texts) if t.label.startswith(prefix)), -1)
        if index < 0:
            return False
        current = next((i for i, t in reversed(list(enumerate(self.texts))) if t.label.startswith("Section")), 0)
        self.choose(current, index)
        return True

    def show_pair(self) -> None:
        """Show the two chosen texts side by side."""
        left, right = self.left.currentIndex(), self.right.currentIndex()
        if left < 0 or right < 0 or not self.texts:
            return
        self.view.set_pair(self.texts[left].label, self.texts[left].text, self.texts[right].label,
                           self.texts[right].text)

    def show_columns(self) -> None:
        """Show the current wording with each party's open proposal beside it."""
        if self.columns:
            self.view.set_columns(self.base[0], self.base[1], self.columns)
