"""A child process for the crash-safety and two-instance tests: it writes to a library through the
services, as the app and the command line do, and acknowledges each write on stdout only after its
transaction has committed. The parent may kill it at any moment; every acknowledged write must
survive.

    python tests/crash_writer.py LIBRARY SEED RUN WRITES [--kinds revise,propose,decide] [--wait]

Each acknowledgement is one JSON line. ``revise`` appends a clause version (the clause-version
chain); ``propose`` adds a proposal and ``decide`` accepts or rejects one (the negotiation record,
and for an acceptance a section version too). ``--wait`` waits for a line on stdin before writing,
so that two writers can be started together.
"""

from __future__ import annotations

import argparse
import json
import random
import sys

from negotiator.domain.errors import InvalidInput
from negotiator.domain.proposals import ProposalKind
from negotiator.services.session import Workspace, open_workspace


def _say(line: dict) -> None:
    # Flushed at once: an acknowledgement still in this process's buffer would die with it.
    print(json.dumps(line), flush=True)


class Writer:
    """Chooses and makes writes on one open library."""

    def __init__(self, workspace: Workspace, rng: random.Random, tag: str) -> None:
        self.ws, self.rng, self.tag = workspace, rng, tag
        self.keys = [c.key for c in workspace.clauses.clauses()]
        self.agreements = [a for a in workspace.agreements.agreements()
                           if a.signatories and workspace.outline.outline(a.id)]

    def revise(self, n: int) -> dict:
        key = self.rng.choice(self.keys)
        text = f"{self.ws.clauses.version(key).text.split(' [edit ')[0]} [edit {self.tag}-{n}]"
        version = self.ws.clauses.revise(key, text, note=f"crash test {self.tag}-{n}")
        return {"kind": "revise", "key": key, "number": version.number, "hash": version.content_hash}

    def propose(self, n: int) -> dict:
        agreement = self.rng.choice(self.agreements)
        party = self.rng.choice(agreement.signatories).party.name
        section = self.rng.choice(self.ws.outline.outline(agreement.id)).section
        text = f"Wording {self.tag}-{n} proposed for {section.heading}."
        made = self.ws.negotiation.propose_wording(agreement.id, section.id, text, party, f"Because {self.tag}-{n}")
        return {"kind": "propose", "id": made.id, "text": text}

    def decide(self, n: int) -> dict:
        agreement = self.rng.choice(self.agreements)
        open_ = [v.proposal for v in self.ws.negotiation.proposals(agreement.id)
                 if v.proposal.is_open and v.proposal.kind is ProposalKind.WORDING]
        if not open_:
            return self.propose(n)
        proposal = self.rng.choice(open_)
        party = self.rng.choice(agreement.signatories).party.name
        choice = self.rng.choice(["accept", "reject"])
        try:
            decided = self.ws.negotiation.decide(proposal.id, choice, party)
        except InvalidInput:  # a stale proposal that cannot be replayed: reject it instead
            decided = self.ws.negotiation.decide(proposal.id, "reject", party)
        return {"kind": "decide", "id": decided.id, "status": decided.status.value}


def main(argv: list[str] | None = None) -> int:
    """Make WRITES writes, acknowledging each after it is committed."""
    parser = argparse.ArgumentParser()
    parser.add_argument("library")
    parser.add_argument("seed", type=int)
    parser.add_argument("run", type=int)
    parser.add_argument("writes", type=int)
    parser.add_argument("--kinds", default="revise,propose,decide")
    parser.add_argument("--wait", action="store_true")
    args = parser.parse_args(argv)
    workspace = open_workspace(args.library, "Crash Test Writer")
    writer = Writer(workspace, random.Random(f"{args.seed}:{args.run}"), f"{args.seed}-{args.run}")
    kinds = [getattr(writer, kind) for kind in args.kinds.split(",")]
    _say({"kind": "ready"})
    if args.wait:
        sys.stdin.readline()
    for n in range(args.writes):
        _say(writer.rng.choice(kinds)(n))
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
