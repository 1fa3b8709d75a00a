"""The scenarios chart: every party's gain or loss across a range of year-end results, one line per party
per scenario, drawn with QPainter (why not QtCharts or pyqtgraph: docs/decisions/0014-scenario-chart.md).

A party keeps its colour in every scenario; a scenario is told by its line style (solid for the current
terms, dashed, dotted… for proposals), so "the Trust under a 3% corridor" and "the Trust now" sit side by
side in one colour. Colours of text, grid and background come from the palette, so the chart follows the
light or dark scheme."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from negotiator.domain.scenario_terms import signed_money

STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine,
          Qt.PenStyle.DashDotDotLine)


@dataclass(frozen=True)
class Line:
    """One party's gain or loss (pence) at each result, under one scenario."""

    party: str
    scenario: int  # its index among the scenarios: the line style
    colour: str
    values: tuple[int, ...]


def short_money(pence: float) -> str:
    """An axis label: "£1.5m", "−£250k", "£0"."""
    pounds = abs(pence) / 100
    sign = "\u2212" if pence < 0 else ""
    for size, unit in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if pounds >= size:
            return f"{sign}£{pounds / size:.3g}{unit}"
    return f"{sign}£{pounds:.0f}"


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about ``ticks`` intervals over ``span``."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power: float = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


class ScenarioChart(QWidget):
    """Lines of gains and losses against results as percentages of the budget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioChart")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Ctrl+C with the chart focused copies it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Risk-share chart"))
        self.xs: list[float] = []
        self.lines: list[Line] = []
        self.scenarios: list[str] = []
        self._plot = QRectF()  # where the lines were last drawn, for the tooltip

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 320)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 180)

    def set_lines(self, xs: list[float], lines: list[Line], scenarios: list[str]) -> None:
        """Show ``lines`` over results at ``xs`` (% of the budget); ``scenarios`` name the line styles."""
        self.xs, self.lines, self.scenarios = xs, lines, scenarios
        parties = sorted({line.party for line in lines})
        span = f"{xs[0]:g}% to {xs[-1]:g}% of the budget" if xs else ""
        self.setAccessibleDescription(self.tr("Gain or loss of %1 under %2 across results from %3; the table below "
                                              "gives the figures").replace("%1", ", ".join(parties))
                                      .replace("%2", "; ".join(scenarios)).replace("%3", span))
        self.update()

    @property
    def series_count(self) -> int:
        """How many lines are drawn: one per party per scenario."""
        return len(self.lines)

    def image(self) -> QImage:
        """The chart as a picture, at the size it is shown (at least 800 × 450 when hidden or small)."""
        size = self.size().expandedTo(QSize(800, 450))
        picture = QImage(size, QImage.Format.Format_ARGB32)
        picture.fill(self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(picture)
        self._draw(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return picture

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.figures_at(event.pos().x())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def figures_at(self, x: float) -> str:
        """Every line's figure at the result nearest the horizontal position ``x`` of the plot, in words."""
        if not self.xs or not self.lines or not self._plot.width() or not self._plot.left() <= x <= self._plot.right():
            return ""
        span = (self.xs[-1] - self.xs[0]) or 1
        wanted = self.xs[0] + (x - self._plot.left()) / self._plot.width() * span
        index = min(range(len(self.xs)), key=lambda i: abs(self.xs[i] - wanted))
        lines = [f"Result {self.xs[index]:+g}% of the budget".replace("-", "\u2212")]
        for line in self.lines:
            scenario = self.scenarios[line.scenario].split(":", 1)[0] if line.scenario < len(self.scenarios) else ""
            lines.append(f"{line.party}, {scenario}: {signed_money(line.values[index])}")
        return "\n".join(lines)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        self._draw(painter, QRectF(self.rect()))
        painter.end()

    def _draw(self, painter: QPainter, area: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.Text)
        metrics = QFontMetrics(self.font())
        if not self.xs or not self.lines:
            painter.setPen(text)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No risk share to chart"))
            return
        low: float = min(0, *(min(line.values) for line in self.lines))
        high: float = max(0, *(max(line.values) for line in self.lines))
        step = nice_step(high - low)
        low, high = math.floor(low / step) * step, math.ceil(high / step) * step
        if high == low:
            high = low + step
        legend = self._legend_height(metrics, area.width() - 16)  # the width _draw_legend is given
        left = max(metrics.horizontalAdvance(short_money(v)) for v in (low, high)) + 12
        plot = QRectF(area.left() + left, area.top() + 10, area.width() - left - 16,
                      area.height() - legend - metrics.height() * 2 - 24)
        x0, x1 = self.xs[0], self.xs[-1] if self.xs[-1] != self.xs[0] else self.xs[0] + 1
        if area.topLeft() == QPointF(0, 0) and area.size() == QRectF(self.rect()).size():
            self._plot = QRectF(plot)  # on screen, not in a copied picture

        def at(x: float, y: float) -> QPointF:
            return QPointF(plot.left() + (x - x0) / (x1 - x0) * plot.width(),
                           plot.bottom() - (y - low) / (high - low) * plot.height())

        grid = QColor(text)
        grid.setAlpha(40)
        value = low
        while value <= high + step / 2:
            y = at(x0, value).y()
            painter.setPen(QPen(text if value == 0 else grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(area.left(), y - 10, left - 6, 20),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, short_money(value))
            value += step
        x_step = nice_step(x1 - x0, 8)
        tick: float = math.ceil(x0 / x_step) * x_step
        while tick <= x1 + x_step / 1000:
            x = at(tick, low).x()
            painter.setPen(QPen(text if abs(tick) < x_step / 1000 else grid, 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(text)
            painter.drawText(QRectF(x - 40, plot.bottom() + 4, 80, metrics.height()), Qt.AlignmentFlag.AlignHCenter,
                             f"{tick:+g}%".replace("-", "\u2212").replace("+0%", "0%"))
            tick += x_step
        painter.drawText(QRectF(plot.left(), plot.bottom() + metrics.height() + 6, plot.width(), metrics.height()),
                         Qt.AlignmentFlag.AlignHCenter,
                         self.tr("Year-end result, % of the budget (− overspend, + underspend)"))
        painter.save()
        painter.setClipRect(plot.adjusted(-2, -2, 2, 2))
        # No more than a point every two pixels: a thousand results on a chart 800 pixels wide look the
        # same at a third of them, and take a third of the time to draw.
        stride = max(1, math.ceil(len(self.xs) / max(plot.width() / 2, 1)))
        kept = sorted(set(range(0, len(self.xs), stride)) | {len(self.xs) - 1})
        for line in self.lines:
            painter.setPen(QPen(QColor(line.colour), 2, STYLES[line.scenario % len(STYLES)]))
            painter.drawPolyline(QPolygonF([at(self.xs[i], line.values[i]) for i in kept]))
        painter.restore()
        self._draw_legend(painter, metrics, QRectF(area.left() + 8, area.bottom() - legend, area.width() - 16, legend))

    def _legend_items(self) -> list[tuple[str, QPen]]:
        text = self.palette().color(QPalette.ColorRole.Text)
        parties = dict.fromkeys((line.party, line.colour) for line in self.lines)
        items = [(party, QPen(QColor(colour), 3)) for party, colour in parties]
        if len(self.scenarios) > 1:
            items += [(name, QPen(text, 2, STYLES[i % len(STYLES)])) for i, name in enumerate(self.scenarios)]
        return items

    def _legend_height(self, metrics: QFontMetrics, width: float) -> float:
        return self._place_legend(metrics, width)[1]

    def _place_legend(self, metrics: QFontMetrics, width: float) -> tuple[list[tuple[float, float]], float]:
        """Where each legend entry goes, wrapped into rows; and the legend's height."""
        places: list[tuple[float, float]] = []
        x, row = 0.0, 0
        for label, _pen in self._legend_items():
            wide = 30 + min(metrics.horizontalAdvance(label), 420) + 18
            if x and x + wide > width:
                x, row = 0.0, row + 1
            places.append((x, row * (metrics.height() + 6)))
            x += wide
        return places, (row + 1) * (metrics.height() + 6) + 4

    def _draw_legend(self, painter: QPainter, metrics: QFontMetrics, box: QRectF) -> None:
        places, _height = self._place_legend(metrics, box.width())
        text = self.palette().color(QPalette.ColorRole.Text)
        for (label, pen), (x, y) in zip(self._legend_items(), places, strict=True):
            middle = box.top() + y + metrics.height() / 2
            painter.setPen(pen)
            painter.drawLine(QPointF(box.left() + x, middle), QPointF(box.left() + x + 24, middle))
            painter.setPen(text)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, 420)
            painter.drawText(QPointF(box.left() + x + 30, middle + metrics.ascent() / 2 - 1), shown)
