"""The scenarios table: one row per chosen result, one column per party under each scenario, each cell
the party's gain (+£) or loss (−£) in pounds."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from negotiator.domain.risk_outcome import Outcome
from negotiator.domain.scenario_terms import signed_money

_Index = QModelIndex | QPersistentModelIndex
NOBODY = -1  # the column of a loss beyond every cap, which no party carries (it stays with the budget holder)


class ScenarioTableModel(QAbstractTableModel):
    """Results down, scenario × party across; the full scenario name in each column's tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results: list[str] = []
        self.columns: list[tuple[str, str, str, int]] = []  # (party, short scenario, scenario in full, party id)
        self.cells: list[list[Outcome]] = []  # per scenario, per result

    def show(self, results: list[str], parties: list[tuple[int, str]], scenarios: list[str],
             outcomes: list[list[Outcome]]) -> None:
        """Fill the table: ``results`` in words, ``parties`` (id, name), and each scenario's outcomes."""
        if any(o.uncovered for table in outcomes for o in table):  # a loss beyond every cap has a column too
            parties = [*parties, (NOBODY, self.tr("Carried by no party"))]
        self.beginResetModel()
        self.results = results
        self.columns = [(name, _short(label, index), label, pid) for index, label in enumerate(scenarios)
                        for pid, name in parties]
        self.cells = outcomes
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.results)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 1 + len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return self.results[row]
        party, _short_name, scenario, pid = self.columns[column - 1]
        parties = len({c[3] for c in self.columns}) or 1
        outcome = self.cells[(column - 1) // parties][row]
        amount = signed_money(outcome.uncovered if pid == NOBODY else outcome.of(pid))
        if role == Qt.ItemDataRole.ToolTipRole:
            capped = any(p.party_id == pid and p.at_cap for p in outcome.parts)
            return f"{party}, {scenario}: {amount}" + (" (at its cap on losses)" if capped else "")
        return amount

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Result") if role == Qt.ItemDataRole.DisplayRole else None
        party, short, scenario, _pid = self.columns[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{party}\n{short}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{party} under {scenario}"
        return None


def _short(label: str, index: int) -> str:
    """A scenario's name in a column header: the current terms, or the proposal(s) it applies."""
    return label.split(":", 1)[0] if index else label
