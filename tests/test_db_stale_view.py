"""The window keeps pooled connections open for hours while clerks run commands on the same
file; a connection must never read through a stale view of it (issue 9).

SQLite's locks on Linux are POSIX advisory locks, owned by the process: when anything in
the window's process opens and closes the database file (Qt's file dialog sniffs every
file of the folder it shows), the window's locks are silently gone. The next command that
closes its connection then believes it is the last one, checkpoints and deletes the -wal
and -shm files; the window's pooled connections kept the deleted ones and read stale rows,
then "database disk image is malformed" for a sound file, until restarted.

Here the other program is a real second process, and the lost locks are made the way Qt
loses them: the test's own process opens and closes the file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text

from core.common.database import open_app_database
from db import faults, sqlite
from db.models import Setting

_WRITE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("INSERT OR REPLACE INTO setting(key, value) VALUES ('x.other', ?)", (sys.argv[2],))
conn.close()
"""


def _other_program_writes(path: Path, value: str) -> None:
    """Another process writes a setting and closes: the last connection, as far as it can
    tell once our locks are gone, so it checkpoints and deletes the -wal and -shm files."""
    subprocess.run([sys.executable, "-c", _WRITE, str(path), value], check=True, timeout=120)


def _value(db) -> str | None:
    with db.reading() as s:
        return s.scalar(select(Setting.value).where(Setting.key == "x.other"))


def _shm(path: Path) -> tuple[int, int] | None:
    shm = Path(str(path) + "-shm")
    return (shm.stat().st_dev, shm.stat().st_ino) if shm.exists() else None


def _lose_locks(path: Path) -> None:
    """What Qt's file dialog does to the window's process: open the file, read, close."""
    with path.open("rb") as fh:
        fh.read(100)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows locks belong to the handle")
def test_pooled_connection_sees_another_programs_writes_after_its_locks_were_lost(db_path):
    db = open_app_database(db_path)
    db.auto_backups = False
    try:
        _other_program_writes(db_path, "1")
        assert _value(db) == "1"  # the pool now holds a connection with the files mapped
        before = _shm(db_path)
        _lose_locks(db_path)
        _other_program_writes(db_path, "2")
        _other_program_writes(db_path, "3")
        assert _shm(db_path) != before  # the other program replaced the -shm file
        assert _value(db) == "3"
        _other_program_writes(db_path, "4")
        assert _value(db) == "4"  # was "3": the old connection read the deleted log
        with db.transaction() as s:
            s.merge(Setting(key="x.other", value="ours"))
        _other_program_writes(db_path, "after ours")
        assert _value(db) == "after ours"
        db.close()  # was: the close wrote the deleted log back over "after ours"
        conn = sqlite3.connect(db_path)
        try:
            assert conn.execute(
                "SELECT value FROM setting WHERE key = 'x.other'").fetchone() == ("after ours",)
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            conn.close()
    finally:
        db.close()


def test_malformed_from_a_stale_connection_is_not_called_damage(app_db, monkeypatch):
    """If "malformed" comes anyway (the files replaced in the middle of a use case), a fresh
    connection decides: the file is sound, so the clerk is told to try again."""
    from sqlalchemy import event

    app_db.auto_backups = False

    def _stale(*_args):
        raise sqlite3.DatabaseError("database disk image is malformed")

    event.listen(app_db.engine, "before_cursor_execute", _stale)
    with pytest.raises(faults.DatabaseChanged) as caught, app_db.reading() as s:
        s.scalar(select(Setting.value))
    assert "bị hỏng" not in str(caught.value)
    event.remove(app_db.engine, "before_cursor_execute", _stale)
    with app_db.reading() as s:  # and the next read works
        s.scalar(select(Setting.value))


def test_a_really_damaged_file_is_still_called_damaged(db_path):
    db = open_app_database(db_path)
    db.auto_backups = False
    try:
        with sqlite3.connect(db_path) as conn:
            root = conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = 'unit'").fetchone()[0]
        conn.close()
        db.engine.dispose()
        page_size = int.from_bytes(db_path.read_bytes()[16:18], "big")
        with db_path.open("r+b") as fh:  # the table's root page: no valid page type
            fh.seek((root - 1) * page_size)
            fh.write(b"\xff" * 12)
        with pytest.raises(faults.DatabaseDamaged) as caught, db.reading() as s:
            s.execute(text("SELECT * FROM unit")).all()
        assert not isinstance(caught.value, faults.DatabaseChanged)
        assert "bị hỏng" in str(caught.value)
    finally:
        db.close()


def test_read_only_connection_honours_a_live_programs_empty_log(db_path):
    """Another program has the file open (its -wal still empty, its -shm beside it) and
    commits after our read-only connection opened: the read-only connection (backups,
    the schema check) must see it, not the file as it was."""
    writer = sqlite3.connect(db_path, isolation_level=None)
    try:
        writer.execute("PRAGMA journal_mode=WAL")
        writer.execute("SELECT count(*) FROM setting").fetchone()
        assert Path(str(db_path) + "-wal").stat().st_size == 0
        assert Path(str(db_path) + "-shm").exists()
        reader = sqlite.read_only_connect(db_path)
        try:
            writer.execute("INSERT INTO setting(key, value) VALUES ('x.live', 'yes')")
            assert reader.execute(
                "SELECT value FROM setting WHERE key = 'x.live'").fetchone() == ("yes",)
        finally:
            reader.close()
    finally:
        writer.close()


def test_output_into_a_closed_pipe_ends_quietly_and_leaves_the_database_alone(db_path, tmp_path):
    """``main.py … list | head``: the reader goes away; the command ends with 0, no
    "unexpected error" and no log entry, and the window's open files are untouched."""
    from core.common import logs

    db = open_app_database(db_path)
    db.auto_backups = False
    try:
        with db.reading() as s:
            s.scalar(select(Setting.value))
        before = (_shm(db_path), Path(str(db_path) + "-wal").stat().st_ino)
        read_end, write_end = os.pipe()
        os.close(read_end)  # nobody will ever read: the first write fails
        env = dict(os.environ, **{logs.LOG_DIR_ENV: str(tmp_path / "log")})
        try:
            done = subprocess.run(
                [sys.executable, str(Path(__file__).resolve().parents[1] / "main.py"),
                 "--db", str(db_path), "units", "list"],
                stdout=write_end, stderr=subprocess.PIPE, env=env, timeout=120, check=False)
        finally:
            os.close(write_end)
        assert done.returncode == 0, done.stderr.decode()
        assert done.stderr.decode().strip() == ""
        assert not (tmp_path / "log").exists() or not any((tmp_path / "log").iterdir())
        assert (_shm(db_path), Path(str(db_path) + "-wal").stat().st_ino) == before
        with db.reading() as s:
            assert s.execute(text("PRAGMA quick_check")).scalar() == "ok"
    finally:
        db.close()


def test_a_restore_by_another_program_is_followed_not_read_through_the_old_file(db_path, tmp_path):
    """``main.py restore`` renames the backup over the file while the window has it open;
    the window's pooled connections held the replaced inode and read (and would write) a
    database nobody else sees. The file's identity changes, so the pool reconnects."""
    from core.common import logs

    copy = tmp_path / "ban-sao.sqlite"
    sqlite.copy_database(db_path, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("INSERT INTO setting(key, value) VALUES ('x.other', 'from the backup')")
    conn.close()
    db = open_app_database(db_path)
    db.auto_backups = False
    try:
        assert _value(db) is None
        env = dict(os.environ, **{logs.LOG_DIR_ENV: str(tmp_path / "log")})
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve().parents[1] / "main.py"),
             "--db", str(db_path), "restore", str(copy)],
            capture_output=True, env=env, timeout=120, check=False)
        assert done.returncode == 0, done.stderr.decode()
        assert _value(db) == "from the backup"
    finally:
        db.close()


def test_taking_a_connection_from_the_pool_stats_the_file_and_its_shm_only(db_path,
                                                                            monkeypatch):
    """The check costs two stat() calls per checkout (it was three: the -wal file is deleted
    together with the -shm file, so the -shm file's identity tells both)."""
    db = open_app_database(db_path)
    db.auto_backups = False
    try:
        assert _value(db) is None  # a connection now sits in the pool
        calls: list[str] = []
        real = os.stat

        def counting(name, *args, **kwargs):
            if str(name).startswith(str(db_path)):
                calls.append(str(name))
            return real(name, *args, **kwargs)

        monkeypatch.setattr(sqlite.os, "stat", counting)
        for _ in range(3):
            assert _value(db) is None
        monkeypatch.undo()
        assert calls == [str(db_path), str(db_path) + "-shm"] * 3
    finally:
        db.close()
