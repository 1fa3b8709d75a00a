"""Alembic environment: always runs on the connection the library opener hands over."""

from alembic import context
from sqlalchemy.schema import SchemaItem

from negotiator.storage.models import Base

connection = context.config.attributes["connection"]
# The full-text index is a virtual table the ORM does not model; autogenerate must leave it alone.
_UNMODELLED = {"clause_search"}


def _include(obj: SchemaItem, name: str | None, type_: str, reflected: bool, compare_to: SchemaItem | None) -> bool:
    return not (type_ == "table" and (name in _UNMODELLED or (name or "").startswith("clause_search_")))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_object=_include,
    render_as_batch=True,
)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        # Two users opening a new or older shared library at once: the second waits, then finds it
        # already upgraded (Alembic reads the revision again under the lock) and does nothing.
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(1313163087)")
    context.run_migrations()
