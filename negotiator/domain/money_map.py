"""The money map's layout: which organisation goes where, and what each agreement's link says.

Money flows left to right: commissioners on the left, integrators next, sub-contractors and
providers on the right (each organisation one column further right than the furthest that pays
it). An agreement between one payer and one party paid is one link between them. An agreement
with more parties (an alliance agreement, a prime contract with two commissioners) gets a hub of
its own in the column between: its payers link into the hub, and the hub to each member, so
eight members make eight short spokes rather than twenty-eight crossing lines.

Coordinates are in pixels at 100% zoom; the window only draws them. Label sizes are estimated
from a line height, and labels in the same gap between columns are pushed apart so none overlaps.
Each link's line leaves and arrives level and runs level past the columns it skips
(negotiator.domain.map_lanes), so it never seems to join a box it passes.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field, replace
from typing import NotRequired, TypedDict, TypeVar

from negotiator.domain.map_lanes import CLEARANCE, Column, lane_points
from negotiator.domain.money_words import (
    finding_words,
    member_words,
    passed_on_words,
    payer_words,
    payers_and_payees,
    risk_summary,
    value_words,
)
from negotiator.domain.network_findings import Finding, NetworkNode, Severity

COLUMN = 670  # from one column of organisations to the next
ROW = 104  # from one organisation to the next below it
NODE_WIDTH, NODE_HEIGHT = 220, 60
HUB_WIDTH, HUB_HEIGHT = 280, 84
LABEL_WIDTH = 310
LINE = 17  # the height of one line of a label, with its leading
MARGIN = 40
_Key = TypeVar("_Key", bound=Hashable)


@dataclass(frozen=True)
class MapNode:
    """An organisation, or the hub of a many-party agreement, centred at (x, y)."""

    key: str
    lines: tuple[str, ...]  # the name, then what it is (or, for a hub, its money)
    x: float
    y: float
    width: float
    height: float
    party_id: int | None = None
    agreement_id: int | None = None  # a hub opens its agreement
    findings: tuple[Finding, ...] = ()

    @property
    def is_hub(self) -> bool:
        """Whether the node stands for an agreement rather than an organisation."""
        return self.agreement_id is not None

    @property
    def severity(self) -> Severity | None:
        """The worst of a hub's findings, if it has any."""
        return _worst(self.findings)


@dataclass(frozen=True)
class MapLink:
    """An agreement (or one spoke of a hub) from the party paying to the party paid, with its label."""

    agreement_id: int
    source: str
    target: str
    title: str  # the agreement's title; empty on a spoke, whose hub carries it
    money: str  # "£4,800,000 a year · paid in 30 days"; empty on a spoke
    risk: str  # "40% of losses passed on"
    label_x: float = 0.0
    label_y: float = 0.0
    findings: tuple[Finding, ...] = ()
    # The line's corners: from the payer's box to the label's left edge, and from its right edge to the box
    # of the party paid, leaving and arriving level, and level past the boxes of the columns it skips.
    before: tuple[tuple[float, float], ...] = ()
    after: tuple[tuple[float, float], ...] = ()

    @property
    def words(self) -> str:
        """What the link says, in one phrase: "£4,800,000 a year · paid in 30 days · 40% of losses passed on"."""
        return " · ".join(part for part in (self.money, self.risk) if part)

    @property
    def lines(self) -> tuple[str, ...]:
        """The label's lines: the title, the money, the risk, and a few words per finding."""
        return tuple(line for line in (self.title, self.money, self.risk) if line) + tuple(
            f"⚠ {finding_words(f)}" for f in self.findings)

    @property
    def severity(self) -> Severity | None:
        """The worst of its findings, if it has any."""
        return _worst(self.findings)


@dataclass(frozen=True)
class MoneyMap:
    """The laid-out map: every node and link, and the size of the drawing."""

    nodes: tuple[MapNode, ...]
    links: tuple[MapLink, ...]
    width: float
    height: float
    by_key: dict[str, MapNode] = field(default_factory=dict, compare=False, repr=False)  # each node by its key


class _Fields(TypedDict):
    """A node's fields before it has a place: a party's, or a hub's (which opens its agreement)."""

    lines: tuple[str, ...]
    width: float
    height: float
    party_id: NotRequired[int | None]
    agreement_id: NotRequired[int]
    findings: NotRequired[tuple[Finding, ...]]


def _worst(findings: Iterable[Finding]) -> Severity | None:
    severities = {f.severity for f in findings}
    return Severity.ERROR if Severity.ERROR in severities else (Severity.WARNING if severities else None)


def label_height(lines: int) -> float:
    """The estimated height of a label of so many lines, with its padding."""
    return lines * LINE + 8


def lay_out(network: Iterable[NetworkNode], findings: Iterable[Finding] = ()) -> MoneyMap:
    """Lay out the contract network as a money map, each finding drawn on its agreement's link or hub."""
    agreements = sorted(network, key=lambda n: n.id)
    concerning: dict[int, list[Finding]] = {}
    for finding in findings:
        concerning.setdefault(finding.agreement_id, []).append(finding)
    nodes: dict[str, _Fields] = {}  # key -> the node's fields, before it has a place
    links: list[MapLink] = []
    for node in agreements:
        found = tuple(concerning.get(node.id, ()))
        payers, payees = payers_and_payees(node)
        for signatory in payers + payees:
            party = signatory.party
            nodes.setdefault(f"party:{party.id}", {"lines": (party.name, party.type.label), "party_id": party.id,
                                                   "width": NODE_WIDTH, "height": NODE_HEIGHT})
        money = " · ".join(value_words(node))
        if len(payers) == 1 and len(payees) == 1:
            links.append(MapLink(node.id, f"party:{payers[0].party.id}", f"party:{payees[0].party.id}",
                                 node.agreement.title, money, passed_on_words(node, payees[0]), findings=found))
            continue
        hub = f"agreement:{node.id}"
        nodes[hub] = {"lines": (node.agreement.title, money, risk_summary(node)), "agreement_id": node.id,
                      "width": HUB_WIDTH, "height": HUB_HEIGHT, "findings": found}
        links += [MapLink(node.id, f"party:{p.party.id}", hub, "", "", payer_words(node, p)) for p in payers]
        links += [MapLink(node.id, hub, f"party:{p.party.id}", "", "", member_words(node, p))
                  for p in payees]
    return _place(nodes, links)


def _layers(keys: list[str], links: list[MapLink]) -> dict[str, int]:
    """Each node's column: one further right than the furthest node linking into it (a cycle stops growing)."""
    layer = dict.fromkeys(keys, 0)
    for _ in range(len(keys)):
        moved = False
        for link in links:
            if link.source != link.target and layer[link.target] <= layer[link.source]:
                layer[link.target] = layer[link.source] + 1
                moved = True
        if not moved:
            break
    return layer


def _place(fields: dict[str, _Fields], links: list[MapLink]) -> MoneyMap:
    keys = list(fields)
    layer = _layers(keys, links)
    columns: list[list[str]] = [[] for _ in range(max(layer.values(), default=-1) + 1)]
    for key in keys:
        columns[layer[key]].append(key)
    successors: dict[str, list[str]] = {k: [] for k in keys}
    predecessors: dict[str, list[str]] = {k: [] for k in keys}
    for link in links:
        successors[link.source].append(link.target)
        predecessors[link.target].append(link.source)
    # Order each column by where its payers are (fewer crossings), then place right to left: the
    # right-most column packed, each node further left centred on those it pays.
    first = {k: i for i, k in enumerate(keys)}  # the order the agreements name them in
    index: dict[str, float] = {}
    for column in columns:
        column.sort(key=lambda k: (_mean([index[p] for p in predecessors[k] if p in index], first[k]), first[k]))
        index.update((k, i) for i, k in enumerate(column))
    y: dict[str, float] = {}
    for column in reversed(columns):
        wanted = {k: _mean([y[s] for s in successors[k] if s in y], index[k] * ROW) for k in column}
        y.update(_spread(sorted(column, key=lambda k: (wanted[k], index[k])), wanted, ROW))
    nodes = {k: MapNode(k, f["lines"], layer[k] * COLUMN, y[k], f["width"], f["height"], f.get("party_id"),
                        f.get("agreement_id"), f.get("findings", ())) for k, f in fields.items()}
    placed = _label_places(nodes, links, layer)
    return _framed(nodes, _routed(nodes, placed, layer, columns))


def _routed(nodes: dict[str, MapNode], links: list[MapLink], layer: dict[str, int],
            columns: list[list[str]]) -> list[MapLink]:
    """Each link's corners: level out of its payer's column and into its payee's, and, where it skips a
    column, level through the lanes that take it past that column's boxes and the labels on its way."""
    boxes = {n: _column([(nodes[k].x, nodes[k].width, nodes[k].y - nodes[k].height / 2,
                          nodes[k].y + nodes[k].height / 2 + (LINE if nodes[k].findings else 0)) for k in keys])
             for n, keys in enumerate(columns) if keys}
    in_gap: dict[int, list[MapLink]] = {}  # gap n lies between columns n and n + 1
    for link in links:
        if layer[link.target] > layer[link.source]:
            in_gap.setdefault(layer[link.target] - 1, []).append(link)
    labels = {n: _column([(k.label_x, LABEL_WIDTH, k.label_y - label_height(len(k.lines)) / 2,
                           k.label_y + label_height(len(k.lines)) / 2) for k in gap]) for n, gap in in_gap.items()}
    routed = []
    for link in links:
        first, last = layer[link.source], layer[link.target] - 1
        if last < first:  # a link back to the left (a cycle): drawn straight
            routed.append(link)
            continue
        start, end = nodes[link.source], nodes[link.target]
        # Leave level to the edge of the payer's column and arrive level from the edge of the payee's, so the
        # slanted part of the line stays in the gap, clear of the other boxes of either column.
        leave = (boxes[first].x + boxes[first].half_width, start.y)
        arrive = (boxes[last + 1].x - boxes[last + 1].half_width, end.y)
        crossed = [boxes[n] for n in range(first + 1, last + 1) if n in boxes]
        crossed += [labels[n] for n in range(first, last) if n in labels]
        label = (link.label_x - LABEL_WIDTH / 2, link.label_y)
        before = ((start.x + start.width / 2, start.y), leave, *lane_points(leave, label, crossed), label)
        after = ((link.label_x + LABEL_WIDTH / 2, link.label_y), arrive, (end.x - end.width / 2, end.y))
        routed.append(replace(link, before=before, after=after))
    return routed


def _column(boxes: list[tuple[float, float, float, float]]) -> Column:
    """A column of boxes given as (centre x, width, top, bottom)."""
    left = min(x - width / 2 for x, width, _, _ in boxes)
    right = max(x + width / 2 for x, width, _, _ in boxes)
    spans = tuple((top, bottom) for _, _, top, bottom in boxes)
    return Column((left + right) / 2, (right - left) / 2 + CLEARANCE, spans)


def _mean(values: list[float], otherwise: float) -> float:
    return sum(values) / len(values) if values else otherwise


def _spread(ordered: list[_Key], wanted: dict[_Key, float], gap: float | dict[_Key, float]) -> dict[_Key, float]:
    """Positions as near the wanted ones as keeps ``gap`` between neighbours, in the given order."""
    placed: dict[_Key, float] = {}
    previous: _Key | None = None
    for key in ordered:
        if previous is None:
            placed[key] = wanted[key]
        else:
            room = gap if isinstance(gap, float | int) else (gap[previous] + gap[key]) / 2
            placed[key] = max(wanted[key], placed[previous] + room)
        previous = key
    if placed:  # pushing only downwards drifts the group: shift it back by the mean drift
        drift = sum(placed[k] - wanted[k] for k in ordered) / len(ordered)
        placed = {k: v - drift for k, v in placed.items()}
    return placed


def _label_places(nodes: dict[str, MapNode], links: list[MapLink], layer: dict[str, int]) -> list[MapLink]:
    """Each label on its line, just left of the column it flows into, pushed apart from its neighbours."""
    widest: dict[int, float] = {}
    for node in nodes.values():
        widest[layer[node.key]] = max(widest.get(layer[node.key], 0), node.width)
    wanted: dict[int, float] = {}
    xs: dict[int, float] = {}
    gaps: dict[int, list[int]] = {}
    for n, link in enumerate(links):
        start, end = nodes[link.source], nodes[link.target]
        if layer[link.target] > layer[link.source]:  # clear of the widest box of the column it flows into
            x = end.x - widest[layer[link.target]] / 2 - 28 - LABEL_WIDTH / 2
        else:  # a link back to the left (a cycle in the network): the middle of the line
            x = (start.x + end.x) / 2
        t = 0.5 if end.x == start.x else (x - start.x) / (end.x - start.x)
        xs[n], wanted[n] = x, start.y + t * (end.y - start.y)
        gaps.setdefault(round(x), []).append(n)
    heights = {n: label_height(len(link.lines)) + 6 for n, link in enumerate(links)}
    placed: dict[int, float] = {}
    for members in gaps.values():
        placed.update(_spread(sorted(members, key=lambda n: (wanted[n], n)), wanted, heights))
    return [replace(link, label_x=xs[n], label_y=placed[n]) for n, link in enumerate(links)]


def _framed(nodes: dict[str, MapNode], links: list[MapLink]) -> MoneyMap:
    """Move everything so the drawing starts at the margin, and measure it."""
    if not nodes:
        return MoneyMap((), (), 2 * MARGIN, 2 * MARGIN)
    left = min([n.x - n.width / 2 for n in nodes.values()] + [k.label_x - LABEL_WIDTH / 2 for k in links])
    top = min([n.y - n.height / 2 for n in nodes.values()]
              + [k.label_y - label_height(len(k.lines)) / 2 for k in links])
    right = max([n.x + n.width / 2 for n in nodes.values()] + [k.label_x + LABEL_WIDTH / 2 for k in links])
    bottom = max([n.y + n.height / 2 for n in nodes.values()]
                 + [k.label_y + label_height(len(k.lines)) / 2 for k in links])
    dx, dy = MARGIN - left, MARGIN - top
    moved = {k: replace(n, x=n.x + dx, y=n.y + dy) for k, n in nodes.items()}
    shifted = tuple(replace(k, label_x=k.label_x + dx, label_y=k.label_y + dy,
                            before=tuple((x + dx, y + dy) for x, y in k.before),
                            after=tuple((x + dx, y + dy) for x, y in k.after)) for k in links)
    return MoneyMap(tuple(moved.values()), shifted, right - left + 2 * MARGIN, bottom - top + 2 * MARGIN, moved)
