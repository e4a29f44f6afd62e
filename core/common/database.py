"""The open database as the rest of the app sees it: one object passed to every use case."""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from core.common.paths import default_db_path
from db import faults, sqlite
from db.engine import make_session_factory, set_office, unit_of_work
from db.faults import DatabaseDamaged as DatabaseDamaged  # re-exported for the GUI
from db.migrate import DatabaseError as DatabaseError  # re-exported for the GUI
from db.migrate import open_database
from db.models import Setting

log = logging.getLogger(__name__)
OFFICE_CODE_KEY = "office.unit_code"
T = TypeVar("T")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class _RollBack(Exception):
    """Raised inside a transaction to roll a preview back."""


#: phases of a real import, as :meth:`AppDatabase.importing`'s ``on_phase`` hears them
BACKING_UP, IMPORTING = "backing_up", "importing"


@dataclass(frozen=True)
class _Import:
    source: str | None  # the imported file's name, recorded with the "before import" backup
    on_phase: Callable[[str], None] | None


@dataclass
class AppDatabase:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    #: take the day's backup before the first write (core.common.backups); off for copies
    #: that are not the user's database (self-test, previews of other files)
    auto_backups: bool = True
    _daily_checked: bool = field(default=False, repr=False)
    _local: threading.local = field(default_factory=threading.local, repr=False)

    @contextmanager
    def importing(self, source: str | os.PathLike[str] | None = None,
                  on_phase: Callable[[str], None] | None = None) -> Iterator[None]:
        """Around an importer's call (on the thread that runs it): its "before import"
        backup records the name of ``source``, and ``on_phase`` hears :data:`BACKING_UP`
        before that copy is made and :data:`IMPORTING` once it is (the window's progress
        says "backing up" meanwhile; a large database takes seconds to copy)."""
        previous = getattr(self._local, "current", None)
        self._local.current = _Import(Path(source).name if source is not None else None, on_phase)
        try:
            yield
        finally:
            self._local.current = previous

    def wait_briefly_on_this_thread(self, seconds: float = 2.0) -> None:
        """Writes from the calling thread wait at most ``seconds`` for another program's
        write lock, then fail with :class:`DatabaseBusy`'s message (the window's thread: it
        cannot repaint while it waits); other threads wait the full busy timeout."""
        sqlite.wait_briefly_on_thread(self.engine, threading.get_ident(), seconds)

    @property
    def read_only(self) -> bool:
        """True when this program may not write the file or its folder (where SQLite keeps
        its -wal and -shm files): it can be read, searched and exported, never changed."""
        return not (os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK))

    @property
    def office_code(self) -> str:
        return self.sessions.kw.get("info", {}).get("office_code", "")

    def set_office_code(self, code: str) -> None:
        set_office(self.sessions, code)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One use case, one transaction: committed at the end, rolled back on error.

        SQLite's faults (locked, read-only, disk full, I/O error, damaged) leave as
        :class:`DatabaseError` with a Vietnamese message, the transaction rolled back. The
        first one of this object's life takes the day's backup if there is none yet."""
        if self.claim_daily_backup():
            from core.common.backups import daily_backup

            daily_backup(self)
        with self.translated(), unit_of_work(self.sessions) as session:
            yield session

    def claim_daily_backup(self) -> bool:
        """Whether the caller should take the day's backup: true once per object (the
        window claims it at start-up for a background job, so no write on the GUI thread
        waits for the copy)."""
        if not self.auto_backups or self._daily_checked:
            return False
        self._daily_checked = True
        return True

    @contextmanager
    def translated(self) -> Iterator[None]:
        """SQLite's faults inside the block become :class:`DatabaseError` (see
        :func:`db.faults.translate`, the one place they are worded)."""
        try:
            yield
        except Exception as exc:
            fault = faults.translate(exc, self.path)
            if fault is None or fault is exc:
                raise
            if isinstance(fault, faults.DatabaseDamaged) and self._view_was_stale():
                fault = faults.DatabaseChanged(faults.CHANGED)
            raise fault from exc

    def _view_was_stale(self) -> bool:
        """After "malformed": close every pooled connection (their view of the file may be
        stale, see :func:`db.sqlite.file_identity`) and ask a fresh one; True when the file
        itself is sound, so the clerk is never told a sound database is damaged."""
        if self.engine.dialect.name != "sqlite":
            return False
        self.engine.dispose()
        return not sqlite.damaged_on_disk(self.path)

    def run(self, work: Callable[[Session], T], *, dry_run: bool = False) -> T:
        """``work(session)`` in one transaction: committed, or with ``dry_run`` rolled back
        after the same work (an import's preview); returns what ``work`` returned.

        Every importer commits through here: a real run (not ``dry_run``) first takes a
        "before import" backup and is stopped (:class:`UserError`) when it cannot."""
        if not dry_run and self.auto_backups:
            from core.common.backups import backup_before_import

            current: _Import = getattr(self._local, "current", None) or _Import(None, None)
            if current.on_phase is not None:
                current.on_phase(BACKING_UP)
            backup_before_import(self, source=current.source)
            if current.on_phase is not None:
                current.on_phase(IMPORTING)
        result: list[T] = []
        try:
            with self.transaction() as session:
                result.append(work(session))
                if dry_run:
                    raise _RollBack
        except _RollBack:
            pass
        return result[0]

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only (rolled back at the end)."""
        with self.translated(), self.sessions() as session:
            yield session

    def renew_connections(self) -> None:
        """Close the pooled connections; the next use case opens fresh ones.

        The window calls it when it gets the focus back (from a file dialog, another
        program): a file dialog on the database's folder reads the file, which releases the
        process's SQLite locks (:func:`db.sqlite.file_identity`), and fresh connections take
        them again before a command run meanwhile can mistake itself for the last user.
        One connection is opened at once, so the locks are held from now on."""
        self.engine.dispose()
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        except Exception:  # noqa: BLE001 - the next use case will say what is wrong
            log.warning("could not reopen %s", self.path, exc_info=True)

    def close(self) -> None:
        self.engine.dispose()


def check_db_path(given: str | Path) -> Path:
    """``--db`` (or a file chosen in the window) as a path to a SQLite file, or
    :class:`DatabaseError`: server databases are not supported yet, and a folder or a place
    that cannot hold a file is refused before anything is created."""
    text = str(given)
    if _URL.match(text):
        raise DatabaseError(
            f"Chưa hỗ trợ cơ sở dữ liệu trên máy chủ ({text.split('://')[0]}://…); --db phải là "
            "đường dẫn tới một tệp SQLite trên máy này. Không có gì được tạo.")
    path = Path(text).expanduser()
    if path.is_dir():
        raise DatabaseError(f"{path} là một thư mục; --db phải là đường dẫn tới một tệp cơ sở "
                            "dữ liệu (ví dụ so-cong-doan.sqlite).")
    parent = path.parent
    if not parent.exists():
        raise DatabaseError(f"Thư mục {parent} không tồn tại; hãy tạo thư mục trước hoặc chọn "
                            "nơi khác. Không có gì được tạo.")
    if not parent.is_dir():
        raise DatabaseError(f"Không tạo được cơ sở dữ liệu {path}: {parent} không phải thư mục.")
    if not path.exists() and not os.access(parent, os.W_OK | os.X_OK):
        raise DatabaseError(f"Không tạo được cơ sở dữ liệu {path}: không có quyền ghi vào "
                            f"thư mục {parent}.")
    return path


def open_app_database(path: str | Path | None = None) -> AppDatabase:
    """Open (creating or upgrading) the database; raises :class:`DatabaseError`
    (db.migrate's, re-exported here so the GUI need not import db)."""
    path = check_db_path(path) if path else default_db_path()
    try:
        engine = open_database(path)
        sessions = make_session_factory(engine)
        with sessions() as session:
            code = session.scalar(select(Setting.value).where(Setting.key == OFFICE_CODE_KEY))
    except Exception as exc:
        fault = faults.translate(exc, path)
        if fault is None or fault is exc:
            raise
        raise fault from exc
    set_office(sessions, code or "")
    return AppDatabase(path=path, engine=engine, sessions=sessions)
