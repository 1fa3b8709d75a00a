"""Parties, agreements and their signatories, the versioned outline, and the terms sheets.

Revision ID: 0003
Revises: 0002
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _chained() -> list[sa.Column[Any]]:
    return [
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("parent_hash", sa.String(64), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "party",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("short_name", sa.String(60), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
    )
    op.create_table(
        "agreement",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False, unique=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("model", sa.String(40), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("agreement.id"), nullable=True),
    )
    op.create_index("ix_agreement_parent_id", "agreement", ["parent_id"])
    op.create_table(
        "agreement_party",
        sa.Column("agreement_id", sa.Integer, sa.ForeignKey("agreement.id"), primary_key=True),
        sa.Column("party_id", sa.Integer, sa.ForeignKey("party.id"), primary_key=True),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_agreement_party_party_id", "agreement_party", ["party_id"])
    op.create_table(
        "section",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("agreement_id", sa.Integer, sa.ForeignKey("agreement.id"), nullable=False),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("section.id"), nullable=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("removed", sa.Boolean, nullable=False),
        sa.Column("latest_number", sa.Integer, nullable=False),
    )
    op.create_index("ix_section_agreement_id", "section", ["agreement_id"])
    op.create_table(
        "section_version",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("section_id", sa.Integer, sa.ForeignKey("section.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("heading", sa.String(200), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("clause_key", sa.String(80), nullable=True),
        sa.Column("clause_version", sa.Integer, nullable=True),
        *_chained(),
        sa.UniqueConstraint("section_id", "number"),
    )
    op.create_index("ix_section_version_section_id", "section_version", ["section_id"])
    op.create_table(
        "terms_version",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("agreement_id", sa.Integer, sa.ForeignKey("agreement.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        *_chained(),
        sa.UniqueConstraint("agreement_id", "number"),
    )
    op.create_index("ix_terms_version_agreement_id", "terms_version", ["agreement_id"])


def downgrade() -> None:
    for table in ("terms_version", "section_version", "section", "agreement_party", "agreement", "party"):
        op.drop_table(table)
