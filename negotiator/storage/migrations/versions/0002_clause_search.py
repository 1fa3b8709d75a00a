"""Full-text search over the latest version of each clause: SQLite FTS5, or on PostgreSQL an
expression index for its own text search (see storage.clause_search).

Other databases search with a plain scan, so they get nothing here.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


# Written out rather than imported: a migration must not change when the app's code does.
_POSTGRES_VECTOR = ("(setweight(to_tsvector('simple'::regconfig, title), 'A') || "
                    "setweight(to_tsvector('simple'::regconfig, text), 'D'))")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        # Every version is indexed (an index cannot see clause.latest_number); the query keeps the latest.
        op.execute(f"CREATE INDEX clause_search_postgres ON clause_version USING gin ({_POSTGRES_VECTOR})")
        return
    if dialect != "sqlite":
        return
    # rowid is the clause id; retired clauses are kept out of the index.
    op.execute(
        "CREATE VIRTUAL TABLE clause_search USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute(
        "INSERT INTO clause_search (rowid, title, body) "
        "SELECT c.id, v.title, v.text FROM clause c JOIN clause_version v "
        "ON v.clause_id = c.id AND v.number = c.latest_number WHERE NOT c.retired"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE clause_search")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX clause_search_postgres")
