"""The welcome page: what a new user can do first, and the libraries opened lately."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from negotiator.ui.common.widgets import scrollable


class WelcomePage(QWidget):
    """Big, plain choices for the first minutes with the app."""

    demo_requested = Signal()
    new_agreement_requested = Signal()
    open_library_requested = Signal()
    import_package_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("<h1>Negotiator</h1><p>Negotiate alliance agreements, prime contracts and "
                               "sub-contracts with every party, and send Word redlines that anyone can "
                               "accept or reject.</p>"))
        title.setWordWrap(True)
        page = QWidget()  # scrolled on a screen too small for it
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrollable(page))
        layout = QVBoxLayout(page)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(title)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, tip, signal in (
            ("demo", "Open the &demo negotiation", "An ageing-well alliance and an MSK prime contract, with "
             "rounds, competing proposals and a finding to discover", self.demo_requested),
            ("new", "Start a &new agreement", "Choose its kind, its parties and their roles; then add clauses "
             "from the library", self.new_agreement_requested),
            ("open", "Open a &library file…", "A library file from your colleagues or an earlier copy",
             self.open_library_requested),
            ("package", "&Import a negotiation package…", "A .negotiation file another party sent you",
             self.import_package_requested),
        ):
            button = QPushButton(self.tr(text))
            button.setToolTip(self.tr(tip))
            button.setAccessibleName(self.tr(text.replace("&", "").replace("…", "")))
            button.setMinimumHeight(40)
            button.clicked.connect(signal)
            layout.addWidget(button)
            self.buttons[name] = button
        layout.addWidget(QLabel(self.tr("<b>Recent libraries</b>")))
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent libraries"))
        self.recent.setToolTip(self.tr("Press Enter or double-click to open"))
        self.recent.itemActivated.connect(lambda item: self.recent_chosen.emit(item.text()))
        layout.addWidget(self.recent)

    def set_recent(self, locations: list[str]) -> None:
        """Show the recent libraries (or say there are none yet)."""
        self.recent.clear()
        self.recent.addItems(locations or [self.tr("None yet: the libraries you open appear here.")])
        self.recent.setEnabled(bool(locations))
