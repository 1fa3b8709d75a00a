"""An agreement's state as every party's library must come to hold it, in terms that are the same in
every library (names, wording, values and times, never local ids)."""

from __future__ import annotations

from negotiator.domain.term_fields import terms_as_text
from negotiator.services.session import Workspace


def outline(ws: Workspace, title: str) -> list[tuple[str, str, str]]:
    """The live outline: (number, heading, wording) of each section, in order."""
    agreement = ws.agreements.agreement(title)
    return [(n.number, n.section.heading, n.section.text) for n in ws.outline.outline(agreement.id)]


def terms(ws: Workspace, title: str) -> dict[str, str]:
    """Every term's value, by name."""
    agreement = ws.agreements.agreement(title)
    return terms_as_text(ws.agreements.terms(agreement.id), ws.agreements.parties_of(agreement))


def proposals(ws: Workspace, title: str) -> dict[tuple, tuple]:
    """Each proposal, known by who made it, when and what it says, with where it stands (and who decided
    it, for a decision a party made)."""
    found = {}
    for view in ws.negotiation.proposals(title):
        p = view.proposal
        decider = p.decided_by if p.status.value in ("accepted", "rejected", "withdrawn") else None
        found[(p.party_name, p.kind.value, p.created_at.isoformat(), p.heading, p.proposed)] = (p.status.value,
                                                                                                 decider)
    return found


def rounds(ws: Workspace, title: str) -> list[tuple[str, str]]:
    """The issued rounds: label and who issued it."""
    return [(r.label, r.issued_by) for r in ws.rounds.rounds(title)]


def state(ws: Workspace, title: str) -> dict:
    """Everything above, together."""
    return {"outline": outline(ws, title), "terms": terms(ws, title), "proposals": proposals(ws, title),
            "rounds": rounds(ws, title), "status": ws.agreements.agreement(title).status.value}
