"""Bulk inserts (imports, the demo): rows handed to the driver's executemany, a larger page
cache meanwhile, and the initiatives' per-row triggers set aside, their work done once, in a
few statements, at the end.

Inside the caller's transaction each insert trigger (search index, tally) is dropped, the
rows go in, the new rows (``seq >= first_seq``) are indexed and counted in one statement
each, and the triggers are created again from their own SQL. SQLite DDL is transactional,
so an error anywhere leaves the schema and the data as they were; SQLite has one writer,
so no other connection inserts meanwhile. Elsewhere (PostgreSQL) nothing changes.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Table, Uuid, insert

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
def larger_cache(connection: Connection, kib: int) -> Iterator[None]:
    """SQLite: a page cache of at least ``kib`` KiB while the rows go in (random UUID keys
    thrash a small cache), then the old size back."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    if before is None:  # not reported: leave the cache as it is
        yield
        return
    if before <= -kib:
        yield  # already at least as large
        return
    connection.exec_driver_sql(f"PRAGMA cache_size={-kib}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def bulk_insert(connection: Connection, table: Table, rows: list[dict]) -> None:
    """``insert(table)`` executemany for ``rows`` (dicts with the same keys), compiled once.

    With a positional driver (SQLite) the values are converted by the columns' own bind
    processors (UUID, dates, UTC timestamps) into tuples handed straight to the driver's
    ``executemany``: the same SQL and stored values as ``connection.execute(insert(table),
    rows)``, without SQLAlchemy's per-row parameter bookkeeping (about a third of the time of
    a 100,000-row insert). Repeated dates and timestamps are converted once.
    """
    if rows:
        Inserter(connection, table, list(rows[0])).insert(rows)


class Inserter:
    """:func:`bulk_insert` compiled once for rows with these ``keys``, for callers that insert
    in chunks as rows are built (an import of 100,000 rows never holds them all). Rows are
    converted to driver tuples CHUNK at a time."""

    CHUNK = 5000

    def __init__(self, connection: Connection, table: Table, keys: list[str]):
        self.connection, self.table = connection, table
        dialect = connection.dialect
        compiled = insert(table).compile(dialect=dialect, column_keys=keys)
        self.sql: str | None = None
        if not compiled.positional or compiled.positiontup is None:
            return
        self.sql = compiled.string
        order = list(compiled.positiontup)
        take = operator.itemgetter(*order)
        converters = []  # (position, processor, memo) of the columns that need converting
        for position, key in enumerate(order):
            column = table.c[key]
            process = column.type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                memo: dict | None = None if isinstance(column.type, Uuid) else {}
                converters.append((position, process, memo))

        def convert(row: dict) -> tuple:
            values = list(take(row))
            for position, process, memo in converters:
                value = values[position]
                if value is None:
                    continue
                if memo is None:
                    values[position] = process(value)
                else:
                    done = memo.get(value)
                    if done is None:
                        if len(memo) > 100_000:  # timestamps of a long run: keep it bounded
                            memo.clear()
                        done = memo[value] = process(value)
                    values[position] = done
            return tuple(values)

        self.convert = convert

    def insert(self, rows: list[dict]) -> None:
        if not rows:
            return
        if self.sql is None:
            self.connection.execute(insert(self.table), rows)
            return
        for start in range(0, len(rows), self.CHUNK):
            chunk = [self.convert(row) for row in rows[start:start + self.CHUNK]]
            self.connection.exec_driver_sql(self.sql, chunk)


@contextmanager
def insert_triggers_deferred(connection: Connection, first_seq: int) -> Iterator[None]:
    if connection.dialect.name != "sqlite":
        yield
        return
    saved: dict[str, str] = dict(connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
        f"({', '.join('?' * len(_AFTERWARDS))})", tuple(_AFTERWARDS),
    ).all())
    for name in saved:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    for name, sql in saved.items():
        connection.exec_driver_sql(_AFTERWARDS[name], (first_seq,))
        connection.exec_driver_sql(sql)
