"""fund covering indexes

The fund book, balances and the state of many loans read only a few columns of many
postings and instalments: indexes that hold those columns answer them without visiting the
table rows (the book of 100,000 postings, the state of 10,000 loans).

* ``ix_fund_posting_book`` (fund, account, date) gains the entry and the amount;
* ``ix_fund_posting_loan`` becomes (loan, account, date, amount, entry): a loan's sums;
* ``ix_fund_entry_unposted``: the entries not posted (none in a sound journal), which every
  sum leaves out (a draft can arrive from another office's package).
* ``ix_fund_instalment_schedule`` (loan, seq, due date, principal, fee): the schedules.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_fund_posting_book", table_name="fund_posting")
    op.create_index("ix_fund_posting_book", "fund_posting",
                    ["fund_id", "account", "on", "entry_id", "amount"], unique=False)
    op.drop_index("ix_fund_posting_loan", table_name="fund_posting")
    op.create_index("ix_fund_posting_loan", "fund_posting",
                    ["loan_id", "account", "on", "amount", "entry_id"], unique=False)
    op.create_index("ix_fund_entry_unposted", "fund_entry", ["id"], unique=False,
                    sqlite_where=sa.text("status != 'posted'"))
    op.create_index("ix_fund_instalment_schedule", "fund_instalment",
                    ["loan_id", "seq", "due_on", "principal", "fee"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_fund_entry_unposted", table_name="fund_entry")
    op.drop_index("ix_fund_instalment_schedule", table_name="fund_instalment")
    op.drop_index("ix_fund_posting_loan", table_name="fund_posting")
    op.create_index("ix_fund_posting_loan", "fund_posting", ["loan_id", "on"], unique=False)
    op.drop_index("ix_fund_posting_book", table_name="fund_posting")
    op.create_index("ix_fund_posting_book", "fund_posting", ["fund_id", "account", "on"],
                    unique=False)
