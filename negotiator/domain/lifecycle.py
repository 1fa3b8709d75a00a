"""An agreement's life: drafted directly, then negotiated only by proposal, then frozen.

*Drafting* (no round issued yet): the lead drafter edits wording, outline and terms directly, and
each edit is recorded under the acting party. *In negotiation* (a round has been issued): the
wording, outline and terms change only through proposals and decisions. *Agreed* and *Signed*:
frozen. Every change of status is recorded.
"""

from __future__ import annotations

from negotiator.domain.agreements import AgreementStatus
from negotiator.domain.errors import InvalidInput


class NeedsProposal(InvalidInput):
    """A direct edit of an agreement under negotiation: the change must be proposed instead."""


# The stages are the statuses themselves; the stage is the status as the rounds issued make it (an
# agreement still marked drafting whose first round was issued is in negotiation).
Stage = AgreementStatus


def stage_of(status: AgreementStatus, rounds_issued: int) -> Stage:
    """The stage an agreement is at: its status when agreed or signed, else whether a round was issued."""
    if status in (AgreementStatus.AGREED, AgreementStatus.SIGNED):
        return status
    return Stage.IN_NEGOTIATION if rounds_issued else Stage.DRAFTING


def check_direct_edit(title: str, stage: Stage) -> None:
    """Refuse a direct edit of wording, outline or terms unless the agreement is still being drafted."""
    if stage is Stage.DRAFTING:
        return
    if stage is Stage.IN_NEGOTIATION:
        raise NeedsProposal(
            f"'{title}' is under negotiation (a round has been issued), so its wording, outline and terms change "
            "only by proposal. Propose the change instead: Negotiation → Propose… in the app, or "
            "`negotiator propose` on the command line.", field="lifecycle")
    raise InvalidInput(f"'{title}' is {stage.label.lower()}, so it is frozen: nothing in it can change. Set its "
                       "status back to in negotiation first if the parties reopen it.", field="lifecycle")


def check_proposal_allowed(title: str, stage: Stage) -> None:
    """Refuse proposals and decisions on an agreement that is agreed or signed."""
    if stage in (Stage.AGREED, Stage.SIGNED):
        raise InvalidInput(f"'{title}' is {stage.label.lower()}, so it is frozen: no proposal can be made or "
                           "decided on it. Set its status back to in negotiation first if the parties reopen it.",
                           field="lifecycle")


def check_status_change(title: str, old: AgreementStatus, new: AgreementStatus, rounds_issued: int,
                        open_proposals: int) -> None:
    """Refuse a status the agreement's history does not allow, saying what to do instead."""
    if new is old:
        raise InvalidInput(f"'{title}' is already {new.label.lower()}.", field="status")
    if new is AgreementStatus.DRAFTING and rounds_issued:
        raise InvalidInput(f"'{title}' cannot go back to drafting: a round has been issued, so the parties have "
                           "seen it. Changes now go through proposals.", field="status")
    if new is AgreementStatus.IN_NEGOTIATION and not rounds_issued:
        raise InvalidInput(f"'{title}' goes into negotiation when its first round is issued: use Negotiation → "
                           "Issue Round… (or `negotiator round issue`).", field="status")
    if new is AgreementStatus.AGREED and open_proposals:
        raise InvalidInput(f"'{title}' still has {open_proposals} open proposal(s): accept, reject or withdraw "
                           "them before marking it agreed.", field="status")
    if new is AgreementStatus.SIGNED and old is not AgreementStatus.AGREED:
        raise InvalidInput(f"'{title}' must be agreed before it is signed.", field="status")
