"""Reading the negotiation record: an agreement's events, the check of the whole library against its
record (what `negotiator verify` and the History panel report), and the check of a document sent
earlier against the record as it stands now."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from negotiator.domain.errors import InvalidInput
from negotiator.domain.record import RecordEntry
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.chains import Verification, verify_library
from negotiator.storage.database import Library
from negotiator.storage.exchange_store import ExchangeStore
from negotiator.storage.negotiation_store import EventLog


@dataclass(frozen=True)
class AgreementRecord:
    """An agreement's events, oldest first, with what (if anything) is wrong with the library's record."""

    title: str
    entries: list[RecordEntry]
    problems: list[str]

    @property
    def intact(self) -> bool:
        """Whether every event still matches its hash and the library still matches its record."""
        return not self.problems


@dataclass(frozen=True)
class AnchorCheck:
    """Whether a document's anchor (the record's head when it was sent) is still in the record."""

    holds: bool
    message: str


class RecordService:
    """The hash-chained record of everything that decides an agreement, as evidence to read and check."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def of_agreement(self, agreement: int | str) -> AgreementRecord:
        """The record of one agreement's negotiation, with the check of the whole library."""
        with self.library.unit_of_work() as session:
            found = AgreementStore(session).find(str(agreement))
            entries = EventLog(session).of_agreement(found.saved_id)
            # The chain runs through every agreement's events, so the record is checked whole (the clause
            # library's hundred thousand versions and the file itself are left to `verify`).
            return AgreementRecord(found.title, entries, verify_library(session, whole=False).texts())

    def verify(self) -> Verification:
        """Check every hash chain, the rows against the record, and the database file itself."""
        with self.library.unit_of_work() as session:
            return verify_library(session)

    def check_against(self, path: Path) -> AnchorCheck:
        """Whether the record still holds the head a Word export (.docx) or a package (.negotiation) carries.

        A document sent earlier keeps the hash of the record's last event at the time; if the history was
        rewritten since, that event is gone from the chain, and the document proves it.
        """
        library, head = _anchor_of(Path(path))
        with self.library.unit_of_work() as session:
            ours = ExchangeStore(session).uid()
            if library == ours:
                number = EventLog(session).number_of(head)
                intact = not verify_library(session).texts("record")
                if number is None:
                    return AnchorCheck(False, f"{path.name} was made from this library, but its record no longer "
                                              "holds the point it was made at: the history has been rewritten since.")
                if not intact:
                    return AnchorCheck(False, f"{path.name} was made at event {number} of this library's record, "
                                              "which is still there, but the record has been changed since: run "
                                              "`negotiator verify` to see where.")
                return AnchorCheck(True, f"{path.name} was made at event {number} of this library's record, and "
                                         "the record still holds it unchanged.")
            seen = ExchangeStore(session).seen_events(library)
        if not seen:
            raise InvalidInput(f"{path.name} was made by another library ({library}) that this library has never "
                               "received a package from, so it cannot be checked here: check it against the library "
                               "that made it.", field="against")
        if head in seen.values():
            return AnchorCheck(True, f"{path.name} was made by another party's library; the record that library "
                                     "sent here still holds the point it was made at.")
        return AnchorCheck(False, f"{path.name} was made by another party's library at a point of its record that "
                                  "none of its packages received here holds: its history may have been rewritten, or "
                                  "the packages sent since have not arrived yet.")


def _anchor_of(path: Path) -> tuple[str, str]:
    """The library uid and record head a .docx export or a .negotiation package carries."""
    if not path.is_file():
        raise InvalidInput(f"There is no file {path}.", field="against")
    if path.suffix.lower() == ".docx":
        from negotiator.word.importer import read_returned

        info = read_returned(path).export_info or {}
        library, head = info.get("library"), info.get("record_head")
    elif path.suffix.lower() == ".negotiation":
        from negotiator.exchange.package_file import read_package

        package = read_package(path)
        library, head = package.sender_library, package.record_head
    else:
        raise InvalidInput(f"{path.name} is neither a Word export (.docx) nor a negotiation package (.negotiation).",
                           field="against")
    if not isinstance(library, str) or not isinstance(head, str) or not library or len(head) != 64:
        raise InvalidInput(f"{path.name} carries no anchor of a negotiation record (it was made by an older "
                           "version of Negotiator, or not by Negotiator), so it cannot be checked.", field="against")
    return library, head
