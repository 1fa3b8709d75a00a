"""Opening a library: check what the file is, migrate it safely, then hand out sessions.

Order matters for safety. A SQLite file is first inspected read-only, so a file that is not a
library is never written to. An older library is backed up, then upgraded in one transaction,
and only then switched to WAL, so a failed upgrade leaves its bytes exactly as they were.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.engine.interfaces import DBAPICursor
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from negotiator.domain.errors import LibraryBusy, LibraryUnusable
from negotiator.storage import schema
from negotiator.storage.inspection import LibraryState, inspect_sqlite_file
from negotiator.storage.server import inspect_server as _inspect_server
from negotiator.storage.server import server_engine as _server_engine

BUSY_TIMEOUT_MS = 5000
# The sessions of the units of work running in this thread (or task), by library; never mutated in place.
_ACTIVE: ContextVar[tuple[tuple[int, Session], ...]] = ContextVar("negotiator_units_of_work", default=())
# Whether the unit of work starting in this thread writes (None outside any unit of work).
_WRITING: ContextVar[bool | None] = ContextVar("negotiator_writing", default=None)


@dataclass
class Library:
    """An open library: where it is, and a factory of units of work."""

    location: str
    engine: Engine
    created: bool
    backup: Path | None
    _sessions: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        """Whether the library is an SQLite file (full-text search uses FTS5 there)."""
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def unit_of_work(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction per user action: committed on success, rolled back on any error.

        A unit of work that changes anything says ``write=True``: on SQLite it then takes the write
        lock before its first read, so what it reads (the end of a hash chain) cannot change before it
        writes, and it waits its turn behind another window instead of failing. Reading units never
        wait for a writer. A unit of work started inside another (in the same thread) joins it, so that
        a use case made of several service calls (an import proposing many changes) commits or fails as
        a whole; the outer one must then be the writing one.
        """
        outer = dict(_ACTIVE.get()).get(id(self))
        if outer is not None:
            yield outer
            return
        writing = _WRITING.set(write)
        try:
            with self._sessions() as session, session.begin():
                token = _ACTIVE.set((*_ACTIVE.get(), (id(self), session)))
                try:
                    yield session
                    if write:
                        _anchor_versions(session)
                finally:
                    _ACTIVE.reset(token)
        except OperationalError as error:
            if _is_busy(error):
                raise LibraryBusy(
                    f"The library {self.location} is busy: another Negotiator window or program is writing to "
                    "it. Nothing was changed; try again in a moment."
                ) from error
            if _clashed(error):
                raise _same_moment(self.location) from error
            raise
        except IntegrityError as error:
            # On a server two users can write the next version of the same thing at once; the second
            # meets the first's row under the same number. (On SQLite writers take turns instead.)
            if _clashed(error):
                raise _same_moment(self.location) from error
            raise
        finally:
            _WRITING.reset(writing)

    def schema_revision(self) -> str | None:
        """The schema revision the library's database says it is at (Alembic's record of it)."""
        with self.engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


def _anchor_versions(session: Session) -> None:
    """Versions written without an event to carry their heads get an anchor event before the commit."""
    from negotiator.storage.negotiation_store import EventLog  # the record's module needs the models loaded

    EventLog(session).anchor_pending()


def open_library(target: str | Path) -> Library:
    """Open (creating or upgrading if needed) the library at a file path or SQLAlchemy URL."""
    url, path = _resolve(target)
    if path is not None:
        state = inspect_sqlite_file(path)
        engine = _sqlite_engine(url)
    else:
        engine = _server_engine(url)
        state = _inspect_server(engine, engine.url.render_as_string(hide_password=True))
    location = str(path) if path is not None else engine.url.render_as_string(hide_password=True)
    backup = None
    try:
        if state.revision != schema.HEAD:
            state.refuse_if_newer(location)
            if state.revision is not None and path is not None:
                backup = _backup(path, state.revision)
            _migrate(engine, location, state, backup)
        if path is not None:
            _enable_wal(engine)
    except BaseException:
        engine.dispose()
        raise
    return Library(location, engine, state.revision is None, backup, sessionmaker(engine))


def _resolve(target: str | Path) -> tuple[URL, Path | None]:
    raw = str(target)
    if "://" in raw:
        try:
            url = make_url(raw)
        except ArgumentError:
            raise LibraryUnusable(f"'{raw}' is not a database URL Negotiator understands.") from None
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            return _resolve(Path(url.database))
        return url, None
    path = Path(raw).expanduser().resolve()
    if path.is_dir():
        raise LibraryUnusable(f"{path} is a folder; choose a library file (for example library.sqlite).")
    if not path.parent.exists():
        raise LibraryUnusable(f"Cannot create a library at {path}: the folder {path.parent} does not exist.")
    return make_url(f"sqlite+pysqlite:///{path}"), path


def _is_busy(error: OperationalError) -> bool:
    # SQLITE_BUSY (5) and its extended codes: the write lock stayed taken past the busy timeout.
    return (getattr(error.orig, "sqlite_errorcode", 0) & 0xFF) == 5 or "database is locked" in str(error.orig)


def _clashed(error: DBAPIError) -> bool:
    # PostgreSQL: a unique key taken by a concurrent transaction, a serialisation failure, a deadlock.
    sqlstate: object = getattr(error.orig, "sqlstate", None)
    return sqlstate in ("23505", "40001", "40P01")


def _same_moment(location: str) -> LibraryBusy:
    return LibraryBusy(f"Someone else changed the same part of the library {location} at the same moment, so "
                       "nothing you did was saved. Look again (their change is there now) and try again.")


def _busy_timeout_ms() -> int:
    # Tests shorten the wait to see what the user sees when another program keeps the library busy.
    return int(os.environ.get("NEGOTIATOR_BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS))


def _sqlite_engine(url: URL) -> Engine:
    timeout_ms = _busy_timeout_ms()
    engine = create_engine(url, connect_args={"timeout": timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so that
        # DDL in a migration is inside the transaction too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={timeout_ms}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A plain BEGIN takes the write lock only at the first write, after the reads: if another
        # window is writing, or wrote since those reads, SQLite then refuses at once ("database is
        # locked") without waiting. So a writing unit of work begins IMMEDIATE: it waits its turn (up
        # to the busy timeout) and reads the ends of the hash chains only once no one else can move them.
        writing = _WRITING.get()
        connection.info["negotiator_reading"] = writing is False
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    if os.environ.get("NEGOTIATOR_STRICT_UNITS"):
        event.listen(engine, "before_cursor_execute", _refuse_writes_while_reading)
    return engine


def _refuse_writes_while_reading(connection: Connection, _cursor: DBAPICursor, statement: str, *_: object) -> None:
    # In the tests, a write inside a reading unit of work is a bug: it would fail, not wait, when
    # another window is writing. The app itself lets it through rather than lose the user's work.
    if connection.info.get("negotiator_reading") and statement.lstrip()[:6].upper() in ("INSERT", "UPDATE",
                                                                                        "DELETE"):
        raise RuntimeError(f"A write inside a reading unit of work (use write=True): {statement[:80]}")


def _enable_wal(engine: Engine) -> None:
    # WAL lets a second window read while the first writes; it must be set outside a transaction.
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        if driver is None:
            raise LibraryUnusable("The library's database connection was closed before it could be opened.")
        driver.execute("PRAGMA journal_mode=WAL")
    finally:
        raw.close()


def _backup(path: Path, revision: str) -> Path:
    from negotiator.domain.clauses import utc_now

    stamp = utc_now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.before-schema-{schema.HEAD}-{stamp}{path.suffix or '.sqlite'}")
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        shutil.copy2(path, backup)  # a byte-for-byte copy of the file as it was
        return backup
    # Recent changes still sit in the write-ahead log: let SQLite assemble a consistent copy.
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(backup)
        with target:
            source.backup(target)
        target.close()
    finally:
        source.close()
    return backup


def _migrate(engine: Engine, location: str, state: LibraryState, backup: Path | None) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    writing = _WRITING.set(True)  # a second app opening the same old library waits, then finds it upgraded
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except Exception as error:  # any failure: the transaction is rolled back, the file untouched
        if isinstance(error, OperationalError) and _is_busy(error):
            raise LibraryBusy(f"The library {location} is busy: another Negotiator window or program is using "
                              "it, so it could not be upgraded. It was left as it was; try again in a moment."
                              ) from error
        where = f" A copy made before the upgrade is at {backup}." if backup else ""
        start = state.revision or "(new)"
        raise LibraryUnusable(
            f"Could not upgrade the library {location} from schema revision {start} to "
            f"{schema.HEAD}: {error}. The library was left as it was.{where}"
        ) from error
    finally:
        _WRITING.reset(writing)
