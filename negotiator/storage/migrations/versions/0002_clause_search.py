"""Full-text search over the latest version of each clause (SQLite FTS5).

Other databases search with a plain fallback (see storage.search), so this is SQLite-only.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
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
