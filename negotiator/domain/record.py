"""The negotiation record as a reader sees it: who did what to which proposal or round, and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# The record's actions in the words of the people who took them.
_DONE = {
    "propose": "Made", "accept": "Accepted", "reject": "Rejected", "withdraw": "Withdrew",
    "supersede": "Superseded", "reopen": "Reopened", "imported decision": "Recorded the decision on",
    "issue round": "Issued round", "withdraw round": "Withdrew round", "reissue round": "Reissued round",
    "create agreement": "Created", "delete agreement": "Removed (undoing its creation)", "rename": "Renamed to",
    "status": "Changed the status to", "parent": "Changed the", "join": "Added the party",
    "leave": "Removed the party", "role": "Changed the role of", "edit": "Edited the",
    "edit wording": "Edited the wording of", "add section": "Added", "remove section": "Removed",
    "restore section": "Restored", "move section": "Moved", "indent section": "Indented",
    "outdent section": "Outdented",
    "baseline": "Recorded the state at upgrade of", "anchor": "Anchored",
    "replay decisions": "Replayed the", "remark": "Remarked", "support": "Supported", "oppose": "Opposed",
}


@dataclass(frozen=True)
class RecordEntry:
    """One event of the hash-chained record of an agreement's negotiation."""

    number: int
    at: datetime
    actor: str
    action: str
    subject: str
    note: str = ""  # the rationale or summary given with it, when there is one

    @property
    def done(self) -> str:
        """The action in plain words ("Accepted", "Issued round")."""
        return _DONE.get(self.action, self.action.capitalize())

    @property
    def what(self) -> str:
        """The action and its subject as one line ("Accepted proposal 12", "Issued round Draft 2")."""
        return f"{self.done} {self.subject}".strip()
