"""Start-up: a database that cannot be opened stops the app with a Vietnamese message;
the first run asks for the office; the bundle self-test."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.common.database import open_app_database
from core.org.office import load_office
from db.models import UnitKind
from gui import app as gui_app
from gui.main_window import MainWindow
from gui.org.first_run import FirstRunDialog
from tests.gui.conftest import type_text


@pytest.fixture
def critical(monkeypatch):
    shown: list[tuple[str, str]] = []

    def fake(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(fake))
    return shown


def _main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_database_too_new_is_refused_with_a_message(db_path, tmp_path, critical, monkeypatch):
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(db_path, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    before = newer.read_bytes()
    shown = []
    monkeypatch.setattr(MainWindow, "attach", lambda self, db: shown.append(db))

    assert gui_app.run_gui(newer) == 1
    [(title, text)] = critical
    assert title == "Không mở được cơ sở dữ liệu"
    assert "phiên bản Sổ Công đoàn mới hơn" in text and "tệp không bị thay đổi" in text
    # The window frame was up while the database loaded; no page was ever shown, and it closed.
    assert shown == [] and _main_windows() == []
    assert newer.read_bytes() == before


def test_not_a_database_is_refused(tmp_path, critical):
    junk = tmp_path / "ghi-chu.sqlite"
    junk.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    assert gui_app.run_gui(junk) == 1
    assert "không phải cơ sở dữ liệu SQLite" in critical[0][1]


def test_first_run_declined_opens_nothing(tmp_path, monkeypatch, critical):
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: FirstRunDialog.DialogCode.Rejected)
    assert gui_app.run_gui(tmp_path / "moi.sqlite") == 0
    assert critical == [] and _main_windows() == []


def test_run_gui_opens_the_window_on_a_set_up_database(db_path, qtbot):
    seen = []

    def close_window():
        windows = _main_windows()
        if not windows or not windows[0].pages:  # the database is still opening
            QTimer.singleShot(50, close_window)
            return
        seen.extend(w.office_label.text() for w in windows)
        for w in windows:
            w.close()

    QTimer.singleShot(50, close_window)
    assert gui_app.run_gui(db_path) == 0
    assert seen == ["LĐLĐ huyện Vĩnh Linh"]


def test_first_run_dialog_sets_up_the_office(qtbot, tmp_path):
    db = open_app_database(tmp_path / "moi.sqlite")
    try:
        dialog = FirstRunDialog(db)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle() == "Thiết lập đơn vị sử dụng"
        form = dialog.form
        assert (form.on_behalf.text(), form.chair_title.text(), form.doc_symbol.text()) == (
            "TM. BAN THƯỜNG VỤ",
            "CHỦ TỊCH",
            "LĐLĐ",
        )
        dialog.save()
        assert dialog.error.text() == "Hãy nhập mã đơn vị."
        type_text(form.code, "hl")
        assert form.code.text() == "HL"  # codes are upper case as typed
        type_text(form.name, "LĐLĐ huyện Hải Lăng")
        dialog.save()
        assert dialog.error.text() == "Hãy nhập mã đơn vị cấp trên (cấp trên trực tiếp của đơn vị bạn)."
        type_text(form.parent_code, "qt")
        form.parent_name.setText("LĐLĐ tỉnh Quảng Trị")
        dialog.save()
        assert dialog.error.text() == "Hãy nhập địa danh ghi ngày tháng trên văn bản."
        form.place.setText("Hải Lăng")
        form.chair_name.setText("Trần Văn Bình")
        dialog.save()
        assert dialog.result() == FirstRunDialog.DialogCode.Accepted
        assert db.office_code == "HL"
        with db.reading() as s:
            office = load_office(s)
            from core.org.units import find_by_code

            unit, parent = find_by_code(s, "HL"), find_by_code(s, "QT")
            assert unit.kind == UnitKind.UPPER and unit.parent_id == parent.id
            assert unit.origin_office == "HL"
        assert office.is_complete
        assert (office.unit_code, office.name, office.place, office.chair_name) == (
            "HL",
            "LĐLĐ huyện Hải Lăng",
            "Hải Lăng",
            "Trần Văn Bình",
        )
        assert (office.on_behalf, office.chair_title, office.parent_name) == (
            "TM. BAN THƯỜNG VỤ",
            "CHỦ TỊCH",
            "LĐLĐ tỉnh Quảng Trị",
        )
    finally:
        db.close()


def test_first_run_dialog_shows_core_refusal(qtbot, app_db):
    dialog = FirstRunDialog(app_db)  # already set up as VL: another code is refused
    qtbot.addWidget(dialog)
    form = dialog.form
    form.code.setText("HL")
    form.name.setText("LĐLĐ huyện Hải Lăng")
    form.parent_code.setText("QT")
    form.parent_name.setText("LĐLĐ tỉnh Quảng Trị")
    form.place.setText("Hải Lăng")
    dialog.save()
    assert "đã được khởi tạo cho đơn vị VL" in dialog.error.text()
    assert app_db.office_code == "VL"
    assert form.name.text() == "LĐLĐ huyện Hải Lăng"


def test_self_test(capsys):
    assert gui_app.self_test() == 0
    assert "self-test ok" in capsys.readouterr().out


def test_start_up_does_not_import_heavy_libraries():
    import subprocess

    code = (
        "import sys, gui.app, gui.main_window;"
        "heavy = [m for m in ('openpyxl', 'reportlab', 'python_calamine') if m in sys.modules];"
        "print(heavy)"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "[]"


def test_qt_bindings_keep_reference_counts(qapp):
    """PySide6 6.12.0 on Python 3.11 lost a reference to None on every void call and to
    True on every emit until the interpreter aborted; requirements pin a release without
    that bug. This fails if an upgrade brings it back."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtGui import QAction

    class Emitter(QObject):
        ticked = Signal(int)

    emitter = Emitter()
    received = []
    emitter.ticked.connect(received.append)
    action = QAction("x")
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(2_000):
        emitter.ticked.emit(i)
        action.setEnabled(True)
    assert len(received) == 2_000
    assert sys.getrefcount(None) - none_before > -100
    assert sys.getrefcount(True) - true_before > -100


def test_damaged_database_offers_its_backups_and_opens_the_restored_one(db_path, qtbot, critical):
    """A damaged database at start-up: the window offers its backups instead of a command
    line; Enter on the offer, Enter on the newest backup, and the restored database opens
    (the damaged file kept as a "before a restore" backup)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from core.common import backups
    from gui.common.backup_dialog import RestoreDialog

    db = open_app_database(db_path)
    saved = backups.back_up_now(db).path
    db.close()
    with open(db_path, "r+b") as f:  # cut short, as by a failed copy
        f.truncate(db_path.stat().st_size // 2)
    steps: list[str] = []

    def drive() -> None:
        top = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        box = next((w for w in top if w.objectName() == "damaged-database"), None)
        chooser = next((w for w in top if isinstance(w, RestoreDialog)), None)
        windows = _main_windows()
        if box is not None:
            steps.append(box.text())
            QTest.keyClick(box, Qt.Key.Key_Return)
        elif chooser is not None:
            steps.append(chooser.selected().name)
            QTest.keyClick(chooser.table, Qt.Key.Key_Return)
        elif windows and windows[0].pages:
            steps.append(windows[0].office_label.text())
            for w in windows:
                w.close()
            return
        for w in top:  # the message after the restore
            if isinstance(w, QMessageBox) and w.objectName() != "damaged-database":
                steps.append(w.text())
                w.accept()
        QTimer.singleShot(50, drive)

    QTimer.singleShot(50, drive)
    assert gui_app.run_gui(db_path) == 0
    assert critical == []
    assert "bị hỏng" in steps[0] and "main.py" not in steps[0]
    assert steps[1] == saved.name
    assert any("Đã khôi phục" in s for s in steps)
    assert steps[-1] == "LĐLĐ huyện Vĩnh Linh"
    assert [b.kind for b in backups.list_backups(db_path)].count("restore") == 1


def test_damaged_database_without_backups_offers_the_rescue_and_opens_the_rescued_copy(
        db_path, qtbot, critical, tmp_path):
    """A damaged database with no backup: the window explains the rescue and offers it as a
    button (it showed the command `main.py backup --salvage` and closed); the rescue is the
    CLI's (core.common.backups.salvage), the damaged file is left as it was, and the rescued
    copy opens and is remembered."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from core.common import backups
    from gui.common.settings import recent_databases

    with sqlite3.connect(db_path) as conn:  # rows enough that the file's end is only data
        conn.executemany("INSERT INTO setting(key, value) VALUES (?, ?)",
                         [(f"test.{i:05}", "Đoàn viên " + "x" * 80) for i in range(5_000)])
    conn.close()
    with open(db_path, "r+b") as f:  # its last pages lost, as by a failed copy
        f.truncate(db_path.stat().st_size - 3 * 4096)
    assert backups.list_backups(db_path) == []
    damaged = db_path.read_bytes()
    steps: list[str] = []

    def drive() -> None:
        top = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        box = next((w for w in top if w.objectName() == "damaged-no-backup"), None)
        windows = _main_windows()
        if box is not None:
            steps.append(box.text())
            steps.append(" | ".join(b.text() for b in box.buttons()))
            box.grab().save(str(tmp_path / "cuu-du-lieu.png"))
            QTest.keyClick(box, Qt.Key.Key_Return)  # the default button: the rescue
        elif windows and windows[0].pages:
            steps.append(windows[0].office_label.text())
            for w in windows:
                w.close()
            return
        for w in top:  # the message after the rescue
            if isinstance(w, QMessageBox) and w.objectName() != "damaged-no-backup":
                steps.append(w.text())
                w.accept()
        QTimer.singleShot(50, drive)

    QTimer.singleShot(50, drive)
    assert gui_app.run_gui(db_path) == 0
    assert critical == []
    offer, buttons = steps[0], steps[1]
    assert "bị hỏng và chưa có bản sao lưu" in offer and "main.py" not in offer
    assert "không bao giờ bị thay đổi" in offer and "rồi mở tệp đó" in offer
    assert "Cứu dữ liệu" in buttons.replace("&", "")
    rescued = [p for p in db_path.parent.glob(f"{db_path.stem}-cuu-*.sqlite")]
    assert len(rescued) == 1
    assert any(s.startswith(f"Đã cứu phần dữ liệu còn đọc được của {db_path.name} sang {rescued[0]}")
               for s in steps)
    assert steps[-1] == "LĐLĐ huyện Vĩnh Linh"  # the rescued copy opened
    assert db_path.read_bytes() == damaged  # the damaged file is never changed
    assert recent_databases()[0] == rescued[0]
