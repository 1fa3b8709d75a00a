"""The record covers everything that decides an agreement: events without an agreement (anchors of
clause versions), the reason given with a decision, party short names as long as names, and a
baseline event that starts the record of an upgraded library from its state at the upgrade.

Revision ID: 0006
Revises: 0005
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from negotiator.domain.audit import text_hash
from negotiator.domain.clauses import format_time, utc_now
from negotiator.domain.json_data import JsonObject
from negotiator.storage.negotiation_store import event_fields_hash

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def upgrade() -> None:
    with op.batch_alter_table("negotiation_event") as batch:
        batch.alter_column("agreement_id", existing_type=sa.Integer, nullable=True)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _widen_short_names_on_sqlite(bind)
    else:
        op.alter_column("party", "short_name", existing_type=sa.String(60), type_=sa.String(200))
    op.add_column("proposal", sa.Column("decision_note", sa.Text, nullable=False, server_default=""))
    _baseline(op.get_bind())


def _widen_short_names_on_sqlite(bind: sa.Connection) -> None:
    """SQLite stores text of any length, so only the declared type changes. Rebuilding the party table
    (Alembic's batch way) would drop a table that agreements and proposals refer to; SQLite's own
    documented way for a change that leaves the stored rows as they are is to edit the declaration."""
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema=ON")
    bind.exec_driver_sql("UPDATE sqlite_master SET sql = replace(sql, 'short_name VARCHAR(60)', "
                         "'short_name VARCHAR(200)') WHERE type = 'table' AND name = 'party'")
    bind.exec_driver_sql(f"PRAGMA schema_version={int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema=OFF")


def _baseline(bind: sa.Connection) -> None:
    """One event per existing agreement holding its facts, proposals' standing and rounds' hashes, and one
    holding the head of every version chain: what the checks of the record compare with from now on."""

    def q(sql: str) -> Sequence[sa.Row[*tuple[Any, ...]]]:
        """The plain rows a query reads."""
        return bind.execute(sa.text(sql)).all()

    last = bind.execute(sa.text("SELECT id, content_hash FROM negotiation_event ORDER BY id DESC LIMIT 1")).first()
    last_id: int = last[0] if last else 0
    last_hash: str = last[1] if last else GENESIS
    at = format_time(utc_now())
    names: dict[int, str] = {pid: name for pid, name in q("SELECT id, name FROM party")}

    def append(agreement_id: int | None, action: str, subject: str, payload: JsonObject) -> None:
        nonlocal last_id, last_hash
        body = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        number = last_id + 1
        digest = event_fields_hash(number, last_hash, at, "Library upgrade", action, agreement_id, subject, body)
        bind.execute(sa.text("INSERT INTO negotiation_event (id, at, actor, action, agreement_id, subject, payload, "
                             "parent_hash, content_hash) VALUES (:id, :at, 'Library upgrade', :action, :agreement, "
                             ":subject, :payload, :parent, :hash)"),
                     {"id": number, "at": at, "action": action, "agreement": agreement_id, "subject": subject,
                      "payload": body, "parent": last_hash, "hash": digest})
        last_id, last_hash = number, digest

    parties: dict[int, dict[str, str]] = {}
    for agreement_id, party_id, role in q("SELECT agreement_id, party_id, role FROM agreement_party"):
        parties.setdefault(agreement_id, {})[str(party_id)] = role
    proposals: dict[int, dict[str, list[str | None]]] = {}
    for pid, agreement_id, status, decider in q("SELECT id, agreement_id, status, decided_by FROM proposal"):
        proposals.setdefault(agreement_id, {})[str(pid)] = [status, names.get(decider)]
    rounds: dict[int, dict[str, list[str | bool]]] = {}
    for rid, agreement_id, snapshot, withdrawn in q("SELECT id, agreement_id, snapshot, withdrawn FROM round"):
        rounds.setdefault(agreement_id, {})[str(rid)] = [text_hash(snapshot), bool(withdrawn)]
    for aid, title, kind, status, parent in q("SELECT id, title, kind, status, parent_id FROM agreement ORDER BY id"):
        append(aid, "baseline", title, {"agreement": {"title": title, "kind": kind, "status": status,
                                                      "parent_id": parent, "parties": parties.get(aid, {})},
                                        "proposals": proposals.get(aid, {}), "rounds": rounds.get(aid, {})})
    heads: dict[str, tuple[int, str]] = {}  # written as JSON lists [number, hash]
    for prefix, sql in (("clause", "SELECT clause_id, number, content_hash FROM clause_version"),
                        ("section", "SELECT section_id, number, content_hash FROM section_version"),
                        ("terms", "SELECT agreement_id, number, content_hash FROM terms_version")):
        for owner, number, digest in q(sql):
            chain = f"{prefix}:{owner}"
            if chain not in heads or heads[chain][0] < number:
                heads[chain] = (number, digest)
    if heads:
        append(None, "baseline", "versions", {"heads": heads})


def downgrade() -> None:
    op.drop_column("proposal", "decision_note")
