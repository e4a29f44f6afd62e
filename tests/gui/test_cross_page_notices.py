"""Pages hear each other through the main window's change bus, as a clerk would notice:
a unit added on "Tổ chức" is offered by the register's unit filter without a restart, and
initiatives imported on "Sáng kiến" show in the dashboard's figures."""

from __future__ import annotations

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from tests.gui import test_dashboard
from tests.gui.conftest import type_text
from tests.gui.test_dashboard import COL_ACHIEVED, cell, listed

dashboard_db = test_dashboard.dashboard_db  # the dashboard tests' three CĐCS with targets


def _filter_texts(page) -> list[str]:
    combo = page.unit_filter
    return [combo.itemText(i) for i in range(combo.count())]


def test_a_unit_added_on_the_organisation_page_is_offered_by_the_register_filter(
        qtbot, window, sample_units):
    register = window.show_page("initiatives")
    qtbot.waitUntil(lambda: any("Hồ Xuân Hương" in t for t in _filter_texts(register)), timeout=10_000)
    assert not any("Hoa Sen" in t for t in _filter_texts(register))

    organisation = window.show_page("organisation")
    dialog = organisation.add_unit()
    type_text(dialog.name, "CĐCS Trường Mầm non Hoa Sen")
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)

    window.show_page("initiatives")  # the same page object: nothing was rebuilt
    assert window.pages["initiatives"] is register
    qtbot.waitUntil(lambda: any("Hoa Sen" in t for t in _filter_texts(register)), timeout=10_000)


def test_initiatives_imported_on_the_register_show_on_the_dashboard(
        qtbot, window, dashboard_db, tmp_path, monkeypatch, messages):
    db, ids = dashboard_db
    dashboard = window.show_page("targets")
    qtbot.waitUntil(lambda: not dashboard.busy and dashboard.model.rowCount() == 3, timeout=10_000)
    row = listed(dashboard)["CĐCS Trung tâm Y tế huyện"]
    before = int(cell(dashboard, row, COL_ACHIEVED))

    book = Workbook()
    sheet = book.active
    sheet.append(["Tên sáng kiến", "Tác giả", "Đơn vị", "Ngày đăng ký"])
    sheet.append(["Số hóa hồ sơ bệnh án", "Trần Văn Bình", "VL-0002", "05/10/2021"])
    sheet.append(["Phần mềm hẹn lịch khám", "Lê Thị Hoa", "VL-0002", "06/10/2021"])
    path = tmp_path / "sang-kien.xlsx"
    book.save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))

    register = window.show_page("initiatives")
    register.act_import.trigger()
    flow = register.transfers.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None, timeout=20_000)
    # The import files rows under the programme running today; the dashboard shows the
    # campaign, so the clerk picks it in the preview (which checks the workbook again).
    first = flow.preview_dialog
    first.programme.set_value("1TRIEU-SK")
    qtbot.waitUntil(lambda: flow.preview_dialog not in (None, first), timeout=20_000)
    assert flow.preview_dialog.programme_code() == "1TRIEU-SK"
    assert "Sẵn sàng nhập: 2" in flow.preview_dialog.summary.text(), messages.errors
    with qtbot.waitSignal(flow.imported, timeout=20_000):
        flow.preview_dialog.import_button.click()
    assert dashboard.stale  # heard while hidden, not computed yet

    window.show_page("targets")
    qtbot.waitUntil(lambda: not dashboard.busy and not dashboard.stale
                    and cell(dashboard, listed(dashboard)["CĐCS Trung tâm Y tế huyện"], COL_ACHIEVED)
                    == str(before + 2), timeout=10_000)
