"""Automatic and manual backups, restore and salvage, as the window and the commands use them.

The files and their rotation are ``db.backup``'s; here are the rules of when to take one:

* **daily** — the first write of the day (``AppDatabase.transaction``) and the window's
  opening take one when the backups folder has none of today; a failure is only logged;
* **before an import** — ``AppDatabase.run(…, dry_run=False)`` (every importer's commit)
  takes one first; when it cannot be written the import is stopped (:class:`UserError`),
  because the backup is the safety net;
* **before an upgrade** — ``db.migrate`` (same naming and rotation);
* **before a restore** — :func:`restore`; **by hand** — "Sao lưu ngay" and ``main.py backup``.

How many of each kind are kept is a setting (``backup.keep.<kind>``), defaulting to
``db.backup.DEFAULT_KEEP``.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.common.errors import UserError
from db import backup as files
from db.models import Setting

if TYPE_CHECKING:
    from core.common.database import AppDatabase

log = logging.getLogger(__name__)
_daily_lock = threading.Lock()  # the window's start-up job and a first write may race

KEEP_KEY = "backup.keep."
KINDS = tuple(files.KIND_SLUGS)
DAILY, IMPORT, UPGRADE, RESTORE, MANUAL = files.DAILY, files.IMPORT, files.UPGRADE, files.RESTORE, files.MANUAL


@dataclass(frozen=True)
class Backup:
    path: Path
    name: str
    kind: str  # daily | import | upgrade | restore | manual
    taken: datetime  # local time, to the minute
    size: int  # bytes
    source: str | None = None  # "before import": the name of the file imported after it


def _entry(info: files.BackupInfo) -> Backup:
    return Backup(info.path, info.path.name, info.kind, info.taken, info.size, info.source)


def keep_counts(db: AppDatabase) -> dict[str, int]:
    """How many backups of each kind are kept (settings over the defaults)."""
    counts = dict(files.DEFAULT_KEEP)
    try:
        with db.reading() as session:
            rows = session.execute(
                select(Setting.key, Setting.value).where(Setting.key.like(KEEP_KEY + "%"))
            ).all()
    except Exception:  # noqa: BLE001 - unreadable settings: the defaults still protect
        log.exception("backup settings unreadable; defaults used")
        return counts
    for key, value in rows:
        kind = key[len(KEEP_KEY):]
        if kind in counts and str(value).strip().isdigit() and int(value) > 0:
            counts[kind] = int(value)
    return counts


def set_keep_count(db: AppDatabase, kind: str, count: int) -> None:
    if kind not in files.DEFAULT_KEEP or count < 1:
        raise UserError(f"Số bản sao lưu giữ lại không hợp lệ: {kind} = {count}.")
    with db.transaction() as session:
        session.merge(Setting(key=KEEP_KEY + kind, value=str(count)))


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of the database at ``db_path``, newest first."""
    return [_entry(b) for b in files.list_backups(Path(db_path))]


def _make(db: AppDatabase, kind: str, now: datetime | None = None, *,
          source: str | None = None) -> Path:
    return files.make_backup(db.path, kind, keep=keep_counts(db)[kind], now=now, source=source)


def daily_backup(db: AppDatabase, *, now: datetime | None = None) -> Path | None:
    """Today's backup, when the folder has none of today yet. Never raises: a failure (a
    full disk, a read-only folder) is logged and the user's work goes on."""
    when = now or datetime.now()
    try:
        with _daily_lock:
            if files.has_backup_on(db.path, DAILY, when.date()):
                return None
            return _make(db, DAILY, when)
    except Exception:  # noqa: BLE001 - the daily copy must never stop the user's work
        log.exception("daily backup of %s failed", db.path)
        return None


def backup_before_import(db: AppDatabase, *, now: datetime | None = None,
                         source: str | None = None) -> Path:
    """The copy every import takes before it writes; stops the import when it fails.
    ``source``: the name of the file being imported, recorded with the copy."""
    try:
        return _make(db, IMPORT, now, source=source)
    except (OSError, sqlite3.Error) as exc:
        log.exception("pre-import backup of %s failed", db.path)
        raise UserError(
            "Không nhập được vì không tạo được bản sao lưu trước khi nhập "
            f"(thư mục {files.backup_dir(db.path)}: {_reason(exc)}). "
            "Hãy giải phóng dung lượng đĩa hoặc kiểm tra quyền ghi rồi thử lại; "
            "cơ sở dữ liệu chưa bị thay đổi."
        ) from exc


def back_up_now(db: AppDatabase, to_dir: Path | None = None) -> Backup:
    """A backup by hand ("Sao lưu ngay", ``main.py backup``)."""
    try:
        if to_dir is not None:
            path = files.make_backup(db.path, MANUAL, keep=keep_counts(db)[MANUAL], folder=Path(to_dir))
        else:
            path = _make(db, MANUAL)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(f"Không sao lưu được: {_reason(exc)}.") from exc
    info = files.parse_name(path)
    assert info is not None
    return Backup(path, path.name, MANUAL, info[2], path.stat().st_size)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


@dataclass(frozen=True)
class Restored:
    database: Path
    source: Path
    kept: Path | None  # the replaced database, kept as a "before restore" backup


def restore(db_path: Path, source: Path) -> Restored:
    """Replace the database at ``db_path`` by ``source`` (a backup). Nobody may hold the
    database open: the window closes its engine first, the command opens none."""
    from db.migrate import known_revisions

    try:
        kept = files.restore_database(Path(db_path), Path(source), known_revisions(),
                                      keep=files.DEFAULT_KEEP[RESTORE])
    except files.BackupRejected as exc:
        raise UserError(str(exc)) from exc
    except (OSError, sqlite3.Error) as exc:
        raise UserError(f"Không khôi phục được: {_reason(exc)}. Cơ sở dữ liệu hiện tại không đổi.") from exc
    return Restored(Path(db_path), Path(source), kept)


def salvage(db_path: Path, to: Path | None = None) -> files.SalvageResult:
    """What SQLite's recovery can read from a damaged database, in a new file beside it."""
    try:
        return files.salvage_database(Path(db_path), Path(to) if to else None)
    except files.SalvageUnavailable as exc:
        raise UserError(str(exc)) from exc
    except FileExistsError as exc:
        raise UserError(f"Tệp {exc} đã có; hãy chọn tên khác (--to).") from exc
    except FileNotFoundError as exc:
        raise UserError(f"Không tìm thấy tệp {exc}.") from exc
    except (OSError, RuntimeError, sqlite3.Error) as exc:
        raise UserError(f"Không cứu được dữ liệu: {_reason(exc)}.") from exc

