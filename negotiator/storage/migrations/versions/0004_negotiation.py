"""Proposals, rounds and the hash-chained negotiation record.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "proposal",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("agreement_id", sa.Integer, sa.ForeignKey("agreement.id"), nullable=False),
        sa.Column("party_id", sa.Integer, sa.ForeignKey("party.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("target", sa.String(120), nullable=False),
        sa.Column("base", sa.Text, nullable=False),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("proposed", sa.Text, nullable=False),
        sa.Column("heading", sa.String(200), nullable=False),
        sa.Column("place", sa.String(40), nullable=False),
        sa.Column("rationale", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("answers", sa.Integer, sa.ForeignKey("proposal.id"), nullable=True),
        sa.Column("decided_by", sa.Integer, sa.ForeignKey("party.id"), nullable=True),
        sa.Column("decided_at", sa.String(32), nullable=True),
    )
    op.create_index("ix_proposal_agreement_id", "proposal", ["agreement_id"])
    op.create_table(
        "round",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("agreement_id", sa.Integer, sa.ForeignKey("agreement.id"), nullable=False),
        sa.Column("label", sa.String(80), nullable=False),
        sa.Column("issued_at", sa.String(32), nullable=False),
        sa.Column("issued_by", sa.String(200), nullable=False),
        sa.Column("snapshot", sa.Text, nullable=False),
        sa.Column("withdrawn", sa.Boolean, nullable=False),
    )
    op.create_index("ix_round_agreement_id", "round", ["agreement_id"])
    op.create_table(
        "negotiation_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("agreement_id", sa.Integer, sa.ForeignKey("agreement.id"), nullable=False),
        sa.Column("subject", sa.String(120), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("parent_hash", sa.String(64), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_negotiation_event_agreement_id", "negotiation_event", ["agreement_id"])


def downgrade() -> None:
    for table in ("negotiation_event", "round", "proposal"):
        op.drop_table(table)
