"""Backups: consistent copies of the live database, named readably, kept in rotation.

A backup is ``<stem>-YYYY-MM-DD-HHMM-<kind>.sqlite`` in the ``backups`` folder beside the
database (``so-cong-doan-2026-12-06-0912-truoc-khi-nhap.sqlite``), local time. A backup
taken before an import has a small sidecar beside it, ``<backup>.nguon.txt``, holding the
name of the file imported (shown in the lists of backups; it goes when its backup goes). Each kind
(daily, before an import, before an upgrade, before a restore, by hand) keeps its own
newest N; older ones of the same kind are deleted after a new one is written. Every copy
is made with SQLite's backup API into ``<name>.part`` and then renamed, so a backup on disk
is never half a file.

Salvage (:func:`salvage_database`) uses the sqlite3 shell's ``.recover`` on a copy of a
damaged file: SQLite's own recovery, no page parsing here.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from db import sqlite

BACKUP_DIR_NAME = "backups"

DAILY, IMPORT, UPGRADE, RESTORE, MANUAL = "daily", "import", "upgrade", "restore", "manual"
#: kind → the words in the file name (Vietnamese, without tones, readable in a file list)
KIND_SLUGS = {
    DAILY: "hang-ngay",
    IMPORT: "truoc-khi-nhap",
    UPGRADE: "truoc-khi-nang-cap",
    RESTORE: "truoc-khi-khoi-phuc",
    MANUAL: "thu-cong",
}
SLUG_KINDS = {slug: kind for kind, slug in KIND_SLUGS.items()}
#: how many of each kind are kept unless a setting says otherwise
DEFAULT_KEEP = {DAILY: 7, IMPORT: 10, UPGRADE: 5, RESTORE: 5, MANUAL: 20}

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d{2}-\d{2}-\d{4})-(?P<slug>"
    + "|".join(map(re.escape, SLUG_KINDS))
    + r")(?:-(?P<n>\d+))?\.sqlite$"
)


SOURCE_SUFFIX = ".nguon.txt"  # the sidecar naming the file imported after the backup
_SOURCE_LIMIT = 255  # characters kept of that name


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    taken: datetime  # local time, to the minute (from the name)
    size: int
    modified: float  # file time: orders backups taken in the same minute
    source: str | None = None  # the file imported just after (a "before import" backup)


def source_path(backup: Path) -> Path:
    """The sidecar of ``backup`` naming the file imported after it was taken."""
    return Path(backup).with_suffix(SOURCE_SUFFIX)


def read_source(backup: Path) -> str | None:
    """The imported file's name recorded with ``backup``, or None (none recorded, or the
    sidecar unreadable: the backup itself is what matters)."""
    try:
        with open(source_path(backup), encoding="utf-8", errors="replace") as f:
            text = f.read(4 * _SOURCE_LIMIT)
    except OSError:
        return None
    lines = text.splitlines()
    name = "".join(ch for ch in lines[0] if ch.isprintable()).strip() if lines else ""
    return name[:_SOURCE_LIMIT] or None


def _write_source(backup: Path, source: str) -> None:
    name = "".join(ch for ch in Path(source).name if ch.isprintable()).strip()[:_SOURCE_LIMIT]
    if not name:
        return
    try:
        source_path(backup).write_text(name + "\n", encoding="utf-8")
    except OSError:  # the backup is sound without its note
        source_path(backup).unlink(missing_ok=True)


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUP_DIR_NAME


def backup_name(db_path: Path, kind: str, when: datetime, n: int = 1) -> str:
    suffix = f"-{n}" if n > 1 else ""
    return f"{Path(db_path).stem}-{when:%Y-%m-%d-%H%M}-{KIND_SLUGS[kind]}{suffix}.sqlite"


def parse_name(path: Path) -> tuple[str, str, datetime, int] | None:
    """(stem, kind, time, n) of a backup's file name; None for any other file."""
    m = _NAME.match(Path(path).name)
    if not m:
        return None
    try:
        taken = datetime.strptime(m["stamp"], "%Y-%m-%d-%H%M")
    except ValueError:
        return None
    return m["stem"], SLUG_KINDS[m["slug"]], taken, int(m["n"] or 1)


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of ``db_path`` in ``folder`` (default: its backups folder), newest first."""
    folder = Path(folder) if folder else backup_dir(db_path)
    stem = Path(db_path).stem
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        parsed = parse_name(path)
        if parsed is None or parsed[0] != stem or not path.is_file():
            continue
        st = path.stat()
        source = read_source(path) if source_path(path).exists() else None
        found.append(BackupInfo(path, parsed[1], parsed[2], st.st_size, st.st_mtime, source))
    found.sort(key=lambda b: (b.taken, parse_name(b.path)[3], b.modified), reverse=True)  # type: ignore[index]
    return found


def rotate(db_path: Path, kind: str, keep: int, folder: Path | None = None) -> list[Path]:
    """Delete the oldest backups of ``kind`` beyond the newest ``keep``; returns what went."""
    extra = [b for b in list_backups(db_path, folder) if b.kind == kind][max(keep, 1):]
    for b in extra:
        b.path.unlink(missing_ok=True)
        source_path(b.path).unlink(missing_ok=True)
    return [b.path for b in extra]


def make_backup(
    db_path: Path,
    kind: str,
    *,
    keep: int | None = None,
    now: datetime | None = None,
    folder: Path | None = None,
    source: str | None = None,
) -> Path:
    """Copy ``db_path`` as a backup of ``kind`` (temporary name, then renamed) and rotate
    that kind to ``keep`` (default :data:`DEFAULT_KEEP`); ``source``: the name of the file
    about to be imported, kept in a sidecar (:func:`read_source`). Raises OSError or
    sqlite3.Error when the copy cannot be written; nothing half-written is left."""
    db_path = Path(db_path)
    when = now or datetime.now()
    folder = Path(folder) if folder else backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    # Copied under a name of its own, then given the first free readable name: two backups
    # in the same minute (two imports at once) never write to the same file.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.stem}-", suffix=".part", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        sqlite.copy_database(db_path, tmp)
        target = _claim(tmp, folder, db_path, kind, when)
        if source:
            _write_source(target, source)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".part").unlink(missing_ok=True)
    rotate(db_path, kind, DEFAULT_KEEP[kind] if keep is None else keep, folder)
    return target


def _claim(tmp: Path, folder: Path, db_path: Path, kind: str, when: datetime) -> Path:
    """Give ``tmp`` the first free name of its kind and time (``-2``, ``-3`` … after the
    first): a hard link fails if the name is taken, so two writers cannot get the same."""
    n = 1
    while True:
        target = folder / backup_name(db_path, kind, when, n)
        try:
            os.link(tmp, target)
            return target
        except FileExistsError:
            n += 1
        except OSError:  # no hard links here (FAT USB sticks): take the name if still free
            if target.exists():
                n += 1
                continue
            tmp.replace(target)
            return target


def has_backup_on(db_path: Path, kind: str, day: date) -> bool:
    return any(b.kind == kind and b.taken.date() == day for b in list_backups(db_path))


def backup_database(db_path: Path, to_dir: Path) -> Path:
    """A backup by hand into ``to_dir`` (created if needed); returns the copy's path."""
    return make_backup(db_path, MANUAL, folder=to_dir)


# --- checking and restoring -------------------------------------------------------------
class BackupRejected(Exception):
    """A file that cannot be restored; the message is for the user (Vietnamese)."""


def check_restorable(path: Path, known_revisions: set[str]) -> str:
    """Raise :class:`BackupRejected` unless ``path`` is a sound Sổ Công đoàn database whose
    schema this version knows; returns its schema revision."""
    path = Path(path)
    if not path.is_file():
        raise BackupRejected(f"Không tìm thấy tệp {path}.")
    if not sqlite.is_sqlite_file(path):
        raise BackupRejected(f"Tệp {path} không phải cơ sở dữ liệu SQLite.")
    try:
        conn = sqlite.read_only_connect(path)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if rows != ["ok"]:
                raise BackupRejected(
                    f"Tệp {path} bị hỏng (kiểm tra toàn vẹn: {'; '.join(rows[:3])}); "
                    "không khôi phục từ tệp này."
                )
            has_version = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone() if has_version else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupRejected(f"Tệp {path} không đọc được như một cơ sở dữ liệu ({exc}).") from exc
    if row is None:
        raise BackupRejected(f"Tệp {path} không phải cơ sở dữ liệu của Sổ Công đoàn.")
    if row[0] not in known_revisions:
        raise BackupRejected(
            f"Tệp {path} được tạo bởi phiên bản Sổ Công đoàn mới hơn (lược đồ {row[0]}); "
            "hãy cài phiên bản mới để dùng tệp này."
        )
    return str(row[0])


IN_USE = (
    "Cơ sở dữ liệu {0} đang được một chương trình khác ghi (một lần nhập, một lệnh đang chạy "
    "hay một chương trình xem tệp SQLite); khôi phục lúc này sẽ làm mất những gì chương trình "
    "đó đang ghi. Hãy chờ chương trình đó ghi xong (hoặc đóng nó) rồi khôi phục lại. Cơ sở dữ "
    "liệu hiện tại không đổi."
)


def written_elsewhere(db_path: Path, wait_s: float = 1.0) -> bool:
    """True when another connection holds ``db_path``'s write lock (a transaction under
    way, which would commit into the replaced file and be lost). Idle connections of this
    program are no obstacle: their pool notices the new file and reconnects
    (:func:`db.sqlite.file_identity`)."""
    if not Path(db_path).exists():
        return False
    try:
        conn = sqlite3.connect(db_path, timeout=wait_s, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as exc:  # a damaged or read-only file is not "being written"
        text = str(exc).lower()
        return "locked" in text or "busy" in text
    finally:
        conn.close()
    return False


def restore_database(
    db_path: Path, source: Path, known_revisions: set[str], *, keep: int | None = None
) -> Path | None:
    """Replace ``db_path`` by the backup ``source``; the caller holds no connection.

    ``source`` is checked first; the current database (when there is one) is then kept as a
    backup of kind "restore"; the replacement is copied beside ``db_path`` under a temporary
    name and renamed over it. Returns the "before restore" backup's path (None when there
    was no database). Refused (:class:`BackupRejected`, nothing changed) while another
    program is writing ``db_path``: its transaction would commit into the replaced file."""
    db_path = Path(db_path)
    check_restorable(source, known_revisions)
    if written_elsewhere(db_path):
        raise BackupRejected(IN_USE.format(db_path))
    kept = None
    if db_path.exists() and db_path.stat().st_size > 0:
        try:
            kept = make_backup(db_path, RESTORE, keep=keep)
        except sqlite3.Error:  # too damaged for the backup API: keep its bytes as they are
            kept = backup_dir(db_path) / backup_name(db_path, RESTORE, datetime.now())
            kept.parent.mkdir(parents=True, exist_ok=True)
            part = kept.with_name(kept.name + ".part")
            shutil.copyfile(db_path, part)
            os.replace(part, kept)
    tmp = db_path.with_name(db_path.name + ".restore.part")
    tmp.unlink(missing_ok=True)
    try:
        sqlite.copy_database(Path(source), tmp)
        # the replaced database's log (kept in the backup above) must not be replayed
        # into the restored one
        sqlite.remove_sidecars(db_path)
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
    return kept


# --- salvage ----------------------------------------------------------------------------
class SalvageUnavailable(Exception):
    """The sqlite3 shell is missing; the message is for the user (Vietnamese)."""


@dataclass(frozen=True)
class SalvageResult:
    path: Path
    integrity: list[str]  # ["ok"] when the salvaged file is sound
    revision: str | None  # the schema revision found in it (None: not recognisable)
    recovered: dict[str, int]  # table → rows in the salvaged file
    original: dict[str, int | None]  # table → rows readable in the original (None: unreadable)
    lost_and_found: int  # rows SQLite could not place in a table
    method: str  # "recover" (the shell's .recover) or "dump" (its .dump, when .recover is missing)


def sqlite_shell() -> str | None:
    """The sqlite3 command-line shell: beside the frozen app first, then on PATH."""
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        for name in ("sqlite3.exe", "sqlite3"):
            candidate = Path(frozen) / name
            if candidate.is_file():
                return str(candidate)
    return shutil.which("sqlite3")


def _table_counts(path: Path) -> dict[str, int | None]:
    counts: dict[str, int | None] = {}
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return counts
    try:
        try:
            names = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                    " ORDER BY name"
                )
            ]
        except sqlite3.Error:
            return counts
        for name in names:
            try:
                counts[name] = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            except sqlite3.Error:
                counts[name] = None
    finally:
        conn.close()
    return counts


def salvage_path_for(db_path: Path, now: datetime | None = None) -> Path:
    when = now or datetime.now()
    target = Path(db_path).with_name(f"{Path(db_path).stem}-cuu-{when:%Y-%m-%d-%H%M}.sqlite")
    n = 1
    while target.exists():
        n += 1
        target = Path(db_path).with_name(f"{Path(db_path).stem}-cuu-{when:%Y-%m-%d-%H%M}-{n}.sqlite")
    return target


def salvage_database(db_path: Path, to: Path | None = None, *, shell: str | None = None) -> SalvageResult:
    """Rescue what SQLite can read from a damaged ``db_path`` into a new file (``to``, by
    default ``<stem>-cuu-<time>.sqlite`` beside it). The original is never opened for
    writing: ``.recover`` reads a copy of it (and of its write-ahead log)."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise FileNotFoundError(db_path)
    shell = shell or sqlite_shell()
    if not shell:
        raise SalvageUnavailable(
            "Không tìm thấy chương trình sqlite3 (cần cho việc cứu dữ liệu). "
            "Trên Debian/Ubuntu: sudo apt-get install sqlite3."
        )
    target = Path(to) if to else salvage_path_for(db_path)
    if target.exists():
        raise FileExistsError(target)
    if target.resolve() == db_path.resolve():
        raise ValueError("the salvage must not overwrite the original")
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="socongdoan-salvage-") as tmp:
        copy = Path(tmp) / "damaged.sqlite"
        shutil.copyfile(db_path, copy)
        wal = Path(str(db_path) + "-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(str(copy) + "-wal"))
        method = "recover"
        run = subprocess.run([shell, str(copy), ".recover"], capture_output=True, check=False)
        script = run.stdout
        if run.returncode != 0:
            # A shell built without SQLITE_ENABLE_DBPAGE_VTAB (Debian's, Ubuntu's) cannot
            # .recover ("no such table: sqlite_dbpage"); its .dump still reads every table
            # page by page, skipping what is unreadable, and ends "ROLLBACK; -- due to
            # errors", which here becomes a COMMIT of what was read.
            method = "dump"
            run = subprocess.run([shell, str(copy), ".dump"], capture_output=True, check=False)
            script = re.sub(rb"ROLLBACK; -- due to errors\s*$", b"COMMIT;\n", run.stdout)
        if not script.strip():
            raise RuntimeError(run.stderr.decode("utf-8", "replace").strip() or "SQLite read nothing")
        original = _table_counts(copy)
    try:
        load = subprocess.run(
            [shell, str(part)], input=script, capture_output=True, check=False
        )
        if load.returncode != 0 and not part.exists():
            raise RuntimeError(load.stderr.decode("utf-8", "replace").strip())
        conn = sqlite3.connect(part)
        try:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            try:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.Error:
                row = None
        finally:
            conn.close()
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    recovered = {k: v or 0 for k, v in _table_counts(target).items()}
    lost = recovered.pop("lost_and_found", 0)
    return SalvageResult(
        path=target,
        integrity=integrity,
        revision=row[0] if row else None,
        recovered=recovered,
        original={k: original.get(k) for k in sorted(set(original) | set(recovered))},
        lost_and_found=lost,
        method=method,
    )
