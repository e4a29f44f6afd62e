"""db.bulk.BackgroundWriter: bulk statements run in order by a thread of their own while the
caller builds the next rows (issue 9, item 9); errors reach the caller, an error in the
caller stops the writer before the rollback, and the import that uses it stays one
transaction: cancelled or failing half-way, it leaves nothing."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import create_engine, event, exc, func, select

from core.common.errors import Cancelled
from core.common.workbook import progress
from core.initiatives.importing import import_initiatives
from core.org import units as org
from db import bulk
from db.bulk import BackgroundWriter
from db.models import Initiative, InitiativeAuthor, SyncOutbox, Unit, UnitKind
from tests.fixtures_workbook import make_xlsx
from tests.test_initiative_import import HEADER


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER PRIMARY KEY, y TEXT NOT NULL)")
    yield engine
    engine.dispose()


def _threads(engine) -> list[str]:
    names: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _seen(*_args):
        names.append(threading.current_thread().name)

    return names


def test_statements_run_in_order_on_the_writer_thread(engine):
    names = _threads(engine)
    with engine.begin() as conn, BackgroundWriter(conn) as writer:
        for start in range(0, 100, 10):
            writer.submit("INSERT INTO t (x, y) VALUES (?, ?)",
                          [(x, f"r{x}") for x in range(start, start + 10)])
        # depends on every insert before it having run
        writer.submit("UPDATE t SET y = y || '!' WHERE x < ?", (50,))
        writer.wait()
        # the connection is the caller's again
        rows = conn.exec_driver_sql("SELECT x, y FROM t ORDER BY x").all()
    assert [x for x, _ in rows] == list(range(100))
    assert rows[0][1] == "r0!" and rows[49][1] == "r49!" and rows[50][1] == "r50"
    assert names[:11] == ["bulk-writer"] * 11
    assert names[11:] == [threading.current_thread().name]


def test_an_error_in_the_writer_is_raised_in_the_caller_and_what_follows_is_dropped(engine):
    with engine.connect() as conn:
        conn.begin()
        writer = BackgroundWriter(conn)
        with pytest.raises(exc.IntegrityError), writer:
            writer.submit("INSERT INTO t (x, y) VALUES (?, ?)", [(1, "a"), (2, "b")])
            writer.submit("INSERT INTO t (x, y) VALUES (?, ?)", [(3, "c"), (1, "again")])
            writer.submit("INSERT INTO t (x, y) VALUES (?, ?)", [(9, "after")])
            writer.wait()
        assert not writer._thread.is_alive()
        assert conn.exec_driver_sql("SELECT count(*) FROM t WHERE x = 9").scalar() == 0
        conn.rollback()
        assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar() == 0


def test_an_error_in_the_caller_stops_the_writer_before_the_rollback(engine):
    with engine.connect() as conn:
        conn.begin()
        writer = BackgroundWriter(conn)
        with pytest.raises(RuntimeError, match="stop"), writer:
            for start in range(0, 5000, 500):
                writer.submit("INSERT INTO t (x, y) VALUES (?, ?)",
                              [(x, "v" * 50) for x in range(start, start + 500)])
            raise RuntimeError("stop")
        assert not writer._thread.is_alive()  # joined: no thread touches conn any more
        conn.rollback()
        assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar() == 0


# ---- the import that uses it -------------------------------------------------------------

ROWS = 60


def _book(tmp_path, unit_for):
    rows = [HEADER[:4] + ["Lĩnh vực", "Loại giải pháp", "Ngày áp dụng"]]
    for i in range(1, ROWS + 1):
        rows.append([i, f"Sáng kiến thử số {i} về quản lý hồ sơ",
                     f"Nguyễn Văn An{chr(64 + i % 26)}", unit_for(i), "Y tế",
                     "Giải pháp kỹ thuật", "06/3/2023"])
    return make_xlsx(tmp_path / "nhieu dong.xlsx", rows, [], sheet="DS")


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 4 rows and progress checks every 5 rows: many statements go through the
    writer while the import goes on."""
    monkeypatch.setattr(bulk.Inserter, "CHUNK", 4)
    monkeypatch.setattr(progress, "STEP", 5)


@pytest.fixture
def one_unit(app_db):
    with app_db.transaction() as s:
        org.create_unit(s, org.UnitInput(code="VL-0001", name="CĐCS Bệnh viện Vĩnh Linh",
                                         kind=UnitKind.GRASSROOTS, parent_code="VL"))
    return app_db


def _counts(db) -> tuple[int, int, int, int]:
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m))  # type: ignore[return-value]
                     for m in (Initiative, InitiativeAuthor, SyncOutbox, Unit))


def test_units_created_half_way_are_written_before_their_initiatives(one_unit, tmp_path,
                                                                     small_chunks):
    """A new unit every 10 rows: each is flushed (after the writer is idle) before the
    chunk naming it goes in, so the foreign keys hold."""
    book = _book(tmp_path, lambda i: "VL-0001" if i % 10 else f"CĐCS Trường số {i}")
    result = import_initiatives(one_unit, book, dry_run=False, create_units=True)
    assert len(result.accepted) == ROWS and not result.rejected
    assert len(result.created_units) == ROWS // 10
    with one_unit.reading() as s:
        names = dict(s.execute(select(Initiative.name, Unit.name).join(Unit)).all())
        assert names["Sáng kiến thử số 30 về quản lý hồ sơ"] == "CĐCS Trường số 30"
        assert s.connection().exec_driver_sql("PRAGMA foreign_key_check").all() == []
        # the search index was filled once, after the rows, for all of them
        hits = s.connection().exec_driver_sql(
            "SELECT count(*) FROM initiative_fts WHERE initiative_fts MATCH 'quan'").scalar()
        assert hits == ROWS


def test_cancel_while_the_writer_works_leaves_nothing(one_unit, tmp_path, small_chunks):
    book = _book(tmp_path, lambda i: "VL-0001")
    before = _counts(one_unit)
    inserted = threading.Event()

    @event.listens_for(one_unit.engine, "after_cursor_execute")
    def _seen(_conn, _cursor, statement, *_args):
        if statement.startswith(("INSERT INTO initiative ", 'INSERT INTO "initiative" ')):
            inserted.set()

    def cancelled() -> bool:
        return inserted.wait(0) and threading.current_thread().name != "bulk-writer"

    with pytest.raises(Cancelled):
        import_initiatives(one_unit, book, dry_run=False, is_cancelled=cancelled)
    event.remove(one_unit.engine, "after_cursor_execute", _seen)
    assert inserted.is_set()  # it was stopped with rows already handed to SQLite
    assert _counts(one_unit) == before
    # the connection and the triggers are as before: the same import now goes through
    result = import_initiatives(one_unit, book, dry_run=False)
    assert len(result.accepted) == ROWS
    assert _counts(one_unit)[0] == ROWS


# ---- the sync capture of a bulk insert, deferred --------------------------------------------

def _outbox_entries(db) -> list[tuple]:
    with db.reading() as s:
        return s.connection().exec_driver_sql(
            "SELECT entity, row_id, operation, row_version, base_version, row, changed, office "
            "FROM sync_outbox WHERE entity LIKE 'initiative%' ORDER BY seq").all()


def test_deferred_capture_writes_what_the_triggers_write(one_unit, tmp_path, monkeypatch,
                                                        small_chunks):
    """The same workbook into two copies of one database: the import as it is (capture
    triggers set aside, the outbox filled once afterwards) and with the register's capture
    left to the per-row triggers. The same outbox entries (keys and stamps made equal),
    parents before their children."""
    import shutil
    import uuid
    from datetime import UTC, datetime

    from core.common.database import open_app_database

    book = _book(tmp_path, lambda i: "VL-0001")
    one_unit.close()
    copies = [tmp_path / "deferred.sqlite", tmp_path / "per-row.sqlite"]
    for copy in copies:
        shutil.copyfile(one_unit.path, copy)
    now = datetime(2026, 12, 6, 7, 0, tzinfo=UTC)
    monkeypatch.setattr("core.initiatives.importing.utcnow", lambda: now)
    entries = []
    for copy in copies:
        class Pool:
            keys = iter(range(1, 10**6))

            def next(self) -> uuid.UUID:
                return uuid.UUID(int=next(self.keys))

        monkeypatch.setattr("core.initiatives.importing.UuidPool", Pool)
        if copy.name == "per-row.sqlite":
            monkeypatch.setattr(bulk, "REGISTER_TABLES", ())
        db = open_app_database(copy)
        try:
            import_initiatives(db, book, dry_run=False)
            entries.append(_outbox_entries(db))
        finally:
            db.close()
    deferred, per_row = entries
    assert len(deferred) == ROWS * 3  # an initiative, its one author, its history row
    assert sorted(deferred) == sorted(per_row)
    tables = ["initiative", "initiative_author", "initiative_change"]
    order = [e[0] for e in deferred]
    assert order == sorted(order, key=tables.index)


def test_no_capture_while_a_package_is_applied(one_unit, tmp_path):
    """A bulk insert while ``sync_applying`` holds a row (a package being applied) writes
    no outbox entry, as the triggers would not."""
    from db.bulk import REGISTER_TABLES, insert_triggers_deferred

    import_initiatives(one_unit, _book(tmp_path, lambda i: "VL-0001"), dry_run=False)
    before = len(_outbox_entries(one_unit))
    with one_unit.transaction() as s:
        conn = s.connection()
        initiative_id = conn.exec_driver_sql("SELECT id FROM initiative LIMIT 1").scalar()
        conn.exec_driver_sql("INSERT INTO sync_applying DEFAULT VALUES")
        with insert_triggers_deferred(conn, 10**9):
            row = {"id": "f" * 32, "initiative_id": initiative_id, "changed_by": "t",
                   "action": "edited", "changes": "{}", "origin_office": "VL",
                   "created_at": "2026-12-06 07:00:00", "updated_at": "2026-12-06 07:00:00",
                   "row_version": 1, "deleted_at": None}
            conn.exec_driver_sql(
                f"INSERT INTO initiative_change ({', '.join(row)}) "
                f"VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
        conn.exec_driver_sql("DELETE FROM sync_applying")
        names = [f"sync_capture_{table}_ai" for table in REGISTER_TABLES]
        triggers = conn.exec_driver_sql(
            f"SELECT count(*) FROM sqlite_master WHERE name IN ({', '.join('?' * 3)})",
            tuple(names)).scalar()
    assert len(_outbox_entries(one_unit)) == before
    assert triggers == 3  # restored


def test_rows_are_stored_as_sqlalchemy_stores_them(tmp_path):
    """The inserter converts values itself (the columns' bind processors, memoised): every
    value must be stored with the type and bytes SQLAlchemy's own ``insert()`` gives it, by
    the writer thread or not."""
    import uuid
    from datetime import date, datetime

    from sqlalchemy import (
        BigInteger,
        Boolean,
        Column,
        Date,
        DateTime,
        Float,
        Integer,
        MetaData,
        String,
        Table,
        Text,
        Uuid,
        insert,
    )

    table = Table("v", MetaData(), Column("id", Uuid, primary_key=True), Column("d", Date),
                  Column("t", DateTime), Column("b", Boolean), Column("i", Integer),
                  Column("big", BigInteger), Column("f", Float), Column("s", String(40)),
                  Column("x", Text))
    samples = [
        {"d": date(2023, 3, 6), "t": datetime(2026, 12, 6, 7, 0, 1, 250), "b": True, "i": 0,
         "big": 3_031_150_000_000, "f": 0.1, "s": "Lê Thị Hương",
         "x": 'nháy "kép" \\ và\nxuống dòng 😀'},
        {"d": None, "t": None, "b": False, "i": -5, "big": None, "f": 1e300, "s": "",
         "x": "12"},
        {"d": date(1, 1, 1), "t": datetime(2026, 1, 1), "b": None, "i": 2**62, "big": -1,
         "f": None, "s": "0012", "x": None},
    ]
    rows = [{"id": uuid.UUID(int=n), **samples[n % 3]} for n in range(1, 131)]
    stored = []
    for how in ("sqlalchemy", "inserter", "writer"):
        engine = create_engine(f"sqlite:///{tmp_path / f'{how}.sqlite'}")
        table.metadata.create_all(engine)
        with engine.begin() as conn:
            if how == "sqlalchemy":
                conn.execute(insert(table), rows)
            elif how == "inserter":
                bulk.Inserter(conn, table, list(rows[0])).insert(rows)
            else:
                with BackgroundWriter(conn) as writer:
                    bulk.Inserter(conn, table, list(rows[0]), writer).insert(rows)
                    writer.wait()
            columns = [c.name for c in table.columns]
            stored.append(conn.exec_driver_sql(
                "SELECT " + ", ".join(f"typeof({c}), quote({c})" for c in columns)
                + " FROM v ORDER BY id").all())
        engine.dispose()
    assert stored[0] == stored[1] == stored[2]
    assert len(stored[0]) == 130
