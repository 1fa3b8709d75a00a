"""Repository of library clauses: reads and appends versions, returning domain objects."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session, selectinload

from negotiator.domain.agreements import AgreementKind
from negotiator.domain.clauses import (
    Clause,
    ClauseDraft,
    ClauseVersion,
    format_time,
    parse_time,
    version_hash,
)
from negotiator.domain.errors import NotFound
from negotiator.storage.anchors import note_head
from negotiator.storage.models import ClauseKindRow, ClauseRow, ClauseVersionRow, LibraryEventRow

GENESIS = "0" * 64  # parent hash of every first version


class ClauseStore:
    """Clauses and their versions inside one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._fts = session.get_bind().dialect.name == "sqlite"

    # Reading -----------------------------------------------------------------------------

    def existing_keys(self, keys: list[str]) -> set[str]:
        """Which of these keys are already in the library."""
        found: set[str] = set()
        for start in range(0, len(keys), 500):  # stay under SQLite's variable limit
            chunk = keys[start:start + 500]
            found.update(self._session.scalars(select(ClauseRow.key).where(ClauseRow.key.in_(chunk))))
        return found

    def clause(self, key: str) -> Clause:
        """The clause with this key, or NotFound."""
        return _clause(self._row(key))

    def clauses(
        self, *, category: str | None = None, offset: int = 0, limit: int | None = None,
        include_retired: bool = False,
    ) -> list[Clause]:
        """Clauses ordered by category and title, for listing and the navigator."""
        query = select(ClauseRow).options(selectinload(ClauseRow.kinds))
        if category is not None:
            query = query.where(ClauseRow.category == category)
        if not include_retired:
            query = query.where(ClauseRow.retired.is_(False))
        query = query.order_by(ClauseRow.category, ClauseRow.title, ClauseRow.key)
        query = query.offset(offset).limit(limit)
        return [_clause(row) for row in self._session.scalars(query)]

    def titles(self, keys: set[str]) -> dict[str, str]:
        """The titles of the clauses with these keys (in one query, however big the library)."""
        if not keys:
            return {}
        query = select(ClauseRow.key, ClauseRow.title).where(ClauseRow.key.in_(sorted(keys)))
        return {key: title for key, title in self._session.execute(query)}

    def categories(self, *, include_retired: bool = False) -> list[tuple[str, int]]:
        """Each category with how many clauses it holds, alphabetically."""
        query = select(ClauseRow.category, func.count()).group_by(ClauseRow.category)
        if not include_retired:
            query = query.where(ClauseRow.retired.is_(False))
        return [(name, count) for name, count in self._session.execute(query.order_by(ClauseRow.category))]

    def versions(self, key: str) -> list[ClauseVersion]:
        """Every version of a clause, oldest first."""
        row = self._row(key)
        query = select(ClauseVersionRow).where(ClauseVersionRow.clause_id == row.id)
        return [_version(key, v) for v in self._session.scalars(query.order_by(ClauseVersionRow.number))]

    def version(self, key: str, number: int | None = None) -> ClauseVersion:
        """One version of a clause (the latest when no number is given)."""
        row = self._row(key)
        wanted = row.latest_number if number is None else number
        found = self._session.scalar(
            select(ClauseVersionRow).where(
                ClauseVersionRow.clause_id == row.id, ClauseVersionRow.number == wanted
            )
        )
        if found is None:
            raise NotFound(f"Clause '{key}' has no version {wanted}; its versions are 1 to {row.latest_number}.")
        return _version(key, found)

    def version_count(self) -> int:
        """How many clause versions the library holds."""
        return self._session.scalar(select(func.count()).select_from(ClauseVersionRow)) or 0

    def all_versions(self) -> list[ClauseVersion]:
        """Every version of every clause, grouped by clause in version order (for verifying)."""
        query = (
            select(ClauseRow.key, ClauseVersionRow)
            .join(ClauseVersionRow, ClauseVersionRow.clause_id == ClauseRow.id)
            .order_by(ClauseRow.key, ClauseVersionRow.number)
        )
        return [_version(key, row) for key, row in self._session.execute(query)]

    # Writing -----------------------------------------------------------------------------

    def add(self, draft: ClauseDraft, author: str, at: datetime) -> ClauseVersion:
        """Create a clause with its first version (the draft must already be validated)."""
        row = ClauseRow(key=draft.key, title=draft.title, category=draft.category, latest_number=0, retired=False)
        row.kinds = [ClauseKindRow(kind=k.value, position=i) for i, k in enumerate(draft.kinds)]
        self._session.add(row)
        self._session.flush()
        return self._append(row, draft.title, draft.text, author, at, draft.note, GENESIS)

    def append(self, key: str, title: str, body: str, author: str, at: datetime, note: str) -> ClauseVersion:
        """Append a new latest version to a clause."""
        row = self._row(key)
        parent = self.version(key)
        return self._append(row, title, body, author, at, note, parent.content_hash)

    def set_retired(self, key: str, retired: bool) -> Clause:
        """Retire a clause (hidden, never deleted) or bring it back."""
        row = self._row(key)
        row.retired = retired
        self._session.flush()
        if retired:
            self._unindex(row.id)
        else:
            self._index(row.id, row.title, self.version(key).text)
        return _clause(row)

    def record(self, at: datetime, actor: str, action: str, subject: str, detail: str = "") -> None:
        """Append an audit event."""
        event = LibraryEventRow(at=format_time(at), actor=actor, action=action, subject=subject, detail=detail)
        self._session.add(event)

    def _append(
        self, row: ClauseRow, title: str, body: str, author: str, at: datetime, note: str, parent_hash: str
    ) -> ClauseVersion:
        number = row.latest_number + 1
        digest = version_hash(row.key, number, parent_hash, title, body, author, at, note)
        version = ClauseVersionRow(
            clause_id=row.id, number=number, title=title, text=body, author=author,
            created_at=format_time(at), note=note, parent_hash=parent_hash, content_hash=digest,
        )
        self._session.add(version)
        note_head(self._session, f"clause:{row.id}", number, digest, author)
        self._session.execute(
            update(ClauseRow).where(ClauseRow.id == row.id).values(latest_number=number, title=title)
        )
        self._session.flush()
        self._session.expire(row, ["latest_number", "title"])
        if not row.retired:
            self._index(row.id, title, body)
        return _version(row.key, version)

    def _index(self, clause_id: int, title: str, body: str) -> None:
        if self._fts:
            self._unindex(clause_id)
            self._session.execute(
                text("INSERT INTO clause_search (rowid, title, body) VALUES (:id, :title, :body)"),
                {"id": clause_id, "title": title, "body": body},
            )

    def _unindex(self, clause_id: int) -> None:
        if self._fts:
            self._session.execute(text("DELETE FROM clause_search WHERE rowid = :id"), {"id": clause_id})

    def _row(self, key: str) -> ClauseRow:
        row = self._session.scalar(select(ClauseRow).where(ClauseRow.key == key))
        if row is None:
            raise NotFound(f"There is no clause with the key '{key}' in this library.")
        return row


def _clause(row: ClauseRow) -> Clause:
    return Clause(
        key=row.key, title=row.title, category=row.category,
        kinds=tuple(AgreementKind(k.kind) for k in row.kinds),
        latest_number=row.latest_number, retired=row.retired,
    )


def _version(key: str, row: ClauseVersionRow) -> ClauseVersion:
    return ClauseVersion(
        key=key, number=row.number, title=row.title, text=row.text, author=row.author,
        created_at=parse_time(row.created_at), note=row.note,
        parent_hash=row.parent_hash, content_hash=row.content_hash,
    )



