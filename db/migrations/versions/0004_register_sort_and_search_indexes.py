"""register sort and search indexes

Sorted register pages walk an index in the sort order (date, name or benefit, then seq)
and stop after the page; the search index keeps 2- and 3-letter prefixes, so short words
("so do tu duy") are found without scanning every term that starts with them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 02:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None



def _indexes(new: bool) -> None:
    # Plain CREATE/DROP INDEX: a batch (table-recreating) operation would drop the triggers.
    for name in ("ix_initiative_registered", "ix_initiative_name"):
        op.drop_index(name, table_name="initiative")
    tail = ["seq"] if new else []
    op.create_index("ix_initiative_registered", "initiative", ["registered_on", *tail])
    op.create_index("ix_initiative_name", "initiative", ["name_folded", *tail])
    if new:
        op.create_index("ix_initiative_benefit", "initiative", ["economic_benefit", "seq"])
    else:
        op.drop_index("ix_initiative_benefit", table_name="initiative")


def _search_index(prefix: str) -> None:
    """Recreate the FTS5 table (same columns and triggers as 0002) and fill it again."""
    if op.get_bind().dialect.name != "sqlite":
        return
    triggers = [
        row[0] for row in op.get_bind().exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'initiative' "
            "AND name IN ('initiative_ai', 'initiative_ad', 'initiative_au')")
    ]
    for name in ("initiative_ai", "initiative_ad", "initiative_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE initiative_fts")
    op.execute(
        "CREATE VIRTUAL TABLE initiative_fts USING fts5("
        "name_folded, authors_folded, description_folded, unit_folded, "
        "content='initiative', content_rowid='seq', "
        f"tokenize='unicode61 remove_diacritics 2'{prefix})"
    )
    op.execute("INSERT INTO initiative_fts(initiative_fts) VALUES ('rebuild')")
    for sql in triggers:
        op.execute(sql)


def upgrade() -> None:
    _indexes(new=True)
    _search_index(", prefix='2 3'")


def downgrade() -> None:
    _indexes(new=False)
    _search_index("")
