"""Faults of the file and the disk end in one Vietnamese message, exit code 1, nothing
half-written and the database unchanged (issue 9, items 5, 6, 7 and --db of 10).

Faults are made for real where that is cheap (a second connection holding the write lock,
a truncated file, flipped bytes, ``PRAGMA query_only``) and injected where it is not (a full
disk, SIGTERM in the middle of a PDF)."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from core.cli import main
from core.common.database import DatabaseError, open_app_database
from core.initiatives.importing import import_initiatives
from core.org import units as org
from db import faults, sqlite
from db.models import Initiative, UnitKind
from tests.test_initiative_import import messy_book

BUSY = "Cơ sở dữ liệu đang được một chương trình khác ghi; hãy thử lại sau."


def _with_units(db):
    with db.transaction() as s:
        for code, name in (("VL-0001", "CĐCS Bệnh viện Đa khoa Vĩnh Linh"),
                           ("VL-0002", "CĐCS Trường THPT Cửa Tùng")):
            org.create_unit(s, org.UnitInput(code=code, name=name, kind=UnitKind.GRASSROOTS,
                                             parent_code="VL"))
    return db


@pytest.fixture
def units(app_db):
    return _with_units(app_db)


@pytest.fixture
def book(tmp_path):
    return messy_book(tmp_path / "sang kien.xlsx")


def _count(db) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(Initiative))


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~"))


class WriteLock:
    """Another program holding SQLite's write lock (``BEGIN IMMEDIATE``) until released."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO setting(key, value) VALUES ('x.lock', 'held')")

    def release(self) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


@pytest.fixture
def short_wait(monkeypatch):
    monkeypatch.setenv(sqlite.BUSY_TIMEOUT_ENV, "0.2")


def _cli(capsys, db: Path | str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


# ---- 5. locked ---------------------------------------------------------------------------


def test_import_waits_for_another_writer_instead_of_failing_at_once(units, book):
    """The import reads the whole workbook before it writes; a deferred transaction then
    failed at once ("database is locked" on DROP TRIGGER). Now it waits for the lock."""
    lock = WriteLock(units.path)
    releaser = threading.Timer(0.5, lock.release)
    releaser.start()
    try:
        result = import_initiatives(units, book, dry_run=False)
    finally:
        releaser.join()
    assert len(result.accepted) == 3 and _count(units) == 3


def test_two_imports_at_once_both_succeed(units, book, tmp_path):
    other = open_app_database(units.path)
    second = messy_book(tmp_path / "lan hai.xlsx")
    errors: list[BaseException] = []

    def run(db, path):
        try:
            import_initiatives(db, path, dry_run=False)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(units, book)),
               threading.Thread(target=run, args=(other, second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.close()
    assert errors == []  # the second waited for the first, then found the same rows there
    assert _count(units) == 3


def test_import_while_another_program_writes_says_so(short_wait, db_path, book, capsys):
    db = _with_units(open_app_database(db_path))
    lock = WriteLock(db_path)
    try:
        with pytest.raises(DatabaseError) as caught:
            import_initiatives(db, book, dry_run=False)
        assert str(caught.value) == BUSY
        code, out, err = _cli(capsys, db_path, "initiatives", "import", book)
    finally:
        lock.release()
    assert code == 1 and err.strip() == f"Lỗi: {BUSY}" and "Traceback" not in err
    assert _count(db) == 0
    db.close()


# ---- 6. check must not report false problems --------------------------------------------


def test_check_while_locked_says_it_could_not_check(short_wait, db_path, capsys):
    lock = WriteLock(db_path)
    try:
        code, out, err = _cli(capsys, db_path, "check")
    finally:
        lock.release()
    assert code == 1
    assert "Không kiểm tra được chỉ mục tìm kiếm: cơ sở dữ liệu đang bị khóa" in out
    assert "lệch" not in out
    assert _cli(capsys, db_path, "check")[0] == 0


def _read_only(monkeypatch):
    """Every connection the app opens is read-only (``PRAGMA query_only``): what a file
    with mode 0444 gives a user who is not root."""
    from db import migrate

    real = migrate.make_engine

    def make(url):
        engine = real(url)
        event.listen(engine, "connect",
                     lambda conn, _r: conn.execute("PRAGMA query_only=1"))
        return engine

    monkeypatch.setattr(migrate, "make_engine", make)


def test_read_only_database(db_path, book, monkeypatch, capsys):
    before = db_path.read_bytes()
    _read_only(monkeypatch)
    code, out, err = _cli(capsys, db_path, "units", "import", book)
    assert code == 1 and "chỉ cho phép đọc" in err and "Traceback" not in err
    code, out, err = _cli(capsys, db_path, "check")
    assert code == 1
    assert "Không kiểm tra được chỉ mục tìm kiếm: tệp cơ sở dữ liệu chỉ cho phép đọc" in out
    assert "lệch" not in out
    sqlite.remove_sidecars(db_path)
    assert db_path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to a 0444 file anyway")
def test_chmod_read_only_file(db_path, book, capsys):
    _with_units(open_app_database(db_path)).close()
    db_path.chmod(0o444)
    try:
        code, out, err = _cli(capsys, db_path, "initiatives", "import", book)
    finally:
        db_path.chmod(0o644)
    assert code == 1 and "chỉ cho phép đọc" in err


def test_the_window_shows_these_faults_as_messages_not_crashes():
    from gui.common.crash import is_unexpected

    for fault in (faults.DatabaseBusy(BUSY), faults.damaged(Path("so.sqlite"))):
        assert not is_unexpected(fault)


def test_injected_read_only_message():
    exc = sqlite3.OperationalError("attempt to write a readonly database")
    fault = faults.translate(exc, Path("so.sqlite"))
    assert isinstance(fault, faults.DatabaseReadOnly) and "chỉ cho phép đọc" in str(fault)


# ---- 5. disk full, I/O error ------------------------------------------------------------


def test_disk_full_during_import_changes_nothing(units, tmp_path):
    """A real SQLITE_FULL: the file may not grow by a single page. One row carries a summary
    longer than a page, so the import needs new pages whatever room the schema leaves in the
    pages it has (more tables, e.g. migration 0007, leave more)."""
    from tests.test_initiative_import import MERGES, SHEET, make_xlsx

    sheet = [list(row) for row in SHEET]
    sheet[6][12] = "Quản lý hồ sơ đoàn viên trên máy tính. " * 300  # about 12,000 characters
    book = make_xlsx(tmp_path / "sang kien.xlsx", sheet, MERGES, sheet="DS sáng kiến")
    @event.listens_for(units.engine, "begin")
    def _cap(conn):
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count={pages}")

    units.engine.dispose()
    with pytest.raises(DatabaseError, match="đã đầy") as caught:
        import_initiatives(units, book, dry_run=False)
    assert isinstance(caught.value, faults.DiskFull)
    event.remove(units.engine, "begin", _cap)
    units.engine.dispose()
    assert _count(units) == 0


@pytest.mark.parametrize("text,kind", [("database or disk is full", faults.DiskFull),
                                       ("disk I/O error", faults.DiskIOError)])
def test_fault_at_commit_changes_nothing(units, book, text, kind):
    @event.listens_for(units.engine, "commit")
    def _fail(_conn):
        raise sqlite3.OperationalError(text)

    with pytest.raises(kind):
        import_initiatives(units, book, dry_run=False)
    event.remove(units.engine, "commit", _fail)
    assert _count(units) == 0


def _disk_fills(monkeypatch, module, name):
    """``module.name(…, path)`` writes a few bytes to its path, then the disk is full."""
    def save(*args, **_kw):
        target = next(a for a in args if isinstance(a, str | os.PathLike))
        Path(target).write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(module, name, save)


def test_disk_full_during_export(units, book, tmp_path, monkeypatch, capsys):
    import openpyxl

    import_initiatives(units, book, dry_run=False)
    out_dir = tmp_path / "ra"
    out_dir.mkdir()
    _disk_fills(monkeypatch, openpyxl.Workbook, "save")
    code, out, err = _cli(capsys, units.path, "initiatives", "export", out_dir / "so.xlsx")
    assert code == 1 and "Ổ đĩa đã đầy" in err and "No space" not in err
    code, out, err = _cli(capsys, units.path, "report", "summary", out_dir / "tong hop.xlsx",
                          "--from", "01/01/2023", "--to", "31/12/2023")
    assert code == 1 and "Ổ đĩa đã đầy" in err
    assert list(out_dir.iterdir()) == []


def test_stopped_description_leaves_no_temporary_pdf(units, book, tmp_path, monkeypatch,
                                                     capsys):
    """SIGTERM (``kill``, a timeout) in the middle of the PDF: the temporary file goes."""
    from reportlab.platypus import BaseDocTemplate

    import_initiatives(units, book, dry_run=False)
    with units.reading() as s:
        number = s.scalar(select(Initiative.number).order_by(Initiative.seq).limit(1))

    def killed(self, *_a, **_kw):
        Path(self.filename).write_bytes(b"%PDF-1.4 half")
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the signal arrives long before this ends

    monkeypatch.setattr(BaseDocTemplate, "build", killed)
    out_dir = tmp_path / "pdf"
    out_dir.mkdir()
    before = signal.getsignal(signal.SIGTERM)
    code, out, err = _cli(capsys, units.path, "documents", "description", number,
                          out_dir / "mo ta.pdf")
    assert code == 1 and "Đã dừng" in err
    assert list(out_dir.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) == before


# ---- 7. damaged, or not ours ------------------------------------------------------------


def test_truncated_database_is_damaged_not_foreign(db_path, tmp_path, capsys):
    broken = tmp_path / "hong.sqlite"
    data = db_path.read_bytes()
    broken.write_bytes(data[: len(data) // 2 + 100])
    code, out, err = _cli(capsys, broken, "units", "list")
    assert code == 1
    assert "bị hỏng" in err and "không phải" not in err
    assert "Không có bản sao lưu" in err
    assert "main.py backup --salvage" in err
    assert broken.read_bytes() == data[: len(data) // 2 + 100]


def test_damaged_database_names_the_newest_backup(db_path, tmp_path, capsys):
    folder = tmp_path / "backups"
    folder.mkdir()
    # Named as the automatic backups are (db.backup.backup_name).
    old = folder / f"{db_path.stem}-2024-01-01-0000-hang-ngay.sqlite"
    new = folder / f"{db_path.stem}-2025-01-01-0000-truoc-khi-nhap.sqlite"
    for i, copy in enumerate((old, new)):
        shutil.copyfile(db_path, copy)
        os.utime(copy, (1_700_000_000 + i * 1000,) * 2)
    with db_path.open("r+b") as fh:
        fh.truncate(db_path.stat().st_size - 1000)
    code, out, err = _cli(capsys, db_path, "check")
    assert code == 1 and "bị hỏng" in err and str(new) in err


def _flip(path: Path, page: int, count: int = 40) -> None:
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    with path.open("r+b") as fh:
        for i in range(count):
            fh.seek((page - 1) * page_size + (108 if page == 1 else 8) + i * 7)
            byte = fh.read(1)
            fh.seek(-1, 1)
            fh.write(bytes([byte[0] ^ 0xA5]))


def test_flipped_bytes_in_the_schema_page(db_path, capsys):
    _flip(db_path, page=1, count=60)
    code, out, err = _cli(capsys, db_path, "units", "list")
    assert code == 1 and "bị hỏng" in err and "backup --salvage" in err
    assert "Traceback" not in err


def test_flipped_bytes_in_a_table_page(db_path, capsys):
    with sqlite3.connect(db_path) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'unit'").fetchone()[0]
    conn.close()
    _flip(db_path, page=root)
    code, out, err = _cli(capsys, db_path, "check")
    assert code == 1
    text = out + err
    assert "bị hỏng" in text and "backup --salvage" in text and "Traceback" not in text


def test_not_sqlite_and_not_ours_are_told_apart(tmp_path, capsys):
    text = tmp_path / "ghi chu.sqlite"
    text.write_text("đây không phải cơ sở dữ liệu")
    code, _, err = _cli(capsys, text, "units", "list")
    assert code == 1 and "không phải cơ sở dữ liệu SQLite" in err and "hỏng" not in err
    other = tmp_path / "khac.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    before = other.read_bytes()
    code, _, err = _cli(capsys, other, "units", "list")
    assert code == 1 and "chương trình khác" in err and "hỏng" not in err
    assert other.read_bytes() == before


# ---- 10. --db that is not a file path ---------------------------------------------------


@pytest.mark.parametrize("given,message", [
    ("postgresql://tinh@server/socongdoan", "Chưa hỗ trợ cơ sở dữ liệu trên máy chủ"),
    ("sqlite:///x.sqlite", "Chưa hỗ trợ cơ sở dữ liệu trên máy chủ"),
    ("{tmp}", "là một thư mục"),
    ("{tmp}/khong-co/so.sqlite", "không tồn tại"),
    ("{tmp}/tep.txt/so.sqlite", "không phải thư mục"),
])
def test_db_option_refuses_what_is_not_a_file(tmp_path, capsys, monkeypatch, given, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tep.txt").write_text("x")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code, out, err = _cli(capsys, given.format(tmp=tmp_path), "units", "list")
    assert code == 1 and message in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing created


def test_db_option_refuses_an_unwritable_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(os, "access", lambda *_a, **_kw: False)
    code, _, err = _cli(capsys, tmp_path / "so.sqlite", "units", "list")
    assert code == 1 and "không có quyền ghi" in err
    assert not (tmp_path / "so.sqlite").exists()


def test_the_window_thread_waits_briefly_for_another_writer(app_db):
    """The window's own thread cannot repaint while SQLite waits for another program's
    write lock: it waits a couple of seconds, not the full busy timeout (a frozen window for
    10 s, and every click made meanwhile saving again); background work waits the full
    time, and so does every other thread."""
    app_db.wait_briefly_on_this_thread(2)

    def write_timeout() -> int:
        with app_db.transaction() as s:
            return s.connection().exec_driver_sql("PRAGMA busy_timeout").scalar()

    full = int(sqlite.busy_timeout_s() * 1000)
    assert write_timeout() == min(2000, full)
    seen: list[int] = []
    worker = threading.Thread(target=lambda: seen.append(write_timeout()))
    worker.start()
    worker.join()
    assert seen == [full]
    lock = WriteLock(app_db.path)
    try:
        with pytest.raises(faults.DatabaseBusy), app_db.transaction():
            pass
    finally:
        lock.release()
