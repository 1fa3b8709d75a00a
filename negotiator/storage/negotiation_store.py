"""Repositories of the negotiation: proposals, rounds, and the hash-chained event record."""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from negotiator.domain.clauses import chain_hash, format_time, parse_time, utc_now
from negotiator.domain.errors import NotFound
from negotiator.domain.proposals import Proposal, ProposalKind, ProposalStatus
from negotiator.domain.record import RecordEntry
from negotiator.domain.rounds import Round, RoundSection
from negotiator.storage.clause_store import GENESIS
from negotiator.storage.models import NegotiationEventRow, ProposalRow, RoundRow


def event_hash(row: NegotiationEventRow) -> str:
    """The hash an event should carry, chained to the previous event's."""
    return event_fields_hash(row.id, row.parent_hash, row.at, row.actor, row.action, row.agreement_id,
                             row.subject, row.payload)


def event_fields_hash(event_id: int, parent_hash: str, at: str, actor: str, action: str, agreement_id: int,
                      subject: str, payload: str) -> str:
    """The hash of an event from its fields (also how a sender's events are checked on import)."""
    return chain_hash("event", event_id, parent_hash, at, actor, action, agreement_id, subject, payload)


# Any fixed number: the key of the PostgreSQL advisory lock that the writers of the record share.
_RECORD_LOCK = 0x4E45474F


class EventLog:
    """The append-only record of proposals, decisions and rounds."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._last: tuple[int, str] | None = None  # (id, hash) of the chain's end, once read

    def hold(self) -> None:
        """Wait until no other transaction is writing the record, and keep it to this one until it ends.

        On a server several users append at once; two that read the same end of the chain would
        fork it. SQLite has one writer at a time already. Call this before reading what a decision
        depends on, so that the decision sees the others' committed changes.
        """
        if self._session.get_bind().dialect.name == "postgresql":
            # Transaction-scoped: released by the commit or rollback, and taking it twice is harmless.
            self._session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _RECORD_LOCK})

    def append(self, agreement_id: int, actor: str, action: str, subject: str, payload: dict) -> None:
        """Add an event at the end of the chain."""
        if self._last is None:
            self.hold()
            last = self._session.execute(select(NegotiationEventRow.id, NegotiationEventRow.content_hash)
                                         .order_by(NegotiationEventRow.id.desc()).limit(1)).first()
            self._last = (last[0], last[1]) if last else (0, GENESIS)
        row = NegotiationEventRow(
            id=self._last[0] + 1, at=format_time(utc_now()), actor=actor, action=action,
            agreement_id=agreement_id, subject=subject,
            payload=json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")),
            parent_hash=self._last[1], content_hash="",
        )
        row.content_hash = event_hash(row)
        self._session.add(row)
        self._last = (row.id, row.content_hash)

    def problems(self) -> list[str]:
        """Every event whose stored content or chain link no longer matches its hash."""
        found, parent = [], GENESIS
        # Plain rows, not ORM objects: the History panel checks the whole chain each time it is shown.
        for row in self._session.execute(select(*NegotiationEventRow.__table__.c).order_by(NegotiationEventRow.id)):
            if row.parent_hash != parent:
                found.append(f"event {row.id} ({row.action} {row.subject}): its link to the previous event is broken")
            if event_hash(row) != row.content_hash:
                found.append(f"event {row.id} ({row.action} {row.subject}): its stored content no longer matches "
                             "its hash")
            parent = row.content_hash
        return found

    def proposal_problems(self) -> list[str]:
        """Proposals whose stored content differs from the event recorded when they were made."""
        made = {row.subject: json.loads(row.payload) for row in self._session.scalars(
            select(NegotiationEventRow).where(NegotiationEventRow.action == "propose"))}
        found = []
        for row in self._session.scalars(select(ProposalRow).order_by(ProposalRow.id)):
            record = made.get(f"proposal {row.id}")
            stored = {"kind": row.kind, "target": row.target, "base": row.base, "proposed": row.proposed,
                      "heading": row.heading, "place": row.place, "rationale": row.rationale, "answers": row.answers}
            if record is None or any(record.get(k) != v for k, v in stored.items()):
                found.append(f"proposal {row.id}: its stored content differs from the record made when it was "
                             "proposed")
        return found

    def of_agreement(self, agreement_id: int) -> list[RecordEntry]:
        """An agreement's events, oldest first."""
        event = NegotiationEventRow
        rows = self._session.execute(
            select(event.id, event.at, event.actor, event.action, event.subject, event.payload)
            .where(event.agreement_id == agreement_id).order_by(event.id))
        return [RecordEntry(number, parse_time(at), actor, action, subject, _note(payload))
                for number, at, actor, action, subject, payload in rows]

    def head(self) -> str:
        """The hash of the record's last event (its head): what exports and packages carry as an anchor."""
        last = self._session.execute(select(NegotiationEventRow.content_hash)
                                     .order_by(NegotiationEventRow.id.desc()).limit(1)).scalar()
        return last or GENESIS

    def count(self) -> int:
        """How many events are recorded."""
        return len(self._session.scalars(select(NegotiationEventRow.id)).all())


class ProposalStore:
    """Proposals inside one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, proposal: Proposal) -> Proposal:
        """Save a new open proposal."""
        row = ProposalRow(
            agreement_id=proposal.agreement_id, party_id=proposal.party_id, kind=proposal.kind.value,
            target=proposal.target, base=proposal.base, base_version=proposal.base_version,
            proposed=proposal.proposed, heading=proposal.heading, place=proposal.place,
            rationale=proposal.rationale, status=ProposalStatus.OPEN.value,
            created_at=format_time(proposal.created_at), answers=proposal.answers,
        )
        self._session.add(row)
        self._session.flush()
        # Built from what was given rather than read back: imports add proposals by the thousand.
        return replace(proposal, id=row.id, status=ProposalStatus.OPEN, created_at=parse_time(row.created_at),
                       decided_by=None, decided_by_id=None, decided_at=None)

    def add_many(self, proposals: list[tuple[Proposal, str, int | None]]) -> list[int]:
        """Save many proposals at once (an import), each with its status and deciding party id."""
        now = format_time(utc_now())
        rows = [ProposalRow(
            agreement_id=p.agreement_id, party_id=p.party_id, kind=p.kind.value, target=p.target, base=p.base,
            base_version=p.base_version, proposed=p.proposed, heading=p.heading, place=p.place,
            rationale=p.rationale, status=status, created_at=format_time(p.created_at), answers=p.answers,
            decided_by=decider, decided_at=None if status == "open" else now,
        ) for p, status, decider in proposals]
        self._session.add_all(rows)
        self._session.flush()
        return [row.id for row in rows]

    def set_answers(self, proposal_id: int, answers: int) -> None:
        """Record which proposal one answers (once both are saved)."""
        self._session.get(ProposalRow, proposal_id).answers = answers

    def get(self, proposal_id: int) -> Proposal:
        """One proposal by id."""
        row = self._session.get(ProposalRow, proposal_id)
        if row is None:
            raise NotFound(f"There is no proposal {proposal_id}.")
        self._session.refresh(row)
        return _proposal(row)

    def of_agreement(self, agreement_id: int) -> list[Proposal]:
        """Every proposal on an agreement, oldest first."""
        rows = self._session.scalars(select(ProposalRow).where(ProposalRow.agreement_id == agreement_id)
                                     .order_by(ProposalRow.id))
        return [_proposal(r) for r in rows.unique()]

    def set_status(self, proposal_id: int, status: ProposalStatus, decided_by: int | None) -> Proposal:
        """Record a decision (or a supersession) on a proposal."""
        row = self._session.get(ProposalRow, proposal_id)
        reopened = status is ProposalStatus.OPEN
        row.status, row.decided_by = status.value, decided_by
        row.decided_at = None if reopened else format_time(utc_now())
        self._session.flush()
        return self.get(proposal_id)


class RoundStore:
    """Rounds inside one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, agreement_id: int, label: str, issued_by: str, sections: list[RoundSection], terms: dict) -> Round:
        """Freeze the agreement as it stands under a label."""
        snapshot = {"sections": [s.__dict__ for s in sections], "terms": terms}
        row = RoundRow(agreement_id=agreement_id, label=label, issued_at=format_time(utc_now()),
                       issued_by=issued_by, snapshot=json.dumps(snapshot, sort_keys=True, ensure_ascii=False),
                       withdrawn=False)
        self._session.add(row)
        self._session.flush()
        return _round(row)

    def of_agreement(self, agreement_id: int) -> list[Round]:
        """The agreement's issued rounds (not withdrawn ones), oldest first."""
        rows = self._session.scalars(select(RoundRow).where(RoundRow.agreement_id == agreement_id,
                                                            RoundRow.withdrawn.is_(False)).order_by(RoundRow.id))
        return [_round(r) for r in rows]

    def get(self, round_id: int) -> Round:
        """One round by id, withdrawn or not."""
        row = self._session.get(RoundRow, round_id)
        if row is None:
            raise NotFound(f"There is no round {round_id}.")
        return _round(row)

    def set_withdrawn(self, round_id: int, withdrawn: bool) -> None:
        """Withdraw an issued round (how issuing is undone) or reissue it; it is never deleted."""
        row = self._session.get(RoundRow, round_id)
        if row is None:
            raise NotFound(f"There is no round {round_id}.")
        row.withdrawn = withdrawn
        self._session.flush()

    def find(self, agreement_id: int, label: str) -> Round:
        """A round by label (case-insensitive)."""
        for found in self.of_agreement(agreement_id):
            if found.label.lower() == label.strip().lower():
                return found
        raise NotFound(f"The agreement has no round called '{label}'.")


def _note(payload: str) -> str:
    """What a reader wants from an event's payload: the reason given, if any."""
    try:
        data = json.loads(payload)
    except ValueError:
        return ""
    return str(data.get("rationale") or "") if isinstance(data, dict) else ""


def _proposal(row: ProposalRow) -> Proposal:
    return Proposal(
        id=row.id, agreement_id=row.agreement_id, party_id=row.party_id, party_name=row.party.name,
        kind=ProposalKind(row.kind), target=row.target, base=row.base, base_version=row.base_version,
        proposed=row.proposed, rationale=row.rationale, status=ProposalStatus(row.status),
        created_at=parse_time(row.created_at), answers=row.answers, heading=row.heading, place=row.place,
        decided_by=row.decider.name if row.decider else None, decided_by_id=row.decided_by,
        decided_at=parse_time(row.decided_at) if row.decided_at else None,
    )


def _round(row: RoundRow) -> Round:
    data = json.loads(row.snapshot)
    return Round(id=row.id, agreement_id=row.agreement_id, label=row.label, issued_at=parse_time(row.issued_at),
                 issued_by=row.issued_by, sections=tuple(RoundSection(**s) for s in data["sections"]),
                 terms=data["terms"])
