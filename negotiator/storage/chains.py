"""The one check of a library's truth: every hash chain recomputed, and the rows compared with what
the negotiation record says they should be. Every caller (`negotiator verify`, `library verify`,
the History panel) uses this module and only this one."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from negotiator.domain.audit import AgreementFacts, Event, StoredProposal, differences, replay, text_hash
from negotiator.domain.clauses import canonical_json, format_time, parse_time
from negotiator.domain.signatures import signed_by
from negotiator.storage.agreement_store import terms_hash
from negotiator.storage.clause_store import GENESIS
from negotiator.storage.keys import private_key
from negotiator.storage.models import (
    AgreementRow,
    ClauseRow,
    ClauseVersionRow,
    NegotiationEventRow,
    PartyRow,
    ProposalRow,
    RoundRow,
    SectionRow,
    SectionVersionRow,
    SignatoryRow,
    TermsVersionRow,
)
from negotiator.storage.negotiation_store import event_hash
from negotiator.storage.section_store import section_hash


@dataclass(frozen=True)
class Problem:
    """One thing found wrong: where (``clause``, ``section``, ``terms``, ``record``, ``database``) and what."""

    area: str
    text: str


@dataclass(frozen=True)
class Verification:
    """How many records were checked, and every problem found."""

    checked: int
    problems: tuple[Problem, ...]

    def texts(self, *areas: str) -> list[str]:
        """The problems in plain words, only those of the given areas when some are named."""
        return [p.text for p in self.problems if not areas or p.area in areas]


def verify_library(session: Session, *, whole: bool = True) -> Verification:
    """Check the whole library: chains, the record, the rows it decides, and the database file. Without
    ``whole``, the clause library's versions and the database file are left out: what the History panel
    checks each time an agreement is shown (`negotiator verify` checks them all)."""
    problems: list[Problem] = []
    # Plain rows throughout, never ORM objects: a library holds a hundred thousand versions and more.
    clause_rows = _clause_versions(session) if whole else []
    problems += _walk_clauses(clause_rows)
    sections = session.execute(select(*SectionVersionRow.__table__.c).order_by(
        SectionVersionRow.section_id, SectionVersionRow.number)).all()
    problems += _walk(sections, lambda r: r.section_id, section_hash, "section")
    terms = session.execute(select(*TermsVersionRow.__table__.c).order_by(
        TermsVersionRow.agreement_id, TermsVersionRow.number)).all()
    problems += _walk(terms, lambda r: r.agreement_id, terms_hash, "terms of agreement")
    events, chain_problems = _events(session)
    problems += chain_problems
    names = _chain_names(session, whole)
    heads = _heads(session, whole)
    expected = replay(events)
    if whole:  # every clause is named (in the order the clauses are read): those without a version are found there
        problems += [Problem("clause", f"{name}: it has no version at all") for chain, name in names.items()
                     if chain.startswith("clause:") and chain not in heads and chain not in expected.heads]
    else:
        expected.heads = {chain: head for chain, head in expected.heads.items() if not chain.startswith("clause:")}
    for found in differences(expected, heads, names, _agreements(session), _proposals(session), _rounds(session)):
        area = found.split(" ", 1)[0]
        problems.append(Problem(area if area in ("clause", "section", "terms") else "record", found))
    problems += _database(session) if whole else []
    checked = len(clause_rows) + len(sections) + len(terms) + len(events)
    return Verification(checked, tuple(problems))


ChainKey = str | int | None
"""What a chain is known by: a clause's key, a section's or an agreement's id; the record is one chain."""

# A chain's link as the check reads it: (chain, number, parent hash, hash recomputed, hash stored).
Link = tuple[ChainKey, int, str, str, str]
BROKEN_LINK, WRONG_HASH = "link", "hash"


def chain_breaks(links: Iterable[Link], *, numbered: bool = True) -> list[tuple[int, str]]:
    """The one check of a hash chain: each chain's links, in order, must start at the genesis, link to the one
    before, match their hashes and (when ``numbered``) be numbered 1, 2, 3…; a new chain starts where the
    chain key changes. Returns where each break is: (the link's position, ``BROKEN_LINK`` or ``WRONG_HASH``).
    One tight loop, as the clause library has a hundred thousand links."""
    breaks: list[tuple[int, str]] = []
    # Before the first link the state is that of a new chain, whatever the first link's key.
    chain: ChainKey = None
    parent, expected_number, position = GENESIS, 1, -1
    for key, number, parent_hash, recomputed, stored in links:
        position += 1  # counted here rather than by enumerate(): the faster in this loop
        if key != chain:
            chain, parent, expected_number = key, GENESIS, 1
        if parent_hash != parent or (number != expected_number and numbered):
            breaks.append((position, BROKEN_LINK))
        if recomputed != stored:
            breaks.append((position, WRONG_HASH))
        parent, expected_number = stored, number + 1
    return breaks


class _Version(Protocol):
    """A version row of a section's or an agreement's terms chain, as the check reads it."""

    @property
    def number(self) -> int: ...
    @property
    def parent_hash(self) -> str: ...
    @property
    def content_hash(self) -> str: ...


_V = TypeVar("_V", bound=_Version)


def _walk(rows: Sequence[_V], owner: Callable[[_V], int], digest: Callable[[_V], str], name: str) -> list[Problem]:
    """The version chains of sections or of agreements' terms, each checked by :func:`chain_breaks`."""
    area = name.split()[0]
    problems = []
    for position, kind in chain_breaks((owner(row), row.number, row.parent_hash, digest(row), row.content_hash)
                                       for row in rows):
        row = rows[position]
        problems.append(Problem(area, f"{name} {owner(row)} version {row.number}: " + _VERSION_BREAKS[kind]))
    return problems


_VERSION_BREAKS = {BROKEN_LINK: "the version before it is missing or was changed (its link to it is broken)",
                   WRONG_HASH: "what is stored no longer matches its hash"}

# A clause version as read for the check: key, number, parent hash, title, text, author, time, note, hash.
ClauseVersion = tuple[str, int, str, str, str, str, str, str | None, str]


def _clause_versions(session: Session) -> list[ClauseVersion]:
    """Every clause version, in chain order, read straight from the database driver: a hundred thousand
    rows whose processing by the ORM layer would cost more than hashing them."""
    version = ClauseVersionRow
    query = select(ClauseRow.key, version.number, version.parent_hash, version.title, version.text, version.author,
                   version.created_at, version.note, version.content_hash) \
        .join(version, version.clause_id == ClauseRow.id).order_by(ClauseRow.key, version.number)
    sql = str(query.compile(dialect=session.get_bind().dialect))
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(sql)
        rows: list[ClauseVersion] = list(cursor.fetchall())
        return rows
    finally:
        cursor.close()


def _clause_links(rows: Iterable[ClauseVersion]) -> Iterator[Link]:
    """The clause versions as links, each with its hash recomputed."""
    sha, encode = hashlib.sha256, canonical_json
    for clause, number, parent_hash, title, wording, author, at, note, digest in rows:
        # The time is hashed as stored when it is in the canonical form (it always is when the app wrote
        # it); another form is read and rewritten first, as the hash was made from the time itself.
        if len(at) != 27 or at[-1] != "Z":
            at = format_time(parse_time(at))
        yield (clause, number, parent_hash,
               sha(encode([clause, number, parent_hash, title, wording, author, at, note]).encode("utf-8")).hexdigest(),
               digest)


def _walk_clauses(rows: list[ClauseVersion]) -> list[Problem]:
    """The clause library's version chains, each checked by :func:`chain_breaks`."""
    problems = []
    for position, kind in chain_breaks(_clause_links(rows)):
        clause, number = rows[position][:2]
        problems.append(Problem("clause", f"clause {clause} version {number}: " + _VERSION_BREAKS[kind]))
    return problems


_EVENT_BREAKS = {BROKEN_LINK: "its link to the event before is broken: an event was deleted, inserted or reordered",
                 WRONG_HASH: "its stored content no longer matches its hash"}


class _SignedEvent(Protocol):
    """A record event as its signature is checked."""

    @property
    def id(self) -> int: ...
    @property
    def action(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def content_hash(self) -> str: ...
    @property
    def signature(self) -> str | None: ...


def _events(session: Session) -> tuple[list[Event], list[Problem]]:
    """The record's events, read once: one chain, checked by :func:`chain_breaks` (its links are numbered by
    event id, which may skip), and each event signed.
    The signature checked is that of each event that ends a run of its agreement's events: what a package
    carries is an agreement's events, and within a run each event's hash is in the next one's, so the
    receiver checks the signature of the run's last event only (decision 0011). Those are the signatures
    that must be right; checking the rest would cost a third of a second more for every 10,000 events."""
    # Plain rows, not ORM objects: the History panel checks the whole chain each time it is shown.
    rows = session.execute(select(*NegotiationEventRow.__table__.c).order_by(NegotiationEventRow.id)).all()
    breaks: dict[int, list[str]] = {}
    for position, kind in chain_breaks(((None, row.id, row.parent_hash, event_hash(row), row.content_hash)
                                        for row in rows), numbered=False):
        breaks.setdefault(position, []).append(_EVENT_BREAKS[kind])
    found, problems = [], []
    key, before = private_key(session), None
    for position, row in enumerate(rows):
        if position in breaks:
            problems += [Problem("record", f"{_what(row)}: {broken}") for broken in breaks[position]]
        if row.signature is None:
            problems.append(Problem("record", f"{_what(row)}: it is not signed"))
        if before is not None and before.agreement_id != row.agreement_id:
            problems += _signature(key, before)
        before = row
        try:
            payload = json.loads(row.payload)
        except ValueError:
            payload = {}
        found.append(Event(row.id, row.actor, row.action, row.agreement_id, row.subject,
                           payload if isinstance(payload, dict) else {}))
    if before is not None:
        problems += _signature(key, before)
    return found, problems


def _signature(key: str, row: _SignedEvent) -> list[Problem]:
    if row.signature is None or signed_by(key, row.content_hash, row.signature):
        return []
    return [Problem("record", f"{_what(row)}: its signature is not this library's: other libraries would refuse a "
                    "package carrying it")]


def _what(row: _SignedEvent) -> str:
    """An event as a problem names it (only when there is one: most events have none)."""
    return f"record event {row.id} ({row.action} {row.subject})"


def _heads(session: Session, clauses: bool) -> dict[str, tuple[int, str]]:
    """The stored head (number, hash) of every version chain (the clause library's too, if asked)."""
    heads = {}
    chains = (("clause", ClauseVersionRow, ClauseVersionRow.clause_id),) if clauses else ()
    for prefix, table, owner in (*chains, ("section", SectionVersionRow, SectionVersionRow.section_id),
                                 ("terms", TermsVersionRow, TermsVersionRow.agreement_id)):
        latest = select(owner.label("owner"), func.max(table.number).label("number")).group_by(owner).subquery()
        rows = session.execute(select(owner, table.number, table.content_hash).join(
            latest, (latest.c.owner == owner) & (latest.c.number == table.number)))
        heads.update({f"{prefix}:{o}": (n, h) for o, n, h in rows})
    return heads


def _chain_names(session: Session, clauses: bool) -> dict[str, str]:
    names = {f"clause:{i}": f"clause {k}" for i, k in session.execute(select(ClauseRow.id, ClauseRow.key))} \
        if clauses else {}
    titles = dict(session.execute(select(AgreementRow.id, AgreementRow.title)).all())
    for section_id, agreement_id in session.execute(select(SectionRow.id, SectionRow.agreement_id)):
        names[f"section:{section_id}"] = f"section {section_id} of '{titles.get(agreement_id, agreement_id)}'"
    names.update({f"terms:{i}": f"terms of '{t}'" for i, t in titles.items()})
    return names


def _agreements(session: Session) -> dict[int, AgreementFacts]:
    facts = {aid: AgreementFacts(title, kind, status, parent, {}) for aid, title, kind, status, parent in
             session.execute(select(AgreementRow.id, AgreementRow.title, AgreementRow.kind, AgreementRow.status,
                                    AgreementRow.parent_id))}
    for aid, party_id, role in session.execute(select(SignatoryRow.agreement_id, SignatoryRow.party_id,
                                                      SignatoryRow.role)):
        facts[aid].parties[party_id] = role
    return facts


def _proposals(session: Session) -> list[StoredProposal]:
    names = dict(session.execute(select(PartyRow.id, PartyRow.name)).all())
    columns = (ProposalRow.id, ProposalRow.kind, ProposalRow.target, ProposalRow.base, ProposalRow.proposed,
               ProposalRow.heading, ProposalRow.place, ProposalRow.rationale, ProposalRow.answers,
               ProposalRow.status, ProposalRow.decided_by, ProposalRow.decision_note)
    return [StoredProposal(pid, {"kind": kind, "target": target, "base": base, "proposed": proposed,
                                 "heading": heading, "place": place, "rationale": rationale, "answers": answers},
                           status, names.get(decider), note or "")
            for pid, kind, target, base, proposed, heading, place, rationale, answers, status, decider, note
            in session.execute(select(*columns).order_by(ProposalRow.id))]


def _rounds(session: Session) -> dict[int, tuple[str, bool, str]]:
    return {rid: (text_hash(snapshot), bool(withdrawn), label) for rid, snapshot, withdrawn, label in
            session.execute(select(RoundRow.id, RoundRow.snapshot, RoundRow.withdrawn, RoundRow.label))}


def _database(session: Session) -> list[Problem]:
    """SQLite's own check of the file's structure (a server checks its own)."""
    if session.get_bind().dialect.name != "sqlite":
        return []
    answers = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
    if answers == ["ok"]:
        return []
    return [Problem("database", "SQLite's own integrity check of the library file failed: " + "; ".join(answers[:5]))]
