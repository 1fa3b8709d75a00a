"""The demo's negotiation history: the alliance agreement drafted by the ICB, two issued rounds,
decisions in between, and open proposals from three providers: two compete on the risk corridor,
two on the conflicts-of-interest wording, and one (made while drafting) was overtaken by the ICB's
later drafting edit of its clause, so it is stale."""

from __future__ import annotations

from typing import TYPE_CHECKING

from negotiator.services.demo_titles import ALLIANCE

if TYPE_CHECKING:  # the workspace module imports this one
    from negotiator.services.session import Workspace

ICB, TRUST, GPS, HOPE = "Northshire ICB", "Community Trust", "GP Federation", "Hope Street"


def negotiate_demo(ws: Workspace) -> None:
    """Play the alliance negotiation from drafting to Draft 2 and open the third round. Every change
    has its rightful party: the ICB drafts directly before the first round, and after it every change
    is a proposal decided in the open."""
    alliance = ws.agreements.agreement(ALLIANCE).saved_id
    sections = {n.section.clause_key: n.section for n in ws.outline.outline(alliance)}
    quorum, escalation = sections["alliance.board.quorum"], sections["alliance.disputes.escalation"]
    conflicts = sections["alliance.conflicts-of-interest"]

    # While drafting: the GP Federation proposes on the escalation clause, then the ICB, drafting, tidies
    # the same clause directly elsewhere in it. The Federation's proposal is now stale, but its change does
    # not overlap, so the app can rebase it.
    ws.negotiation.propose_wording(
        alliance, escalation.id, escalation.text.replace("Only after those three stages",
                                                         "Only after those three stages, and not before 45 Working "
                                                         "Days have passed,"),
        GPS, "Make the minimum escalation period explicit before mediation.")
    ws.act_as(ICB, remember=False)
    ws.outline.edit(escalation.id, escalation.text.replace("a Dispute Notice", "a \"Dispute Notice\""),
                    note="Quotation marks for the defined term")
    ws.rounds.issue_round(alliance, "Draft 1", ICB)

    # Between Draft 1 and Draft 2: one change agreed, one rejected, each with the ICB's reason.
    meetings = ws.negotiation.propose_wording(
        alliance, quorum.id, quorum.text.replace("at least once every two months", "at least once a month"), TRUST,
        "Monthly meetings during the first year keep mobilisation on track.")
    ws.negotiation.decide(meetings.id, "accept", ICB, "The board can meet monthly while services mobilise.")
    shorter = ws.negotiation.propose_term(alliance, "duration.notice", "6", HOPE,
                                          "Twelve months' notice is long for a small charity.")
    ws.negotiation.decide(shorter.id, "reject", ICB, "Twelve months' notice keeps services stable for patients.")
    ws.rounds.issue_round(alliance, "Draft 2", ICB)

    # The current round: open proposals from three parties.
    ws.negotiation.propose_term(alliance, "risk_share.corridor", "3", TRUST,
                                "A wider corridor stops small year-end variances moving money between us.")
    ws.negotiation.propose_term(alliance, "risk_share.corridor", "1", GPS,
                                "A narrow corridor shares savings sooner, which primary care needs to reinvest.")
    ws.negotiation.propose_wording(
        alliance, conflicts.id, conflicts.text.replace("at least every six months", "at least every three months"),
        HOPE, "Quarterly review matches our charity's governance cycle.")
    ws.negotiation.propose_wording(
        alliance, conflicts.id, conflicts.text.replace("publish it on the alliance website",
                                                       "publish it on each Alliance Member's website"),
        TRUST, "Our members look for the register on our own website.")
