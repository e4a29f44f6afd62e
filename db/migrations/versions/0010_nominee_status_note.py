"""nominee status note

The reason an approval was undone ("Hủy duyệt", issue 12): kept on the nominee.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 05:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("commendation_nominee",
                  sa.Column("status_note", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("commendation_nominee") as batch:
        batch.drop_column("status_note")
