"""The small dialog that asks why a party accepts or rejects a proposal: the reason is optional, kept in
the record with the decision, and read by the other parties."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class ReasonDialog(QDialog):
    """Asks for an optional reason; OK with an empty box decides without one, Cancel decides nothing."""

    def __init__(self, party: str, decision: str, proposal_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        verb = self.tr("accepts") if decision == "accept" else self.tr("rejects")
        self.setWindowTitle(self.tr("Accept Proposal %1") if decision == "accept" else self.tr("Reject Proposal %1"))
        self.setWindowTitle(self.windowTitle().replace("%1", str(proposal_id)))
        prompt = QLabel(self.tr("Why %1 %2 proposal %3 (optional; the other parties will read it):")
                        .replace("%1", party).replace("%2", verb).replace("%3", str(proposal_id)))
        prompt.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setToolTip(self.tr("Kept in the negotiation record with the decision; leave empty to give none"))
        self.reason.setMinimumWidth(480)
        prompt.setBuddy(self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Accept") if decision == "accept" else self.tr("Re&ject"))
        ok.setDefault(True)  # Enter in the box decides
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    def text(self) -> str:
        """The reason as typed (empty when none was given)."""
        return self.reason.text().strip()
