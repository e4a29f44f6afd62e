"""Issue 9 (leftover): one window per database. A second start on a database that a window
holds is told so in Vietnamese and opens nothing; once the first window is gone, it opens."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui import app as gui_app
from gui.common.instance_lock import DatabaseLock
from gui.main_window import MainWindow


def _windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_a_second_window_on_the_same_database_is_refused(db_path, qtbot, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(
        lambda parent, title, text, *a, **k: shown.append((title, text)) or QMessageBox.StandardButton.Ok))
    other_window = DatabaseLock(db_path)  # the window already open on it
    assert other_window.acquire() is None
    try:
        assert gui_app.run_gui(db_path) == 1
    finally:
        other_window.release()
    [(title, text)] = shown
    assert title == "Cơ sở dữ liệu đang được mở"
    assert str(db_path) in text and "cửa sổ khác" in text
    assert _windows() == []

    # The other window closed: the program opens, and its own lock goes when it closes.
    held: list[str | None] = []

    def close_when_open() -> None:
        windows = _windows()
        if not windows or not windows[0].pages:
            QTimer.singleShot(50, close_when_open)
            return
        held.append(DatabaseLock(db_path).acquire())  # a third start, while the window is open
        windows[0].close()

    QTimer.singleShot(50, close_when_open)
    assert gui_app.run_gui(db_path) == 0
    assert held and held[0] is not None and "cửa sổ khác" in held[0]
    again = DatabaseLock(db_path)
    assert again.acquire() is None
    again.release()
