"""The main window: office and database in view, navigation by list and keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from gui.common.placeholder import PlaceholderPage
from gui.fund.page import FundPage
from gui.main_window import PAGE_KEYS
from gui.org.page import OrganisationPage
from gui.org.settings_page import SettingsPage


def test_window_shows_office_and_database(window, app_db):
    assert window.office_label.text() == "LĐLĐ huyện Vĩnh Linh"
    assert "LĐLĐ tỉnh Quảng Trị" in window.parent_label.text()
    assert str(app_db.path) in window.db_label.text()
    assert window.db_label.text().startswith("Cơ sở dữ liệu:")
    assert window.current_key() == "organisation"
    assert window.windowTitle() == "Tổ chức — LĐLĐ huyện Vĩnh Linh"


def test_navigation_list_switches_pages(window):
    names = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert names == ["Sáng kiến", "Chỉ tiêu & báo cáo", "Quỹ tương hỗ", "Khen thưởng", "Đồng bộ", "Tổ chức", "Cài đặt"]
    for row, key in enumerate(PAGE_KEYS):
        window.nav.setCurrentRow(row)
        assert window.current_key() == key
        assert window.stack.currentWidget() is window.pages[key]
    assert isinstance(window.pages["organisation"], OrganisationPage)
    assert isinstance(window.pages["settings"], SettingsPage)
    assert isinstance(window.pages["fund"], FundPage)
    for placeholder in (p for p in window.pages.values() if isinstance(p, PlaceholderPage)):
        texts = " ".join(label.text() for label in placeholder.findChildren(QLabel))
        assert "phiên bản sau" in texts


def test_pages_are_built_on_first_use(qtbot, app_db):
    from gui.main_window import MainWindow

    win = MainWindow(app_db)
    qtbot.addWidget(win)
    assert set(win.pages) == {"organisation"}
    win.show_page("sync")
    assert set(win.pages) == {"organisation", "sync"}


def test_ctrl_number_switches_pages_and_ctrl_q_quits(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    for number, key in enumerate(PAGE_KEYS, start=1):
        QTest.keyClick(window, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_key() == key
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_settings_page_edits_office_and_header_follows(window, app_db):
    from core.org.office import load_office

    page = window.show_page("settings")
    assert page.form.code.isReadOnly() and page.form.code.text() == "VL"
    page.form.chair_name.setText("Trần  Thị   Mai")
    page.form.name.setText("LĐLĐ huyện Vĩnh Linh (mới)")
    assert page.save() is not None
    assert page.saved.text() == "Đã lưu."
    with app_db.reading() as s:
        office = load_office(s)
    assert office.chair_name == "Trần Thị Mai" and office.name == "LĐLĐ huyện Vĩnh Linh (mới)"
    assert window.office_label.text() == "LĐLĐ huyện Vĩnh Linh (mới)"

    page.form.place.setText("")
    assert page.save() is None
    assert page.error.text() == "Hãy nhập địa danh ghi ngày tháng trên văn bản."


def test_page_shortcuts_open_dialogs(sample_units, window, qtbot):
    from gui.org.member_dialog import MemberDialog
    from gui.org.unit_dialog import UnitDialog

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    page = window.show_page("organisation")
    assert page.table.hasFocus()

    def visible(kind):
        return [d for d in page.findChildren(kind) if d.isVisible()]

    QTest.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    [dialog] = visible(MemberDialog)
    assert dialog.windowTitle() == "Thêm đoàn viên"
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert visible(MemberDialog) == []

    QTest.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    [dialog] = visible(UnitDialog)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)

    # Enter on a member opens it for editing.
    page.table.setFocus()
    page.select_member(page.member_model.member_at(0).id)
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    [dialog] = visible(MemberDialog)
    assert dialog.windowTitle() == "Sửa thông tin đoàn viên"
    assert dialog.full_name.text() == page.member_model.member_at(0).full_name


def test_read_only_database_is_said_when_it_opens(qtbot, app_db, monkeypatch, messages):
    """A file (or folder) that cannot be written is told at once, and stays in view in the
    status bar, not first at a save after the clerk typed a whole form."""
    import os

    from gui.main_window import MainWindow

    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if mode == os.W_OK and str(p) == str(app_db.path)
                        else real(p, mode, *a, **k))
    win = MainWindow(app_db)
    qtbot.addWidget(win)
    assert win.db_label.text().startswith("Chỉ đọc")
    assert str(app_db.path) in win.db_label.text()
    assert len(messages.infos) == 1 and "không thể lưu" in messages.infos[0]


def test_writable_database_says_nothing_more(window, messages):
    assert not window.db_label.text().startswith("Chỉ đọc") and messages.infos == []


def test_saves_from_the_window_wait_briefly_for_another_program(window, app_db):
    from db import sqlite

    with app_db.transaction() as s:  # this thread is the window's
        wait = s.connection().exec_driver_sql("PRAGMA busy_timeout").scalar()
    assert wait == min(2000, int(sqlite.busy_timeout_s() * 1000))
