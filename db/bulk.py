"""Bulk inserts (imports, the demo): rows handed to the driver's executemany, a larger page
cache meanwhile, and the per-row insert triggers set aside, their work done once, in a few
statements, at the end.

Inside the caller's transaction each insert trigger of the initiatives (search index,
tally) and the sync capture's insert trigger of the tables written in bulk are dropped, the
rows go in, the new rows (``seq >= first_seq``; rowids above those before) are indexed,
counted and written to the sync outbox in one statement each, and the triggers are created
again from their own SQL. SQLite DDL is transactional, so an error anywhere leaves the
schema and the data as they were; SQLite has one writer, so no other connection inserts
meanwhile. Elsewhere (PostgreSQL) nothing changes.
"""

from __future__ import annotations

import operator
import queue
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType

from sqlalchemy import Connection, Table, Uuid, insert

from db import models as _models  # noqa: F401 - every synced model mapped for the outbox
from db import outbox, tally

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

    CHUNK = 2500  # rows converted and handed over at a time (memory: see BackgroundWriter)

    def __init__(self, connection: Connection, table: Table, keys: list[str],
                 writer: BackgroundWriter | None = None):
        self.connection, self.table, self.writer = connection, table, writer
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
            if self.writer is not None:
                self.writer.wait()
            self.connection.execute(insert(self.table), rows)
            return
        for start in range(0, len(rows), self.CHUNK):
            chunk = [self.convert(row) for row in rows[start:start + self.CHUNK]]
            if self.writer is not None:
                self.writer.submit(self.sql, chunk)
            else:
                self.connection.exec_driver_sql(self.sql, chunk)


class BackgroundWriter:
    """Statements run in order on ``connection`` by a thread of their own, so that SQLite's
    share of a bulk insert (pages, indexes, triggers, the search index) overlaps with the
    caller's Python work on the next rows: Python's ``sqlite3`` releases the interpreter
    lock while SQLite works (it takes it back for each row's values), so with a free core
    an import takes less than the sum of the two (about 10 % less on the shared two-core
    machine of docs/PERFORMANCE.md).

    Between entering and :meth:`wait` the connection belongs to the writer: the caller
    calls :meth:`wait` before any other use of it (a query, a session flush). At most
    ``depth`` statements wait in the queue (memory stays bounded: a slow disk slows the
    reader down instead of piling rows up; 5.000 register rows are about 30 MB with their
    records: with one waiting chunk of 2.500 rows a 100,000-row import peaks at 471 MB,
    where two of 5.000 reached 505–515 MB when the writer fell behind). An error in the writer is raised in the caller
    at its next :meth:`submit` or :meth:`wait`; statements queued after it are dropped. On
    leaving with an exception the queue is dropped and the thread joined before the caller
    rolls back, so the connection is never used by two threads at once."""

    def __init__(self, connection: Connection, depth: int = 1):
        self.connection = connection
        self._jobs: queue.Queue[tuple[str, Sequence] | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._dropping = False
        self._thread = threading.Thread(target=self._work, name="bulk-writer", daemon=True)

    def __enter__(self) -> BackgroundWriter:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is not None:
            self._dropping = True
        self._jobs.put(None)
        self._thread.join()
        if kind is None:
            self._raise()

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                if job is None:
                    return
                if self._error is None and not self._dropping:
                    self.connection.exec_driver_sql(*job)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                self._error = exc
            finally:
                self._jobs.task_done()

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            self._dropping = True
            raise error

    def submit(self, sql: str, parameters: Sequence = ()) -> None:
        """Run ``sql`` (an executemany when ``parameters`` is a list of tuples) after
        everything submitted before it."""
        self._raise()
        self._jobs.put((sql, parameters))

    def wait(self) -> None:
        """Until everything submitted has run; the connection is the caller's again."""
        self._jobs.join()
        self._raise()


#: the tables the register's bulk inserts write: their sync capture is deferred too
REGISTER_TABLES = ("initiative", "initiative_author", "initiative_change")


class DeferredInsertTriggers:
    """Insert triggers set aside: the initiatives' search index and tally, and the sync
    capture of ``captured`` tables. :meth:`drop`, the rows go in, :meth:`fill` indexes and
    counts the new rows (``seq >= first_seq``) and writes their outbox entries (rowids above
    those before :meth:`drop`) in one statement each — through a :class:`BackgroundWriter`
    when given, so the caller can work meanwhile — and :meth:`restore` creates the triggers
    again from their own SQL (after the writer's :meth:`~BackgroundWriter.wait`). Nothing
    happens outside SQLite."""

    def __init__(self, connection: Connection, first_seq: int | None,
                 captured: Sequence[str] | None = None):
        self.connection, self.first_seq = connection, first_seq
        self.captured = REGISTER_TABLES if captured is None else captured
        self.saved: dict[str, str] = {}
        self.fills: list[tuple[str, tuple]] = []

    def drop(self) -> None:
        if self.connection.dialect.name != "sqlite":
            return
        run = self.connection.exec_driver_sql
        capture = {f"{outbox.PREFIX}{table}_ai": table for table in self.captured}
        # no first_seq: no initiative among the rows, the search index and tally untouched
        names = [*(_AFTERWARDS if self.first_seq is not None else ()), *capture]
        self.saved = dict(run(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
            f"({', '.join('?' * len(names))})", tuple(names)).all())
        models = outbox.synced_models()
        for name in names:
            if name not in self.saved:
                continue
            if name in _AFTERWARDS:
                self.fills.append((_AFTERWARDS[name], (self.first_seq,)))
            else:
                table = capture[name]
                after = run(f"SELECT coalesce(max(rowid), 0) FROM {table}").scalar()
                self.fills.append((outbox.capture_inserts_sql(
                    table, outbox.travelling_columns(models[table])), (after,)))
            run(f"DROP TRIGGER {name}")

    def fill(self, writer: BackgroundWriter | None = None) -> None:
        for sql, parameters in self.fills:
            if writer is not None:
                writer.submit(sql, parameters)
            else:
                self.connection.exec_driver_sql(sql, parameters)

    def restore(self) -> None:
        for sql in self.saved.values():
            self.connection.exec_driver_sql(sql)


@contextmanager
def insert_triggers_deferred(connection: Connection, first_seq: int | None,
                             captured: Sequence[str] | None = None) -> Iterator[None]:
    """:class:`DeferredInsertTriggers` around the block: dropped on entry; filled and
    restored on leaving (an error leaves both to the caller's rollback)."""
    deferred = DeferredInsertTriggers(connection, first_seq, captured)
    deferred.drop()
    yield
    deferred.fill()
    deferred.restore()
