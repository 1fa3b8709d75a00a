"""Who made each change of a redline.

The redline itself is the comparison of the round with the target, so that accepting every change
gives the target and rejecting every change gives the round. Between the two lie layers: each
proposal accepted since the round, each recorded direct edit, each open proposal shown. A layer
says, for every unit of the layout it touched (a heading, a section's body, a schedule cell), what
the unit reads afterwards. Following each character of a unit through the layers' word diffs tells
which layer inserted the words the redline shows inserted and which layer deleted the words it shows
deleted, so that every change goes under the party whose layer made it, even when several parties
changed the same section. A unit no layer explains (the round label) goes to the fallback.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from negotiator.domain.diff import Op, word_diff
from negotiator.domain.document import Revision

Part = tuple[Op, str, Revision | None]  # a stretch of a compared text: kept, or changed by a revision


@dataclass(frozen=True)
class Layer:
    """One step from the round towards the target: the revision that made it, what each unit it
    touched reads afterwards (``None``: the unit is gone), and the units it moved elsewhere."""

    revision: Revision
    texts: Mapping[str, str | None]
    moved: frozenset[str] = field(default_factory=frozenset)


class Authorship:
    """The revision behind each change of a redline, found by following the units through the layers.

    ``fallback`` gives the revision for a change no layer explains (called with the unit's key).
    """

    def __init__(self, layers: Sequence[Layer], fallback: Callable[[str], Revision]) -> None:
        self.layers = list(layers)
        self.fallback = fallback
        self._history: dict[str, list[int]] = {}
        self._movers: dict[str, list[int]] = {}
        self._last_move: int | None = None
        for index, layer in enumerate(self.layers):
            for key in layer.texts:
                self._history.setdefault(key, []).append(index)
            for key in layer.moved:
                self._movers.setdefault(key, []).append(index)
                self._last_move = index

    def revision(self, index: int | None, key: str) -> Revision:
        """The revision of a layer by its index; the fallback's for ``None`` or an index past the layers."""
        return self.layers[index].revision if index is not None and index < len(self.layers) else self.fallback(key)

    def unit(self, key: str, base: str, target: str, *, follow: bool = False) -> UnitBlame:
        """Who changed what in a unit that the base and the target both show; ``follow`` traces every
        character even when one layer alone changed the unit (to tell its words from the base's)."""
        return UnitBlame(self, key, base, target, follow)

    def appeared(self, key: str) -> Revision:
        """The revision of a unit the target shows and the base does not: the layer it last appeared in."""
        return self.revision(self._presence_change(key, from_present=False), key)

    def disappeared(self, key: str) -> Revision:
        """The revision of a unit the base shows and the target does not: the layer it last went in."""
        return self.revision(self._presence_change(key, from_present=True), key)

    def moved(self, key: str) -> Revision:
        """The revision of a unit that both show but in another place: the layer that last moved it,
        else the layer that last moved anything (moving one section shifts its neighbours), else the
        layer that last changed it."""
        movers, history = self._movers.get(key), self._history.get(key)
        index = movers[-1] if movers else self._last_move
        if index is None and history:
            index = history[-1]
        return self.revision(index, key)

    def steps(self, key: str) -> list[tuple[int, str | None]]:
        """Each layer that touched a unit, in order, with what the unit read afterwards."""
        return [(index, self.layers[index].texts[key]) for index in self._history.get(key, ())]

    def _presence_change(self, key: str, from_present: bool) -> int | None:
        present, found = from_present, None
        for index, text in self.steps(key):
            now = text is not None
            if present == from_present and now != from_present:
                found = index
            present = now
        return found


class UnitBlame:
    """One unit followed from the base text to the target text through the layers that touched it.

    For each character of the base, the layer that deleted it (or ``None``: it survives); for each
    character of the target, the layer that inserted it (or ``None``: it comes from the base).
    """

    def __init__(self, authorship: Authorship, key: str, base: str, target: str, follow: bool = False) -> None:
        self.authorship, self.key = authorship, key
        steps: list[tuple[int | None, str]] = []
        text = base
        for index, after in authorship.steps(key):
            after = after or ""
            if after != text:
                steps.append((index, after))
                text = after
        if text != target:  # the layers do not reach the target: the rest is unexplained
            steps.append((None, target))
        self.default = steps[-1][0] if steps else None
        self.single = len({index for index, _ in steps}) <= 1 and not follow
        self.deleted_by: list[int | None] = [None] * len(base)
        self.inserted_by: list[int | None] = [None] * len(target)
        if not self.single:
            self._follow(base, steps)

    def _follow(self, base: str, steps: list[tuple[int | None, str]]) -> None:
        # origin >= 0: the base character at that index; origin < 0: inserted by layer ~origin. The
        # unexplained rest (layer None) is numbered after every layer, which revision() reads as the fallback.
        unexplained = len(self.authorship.layers)
        origin = list(range(len(base)))
        deleted: list[int | None] = [None] * len(base)
        text = base
        for index, after in steps:
            number = unexplained if index is None else index
            kept: list[int] = []
            position = 0
            for segment in word_diff(text, after):
                size = len(segment.text)
                if segment.op is Op.EQUAL:
                    kept += origin[position:position + size]
                    position += size
                elif segment.op is Op.DELETE:
                    for character in origin[position:position + size]:
                        if character >= 0:
                            deleted[character] = number
                    position += size
                else:
                    kept += [~number] * size
            origin, text = kept, after
        self.deleted_by = deleted
        self.inserted_by = [~character if character < 0 else None for character in origin]

    def parts(self, base_at: int, before: str, target_at: int, after: str) -> list[Part]:
        """The word diff of a stretch of the base (starting at ``base_at``) and the stretch of the
        target that replaces it (at ``target_at``), each change under the layer that made it."""
        out: list[Part] = []
        for segment in word_diff(before, after):
            size = len(segment.text)
            if segment.op is Op.EQUAL:
                out.append((Op.EQUAL, segment.text, None))
                base_at, target_at = base_at + size, target_at + size
            elif segment.op is Op.DELETE:
                out += self._split(segment.op, segment.text, base_at, self.deleted_by)
                base_at += size
            else:
                out += self._split(segment.op, segment.text, target_at, self.inserted_by)
                target_at += size
        return out

    def owned(self, op: Op, text: str, at: int, rest: Revision) -> list[Part]:
        """A stretch of the base (``op`` DELETE) or of the target (INSERT) shown changed as a whole,
        cut by the layer that deleted or inserted each word; words the layers kept go to ``rest``."""
        owners = (self.deleted_by if op is Op.DELETE else self.inserted_by)[at:at + len(text)]
        out: list[Part] = []
        start = 0
        for k in range(1, len(text) + 1):
            if k == len(text) or owners[k] != owners[start]:
                owner = owners[start]
                out.append((op, text[start:k], rest if owner is None else self.authorship.revision(owner, self.key)))
                start = k
        return out

    def deleted(self, start: int, end: int) -> Revision:
        """The revision of a base paragraph (characters ``start:end``) gone as a whole: the layer
        that took out the last of its words."""
        found = [n for n in self.deleted_by[start:end] if n is not None] if not self.single else []
        return self.authorship.revision(max(found) if found else self.default, self.key)

    def inserted(self, start: int, end: int) -> Revision:
        """The revision of a target paragraph (characters ``start:end``) new as a whole: the first
        layer whose words it shows."""
        found = [n for n in self.inserted_by[start:end] if n is not None] if not self.single else []
        return self.authorship.revision(min(found) if found else self.default, self.key)

    def _split(self, op: Op, text: str, at: int, owners: list[int | None]) -> list[Part]:
        """One changed stretch cut where the layer that made it changes. A character the layers left
        alone but the final comparison shows changed (the two line the texts up differently) goes
        with its neighbours."""
        found = owners[at:at + len(text)] if not self.single else []
        first = next((n for n in found if n is not None), None)
        if first is None:
            return [(op, text, self.authorship.revision(self.default, self.key))]
        previous = first
        for k, number in enumerate(found):
            if number is None:
                found[k] = previous
            else:
                previous = number
        out: list[Part] = []
        start = 0
        for k in range(1, len(text) + 1):
            if k == len(text) or found[k] != found[start]:
                out.append((op, text[start:k], self.authorship.revision(found[start], self.key)))
                start = k
        return out
