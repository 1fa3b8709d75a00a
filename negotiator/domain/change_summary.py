"""A proposal's change as a reader scans it in a list or a table: only the words that change, with a
few words either side for context ("within 10 → 5 Working Days"), never the whole clause."""

from __future__ import annotations

from collections.abc import Mapping

from negotiator.domain.diff import Op, Segment, word_diff
from negotiator.domain.parties import Party
from negotiator.domain.proposals import Proposal, ProposalKind
from negotiator.domain.term_words import term_change

CONTEXT = 3  # words kept either side of a change
LIMIT = 160  # characters of a summary before it is cut


def compact_change(before: str, after: str, context: int = CONTEXT) -> str:
    """The changed passages of ``after`` against ``before``: "old → new" for a replacement, "+ new" for
    an addition, "− old" for a deletion, each with ``context`` words around it, joined by " … "."""
    if before == after:
        return "no change"
    segments = _merged(word_diff(before, after))
    pieces: list[str] = []
    for index, (op, old, new) in enumerate(segments):
        words = old.split()
        if op is not Op.EQUAL:
            pieces.append(f"{_flat(old)} → {_flat(new)}" if old.strip() and new.strip() else
                          f"+ {_flat(new)}" if new.strip() else f"− {_flat(old)}")
        elif index == 0:
            pieces.append(("…" if len(words) > context else "") + " ".join(words[-context:]))
        elif index == len(segments) - 1:
            pieces.append(" ".join(words[:context]) + ("…" if len(words) > context else ""))
        elif len(words) <= 2 * context:
            pieces.append(" ".join(words))
        else:
            pieces.append(" ".join(words[:context]) + " … " + " ".join(words[-context:]))
    text = ""
    for piece in (p for p in pieces if p):  # no space before a stop or a comma that follows a change
        text += piece if not text or piece[0] in ".,;:!?)" else " " + piece
    return text if len(text) <= LIMIT else text[:LIMIT - 1] + "…"


def _merged(segments: list[Segment]) -> list[tuple[Op, str, str]]:
    """Neighbouring deletions and insertions as one replacement (op, old, new); kept text as (EQUAL, text, text)."""
    out: list[tuple[Op, str, str]] = []
    for segment in segments:
        if segment.op is Op.EQUAL:
            if segment.text.strip() or not out or out[-1][0] is Op.EQUAL:
                out.append((Op.EQUAL, segment.text, segment.text))
                continue
            segment = Segment(Op.INSERT, segment.text)  # a space between two changes belongs to them
            segment_old = " "
            _, old, new = out.pop()
            out.append((Op.DELETE, old + segment_old, new + segment.text))
            continue
        old = segment.text if segment.op is Op.DELETE else ""
        new = segment.text if segment.op is Op.INSERT else ""
        if out and out[-1][0] is not Op.EQUAL:
            _, was_old, was_new = out.pop()
            old, new = was_old + old, was_new + new
        out.append((Op.DELETE, old, new))
    return out


def _flat(text: str) -> str:
    return " ".join(text.split())


def proposal_change(proposal: Proposal, parties: Mapping[int, Party]) -> str:
    """What a proposal changes, in a line: its terms and values in words, or the words of its wording
    that change against the wording it was made on, or the section it adds, removes or moves."""
    values = proposal.term_values()
    if values:
        return "; ".join(term_change(name, value, parties) for name, value in values.items())
    if proposal.kind is ProposalKind.WORDING:
        return compact_change(proposal.base, proposal.proposed)
    if proposal.kind is ProposalKind.ADD_SECTION:
        first = " ".join(proposal.proposed.split()[:12])
        return f"new section \u201c{proposal.heading}\u201d: {first}" + ("…" if len(proposal.proposed.split()) > 12
                                                                       else "")
    if proposal.kind is ProposalKind.REMOVE_SECTION:
        return "remove the section"
    return "move the section"


def compact_segments(before: str, after: str, context: int = CONTEXT, limit: int = LIMIT) -> list[Segment]:
    """:func:`compact_change` as an inline diff, for a list that strikes the old words through and marks
    the new ones ("within ~~60~~ 40 Working Days"): kept context (with "…" where words are left out),
    deleted and inserted passages, cut after about ``limit`` characters."""
    if before == after:
        return [Segment(Op.EQUAL, "no change")]
    merged = _merged(word_diff(before, after))
    out: list[Segment] = []
    for index, (op, old, new) in enumerate(merged):
        if op is not Op.EQUAL:
            pieces = [Segment(Op.DELETE, _flat(old)) if old.strip() else None,
                      Segment(Op.INSERT, _flat(new)) if new.strip() else None]
            _join(out, [p for p in pieces if p is not None])
            continue
        words = old.split()
        if index == 0:
            text = ("…" if len(words) > context else "") + " ".join(words[-context:])
        elif index == len(merged) - 1:
            text = " ".join(words[:context]) + ("…" if len(words) > context else "")
        elif len(words) <= 2 * context:
            text = " ".join(words)
        else:
            text = " ".join(words[:context]) + " … " + " ".join(words[-context:])
        if text:
            _join(out, [Segment(Op.EQUAL, text)])
    return _cut(out, limit)


def _join(out: list[Segment], pieces: list[Segment]) -> None:
    """Add pieces with a space before each, except before a stop or a comma that follows a change."""
    for piece in pieces:
        if out and piece.text[0] not in ".,;:!?)":
            _add(out, Segment(Op.EQUAL, " "))
        _add(out, piece)


def _add(out: list[Segment], segment: Segment) -> None:
    """Append, merging with the last segment when both do the same (so kept text is one run)."""
    if out and out[-1].op is segment.op:
        out[-1] = Segment(segment.op, out[-1].text + segment.text)
    else:
        out.append(segment)


def _cut(segments: list[Segment], limit: int) -> list[Segment]:
    """The segments up to ``limit`` characters, the last one cut short with "…"."""
    kept: list[Segment] = []
    room = limit
    for segment in segments:
        if len(segment.text) >= room:
            kept.append(Segment(segment.op, segment.text[:max(room - 1, 0)] + "…"))
            break
        kept.append(segment)
        room -= len(segment.text)
    return kept
