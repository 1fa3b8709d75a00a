"""The risk share as one piece to edit: each party's share of gains and losses and its loss cap, the
corridor, and a live total of gains and of losses. The terms editor and the Propose dialog both use it."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from negotiator.domain import legal_english as say
from negotiator.domain.excess_bearer import EXCESS_BEARER
from negotiator.domain.parties import Party
from negotiator.domain.terms import HUNDRED, PartyShare, RiskShare
from negotiator.domain.terms_rules import TermProblem
from negotiator.ui.models.risk_share_model import PROBLEM_COLOUR, RiskShareModel, percent_text, read_value

CORRIDOR = "risk_share.corridor"


class RiskShareEditor(QWidget):
    """Edits a risk share; ``edited`` fires on every change, and the totals follow as the user types."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base: dict[str, str] = {}  # the typed text of each term as loaded, to tell what changed
        self.model = RiskShareModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self._name(self.table, "Risk share by party",
                   "Each party's share of gains and losses; leave both empty for a party that shares neither")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the next field
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # party names
        self.total_label = QLabel()
        self.total_label.setObjectName("riskShareTotal")
        self._name(self.total_label, "Risk share totals", "Gain shares and loss shares must each total 100%")
        self.corridor = QLineEdit()
        self.corridor.setPlaceholderText(self.tr("e.g. 2.5"))
        self._name(self.corridor, "Risk corridor ± %", "No gain or loss is shared within this percentage either "
                   "side of the budget; leave empty for none")
        self.bearer = QComboBox()
        self._name(self.bearer, "Who carries losses above a cap", "Who carries a loss above a party's cap: the "
                   "other parties in proportion to their loss shares, or a party named here first, up to its own cap")
        self._parties: Mapping[int, Party] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total_label)
        form = QFormLayout()
        form.addRow(self.tr("Risk corridor ± %"), self.corridor)
        form.addRow(self.tr("Losses above a cap"), self.bearer)
        layout.addLayout(form)
        self.model.dataChanged.connect(self._changed)
        self.corridor.textChanged.connect(self._changed)
        self.bearer.currentIndexChanged.connect(self._changed)
        self.show_totals(())

    def _name(self, widget: QWidget, name: str, tip: str) -> None:
        widget.setAccessibleName(self.tr(name))
        widget.setToolTip(self.tr(tip))

    def set_risk_share(self, parties: Mapping[int, Party], risk: RiskShare) -> None:
        """Edit this risk share of an agreement with these parties; what changes is measured from it."""
        self.show_risk_share(parties, risk)
        self._base = self.typed_terms()

    def show_risk_share(self, parties: Mapping[int, Party], risk: RiskShare) -> None:
        """Put a risk share in the fields (for example one edited elsewhere), keeping what it is measured from."""
        blocked = self.corridor.blockSignals(True)  # one change, announced once below
        bearer_blocked = self.bearer.blockSignals(True)
        try:
            self._parties = parties
            self.model.set_agreement(parties, risk)
            self.corridor.setText(percent_text(risk.corridor))
            self._list_bearers(risk.excess_bearer)
        finally:
            self.corridor.blockSignals(blocked)
            self.bearer.blockSignals(bearer_blocked)
        self._changed()

    def _list_bearers(self, chosen: int | None) -> None:
        """The choices of who carries losses above a cap: the others in proportion, then each party with a
        share as typed (and the one chosen, even without a share, so that the rule's refusal can say so)."""
        sharing = [s.party_id for s in self.model.read_shares()[0]]
        if chosen is not None and chosen not in sharing:
            sharing.append(chosen)
        self.bearer.clear()
        self.bearer.addItem(self.tr("The other parties, in proportion to their loss shares"), None)
        for party_id in sharing:
            party = self._parties.get(party_id)
            self.bearer.addItem(party.name if party else self.tr("Party %1").replace("%1", str(party_id)), party_id)
        self.bearer.setCurrentIndex(max(0, self.bearer.findData(chosen)))

    def read(self, problems: list[TermProblem]) -> RiskShare:
        """The risk share as typed; each field that is not a number adds a problem and counts as empty."""
        shares, unreadable = self.model.read_shares()
        problems.extend(unreadable)
        return RiskShare(shares, read_value(CORRIDOR, "percent", self.corridor.text(), problems),
                         self.bearer.currentData())

    def typed_terms(self) -> dict[str, str]:
        """Every risk-share term by name with the text in its field."""
        bearer = self._parties.get(self.bearer.currentData())  # by name, as the term is read back
        return {**self.model.typed_terms(), CORRIDOR: self.corridor.text().strip(),
                EXCESS_BEARER: bearer.name if bearer is not None else ""}

    def set_typed_terms(self, texts: Mapping[str, str]) -> None:
        """Put typed text (as ``typed_terms`` gave it) back in the table and the corridor."""
        self.model.set_typed_terms(texts)
        if CORRIDOR in texts:
            self.corridor.setText(texts[CORRIDOR])
        if EXCESS_BEARER in texts:
            chosen = next((pid for pid, p in self._parties.items() if p.name == texts[EXCESS_BEARER]), None)
            self._list_bearers(chosen)

    def changed_terms(self) -> dict[str, str]:
        """The terms whose text differs from the risk share as loaded, with their new text."""
        return {name: text for name, text in self.typed_terms().items() if text != self._base.get(name, "")}

    def show_totals(self, shares: tuple[PartyShare, ...]) -> None:
        """Say what the gain and loss shares add up to, in red (and in words) when either is not 100%."""
        gains, losses = (sum((getattr(s, side) for s in shares), 0) for side in ("gain", "loss"))
        balanced = not shares or gains == losses == HUNDRED
        if not shares:
            text = self.tr("No party shares gains or losses yet.")
        else:
            text = self.tr("Gains {gains} · Losses {losses}").format(gains=say.percent(gains),
                                                                    losses=say.percent(losses))
            if gains != HUNDRED and losses != HUNDRED:
                text += self.tr(": gains and losses must each make 100%")
            elif not balanced:
                text += self.tr(": gains must make 100%") if gains != HUNDRED else self.tr(": losses must make 100%")
        self.total_label.setText(text)
        self.total_label.setProperty("balanced", balanced)
        self.total_label.setStyleSheet("" if balanced else f"color: {PROBLEM_COLOUR}; font-weight: bold;")

    def _changed(self) -> None:
        shares = self.model.read_shares()[0]
        if [self.bearer.itemData(i) for i in range(1, self.bearer.count())] != [s.party_id for s in shares]:
            blocked = self.bearer.blockSignals(True)  # a share typed or cleared: the choices follow
            self._list_bearers(self.bearer.currentData())
            self.bearer.blockSignals(blocked)
        self.show_totals(shares)
        self.edited.emit()
