"""The window's own settings (last folders, recent databases, backup counts): one QSettings
in INI form in the user's configuration folder, never next to the program.

Tests point it at a temporary folder with ``QSettings.setPath`` (tests/gui/conftest.py).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "SoCongDoan"
APPLICATION = "SoCongDoan"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
