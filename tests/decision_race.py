"""Two users deciding on the same proposal at the same moment, each in its own process (spawned, as a
second user's app would be): one accepts it while the other counters it. Used on a shared PostgreSQL
library and on a library file."""

from __future__ import annotations

import multiprocessing

from negotiator.domain.proposals import ProposalStatus
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import open_workspace

_SPAWN = multiprocessing.get_context("spawn")


def _act(library: str, action: str, proposal_id: int, party: str, start: object, results: object) -> None:
    workspace = open_workspace(library, f"{party} lawyer")
    try:
        start.wait(timeout=60)
        if action == "accept":
            done = workspace.negotiation.decide(proposal_id, "accept", party, "Three weeks is fair")
            results.put((action, f"proposal {done.id} {done.status.value}"))
        else:
            made = workspace.negotiation.counter(proposal_id, party, "28", "Four weeks")
            results.put((action, f"proposal {made.id} open"))
    except BaseException as error:  # the refusal is the result: reported, not lost in the worker
        results.put((action, f"refused: {error}"))
    finally:
        workspace.close()


def accept_and_counter_at_once(library: str) -> None:
    """Race an acceptance against a counter-proposal on the same open proposal, many times; each time exactly
    one of them takes effect, the other is told in plain words, and the record checks out."""
    for _ in range(3):
        workspace = open_workspace(library, "Setter")
        try:
            made = workspace.negotiation.propose_term(ALLIANCE, "payment.days", "21", "GP Federation", "Three weeks")
        finally:
            workspace.close()
        start, results = _SPAWN.Barrier(2), _SPAWN.Queue()
        workers = [_SPAWN.Process(target=_act, args=(library, action, made.id, party, start, results))
                   for action, party in (("accept", "Northshire ICB"), ("counter", "Hope Street"))]
        for worker in workers:
            worker.start()
        found = dict(results.get(timeout=120) for _ in workers)
        for worker in workers:
            worker.join(timeout=30)
            assert worker.exitcode == 0
        refused = [action for action, outcome in found.items() if outcome.startswith("refused")]
        assert len(refused) == 1, found  # one wins, one is told
        assert "Traceback" not in found[refused[0]] and "proposal" in found[refused[0]].lower(), found
        workspace = open_workspace(library, "Checker")
        try:
            status = workspace.negotiation.proposal(made.id).status
            counters = [v.proposal for v in workspace.negotiation.proposals(ALLIANCE) if v.proposal.answers == made.id]
            if refused == ["counter"]:
                assert status is ProposalStatus.ACCEPTED and counters == [], found
                assert workspace.agreements.terms(ALLIANCE).payment.days == 21
            else:
                assert status is ProposalStatus.SUPERSEDED and len(counters) == 1 and counters[0].is_open, found
                assert workspace.agreements.terms(ALLIANCE).payment.days == 30
                workspace.negotiation.decide(counters[0].id, "withdraw", "Hope Street")  # ready for the next race
            assert workspace.record.verify().texts() == []
            if status is ProposalStatus.ACCEPTED:  # put the term back for the next race, by proposal
                back = workspace.negotiation.propose_term(ALLIANCE, "payment.days", "30", "Northshire ICB", "Back")
                workspace.negotiation.decide(back.id, "accept", "GP Federation")
        finally:
            workspace.close()
