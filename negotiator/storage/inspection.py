"""What a file or database holds, found without writing to it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from negotiator.domain.errors import LibraryUnusable
from negotiator.storage import schema

SQLITE_HEADER = b"SQLite format 3\x00"
# The tables every Negotiator library has had since its first schema revision.
CORE_TABLES = {"clause", "clause_version"}


@dataclass(frozen=True)
class LibraryState:
    """A library's schema revision (None for a new, empty one)."""

    revision: str | None

    def refuse_if_newer(self, location: str) -> None:
        """Refuse a library written by a newer app, naming both revisions."""
        if self.revision is not None and self.revision not in schema.REVISIONS:
            raise LibraryUnusable(
                f"The library {location} was made by a newer version of Negotiator: its schema "
                f"revision is {self.revision}, and this version knows revisions up to "
                f"{schema.HEAD}. Update Negotiator to open it; the file was not changed."
            )


def inspect_sqlite_file(path: Path) -> LibraryState:
    """Read-only look at an SQLite file: new, a library at some revision, or not a library."""
    if not path.exists() or path.stat().st_size == 0:
        return LibraryState(None)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise LibraryUnusable(f"Cannot read {path}: {error.strerror or error}.") from None
    if header != SQLITE_HEADER:
        raise LibraryUnusable(
            f"{path} is not a Negotiator library: expected an SQLite library file, "
            "but this file is something else. Choose a library file, or a new file name to "
            "start a new library."
        )
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = revision[0] if revision else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise LibraryUnusable(
            f"{path} is not a usable Negotiator library: the database is damaged ({error})."
        ) from None
    return state_from_tables(str(path), tables, revision)


def state_from_tables(location: str, tables: set[str], revision: str | None) -> LibraryState:
    """Decide from the table names whether a database is ours, and at which revision."""
    if not tables:
        return LibraryState(None)
    if "alembic_version" not in tables or revision is None or not tables >= CORE_TABLES:
        shown = ", ".join(sorted(tables)[:5])
        raise LibraryUnusable(
            f"{location} is not a Negotiator library: it is a database of another application "
            f"(its tables are {shown}). Choose a library file, or a new file name to start a new library."
        )
    return LibraryState(revision)
