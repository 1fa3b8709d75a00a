"""What a counterparty says in a returned file without changing the wording: a comment on text it did
not change is its remark on that section or term; accepting or rejecting another party's tracked
change is its position on that proposal (support or oppose). Word leaves no mark of who accepted or
rejected a change, so the position is the importing counterparty's: the one party the file's authors
act for, or the party named for edits made with tracking off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from negotiator.domain.export_anchors import SectionPlace, TermPlace, place_of
from negotiator.domain.merge import rebase
from negotiator.domain.parties import Party
from negotiator.domain.proposals import Proposal
from negotiator.domain.returned import ReturnedDocument, ReturnedParagraph
from negotiator.domain.term_words import term_label
from negotiator.services.returned_terms import WORKED_EXAMPLE, term_of_cell

if TYPE_CHECKING:
    from negotiator.services.returned import Plan


def remark_plans(document: ReturnedDocument, mapping: dict[str, str], ours: set[str], sections: dict[int, str],
                 located: dict[int, int], made: list[Plan], parties: dict[int, Party]) -> list[Plan]:
    """A remark for each comment of a counterparty's author on a section or term where that party
    proposes nothing (there, its comments are the proposal's rationale). ``sections`` names each
    section ("5.1 Alliance Board"), ``located`` gives the section of each paragraph by ``id()``."""
    from negotiator.services.returned import Plan

    plans = []
    for paragraph in document.paragraphs:
        for author, text in paragraph.comments:
            if author in ours or author not in mapping:
                continue
            party = mapping[author]
            target, label = _target(paragraph, located, sections, parties)
            if target is None:
                continue  # on the title page or the closing paragraphs: the report quotes it
            if any(p.party == party and (p.target == target or target in _terms_of(p)) for p in made):
                continue  # the rationale of that party's proposal here
            plans.append(Plan(party, "remark", target, f"remark on {label}", text, ""))
    return plans


def reply_plans(document: ReturnedDocument, mapping: dict[str, str], ours: set[str], sections: dict[int, str],
                proposals: dict[int, Proposal], parties: dict[int, Party]) -> list[Plan]:
    """A remark for each reply of a counterparty's author in a comment thread, on the section or term
    its thread is on; a reply to one of our comments (a proposal's rationale, or a competing proposal
    shown as a comment) answers that proposal."""
    from negotiator.services.returned import Plan

    said = (document.export_info or {}).get("comments")
    ours_said = [c for c in said if isinstance(c, dict)] if isinstance(said, list) else []
    plans = []
    for reply in document.replies:
        if reply.author in ours or reply.author not in mapping:
            continue  # one of our own names, or nobody's: the report quotes it
        answered = [c.get("proposal") for c in ours_said if c.get("author") == reply.parent_author
                    and str(c.get("text", "")).strip() == reply.parent_text.strip()]
        linked = [proposals[n] for n in answered if isinstance(n, int) and n in proposals]
        target, label = _place(reply.anchor, sections, parties)
        if target is None and linked:  # a thread on a paragraph the export did not mark: the proposal's place
            first = linked[0]
            target = first.target if first.section_id is not None else next(iter(sorted(first.targets)), None)
            label = sections.get(first.section_id or -1, term_label(target or "", parties))
        if target is None:
            continue
        here = [p for p in linked if target in p.targets] or linked
        answers = here[0].id if here else None
        what = f"reply on {label}" + (f" to proposal {answers}" if answers is not None else "")
        plans.append(Plan(mapping[reply.author], "remark", target, what, reply.text, "", answers=answers))
    return plans


def position_plans(document: ReturnedDocument, party: str | None, ours: set[str], proposals: dict[int, Proposal],
                   notes: list[str], labels: dict[int, str]) -> tuple[list[Plan], dict[str, str]]:
    """The positions the file shows on the open proposals the export showed as changes, and the anchors
    they explain, each with its text as the reader left it (so that they are not read as edits made with
    tracking off, and a change of the reader's own there is read against what it saw)."""
    from negotiator.services.returned import Plan

    exported = (document.export_info or {}).get("anchors", {})
    by_anchor = {p.anchor: p for p in document.paragraphs if p.anchor}
    plans: list[Plan] = []
    explained: dict[str, str] = {}
    # Where a change still shows, the reader has not decided it (a term shown in the wording and in the
    # schedule may be decided in one place only); where it no longer shows, it was accepted or rejected.
    decided: dict[str, list[tuple[int, str]]] = {}
    for number, texts in _shown(document):
        proposal = proposals.get(number)
        if proposal is None or any(by_anchor.get(anchor) is None for anchor in texts):
            continue  # a proposal not here, or paragraphs gone: whatever happened there is reported as edits
        for anchor, text in texts.items():
            if proposal.party_name not in by_anchor[anchor].authors:
                decided.setdefault(anchor, []).append((number, text))
    votes: dict[int, set[bool]] = {}
    for anchor, changes in decided.items():
        found = _decisions(exported.get(anchor), by_anchor[anchor].text_accepting(ours), changes)
        if found is None:
            continue  # edited otherwise: the edit is reported as such
        explained[anchor] = by_anchor[anchor].text_accepting(ours) or ""
        for number, accepted in found.items():
            votes.setdefault(number, set()).add(accepted)
    for number, kinds in sorted(votes.items()):
        if len(kinds) != 1:
            continue  # accepted in one place and rejected in another: no position to read
        proposal, supports = proposals[number], kinds.pop()
        what = f"{proposal.party_name}'s proposal {proposal.id} on {labels.get(proposal.id, proposal.target)}"
        done = "accepted" if supports else "rejected"
        if party is None:
            notes.append(f"The change of {what} was {done} in the file, but the file does not say by whom: say "
                         "which party with --untracked-as PARTY to record its position.")
        elif party == proposal.party_name:
            notes.append(f"{party} {done} its own change ({what}) in the file; "
                         + ("nothing to record." if supports else "withdraw the proposal in the app if it meant to."))
        elif not proposal.is_open:
            notes.append(f"{party} {done} the change of {what} in the file, but the proposal is already "
                         f"{proposal.status.value}; nothing was recorded.")
        else:
            plans.append(Plan(party, "position", f"proposal:{proposal.id}",
                              f"{'supports' if supports else 'opposes'} {what}",
                              "supports" if supports else "opposes", f"{done.capitalize()} in {document.name}."))
    return plans, explained


def _decisions(exported: object, now: str | None, changes: list[tuple[int, str]]) -> dict[int, bool] | None:
    """Which of the changes in one paragraph the reader accepted (True) or rejected (False), found by
    turning down each set of them in turn until the paragraph reads as it does now; None when none does.
    ``changes`` gives each proposal's number and the paragraph with that change alone rejected."""
    if not isinstance(exported, str) or now is None or len(changes) > 6:  # 64 readings at most
        return None
    for picked in range(2 ** len(changes)):
        rejected = [change for bit, change in enumerate(changes) if picked >> bit & 1]
        reading: str | None = exported
        for _, text in rejected:  # each change's own stretch, turned down on top of the others
            reading = rebase(exported, reading, text).text if reading is not None else None
        if reading == now:
            return {number: (number, text) not in rejected for number, text in changes}
    return None


def _shown(document: ReturnedDocument) -> list[tuple[int, dict[str, str]]]:
    """The changes the export recorded showing, by proposal: what each paragraph reads once the change is
    rejected. The record comes from the file, so anything malformed in it is passed over."""
    shown = (document.export_info or {}).get("changes")
    found = []
    for entry in shown if isinstance(shown, list) else ():
        texts = entry.get("anchors") if isinstance(entry, dict) else None
        if isinstance(entry, dict) and isinstance(entry.get("proposal"), int) and isinstance(texts, dict) and texts \
                and all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items()):
            found.append((entry["proposal"], texts))
    return found


def _place(anchor: str | None, sections: dict[int, str], parties: dict[int, Party]) -> tuple[str | None, str]:
    """The section or term an export anchor belongs to, and how a reader names it."""
    place = place_of(anchor)
    if isinstance(place, TermPlace):
        return _term(place, parties)
    if isinstance(place, SectionPlace) and place.section_id in sections:
        return f"section:{place.section_id}", sections[place.section_id]
    return None, ""


def _target(paragraph: ReturnedParagraph, located: dict[int, int], sections: dict[int, str],
            parties: dict[int, Party]) -> tuple[str | None, str]:
    """What a commented paragraph is part of: a section or a term of the schedule."""
    place = place_of(paragraph.anchor)
    if isinstance(place, TermPlace):
        return _term(place, parties)
    section = located.get(id(paragraph))
    if section is None or section not in sections:
        return None, ""
    return f"section:{section}", sections[section]


def _term(place: TermPlace, parties: dict[int, Party]) -> tuple[str | None, str]:
    """The term a schedule cell holds; none for a worked example's figure, which no term holds alone, so
    that a comment on it is quoted in the report instead of becoming a remark."""
    name, words = term_of_cell(place.cell, parties)
    return (None, "") if name == WORKED_EXAMPLE else (name, words)


def _terms_of(plan: Plan) -> set[str]:
    if plan.kind == "terms":
        from negotiator.domain.proposals import decode_terms

        return set(decode_terms(plan.proposed))
    return set()
