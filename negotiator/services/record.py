"""Reading the negotiation record: an agreement's events, and whether the chain still holds."""

from __future__ import annotations

from dataclasses import dataclass

from negotiator.domain.record import RecordEntry
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.negotiation_store import EventLog


@dataclass(frozen=True)
class AgreementRecord:
    """An agreement's events, oldest first, with what (if anything) is wrong with the record."""

    title: str
    entries: list[RecordEntry]
    problems: list[str]

    @property
    def intact(self) -> bool:
        """Whether every event still matches its hash and its link to the one before."""
        return not self.problems


class RecordService:
    """The hash-chained record of proposals, decisions and rounds, as evidence to read."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def of_agreement(self, agreement: int | str) -> AgreementRecord:
        """The record of one agreement's negotiation, checked against the whole chain."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            log = EventLog(session)
            # The chain runs through every agreement's events, so it is checked whole.
            return AgreementRecord(found.title, log.of_agreement(found.id), log.problems())
