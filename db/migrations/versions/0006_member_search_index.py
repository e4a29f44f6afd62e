"""member search index

Substring search over members' folded names through an FTS5 trigram index (SQLite), so a
rare name is found in a million members without reading them all. See db/search.py.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 02:40:00
"""

from collections.abc import Sequence

from alembic import op

from db import search

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(search.MEMBER_FTS_DDL)
    for sql in search.member_trigger_sql():
        op.execute(sql)
    search.rebuild_members(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in search.MEMBER_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE member_fts")
