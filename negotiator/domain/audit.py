"""What the negotiation record says the library should hold, and where the library differs.

The record is the hash-chained list of events. Replaying it gives, for each agreement, its title,
kind, status, parent and parties; for each proposal its status, who decided it and the reason; for
each round the hash of its frozen text; and for each version chain (clauses, sections, terms) the
number and hash of its head. A library whose rows differ from that replay was changed behind the
app's back. The storage package reads the rows; the comparison is here, in one place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from negotiator.domain.json_data import JsonObject

# Status changes: the status each action leaves a proposal in (an imported decision says its own).
_STATUS = {"propose": "open", "accept": "accepted", "reject": "rejected", "withdraw": "withdrawn",
           "supersede": "superseded", "reopen": "open"}
# What a proposal's propose event must match in the stored proposal.
CONTENT = ("kind", "target", "base", "proposed", "heading", "place", "rationale", "answers")


def text_hash(text: str) -> str:
    """SHA-256 of a text (a round's frozen snapshot as stored)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Event:
    """One record event, its payload already read from JSON."""

    id: int
    actor: str
    action: str
    agreement_id: int | None
    subject: str
    payload: JsonObject


@dataclass
class AgreementFacts:
    """What the record says about an agreement itself."""

    title: str
    kind: str
    status: str
    parent_id: int | None
    parties: dict[int, str]  # party id -> role


@dataclass
class ProposalFacts:
    """What the record says about a proposal: its content when made, and where it stands."""

    agreement_id: int | None
    content: JsonObject
    status: str = "open"
    decided_by: str | None = None
    note: str = ""
    check_decider: bool = True  # an imported decision of an old library named no decider


@dataclass
class Expected:
    """The library as its record describes it."""

    heads: dict[str, tuple[int, str]] = field(default_factory=dict)
    agreements: dict[int, AgreementFacts] = field(default_factory=dict)
    proposals: dict[int, ProposalFacts] = field(default_factory=dict)
    rounds: dict[int, tuple[str, bool]] = field(default_factory=dict)  # round id -> (snapshot hash, withdrawn)


def replay(events: list[Event]) -> Expected:
    """Replay the record, oldest event first."""
    expected = Expected()
    for event in events:
        data = event.payload
        for chain, head in (data.get("heads") or {}).items():
            expected.heads[chain] = (int(head[0]), str(head[1]))
        if event.action == "baseline":
            _baseline(expected, event.agreement_id, data)
        elif event.action in ("create agreement", "delete agreement"):
            _agreement_event(expected, event)
        elif event.agreement_id is not None:
            _agreement_event(expected, event)
            _proposal_event(expected, event)
            _round_event(expected, event)
    return expected


def _baseline(expected: Expected, agreement_id: int | None, data: JsonObject) -> None:
    """The state an older library was upgraded in: the record starts there."""
    if agreement_id is not None and "agreement" in data:
        facts = data["agreement"]
        expected.agreements[agreement_id] = AgreementFacts(facts["title"], facts["kind"], facts["status"],
                                                           facts["parent_id"],
                                                           {int(k): v for k, v in facts["parties"].items()})
    for pid, (status, decided_by) in (data.get("proposals") or {}).items():
        known = expected.proposals.get(int(pid)) or ProposalFacts(agreement_id, {})
        known.status, known.decided_by, known.check_decider = status, decided_by, True
        expected.proposals[int(pid)] = known
    for rid, (digest, withdrawn) in (data.get("rounds") or {}).items():
        expected.rounds[int(rid)] = (digest, bool(withdrawn))


def _agreement_event(expected: Expected, event: Event) -> None:
    # Creating and deleting an agreement are recorded outside it (a deleted one has no row to point to).
    data = event.payload
    aid = int(data.get("agreement", event.agreement_id or 0))
    facts = expected.agreements.get(aid)
    if event.action == "create agreement":
        expected.agreements[aid] = AgreementFacts(data["title"], data["kind"], data["status"], data.get("parent_id"),
                                                  {int(k): v for k, v in data["parties"].items()})
    elif event.action == "delete agreement":
        expected.agreements.pop(aid, None)
    elif facts is None:
        return
    elif event.action == "rename":
        facts.title = data["title"]
    elif event.action == "status":
        facts.status = data["status"]
    elif event.action == "parent":
        facts.parent_id = data.get("parent_id")
    elif event.action in ("join", "role"):
        facts.parties[int(data["party_id"])] = data["role"]
    elif event.action == "leave":
        facts.parties.pop(int(data["party_id"]), None)


def _proposal_event(expected: Expected, event: Event) -> None:
    if not event.subject.startswith("proposal "):
        return
    try:
        pid = int(event.subject.split(" ", 1)[1])
    except ValueError:
        return
    data = event.payload
    if event.action == "propose":
        expected.proposals[pid] = ProposalFacts(event.agreement_id, {k: data.get(k) for k in CONTENT})
        return
    known = expected.proposals.setdefault(pid, ProposalFacts(event.agreement_id, {}))
    if event.action == "imported decision":
        known.status = data.get("status", known.status)
        known.check_decider = "decided_by" in data
        known.decided_by = data.get("decided_by")
    elif event.action in _STATUS:
        known.status = data.get("status", _STATUS[event.action])
        known.decided_by = None if known.status == "open" else data.get("decided_by", event.actor)
        known.check_decider = True
    else:
        return
    known.note = "" if known.status == "open" else str(data.get("reason") or "")


def _round_event(expected: Expected, event: Event) -> None:
    data = event.payload
    if "round" not in data:
        return  # an issue event of an older library: its baseline holds the round
    rid = int(data["round"])
    if event.action == "issue round":
        expected.rounds[rid] = (data["snapshot"], False)
    elif event.action in ("withdraw round", "reissue round") and rid in expected.rounds:
        expected.rounds[rid] = (expected.rounds[rid][0], event.action == "withdraw round")


@dataclass(frozen=True)
class StoredProposal:
    """A proposal as the library holds it."""

    id: int
    content: JsonObject
    status: str
    decided_by: str | None
    note: str


def differences(expected: Expected, heads: dict[str, tuple[int, str]], names: dict[str, str],
                agreements: dict[int, AgreementFacts], proposals: list[StoredProposal],
                rounds: dict[int, tuple[str, bool, str]]) -> list[str]:
    """Every way the stored library differs from its record, in plain words.

    ``heads`` are the stored version chains' heads by chain name; ``names`` say each chain in
    words ("clause alliance.board.quorum"); ``rounds`` map a round id to (its snapshot hash,
    withdrawn, label).
    """
    found: list[str] = []
    for chain, (number, digest) in sorted(heads.items()):
        anchor = expected.heads.get(chain)
        if anchor is None:
            found.append(f"{names.get(chain, chain)}: version {number} is not in the negotiation record")
        elif anchor[0] > number:
            found.append(f"{names.get(chain, chain)}: version {anchor[0]} is recorded but missing: a version "
                         "was deleted")
        elif anchor[0] < number:
            found.append(f"{names.get(chain, chain)}: version {number} is not in the negotiation record (the record "
                         f"ends at version {anchor[0]})")
        elif anchor != (number, digest):
            found.append(f"{names.get(chain, chain)}: its latest version {number} is not the one recorded")
    for chain, anchor in sorted(expected.heads.items()):
        if chain not in heads:
            found.append(f"{names.get(chain, chain.replace(':', ' '))}: every version was deleted (version "
                         f"{anchor[0]} is recorded)")
    found += _agreement_differences(expected, agreements)
    found += _proposal_differences(expected, proposals)
    for rid, (digest, withdrawn, label) in sorted(rounds.items()):
        recorded = expected.rounds.get(rid)
        if recorded is None:
            found.append(f"round {rid} ('{label}'): it is not in the negotiation record")
        elif recorded[0] != digest:
            found.append(f"round {rid} ('{label}'): its frozen text differs from the hash recorded when it was issued")
        elif recorded[1] != withdrawn:
            found.append(f"round {rid} ('{label}'): it is {'withdrawn' if withdrawn else 'issued'}, but the record "
                         f"says {'withdrawn' if recorded[1] else 'issued'}")
    for rid in sorted(set(expected.rounds) - set(rounds)):
        found.append(f"round {rid}: it is in the negotiation record but was deleted")
    return found


def _agreement_differences(expected: Expected, agreements: dict[int, AgreementFacts]) -> list[str]:
    found = []
    for aid, stored in sorted(agreements.items()):
        recorded = expected.agreements.get(aid)
        if recorded is None:
            found.append(f"agreement {aid} ('{stored.title}'): it is not in the negotiation record")
            continue
        for what, have, want in (("title", stored.title, recorded.title), ("kind", stored.kind, recorded.kind),
                                 ("status", stored.status, recorded.status),
                                 ("parent agreement", stored.parent_id, recorded.parent_id),
                                 ("parties and roles", stored.parties, recorded.parties)):
            if have != want:
                found.append(f"agreement {aid} ('{stored.title}'): its {what} do not match the record"
                             if what.endswith("roles") else
                             f"agreement {aid} ('{stored.title}'): its {what} does not match the record")
    for aid in sorted(set(expected.agreements) - set(agreements)):
        found.append(f"agreement {aid} ('{expected.agreements[aid].title}'): it is in the record but was deleted")
    return found


def _proposal_differences(expected: Expected, proposals: list[StoredProposal]) -> list[str]:
    found = []
    for stored in proposals:
        recorded = expected.proposals.get(stored.id)
        if recorded is None or not recorded.content:
            found.append(f"proposal {stored.id}: it is not in the negotiation record")
            continue
        if any(recorded.content.get(k) != stored.content.get(k) for k in CONTENT):
            found.append(f"proposal {stored.id}: its stored content differs from the record made when it was "
                         "proposed")
        if recorded.status != stored.status:
            found.append(f"proposal {stored.id}: it is stored as {stored.status}, but the record says "
                         f"{recorded.status}")
        elif recorded.check_decider and recorded.decided_by != stored.decided_by:
            found.append(f"proposal {stored.id}: it is stored as decided by {stored.decided_by or 'no one'}, but the "
                         f"record says {recorded.decided_by or 'no one'}")
        elif recorded.note != stored.note:
            found.append(f"proposal {stored.id}: the reason stored with its decision differs from the record")
    for pid in sorted(set(p for p, f in expected.proposals.items() if f.content) - {p.id for p in proposals}):
        found.append(f"proposal {pid}: it is in the negotiation record but was deleted")
    return found
