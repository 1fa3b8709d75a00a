"""Opening the library the user asked for, seeding a new default library with the starter clauses."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from negotiator.locations import default_library_path, starter_library_file
from negotiator.services.library import LibraryService


def default_author() -> str:
    """Who edits, until parties are chosen: the NEGOTIATOR_AUTHOR variable or the login name."""
    try:
        return os.environ.get("NEGOTIATOR_AUTHOR") or getpass.getuser()
    except (KeyError, OSError):  # no login name, e.g. in a container
        return "Negotiator user"


def open_session(library: str | None, author: str | None = None, *, seed: bool | None = None) -> LibraryService:
    """Open the named library, or the user's default one.

    A new library gets the starter clauses when ``seed`` is true; by default only the user's
    default library is seeded, so a library named on the command line starts empty.
    """
    target: str | Path = library if library else default_library_path()
    service = LibraryService.open(target, author or default_author())
    if service.is_new and (seed if seed is not None else library is None):
        try:
            service.import_file(starter_library_file())
        except BaseException:
            service.close()
            raise
    return service
