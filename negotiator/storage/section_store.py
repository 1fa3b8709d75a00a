"""Repository of agreement sections: the outline is rearranged in place (and audited), the
wording is versioned append-only and hash-chained."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Protocol, TypeVar

from sqlalchemy import and_, func, insert, select
from sqlalchemy.orm import Session

from negotiator.domain.clauses import chain_hash, format_time, parse_time, utc_now
from negotiator.domain.errors import NotFound
from negotiator.domain.outline import Section, SectionVersion
from negotiator.storage.anchors import note_head
from negotiator.storage.clause_store import GENESIS
from negotiator.storage.models import SectionRow, SectionVersionRow

K = TypeVar("K", bound=Hashable)  # what the caller knows new sections by, before they have ids


class SectionFields(Protocol):
    """What a section version's hash is taken over: its row, or a plain row read for the check."""

    @property
    def section_id(self) -> int: ...
    @property
    def number(self) -> int: ...
    @property
    def parent_hash(self) -> str: ...
    @property
    def heading(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def clause_key(self) -> str | None: ...
    @property
    def clause_version(self) -> int | None: ...
    @property
    def author(self) -> str: ...
    @property
    def created_at(self) -> str: ...
    @property
    def note(self) -> str: ...


def section_hash(row: SectionFields) -> str:
    """The hash a section version should carry."""
    return chain_hash("section", row.section_id, row.number, row.parent_hash, row.heading, row.text,
                      row.clause_key, row.clause_version, row.author, row.created_at, row.note)


class SectionStore:
    """Sections of agreements inside one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def outline(self, agreement_id: int, *, include_removed: bool = False) -> list[Section]:
        """Every section of an agreement with its latest wording (in no particular order)."""
        # Plain columns rather than ORM objects: a 500-section agreement loads several times faster.
        s, v = SectionRow.__table__.c, SectionVersionRow.__table__.c
        query = (
            select(s.id, s.parent_id, s.position, v.heading, v.text, v.clause_key, v.clause_version, v.number)
            .join_from(SectionRow.__table__, SectionVersionRow.__table__,
                       and_(v.section_id == s.id, v.number == s.latest_number))
            .where(s.agreement_id == agreement_id)
        )
        if not include_removed:
            query = query.where(s.removed.is_(False))
        return [Section(*row) for row in self._session.execute(query)]

    def count(self, agreement_id: int) -> int:
        """How many sections an agreement has (removed ones aside)."""
        return self._session.scalar(select(func.count()).select_from(SectionRow).where(
            SectionRow.agreement_id == agreement_id, SectionRow.removed.is_(False))) or 0

    def get(self, section_id: int) -> Section:
        """One section with its latest wording."""
        row = self._row(section_id)
        return _section(row, self._version(row.id, row.latest_number))

    def is_removed(self, section_id: int) -> bool:
        """Whether a section has been taken out of the outline."""
        return self._row(section_id).removed

    def agreement_of(self, section_id: int) -> int:
        """The agreement a section belongs to."""
        return self._row(section_id).agreement_id

    def siblings(self, agreement_id: int, parent_id: int | None) -> list[int]:
        """The ids of the live sections under one parent, in order."""
        return [row.id for row in self._siblings(agreement_id, parent_id)]

    def _siblings(self, agreement_id: int, parent_id: int | None) -> list[SectionRow]:
        query = select(SectionRow).where(SectionRow.agreement_id == agreement_id,
                                         SectionRow.parent_id.is_(None) if parent_id is None
                                         else SectionRow.parent_id == parent_id,
                                         SectionRow.removed.is_(False))
        return list(self._session.scalars(query.order_by(SectionRow.position, SectionRow.id)))

    def add(self, agreement_id: int, parent_id: int | None, position: int, heading: str, text: str,
            clause_key: str | None, clause_version: int | None, author: str, note: str = "") -> Section:
        """Insert a section at a position among its siblings."""
        count = self._session.scalar(select(func.count()).select_from(SectionRow).where(
            SectionRow.agreement_id == agreement_id, SectionRow.removed.is_(False),
            SectionRow.parent_id.is_(None) if parent_id is None else SectionRow.parent_id == parent_id)) or 0
        row = SectionRow(agreement_id=agreement_id, parent_id=parent_id, position=min(position, count), removed=False,
                         latest_number=0)
        self._session.add(row)
        self._session.flush()
        if position < count:  # appending needs no renumbering, which matters when a package brings 1,000
            self.place(row.id, parent_id, position)
        self.append(row.id, heading, text, clause_key, clause_version, author, note)
        return self.get(row.id)

    def add_many(self, agreement_id: int, items: list[tuple[K, K | None, int, str, str]], author: str,
                 note: str) -> dict[K, int]:
        """Insert many new sections at once (an imported outline): ``items`` are (key, parent key or None,
        position, heading, text), parents before children; returns each key's new section id."""
        ids: dict[K, int] = {}
        at = format_time(utc_now())
        pending = list(items)
        while pending:  # one level of the outline at a time, so that parents have ids
            level = [item for item in pending if item[1] is None or item[1] in ids]
            if not level:
                raise ValueError("a section's parent is missing")
            # Plain inserts rather than ORM objects: a package brings a thousand sections at once.
            made = self._session.execute(
                insert(SectionRow).returning(SectionRow.id, sort_by_parameter_order=True),
                [{"agreement_id": agreement_id, "parent_id": None if parent is None else ids[parent],
                  "position": position, "removed": False, "latest_number": 1}
                 for _, parent, position, _, _ in level]).scalars().all()
            versions = []
            for section_id, (key, _, _, heading, text) in zip(made, level, strict=True):
                ids[key] = section_id
                digest = chain_hash("section", section_id, 1, GENESIS, heading, text, None, None, author, at, note)
                note_head(self._session, f"section:{section_id}", 1, digest, author)
                versions.append({"section_id": section_id, "number": 1, "heading": heading, "text": text,
                                 "clause_key": None, "clause_version": None, "author": author, "created_at": at,
                                 "note": note, "parent_hash": GENESIS, "content_hash": digest})
            self._session.execute(insert(SectionVersionRow), versions)
            done = {id(item) for item in level}
            pending = [item for item in pending if id(item) not in done]
        return ids

    def append(self, section_id: int, heading: str, text: str, clause_key: str | None,
               clause_version: int | None, author: str, note: str = "") -> Section:
        """Append a new version of a section's wording."""
        row = self._row(section_id)
        parent = self._version(row.id, row.latest_number).content_hash if row.latest_number else GENESIS
        version = SectionVersionRow(
            section_id=row.id, number=row.latest_number + 1, heading=heading, text=text, clause_key=clause_key,
            clause_version=clause_version, author=author, created_at=format_time(utc_now()), note=note,
            parent_hash=parent, content_hash="",
        )
        version.content_hash = section_hash(version)
        self._session.add(version)
        note_head(self._session, f"section:{row.id}", version.number, version.content_hash, author)
        row.latest_number = version.number
        self._session.flush()
        return _section(row, version)

    def place(self, section_id: int, parent_id: int | None, position: int) -> None:
        """Move a section under a parent at a position, renumbering the siblings 0, 1, 2, …"""
        row = self._row(section_id)
        old_parent = row.parent_id
        others = [s for s in self._siblings(row.agreement_id, parent_id) if s.id != row.id]
        position = max(0, min(position, len(others)))
        others.insert(position, row)
        row.parent_id = parent_id
        for index, sibling in enumerate(others):
            sibling.position = index
        if old_parent != parent_id:
            for index, sibling in enumerate(s for s in self._siblings(row.agreement_id, old_parent) if s.id != row.id):
                sibling.position = index
        self._session.flush()

    def arrange(self, agreement_id: int, layout: dict[int, tuple[int | None, int]]) -> None:
        """Lay the agreement's outline out afresh: the sections in ``layout`` live at their (parent,
        position), every other section taken out (how decisions are replayed from a round's outline)."""
        for row in self._session.scalars(select(SectionRow).where(SectionRow.agreement_id == agreement_id)):
            if row.id in layout:
                row.parent_id, row.position = layout[row.id]
            row.removed = row.id not in layout
        self._session.flush()

    def set_removed(self, section_id: int, removed: bool) -> None:
        """Take a section (and so its sub-sections) out of the outline, or put it back; never deleted."""
        row = self._row(section_id)
        row.removed = removed
        self._session.flush()
        if not removed:
            self.place(row.id, row.parent_id, row.position)

    def versions(self, section_id: int) -> list[SectionVersion]:
        """Every version of a section, oldest first."""
        query = select(SectionVersionRow).where(SectionVersionRow.section_id == section_id)
        return [_section_version(row) for row in self._session.scalars(query.order_by(SectionVersionRow.number))]

    def _version(self, section_id: int, number: int) -> SectionVersionRow:
        found = self._session.scalar(select(SectionVersionRow).where(
            SectionVersionRow.section_id == section_id, SectionVersionRow.number == number))
        if found is None:
            raise NotFound(f"Section {section_id} has no version {number}.")
        return found

    def _row(self, section_id: int) -> SectionRow:
        row = self._session.get(SectionRow, section_id)
        if row is None:
            raise NotFound(f"There is no section with id {section_id}.")
        return row


def _section(row: SectionRow, version: SectionVersionRow) -> Section:
    return Section(id=row.id, parent_id=row.parent_id, position=row.position, heading=version.heading,
                   text=version.text, clause_key=version.clause_key, clause_version=version.clause_version,
                   version=version.number)


def _section_version(row: SectionVersionRow) -> SectionVersion:
    return SectionVersion(section_id=row.section_id, number=row.number, heading=row.heading, text=row.text,
                          clause_key=row.clause_key, clause_version=row.clause_version, author=row.author,
                          created_at=parse_time(row.created_at), note=row.note)
