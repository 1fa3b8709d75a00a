"""Moves in a returned file: Word writes a move as a ``w:moveFrom`` half and a ``w:moveTo`` half, each
inside a range (``w:moveFromRangeStart``/``w:moveToRangeStart``) whose shared ``w:name`` joins them.
The importer takes the halves as a deletion and an insertion; the report names the move once, from
where to where."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from negotiator.domain.returned import ReportedChange
from negotiator.word.ooxml import w

ID, NAME = w("id"), w("name")
MOVE_STARTS = {w("moveFromRangeStart"): "from", w("moveToRangeStart"): "to"}
MOVE_ENDS = (w("moveFromRangeEnd"), w("moveToRangeEnd"))
RANGES = (*MOVE_STARTS, *MOVE_ENDS)

Place = tuple[str | None, str | None]  # (anchor, after) of a paragraph


@dataclass
class _Move:
    """Both halves of one move."""

    author: str
    words: dict[str, list[str]] = field(default_factory=lambda: {"from": [], "to": []})
    places: dict[str, Place] = field(default_factory=dict)  # side: where it is


class Moves:
    """The moves of one document, gathered while its body is walked."""

    def __init__(self) -> None:
        self.moves: dict[str, _Move] = {}
        self.open: dict[str, tuple[str, str]] = {}  # range id: (side, name)
        self.last: dict[str, str] = {}  # side: the name of the range of that side opened last

    def range(self, element: etree._Element) -> None:
        """A move's range opens (naming the move) or closes."""
        if element.tag in MOVE_STARTS:
            side, name = MOVE_STARTS[element.tag], element.get(NAME, "")
            self.open[element.get(ID, "")] = (side, name)
            if name:
                self.last[side] = name
        else:
            self.open.pop(element.get(ID, ""), None)

    def name(self, element: etree._Element) -> tuple[str, str]:
        """The name of the move a ``w:moveFrom``/``w:moveTo`` belongs to, and its side ("from" or "to"): the open
        range of its side; a moved paragraph mark may come just after its range closed, so failing that
        the range of its side read last; a half outside any named range is a move of its own."""
        side = "from" if element.tag == w("moveFrom") else "to"
        names = [name for kind, name in self.open.values() if kind == side and name]
        return names[-1] if names else self.last.get(side) or f"#{element.get(ID, '')}#{id(element)}", side

    def add(self, name: str, side: str, author: str, words: str, place: Place) -> None:
        """A half's words, at the paragraph it is in."""
        move = self.moves.setdefault(name, _Move(author))
        move.words[side].append(words)
        move.places.setdefault(side, place)

    def reported(self) -> list[ReportedChange]:
        """Each move once: its words, where they were and where they went."""
        found = []
        for move in self.moves.values():
            text = "".join(move.words["to"]) or "".join(move.words["from"])
            start, end = move.places.get("from"), move.places.get("to")
            anchor, after = start or end or (None, None)
            found.append(ReportedChange("move", move.author, text, anchor, after, destination=end if start else None))
        return found
