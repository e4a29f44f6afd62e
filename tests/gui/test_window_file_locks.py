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
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
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
    assert _shm(app_db.path) is not None
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
    # Taken after the window reconnected: the renewal may itself have replaced the -shm
    # (its last connection closing), and a new file can get the old inode number or not.
    before = _shm(app_db.path)
    assert before is not None
    subprocess.run([sys.executable, "-c", _WRITE, str(app_db.path)], check=True, timeout=120)
    assert _shm(app_db.path) == before  # the command did not take itself for the last user
    with app_db.reading() as s:
        assert s.scalar(select(Setting.value).where(Setting.key == "x.other")) == "cli"


def _count_renewals(app_db, monkeypatch) -> list[int]:
    calls: list[int] = []
    monkeypatch.setattr(app_db, "renew_connections", lambda: calls.append(1))
    return calls


def test_focus_back_from_another_program_or_a_message_keeps_the_connections(window, app_db, qtbot, monkeypatch):
    # Another process cannot release this one's locks, and a message box reads no file:
    # the pooled connections stay (a replaced file is caught on checkout by db.sqlite).
    # Failed before: every focus return renewed the connections.
    calls = _count_renewals(app_db, monkeypatch)
    app = QApplication.instance()
    for _ in range(3):
        app.focusWindowChanged.emit(None)  # another program has the focus
        app.focusWindowChanged.emit(window.windowHandle())
    box = QMessageBox(QMessageBox.Icon.Information, "Thông báo", "Đã lưu.", parent=window)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    app.focusWindowChanged.emit(box.windowHandle())
    box.close()
    app.focusWindowChanged.emit(window.windowHandle())
    assert calls == []


def test_a_file_dialog_of_the_window_retakes_the_locks_when_it_closes(window, app_db, monkeypatch, tmp_path):
    # The helper's dialogs (native ones are no Qt window, so no focus change tells) say
    # they closed; the window renews its connections once. Failed before: nothing renewed.
    from gui.common import file_dialogs

    calls = _count_renewals(app_db, monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    assert file_dialogs.open_file(window, "Mở", file_dialogs.FileKind.IMPORT, ["*"]) is None
    assert calls == [1]
    window.close()  # a closed window's database is not its to reopen
    file_dialogs.open_file(None, "Mở", file_dialogs.FileKind.IMPORT, ["*"])
    assert calls == [1]
