"""Undo for deletions that leave a tombstone: the rows come back exactly as they were."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

Change = Callable[..., object]


class TombstoneCommand(QUndoCommand):
    """Rows already deleted (tombstoned) when pushed; undo restores them, redo deletes again.

    ``apply(change, ids)`` runs a core change over the ids in one transaction and returns
    whether it worked; ``restored(ids)`` is called after a successful undo.
    """

    def __init__(self, text: str, ids: list[uuid.UUID], *, apply: Callable[[Change, list], bool],
                 delete: Change, restore: Change,
                 restored: Callable[[list[uuid.UUID]], None] | None = None) -> None:
        super().__init__(text)
        self._ids, self._apply, self._delete, self._restore = ids, apply, delete, restore
        self._restored = restored
        self._done = True  # the deletion happened before the push

    def redo(self) -> None:
        if self._done:
            return
        self._apply(self._delete, self._ids)
        self._done = True

    def undo(self) -> None:
        if self._apply(self._restore, self._ids) and self._restored is not None:
            self._restored(self._ids)
        self._done = False
