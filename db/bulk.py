"""Bulk inserts of initiatives (imports, the demo): the per-row triggers are set aside and
their work done once, in a few statements, at the end.

Inside the caller's transaction each insert trigger (search index, tally) is dropped, the
rows go in, the new rows (``seq >= first_seq``) are indexed and counted in one statement
each, and the triggers are created again from their own SQL. SQLite DDL is transactional,
so an error anywhere leaves the schema and the data as they were; SQLite has one writer,
so no other connection inserts meanwhile. Elsewhere (PostgreSQL) nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from db import tally

FTS_COLUMNS = "name_folded, authors_folded, description_folded, unit_folded"  # migration 0002
_AFTERWARDS = {
    "initiative_ai": (
        f"INSERT INTO initiative_fts(rowid, {FTS_COLUMNS}) "
        f"SELECT seq, {FTS_COLUMNS} FROM initiative WHERE seq >= ? ORDER BY seq"
    ),
    "initiative_tally_ai": tally.add_new_rows_sql(),
}


@contextmanager
def insert_triggers_deferred(connection: Connection, first_seq: int) -> Iterator[None]:
    if connection.dialect.name != "sqlite":
        yield
        return
    saved = dict(connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
        f"({', '.join('?' * len(_AFTERWARDS))})", tuple(_AFTERWARDS),
    ).all())
    for name in saved:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    for name, sql in saved.items():
        connection.exec_driver_sql(_AFTERWARDS[name], (first_seq,))
        connection.exec_driver_sql(sql)
