"""Everything SQLite-specific, kept small so other back-ends need none of it."""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from pathlib import Path

from sqlalchemy import Engine, event, exc

from db import faults

BUSY_TIMEOUT_S = 10
#: Seconds to wait for another program's write lock (tests set it low to stay quick).
BUSY_TIMEOUT_ENV = "SOCONGDOAN_BUSY_TIMEOUT_S"
#: Execution option of a connection whose transaction will write: ``BEGIN IMMEDIATE``.
WRITE = "socongdoan_write"


def busy_timeout_s() -> float:
    """How long a connection waits for another writer: ``BUSY_TIMEOUT_S`` unless the
    environment says otherwise."""
    try:
        return float(os.environ.get(BUSY_TIMEOUT_ENV, "") or BUSY_TIMEOUT_S)
    except ValueError:
        return BUSY_TIMEOUT_S


#: engine → {thread id: seconds}: threads whose writes wait less than the busy timeout
_THREAD_WAITS: weakref.WeakKeyDictionary[Engine, dict[int, float]] = weakref.WeakKeyDictionary()


def wait_briefly_on_thread(engine: Engine, thread_id: int, seconds: float) -> None:
    """Writes begun on ``thread_id`` wait at most ``seconds`` (never more than the busy
    timeout) for another program's write lock; other threads keep the full timeout."""
    _THREAD_WAITS.setdefault(engine, {})[thread_id] = seconds


def _write_wait_ms(engine: Engine) -> int:
    full = busy_timeout_s()
    brief = _THREAD_WAITS.get(engine, {}).get(threading.get_ident())
    return int((full if brief is None else min(brief, full)) * 1000)


def configure(engine: Engine) -> None:
    """Pragmas on every connection, and BEGIN issued by us so DDL is transactional too.

    pysqlite's legacy transaction handling does not begin a transaction before DDL, which
    would let a failing migration half-apply; SQLAlchemy documents this recipe.
    """

    path = engine.url.database
    on_disk = Path(path) if path and path != ":memory:" and not path.startswith("file:") else None
    watched = _watched(on_disk) if on_disk is not None else ()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, record):
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_s() * 1000)}")
        cur.close()
        if on_disk is not None:
            record.info[_FILES] = _identity(watched)

    @event.listens_for(engine, "checkout")
    def _on_checkout(_dbapi_conn, record, _proxy):
        # A pooled connection whose log files were deleted or replaced since it opened
        # them reads through a stale view (see file_identity): it and every idle one
        # beside it are closed, and the pool opens a fresh connection.
        if on_disk is None or _FILES not in record.info:
            return
        if record.info[_FILES] != _identity(watched):
            engine.pool.dispose()
            raise exc.DisconnectionError("database files replaced since this connection opened")

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # A transaction that will write takes the write lock at once, waiting the busy
        # timeout for another writer. A deferred one would read first and then, wanting to
        # write while another program holds the lock, fail at once: SQLite does not wait
        # (its busy handler is not called) when a reader upgrades to a writer.
        if conn.get_execution_options().get(WRITE):
            # set on every write: a pooled connection serves several threads in turn
            conn.exec_driver_sql(f"PRAGMA busy_timeout={_write_wait_ms(engine)}")
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


_FILES = "socongdoan_files"


def file_identity(path: Path) -> tuple[tuple[int, int] | None, ...]:
    """(device, inode) of the database file and of its -shm file (None: absent).

    SQLite's locks on Linux and macOS are POSIX advisory locks, which belong to the
    process, not to the connection: when *anything* in the process opens and closes the
    database file (Qt's file dialog sniffing the files of the folder it shows, a
    ``read_bytes``), every lock our connections hold on it is silently released. Another
    program closing its connection then believes it is the last one, checkpoints and
    deletes the -wal and -shm files, and our open connections keep reading the deleted
    ones: stale rows, then "database disk image is malformed" for a sound file, and a write
    would go into a log nobody else sees. The files' identity changes when that happens,
    so a connection is checked against it each time it is taken from the pool.

    Two stat() calls, not three: SQLite deletes the -wal and the -shm file together (the
    last connection to close unlinks both), so a replaced log always shows as a replaced
    -shm file; the database file itself is replaced by a restore (a rename over it)."""
    return _identity(_watched(path))


def _watched(path: Path) -> tuple[str, str]:
    return str(path), str(path) + "-shm"


def _identity(paths: tuple[str, ...]) -> tuple[tuple[int, int] | None, ...]:
    found: list[tuple[int, int] | None] = []
    for name in paths:
        try:
            st = os.stat(name)
        except OSError:
            found.append(None)
        else:
            found.append((st.st_dev, st.st_ino))
    return tuple(found)


def damaged_on_disk(path: Path) -> bool:
    """Whether a fresh connection finds ``path`` damaged (``PRAGMA quick_check``).

    Asked after "malformed" from a long-lived connection: the file may be sound and the
    connection's view of it stale (:func:`file_identity`). The caller closes its own
    connections first, so this one maps the current -shm file."""
    try:
        conn = sqlite3.connect(path, timeout=busy_timeout_s())
    except sqlite3.Error:
        return True
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:
        return faults.kind(error) != "busy"  # could not tell: the first answer stands
    finally:
        conn.close()
    return rows != ["ok"]


def read_only_connect(path: Path) -> sqlite3.Connection:
    """A connection that changes nothing on disk (used to inspect before deciding anything).

    With no write-ahead log beside the file, ``immutable=1`` keeps SQLite from creating
    -wal/-shm files; with one, plain read-only mode reads the log's committed pages too.
    An empty log with its -shm file beside it belongs to a program that has the file open
    and may write at any moment: ``immutable=1`` would take no lock and ignore what that
    program commits meanwhile (a daily backup copied while a command books certificate
    numbers would be torn), so read-only mode is used there as well.
    """
    wal = Path(str(path) + "-wal")
    shm = Path(str(path) + "-shm")
    live = wal.exists() and (wal.stat().st_size > 0 or shm.exists())
    mode = "mode=ro" if live else "immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)


def is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


def truncation(path: Path) -> str:
    """Why the file is shorter than its header says (a truncated copy), or "".

    Page size and page count are read from the header (offsets 16 and 28); the count is
    trusted only when its "valid for" number equals the change counter, and only when no
    write-ahead log holds newer pages."""
    size = path.stat().st_size
    if size < 100:
        return "tệp bị cắt cụt"
    with path.open("rb") as fh:
        header = fh.read(100)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "phần đầu tệp bị hỏng"
    wal = Path(str(path) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return ""
    pages = int.from_bytes(header[28:32], "big")
    valid = header[92:96] == header[24:28]
    if size % page_size or (valid and pages and size < pages * page_size):
        return "tệp bị cắt cụt"
    return ""


def copy_database(source: Path, target: Path) -> None:
    """Consistent copy of a live database (WAL included) with SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    src = read_only_connect(source)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(target)


def remove_sidecars(path: Path) -> None:
    """Delete the -wal and -shm files that belong to ``path``."""
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def integrity_problems(conn) -> list[str]:
    """PRAGMA integrity_check and foreign_key_check, as readable lines (empty when fine)."""
    problems = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
    problems = [p for p in problems if p != "ok"]
    for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{table} rowid {rowid}: references a missing row in {parent}")
    return problems
