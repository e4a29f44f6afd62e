"""Change notices between pages: one bus per main window (Anki's ``operation_did_execute``).

A page or dialog that ran a mutating use case calls ``bus.notify(changes, source=self)``;
the main window connects every page's ``apply_changes(changes, source)`` to the bus, so a
unit added on "Tổ chức" is offered by the register's unit filter at once, and an import
refreshes the dashboard. Pages refresh only what depends on the kinds that changed and may
ignore notices they sent themselves (``source is self``) when they already refreshed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.common.changes import Changes


class ChangeBus(QObject):
    """``changed(Changes, source)`` is emitted on the GUI thread for every notice."""

    changed = Signal(object, object)

    def notify(self, changes: Changes, source: object | None = None) -> None:
        if changes:
            self.changed.emit(changes, source)
