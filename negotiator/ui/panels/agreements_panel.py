"""The agreements navigator: each agreement under its parent (sub-contracts under their prime
contract, service contracts under their alliance agreement)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QTreeView, QVBoxLayout, QWidget

from negotiator.domain.agreement import Agreement
from negotiator.ui.models.id_tree_model import IdTreeModel, Index

ID_ROLE = Qt.ItemDataRole.UserRole + 2


class AgreementTreeModel(IdTreeModel):
    """Agreements as a tree by parent; columns: title, kind, status."""

    headers = ("Agreement", "Kind", "Status")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_id: dict[int, Agreement] = {}

    def set_agreements(self, agreements: list[Agreement]) -> None:
        """Replace the tree; an agreement whose parent is unknown is shown at the top level."""
        self.beginResetModel()
        self._by_id = {a.saved_id: a for a in agreements}
        self.set_tree([(a.saved_id, a.parent_id) for a in sorted(agreements, key=lambda a: a.title.lower())])
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        agreement = self._by_id[index.internalId()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (agreement.title, agreement.kind.label, agreement.status.label)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            parties = ", ".join(f"{s.party.short_name} ({s.role.label})" for s in agreement.signatories)
            return f"{agreement.kind.label}, {agreement.model.label} model. Parties: {parties}"
        if role == ID_ROLE:
            return agreement.id
        return None


class AgreementsPanel(QWidget):
    """The tree of agreements; choosing one opens it in the agreement view."""

    agreement_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AgreementTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Agreements"))
        self.tree.setToolTip(self.tr("The contract network: each agreement under the agreement above it"))
        self.tree.setUniformRowHeights(True)
        self.tree.selectionModel().currentChanged.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)

    def set_agreements(self, agreements: list[Agreement], current: int | None = None) -> None:
        """Show these agreements, keeping the current one selected."""
        self.tree.selectionModel().blockSignals(True)
        self.model.set_agreements(agreements)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        if current is not None:
            self.tree.setCurrentIndex(self.model.index_of(current))
        self.tree.selectionModel().blockSignals(False)

    def mark_open(self, agreement_id: int | None) -> None:
        """Select the agreement that is open without opening it again (after a cancelled open)."""
        self.tree.selectionModel().blockSignals(True)
        if agreement_id is None:
            self.tree.clearSelection()
        else:
            self.tree.setCurrentIndex(self.model.index_of(agreement_id))
        self.tree.selectionModel().blockSignals(False)

    def select(self, agreement_id: int) -> None:
        """Select an agreement (which opens it)."""
        self.tree.setCurrentIndex(self.model.index_of(agreement_id))

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        agreement_id = current.siblingAtColumn(0).data(ID_ROLE)
        if agreement_id is not None:
            self.agreement_chosen.emit(agreement_id)
