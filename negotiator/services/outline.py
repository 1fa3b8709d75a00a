"""Use cases for an agreement's outline: sections from library clauses, edited, moved, indented,
re-pinned to newer library versions, and rendered with the agreement's terms."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from negotiator.domain.clauses import MAX_TEXT, MAX_TITLE, check_text
from negotiator.domain.diff import Segment, word_diff
from negotiator.domain.errors import InvalidInput
from negotiator.domain.outline import NumberedSection, Section, heading_for, number_outline
from negotiator.domain.placeholders import check_placeholders, render
from negotiator.domain.term_fields import is_term, render_term, term_names
from negotiator.services.acting import Acting
from negotiator.services.changes import direct_edit, record
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.clause_store import ClauseStore
from negotiator.storage.database import Library
from negotiator.storage.section_store import SectionStore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Repin:
    """What re-pinning a section to the newest library version would change."""

    section_id: int
    clause_key: str
    from_version: int
    to_version: int
    segments: list[Segment]


class OutlineService:
    """Sections of agreements in one open library. Changing the outline directly is drafting: allowed
    only before the first round, in the acting party's name, and recorded."""

    def __init__(self, library: Library, acting: Acting) -> None:
        self.library = library
        self.acting = acting

    def outline(self, agreement_id: int) -> list[NumberedSection]:
        """The numbered outline (1, 1.1, …) with each section's latest wording."""
        with self.library.unit_of_work() as session:
            return number_outline(SectionStore(session).outline(agreement_id))

    def places(self, agreement_id: int) -> dict[str, str]:
        """Each section as a reader names it, by its target ("section:ID" -> "5.1 Alliance Board")."""
        return {f"section:{n.section.id}": f"{n.number} {n.section.heading}" for n in self.outline(agreement_id)}

    def size(self, agreement_id: int) -> int:
        """How many sections the agreement has: a cheap look before loading a big one."""
        with self.library.unit_of_work() as session:
            return SectionStore(session).count(agreement_id)

    def rendered(self, agreement_id: int) -> list[tuple[NumberedSection, str]]:
        """Each numbered section with its placeholders filled in from the terms, in legal English."""
        with self.library.unit_of_work() as session:
            agreements = AgreementStore(session)
            agreement = agreements.get(agreement_id)
            sheet = agreements.terms(agreement_id)
            sections = number_outline(SectionStore(session).outline(agreement_id))
        parties = {s.party.saved_id: s.party for s in agreement.signatories}
        return [(n, render(n.section.text, lambda name: render_term(sheet, name, parties))) for n in sections]

    def add_from_library(self, agreement_id: int, clause_key: str, after: int | None = None) -> Section:
        """Add a section holding a library clause's latest version, after a section or at the end."""
        with self.library.unit_of_work(write=True) as session:
            _, party = direct_edit(session, agreement_id, self.acting)
            version = ClauseStore(session).version(clause_key)
            self._check_wording(session, agreement_id, version.text)
            parent, position = self._slot(session, agreement_id, after)
            made = SectionStore(session).add(agreement_id, parent, position, heading_for(version.title),
                                             version.text, clause_key, version.number, party.name, "From the library")
            return _recorded(session, agreement_id, party.name, "add section", made)

    def add_blank(self, agreement_id: int, heading: str, text: str, after: int | None = None) -> Section:
        """Add a section with wording of the agreement's own."""
        heading, text = _heading(heading), _wording(text)
        with self.library.unit_of_work(write=True) as session:
            _, party = direct_edit(session, agreement_id, self.acting)
            self._check_wording(session, agreement_id, text)
            parent, position = self._slot(session, agreement_id, after)
            made = SectionStore(session).add(agreement_id, parent, position, heading, text, None, None, party.name)
            return _recorded(session, agreement_id, party.name, "add section", made)

    def edit(self, section_id: int, text: str, heading: str | None = None, note: str = "",
             seen: int | None = None) -> Section:
        """Append a new version of a section's wording. ``seen`` is the version the user edited: if another
        user changed the section since, nothing is saved and the user is told."""
        text = _wording(text)
        with self.library.unit_of_work(write=True) as session:
            store = SectionStore(session)
            agreement_id = store.agreement_of(section_id)
            _, party = direct_edit(session, agreement_id, self.acting)
            current = store.get(section_id)
            if seen is not None and current.version != seen:
                raise InvalidInput(f"Someone else changed '{current.heading}' while you were editing it (it is now "
                                   f"version {current.version}), so your wording was not saved. Look at the wording "
                                   "as it is now and make your change again.", field="text")
            self._check_wording(session, agreement_id, text)
            new_heading = current.heading if heading is None else _heading(heading)
            if text == current.text and new_heading == current.heading:
                raise InvalidInput("The section's wording is unchanged, so no new version was made.")
            made = store.append(section_id, new_heading, text, current.clause_key, current.clause_version,
                                party.name, note)
            return _recorded(session, agreement_id, party.name, "edit wording", made, note)

    def remove(self, section_id: int, removed: bool = True) -> None:
        """Take a section out of the outline (kept in the history), or put it back."""
        with self._restructuring(section_id, "remove section" if removed else "restore section") as store:
            store.set_removed(section_id, removed)

    def move(self, section_id: int, delta: int) -> None:
        """Move a section up (-1) or down (+1) among its siblings."""
        with self._restructuring(section_id, "move section") as store:
            section = store.get(section_id)
            store.place(section_id, section.parent_id, section.position + delta)

    def indent(self, section_id: int) -> None:
        """Make a section the last sub-section of the section above it (1.2 becomes 1.1.1)."""
        with self._restructuring(section_id, "indent section") as store:
            section = store.get(section_id)
            agreement_id = store.agreement_of(section_id)
            siblings = store.siblings(agreement_id, section.parent_id)
            index = siblings.index(section_id)
            if index == 0:
                raise InvalidInput("The first section at a level cannot be indented: there is no section above it "
                                   "to sit under.")
            new_parent = siblings[index - 1]
            store.place(section_id, new_parent, len(store.siblings(agreement_id, new_parent)))

    def outdent(self, section_id: int) -> None:
        """Make a sub-section the next section after its parent (1.1.1 becomes 1.2)."""
        with self._restructuring(section_id, "outdent section") as store:
            section = store.get(section_id)
            if section.parent_id is None:
                raise InvalidInput("A top-level section cannot be outdented further.")
            parent = store.get(section.parent_id)
            store.place(section_id, parent.parent_id, parent.position + 1)

    def place(self, section_id: int, parent_id: int | None, position: int) -> None:
        """Put a section back at a known place in the outline (how moves are undone)."""
        with self._restructuring(section_id, "move section") as store:
            store.place(section_id, parent_id, position)

    def restore_version(self, section_id: int, number: int) -> Section:
        """Append a new version carrying an earlier version's heading, wording and library pin."""
        with self.library.unit_of_work(write=True) as session:
            store = SectionStore(session)
            agreement_id = store.agreement_of(section_id)
            _, party = direct_edit(session, agreement_id, self.acting)
            old = next((v for v in store.versions(section_id) if v.number == number), None)
            if old is None:
                raise InvalidInput(f"The section has no version {number}.")
            made = store.append(section_id, old.heading, old.text, old.clause_key, old.clause_version,
                                party.name, f"Restored version {number}")
            return _recorded(session, agreement_id, party.name, "edit wording", made, f"Restored version {number}")

    def section(self, section_id: int) -> Section:
        """One section as it stands."""
        with self.library.unit_of_work() as session:
            return SectionStore(session).get(section_id)

    def repin_preview(self, section_id: int) -> Repin:
        """The word-level change re-pinning would make, from the section's text to the newest library text."""
        with self.library.unit_of_work() as session:
            section = SectionStore(session).get(section_id)
            clause_key = _pinned_key(section)
            latest = ClauseStore(session).version(clause_key)
        if latest.number == section.clause_version:
            raise InvalidInput(f"The section already uses the newest library version ({latest.number}) of "
                               f"'{clause_key}'.")
        return Repin(section_id, clause_key, section.clause_version or 0, latest.number,
                     word_diff(section.text, latest.text))

    def repin(self, section_id: int, to_version: int) -> Section:
        """Take the library version seen in the preview as the section's new wording."""
        with self.library.unit_of_work(write=True) as session:
            store = SectionStore(session)
            agreement_id = store.agreement_of(section_id)
            _, party = direct_edit(session, agreement_id, self.acting)
            section = store.get(section_id)
            version = ClauseStore(session).version(_pinned_key(section), to_version)
            self._check_wording(session, agreement_id, version.text)
            note = f"Re-pinned to library version {version.number}"
            made = store.append(section_id, section.heading, version.text, section.clause_key, version.number,
                                party.name, note)  # the heading is the section's own, whatever the library's title
            return _recorded(session, agreement_id, party.name, "edit wording", made, note)

    @contextmanager
    def _restructuring(self, section_id: int, action: str) -> Iterator[SectionStore]:
        """A change to the outline's shape: checked, done, then recorded with the section's new place."""
        with self.library.unit_of_work(write=True) as session:
            store = SectionStore(session)
            agreement_id = store.agreement_of(section_id)
            _, party = direct_edit(session, agreement_id, self.acting)
            yield store
            section = store.get(section_id)
            record(session, agreement_id, party.name, action, f"section {section_id}",
                   {"section": section_id, "heading": section.heading, "parent": section.parent_id,
                    "position": section.position, "removed": store.is_removed(section_id)})

    def _slot(self, session: Session, agreement_id: int, after: int | None) -> tuple[int | None, int]:
        store = SectionStore(session)
        if after is None:
            return None, len(store.siblings(agreement_id, None))
        anchor = store.get(after)
        if store.agreement_of(after) != agreement_id:
            raise InvalidInput("That section belongs to another agreement.")
        return anchor.parent_id, anchor.position + 1

    def _check_wording(self, session: Session, agreement_id: int, text: str) -> None:
        agreement = AgreementStore(session).get(agreement_id)
        parties = {s.party.saved_id: s.party for s in agreement.signatories}
        check_placeholders(text, lambda name: is_term(name, parties), examples=term_names(parties))


def _recorded(session: Session, agreement_id: int, party: str, action: str, section: Section,
              note: str = "") -> Section:
    record(session, agreement_id, party, action, f"section {section.id}",
           {"section": section.id, "heading": section.heading, "version": section.version, "note": note})
    return section


def _pinned_key(section: Section) -> str:
    """The library clause a section was taken from; refused, saying why, for a section of its own wording."""
    if section.clause_key is None:
        raise InvalidInput("This section was not taken from the library, so it has nothing to re-pin to.")
    return section.clause_key


def _heading(heading: str) -> str:
    return check_text("heading", heading, limit=MAX_TITLE).strip()


def _wording(text: str) -> str:
    return check_text("text", text, limit=MAX_TEXT).strip("\n")
