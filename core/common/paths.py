"""Where things live: bundled resources (also when frozen by PyInstaller) and user data."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "SoCongDoan"
DB_FILENAME = "so-cong-doan.sqlite"


def app_root() -> Path:
    """The folder holding resources/: the source tree, or PyInstaller's bundle folder."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("fonts", "LiberationSerif-Regular.ttf")``."""
    return app_root().joinpath("resources", *parts)


def user_data_dir() -> Path:
    """The user's data folder for this app (created on demand)."""
    path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """The embedded SQLite database used by the window and by commands without --db."""
    return user_data_dir() / DB_FILENAME


def attachments_dir(db_path: Path) -> Path:
    """Where attached files (scans, PDFs) are kept, each named by its SHA-256: next to the
    database (for the default database, in the user's data folder)."""
    return Path(db_path).expanduser().resolve().parent / "attachments"  # never the working folder


def held_packages_dir(db_path: Path) -> Path:
    """Where sync packages that arrived after a gap wait for the missing one (kept as they
    came, encrypted and signed; core.sync.exchange): next to the database, a folder of its
    own per database (``sync-held/<database name>``), since the leftovers of a database are
    cleaned from it."""
    path = Path(db_path).expanduser().resolve()
    return path.parent / "sync-held" / path.stem
