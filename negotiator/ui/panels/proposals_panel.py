"""The proposals panel: every proposal on the selected section or term (or the whole agreement),
with who made it, where it stands, and buttons to decide it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from negotiator.domain.change_summary import proposal_change
from negotiator.domain.parties import Party
from negotiator.domain.term_words import term_label
from negotiator.ui.common.colours import qcolour
from negotiator.ui.models.table_models import RowsModel

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.negotiation import ProposalView

ID_ROLE = Qt.ItemDataRole.UserRole + 4


class ProposalsModel(RowsModel["ProposalView"]):
    """One row per proposal, coloured by party."""

    headers = ("No.", "Party", "Proposal", "Status", "What changes", "Rationale", "Decision reason", "Positions",
               "Provenance")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.party_ids: list[int] = []
        self.positions: dict[int, str] = {}  # proposal id -> the other parties' stated positions, in words
        self.parties: dict[int, Party] = {}  # the agreement's parties, which name its terms
        self.places: dict[str, str] = {}  # "section:ID" -> the section's number and heading

    def cell(self, item: ProposalView, column: int, role: int) -> object:
        p = item.proposal
        if role == Qt.ItemDataRole.DisplayRole:
            flags = [f for f, on in (("competing", item.competing_with), ("stale", item.stale)) if on]
            status = p.status.value + (f" ({', '.join(flags)})" if flags else "")
            where = ", ".join(term_label(name, self.parties) for name in p.term_values()) or \
                self.places.get(p.target, "")
            change = p.kind.label + (f": {where}" if where else "")
            return (str(p.id), p.party_name, change, status, proposal_change(p, self.parties), p.rationale,
                    p.decision_note, self.positions.get(p.id, ""), self._provenance(item))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            rivals = ", ".join(str(r) for r in item.competing_with)
            extra = f" Competes with {rivals}." if rivals else ""
            stale = " The wording has changed since it was made." if item.stale else ""
            decided = f" {p.status.value.capitalize()} by {p.decided_by}" if p.decided_by else ""
            why = f": {p.decision_note}" if decided and p.decision_note else ("." if decided else "")
            return f"{p.rationale}{extra}{stale}{decided}{why} {self._provenance_tip(item)}".strip()
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return qcolour(p.party_id, self.party_ids)
        if role == ID_ROLE:
            return p.id
        return None

    def _provenance(self, item: ProposalView) -> str:
        found = item.provenance
        if found is None or found.kind == "unsigned":
            return self.tr("unsigned")
        if found.kind == "own":
            return self.tr("own")
        return self.tr("recorded by %1").replace("%1", found.recorded_by or "")

    def _provenance_tip(self, item: ProposalView) -> str:
        found = item.provenance
        if found is None or found.kind == "unsigned":
            return self.tr("Unsigned: it came in a package of format 1, which carries no signatures.")
        if found.kind == "own":
            return self.tr("Its party's own: signed by its party's library.")
        return self.tr("Recorded for %1 by %2 (from a returned Word file, say), not in its party's own library."
                       ).replace("%1", found.party).replace("%2", found.recorded_by or "")


class ProposalsPanel(QWidget):
    """Lists proposals and offers the decisions; the window carries them out."""

    decision_requested = Signal(int, str)  # proposal id, "accept" | "reject" | "withdraw"
    counter_requested = Signal(int)
    compare_requested = Signal(int)
    propose_requested = Signal()
    scope_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProposalsModel(self)
        self.caption = QLabel(self.tr("Open an agreement to see its proposals."))
        self.caption.setWordWrap(True)
        self.all = QCheckBox(self.tr("&Whole agreement"))
        self.all.setToolTip(self.tr("Show the proposals on every section and term, not just the selected one"))
        self.all.setAccessibleName(self.tr("Show proposals for the whole agreement"))
        self.all.toggled.connect(lambda _on: self.scope_changed.emit())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Proposals"))
        self.table.setToolTip(self.tr("Proposals: who proposes what, and why"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, tip in (("propose", "&Propose…", "Propose a change in the acting party's name"),
                                ("accept", "&Accept", "Accept the selected proposal and apply it"),
                                ("reject", "Re&ject", "Reject the selected proposal"),
                                ("withdraw", "&Withdraw", "Withdraw the acting party's own proposal"),
                                ("counter", "C&ounter…", "Answer the selected proposal with another wording or "
                                 "value"),
                                ("compare", "Co&mpare", "See the selected proposal beside the others")):
            button = QPushButton(self.tr(text))
            button.setToolTip(self.tr(tip))
            button.setAccessibleName(self.tr(text.replace("&", "").replace("…", "")))
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch(1)
        self.buttons["propose"].clicked.connect(self.propose_requested)
        for name in ("accept", "reject", "withdraw"):
            self.buttons[name].clicked.connect(lambda _c=False, n=name: self._decide(n))
        self.buttons["counter"].clicked.connect(lambda: self._emit(self.counter_requested))
        self.buttons["compare"].clicked.connect(lambda: self._emit(self.compare_requested))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.all)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.remarks_caption = QLabel(self.tr("&Remarks"))
        self.remarks = QListWidget()
        self.remarks.setAccessibleName(self.tr("Remarks"))
        self.remarks.setToolTip(self.tr("What the parties said without proposing a change (comments in their "
                                        "returned Word files)"))
        self.remarks.setWordWrap(True)
        self.remarks.setMaximumHeight(96)
        self.remarks_caption.setBuddy(self.remarks)
        layout.addWidget(self.remarks_caption)
        layout.addWidget(self.remarks)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_proposals(self, views: list[ProposalView], party_ids: list[int], caption: str,
                      positions: dict[int, str] | None = None, remarks: list[str] | None = None,
                      parties: dict[int, Party] | None = None, places: dict[str, str] | None = None) -> None:
        """Show these proposals (with the positions taken on each) and the remarks on the same place,
        keeping the selected proposal if it is still listed. ``parties`` and ``places`` name the terms
        and sections in words."""
        selected = self.selected()
        self.model.party_ids = party_ids
        self.model.parties, self.model.places = parties or {}, places or {}
        self.model.positions = positions or {}
        self.remarks.clear()
        self.remarks.addItems(remarks or [])
        self.remarks.setVisible(bool(remarks))
        self.remarks_caption.setVisible(bool(remarks))
        self.model.set_rows(views)
        self.caption.setText(caption)
        if selected is not None:
            self.select(selected)
        self._update_buttons()

    def select(self, proposal_id: int) -> None:
        """Select a proposal by id."""
        for row in range(self.model.rowCount()):
            if self.model.row_item(row).proposal.id == proposal_id:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

    def selected(self) -> int | None:
        """The selected proposal's id."""
        index = self.table.currentIndex()
        return self.model.row_item(index.row()).proposal.id if index.isValid() else None

    def accept_selected(self) -> None:
        """Ask for the selected proposal to be accepted."""
        self._decide("accept")

    def reject_selected(self) -> None:
        """Ask for the selected proposal to be rejected."""
        self._decide("reject")

    def withdraw_selected(self) -> None:
        """Ask for the selected proposal to be withdrawn."""
        self._decide("withdraw")

    def counter_selected(self) -> None:
        """Ask to answer the selected proposal."""
        self._emit(self.counter_requested)

    def _decide(self, decision: str) -> None:
        selected = self.selected()
        if selected is not None:
            self.decision_requested.emit(selected, decision)

    def _emit(self, signal: SignalInstance) -> None:
        selected = self.selected()
        if selected is not None:
            signal.emit(selected)

    def _update_buttons(self) -> None:
        index = self.table.currentIndex()
        view = self.model.row_item(index.row()) if index.isValid() else None
        is_open = view is not None and view.proposal.is_open
        for name in ("accept", "reject", "withdraw", "counter"):
            self.buttons[name].setEnabled(is_open)
        self.buttons["compare"].setEnabled(view is not None)
