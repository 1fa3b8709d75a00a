"""Opening the library the user asked for: the services over it, and the seeding of a new
default library with the starter clauses and the demo negotiation."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from negotiator.domain.library_file import read_library_file
from negotiator.locations import default_library_path, starter_library_file
from negotiator.services.agreements import AgreementService
from negotiator.services.backups import BackupService
from negotiator.services.demo import create_demo
from negotiator.services.demo_rounds import negotiate_demo
from negotiator.services.export import ExportService
from negotiator.services.library import LibraryService
from negotiator.services.negotiation import NegotiationService
from negotiator.services.outline import OutlineService
from negotiator.services.packages import PackageService
from negotiator.services.record import RecordService
from negotiator.services.returned import ReturnedService
from negotiator.services.rounds import RoundService
from negotiator.storage.database import open_library
from negotiator.storage.schema import HEAD as SCHEMA_HEAD


def default_author() -> str:
    """Who edits, until parties are chosen: the NEGOTIATOR_AUTHOR variable or the login name."""
    try:
        return os.environ.get("NEGOTIATOR_AUTHOR") or getpass.getuser()
    except (KeyError, OSError):  # no login name, e.g. in a container
        return "Negotiator user"


@dataclass
class Workspace:
    """Every service over one open library."""

    clauses: LibraryService
    agreements: AgreementService
    outline: OutlineService
    negotiation: NegotiationService
    rounds: RoundService
    export: ExportService
    packages: PackageService
    returned: ReturnedService

    @property
    def location(self) -> str:
        """Where the library lives."""
        return self.clauses.location

    @property
    def schema_revision(self) -> str:
        """The schema revision of the open library (always the newest: opening upgrades it)."""
        return SCHEMA_HEAD

    @property
    def record(self) -> RecordService:
        """The negotiation record, to read as evidence."""
        return RecordService(self.clauses.library)

    @property
    def backups(self) -> BackupService:
        """Backups of this library's file (a library on a database server has none)."""
        return BackupService(self.location)

    def create_demo(self) -> list[str]:
        """Add the demo negotiation (its clauses come from the starter library)."""
        # The starter file's order is the order a drafter would put the clauses in.
        keys = [c.key for c in read_library_file(starter_library_file()).clauses]
        titles = create_demo(self.agreements, self.outline, keys)
        negotiate_demo(self)
        return titles

    def library_unit(self) -> object:
        """One transaction around several service calls (they join it): all or nothing."""
        return self.clauses.library.unit_of_work(write=True)

    def close(self) -> None:
        """Close the library."""
        self.clauses.close()


def open_workspace(target: str | Path, author: str) -> Workspace:
    """Open a library by path or URL and build the services over it."""
    library = open_library(target)
    return Workspace(LibraryService(library, author), AgreementService(library, author),
                     OutlineService(library, author), NegotiationService(library, author),
                     RoundService(library, author), ExportService(library, author), PackageService(library, author),
                     ReturnedService(library, author))


def open_session(library: str | None, author: str | None = None, *, seed: bool | None = None) -> Workspace:
    """Open the named library, or the user's default one.

    A new library gets the starter clauses and the demo negotiation when ``seed`` is true; by
    default only the user's default library is seeded, so a library named on the command line
    starts empty.
    """
    target: str | Path = library if library else default_library_path()
    workspace = open_workspace(target, author or default_author())
    if workspace.clauses.is_new and (seed if seed is not None else library is None):
        try:
            workspace.clauses.import_file(starter_library_file())
            workspace.create_demo()
        except BaseException:
            workspace.close()
            raise
    return workspace
