"""Backups: a consistent copy of the live database file, named by UTC time."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from db import sqlite


def backup_database(db_path: Path, to_dir: Path) -> Path:
    """Copy ``db_path`` into ``to_dir`` (created if needed); returns the copy's path."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = Path(to_dir) / f"{db_path.stem}-{stamp}{db_path.suffix}"
    n = 1
    while target.exists():
        n += 1
        target = Path(to_dir) / f"{db_path.stem}-{stamp}-{n}{db_path.suffix}"
    sqlite.copy_database(db_path, target)
    return target
