"""Repositories of the negotiation: proposals, rounds, and the hash-chained event record."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, Protocol

from sqlalchemy import ColumnElement, CursorResult, Result, and_, func, insert, or_, select, text, update
from sqlalchemy.orm import Session, aliased

from negotiator.domain.audit import text_hash
from negotiator.domain.clauses import chain_hash, format_time, parse_time, utc_now
from negotiator.domain.errors import InvalidInput, NotFound
from negotiator.domain.json_data import JsonObject
from negotiator.domain.proposals import Proposal, ProposalKind, ProposalStatus
from negotiator.domain.record import RecordEntry
from negotiator.domain.rounds import Round, RoundSection
from negotiator.domain.signatures import sign
from negotiator.storage.anchors import pending_author, take_heads
from negotiator.storage.clause_store import GENESIS
from negotiator.storage.keys import private_key
from negotiator.storage.models import NegotiationEventRow, PartyRow, ProposalRow, RoundRow


class EventFields(Protocol):
    """What an event's hash is taken over: a row of the record, or a plain row read for the check."""

    @property
    def id(self) -> int: ...
    @property
    def parent_hash(self) -> str: ...
    @property
    def at(self) -> str: ...
    @property
    def actor(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def agreement_id(self) -> int | None: ...
    @property
    def subject(self) -> str: ...
    @property
    def payload(self) -> str: ...


def event_hash(row: EventFields) -> str:
    """The hash an event should carry, chained to the previous event's."""
    return event_fields_hash(row.id, row.parent_hash, row.at, row.actor, row.action, row.agreement_id,
                             row.subject, row.payload)


def event_fields_hash(event_id: int, parent_hash: str, at: str, actor: str, action: str, agreement_id: int | None,
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

    def append(self, agreement_id: int | None, actor: str, action: str, subject: str, payload: JsonObject) -> None:
        """Add an event at the end of the chain, signed by this library; it also anchors the version heads
        written since the last one."""
        heads = take_heads(self._session)
        if heads:
            payload = {**payload, "heads": heads}
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
        # Signed as it is recorded, not when it is sent: a package of a thousand proposals costs no signing.
        row.signature = sign(private_key(self._session), row.content_hash)
        self._session.add(row)
        self._last = (row.id, row.content_hash)

    def anchor_pending(self) -> None:
        """Record the version heads written in this unit of work that no event has recorded yet."""
        author = pending_author(self._session)
        if author is not None:
            self.append(None, author, "anchor", "versions", {})

    def of_agreement(self, agreement_id: int) -> list[RecordEntry]:
        """An agreement's events, oldest first (its creation, recorded outside it, included)."""
        event = NegotiationEventRow
        rows = self._session.execute(
            select(event.id, event.at, event.actor, event.action, event.subject, event.payload)
            .where(or_(event.agreement_id == agreement_id,
                       and_(event.agreement_id.is_(None), event.subject == f"agreement {agreement_id}")))
            .order_by(event.id))
        return [RecordEntry(number, parse_time(at), actor, action, subject, _note(payload))
                for number, at, actor, action, subject, payload in rows]

    def superseded_by(self, agreement_id: int, proposal_id: int) -> list[int]:
        """The proposals ``proposal_id`` has superseded (replaced or answered), by the record, each once."""
        event = NegotiationEventRow
        rows = self._session.execute(select(event.subject, event.payload).where(
            event.agreement_id == agreement_id, event.action == "supersede").order_by(event.id))
        found: dict[int, None] = {}
        for subject, payload in rows:
            try:
                by = json.loads(payload).get("by")
            except (ValueError, AttributeError):
                continue
            if by == proposal_id and subject.startswith("proposal ") and subject[9:].isdigit():
                found[int(subject[9:])] = None
        return list(found)

    def has_events(self, agreement_id: int) -> bool:
        """Whether anything has been recorded in the agreement itself."""
        return self._session.scalar(select(NegotiationEventRow.id).where(
            NegotiationEventRow.agreement_id == agreement_id).limit(1)) is not None

    def number_of(self, content_hash: str) -> int | None:
        """The number of the event with this hash, if the record holds one."""
        return self._session.scalar(select(NegotiationEventRow.id).where(
            NegotiationEventRow.content_hash == content_hash).limit(1))

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
        """Save many proposals at once (an import), each with its status and deciding party id; a decided one
        keeps its own decision time when it has one."""
        now = format_time(utc_now())
        if not proposals:
            return []
        # Plain inserts rather than ORM objects: an import brings a thousand proposals at once.
        made = self._session.execute(insert(ProposalRow).returning(ProposalRow.id, sort_by_parameter_order=True), [{
            "agreement_id": p.agreement_id, "party_id": p.party_id, "kind": p.kind.value, "target": p.target,
            "base": p.base, "base_version": p.base_version, "proposed": p.proposed, "heading": p.heading,
            "place": p.place, "rationale": p.rationale, "status": status, "created_at": format_time(p.created_at),
            "answers": p.answers, "decided_by": decider, "decision_note": "" if status == "open" else p.decision_note,
            "decided_at": None if status == "open" else (format_time(p.decided_at) if p.decided_at else now),
        } for p, status, decider in proposals])
        return list(made.scalars().all())

    def latest_decision(self, agreement_id: int) -> str | None:
        """The time of the latest decision on the agreement's proposals, or of the latest proposal when it
        is later (times are canonical text, so the greatest text is the latest)."""
        decided, made = self._session.execute(select(func.max(ProposalRow.decided_at), func.max(ProposalRow.created_at))
                                              .where(ProposalRow.agreement_id == agreement_id)).one()
        return max((t for t in (decided, made) if t), default=None)

    def set_answers(self, proposal_id: int, answers: int) -> None:
        """Record which proposal one answers (once both are saved)."""
        self._session.get_one(ProposalRow, proposal_id).answers = answers

    def get(self, proposal_id: int) -> Proposal:
        """One proposal by id."""
        row = self._session.get(ProposalRow, proposal_id)
        if row is None:
            raise NotFound(f"There is no proposal {proposal_id}.")
        self._session.refresh(row)
        return _proposal(row)

    def open_of(self, agreement_id: int, party_id: int | None = None,
                targets: set[str] | frozenset[str] | None = None) -> list[Proposal]:
        """The open proposals on an agreement (one party's only, when given), oldest first; with
        ``targets``, only those that may change one of them (on it, or several terms at once)."""
        conditions = [ProposalRow.agreement_id == agreement_id, ProposalRow.status == ProposalStatus.OPEN.value]
        if party_id is not None:
            conditions.append(ProposalRow.party_id == party_id)
        if targets is not None:  # a combined proposal's terms are inside it: every one may overlap
            conditions.append(ProposalRow.target.in_(sorted(set(targets) | {"terms"})))
        return self._plain(*conditions)

    def of_agreement(self, agreement_id: int) -> list[Proposal]:
        """Every proposal on an agreement, oldest first."""
        return self._plain(ProposalRow.agreement_id == agreement_id)

    def _plain(self, *conditions: ColumnElement[bool]) -> list[Proposal]:
        """Proposals read as plain rows with their parties' names, never as ORM objects: a package or a
        big negotiation holds thousands, and building an object per row was most of the time."""
        proposer, decider = aliased(PartyRow), aliased(PartyRow)
        query = (select(*ProposalRow.__table__.c, proposer.name.label("party_name"),
                        decider.name.label("decider_name"))
                 .join(proposer, proposer.id == ProposalRow.party_id)
                 .outerjoin(decider, decider.id == ProposalRow.decided_by)
                 .where(*conditions).order_by(ProposalRow.id))
        return [Proposal(
            id=r.id, agreement_id=r.agreement_id, party_id=r.party_id, party_name=r.party_name,
            kind=ProposalKind(r.kind), target=r.target, base=r.base, base_version=r.base_version,
            proposed=r.proposed, rationale=r.rationale, status=ProposalStatus(r.status),
            created_at=parse_time(r.created_at), answers=r.answers, heading=r.heading, place=r.place,
            decided_by=r.decider_name, decided_by_id=r.decided_by,
            decided_at=parse_time(r.decided_at) if r.decided_at else None, decision_note=r.decision_note or "",
        ) for r in self._session.execute(query)]

    def set_status(self, proposal_id: int, status: ProposalStatus, decided_by: int | None,
                   expected: ProposalStatus | None = None, note: str = "", at: str | None = None) -> str | None:
        """Record a decision (or a supersession) on a proposal, at ``at`` (now unless given: a decision
        made in another library keeps its own time). With ``expected``, only if the proposal still stands
        as it was read (compare-and-set): otherwise nothing is written and the user is told."""
        reopened = status is ProposalStatus.OPEN
        query = update(ProposalRow).where(ProposalRow.id == proposal_id)
        if expected is not None:
            query = query.where(ProposalRow.status == expected.value)
        at = None if reopened else (at or format_time(utc_now()))
        done = self._session.execute(query.values(status=status.value, decided_by=decided_by, decided_at=at,
                                                  decision_note="" if reopened else note))
        if _rowcount(done) != 1:
            now = self.get(proposal_id)
            by = f" by {now.decided_by}" if now.decided_by else ""
            raise ProposalChanged(f"Proposal {proposal_id} was {now.status.value}{by} while you were looking at it, so "
                                  "nothing was changed. Look at it again and decide on what it is now.",
                                  field="proposal")
        return at  # the time recorded for the decision (none when reopened)


def _rowcount(done: Result[Any]) -> int:
    """How many rows an UPDATE changed (what the database driver says)."""
    if not isinstance(done, CursorResult):
        raise TypeError("an UPDATE's result should be a cursor's")
    return done.rowcount


class ProposalChanged(InvalidInput):
    """A proposal changed (another user decided it) between reading it and deciding on it."""


class RoundStore:
    """Rounds inside one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, agreement_id: int, label: str, issued_by: str, sections: list[RoundSection], terms: JsonObject,
            issued_at: str | None = None) -> Round:
        """Freeze the agreement as it stands under a label (issued now, or when another library issued it)."""
        snapshot = {"sections": [s.__dict__ for s in sections], "terms": terms}
        row = RoundRow(agreement_id=agreement_id, label=label, issued_at=issued_at or format_time(utc_now()),
                       issued_by=issued_by, snapshot=json.dumps(snapshot, sort_keys=True, ensure_ascii=False),
                       withdrawn=False)
        self._session.add(row)
        self._session.flush()
        return _round(row)

    def issued_count(self, agreement_id: int) -> int:
        """How many rounds of the agreement stand issued (withdrawn ones not counted), without reading them."""
        return self._session.scalar(select(func.count()).select_from(RoundRow).where(
            RoundRow.agreement_id == agreement_id, RoundRow.withdrawn.is_(False))) or 0

    def latest_issue(self, agreement_id: int) -> str | None:
        """When the agreement's latest round still issued was issued."""
        return self._session.scalar(select(func.max(RoundRow.issued_at)).where(
            RoundRow.agreement_id == agreement_id, RoundRow.withdrawn.is_(False)))

    def snapshot_hash(self, round_id: int) -> str:
        """The hash of a round's frozen text as stored (recorded when it is issued)."""
        return text_hash(self._session.get_one(RoundRow, round_id).snapshot)

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
    if not isinstance(data, dict):
        return ""
    return str(data.get("rationale") or data.get("reason") or data.get("note") or "")


def _proposal(row: ProposalRow) -> Proposal:
    return Proposal(
        id=row.id, agreement_id=row.agreement_id, party_id=row.party_id, party_name=row.party.name,
        kind=ProposalKind(row.kind), target=row.target, base=row.base, base_version=row.base_version,
        proposed=row.proposed, rationale=row.rationale, status=ProposalStatus(row.status),
        created_at=parse_time(row.created_at), answers=row.answers, heading=row.heading, place=row.place,
        decided_by=row.decider.name if row.decider else None, decided_by_id=row.decided_by,
        decided_at=parse_time(row.decided_at) if row.decided_at else None, decision_note=row.decision_note or "",
    )


def _round(row: RoundRow) -> Round:
    data = json.loads(row.snapshot)
    return Round(id=row.id, agreement_id=row.agreement_id, label=row.label, issued_at=parse_time(row.issued_at),
                 issued_by=row.issued_by, sections=tuple(RoundSection(**s) for s in data["sections"]),
                 terms=data["terms"])
