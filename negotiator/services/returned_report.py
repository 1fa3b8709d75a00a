"""Nothing a counterparty did in a returned file is dropped without a word: every paragraph with a
change or a comment of theirs that no planned proposal and no note already speaks for becomes a line
of the import report, saying where it is and quoting it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from negotiator.domain.returned import ReturnedDocument, ReturnedParagraph

if TYPE_CHECKING:
    from negotiator.services.returned import ReturnedImport

QUOTE = 80  # characters of a paragraph quoted in a line of the report


def unaccounted(document: ReturnedDocument, result: ReturnedImport, ours: set[str],
                groups: dict[int, list[ReturnedParagraph]], numbered: dict,
                decided: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """A line for each paragraph the import would otherwise pass over in silence. ``decided`` are the
    anchors where the reader accepted or rejected a change, which the import records as positions."""
    spoken = {id(p) for section_id, paragraphs in groups.items() for p in paragraphs
              if _spoken_for(section_id, numbered, result)}
    spoken |= _new_sections_spoken_for(document, result, numbered)
    exported = (document.export_info or {}).get("anchors", {})
    lines = []
    for paragraph in document.paragraphs:
        theirs = paragraph.authors - ours
        comments = [(author, text) for author, text in paragraph.comments if author not in ours]
        now = paragraph.text_accepting(ours)
        untracked = paragraph.anchor in exported and paragraph.anchor not in decided and now is not None \
            and now != exported[paragraph.anchor]
        remarked = {plan.proposed for plan in result.plans if plan.kind == "remark"}
        comments = [(author, text) for author, text in comments if text not in remarked]
        if (not theirs and not comments and not untracked) or id(paragraph) in spoken \
                or _term_spoken_for(paragraph, ours):
            continue
        where = _where(paragraph, numbered)
        if untracked and not theirs:
            lines.append(f"An edit made with tracking switched off {where} was not imported (\"{_quote(now)}\", "
                         f"where the export had \"{_quote(exported[paragraph.anchor])}\"): propose it in the app if "
                         "it matters.")
        if theirs:
            quoted = _quote(paragraph.text_accepting(ours | theirs) or paragraph.text_accepting(ours) or "")
            lines.append(f"A change by {', '.join(sorted(theirs))} {where} was not imported (\"{quoted}\"): the app "
                         "cannot make it a proposal there; propose it in the app if it matters.")
        for author, text in comments:
            lines.append(f"A comment by {author} {where}: \"{_quote(text)}\"; it changes nothing, so it is only "
                         "noted here.")
    return lines


def _spoken_for(section_id: int, numbered: dict, result: ReturnedImport) -> bool:
    """Whether a planned proposal, or a note, already speaks for the section's changes."""
    if any(plan.target == f"section:{section_id}" and plan.kind != "remark" for plan in result.plans):
        return True
    number, heading = numbered[section_id][0].number, numbered[section_id][0].section.heading
    return any(f"{number} {heading}" in note for note in result.notes)


def _new_sections_spoken_for(document: ReturnedDocument, result: ReturnedImport, numbered: dict) -> set[int]:
    """The paragraphs of each new clause a planned new section speaks for: its heading and body."""
    from negotiator.services.returned import _new_sections  # the plan's own reading of new clauses

    planned = {(plan.target, plan.heading) for plan in result.plans if plan.kind == "new_section"}
    spoken: set[int] = set()
    for after, heading, body in _new_sections(document):
        target = f"after:{after}" if after in numbered else "end"
        if (target, heading.text_accepting({heading.mark_author}) or "") in planned:
            spoken |= {id(p) for p in (heading, *body)}
    return spoken


def _term_spoken_for(paragraph: ReturnedParagraph, ours: set[str]) -> bool:
    """A schedule cell (or the risk corridor's line) with their tracked change: the terms step made it a
    proposal or a note already."""
    anchor = paragraph.anchor or ""
    return (anchor.startswith("term.") or anchor == "corridor") and bool(paragraph.authors - ours)


def _where(paragraph: ReturnedParagraph, numbered: dict) -> str:
    """Where a paragraph is, in the words of the agreement's outline."""
    key = paragraph.anchor or paragraph.after or ""
    if key.startswith("term."):
        return f"in the terms schedule ({key.removeprefix('term.')})"
    section = key.split(".")[0]
    if section[:1] == "s" and section[1:].isdigit() and int(section[1:]) in numbered:
        shown = numbered[int(section[1:])][0]
        place = "in the heading of" if paragraph.anchor == section else "in"
        if paragraph.anchor is None:
            place = "in a paragraph added after"
        return f"{place} {shown.number} {shown.section.heading}"
    return "outside every section (the title page, the schedule or the closing paragraphs)"


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE else flat[:QUOTE - 1] + "…"
