"""Libraries on both backends: an SQLite file, and a database on a real PostgreSQL server.

The storage and service tests take ``starter_library``, ``demo_library`` or ``new_library``
instead of a file path, and run once per backend. The PostgreSQL server is a throwaway cluster
started once for the session (see tests/support/throwaway_postgres.py); each test gets a database of
its own, copied from a template built once. Without a server those tests skip with the reason,
except in CI (CI set), where a missing server fails the run.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.support.throwaway_postgres import ServerUnavailable, ThrowawayServer, start_server

BACKENDS = [pytest.param("sqlite", id="sqlite"),
            pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgresql)]
_names = itertools.count(1)


class PostgresDatabases:
    """Makes and drops the databases of one server."""

    def __init__(self, server: ThrowawayServer) -> None:
        self.server = server
        self._admin = create_engine(server.database_url("postgres"), isolation_level="AUTOCOMMIT")

    def create(self, template: str = "template0") -> str:
        """A new database (a copy of ``template``), as a library URL."""
        name = f"negotiator_test_{os.getpid()}_{next(_names)}"
        with self._admin.connect() as connection:
            # A file copy of a small template is quicker than logging every page of it.
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY'))
        return self.server.database_url(name)

    def drop(self, url: str) -> None:
        """Drop a database made by :meth:`create`, whoever is still connected to it."""
        name = url.rsplit("/", 1)[1]
        with self._admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        """Release the administrative connection."""
        self._admin.dispose()


@pytest.fixture(scope="session")
def postgres_databases() -> Iterator[PostgresDatabases]:
    """The session's PostgreSQL server; skips (fails in CI) when none can be had."""
    try:
        server = start_server()
    except ServerUnavailable as error:
        reason = f"no PostgreSQL server for the tests: {error}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI must run the PostgreSQL tests)", pytrace=False)
        pytest.skip(reason)
    databases = PostgresDatabases(server)
    try:
        yield databases
    finally:
        databases.close()
        server.stop()


def _template_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


@pytest.fixture(scope="session")
def postgres_starter_template(postgres_databases: PostgresDatabases) -> str:
    """A database holding the starter clauses, built once and copied for each test."""
    from negotiator.locations import starter_library_file
    from negotiator.services.library import LibraryService

    url = postgres_databases.create()
    service = LibraryService.open(url, "Test Drafter")
    service.import_file(starter_library_file())
    service.close()
    return _template_name(url)


@pytest.fixture(scope="session")
def postgres_demo_template(postgres_databases: PostgresDatabases, postgres_starter_template: str) -> str:
    """A database holding the starter clauses and the demo negotiation, built once."""
    from negotiator.services.session import open_workspace

    url = postgres_databases.create(postgres_starter_template)
    workspace = open_workspace(url, "Test Drafter")
    workspace.create_demo()
    workspace.close()
    return _template_name(url)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The database behind the test's library: sqlite or postgresql."""
    return request.param


def _postgres_copy(request: pytest.FixtureRequest, template: str | None) -> Iterator[str]:
    databases: PostgresDatabases = request.getfixturevalue("postgres_databases")
    url = databases.create(request.getfixturevalue(template) if template else "template0")
    yield url
    databases.drop(url)


@pytest.fixture
def starter_library(backend: str, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """A library of this test's own holding the starter clauses: a file path or a database URL."""
    if backend == "sqlite":
        yield request.getfixturevalue("starter_path")
    else:
        yield from _postgres_copy(request, "postgres_starter_template")


@pytest.fixture
def demo_library(backend: str, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """This test's own copy of the demo library: a file path or a database URL."""
    if backend == "sqlite":
        yield request.getfixturevalue("demo_path")
    else:
        yield from _postgres_copy(request, "postgres_demo_template")


@pytest.fixture
def new_library(backend: str, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """Where a new, empty library will be created: a file path or an empty database's URL."""
    if backend == "sqlite":
        yield request.getfixturevalue("library_path")
    else:
        yield from _postgres_copy(request, None)


def copy_library(location: Path | str, request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A second library that starts as a copy of ``location`` (closed), on the same backend."""
    if isinstance(location, Path):
        copy = tmp_path / f"copy-{next(_names)}.sqlite"
        shutil.copyfile(location, copy)
        return copy
    databases: PostgresDatabases = request.getfixturevalue("postgres_databases")
    url = databases.create(_template_name(location))
    request.addfinalizer(lambda: databases.drop(url))
    return url


def library_template(request: pytest.FixtureRequest, which: str) -> Path | str:
    """The session's ``starter`` or ``demo`` template library on the test's backend (copy it; never open it)."""
    if request.getfixturevalue("backend") == "sqlite":
        return request.getfixturevalue(f"{which}_template")
    databases: PostgresDatabases = request.getfixturevalue("postgres_databases")
    return databases.server.database_url(request.getfixturevalue(f"postgres_{which}_template"))


def true_location(workspace: object) -> Path | str:
    """Where an open workspace's library is, with the password its location hides when shown."""
    library = workspace.clauses.library
    return Path(library.location) if library.is_sqlite else library.engine.url.render_as_string(hide_password=False)


def behind_the_apps_back(location: Path | str, statement: str, **parameters: object) -> list:
    """Read or change a library with plain SQL, as someone tampering with it would; the rows it returns."""
    url = f"sqlite:///{location}" if isinstance(location, Path) else location
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement), parameters)
            return result.all() if result.returns_rows else []
    finally:
        engine.dispose()
