"""Open a database file safely: refuse newer ones, copy aside and upgrade older ones.

Order matters: the version is read through a read-only connection first, so a database
written by a newer release is refused without a single byte of it changing (not even the
switch to WAL mode). An upgrade runs in one transaction after a copy of the file is taken;
if it fails, the copy is put back and :class:`MigrationFailed` stops the app.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from db import backup as backup_module
from db import faults, sqlite
from db.engine import make_engine, sqlite_url

# The errors live in db.faults (with the translation of SQLite's faults); re-exported here.
from db.faults import DatabaseError as DatabaseError
from db.faults import DatabaseTooNew as DatabaseTooNew
from db.faults import MigrationFailed as MigrationFailed
from db.faults import NotADatabase as NotADatabase

if TYPE_CHECKING:
    from alembic.config import Config

BUNDLED_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATIONS_DIR = BUNDLED_MIGRATIONS

#: The newest revision in db/migrations/versions (tests/test_migrations.py checks that they
#: agree). A database already at it opens without loading Alembic at all (start-up time).
SCHEMA_HEAD = "0011"


def alembic_config(connection=None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # a bundle without its migrations: nothing can be opened safely
        raise RuntimeError("no Alembic head revision in the bundled migrations")
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def stored_revision(path: Path) -> str | None:
    """The Alembic revision recorded in the file, read without writing anything.

    A SQLite file that holds other tables but no ``alembic_version`` is someone else's
    database (:class:`NotADatabase`); one SQLite cannot read is damaged
    (:class:`db.faults.DatabaseDamaged`, naming the newest backup)."""
    conn = sqlite.read_only_connect(path)
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            others = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
            if others:
                raise NotADatabase(
                    f"Tệp {path} là một cơ sở dữ liệu SQLite của chương trình khác, không phải "
                    "của Sổ Công đoàn; tệp không bị thay đổi.")
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise faults.translate(exc, path) or faults.damaged(path, faults.UNREADABLE) from exc
    finally:
        conn.close()


def upgrade(engine: Engine, target: str = "head") -> None:
    """All pending migrations in ONE transaction: all of them apply, or none does.

    The sync capture triggers are then re-created for every SyncedMixin table (db/outbox.py)
    in the same transaction, so tables added by any migration join sync by themselves."""
    from alembic import command

    from db import outbox

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)
        outbox.install(conn)


def open_database(path: str | Path) -> Engine:
    """Engine on ``path``, created or upgraded to the current schema first.

    Raises :class:`DatabaseTooNew`, :class:`NotADatabase` or :class:`MigrationFailed`
    with a message for the user; in each case the file on disk is as it was.
    """
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    current = None
    if exists:
        if not sqlite.is_sqlite_file(path):
            raise NotADatabase(f"Tệp {path} không phải cơ sở dữ liệu SQLite (không phải tệp "
                               "của Sổ Công đoàn); tệp không bị thay đổi.")
        damage = sqlite.truncation(path)
        if damage:
            raise faults.damaged(path, damage)
        current = stored_revision(path)
        if current == SCHEMA_HEAD and MIGRATIONS_DIR == BUNDLED_MIGRATIONS:
            return make_engine(sqlite_url(path))  # up to date: no Alembic needed
        if current is not None and current not in known_revisions():
            raise DatabaseTooNew(
                f"Cơ sở dữ liệu {path} được tạo bởi phiên bản Sổ Công đoàn mới hơn "
                f"(lược đồ {current}). Hãy cài phiên bản mới để mở tệp này; "
                "tệp không bị thay đổi."
            )
    head = head_revision()
    if current == head:
        return make_engine(sqlite_url(path))

    path.parent.mkdir(parents=True, exist_ok=True)
    # the copy joins the "before upgrade" rotation (db.backup), newest few kept
    backup = backup_module.make_backup(path, backup_module.UPGRADE) if exists else None
    engine = make_engine(sqlite_url(path))
    try:
        upgrade(engine)
    except Exception as exc:
        engine.dispose()
        if backup is not None:
            sqlite.remove_sidecars(path)
            path.write_bytes(backup.read_bytes())
        else:
            sqlite.remove_sidecars(path)
            path.unlink(missing_ok=True)
        raise MigrationFailed(
            f"Nâng cấp cơ sở dữ liệu {path} thất bại: {exc}. "
            + (f"Tệp đã được khôi phục từ bản sao {backup}." if backup else "Không có gì bị thay đổi.")
        ) from exc
    return engine
