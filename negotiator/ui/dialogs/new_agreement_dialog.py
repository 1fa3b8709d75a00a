"""Dialog for creating an agreement: its title, kind, model, parent, and each party's role."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from negotiator.domain.agreement import Agreement
from negotiator.domain.agreements import AgreementKind, ContractingModel
from negotiator.domain.parties import Party, Role
from negotiator.ui.common.widgets import labelled_combo


class NewAgreementDialog(QDialog):
    """Collects what a new agreement needs; the rules are checked when it is created."""

    def __init__(self, parties: list[Party], agreements: list[Agreement], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Agreement"))
        self.resize(620, 520)
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setToolTip(self.tr("A title unique in this library, such as 'MSK Sub-contract: Provider B'"))
        self.kind = labelled_combo(self.tr("Kind of agreement"), [(k.label, k.value) for k in AgreementKind])
        self.model = labelled_combo(self.tr("Contracting model"), [(m.label, m.value) for m in ContractingModel])
        self.parent_agreement = labelled_combo(self.tr("Sits under"), [(self.tr("(none)"), None)]
                                            + [(a.title, a.id) for a in agreements])
        self.parties = parties
        # One labelled combo per party, in the Tab order: a table's cell widgets cannot be reached by Tab.
        self.role_combos: list[QComboBox] = []
        roles_form = QFormLayout()
        for party in parties:
            combo = labelled_combo(self.tr("Role of %1").replace("%1", party.name),
                                   [(self.tr("(not a party)"), None)] + [(r.label, r.value) for r in Role])
            combo.setToolTip(self.tr("%1 (%2): its role in this agreement").replace("%1", party.name)
                             .replace("%2", party.type.label))
            label = QLabel(party.name)
            label.setBuddy(combo)
            roles_form.addRow(label, combo)
            self.role_combos.append(combo)
        roles = QWidget()
        roles.setLayout(roles_form)
        self.roles = QScrollArea()
        self.roles.setWidget(roles)
        self.roles.setWidgetResizable(True)
        self.roles.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the first party's role
        self.roles.setAccessibleName(self.tr("Parties and roles"))
        self.roles.setToolTip(self.tr("Give each party that signs this agreement its role"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Model"), self.model)
        form.addRow(self.tr("&Under"), self.parent_agreement)
        form.addRow(self.tr("&Parties"), self.roles)
        form.addRow(buttons)

    def set_role(self, party_name: str, role: Role) -> None:
        """Choose a party's role (as the user would in the table)."""
        row = next(i for i, p in enumerate(self.parties) if p.name == party_name)
        combo = self.role_combos[row]
        combo.setCurrentIndex(combo.findData(role.value))

    def values(self) -> dict[str, Any]:
        """What the user chose, ready for AgreementService.create_agreement."""
        chosen: list[tuple[str, str]] = []
        for row, party in enumerate(self.parties):
            role = self.role_combos[row].currentData()
            if role:
                chosen.append((party.name, role))
        return {"title": self.title.text(), "kind": self.kind.currentData(), "model": self.model.currentData(),
                "parties": chosen, "parent": self.parent_agreement.currentData()}
