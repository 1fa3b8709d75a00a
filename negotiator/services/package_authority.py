"""What a package may claim: it speaks only for its sender. Another party's decisions arrive in that
party's own package; a name that is no party to the agreement decides nothing."""

from __future__ import annotations

from negotiator.domain.agreement import Agreement
from negotiator.domain.package import PackageProposal
from negotiator.domain.proposals import Proposal


def unauthorised(mine: Proposal, incoming: PackageProposal, agreement: Agreement, sender: str) -> str | None:
    """Why a package may not change the standing of a proposal this library holds (``None`` when it may).

    A package speaks only for its sender: it may bring the sender's own decisions on the agreement's
    proposals, and the sender's withdrawal of its own. Another party's decisions arrive in that
    party's own package.
    """
    parties = {s.party.name for s in agreement.signatories}
    decider = incoming.decided_by or sender
    if mine.agreement_id != agreement.id:
        return "that proposal belongs to another agreement here"
    if decider not in parties:
        return f"{decider} is not a party to '{agreement.title}'"
    if decider != sender:
        return f"the decision is {decider}'s, and only {decider}'s own package can bring it"
    if incoming.status == "withdrawn" and decider != mine.party_name:
        return f"only {mine.party_name}, which made it, can withdraw it"
    return None
