"""A library on a database server (a shared team library on PostgreSQL): connecting to it, and
saying in plain words why it cannot be used. A password in the URL is never shown."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from negotiator.domain.errors import LibraryUnusable
from negotiator.storage.inspection import LibraryState, state_from_tables

CONNECT_TIMEOUT_S = 10
# What the server or the network says, and what the user can do about it. First match wins.
_CONNECTION_PROBLEMS = (
    (("password authentication failed", "no password supplied", "role \"", "authentication failed"),
     "the server refused the user name or password"),
    (("does not exist",), "the database {database} does not exist on the server; ask its administrator to create "
                          "it (an empty database becomes a new library)"),
    (("connection refused", "could not connect", "timeout expired", "timed out", "could not translate host name",
      "name or service not known", "no route to host", "network is unreachable", "temporary failure in name"),
     "no database server answers at {address}; check the address and that the server is running"),
    (("permission denied",), "the user {user} may not use this database; ask its administrator for access"),
)


def server_url(url: URL) -> URL:
    """The URL with the driver shipped with the app, when a PostgreSQL URL names none."""
    if url.drivername in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    return url


def server_engine(url: URL) -> Engine:
    """An engine for a library on a server; a missing driver or a bad URL is a LibraryUnusable."""
    url = server_url(url)
    location = url.render_as_string(hide_password=True)
    arguments = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "Negotiator"}
    try:
        return create_engine(url, pool_pre_ping=True,
                             connect_args=arguments if url.get_backend_name() == "postgresql" else {})
    except ImportError:
        raise LibraryUnusable(
            f"Cannot open the library at {location}: the database driver it needs ({url.get_driver_name()}) is not "
            "installed with this copy of Negotiator. Reinstall Negotiator, or use a postgresql+psycopg:// URL."
        ) from None
    except (ArgumentError, SQLAlchemyError) as error:
        raise LibraryUnusable(f"'{location}' is not a database URL Negotiator understands: {error}.") from None


def inspect_server(engine: Engine, location: str) -> LibraryState:
    """Connect and find the library's schema revision (None for an empty database)."""
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            revision = None
            if "alembic_version" in tables:
                revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError as error:
        raise LibraryUnusable(f"Cannot open the library at {location}: {connection_problem(engine.url, error)}.") \
            from None
    return state_from_tables(location, tables, revision)


def connection_problem(url: URL, error: BaseException) -> str:
    """Why connecting failed, in plain words and without the password."""
    said = str(getattr(error, "orig", None) or error)
    lowered = said.lower()
    address = f"{url.host or 'localhost'}:{url.port or 5432}"
    for clues, explanation in _CONNECTION_PROBLEMS:
        if any(clue in lowered for clue in clues):
            return explanation.format(database=url.database, address=address, user=url.username)
    first_line = said.strip().splitlines()[0] if said.strip() else type(error).__name__
    if url.password:
        first_line = first_line.replace(str(url.password), "***")
    return f"the server said: {first_line}"
