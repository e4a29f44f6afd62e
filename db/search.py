"""Full-text search, SQLite FTS5 flavour (the SQLite-specific part of searching).

Initiatives: the index holds folded text (no tones, đ → d), so queries are folded the same
way by the caller; each word of the query must appear (as a prefix) in any indexed column.
Members: a trigram index over folded names answers "the name contains this text".
"""

from __future__ import annotations

import re

from sqlalchemy import Select, column, literal_column, select, table, text
from sqlalchemy.orm import Session

from db import faults
from db.models import Member

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


# ---- members: substring search over folded names (FTS5 trigram index, migration 0006) ------

MEMBER_FTS_MIN = 3  # trigrams: shorter text falls back to a LIKE scan
MEMBER_PROBE_MIN = 1000  # matches from which a LIKE in list order is the quicker way


def member_trigger_sql() -> list[str]:
    """CREATE TRIGGER statements keeping ``member_fts`` in step with ``member``.

    The index is external-content on the member table's implicit rowid (members have UUID
    keys); nothing here runs VACUUM, which could renumber it — ``check --repair`` rebuilds.
    """
    delete = "INSERT INTO member_fts(member_fts, rowid, name_folded) VALUES ('delete', old.rowid, old.name_folded);"
    insert = "INSERT INTO member_fts(rowid, name_folded) VALUES (new.rowid, new.name_folded);"
    return [
        f"CREATE TRIGGER member_fts_ai AFTER INSERT ON member BEGIN {insert} END",
        f"CREATE TRIGGER member_fts_ad AFTER DELETE ON member BEGIN {delete} END",
        f"CREATE TRIGGER member_fts_au AFTER UPDATE OF name_folded ON member BEGIN {delete} {insert} END",
    ]


MEMBER_TRIGGERS = ("member_fts_ai", "member_fts_ad", "member_fts_au")
MEMBER_FTS_DDL = ("CREATE VIRTUAL TABLE member_fts USING fts5(name_folded, content='member', "
                  "tokenize='trigram')")


def rebuild_members(connection) -> None:
    """Index every member again (after a migration, or as a repair)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("INSERT INTO member_fts(member_fts) VALUES ('rebuild')")


def member_name_contains(session: Session, folded: str):
    """WHERE clause: the folded name contains ``folded``.

    A rare text goes through the trigram index (SQLite, 3+ letters): its members are read
    there (stopping at 1% of all members) and the list keeps those rows. A common one
    ("thi", "van") is quicker as a LIKE on the rows read in list order, which stops after
    a page because matches are everywhere: reaching the 1% tells the two apart.
    """
    if len(folded) >= MEMBER_FTS_MIN and session.get_bind().dialect.name == "sqlite":
        phrase = '"' + folded.replace('"', '""') + '"'
        connection = session.connection()
        members = connection.exec_driver_sql("SELECT max(rowid) FROM member").scalar() or 0
        enough = max(MEMBER_PROBE_MIN, members // 100)
        rowids = connection.exec_driver_sql(
            "SELECT rowid FROM member_fts WHERE member_fts MATCH ? LIMIT ?", (phrase, enough)
        ).scalars().all()
        if len(rowids) < enough:
            return literal_column("member.rowid").in_(rowids)
    return Member.name_folded.contains(folded, autoescape=True)


def index_problems(connection) -> list[str]:
    """FTS5's own check of each search index against its table (SQLite): names of the
    indexes that no longer match. The check is an INSERT: when the file is locked by another
    writer or read-only it cannot run, and the error is raised rather than reported as a
    mismatch."""
    if connection.dialect.name != "sqlite":
        return []
    broken = []
    for name in ("initiative_fts", "member_fts"):
        exists = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).scalar()
        if not exists:
            continue
        try:
            connection.exec_driver_sql(
                f"INSERT INTO {name}({name}, rank) VALUES ('integrity-check', 1)")
        except Exception as exc:  # noqa: BLE001 - SQLite reports a mismatch as a generic error
            if faults.kind(exc) in ("busy", "readonly", "full", "io"):
                raise  # the check could not run (it writes): not a mismatch
            broken.append(name)
    return broken


def rebuild_all(connection) -> None:
    """Index every initiative and member again from their tables (a repair)."""
    if connection.dialect.name != "sqlite":
        return
    connection.exec_driver_sql("INSERT INTO initiative_fts(initiative_fts) VALUES ('rebuild')")
    rebuild_members(connection)
