"""Competing wordings as drafters show them: the current wording, and each party's alternative in square
brackets just after the words it would replace ("within 10 [5][15] Working Days"). Each bracket is a
tracked insertion by its party in Word, so each party accepts or rejects its own alternative; the
current wording is never touched, so rejecting every change gives it back exactly."""

from __future__ import annotations

from dataclasses import dataclass, field

from negotiator.domain.diff import Op, word_diff

DELETE_MARK = "delete"  # what a bracket says where an alternative only takes words out


@dataclass
class Offers:
    """The alternatives bracketed into one wording so far: each an insertion at a place in the wording."""

    wording: str
    inserts: list[tuple[int, int, str]] = field(default_factory=list)  # (offset in wording, order, text)

    def offer(self, alternative: str) -> str:
        """Bracket one more alternative in; returns the wording with every alternative so far."""
        return self.place(brackets(self.wording, alternative))

    def place(self, found: list[tuple[int, str]]) -> str:
        """Add one more alternative's brackets, found elsewhere (offset in the wording, text); returns the
        wording with every alternative so far."""
        order = len({o for _, o, _ in self.inserts})
        self.inserts += [(offset, order, text) for offset, text in found]
        return self.text()

    def text(self) -> str:
        """The wording with the brackets, each alternative's after the words it replaces, in turn."""
        out, last, previous = [], 0, -1
        for offset, _, text in sorted(self.inserts):
            if offset == previous or (offset and self.wording[offset - 1].isspace()):
                text = text.lstrip() + (" " if offset != previous and text.startswith(" ") else "")
            out += [self.wording[last:offset], text]
            last, previous = offset, offset
        return "".join(out) + self.wording[last:]


def brackets(wording: str, alternative: str) -> list[tuple[int, str]]:
    """Where an alternative's brackets go in ``wording`` and what they say: after each stretch it changes,
    the words it would put there (or ``[delete]`` where it only takes words out)."""
    found: list[tuple[int, str]] = []
    offset, removed, added = 0, "", ""

    def close() -> None:
        if removed or added:
            said = " ".join(added.split()) or DELETE_MARK
            at = offset - (len(removed) - len(removed.rstrip()))  # right after the last word it replaces
            found.append((at, f" [{said}]" if removed.strip() or at else f"[{said}] "))

    for segment in word_diff(wording, alternative):
        if segment.op is Op.EQUAL:
            close()
            removed = added = ""
            offset += len(segment.text)
        elif segment.op is Op.DELETE:
            removed += segment.text
            offset += len(segment.text)
        else:
            added += segment.text
    close()
    return found
