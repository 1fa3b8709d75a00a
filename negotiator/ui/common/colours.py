"""Party colours, the same in the proposals panel, the comparison view and the positions matrix."""

from __future__ import annotations

from PySide6.QtGui import QColor

# Distinct on light and dark backgrounds, and distinguishable for the commonest colour blindness.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")


def party_colour(party_id: int, party_ids: list[int]) -> str:
    """The colour of a party among the parties of one agreement (by their order)."""
    ordered = sorted(party_ids)
    index = ordered.index(party_id) if party_id in ordered else party_id
    return PALETTE[index % len(PALETTE)]


def qcolour(party_id: int, party_ids: list[int]) -> QColor:
    """The party colour as a QColor."""
    return QColor(party_colour(party_id, party_ids))
