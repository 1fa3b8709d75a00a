"""What the network check reports: a finding, its severity, and the agreement-with-terms it looks at."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from negotiator.domain.agreement import Agreement
from negotiator.domain.terms import TermsSheet


class Severity(StrEnum):
    """How serious a finding is: an error must be fixed before signing."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One inconsistency in the network."""

    severity: Severity
    rule: str
    agreement_id: int
    other_id: int | None
    message: str


@dataclass(frozen=True)
class NetworkNode:
    """A saved agreement with its current terms."""

    agreement: Agreement
    terms: TermsSheet

    @property
    def id(self) -> int:
        """The agreement's id: a network is made of saved agreements, which have one."""
        if self.agreement.id is None:
            raise ValueError(f"'{self.agreement.title}' is not saved, so it is in no network yet.")
        return self.agreement.id
