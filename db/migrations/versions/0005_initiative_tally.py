"""initiative tally

The counts progress and the dashboard read (per programme, phase, unit, status, field and
month), kept by triggers on SQLite and filled from the register here. See db/tally.py.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# The trigger SQL lives in db/tally.py (one copy); a later change to it comes with its own
# revision that drops and recreates the triggers.
from db import tally

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

def upgrade() -> None:
    op.create_table(
        "initiative_tally",
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("phase_key", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("field_key", sa.String(length=32), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("initiatives", sa.Integer(), nullable=False),
        sa.Column("with_benefit", sa.Integer(), nullable=False),
        sa.Column("benefit", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("programme_id", "phase_key", "unit_id", "status", "field_key",
                                "month", name=op.f("pk_initiative_tally")),
        sqlite_with_rowid=False,
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    for sql in tally.trigger_sql():
        op.execute(sql)
    tally.fill(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in tally.TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("initiative_tally")
