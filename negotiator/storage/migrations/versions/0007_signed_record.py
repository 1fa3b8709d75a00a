"""Provenance you can prove: the library's Ed25519 key pair, a signature on every record event, the
other libraries' events kept whole (to forward them with their signatures) and their pinned keys.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

from negotiator.domain.signatures import library_named_by, new_private_key, public_key_of, sign

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_FOREIGN_COLUMNS = (("at", sa.String(40)), ("actor", sa.String(200)), ("action", sa.String(40)),
                    ("subject", sa.String(120)), ("payload", sa.Text), ("agreement", sa.Integer),
                    ("local_agreement", sa.Integer), ("signature", sa.String(128)))


def upgrade() -> None:
    bind = op.get_bind()
    private = new_private_key()
    info = sa.table("library_info", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(info, [{"key": "private_key", "value": private}, {"key": "public_key",
                                                                       "value": public_key_of(private)}])
    # A library that has recorded nothing and met no one (a new one) is named by its key, so that no one
    # else can send packages in its name; an older one keeps the uid its partners already know it by.
    used = any(bind.execute(sa.text(f"SELECT 1 FROM {table} LIMIT 1")).first()
               for table in ("negotiation_event", "origin", "foreign_event"))
    if not used:
        bind.execute(sa.text("UPDATE library_info SET value = :uid WHERE key = 'uid'"),
                     {"uid": library_named_by(public_key_of(private))})
    op.add_column("negotiation_event", sa.Column("signature", sa.String(128), nullable=True))
    # The events recorded before the upgrade are this library's record too: it signs them now, so that
    # every event it holds (and forwards) carries a signature and one rule checks them all.
    rows = bind.execute(sa.text("SELECT id, content_hash FROM negotiation_event")).all()
    if rows:
        bind.execute(sa.text("UPDATE negotiation_event SET signature = :signature WHERE id = :id"),
                     [{"id": number, "signature": sign(private, digest)} for number, digest in rows])
    for name, kind in _FOREIGN_COLUMNS:
        op.add_column("foreign_event", sa.Column(name, kind, nullable=True))
    op.create_index("ix_foreign_event_local_agreement", "foreign_event", ["local_agreement"])
    op.create_table(
        "trusted_library",
        sa.Column("library", sa.String(64), primary_key=True),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("party", sa.String(200), nullable=False),
        sa.Column("first_seen", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("trusted_library")
    op.drop_index("ix_foreign_event_local_agreement", "foreign_event")
    with op.batch_alter_table("foreign_event") as batch:
        for name, _kind in _FOREIGN_COLUMNS:
            batch.drop_column(name)
    with op.batch_alter_table("negotiation_event") as batch:
        batch.drop_column("signature")
    op.execute("DELETE FROM library_info WHERE key IN ('private_key', 'public_key')")
