"""The places of an exported agreement a comment can go: a section's heading, or the schedule line or row
that shows a term. Each is a typed anchor; in the Word file it is the paragraph's bookmark, named by
:func:`anchor_key` and read back by :func:`anchor_of`, the one pair that knows the names' form."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SectionAnchor:
    """A section's heading (``s12``)."""

    section_id: int


@dataclass(frozen=True)
class ShareAnchor:
    """A party's row of the risk share (``term.share.5``, on the row's last cell: the cap on its losses)."""

    party_id: int


@dataclass(frozen=True)
class ContributionAnchor:
    """A party's pooled-fund contribution row of the payment table (``term.contribution.5``)."""

    party_id: int


@dataclass(frozen=True)
class CorridorAnchor:
    """The risk corridor's line (``corridor``)."""


@dataclass(frozen=True)
class TermAnchor:
    """The schedule line or row of any other term, by the name the schedule shows it under
    (``term.payment.days``, ``term.duration.extensions``)."""

    name: str


Anchor = SectionAnchor | ShareAnchor | ContributionAnchor | CorridorAnchor | TermAnchor
CORRIDOR = CorridorAnchor()

_SECTION = re.compile(r"s(\d+)")
_PARTY_ROW = re.compile(r"term\.(share|contribution)\.(\d+)")


def anchor_key(anchor: Anchor) -> str:
    """The anchor's name in the Word file."""
    if isinstance(anchor, SectionAnchor):
        return f"s{anchor.section_id}"
    if isinstance(anchor, ShareAnchor):
        return f"term.share.{anchor.party_id}"
    if isinstance(anchor, ContributionAnchor):
        return f"term.contribution.{anchor.party_id}"
    if isinstance(anchor, CorridorAnchor):
        return "corridor"
    return f"term.{anchor.name}"


def anchor_of(key: str) -> Anchor | None:
    """The anchor a name in the Word file stands for, so that ``anchor_of(anchor_key(a)) == a``; None for
    a name no anchor has (a section's paragraph ``s12.p2``, a title line). Any other name under ``term.``
    (a figure's cell, ``term.share.5.gain``) reads as a term anchor of what follows."""
    if key == "corridor":
        return CORRIDOR
    if section := _SECTION.fullmatch(key):
        return SectionAnchor(int(section.group(1)))
    if row := _PARTY_ROW.fullmatch(key):
        party_id = int(row.group(2))
        return ShareAnchor(party_id) if row.group(1) == "share" else ContributionAnchor(party_id)
    if key.startswith("term.") and len(key) > len("term."):
        return TermAnchor(key.removeprefix("term."))
    return None
