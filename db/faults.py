"""What goes wrong with the database file itself, said in Vietnamese.

SQLite reports a locked, read-only, full, failing or damaged file as an ``OperationalError``
(or ``DatabaseError``) whose English text names the cause. :func:`translate` turns those into
:class:`DatabaseError` subclasses with a message for the user; :class:`AppDatabase`
(``core.common.database``) and the command line's top-level handler call it, nothing else.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY = "Cơ sở dữ liệu đang được một chương trình khác ghi; hãy thử lại sau."
UNREADABLE = "SQLite không đọc được nội dung tệp"
CHANGED = ("Cơ sở dữ liệu vừa được một chương trình khác thay đổi trong lúc đang đọc; tệp "
           "vẫn nguyên vẹn và không có gì bị ghi dở. Hãy thử lại.")


class DatabaseError(Exception):
    """A database that cannot be opened or written; the message is for the user (Vietnamese)."""


class DatabaseTooNew(DatabaseError):
    pass


class MigrationFailed(DatabaseError):
    pass


class NotADatabase(DatabaseError):
    pass


class DatabaseDamaged(DatabaseError):
    pass


class DatabaseBusy(DatabaseError):
    pass


class DatabaseChanged(DatabaseError):
    """SQLite said "malformed", but a fresh connection finds the file sound: the old
    connection's view was stale (another program replaced the -wal/-shm files)."""


class DatabaseReadOnly(DatabaseError):
    pass


class DiskFull(DatabaseError):
    pass


class DiskIOError(DatabaseError):
    pass


def newest_backup(path: Path) -> Path | None:
    """The newest backup of ``path`` (automatic, by hand or before an upgrade) in the
    ``backups`` folder beside it (:func:`db.backup.list_backups`), or None."""
    from db.backup import list_backups  # db.backup imports db.sqlite, which imports this

    found = list_backups(Path(path))
    return found[0].path if found else None


def damaged(path: Path, detail: str = "") -> DatabaseDamaged:
    """The message for a SQLite file that is damaged (truncated, malformed pages)."""
    backup = newest_backup(path)
    where = (f"Bản sao lưu mới nhất: {backup} — có thể dùng bản này thay cho tệp hỏng, hoặc"
             if backup else "Không có bản sao lưu tự động trong thư mục backups; hãy")
    why = f" ({detail})" if detail else ""
    return DatabaseDamaged(
        f"Tệp cơ sở dữ liệu {path} bị hỏng{why}; tệp không bị thay đổi. {where} "
        "chạy `main.py backup --salvage` để cứu phần đọc được.")


def _message(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)  # SQLAlchemy wraps the driver's exception
    return str(orig if orig is not None else exc).lower()


def is_sqlite_fault(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", exc)
    return isinstance(orig, sqlite3.DatabaseError)


def kind(exc: BaseException) -> str | None:
    """'busy', 'readonly', 'full', 'io', 'damaged' or None for a SQLite fault's text."""
    text = _message(exc)
    if "locked" in text or "busy" in text:
        return "busy"
    if "readonly" in text or "read-only" in text or "query_only" in text:
        return "readonly"
    if "disk is full" in text or "database or disk is full" in text:
        return "full"
    if "disk i/o error" in text or "i/o error" in text:
        return "io"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "damaged"
    return None


def translate(exc: BaseException, path: Path) -> DatabaseError | None:
    """The :class:`DatabaseError` to raise instead of the SQLite fault ``exc`` (None when
    ``exc`` is something else, e.g. a constraint or a programming error)."""
    if isinstance(exc, DatabaseError):
        return exc
    if not is_sqlite_fault(exc):
        return None
    found = kind(exc)
    if found == "busy":
        return DatabaseBusy(BUSY)
    if found == "readonly":
        return DatabaseReadOnly(
            f"Tệp cơ sở dữ liệu {path} chỉ cho phép đọc (hoặc thư mục chứa nó không cho ghi); "
            "không có gì được ghi. Hãy kiểm tra quyền ghi của tệp và thư mục.")
    if found == "full":
        return DiskFull(
            f"Ổ đĩa chứa cơ sở dữ liệu {path} đã đầy; thao tác bị huỷ, dữ liệu không thay đổi. "
            "Hãy giải phóng dung lượng rồi thử lại.")
    if found == "io":
        return DiskIOError(
            f"Lỗi đọc/ghi ổ đĩa khi truy cập cơ sở dữ liệu {path}; thao tác bị huỷ, dữ liệu "
            "không thay đổi. Hãy kiểm tra ổ đĩa (USB, ổ mạng) rồi thử lại.")
    if found == "damaged":
        return damaged(path, UNREADABLE)
    return None
