"""Nothing a counterparty did in a returned file is dropped without a word: each tracked change,
comment, reply, formatting change, move, edit of the header or a footnote, and untracked difference
from what the export wrote, that no planned proposal and no note already speaks for, becomes one
line of the import report, saying where it is in the agreement's words and quoting it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from negotiator.domain.export_anchors import (
    CORRIDOR,
    ClosingLine,
    CorridorAnchor,
    ScheduleLine,
    SectionAnchor,
    SectionPlace,
    TermPlace,
    TitlePlace,
    anchor_key,
    place_of,
)
from negotiator.domain.returned import ReportedChange, ReturnedDocument, ReturnedParagraph
from negotiator.domain.term_words import TERM_LABELS
from negotiator.services.returned_terms import term_of_cell

if TYPE_CHECKING:
    from negotiator.domain.parties import Party
    from negotiator.services.returned import Numbered, ReturnedImport

QUOTE = 80  # characters of a paragraph quoted in a line of the report


def unaccounted(document: ReturnedDocument, result: ReturnedImport, ours: set[str],
                groups: dict[int, list[ReturnedParagraph]], numbered: Numbered,
                parties: dict[int, Party] | None = None, decided: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """A line for each change the import would otherwise pass over in silence; ``result`` holds the
    plans and notes made so far, which speak for what they cover. ``decided`` are the anchors where the
    reader accepted or rejected a change, which the import records as positions, not as edits."""
    places = Places(document, numbered, parties or {})
    section_of = {id(p): section_id for section_id, paragraphs in groups.items() for p in paragraphs}
    # A remark or a position changes nothing, so it speaks for no change in its section.
    planned = {plan.target for plan in result.plans if plan.kind not in ("remark", "position")}
    exported = (document.export_info or {}).get("anchors", {})
    exported = exported if isinstance(exported, dict) else {}
    lines: list[str] = []
    for paragraph in document.paragraphs:
        section = section_of.get(id(paragraph))
        label = places.section_label(section) if section is not None else None
        where = places.of(paragraph.anchor, paragraph.after)
        if label is not None and paragraph.anchor is None and paragraph.after is None:
            where = f"in {label}"  # a file the app did not write: placed by its heading
        in_plan = section is not None and f"section:{section}" in planned
        theirs = paragraph.authors - ours
        if theirs and not _tracked_spoken_for(paragraph, section, label, in_plan, result):
            quoted = quote(paragraph.text_accepting(ours | theirs) or paragraph.text_accepting(ours) or "")
            lines.append(f"A change by {', '.join(sorted(theirs))} {where} was not imported (\"{quoted}\"): the app "
                         "cannot make it a proposal there; propose it in the app if it matters.")
        now = paragraph.text_accepting(ours)
        before = exported.get(paragraph.anchor) if paragraph.anchor else None
        body = label is not None and section is not None and paragraph.anchor != anchor_key(SectionAnchor(section))
        if isinstance(before, str) and now is not None and now != before and not theirs \
                and paragraph.anchor not in decided \
                and not (body and (in_plan or any(f"{label} was edited with tracking" in n for n in result.notes))):
            lines.append(f"An edit made with tracking switched off {where} was not imported (\"{quote(now)}\", "
                         f"where the export had \"{quote(before)}\"): propose it in the app if it matters.")
        if exported and paragraph.anchor is None and not theirs and (paragraph.text_accepting(set()) or "").strip() \
                and _typed_untracked(paragraph.after):
            lines.append(f"A paragraph added with tracking switched off {places.of(paragraph.after, None)} was "
                         f"not imported (\"{quote(now or '')}\"): propose it in the app if it matters.")
        for author, text in paragraph.comments:
            if author not in ours and not _comment_spoken_for(text, section, result):
                lines.append(f"A comment by {author} {where}: \"{quote(text)}\"; it changes nothing, so it is only "
                             "noted here.")
    lines += _missing(document, exported, places)
    lines += [f"A reply by {reply.author} to {reply.parent_author or 'someone'}'s comment "
              f"\"{quote(reply.parent_text, 40)}\" "
              f"{places.of(reply.anchor, None) if reply.anchor else 'on a paragraph the export did not write'}: "
              f"\"{quote(reply.text)}\"; it changes nothing, so it is only noted here." for reply in document.replies
              if not _comment_spoken_for(reply.text, None, result)]
    lines += reported_lines(document.reported, places)
    return lines


def reported_lines(changes: tuple[ReportedChange, ...] | list[ReportedChange], places: Places) -> list[str]:
    """One line for each change the reader found but the app cannot import; identical ones (the same
    kind, author, place and words) are counted on one line, never merged away."""
    lines = Counter(_describe(change, places) for change in changes)
    return [line if count == 1 else f"{count} times: {line}" for line, count in lines.items()]


def _describe(change: ReportedChange, places: Places) -> str:
    where = places.of(change.anchor, change.after)
    quoted = f"\"{quote(change.text)}\"" if change.text.strip() else "an empty paragraph"
    by = change.author
    if change.story and not change.author:
        return (f"An edit made with tracking switched off in {change.story} was not imported: it reads {quoted}; "
                "the app imports only the body and the schedule.")
    if change.story:
        near = f" (its reference is {where})" if change.story in ("a footnote", "an endnote") and \
            (change.anchor or change.after) else ""
        return (f"A change by {by} in {change.story}{near} was not imported: {change.detail or 'changed'} "
                f"{quoted}; the app imports only the body and the schedule.")
    if change.kind == "move":
        # the words came from, or went to, a paragraph of their own or into one: either way, that section
        start = places.of(change.anchor or change.after, None).removeprefix("in ")
        end = change.destination
        to = f" to {places.of(end[0] or end[1], None).removeprefix('in ')}" if end else ""
        return (f"A move by {by} of {quoted} from {start}{to}: it is imported as a deletion and an insertion, not "
                "as a move.")
    what = {"format": "A formatting change", "paragraph format": "A paragraph formatting change",
            "table format": "A table formatting change", "table cells": "A table cell insertion, deletion or merge",
            "object": "A picture or object inserted or deleted",
            "textbox": "A change in a text box or drawing"}.get(change.kind, "A tracked change")
    if change.kind in ("join", "split"):
        what = "joined to the next paragraph" if change.kind == "join" else "split in two"
        return (f"A paragraph {what} by {by} {where} ({quoted}) was not imported: the app could not read it with "
                "the paragraph next to it, so it keeps the paragraphs as they were; propose it in the app if it "
                "matters.")
    if change.kind == "nested":
        return (f"A deletion by {by} of {quoted}, text inserted by {change.detail}, {where}: it is imported as "
                f"{by}'s deletion alone.")
    return f"{what} by {by} {where} ({quoted}): the app does not import it."


class Places:
    """Where something is, in the words of the agreement: its section's number and heading, the terms
    schedule and the term in words, the title page, the closing paragraphs."""

    def __init__(self, document: ReturnedDocument, numbered: Numbered, parties: dict[int, Party]) -> None:
        self.numbered = numbered
        self.parties = parties
        self.labels: dict[str, str] = {}  # a schedule cell's anchor: the label of its row, as the file shows it
        previous: ReturnedParagraph | None = None
        for paragraph in document.paragraphs:
            place = place_of(paragraph.anchor)
            if isinstance(place, TermPlace) and not isinstance(place, CorridorAnchor) and paragraph.anchor \
                    and previous is not None and previous.anchor is None:
                self.labels[paragraph.anchor] = (previous.text_accepting(set()) or "").strip()
            previous = paragraph

    def section_label(self, section_id: int | None) -> str | None:
        """'5.1 Alliance Board: meetings and quorum' for a section still in the outline."""
        if section_id is None or section_id not in self.numbered:
            return None
        shown = self.numbered[section_id][0]
        return f"{shown.number} {shown.section.heading}"

    def term(self, anchor: str, place: TermPlace) -> str:
        """The term a schedule cell holds, in words; ``anchor`` names ``place`` in the file."""
        name, words = term_of_cell(place.cell, self.parties)
        if name is None or words == name or name in TERM_LABELS:  # a row of the schedule: its label says it
            label = self.labels.get(anchor)
            words = f'the row "{label}"' if label else place.cell.replace("_", " ").replace(".", " ")
        return words

    def of(self, anchor: str | None, after: str | None) -> str:
        """'in 5.1 …', 'in the heading of 5.1 …', 'in a paragraph added after 5.1 …', 'on the title page',
        'in the terms schedule: the payment days', 'in the closing paragraphs'."""
        key = anchor or after or ""
        place = place_of(key)
        if isinstance(place, TermPlace):
            if anchor is None:
                return "in the terms schedule"
            return f"in the terms schedule: {self.term(key, place) if place != CORRIDOR else 'the risk corridor'}"
        if isinstance(place, ScheduleLine):
            return "in the terms schedule"
        if isinstance(place, TitlePlace):
            return "on the title page"
        if isinstance(place, ClosingLine):
            return "in the closing paragraphs"
        label = self.section_label(place.section_id) if isinstance(place, SectionPlace) else None
        if label is None:
            return "at the start of the document" if not key else f"outside every section (near {key})"
        if anchor is None:
            return f"in a paragraph added after {label}"
        return f"in the heading of {label}" if isinstance(place, SectionAnchor) else f"in {label}"


def _tracked_spoken_for(paragraph: ReturnedParagraph, section: int | None, label: str | None, in_plan: bool,
                        result: ReturnedImport) -> bool:
    """Whether a plan or a note already speaks for the paragraph's tracked changes: the terms step for a
    schedule cell, the heading note for a heading, the section's proposal for its body, a new
    section's proposal for a paragraph of it."""
    if isinstance(place_of(paragraph.anchor), TermPlace):
        return True
    if section is not None:
        if paragraph.anchor == anchor_key(SectionAnchor(section)):
            return any(note.startswith(f"A change to the heading of {label} ") for note in result.notes)
        return in_plan
    words = (paragraph.text_accepting({paragraph.mark_author}) or "").strip() if paragraph.mark == "insert" else ""
    return bool(words) and any(plan.kind == "new_section" and (words == plan.heading or words in plan.proposed)
                               for plan in result.plans)


def _comment_spoken_for(text: str, section: int | None, result: ReturnedImport) -> bool:
    """A comment carried by a plan: a remark made of it, or the rationale of its section's proposal."""
    for plan in result.plans:
        if plan.kind == "remark" and text in plan.proposed:
            return True
        if section is not None and plan.target == f"section:{section}" and text in plan.rationale:
            return True
    return False


def _typed_untracked(after: str | None) -> bool:
    """Whether a paragraph the export did not write, with no tracked change, was typed with tracking off:
    so where the export writes only marked paragraphs (the title page, sections, the closing words),
    not in a table, whose label cells the export leaves unmarked."""
    return isinstance(place_of(after), SectionPlace | TitlePlace | ClosingLine)


def _missing(document: ReturnedDocument, exported: Mapping[str, object], places: Places) -> list[str]:
    """Paragraphs the export wrote that are gone from the file: deleted with tracking switched off."""
    if not any(p.anchor for p in document.paragraphs):
        return []  # a file stripped of the export's marks: nothing can be matched by anchor
    present = {p.anchor for p in document.paragraphs}
    return [f"A paragraph {places.of(anchor, None)} was deleted with tracking switched off "
            f"(it read \"{quote(text)}\");"
            " the deletion was not imported: propose it in the app if it matters."
            for anchor, text in exported.items()
            if isinstance(text, str) and text.strip() and anchor not in present]


def quote(text: str, limit: int = QUOTE) -> str:
    """Words quoted in a line of the report: on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"
