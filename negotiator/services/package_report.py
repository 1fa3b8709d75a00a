"""What importing a package did, or would do: counts and a report, one line per item.

Every refusal names the item and the rule that refused it, so that the receiving party can tell the
sender exactly what to correct; the same lines are shown in the app's review dialog and printed by
``package import --dry-run --json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

ADDED, CHANGED, REFUSED, CONFLICT = "added", "changed", "refused", "conflict"


class ReportLineData(TypedDict):
    """A report line as JSON-ready data."""

    kind: str
    item: str
    text: str


class ImportSummaryData(TypedDict):
    """An import summary as JSON-ready data (what ``package import --json`` prints)."""

    agreement: str
    added_parties: int
    added_sections: int
    added_rounds: int
    added_proposals: int
    updated_proposals: int
    added_events: int
    conflicts: list[str]
    lines: list[ReportLineData]


@dataclass(frozen=True)
class ReportLine:
    """One item of an import report: what happens to it (``kind``), which item, and why."""

    kind: str  # added, changed, refused or conflict
    item: str  # the item in words: "proposal 12 by GP Federation", "section 'Payment'"
    text: str  # the whole line in plain words, naming the rule where something is refused

    def to_data(self) -> ReportLineData:
        """The line as JSON-ready data."""
        return {"kind": self.kind, "item": self.item, "text": self.text}


@dataclass(frozen=True)
class ImportSummary:
    """What importing a package did (or, for a preview, would do)."""

    agreement: str
    added_parties: int
    added_sections: int
    added_rounds: int
    added_proposals: int
    updated_proposals: int
    lines: tuple[ReportLine, ...] = ()
    added_events: int = 0  # events of the parties' records, kept to check later packages and forward them

    @property
    def changed_anything(self) -> bool:
        """Whether the library changed."""
        return any((self.added_parties, self.added_sections, self.added_rounds, self.added_proposals,
                    self.updated_proposals, self.added_events))

    @property
    def conflicts(self) -> tuple[str, ...]:
        """Every line that needs a person's attention: refusals and conflicts."""
        return tuple(line.text for line in self.lines if line.kind in (REFUSED, CONFLICT))

    def of_kind(self, kind: str) -> tuple[str, ...]:
        """The lines of one kind (added, changed, refused or conflict), in words."""
        return tuple(line.text for line in self.lines if line.kind == kind)

    def to_data(self) -> ImportSummaryData:
        """The summary as JSON-ready data."""
        return {"agreement": self.agreement, "added_parties": self.added_parties,
                "added_sections": self.added_sections, "added_rounds": self.added_rounds,
                "added_proposals": self.added_proposals, "updated_proposals": self.updated_proposals,
                "added_events": self.added_events,
                "conflicts": list(self.conflicts), "lines": [line.to_data() for line in self.lines]}


@dataclass
class Report:
    """The lines of an import as it runs."""

    lines: list[ReportLine] = field(default_factory=list)

    def add(self, kind: str, item: str, text: str) -> None:
        """Add a line."""
        self.lines.append(ReportLine(kind, item, text))
