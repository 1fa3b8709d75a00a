"""The clause library's use cases: import, browse, search, compare, edit, retire and verify."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from negotiator.domain.clauses import (
    MAX_TEXT,
    MAX_TITLE,
    Clause,
    ClauseVersion,
    check_clause_placeholders,
    check_text,
    utc_now,
)
from negotiator.domain.diff import Segment, word_diff
from negotiator.domain.errors import Cancelled, InvalidInput
from negotiator.domain.library_file import LibraryFile, read_library_file
from negotiator.domain.search import SearchHit, query_words
from negotiator.storage.clause_search import search_clauses
from negotiator.storage.clause_store import ClauseStore
from negotiator.storage.database import Library, open_library

SEARCH_LIMIT = 50


@dataclass(frozen=True)
class ImportReport:
    """What an import added."""

    source: str
    keys: tuple[str, ...]


class LibraryService:
    """The clause library of one open library file or database."""

    def __init__(self, library: Library, author: str) -> None:
        self.library = library
        self.author = author

    @classmethod
    def open(cls, target: str | Path, author: str) -> LibraryService:
        """Open a library by path or URL (creating or upgrading it if needed)."""
        return cls(open_library(target), author)

    @property
    def location(self) -> str:
        """Where the library lives, as shown to the user."""
        return self.library.location

    @property
    def is_new(self) -> bool:
        """Whether opening the library created it."""
        return self.library.created

    def close(self) -> None:
        """Close the library."""
        self.library.close()

    # Importing ---------------------------------------------------------------------------

    def import_file(self, path: Path, cancelled: Callable[[], bool] | None = None) -> ImportReport:
        """Import every clause of a library file, or none if anything is wrong (or the user cancels)."""
        return self.import_library(read_library_file(path), path.name, cancelled)

    def import_library(self, contents: LibraryFile, source: str,
                       cancelled: Callable[[], bool] | None = None) -> ImportReport:
        """Add validated clauses in one transaction; a key already in the library stops it all, and
        ``cancelled()`` saying yes before the commit rolls it all back."""
        keys = [draft.key for draft in contents.clauses]
        author = contents.author or self.author
        with self.library.unit_of_work(write=True) as session:
            store = ClauseStore(session)
            clashes = sorted(store.existing_keys(keys))
            if clashes:
                shown = ", ".join(f"'{k}'" for k in clashes[:5]) + (" …" if len(clashes) > 5 else "")
                raise InvalidInput(
                    f"{source}: {len(clashes)} clause key(s) are already in the library ({shown}); "
                    "nothing was imported. Give those clauses new keys, or edit the existing clauses."
                )
            at = utc_now()
            for draft in contents.clauses:
                store.add(draft, author, at)
            store.record(at, self.author, "import", source, f"{len(keys)} clauses")
            if cancelled is not None and cancelled():
                raise Cancelled(f"The import of {source} was cancelled; nothing was imported.")
        return ImportReport(source, tuple(keys))

    # Reading -----------------------------------------------------------------------------

    def categories(self) -> list[tuple[str, int]]:
        """Categories with their clause counts (retired clauses left out)."""
        with self.library.unit_of_work() as session:
            return ClauseStore(session).categories()

    def clauses(
        self, category: str | None = None, offset: int = 0, limit: int | None = None,
        include_retired: bool = False,
    ) -> list[Clause]:
        """Clauses ordered by category then title."""
        with self.library.unit_of_work() as session:
            return ClauseStore(session).clauses(
                category=category, offset=offset, limit=limit, include_retired=include_retired
            )

    def titles(self, keys: set[str]) -> dict[str, str]:
        """Each clause's title by key, for the clauses named (a reader is shown titles, never keys)."""
        with self.library.unit_of_work() as session:
            return ClauseStore(session).titles(keys)

    def clause(self, key: str) -> Clause:
        """One clause by key."""
        with self.library.unit_of_work() as session:
            return ClauseStore(session).clause(key)

    def version(self, key: str, number: int | None = None) -> ClauseVersion:
        """One version (the latest by default)."""
        with self.library.unit_of_work() as session:
            return ClauseStore(session).version(key, number)

    def history(self, key: str) -> list[ClauseVersion]:
        """Every version of a clause, oldest first."""
        with self.library.unit_of_work() as session:
            return ClauseStore(session).versions(key)

    def search(self, query: str, category: str | None = None, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        """Ranked search over the latest versions' titles and texts."""
        words = query_words(query)
        with self.library.unit_of_work() as session:
            return search_clauses(session, words, category or None, limit)

    def compare(self, key: str, first: int, second: int) -> list[Segment]:
        """Word-level comparison of two versions of a clause."""
        with self.library.unit_of_work() as session:
            store = ClauseStore(session)
            return word_diff(store.version(key, first).text, store.version(key, second).text)

    # Editing (append-only) ---------------------------------------------------------------

    def revise(self, key: str, text: str, note: str = "", title: str | None = None) -> ClauseVersion:
        """Append a new version with new wording (and optionally a new title)."""
        text = check_text("text", text, limit=MAX_TEXT).strip("\n")
        check_clause_placeholders(text)
        note = check_text("note", note, limit=MAX_TITLE * 5, required=False).strip()
        with self.library.unit_of_work(write=True) as session:
            store = ClauseStore(session)
            current = store.version(key)
            new_title = current.title if title is None else check_text("title", title, limit=MAX_TITLE).strip()
            if text == current.text and new_title == current.title:
                raise InvalidInput(f"The wording of '{key}' is unchanged, so no new version was made.")
            return store.append(key, new_title, text, self.author, utc_now(), note)

    def restore(self, key: str, number: int) -> ClauseVersion:
        """Append a new version carrying an old version's title and wording."""
        with self.library.unit_of_work(write=True) as session:
            store = ClauseStore(session)
            old = store.version(key, number)
            if store.version(key).text == old.text and store.version(key).title == old.title:
                raise InvalidInput(f"Version {number} of '{key}' is already the current wording.")
            return store.append(key, old.title, old.text, self.author, utc_now(), f"Restored version {number}")

    def set_retired(self, key: str, retired: bool) -> Clause:
        """Retire a clause (kept, hidden from lists and search) or reinstate it."""
        with self.library.unit_of_work(write=True) as session:
            store = ClauseStore(session)
            clause = store.set_retired(key, retired)
            store.record(utc_now(), self.author, "retire" if retired else "reinstate", key)
            return clause

    # Checking ----------------------------------------------------------------------------

    def verify(self) -> tuple[int, list[str]]:
        """Check the clause library: every version's hash chain and the head the record anchors, with the
        one check every caller uses; returns how many clause versions were checked and what is wrong."""
        from negotiator.storage.chains import verify_library

        with self.library.unit_of_work() as session:
            found = verify_library(session)
            count = ClauseStore(session).version_count()
        return count, found.texts("clause", "database")
