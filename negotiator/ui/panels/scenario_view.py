"""The scenarios view: what each party gains or loses across a range of year-end results, under the
current terms and, side by side, with chosen open proposals accepted, as a chart and a table.

Input is checked as it is typed; a problem is said in words above the chart, the input is kept, and the
chart and table keep showing the last good figures. The figures are worked out here from plain data the
services gave (no storage is touched): a thousand points of twenty parties take milliseconds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from negotiator.domain.errors import InvalidInput
from negotiator.domain.scenario_terms import parse_results, percent_results, result_cell
from negotiator.domain.scenarios import WORKED_EXAMPLES, parse_percent, result_range
from negotiator.ui.common.colours import party_colour
from negotiator.ui.panels.scenario_chart import Line, ScenarioChart
from negotiator.ui.panels.scenario_table import ScenarioTableModel

if TYPE_CHECKING:  # plain data from the services
    from negotiator.services.scenarios import Scenarios


class _Chart(ScenarioChart):
    """The chart, which also copies itself with Ctrl+C when the view stands on its own."""

    def __init__(self, view: ScenarioView) -> None:
        super().__init__(view)
        self.view = view

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy):
            self.view.copy_chart()
            return
        super().keyPressEvent(event)

    def copy_image(self) -> None:
        """Edit → Copy with the chart focused."""
        self.view.copy_chart()


class ScenarioView(QWidget):
    """Range and points, the proposals to compare, the chart and the table."""

    combinations_changed = Signal(object)  # list of lists of proposal ids: the scenarios asked for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioView")
        self.found: Scenarios | None = None
        self.start, self.stop, self.step = QLineEdit("\u221210%"), QLineEdit("+10%"), QLineEdit("1%")
        self.points = QLineEdit(", ".join(f"{p:+}%".replace("-", "\u2212") for p in WORKED_EXAMPLES))
        for edit, name in ((self.start, self.tr("Lowest result, % of the budget")),
                           (self.stop, self.tr("Highest result, % of the budget")),
                           (self.step, self.tr("Step between results, % of the budget")),
                           (self.points, self.tr("Results shown in the table"))):
            edit.setAccessibleName(name)
            edit.setToolTip(name)
            edit.textChanged.connect(self._soon)
        self.points.setToolTip(self.tr("Results for the table, as % of the budget or in pounds, separated by "
                                       "commas: −5%, +2%, −£2m"))
        self.proposals = QListWidget()
        self.proposals.setAccessibleName(self.tr("Open proposals to compare"))
        self.proposals.itemChanged.connect(lambda _item: self._ask())
        self.together = QCheckBox(self.tr("Show the checked proposals &together as one scenario"))
        self.together.setAccessibleName(self.tr("Combine the checked proposals"))
        self.together.toggled.connect(lambda _on: self._ask())
        self.problem = QLabel()
        self.problem.setObjectName("scenarioProblem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem with the scenario"))
        self.problem.setStyleSheet("color: #d14b3f; font-weight: bold;")  # readable on light and dark
        self.problem.hide()
        self.chart = _Chart(self)
        self.model = ScenarioTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Gains and losses at the chosen results"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.copy_button = QPushButton(self.tr("Copy C&hart"))
        self.copy_button.setToolTip(self.tr("Copy the chart to the clipboard as a picture"))
        self.copy_button.clicked.connect(self.copy_chart)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self._timer = QTimer(self, singleShot=True, interval=150)  # recompute once typing pauses
        self._timer.timeout.connect(self.recompute)
        self._layout()

    def _layout(self) -> None:
        ranges, points = QHBoxLayout(), QHBoxLayout()
        for row, text, edit in ((ranges, self.tr("&From"), self.start), (ranges, self.tr("&To"), self.stop),
                                (ranges, self.tr("&Step"), self.step), (points, self.tr("Table &at"), self.points)):
            label = QLabel(text)
            label.setBuddy(edit)
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(label.text().replace("&", "")) + 6)
            row.addWidget(label)
            row.addWidget(edit, 1)
        ranges.addStretch(1)
        ranges.addWidget(self.copy_button)
        compare = QLabel(self.tr("Compare with &open proposals:"))
        compare.setBuddy(self.proposals)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        for part in (self.title, compare, self.proposals, self.together):
            layout.addWidget(part)
        layout.addLayout(ranges)
        layout.addLayout(points)
        layout.addWidget(self.problem)
        layout.addWidget(split, 1)

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        # The least height that fits, not the preferred one: a scroll area would otherwise make the view as
        # tall as its chart and table would like, and scroll where the window has room for both.
        layout = self.layout()  # made with the view, so never None here
        return layout.minimumHeightForWidth(width) if layout is not None else super().heightForWidth(width)

    # What to show ----------------------------------------------------------------------------

    def set_scenarios(self, found: Scenarios | None) -> None:
        """Show an agreement's scenarios (None: no agreement open); the proposals shown are checked."""
        self.found = found
        shown = {pid for s in found.scenarios for pid in s.proposal_ids} if found else set()
        self.proposals.blockSignals(True)
        self.proposals.clear()
        for candidate in found.candidates if found else ():
            item = QListWidgetItem(candidate.label)
            item.setData(Qt.ItemDataRole.UserRole, candidate.proposal_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if candidate.proposal_id in shown else Qt.CheckState.Unchecked)
            self.proposals.addItem(item)
        self.proposals.blockSignals(False)
        rows = min(max(self.proposals.count(), 1), 4)  # room for the proposals, no more: the chart needs it
        row = max(self.proposals.sizeHintForRow(0), 18)
        self.proposals.setFixedHeight(rows * row + 2 * self.proposals.frameWidth() + 4)
        self.title.setText(found.title if found else self.tr("Open an agreement to see its risk share in pounds."))
        self.recompute()

    def combinations(self) -> list[list[int]]:
        """The scenarios the checked proposals ask for: each alone, or all together."""
        checked = [self.proposals.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.proposals.count())
                   if self.proposals.item(i).checkState() == Qt.CheckState.Checked]
        if self.together.isChecked() and len(checked) > 1:
            return [checked]
        return [[pid] for pid in checked]

    def _ask(self) -> None:
        self.combinations_changed.emit(self.combinations())

    def _soon(self) -> None:
        self._timer.start()

    def show_problem(self, message: str) -> None:
        """Say what is wrong with the input, in words, above the chart (empty: nothing is)."""
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def recompute(self) -> None:
        """Work out the chart and the table from the range, the points and the scenarios."""
        self._timer.stop()
        found = self.found
        if found is None:
            self.chart.set_lines([], [], [])
            self.model.show([], [], [], [])
            self.show_problem("")
            return
        try:
            percents = result_range(parse_percent(self.start.text(), "lowest result"),
                                    parse_percent(self.stop.text(), "highest result"),
                                    parse_percent(self.step.text(), "step"))
            curve = percent_results(percents, found.budget)
            points = parse_results(self.points.text(), found.budget)
        except InvalidInput as problem:
            self.show_problem(str(problem))
            return
        ids = list(found.party_ids)
        labels = [s.label for s in found.scenarios]
        lines = [Line(name, index, party_colour(pid, ids), tuple(o.of(pid) for o in outcomes))
                 for index, outcomes in enumerate(found.outcomes(curve)) for pid, name in found.parties]
        self.chart.set_lines([float(p) for p in percents], lines, labels)
        self.model.show([result_cell(r, found.budget) for r in points], list(found.parties), labels,
                        found.outcomes(points))
        self.show_problem("" if found.parties else self.tr(
            "This agreement has no risk share yet: set each party's share of gains and losses in its terms."))

    def copy_chart(self) -> None:
        """Put the chart on the clipboard as a picture (to paste into a briefing or an email)."""
        QApplication.clipboard().setImage(self.chart.image())

    copy_image = copy_chart  # Edit → Copy with the focus on the view's buttons (its fields copy their text)
