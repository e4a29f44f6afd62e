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
        if statement.startswith("INSERT INTO initiative "):
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
