"""The library's own uid, the origins of records that came from other libraries, and the senders'
negotiation records as seen.

Revision ID: 0005
Revises: 0004
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    info = op.create_table(
        "library_info",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.bulk_insert(info, [{"key": "uid", "value": uuid.uuid4().hex}])
    op.create_table(
        "origin",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("origin", sa.String(120), nullable=False),
        sa.Column("local_id", sa.Integer, nullable=False),
        sa.UniqueConstraint("kind", "origin"),
    )
    op.create_index("ix_origin_local_id", "origin", ["local_id"])
    op.create_table(
        "foreign_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("library", sa.String(64), nullable=False),
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("parent_hash", sa.String(64), nullable=False),
        sa.UniqueConstraint("library", "event_id"),
    )


def downgrade() -> None:
    for table in ("foreign_event", "origin", "library_info"):
        op.drop_table(table)
