"""A shared team library on PostgreSQL: several users' processes writing the same negotiation at
once keep one unbroken record, and opening a library on a server goes through the same migrations."""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import create_engine, text

from negotiator.domain.proposals import ProposalStatus
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import open_workspace
from negotiator.storage.schema import HEAD as SCHEMA_HEAD
from tests.decision_race import accept_and_counter_at_once
from tests.library_backends import PostgresDatabases

pytestmark = pytest.mark.postgresql
PROPOSALS_EACH = 12
# Spawned, not forked: each worker is a fresh interpreter, as a second user's app would be.
_SPAWN = multiprocessing.get_context("spawn")


@pytest.fixture
def shared_demo(postgres_databases: PostgresDatabases, postgres_demo_template: str):
    url = postgres_databases.create(postgres_demo_template)
    yield url
    postgres_databases.drop(url)


def _propose_many(url: str, party: str, start: object, results: object) -> None:
    """One user's app: propose a new payment term again and again, as fast as it can."""
    workspace = open_workspace(url, f"{party} lawyer")
    try:
        start.wait(timeout=60)
        made = []
        for number in range(PROPOSALS_EACH):
            days = 10 + number + (0 if party == "GP Federation" else 40)
            made.append(workspace.negotiation.propose_term(ALLIANCE, "payment.days", str(days), party,
                                                           f"Proposal {number} from {party}").id)
        results.put((party, made))
    except BaseException as error:  # reported to the test rather than lost in the worker
        results.put((party, repr(error)))
    finally:
        workspace.close()


def _decide(url: str, proposal_id: int, party: str, start: object, results: object) -> None:
    """One user's app: accept a proposal the moment the other user accepts its rival."""
    workspace = open_workspace(url, f"{party} lawyer")
    try:
        start.wait(timeout=60)
        results.put((proposal_id, workspace.negotiation.decide(proposal_id, "accept", party).status.value))
    except BaseException as error:
        results.put((proposal_id, repr(error)))
    finally:
        workspace.close()


def _run_together(target: object, argument_lists: list[tuple]) -> list[tuple]:
    start, results = _SPAWN.Barrier(len(argument_lists)), _SPAWN.Queue()
    workers = [_SPAWN.Process(target=target, args=(*arguments, start, results)) for arguments in argument_lists]
    for worker in workers:
        worker.start()
    found = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    return found


def test_two_users_proposing_at_once_keep_one_unbroken_record(shared_demo: str) -> None:
    workspace = open_workspace(shared_demo, "Reviewer")
    try:
        events_before = workspace.record.verify().checked
        proposals_before = len(workspace.negotiation.proposals(ALLIANCE))
    finally:
        workspace.close()
    found = dict(_run_together(_propose_many, [(shared_demo, "GP Federation"), (shared_demo, "Hope Street")]))
    assert all(isinstance(made, list) and len(made) == PROPOSALS_EACH for made in found.values()), found
    found_by_party = found

    workspace = open_workspace(shared_demo, "Reviewer")
    try:
        found = workspace.record.verify()
        checked, problems = found.checked, found.texts()
        assert problems == []
        # Every proposal recorded once, none lost; each replaced the party's own earlier one (recorded superseded).
        assert checked == events_before + 2 * PROPOSALS_EACH + 2 * (PROPOSALS_EACH - 1)
        proposals = workspace.negotiation.proposals(ALLIANCE)
        assert len(proposals) == proposals_before + 2 * PROPOSALS_EACH
        for made in found_by_party.values():  # one position per party: its latest
            assert [v.proposal.id for v in proposals if v.proposal.id in made and v.proposal.is_open] == [made[-1]]
        rationale = {v.proposal.id: v.proposal.rationale for v in proposals}
        assert all(rationale[i] == f"Proposal {n} from {party}" for party, made in found_by_party.items()
                   for n, i in enumerate(made))
    finally:
        workspace.close()
    engine = create_engine(shared_demo)
    with engine.connect() as connection:  # one chain: each event's parent is the event before it
        rows = connection.execute(text("SELECT id, parent_hash, content_hash FROM negotiation_event ORDER BY id")).all()
    engine.dispose()
    assert [row.id for row in rows] == list(range(1, len(rows) + 1))
    assert all(later.parent_hash == earlier.content_hash for earlier, later in zip(rows, rows[1:], strict=False))
    assert len({row.parent_hash for row in rows}) == len(rows)  # no event has two children: no fork


def test_two_users_accepting_rival_proposals_at_once_accept_only_one(shared_demo: str) -> None:
    workspace = open_workspace(shared_demo, "Reviewer")
    try:
        first = workspace.negotiation.propose_term(ALLIANCE, "payment.days", "21", "GP Federation", "Three weeks")
        second = workspace.negotiation.propose_term(ALLIANCE, "payment.days", "28", "Hope Street", "Four weeks")
    finally:
        workspace.close()
    found = dict(_run_together(_decide, [(shared_demo, first.id, "Northshire ICB"),
                                         (shared_demo, second.id, "Northshire ICB")]))
    workspace = open_workspace(shared_demo, "Reviewer")
    try:
        statuses = {v.proposal.id: v.proposal.status for v in workspace.negotiation.proposals(ALLIANCE)
                    if v.proposal.id in found}
        assert sorted(s.value for s in statuses.values()) == ["accepted", "superseded"], found
        assert workspace.record.verify().texts() == []
        winner = next(i for i, s in statuses.items() if s is ProposalStatus.ACCEPTED)
        assert workspace.agreements.terms(ALLIANCE).payment.days == (21 if winner == first.id else 28)
    finally:
        workspace.close()


def test_two_users_opening_a_new_shared_library_at_once_create_it_once(postgres_databases: PostgresDatabases) -> None:
    url = postgres_databases.create()
    try:
        found = _run_together(_open_and_report, [(url,), (url,)])
        assert [result for _, result in found] == [SCHEMA_HEAD, SCHEMA_HEAD], found
        engine = create_engine(url)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM library_info WHERE key = 'uid'")).scalar() == 1
        engine.dispose()
    finally:
        postgres_databases.drop(url)


def _open_and_report(url: str, start: object, results: object) -> None:
    try:
        start.wait(timeout=60)
        workspace = open_workspace(url, "Opener")
        results.put((url, workspace.schema_revision))
        workspace.close()
    except BaseException as error:
        results.put((url, repr(error)))


def test_two_users_rewording_one_section_at_once_get_a_plain_message(shared_demo: str) -> None:
    """The second of two simultaneous edits to the same section is refused in plain words, and the first
    stands: nothing half-written, no raw database error."""
    import threading

    from negotiator.domain.errors import InvalidInput

    first_user, second_user = open_workspace(shared_demo, "First lawyer"), open_workspace(shared_demo, "Second lawyer")
    try:
        for user in (first_user, second_user):  # the prime contract is still being drafted, by the ICB
            user.act_as("Northshire ICB")
        prime = first_user.agreements.agreement("Northshire MSK Prime Contract").id
        section = first_user.outline.outline(prime)[0].section.id
        editing, release = threading.Event(), threading.Event()

        def first() -> None:
            with first_user.library_unit():  # the first user's edit is made but not yet committed
                first_user.outline.edit(section, "Wording agreed by the first user.")
                editing.set()
                release.wait(20)
        worker = threading.Thread(target=first)
        worker.start()
        assert editing.wait(20)
        threading.Timer(1.0, release.set).start()  # the first commits while the second is waiting on it
        seen = second_user.outline.section(section).version  # what the second user started from
        with pytest.raises(InvalidInput, match="Someone else changed"):
            second_user.outline.edit(section, "Wording wanted by the second user.", seen=seen)
        worker.join(20)
        assert second_user.outline.section(section).text == "Wording agreed by the first user."
    finally:
        first_user.close()
        second_user.close()


def test_an_acceptance_and_a_counter_at_the_same_moment_only_one_takes_effect(shared_demo: str) -> None:
    accept_and_counter_at_once(shared_demo)
