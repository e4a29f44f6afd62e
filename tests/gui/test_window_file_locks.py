"""A file dialog showing the database's folder reads the file, which releases the window
process's SQLite locks; when the window gets the focus back it reconnects, so a command
run afterwards sees the window as a user of the file and leaves its -wal/-shm in place
(issue 9; the reads that went stale without this are tests/test_db_stale_view.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import select

from db.models import Setting

_WRITE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("INSERT OR REPLACE INTO setting(key, value) VALUES ('x.other', 'cli')")
conn.close()
"""


def _shm(path: Path) -> tuple[int, int] | None:
    shm = Path(str(path) + "-shm")
    return (shm.stat().st_dev, shm.stat().st_ino) if shm.exists() else None


@pytest.mark.skipif(sys.platform == "win32", reason="Windows locks belong to the handle")
def test_focus_back_from_a_file_dialog_retakes_the_locks(window, app_db, qtbot):
    app_db.auto_backups = False
    # The window's own background work (the start page, the day's backup) done first: a
    # connection it still held across the dialog would keep the lost lock (issue 9 leftover).
    QThreadPool.globalInstance().waitForDone(30_000)
    QApplication.processEvents()
    with app_db.reading() as s:
        s.scalar(select(Setting.value))
    before = _shm(app_db.path)
    assert before is not None
    dialog = QFileDialog(window, "Lưu", str(app_db.path.parent))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5_000)
    for _ in range(20):  # let the dialog list (and sniff) the folder's files
        QApplication.processEvents()
        qtbot.wait(25)
    dialog.close()
    app = QApplication.instance()
    app.focusWindowChanged.emit(dialog.windowHandle())  # offscreen: say what a desktop does
    app.focusWindowChanged.emit(window.windowHandle())
    QThreadPool.globalInstance().waitForDone(30_000)
    subprocess.run([sys.executable, "-c", _WRITE, str(app_db.path)], check=True, timeout=120)
    assert _shm(app_db.path) == before  # the command did not take itself for the last user
    with app_db.reading() as s:
        assert s.scalar(select(Setting.value).where(Setting.key == "x.other")) == "cli"
