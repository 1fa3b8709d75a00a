"""Opening a library on a PostgreSQL server: the same migrations and schema as a file, text search
through PostgreSQL's own index, and plain words (never the password) when it cannot be opened."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from negotiator.domain.errors import LibraryUnusable
from negotiator.services.library import LibraryService
from negotiator.storage.models import Base
from tests.library_backends import PostgresDatabases


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "negotiator", *args], capture_output=True, text=True, timeout=120)


def _with(url: str, **changes: object) -> str:
    return make_url(url).set(**changes).render_as_string(hide_password=False)


def test_without_the_driver_the_message_says_so_in_plain_words() -> None:
    # This interpreter cannot import psycopg, as on an installation that lacks it.
    code = ("import runpy, sys; sys.modules['psycopg'] = None; "
            "sys.argv = ['negotiator', '--library', 'postgresql+psycopg://team:s3cret-pw@db.invalid/negotiation', "
            "'library', 'list']; runpy.run_module('negotiator', run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "driver" in result.stderr and "psycopg" in result.stderr and "not installed" in result.stderr
    assert "s3cret-pw" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.postgresql
def test_a_wrong_password_is_named_and_never_shown(postgres_databases: PostgresDatabases) -> None:
    wrong = _with(postgres_databases.server.database_url("postgres"), password="not-the-password-42")
    with pytest.raises(LibraryUnusable, match="refused the user name or password") as raised:
        LibraryService.open(wrong, "A")
    assert "not-the-password-42" not in str(raised.value)
    result = _cli("--library", wrong, "library", "list")
    assert result.returncode == 2 and "refused the user name or password" in result.stderr
    assert "not-the-password-42" not in result.stderr and "Traceback" not in result.stderr


def test_no_server_at_the_address_is_named_without_the_password() -> None:
    with socket.socket() as probe:  # a loopback port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://team:s3cret-pw@127.0.0.1:{port}/negotiation"
    with pytest.raises(LibraryUnusable, match=f"no database server answers at 127.0.0.1:{port}") as raised:
        LibraryService.open(url, "A")
    assert "s3cret-pw" not in str(raised.value)
    result = _cli("--library", url, "library", "list")
    assert result.returncode == 2 and "no database server answers" in result.stderr
    assert "s3cret-pw" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.postgresql
def test_a_missing_database_is_named(postgres_databases: PostgresDatabases) -> None:
    url = postgres_databases.server.database_url("no_such_library")
    with pytest.raises(LibraryUnusable, match="no_such_library does not exist on the server") as raised:
        LibraryService.open(url, "A")
    assert str(postgres_databases.server.url.password) not in str(raised.value)


@pytest.mark.postgresql
def test_a_plain_postgresql_url_uses_the_shipped_driver(postgres_databases: PostgresDatabases) -> None:
    url = postgres_databases.create()
    try:
        service = LibraryService.open(_with(url, drivername="postgresql"), "A")
        assert service.is_new and service.location.startswith("postgresql+psycopg://") and "***" in service.location
        service.close()
    finally:
        postgres_databases.drop(url)


@pytest.mark.postgresql
def test_models_and_migrations_agree_on_postgresql(postgres_databases: PostgresDatabases) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    url = postgres_databases.create()
    try:
        LibraryService.open(url, "A").close()
        engine = create_engine(url)
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_object": _not_search_index})
            assert compare_metadata(context, Base.metadata) == []
        engine.dispose()
    finally:
        postgres_databases.drop(url)


def _not_search_index(obj: object, name: str | None, type_: str, *_: object) -> bool:
    return not (type_ == "index" and name == "clause_search_postgres")


@pytest.mark.postgresql
def test_search_uses_postgresqls_text_search_index(postgres_databases: PostgresDatabases,
                                                   postgres_starter_template: str) -> None:
    from negotiator.storage.clause_search import _TS_QUERY

    url = postgres_databases.create(postgres_starter_template)
    try:
        engine = create_engine(url)
        with engine.connect() as connection:
            connection.execute(text("SET enable_seqscan = off"))  # a tiny table would be scanned otherwise
            query = {"query": "'mediat':*", "limit": 10, "options": "", "weights": [1.0] * 4}
            plan = connection.execute(text("EXPLAIN " + _TS_QUERY.format(category="")), query).scalars().all()
        engine.dispose()
        assert any("clause_search_postgres" in line for line in plan), plan
    finally:
        postgres_databases.drop(url)
