"""Schema revisions this version of the app knows, readable without importing Alembic.

Importing Alembic costs start-up time, so opening a library that is already at the head
revision only compares its stored revision with this list. A test keeps it in step with
the migration scripts.
"""

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
HEAD = REVISIONS[-1]
