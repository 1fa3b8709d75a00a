"""Libraries made by every earlier schema revision open with the current app, keeping everything.

``tests/fixtures/library-REV.sqlite`` is a frozen library as the app at revision REV left it (see
tests/fixtures/make_fixtures.py). Each is opened, upgraded and read back here; a revision added
later brings its own file and is tested the same way.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from negotiator.domain.proposals import ProposalStatus
from negotiator.services.session import Workspace, open_workspace
from negotiator.storage import schema
from negotiator.storage.models import Base

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("library-*.sqlite"))
AGREEMENT = "Fixture Alliance Agreement"


def _revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def _since(revision: str, introduced: str) -> bool:
    return schema.REVISIONS.index(revision) >= schema.REVISIONS.index(introduced)


def test_every_earlier_schema_revision_has_a_frozen_library() -> None:
    frozen = [_revision(path) for path in FIXTURES]
    assert set(frozen) <= set(schema.REVISIONS) and len(set(frozen)) == len(frozen)
    assert set(schema.REVISIONS[:-1]) <= set(frozen), (
        "run tests/fixtures/make_fixtures.py to freeze the library of the revision before the newest")


@pytest.fixture(params=FIXTURES, ids=lambda path: path.stem)
def old_library(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path, bytes]:
    """This test's copy of one frozen library: its revision, where it is, and its bytes as frozen."""
    path = tmp_path / request.param.name
    shutil.copyfile(request.param, path)
    return _revision(path), path, path.read_bytes()


def test_an_old_library_opens_upgraded_with_everything_in_it(old_library: tuple[str, Path, bytes]) -> None:
    revision, path, original = old_library
    workspace = open_workspace(path, "Fixture Reader")
    try:
        backup = workspace.clauses.library.backup
        if revision == schema.HEAD:
            assert backup is None
        else:
            assert backup is not None and backup.read_bytes() == original
        _check_clauses(workspace)
        if _since(revision, "0003"):
            _check_agreement(workspace)
        if _since(revision, "0004"):
            _check_negotiation(workspace)
        checked, clause_problems = workspace.clauses.verify()
        found = workspace.record.verify()
        _, problems = found.checked, found.texts()
        assert (checked, clause_problems, problems) == (3, [], [])
    finally:
        workspace.close()
    assert _revision(path) == schema.HEAD


def _check_clauses(workspace: Workspace) -> None:
    history = workspace.clauses.history("fixture.payment")
    assert [v.number for v in history] == [1, 2] and history[1].text.endswith("flow down to sub-contractors.")
    assert workspace.clauses.clause("fixture.disputes").retired
    # The search index (revision 0002) covers what was there before it, retired clauses left out.
    assert [hit.key for hit in workspace.clauses.search("invoices")] == ["fixture.payment"]
    assert workspace.clauses.search("mediation") == []


def _check_agreement(workspace: Workspace) -> None:
    agreement = workspace.agreements.agreement(AGREEMENT)
    assert [s.party.short_name for s in agreement.signatories] == ["ICB", "Hope Street", "GP Federation"]
    outline = workspace.outline.outline(agreement.id)
    assert [(n.number, n.section.heading, n.section.version) for n in outline] == [
        ("1", "Payment", 2), ("2", "Duration", 1)]
    terms = workspace.agreements.terms(agreement.id)
    assert (terms.payment.days, terms.duration.initial_term_months) == (30, 60)


def _check_negotiation(workspace: Workspace) -> None:
    views = workspace.negotiation.proposals(AGREEMENT)
    assert [(v.proposal.party_name, v.proposal.status) for v in views] == [
        ("Hope Street Trust", ProposalStatus.OPEN), ("Northshire GP Federation", ProposalStatus.REJECTED)]
    assert [r.label for r in workspace.rounds.rounds(AGREEMENT)] == ["Draft 1"]


def test_an_old_library_takes_new_work_on_its_old_chains(old_library: tuple[str, Path, bytes]) -> None:
    revision, path, _ = old_library
    workspace = open_workspace(path, "Fixture Reader")
    try:
        workspace.clauses.revise("fixture.payment", "Undisputed invoices are paid within 20 days.")
        if _since(revision, "0004"):
            made = workspace.negotiation.propose_term(AGREEMENT, "payment.days", "25", "ICB", "A middle way.")
            workspace.negotiation.decide(made.id, "accept", "Hope Street")
        assert workspace.clauses.verify()[1] == [] and workspace.record.verify().texts() == []
    finally:
        workspace.close()


def test_an_upgraded_old_library_matches_the_models(old_library: tuple[str, Path, bytes]) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    _, path, _ = old_library
    open_workspace(path, "Fixture Reader").close()
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            # The full-text index (clause_search and the shadow tables FTS5 makes for it) is a
            # virtual table the models deliberately do not describe.
            context = MigrationContext.configure(connection, opts={"include_object": _modelled})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def _modelled(obj: object, name: str | None, type_: str, *_: object) -> bool:
    return not (type_ == "table" and (name or "").startswith("clause_search"))
