"""Backups of a library file: a rolling backup when the app opens it, one on request, and restoring one.

Every call here works on the library's file, not on an open unit of work, so it can run in a
background thread while the window goes on reading the library, and a restore can run while no
library is open at all. Only SQLite library files have backups; a database server keeps its own.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from negotiator.domain.errors import InvalidInput, LibraryUnusable
from negotiator.storage import backups
from negotiator.storage.inspection import inspect_sqlite_file

log = logging.getLogger(__name__)

KEEP = backups.KEEP
# What a listing counts in each backup, so the user can tell them apart.
_COUNTED = ("clause", "agreement", "proposal")


@dataclass(frozen=True)
class BackupSummary:
    """One rolling backup as the user sees it: when, how big, and roughly what it holds."""

    path: Path
    taken_at: datetime  # UTC
    size: int  # bytes
    clauses: int | None  # None when the backup cannot be read (restoring it is refused)
    agreements: int | None
    proposals: int | None


class BackupService:
    """Backups of the library at ``location`` (a file path; a database URL has none)."""

    def __init__(self, location: str | Path) -> None:
        self.location = str(location)

    @property
    def library_file(self) -> Path:
        """The library's file; a database server's library is refused with a plain message."""
        if "://" in self.location:
            raise InvalidInput(
                f"The library {self.location} is on a database server: Negotiator backs up library files "
                "only. Use the database server's own backups (for PostgreSQL, pg_dump) for a shared library."
            )
        return Path(self.location)

    @property
    def folder(self) -> Path:
        """Where the rolling backups are kept: ``NAME.backups`` beside the library file."""
        return backups.backup_folder(self.library_file)

    def backup_now(self, to: Path | None = None) -> Path:
        """Back up the library now: to ``to`` if given, else as a new rolling backup (the oldest beyond
        ten are then deleted). Returns where the backup is."""
        library = self._existing_library()
        if to is None:
            return backups.take_backup(library)
        to = to.expanduser().resolve()
        if to == library:
            raise InvalidInput("A backup cannot be written over the library itself; choose another file name.")
        if to.is_dir():
            raise InvalidInput(f"{to} is a folder; name the backup file to write (for example backup.sqlite).")
        if not to.parent.is_dir():
            raise InvalidInput(f"Cannot write the backup to {to}: the folder {to.parent} does not exist.")
        backups.copy_library(library, to)
        return to

    def rolling_backup(self) -> Path | None:
        """The backup taken when a library is opened; None when it was skipped.

        Skipped for a database server's library, a library with no file yet, and a library that has
        not changed since its newest backup: opening the app ten times without changing anything
        must not push ten different older states out of the kept ten.
        """
        if "://" in self.location:
            return None
        library = Path(self.location)
        if not library.is_file() or library.stat().st_size == 0:
            return None
        if backups.unchanged_since_last_backup(library):
            log.info("no rolling backup of %s: unchanged since the last one", library)
            return None
        taken = backups.take_backup(library)
        log.info("rolling backup of %s taken: %s", library, taken)
        return taken

    def backups(self) -> list[BackupSummary]:
        """The rolling backups kept, newest first, with what each holds."""
        summaries = []
        for found in backups.list_backups(self.library_file):
            counts = backups.count_rows(found.path, _COUNTED)
            summaries.append(BackupSummary(found.path, found.taken_at, found.size, counts["clause"],
                                           counts["agreement"], counts["proposal"]))
        return summaries

    def check_restorable(self, source: Path) -> None:
        """Refuse, in plain words, a file that is not a sound library this version of the app can use."""
        library = self.library_file
        source = source.expanduser().resolve()
        unchanged = f"Nothing was restored; the library {library.name} is unchanged."
        if not source.is_file():
            raise InvalidInput(f"There is no file {source}. {unchanged}")
        if source == library:
            raise InvalidInput(f"{source.name} is the library itself, not a backup of it. {unchanged}")
        try:
            state = inspect_sqlite_file(source)
            if state.revision is None:
                raise LibraryUnusable(f"{source} is not a Negotiator library: it is empty.")
            state.refuse_if_newer(str(source))
        except LibraryUnusable as error:
            # The opening advice ("choose a new file name to start a new library") does not fit here.
            reason = str(error).split(" Choose a library file")[0].split(" Update Negotiator to open it")[0]
            raise LibraryUnusable(f"{reason} {unchanged}") from None
        problem = backups.integrity_problem(source)
        if problem is not None:
            raise LibraryUnusable(f"{source} is damaged ({problem}). {unchanged}")

    def restore(self, source: Path) -> Path | None:
        """Replace the library with the library file ``source``, after keeping a backup of it as it is.

        The file is checked first and refused, with the library untouched, when it is not a sound
        library this version of the app can open (an older one is upgraded when next opened). Close
        the library first; reopen it afterwards. Returns the safety backup of the replaced library
        (None when there was no library file to replace: restoring then recreates it).
        """
        source = source.expanduser().resolve()
        self.check_restorable(source)
        library = self.library_file
        if not library.parent.is_dir():
            raise InvalidInput(f"Cannot restore to {library}: the folder {library.parent} does not exist.")
        safety = None
        if library.is_file() and library.stat().st_size > 0:
            inspect_sqlite_file(library)  # never overwrite a file that is not a library
            # Not pruned yet: the file being restored may be the oldest kept backup.
            safety = backups.take_backup(library, keep=None)
        backups.restore_into(library, source)
        backups.prune(library)
        log.info("restored %s from %s; the replaced library was kept as %s", library, source, safety)
        return safety

    def _existing_library(self) -> Path:
        library = self.library_file
        if not library.is_file() or library.stat().st_size == 0:
            raise InvalidInput(f"There is no library at {library} to back up yet.")
        inspect_sqlite_file(library)  # a file that is not a library is refused in plain words
        return library


def library_location(target: str | None) -> str:
    """Where the library named on the command line (or the user's own) is: its file, else its URL."""
    if not target:
        from negotiator.locations import default_library_path

        return str(default_library_path())
    if "://" in target:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(target)
        except ArgumentError:
            return target
        if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
            return url.render_as_string(hide_password=True)
        target = url.database
    return str(Path(target).expanduser().resolve())
