"""An agreement's outline: ordered sections with parents, numbered 1, 1.1, 1.1.1 on the fly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Section:
    """One section of an agreement as it stands, with its latest wording."""

    id: int
    parent_id: int | None
    position: int
    heading: str
    text: str
    clause_key: str | None  # the library clause it was taken from, if any
    clause_version: int | None  # the library version it is pinned to
    version: int  # the section's own text version

    @property
    def stable_id(self) -> str:
        """Identifier used in JSON and, as the section's anchor, in exported Word documents."""
        # Imported here: the outline loads while the window starts, the export's names only when needed.
        from negotiator.domain.export_anchors import SectionAnchor, anchor_key

        return anchor_key(SectionAnchor(self.id))


@dataclass(frozen=True)
class SectionVersion:
    """One saved version of a section's heading and wording: who saved it, when and why."""

    section_id: int
    number: int
    heading: str
    text: str
    clause_key: str | None
    clause_version: int | None
    author: str
    created_at: datetime
    note: str


@dataclass(frozen=True)
class NumberedSection:
    """A section with its outline number and depth (0 for top level)."""

    number: str
    depth: int
    section: Section


def number_outline(sections: list[Section]) -> list[NumberedSection]:
    """Order sections depth-first by position and give each its legal number (1, 1.1, 1.1.1)."""
    children: dict[int | None, list[Section]] = {}
    for section in sections:
        children.setdefault(section.parent_id, []).append(section)
    for group in children.values():
        group.sort(key=lambda s: (s.position, s.id))
    out: list[NumberedSection] = []
    stack: list[tuple[Section, str, int]] = [
        (s, str(i), 0) for i, s in reversed(list(enumerate(children.get(None, []), start=1)))
    ]
    while stack:
        section, number, depth = stack.pop()
        out.append(NumberedSection(number, depth, section))
        kids = children.get(section.id, [])
        stack.extend((kid, f"{number}.{i}", depth + 1) for i, kid in reversed(list(enumerate(kids, start=1))))
    return out


def find_section(outline: list[NumberedSection], reference: str) -> NumberedSection | None:
    """The section a person means by ``reference``: its outline number as a lawyer reads it ("21", "5.1",
    "clause 5.1", "5.1."), or else its stable id ("s21"); None when no section answers to it."""
    wanted = reference.strip().lower().removeprefix("clause").removeprefix("section").strip().rstrip(".")
    for numbered in outline:  # a number first: "21" is clause 21, whatever section 21's id may be
        if wanted == numbered.number:
            return numbered
    return next((n for n in outline if wanted == n.section.stable_id), None)


# Library titles begin with the kind of agreement a clause is written for, so that the library reads
# well in a list; an agreement's own headings leave that out.
_LIBRARY_PREFIXES = ("Alliance: ", "Sub-contract: ", "MoU: ", "Prime contract: ", "Contract: ")


def heading_for(title: str) -> str:
    """The heading a section takes from a library clause's title, as an agreement words it: without
    the library's grouping prefix, and with a dash between subject and aspect read as a colon
    ("Alliance: dispute resolution - escalation" → "Dispute resolution: escalation"). From then on
    the section's heading is its own: re-pinning the clause or retitling it in the library leaves it."""
    heading = title.strip()
    for prefix in _LIBRARY_PREFIXES:
        if heading.startswith(prefix) and len(heading) > len(prefix):
            heading = heading[len(prefix):]
            break
    heading = heading.replace(" - ", ": ", 1)
    return heading[:1].upper() + heading[1:]
