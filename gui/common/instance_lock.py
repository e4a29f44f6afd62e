"""One window per database file: a lock file beside the database (``<file>.lock``, Qt's
QLockFile: it names the process and the machine holding it, and a lock left by a process
that died is taken over). A second window on the same database would be a second writer and
would show stale pages; it is told, in Vietnamese, which window holds the file instead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile


class DatabaseLock:
    def __init__(self, db_path: Path) -> None:
        self.path = Path(str(db_path) + ".lock")
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age

    def acquire(self) -> str | None:
        """None when this window holds the database now (or no lock can be written there:
        opening the database then says why); else the message to show."""
        if self._lock.tryLock(0):
            return None
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            return None  # no lock file can be made here (missing or read-only folder)
        found = self._lock.getLockInfo()
        pid, host = (found[1], found[2]) if isinstance(found, tuple) and found and found[0] else ("?", "?")
        return QCoreApplication.translate(
            "App",
            "The database {0} is already open in another window of the program (process {1} "
            "on {2}). Use that window, or close it and open the program again: two windows "
            "writing to one database would overwrite each other's work.",
        ).format(str(self.path)[: -len(".lock")], pid, host)

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
