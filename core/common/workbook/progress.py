"""Progress reporting and cancellation checks shared by the reading and parsing loops."""

from __future__ import annotations

from collections.abc import Callable

from core.common.errors import Cancelled

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

# Report progress / look for cancellation once per this many rows (cheap enough, and a
# GUI progress bar gets ~hundreds of updates for a 100k-row sheet at most).
STEP = 250


class Ticker:
    """Calls ``progress(done, total)`` every :data:`STEP` items and at the end; raises
    :class:`~core.common.errors.Cancelled` as soon as ``is_cancelled()`` says so (checked at the same pace)."""

    def __init__(self, total: int, progress: Progress | None, is_cancelled: IsCancelled | None):
        self.total = total
        self._progress = progress
        self._is_cancelled = is_cancelled

    def check(self) -> None:
        if self._is_cancelled is not None and self._is_cancelled():
            raise Cancelled

    def start(self) -> None:
        self.check()
        if self._progress is not None:
            self._progress(0, self.total)

    def tick(self, done: int) -> None:
        if done % STEP == 0:
            self.check()
            if self._progress is not None:
                self._progress(done, self.total)

    def finish(self) -> None:
        self.check()
        if self._progress is not None:
            self._progress(self.total, self.total)
