"""Rounds: issued drafts, frozen, that later comparisons and redlines measure from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from negotiator.domain.clauses import check_text
from negotiator.domain.errors import InvalidInput
from negotiator.domain.json_data import JsonObject

MAX_LABEL = 80


@dataclass(frozen=True)
class RoundSection:
    """A section as the round froze it."""

    section_id: int
    number: str
    heading: str
    text: str
    version: int


@dataclass(frozen=True)
class Round:
    """An issued draft of an agreement."""

    id: int
    agreement_id: int
    label: str
    issued_at: datetime
    issued_by: str
    sections: tuple[RoundSection, ...]
    terms: JsonObject  # the terms sheet as JSON-ready data (see terms_json)

    def section(self, section_id: int) -> RoundSection | None:
        """The section as the round froze it, if it was in the outline then."""
        return next((s for s in self.sections if s.section_id == section_id), None)


def check_label(label: str, existing: list[str]) -> str:
    """A round label must be given, short, and new for the agreement."""
    label = label.strip()
    if not label:
        raise InvalidInput("Give the round a label, such as 'Draft 3'.", field="label")
    if len(label) > MAX_LABEL:
        raise InvalidInput(f"A round label may be at most {MAX_LABEL} characters.", field="label")
    check_text("The round label", label, limit=MAX_LABEL)  # it heads every page of the Word export
    clash = next((e for e in existing if e.lower() == label.lower()), None)
    if clash is not None:
        raise InvalidInput(f"This agreement already has a round called '{clash}'; choose another label.",
                           field="label")
    return label
