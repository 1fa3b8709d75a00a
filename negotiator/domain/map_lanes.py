"""How a money map's link crosses a column of boxes it does not connect: level, through the nearest free lane.

An agreement can skip a column (a commissioner's own service contract with an alliance member runs
past the alliance's hub). Drawn straight, its line would pass behind a box and seem to join it; so in
each column it crosses, the line runs level through the gap between boxes nearest to where it would
have crossed.
"""

from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]
CLEARANCE = 8  # between a line and the box it passes


@dataclass(frozen=True)
class Column:
    """A column of boxes: its centre, half the widest box, and the spans (top, bottom) its boxes fill."""

    x: float
    half_width: float
    spans: tuple[tuple[float, float], ...]


def free_y(y: float, spans: tuple[tuple[float, float], ...]) -> float:
    """The height nearest ``y`` that no span (widened by the clearance) covers."""
    merged: list[list[float]] = []
    for top, bottom in sorted(spans):
        top, bottom = top - CLEARANCE, bottom + CLEARANCE
        if merged and top <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], bottom)
        else:
            merged.append([top, bottom])
    for top, bottom in merged:
        if top < y < bottom:
            return top if y - top <= bottom - y else bottom
    return y


def merged(columns: list[Column]) -> list[Column]:
    """The columns left to right, those that overlap (a hub wider than the labels beside it) made one, so a
    lane never changes height inside a box."""
    joined: list[Column] = []
    for column in sorted(columns, key=lambda c: c.x - c.half_width):
        if joined and column.x - column.half_width < joined[-1].x + joined[-1].half_width:
            last = joined[-1]
            left = last.x - last.half_width
            right = max(last.x + last.half_width, column.x + column.half_width)
            joined[-1] = Column((left + right) / 2, (right - left) / 2, last.spans + column.spans)
        else:
            joined.append(column)
    return joined


def lane_points(start: Point, end: Point, columns: list[Column]) -> tuple[Point, ...]:
    """Waypoints for a line from ``start`` to ``end`` (left to right) through the columns between them."""
    points: list[Point] = []
    here = start
    for column in merged(columns):
        span = end[0] - here[0]
        t = 0.5 if span == 0 else (column.x - here[0]) / span
        y = free_y(here[1] + t * (end[1] - here[1]), column.spans)
        points += [(column.x - column.half_width, y), (column.x + column.half_width, y)]
        here = points[-1]
    return tuple(points)
