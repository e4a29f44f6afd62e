"""Issue 10 point 9: F1 opens the Vietnamese user guide, "Giới thiệu" names the version and
the database, "Tệp ▸ Mở cơ sở dữ liệu khác…" moves the window to another database, which is
opened again on the next start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMenu

from core.common.database import open_app_database
from core.common.version import __version__
from core.org import ops
from gui import app as gui_app
from gui.common import file_dialogs
from gui.common.help_viewer import HelpDialog
from gui.main_window import MainWindow
from tests.gui.conftest import ROOT


def test_the_bundled_guide_is_the_one_in_docs():
    assert (ROOT / "resources" / "help" / "HUONG-DAN.md").read_text(encoding="utf-8") == \
        (ROOT / "docs" / "HUONG-DAN.md").read_text(encoding="utf-8")


def test_f1_opens_the_user_guide(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: any(isinstance(w, HelpDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    guide = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible())
    assert guide.windowTitle() == "Hướng dẫn sử dụng"
    text = guide.browser.toPlainText()
    assert text.startswith("Hướng dẫn sử dụng Sổ Công đoàn")
    assert "Sao lưu và khôi phục" in text and "Ctrl+N" in text
    QTest.keyClick(guide, Qt.Key.Key_Escape)
    assert not guide.isVisible()


def test_help_menu_about_names_version_and_database(window, app_db, qtbot, messages):
    help_menu = window.menuBar().actions()[-1].menu()
    assert [a.text() for a in help_menu.actions()] == ["&Hướng dẫn sử dụng", "&Giới thiệu"]

    def choose_about() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(50, choose_about)
            return
        QTest.keyClick(menu, Qt.Key.Key_G)  # &Giới thiệu

    QTimer.singleShot(50, choose_about)
    QTest.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Trợ &giúp
    qtbot.waitUntil(lambda: bool(messages.infos), timeout=5_000)
    assert f"phiên bản {__version__}" in messages.infos[-1]
    assert f"Cơ sở dữ liệu: {app_db.path}" in messages.infos[-1]


def test_file_menu_lists_backup_restore_open_and_recent(window):
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    assert texts == ["&Sao lưu ngay", "&Khôi phục từ bản sao lưu…", "Số bản sao lưu giữ &lại…", "&Mở cơ sở dữ liệu khác…",
                     "Cơ sở dữ liệu &gần đây", "T&hoát"]


def _office_db(path: Path, code: str, name: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_app_database(path)
    try:
        ops.set_up_office(db, ops.OfficeSettings(unit_code=code, name=name, place="Vĩnh Linh"), level="province")
    finally:
        db.close()
    return path


def _windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_open_another_database_then_it_opens_on_the_next_start(qtbot, tmp_path):
    first = _office_db(tmp_path / "a" / "so-cong-doan.sqlite", "VL", "LĐLĐ huyện Vĩnh Linh")
    (tmp_path / "b").mkdir()
    other = _office_db(tmp_path / "b" / "nam-truoc.sqlite", "GL", "LĐLĐ huyện Gio Linh")
    seen: list[str] = []
    file_dialogs.remember_folder(file_dialogs.FileKind.DATABASE, other.parent)  # used before

    def answer_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, answer_dialog)
            return
        seen.append(Path(dialog.directory().absolutePath()).name)
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        edit.setFocus()
        QTest.keyClicks(edit, other.name)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    def press_ctrl_o() -> None:
        windows = _windows()
        if not windows or not windows[0].pages:  # still opening
            QTimer.singleShot(50, press_ctrl_o)
            return
        seen.append(windows[0].office_label.text())
        windows[0].activateWindow()  # the clerk's window has the focus
        QTimer.singleShot(50, answer_dialog)
        QTest.keyClick(windows[0], Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        QTimer.singleShot(50, wait_for_other)

    def wait_for_other() -> None:
        windows = _windows()
        if len(windows) != 1 or not windows[0].pages or windows[0].office_label.text() != "LĐLĐ huyện Gio Linh":
            QTimer.singleShot(50, wait_for_other)
            return
        seen.append(windows[0].office_label.text())
        seen.append(windows[0].db_label.toolTip())
        windows[0].close()

    QTimer.singleShot(50, press_ctrl_o)
    assert gui_app.run_gui(first) == 0
    assert seen[:2] == ["LĐLĐ huyện Vĩnh Linh", "b"]  # the dialog opened where databases were taken last
    assert seen[2:] == ["LĐLĐ huyện Gio Linh", str(other.resolve())]

    # The next start without a path opens the database used last.
    assert gui_app.starting_database() == other.resolve()
    reopened: list[str] = []

    def note_and_close() -> None:
        windows = _windows()
        if not windows or not windows[0].pages:
            QTimer.singleShot(50, note_and_close)
            return
        reopened.append(windows[0].office_label.text())
        windows[0].close()

    QTimer.singleShot(50, note_and_close)
    assert gui_app.run_gui(None) == 0
    assert reopened == ["LĐLĐ huyện Gio Linh"]
