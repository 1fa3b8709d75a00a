"""Opening a library: new, older, newer, broken, or not a library at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

import negotiator.storage.database as database
from negotiator.domain.errors import LibraryUnusable
from negotiator.services.library import LibraryService
from negotiator.storage import schema
from negotiator.storage.models import Base

MIGRATIONS = Path(database.__file__).parent / "migrations"


def _alembic(connection: object) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _library_at(path: Path, revision: str) -> None:
    """A library file as an older version of the app left it."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(_alembic(connection), revision)
    engine.dispose()


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_a_new_file_is_created_at_the_head_revision_with_wal(library_path: Path) -> None:
    service = LibraryService.open(library_path, "A")
    assert service.is_new
    service.close()
    assert _revision(library_path) == schema.HEAD
    with sqlite3.connect(library_path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_foreign_keys_and_busy_timeout_are_on(service: LibraryService) -> None:
    with service.library.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_the_known_revisions_are_the_migration_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    scripts = [s.revision for s in ScriptDirectory.from_config(config).walk_revisions()]
    assert tuple(reversed(scripts)) == schema.REVISIONS


def test_models_and_migrations_agree(library_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    LibraryService.open(library_path, "A").close()
    engine = create_engine(f"sqlite:///{library_path}")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": _not_search_index})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def _not_search_index(obj: object, name: str | None, type_: str, *_: object) -> bool:
    return not (type_ == "table" and (name or "").startswith("clause_search"))


def test_an_older_library_is_backed_up_then_upgraded_keeping_its_clauses(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _library_at(path, "0001")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO clause VALUES (1, 'old.clause', 'Old payment clause', 'Payment and finance', 1, 0)"
        )
        connection.execute("INSERT INTO clause_kind VALUES (1, 'prime_contract', 0)")
        connection.execute(
            "INSERT INTO clause_version VALUES (1, 1, 1, 'Old payment clause', 'Invoices are paid in 30 days.',"
            " 'A', '2025-01-01T00:00:00.000000Z', '', :g, 'x')", {"g": "0" * 64})
    original = path.read_bytes()

    service = LibraryService.open(path, "A")
    try:
        assert service.library.backup is not None and service.library.backup.read_bytes() == original
        assert [hit.key for hit in service.search("invoices")] == ["old.clause"]
    finally:
        service.close()
    assert _revision(path) == schema.HEAD


def test_a_library_from_a_newer_app_is_refused_naming_both_revisions(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    _library_at(path, schema.HEAD)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = path.read_bytes()
    with pytest.raises(LibraryUnusable) as refused:
        LibraryService.open(path, "A")
    assert "9999" in str(refused.value) and schema.HEAD in str(refused.value)
    assert path.read_bytes() == before


def test_a_library_that_fails_to_migrate_is_left_exactly_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "clash.sqlite"
    _library_at(path, "0001")
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE clause_search (x)")  # the next migration cannot create its index
    before = path.read_bytes()
    with pytest.raises(LibraryUnusable) as failed:
        LibraryService.open(path, "A")
    message = str(failed.value)
    assert "0001" in message and schema.HEAD in message and "left as it was" in message
    assert path.read_bytes() == before
    assert _revision(path) == "0001"


@pytest.mark.parametrize("content", [
    bytes(range(256)) * 8,
    b"Heads of terms, draft 3\nNot a database at all.\n",
])
def test_a_file_that_is_not_a_library_is_refused_unchanged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    with pytest.raises(LibraryUnusable) as refused:
        LibraryService.open(path, "A")
    assert str(path) in str(refused.value) and "not a Negotiator library" in str(refused.value)
    assert path.read_bytes() == content


def test_another_applications_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('Jane Smith', '0113 496 0000')")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(LibraryUnusable) as refused:
        LibraryService.open(path, "A")
    assert "another application" in str(refused.value) and "contacts" in str(refused.value)
    assert path.read_bytes() == before


def test_a_folder_or_a_missing_folder_is_refused_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(LibraryUnusable, match="is a folder"):
        LibraryService.open(tmp_path, "A")
    with pytest.raises(LibraryUnusable, match="does not exist"):
        LibraryService.open(tmp_path / "no" / "such.sqlite", "A")


def test_a_sqlalchemy_url_opens_a_library(tmp_path: Path) -> None:
    path = tmp_path / "by-url.sqlite"
    service = LibraryService.open(f"sqlite:///{path}", "A")
    service.close()
    assert _revision(path) == schema.HEAD


def test_an_unknown_url_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LibraryUnusable):
        LibraryService.open("nosuchdb://user@host/db", "A")


def test_the_workspace_builds_each_service_once_and_says_its_library_s_real_schema_revision(tmp_path: Path) -> None:
    import sqlite3

    from negotiator.services.session import open_workspace
    from negotiator.storage.schema import HEAD

    path = tmp_path / "library.sqlite"
    ws = open_workspace(path, "Test Drafter")
    try:
        assert all(getattr(ws, name) is getattr(ws, name) for name in ("record", "remarks", "scenarios", "trust",
                                                                       "backups"))
        assert ws.schema_revision == HEAD
        with sqlite3.connect(path) as other:  # another program rewinds it: the About box must not pretend
            other.execute("UPDATE alembic_version SET version_num = '0006'")
        assert ws.schema_revision == "0006"
    finally:
        ws.close()
