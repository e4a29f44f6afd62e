"""The log: one rotating file in the user's log folder, shared by the window and the commands.

The folder comes from platformdirs (as the data folder does, in core.common.paths), not from
Qt's QStandardPaths, so the headless commands, which never load Qt, write to the same file:
``%LOCALAPPDATA%\\SoCongDoan\\Logs`` on Windows, ``~/.local/state/SoCongDoan/log`` on Linux,
``~/Library/Logs/SoCongDoan`` on macOS. ``SOCONGDOAN_LOG_DIR`` overrides it (tests).
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_path

from core.common.paths import APP_NAME
from core.common.version import __version__

LOG_DIR_ENV = "SOCONGDOAN_LOG_DIR"
LOG_FILENAME = "socongdoan.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s [%(process)d %(threadName)s] %(name)s: %(message)s"

log = logging.getLogger("socongdoan")


def log_dir() -> Path:
    """The user's log folder for this app (not created here)."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    return user_log_path(APP_NAME, appauthor=False)


def log_file() -> Path:
    return log_dir() / LOG_FILENAME


def _ours(handler: logging.Handler) -> bool:
    return getattr(handler, "_socongdoan", False)


def file_handler() -> RotatingFileHandler | None:
    """The handler :func:`setup_logging` attached to the root logger, if any."""
    for handler in logging.getLogger().handlers:
        if _ours(handler):
            return handler  # type: ignore[return-value]
    return None


def setup_logging(
    directory: Path | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUP_COUNT,
    level: int = logging.INFO,
) -> Path | None:
    """Send log records of ``level`` and above to the rotating log file; its path.

    Idempotent: a second call for the same file keeps the handler; for another file it
    replaces it. None when the folder cannot be created (a read-only profile): the
    program then runs without a log rather than not at all.
    """
    path = (directory or log_dir()) / LOG_FILENAME
    root = logging.getLogger()
    current = file_handler()
    if current is not None:
        if current.baseFilename == os.path.abspath(path) and current.maxBytes == max_bytes:
            return path
        remove_logging()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups,
                                      encoding="utf-8", delay=True)
    except OSError:
        return None
    handler._socongdoan = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def remove_logging() -> None:
    """Detach and close the handler of :func:`setup_logging` (tests, the end of the window)."""
    handler = file_handler()
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()


def environment(**extra: object) -> list[str]:
    """Lines describing the program and the machine, for the log and crash details."""
    lines = [
        f"Sổ Công đoàn {__version__}",
        f"OS: {platform.platform()}",
        f"Python: {platform.python_version()} ({platform.python_implementation()}, {sys.executable})",
        f"Frozen: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
    ]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return lines


def format_exception(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc)).rstrip()
