"""Full-text search over initiatives, SQLite FTS5 flavour (the only SQLite-specific part).

The index holds folded text (no tones, đ → d), so queries are folded the same way by the
caller. Each word of the query must appear (as a prefix) in any indexed column.
"""

from __future__ import annotations

import re

from sqlalchemy import Select, column, select, table, text
from sqlalchemy.orm import Session

_WORD = re.compile(r"[0-9a-z]+")

fts = table("initiative_fts", column("rowid"))


def match_expression(folded_query: str) -> str | None:
    """FTS5 MATCH text for a folded query: every word as a quoted prefix term, ANDed.

    Only letters and digits survive, so user input can never break the query syntax.
    """
    words = _WORD.findall(folded_query.lower())
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def matching(expression: str, column_name: str | None = None):
    """A WHERE clause for the FTS table (optionally limited to one indexed column)."""
    if column_name:
        expression = f"{column_name} : ({expression})"
    return text("initiative_fts MATCH :fts_query").bindparams(fts_query=expression)


def candidates(session: Session, folded_query: str, *, column: str | None = None,
               limit: int = 200) -> list[int]:
    """``seq`` values of up to ``limit`` initiatives matching ``folded_query``, newest first."""
    expression = match_expression(folded_query)
    if expression is None:
        return []
    query: Select = (
        select(fts.c.rowid).where(matching(expression, column)).order_by(fts.c.rowid.desc())
        .limit(limit)
    )
    return list(session.scalars(query))
