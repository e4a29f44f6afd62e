"""fund ledger

The mutual-aid fund (Quỹ tương hỗ): funds and settings, loans and their schedules, a
double-entry journal (entries, postings) and cash counts. Triggers make the journal
trustworthy at the database: an entry is written as draft and flipped to posted only when
its postings sum to zero and its date is after the fund's closed period; a posted entry,
its postings, a schedule and a cash count are never updated or deleted. The trigger SQL is
frozen here (db.models.fund.FUND_TRIGGERS holds the same text for ``fund check``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 04:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGGERS = {
    "fund_entry_insert_draft": "CREATE TRIGGER fund_entry_insert_draft BEFORE INSERT ON fund_entry\nWHEN NEW.status != 'draft'\nBEGIN SELECT RAISE(ABORT, 'fund: an entry is written as draft, then posted'); END",
    "fund_entry_posted_frozen": "CREATE TRIGGER fund_entry_posted_frozen BEFORE UPDATE ON fund_entry\nWHEN OLD.status = 'posted'\nBEGIN SELECT RAISE(ABORT, 'fund: a posted entry cannot be changed'); END",
    "fund_entry_posted_kept": "CREATE TRIGGER fund_entry_posted_kept BEFORE DELETE ON fund_entry\nWHEN OLD.status = 'posted'\nBEGIN SELECT RAISE(ABORT, 'fund: a posted entry cannot be deleted'); END",
    "fund_entry_post_balanced": "CREATE TRIGGER fund_entry_post_balanced BEFORE UPDATE OF status ON fund_entry\nWHEN NEW.status = 'posted' AND (\n  (SELECT COUNT(*) FROM fund_posting WHERE entry_id = NEW.id) < 2\n  OR (SELECT COALESCE(SUM(amount), 0) FROM fund_posting WHERE entry_id = NEW.id) != 0)\nBEGIN SELECT RAISE(ABORT, 'fund: the postings of an entry must sum to zero'); END",
    "fund_entry_post_unlocked": "CREATE TRIGGER fund_entry_post_unlocked BEFORE UPDATE OF status ON fund_entry\nWHEN NEW.status = 'posted' AND NEW.\"on\" <= COALESCE(\n  (SELECT locked_through FROM fund WHERE id = NEW.fund_id), '0000-00-00')\nBEGIN SELECT RAISE(ABORT, 'fund: the period is locked'); END",
    "fund_posting_insert_open": "CREATE TRIGGER fund_posting_insert_open BEFORE INSERT ON fund_posting\nWHEN NOT EXISTS (SELECT 1 FROM fund_entry e WHERE e.id = NEW.entry_id AND e.status = 'draft'\n                 AND e.fund_id = NEW.fund_id AND e.\"on\" = NEW.\"on\")\nBEGIN SELECT RAISE(ABORT, 'fund: a posting belongs to a draft entry of the same fund and date'); END",
    "fund_posting_frozen": "CREATE TRIGGER fund_posting_frozen BEFORE UPDATE ON fund_posting\nWHEN (SELECT status FROM fund_entry WHERE id = OLD.entry_id) = 'posted'\n  OR (SELECT status FROM fund_entry WHERE id = NEW.entry_id) = 'posted'\nBEGIN SELECT RAISE(ABORT, 'fund: a posted posting cannot be changed'); END",
    "fund_posting_kept": "CREATE TRIGGER fund_posting_kept BEFORE DELETE ON fund_posting\nWHEN (SELECT status FROM fund_entry WHERE id = OLD.entry_id) = 'posted'\nBEGIN SELECT RAISE(ABORT, 'fund: a posted posting cannot be deleted'); END",
    "fund_lock_forward": "CREATE TRIGGER fund_lock_forward BEFORE UPDATE OF locked_through ON fund\nWHEN OLD.locked_through IS NOT NULL\n AND (NEW.locked_through IS NULL OR NEW.locked_through < OLD.locked_through)\nBEGIN SELECT RAISE(ABORT, 'fund: a closed period cannot be reopened'); END",
    "fund_instalment_frozen": "CREATE TRIGGER fund_instalment_frozen BEFORE UPDATE ON fund_instalment\nBEGIN SELECT RAISE(ABORT, 'fund: a schedule is never rewritten'); END",
    "fund_instalment_kept": "CREATE TRIGGER fund_instalment_kept BEFORE DELETE ON fund_instalment\nBEGIN SELECT RAISE(ABORT, 'fund: a schedule is never rewritten'); END",
    "fund_cash_count_frozen": "CREATE TRIGGER fund_cash_count_frozen BEFORE UPDATE ON fund_cash_count\nBEGIN SELECT RAISE(ABORT, 'fund: a cash count cannot be changed'); END",
    "fund_cash_count_kept": "CREATE TRIGGER fund_cash_count_kept BEFORE DELETE ON fund_cash_count\nBEGIN SELECT RAISE(ABORT, 'fund: a cash count cannot be deleted'); END",
}


def upgrade() -> None:
    op.create_table(
        "fund",
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("guidance", sa.String(length=255), nullable=False),
        sa.Column("ceiling", sa.Integer(), nullable=False),
        sa.Column("max_term_months", sa.Integer(), nullable=False),
        sa.Column("rate_bp", sa.Integer(), nullable=False),
        sa.Column("rounding", sa.Integer(), nullable=False),
        sa.Column("grace_days", sa.Integer(), nullable=False),
        sa.Column("buckets", sa.String(length=64), nullable=False),
        sa.Column("allocation", sa.String(length=16), nullable=False),
        sa.Column("allow_second_loan", sa.Boolean(), nullable=False),
        sa.Column("locked_through", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("origin_office", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_fund_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund")),
        sa.UniqueConstraint("code", name=op.f("uq_fund_code")),
        sa.UniqueConstraint("unit_id", name=op.f("uq_fund_unit_id")),
    )
    op.create_table(
        "fund_loan",
        sa.Column("fund_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=48), nullable=False),
        sa.Column("borrower_id", sa.Uuid(), nullable=False),
        sa.Column("guarantor_id", sa.Uuid(), nullable=True),
        sa.Column("purpose", sa.String(length=500), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("term_months", sa.Integer(), nullable=False),
        sa.Column("rate_bp", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("disbursed_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("rescheduled_from_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("origin_office", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["borrower_id"], ["member.id"], name=op.f("fk_fund_loan_borrower_id_member")
        ),
        sa.ForeignKeyConstraint(["fund_id"], ["fund.id"], name=op.f("fk_fund_loan_fund_id_fund")),
        sa.ForeignKeyConstraint(
            ["guarantor_id"], ["member.id"], name=op.f("fk_fund_loan_guarantor_id_member")
        ),
        sa.ForeignKeyConstraint(
            ["rescheduled_from_id"],
            ["fund_loan.id"],
            name=op.f("fk_fund_loan_rescheduled_from_id_fund_loan"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_loan")),
        sa.UniqueConstraint("number", name=op.f("uq_fund_loan_number")),
    )
    with op.batch_alter_table("fund_loan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fund_loan_borrower_id"), ["borrower_id"], unique=False)
        batch_op.create_index("ix_fund_loan_fund_status", ["fund_id", "status"], unique=False)

    op.create_table(
        "fund_entry",
        sa.Column("fund_id", sa.Uuid(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("voucher_kind", sa.String(length=4), nullable=False),
        sa.Column("voucher_no", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("memo", sa.String(length=500), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=True),
        sa.Column("loan_id", sa.Uuid(), nullable=True),
        sa.Column("reverses_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("allocation", sa.Text(), nullable=False),
        sa.Column("source_key", sa.String(length=128), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("origin_office", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["fund_id"], ["fund.id"], name=op.f("fk_fund_entry_fund_id_fund")),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["fund_loan.id"], name=op.f("fk_fund_entry_loan_id_fund_loan")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_fund_entry_member_id_member")
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"], ["fund_entry.id"], name=op.f("fk_fund_entry_reverses_id_fund_entry")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_entry")),
        sa.UniqueConstraint(
            "fund_id", "voucher_kind", "year", "voucher_no", name=op.f("uq_fund_entry_fund_id")
        ),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_fund_entry_reverses_id")),
        sa.UniqueConstraint("source_key", name=op.f("uq_fund_entry_source_key")),
    )
    with op.batch_alter_table("fund_entry", schema=None) as batch_op:
        batch_op.create_index("ix_fund_entry_fund_on", ["fund_id", "on"], unique=False)
        batch_op.create_index("ix_fund_entry_loan", ["loan_id"], unique=False)

    op.create_table(
        "fund_instalment",
        sa.Column("loan_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("principal", sa.Integer(), nullable=False),
        sa.Column("fee", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("origin_office", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["fund_loan.id"], name=op.f("fk_fund_instalment_loan_id_fund_loan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_instalment")),
        sa.UniqueConstraint("loan_id", "seq", name=op.f("uq_fund_instalment_loan_id")),
    )
    op.create_table(
        "fund_cash_count",
        sa.Column("fund_id", sa.Uuid(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("account", sa.String(length=16), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=False),
        sa.Column("book", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Uuid(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("origin_office", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["fund_entry.id"], name=op.f("fk_fund_cash_count_entry_id_fund_entry")
        ),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["fund.id"], name=op.f("fk_fund_cash_count_fund_id_fund")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_cash_count")),
    )
    with op.batch_alter_table("fund_cash_count", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fund_cash_count_fund_id"), ["fund_id"], unique=False)

    op.create_table(
        "fund_posting",
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("fund_id", sa.Uuid(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("account", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=True),
        sa.Column("loan_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("origin_office", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["fund_entry.id"], name=op.f("fk_fund_posting_entry_id_fund_entry")
        ),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["fund.id"], name=op.f("fk_fund_posting_fund_id_fund")
        ),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["fund_loan.id"], name=op.f("fk_fund_posting_loan_id_fund_loan")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_fund_posting_member_id_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_posting")),
    )
    with op.batch_alter_table("fund_posting", schema=None) as batch_op:
        batch_op.create_index("ix_fund_posting_book", ["fund_id", "account", "on"], unique=False)
        batch_op.create_index("ix_fund_posting_entry", ["entry_id"], unique=False)
        batch_op.create_index("ix_fund_posting_loan", ["loan_id", "on"], unique=False)
        batch_op.create_index("ix_fund_posting_member", ["member_id", "account"], unique=False)
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("fund_posting")
    op.drop_table("fund_cash_count")
    op.drop_table("fund_instalment")
    op.drop_table("fund_entry")
    op.drop_table("fund_loan")
    op.drop_table("fund")
