"""File → Library Fingerprints…: this library's key fingerprint and the other libraries' pinned ones,
to read to each other over the phone (as messaging apps compare safety numbers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the services load after the window has painted
    from negotiator.services.trust import KnownLibrary


class FingerprintsDialog(QDialog):
    """Shows fingerprints read from the trust service; it changes nothing."""

    def __init__(self, own: KnownLibrary, trusted: list[KnownLibrary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Library Fingerprints"))
        layout = QVBoxLayout(self)
        self.own_label = QLabel(self.tr("This library signs what it records with the key:"))
        self.own_fingerprint = QLabel(own.fingerprint)
        self.own_fingerprint.setObjectName("ownFingerprint")
        font = self.own_fingerprint.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.own_fingerprint.setFont(font)
        layout.addWidget(self.own_label)
        layout.addWidget(self.own_fingerprint)
        explain = QLabel(self.tr("Read it to the other parties by phone: the packages they receive from you must "
                                 "show the same. Below, the keys pinned when each library's first package was "
                                 "imported; ask each party to read theirs to you."))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.table = QTableWidget(len(trusted), 3, self)
        self.table.setObjectName("trustedLibraries")
        self.table.setHorizontalHeaderLabels([self.tr("Party"), self.tr("Fingerprint"), self.tr("Library")])
        for row, known in enumerate(trusted):
            for column, value in enumerate((known.party, known.fingerprint, known.library)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        if not trusted:
            layout.addWidget(QLabel(self.tr("No other library's key is pinned yet.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)
