"""The agreements navigator: each agreement under its parent (sub-contracts under their prime
contract, service contracts under their alliance agreement)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QTreeView, QVBoxLayout, QWidget

from negotiator.domain.agreement import Agreement

ID_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
ROOT = 0  # internal id of the invisible root; agreements use their own (positive) ids


class AgreementTreeModel(QAbstractItemModel):
    """Agreements as a tree by parent; columns: title, kind, status."""

    headers = ("Agreement", "Kind", "Status")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_id: dict[int, Agreement] = {}
        self._children: dict[int, list[int]] = {ROOT: []}
        self._parent: dict[int, int] = {}

    def set_agreements(self, agreements: list[Agreement]) -> None:
        """Replace the tree; an agreement whose parent is unknown is shown at the top level."""
        self.beginResetModel()
        self._by_id = {a.id: a for a in agreements}
        self._children = {ROOT: []}
        self._parent = {}
        for agreement in sorted(agreements, key=lambda a: a.title.lower()):
            parent = agreement.parent_id if agreement.parent_id in self._by_id else ROOT
            self._parent[agreement.id] = parent
            self._children.setdefault(parent, []).append(agreement.id)
        self.endResetModel()

    def index_of(self, agreement_id: int) -> QModelIndex:
        """The index of an agreement, or an invalid index."""
        if agreement_id not in self._parent:
            return QModelIndex()
        siblings = self._children[self._parent[agreement_id]]
        return self.createIndex(siblings.index(agreement_id), 0, agreement_id)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        key = parent.internalId() if parent.isValid() else ROOT
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self._children.get(key, [])
        if 0 <= row < len(children) and 0 <= column < len(self.headers):
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        parent = self._parent.get(child.internalId(), ROOT)
        if parent == ROOT:
            return QModelIndex()
        return self.createIndex(self._children[self._parent[parent]].index(parent), 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else ROOT, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.headers)

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

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.headers[section]) if 0 <= section < len(self.headers) else None
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

    def select(self, agreement_id: int) -> None:
        """Select an agreement (which opens it)."""
        self.tree.setCurrentIndex(self.model.index_of(agreement_id))

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        agreement_id = current.siblingAtColumn(0).data(ID_ROLE)
        if agreement_id is not None:
            self.agreement_chosen.emit(agreement_id)
