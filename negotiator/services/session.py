"""Opening the library the user asked for: the services over it, and the seeding of a new
default library with the starter clauses and the demo negotiation."""

from __future__ import annotations

import getpass
import os
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from negotiator.domain.errors import InvalidInput
from negotiator.domain.library_file import read_library_file
from negotiator.locations import default_library_path, starter_library_file
from negotiator.services.acting import Acting, remember_party, remembered_party
from negotiator.services.agreements import AgreementService
from negotiator.services.library import LibraryService
from negotiator.storage.database import open_library

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from negotiator.services.backups import BackupService
    from negotiator.services.comparison import ComparisonService
    from negotiator.services.export import ExportService
    from negotiator.services.negotiation import NegotiationService
    from negotiator.services.outline import OutlineService
    from negotiator.services.packages import PackageService
    from negotiator.services.positions_matrix import PositionsService
    from negotiator.services.record import RecordService
    from negotiator.services.remarks import RemarksService
    from negotiator.services.returned import ReturnedService
    from negotiator.services.rounds import RoundService
    from negotiator.services.scenarios import ScenarioService
    from negotiator.services.trust import TrustService


def default_author() -> str:
    """Who edits the clause library (never an agreement: those are changed in a party's name): the
    NEGOTIATOR_AUTHOR variable or the login name."""
    try:
        return os.environ.get("NEGOTIATOR_AUTHOR") or getpass.getuser()
    except (KeyError, OSError):  # no login name, e.g. in a container
        return "Negotiator user"


@dataclass
class Workspace:
    """Every service over one open library."""

    clauses: LibraryService
    agreements: AgreementService
    acting: Acting

    def act_as(self, name: str, *, remember: bool = True) -> str:
        """Act for a party of this library (named exactly, by name or short name); remembered for the
        library, so that the next command or window acts for it too. Returns the party's full name."""
        party = self.agreements.find_party(name)
        self.acting.party = party.name
        if remember:
            remember_party(self.location, party.name)
        return party.name

    def act_as_remembered(self) -> str | None:
        """Act for the party remembered for this library, if it is still one of its parties."""
        name = remembered_party(self.location)
        if name is None:
            return None
        try:
            return self.act_as(name, remember=False)
        except InvalidInput:
            return None

    @property
    def location(self) -> str:
        """Where the library lives."""
        return self.clauses.location

    @property
    def schema_revision(self) -> str:
        """The schema revision the open library's database is at, as it says (opening upgrades it to the
        newest this version knows, so it differs only if another program changed it since)."""
        return self.clauses.library.schema_revision() or "none"

    # The services below are built once, on first use, and their modules load then too: opening a library
    # needs only the three above. Each holds no state of its own beyond the library and the acting party,
    # so one of each serves the workspace for its lifetime.

    @cached_property
    def outline(self) -> OutlineService:
        """An agreement's outline: its sections, their wording and their places."""
        from negotiator.services.outline import OutlineService

        return OutlineService(self.clauses.library, self.acting)

    @cached_property
    def negotiation(self) -> NegotiationService:
        """Proposing, deciding and countering, in the acting party's name."""
        from negotiator.services.negotiation import NegotiationService

        return NegotiationService(self.clauses.library, self.acting)

    @cached_property
    def rounds(self) -> RoundService:
        """Issuing rounds of an agreement and what each round held."""
        from negotiator.services.rounds import RoundService

        return RoundService(self.clauses.library, self.acting)

    @cached_property
    def export(self) -> ExportService:
        """Word documents of an agreement: clean, redlined, or the target."""
        from negotiator.services.export import ExportService

        return ExportService(self.clauses.library, self.acting)

    @cached_property
    def packages(self) -> PackageService:
        """Negotiation packages between libraries: export, preview and import."""
        from negotiator.services.packages import PackageService

        return PackageService(self.clauses.library, self.acting)

    @cached_property
    def returned(self) -> ReturnedService:
        """Word files the other parties send back, read and imported."""
        from negotiator.services.returned import ReturnedService

        return ReturnedService(self.clauses.library, self.acting)

    @cached_property
    def matrix(self) -> PositionsService:
        """The positions matrix: where each party stands on every item under negotiation."""
        from negotiator.services.positions_matrix import PositionsService

        return PositionsService(self.clauses.library, self.acting)

    @cached_property
    def comparison(self) -> ComparisonService:
        """Texts to compare a section's wording with, and term values as the wording says them."""
        from negotiator.services.comparison import ComparisonService

        return ComparisonService(self.clauses.library)

    @cached_property
    def record(self) -> RecordService:
        """The negotiation record, to read as evidence."""
        from negotiator.services.record import RecordService

        return RecordService(self.clauses.library)

    @cached_property
    def remarks(self) -> RemarksService:
        """The parties' remarks and their positions on each other's proposals."""
        from negotiator.services.remarks import RemarksService

        return RemarksService(self.clauses.library, self.acting)

    @cached_property
    def scenarios(self) -> ScenarioService:
        """Risk-share scenarios: the current terms beside open term proposals, in pounds."""
        from negotiator.services.scenarios import ScenarioService

        return ScenarioService(self.clauses.library)

    @cached_property
    def trust(self) -> TrustService:
        """This library's fingerprint and the keys of the libraries it trusts."""
        from negotiator.services.trust import TrustService

        return TrustService(self.clauses.library)

    @cached_property
    def backups(self) -> BackupService:
        """Backups of this library's file (a library on a database server has none)."""
        from negotiator.services.backups import BackupService

        return BackupService(self.location)

    def create_demo(self) -> list[str]:
        """Add the demo negotiation (its clauses come from the starter library)."""
        # The starter file's order is the order a drafter would put the clauses in.
        keys = [c.key for c in read_library_file(starter_library_file()).clauses]
        acting = self.acting.party
        try:
            from negotiator.services.demo import create_demo
            from negotiator.services.demo_rounds import negotiate_demo

            titles = create_demo(self, keys)
            negotiate_demo(self)
        finally:
            self.acting.party = acting  # the demo acts for its own parties, then hands back
        return titles

    def seed_demo(self) -> list[str]:
        """Add the demo negotiation, first bringing in the starter library when this library has no
        clauses yet (the demo's sections are the starter library's clauses); its agreements' titles."""
        if not self.clauses.clauses():
            self.clauses.import_file(starter_library_file())
        return self.create_demo()

    def library_unit(self) -> AbstractContextManager[Session]:
        """One transaction around several service calls (they join it): all or nothing."""
        return self.clauses.library.unit_of_work(write=True)

    def close(self) -> None:
        """Close the library."""
        self.clauses.close()


def open_workspace(target: str | Path, author: str) -> Workspace:
    """Open a library by path or URL and build the services over it. ``author`` names who edits the
    clause library; agreements are changed only in the name of the party chosen with :meth:`Workspace.act_as`."""
    library = open_library(target)
    acting = Acting(library.location)
    return Workspace(LibraryService(library, author), AgreementService(library, acting), acting)


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
            workspace.seed_demo()
        except BaseException:
            workspace.close()
            raise
    return workspace
