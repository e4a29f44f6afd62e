"""The window's own settings (last folders, recent databases, backup counts): one QSettings
in INI form in the user's configuration folder, never next to the program.

Tests point it at a temporary folder with ``QSettings.setPath`` (tests/gui/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION = "SoCongDoan"
APPLICATION = "SoCongDoan"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


RECENT_KEY = "databases/recent"
RECENT_MAX = 6


def recent_databases() -> list[Path]:
    """Databases opened lately, the newest first (those that still exist)."""
    stored = app_settings().value(RECENT_KEY, [])
    if isinstance(stored, str):  # one entry comes back as a plain string
        stored = [stored]
    found = [Path(str(p)) for p in (stored or []) if str(p)]
    return [p for p in dict.fromkeys(found) if p.is_file()]


def remember_database(path: Path) -> None:
    """``path`` becomes the newest recent database (and the one opened on the next start)."""
    path = Path(path).resolve()
    entries = [path, *(p for p in recent_databases() if p.resolve() != path)][:RECENT_MAX]
    settings = app_settings()
    settings.setValue(RECENT_KEY, [str(p) for p in entries])
    settings.sync()
