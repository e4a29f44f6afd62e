"""sync: outbox, keys, peers, packages, conflicts

The tables of core/sync and the change-capture triggers on every SyncedMixin table
(db/outbox.py; re-created after every upgrade by db/migrate.py as well).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 04:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import outbox
from db.models.base import UTCDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("operation", sa.String(length=8), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("row", sa.Text(), nullable=False),
        sa.Column("changed", sa.Text(), nullable=False),
        sa.Column("office", sa.String(length=32), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_sync_outbox_row_id"), "sync_outbox", ["row_id"])
    op.create_table(
        "sync_applying",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_applying")),
    )
    op.create_table(
        "sync_identity",
        sa.Column("office_code", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("province_code", sa.String(length=32), nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("box_public", sa.LargeBinary(), nullable=False),
        sa.Column("private_sealed", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("office_code", name=op.f("pk_sync_identity")),
    )
    op.create_table(
        "sync_peer",
        sa.Column("office_code", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("box_public", sa.LargeBinary(), nullable=False),
        sa.Column("revoked_keys", sa.Text(), nullable=False),
        sa.Column("out_epoch", sa.Integer(), nullable=False),
        sa.Column("out_seq", sa.Integer(), nullable=False),
        sa.Column("out_hash", sa.String(length=64), nullable=False),
        sa.Column("acked_through", sa.Integer(), nullable=False),
        sa.Column("in_epoch", sa.Integer(), nullable=False),
        sa.Column("in_seq", sa.Integer(), nullable=False),
        sa.Column("in_hash", sa.String(length=64), nullable=False),
        sa.Column("applied_through", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("office_code", name=op.f("pk_sync_peer")),
    )
    op.create_table(
        "sync_package",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("package_id", sa.String(length=64), nullable=False),
        sa.Column("direction", sa.String(length=4), nullable=False),
        sa.Column("peer", sa.String(length=32), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_package")),
    )
    op.create_index(op.f("ix_sync_package_package_id"), "sync_package", ["package_id"])
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("peer", sa.String(length=32), nullable=False),
        sa.Column("package_id", sa.String(length=64), nullable=False),
        sa.Column("mine", sa.Text(), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("winner", sa.String(length=8), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index(op.f("ix_sync_conflict_row_id"), "sync_conflict", ["row_id"])
    outbox.install(op.get_bind())
    for name, sql in FUND_TRIGGERS_0009.items():
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        op.execute(sql)


# The fund triggers of migration 0007 that refuse a row in its final state (a posted entry
# and its postings, a schedule or cash count as the other office holds it), re-created with
# an exemption for rows arriving from another office while a package is applied
# (sync_applying holds a row then); core.sync.exchange checks the journal's balance once the
# package is applied and refuses the whole package otherwise. Deletions of posted rows stay
# refused, also from a package. Frozen here; db.models.fund.FUND_TRIGGERS holds the same text.
_APPLYING = "NOT EXISTS (SELECT 1 FROM sync_applying)"
FUND_TRIGGERS_0009 = {
    "fund_entry_insert_draft": f"""CREATE TRIGGER fund_entry_insert_draft BEFORE INSERT ON fund_entry
WHEN NEW.status != 'draft' AND {_APPLYING}
BEGIN SELECT RAISE(ABORT, 'fund: an entry is written as draft, then posted'); END""",
    "fund_entry_posted_frozen": f"""CREATE TRIGGER fund_entry_posted_frozen BEFORE UPDATE ON fund_entry
WHEN OLD.status = 'posted' AND {_APPLYING}
BEGIN SELECT RAISE(ABORT, 'fund: a posted entry cannot be changed'); END""",
    "fund_posting_insert_open": f"""CREATE TRIGGER fund_posting_insert_open BEFORE INSERT ON fund_posting
WHEN NOT EXISTS (SELECT 1 FROM fund_entry e WHERE e.id = NEW.entry_id AND e.status = 'draft'
                 AND e.fund_id = NEW.fund_id AND e."on" = NEW."on") AND {_APPLYING}
BEGIN SELECT RAISE(ABORT, 'fund: a posting belongs to a draft entry of the same fund and date'); END""",
    "fund_posting_frozen": f"""CREATE TRIGGER fund_posting_frozen BEFORE UPDATE ON fund_posting
WHEN ((SELECT status FROM fund_entry WHERE id = OLD.entry_id) = 'posted'
  OR (SELECT status FROM fund_entry WHERE id = NEW.entry_id) = 'posted') AND {_APPLYING}
BEGIN SELECT RAISE(ABORT, 'fund: a posted posting cannot be changed'); END""",
    "fund_instalment_frozen": f"""CREATE TRIGGER fund_instalment_frozen BEFORE UPDATE ON fund_instalment
WHEN {_APPLYING}
BEGIN SELECT RAISE(ABORT, 'fund: a schedule is never rewritten'); END""",
    "fund_cash_count_frozen": f"""CREATE TRIGGER fund_cash_count_frozen BEFORE UPDATE ON fund_cash_count
WHEN {_APPLYING}
BEGIN SELECT RAISE(ABORT, 'fund: a cash count cannot be changed'); END""",
}


def _without_exemption(sql: str) -> str:
    return sql.replace(f" AND {_APPLYING}", "").replace(f"WHEN {_APPLYING}\n", "")


def downgrade() -> None:
    bind = op.get_bind()
    for name, sql in FUND_TRIGGERS_0009.items():  # 0007's triggers, before sync_applying goes
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        op.execute(_without_exemption(sql))
    if bind.dialect.name == "sqlite":
        for (name,) in bind.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                "'sync\\_capture\\_%' ESCAPE '\\'").all():
            op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    for table in ("sync_conflict", "sync_package", "sync_peer", "sync_identity",
                  "sync_applying", "sync_outbox"):
        op.drop_table(table)
