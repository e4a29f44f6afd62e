"""The sync page, driven from the keyboard: a district exports, the province imports with a
preview, then a conflict is shown side by side and decided."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.sync import ops
from db.models import Initiative
from gui.sync.page import SyncPage
from tests.sync_offices import PASS, edit, get, make_offices, register


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path)
    yield o
    o.close()


def _page(qtbot, db) -> SyncPage:
    page = SyncPage(db)
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.passphrase, PASS)
    return page


def _press(qtbot, button) -> None:
    assert button.isEnabled()
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_a_new_office_is_offered_the_enrolment_file(qtbot, app_db):
    page = SyncPage(app_db)
    qtbot.addWidget(page)
    assert not page.import_keys_button.isHidden()
    assert not page.export_button.isEnabled() and not page.import_button.isEnabled()


def test_export_from_a_district_then_preview_and_import_at_the_province(qtbot, offices, tmp_path,
                                                                       monkeypatch, messages):
    [item] = register(offices.db("VL"), "VL-01", ["Cải tiến máy bơm"])
    district = _page(qtbot, offices.db("VL"))
    assert district.recipient.currentData() == "QT"
    assert district.recipient.currentText() == "LĐLĐ tỉnh Quảng Trị (QT)"
    folder = tmp_path / "usb"
    folder.mkdir()
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getExistingDirectory",
                        lambda *a, **k: str(folder))
    _press(qtbot, district.export_button)
    qtbot.waitUntil(lambda: district.last_export is not None, timeout=20_000)
    package = district.last_export.path
    assert package.parent == folder and package.name.startswith("VL-gui-QT-")
    assert district.history.rowCount() == 2  # the province's first package, and this one

    province = _page(qtbot, offices.province)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileNames",
                        lambda *a, **k: ([str(package), str(package)], ""))
    _press(qtbot, province.import_button)
    qtbot.waitUntil(lambda: province.preview is not None, timeout=20_000)
    preview = province.preview
    assert preview.table.rowCount() == 2
    assert int(preview.table.item(0, 4).text()) >= 1  # new records
    assert get(offices.province, Initiative, item) is None  # nothing written by the preview
    _press(qtbot, preview.apply_button)
    steps: list[tuple[int, int]] = []
    province.apply_job.progressed.connect(lambda done, total: steps.append((done, total)))
    assert province.apply_job.dialog is not None  # a progress dialog, shown if it takes long
    qtbot.waitUntil(lambda: bool(province.last_import), timeout=20_000)
    assert [o.state for o in province.last_import] == ["applied", "duplicate"]
    assert steps and steps[-1] == (3, 3)
    new = province.last_import[0].new
    said = messages.infos[-1]
    assert said == province.status_line.text()
    assert said.startswith(f"Đã áp dụng 1 gói: {new} bản ghi mới") and "1 tệp đã nhập trước đó" in said
    assert get(offices.province, Initiative, item).name == "Cải tiến máy bơm"
    assert province.offices.item(0, 0).text() in ("LĐLĐ huyện HH (HH)", "LĐLĐ huyện VL (VL)")
    assert not messages.errors


def test_conflicts_side_by_side_and_decided(qtbot, offices, messages):
    [item] = register(offices.db("VL"), "VL-01", ["Gốc"])
    offices.receive("QT", offices.send("VL", "QT"))
    edit(offices.db("VL"), Initiative, item, name="Tên của huyện")
    edit(offices.province, Initiative, item, name="Tên của tỉnh")
    offices.receive("QT", offices.send("VL", "QT"))
    page = _page(qtbot, offices.province)
    assert page.conflict_list.rowCount() == 1
    page.tabs.setCurrentIndex(2)
    page.conflict_list.setFocus()
    page.conflict_list.selectRow(0)
    fields = {page.conflict_fields.item(r, 0).text(): (page.conflict_fields.item(r, 1).text(),
                                                        page.conflict_fields.item(r, 2).text())
              for r in range(page.conflict_fields.rowCount())}
    assert fields["Tên sáng kiến"] == ("Tên của tỉnh", "Tên của huyện")
    _press(qtbot, page.keep_mine)
    assert page.conflict_list.rowCount() == 0
    assert get(offices.province, Initiative, item).name == "Tên của tỉnh"
    assert ops.conflicts(offices.province) == []


def test_conflicts_read_in_vietnamese_with_the_record_and_the_current_value(qtbot, offices,
                                                                            messages):
    long_name = "Một số biện pháp nâng cao chất lượng dạy học môn Hoạt động trải nghiệm"
    [item] = register(offices.db("VL"), "VL-01", [long_name])
    offices.receive("QT", offices.send("VL", "QT"))
    edit(offices.db("VL"), Initiative, item, name=long_name + " ở trường THCS",
         economic_benefit=70_000_000)
    edit(offices.province, Initiative, item, name=long_name + " ở trường tiểu học",
         economic_benefit=80_000_000)
    offices.receive("QT", offices.send("VL", "QT"))
    page = _page(qtbot, offices.province)
    page.tabs.setCurrentIndex(2)
    page.conflict_list.setFocus()
    qtbot.keyClick(page.conflict_list, Qt.Key.Key_Down)
    if not page.conflict_list.selectionModel().selectedRows():
        page.conflict_list.selectRow(0)
    number = get(offices.province, Initiative, item).number
    row = [page.conflict_list.item(0, c).text() for c in range(page.conflict_list.columnCount())]
    assert row[1] == "Sáng kiến" and number in row[2] and long_name in row[2]
    assert row[3] == "LĐLĐ huyện VL (VL)"
    assert "name" not in row[4] and "Tên sáng kiến" in row[4]
    fields = {page.conflict_fields.item(r, 0).text(): (page.conflict_fields.item(r, 1).text(),
                                                        page.conflict_fields.item(r, 2).text())
              for r in range(page.conflict_fields.rowCount())}
    assert fields["Tên sáng kiến"] == (long_name + " ở trường tiểu học", long_name + " ở trường THCS")
    assert fields["Hiệu quả kinh tế"] == ("80.000.000 đồng", "70.000.000 đồng")
    assert not any("_" in label for label in fields)
    assert page.conflict_fields.wordWrap()
    assert number in page.conflict_record.text()

    messages.answer = False  # the question names the choice; saying no changes nothing
    _press(qtbot, page.keep_theirs)
    assert "phiên bản nhận từ LĐLĐ huyện VL (VL)" in messages.questions[-1]
    assert page.conflict_list.rowCount() == 1
    messages.answer = True
    _press(qtbot, page.keep_theirs)
    assert page.conflict_list.rowCount() == 0
    assert get(offices.province, Initiative, item).name == long_name + " ở trường THCS"
    assert "gói tiếp theo" in page.status_line.text()


def test_this_offices_kept_version_is_read_from_the_row_as_it_is_now(qtbot, offices):
    [item] = register(offices.db("VL"), "VL-01", ["Máy bơm"])
    offices.receive("QT", offices.send("VL", "QT"))
    edit(offices.db("VL"), Initiative, item, awards="Giấy khen huyện")
    edit(offices.province, Initiative, item, awards="Bằng khen tỉnh")
    offices.receive("QT", offices.send("VL", "QT"))  # the province decides awards: kept
    edit(offices.province, Initiative, item, awards="Bằng khen tỉnh năm 2026")  # edited since
    page = _page(qtbot, offices.province)
    page.tabs.setCurrentIndex(2)
    page.conflict_list.selectRow(0)
    assert page.conflict_list.item(0, 5).text() == "của văn phòng này"
    assert [(page.conflict_fields.item(r, 0).text(), page.conflict_fields.item(r, 1).text(),
             page.conflict_fields.item(r, 2).text())
            for r in range(page.conflict_fields.rowCount())] == [
        ("Khen thưởng", "Bằng khen tỉnh năm 2026", "Giấy khen huyện")]


def test_preview_reasons_are_whole_and_the_dialog_fits_a_small_screen(qtbot, offices, tmp_path,
                                                                     monkeypatch, messages):
    register(offices.db("VL"), "VL-01", ["Cải tiến máy bơm"])
    package = offices.send("VL", "QT")
    broken = tmp_path / "VL-gui-QT-2026-12-06-so-0099.scdpkg"
    broken.write_bytes(package.read_bytes()[:-40])  # truncated on the way
    province = _page(qtbot, offices.province)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileNames",
                        lambda *a, **k: ([str(package), str(broken)], ""))
    _press(qtbot, province.import_button)
    qtbot.waitUntil(lambda: province.preview is not None, timeout=20_000)
    preview = province.preview
    assert preview.isSizeGripEnabled() and preview.table.wordWrap()
    assert preview.width() <= 1366 and preview.height() <= 768
    refused = [r for r in range(preview.table.rowCount())
               if preview.table.item(r, 3).text() == "bị từ chối"]
    assert len(refused) == 1
    reason = preview.outcomes[refused[0]].reason
    assert len(reason) > 20
    cell = preview.table.item(refused[0], 9)
    assert cell.text() == reason and cell.toolTip() == reason  # whole, not cut
    assert preview.table.item(1 - refused[0], 1).text() == "LĐLĐ huyện VL (VL)"  # by name
    preview.table.setFocus()
    preview.table.selectRow(0)
    qtbot.keyClick(preview.table, Qt.Key.Key_Down if refused[0] == 1 else Qt.Key.Key_Home)
    assert reason in preview.detail.toPlainText()
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    assert not preview.isVisible()


def test_the_page_speaks_a_clerks_words(qtbot, offices):
    register(offices.db("VL"), "VL-01", ["Cải tiến máy bơm", "Sổ tay an toàn"])
    offices.receive("QT", offices.send("VL", "QT"))
    province = _page(qtbot, offices.province)
    district = _page(qtbot, offices.db("VL"))
    grouped = re.compile(r"\b[0-9A-F]{4}( [0-9A-F]{4}){3,}\b")
    text = province.identity_label.text()
    assert "LĐLĐ tỉnh Quảng Trị (QT)" in text and grouped.search(text)
    assert re.search(r"Chờ các văn phòng xác nhận: [\d.]+ thay đổi", text)
    assert re.search(r"Chờ tỉnh xác nhận: [\d.]+ thay đổi|Mọi thay đổi", district.identity_label.text())
    # the same fingerprint, written the same way, on the district's page and at the province
    vl_print = grouped.search(district.identity_label.text()).group(0)
    rows = {province.offices.item(r, 0).text(): [province.offices.item(r, c).text()
                                                 for c in range(province.offices.columnCount())]
            for r in range(province.offices.rowCount())}
    assert rows["LĐLĐ huyện VL (VL)"][5] == vl_print
    assert rows["LĐLĐ huyện VL (VL)"][3] == "gói số 1"
    states = {province.history.item(r, 3).text() for r in range(province.history.rowCount())}
    assert states <= {"đã gửi", "đã áp dụng"} and "đã áp dụng" in states
    shown = [t.item(r, c).text() for t in (province.offices, province.history)
             for r in range(t.rowCount()) for c in range(t.columnCount())]
    assert not {"applied", "sent", "received", "duplicate", "held"} & set(shown)


def _type(qtbot, field, text: str) -> None:
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, text)


def test_a_new_passphrase_is_typed_twice_and_refused_when_short_or_different(qtbot, tmp_path,
                                                                           messages):
    from core.org.office import init_office
    from tests.sync_offices import _open

    app_db = _open(tmp_path / "tinh.sqlite", "QT")  # a province: no unit above it
    with app_db.transaction() as s:
        init_office(s, code="QT", name="LĐLĐ tỉnh Quảng Trị", level="province")
    page = SyncPage(app_db)
    qtbot.addWidget(page)
    page.show()
    _press(qtbot, page.init_keys_button)
    dialog = page.passphrase_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.first.echoMode() == dialog.again.echoMode() == dialog.first.EchoMode.Password
    _type(qtbot, dialog.first, "ngan")
    _type(qtbot, dialog.again, "ngan")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.isVisible() and "ít nhất 8 ký tự" in messages.errors[-1]
    _type(qtbot, dialog.first, "mat khau tinh 2026")
    _type(qtbot, dialog.again, "mat khau tinh 2025")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.isVisible() and "không giống nhau" in messages.errors[-1]
    assert dialog.again.text() == "" and ops.identity(app_db) is None
    _type(qtbot, dialog.again, "mat khau tinh 2026")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert ops.identity(app_db) is not None and ops.identity(app_db).role == "province"
    assert page.passphrase.text() == "mat khau tinh 2026"
    assert page.status_line.text()
    page.close()
    app_db.close()


def test_enrolling_an_office_asks_its_passphrase_twice_in_vietnamese(qtbot, offices, tmp_path,
                                                                     monkeypatch, messages):
    with offices.province.transaction() as s:
        from core.org import units as org
        from db.models import UnitKind
        org.create_unit(s, org.UnitInput(code="GL", name="LĐLĐ huyện GL", kind=UnitKind.UPPER,
                                         parent_code="QT"))
    out = tmp_path / "GL.scdkey"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    page = _page(qtbot, offices.province)
    _press(qtbot, page.enrol_button)
    dialog = page.enrol_dialog
    assert dialog is not None and dialog.isVisible()
    texts = {b.text() for b in dialog.buttons.buttons()}
    assert "Cancel" not in texts and "Hủy" in texts
    _type(qtbot, dialog.office, "gl")
    qtbot.keyClick(dialog.office.completer().popup(), Qt.Key.Key_Escape)  # the suggestion ignored
    _type(qtbot, dialog.first, "mat khau GL 2026")
    _type(qtbot, dialog.again, "mat khau GL 2O26")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.isVisible() and "không giống nhau" in messages.errors[-1] and not out.exists()
    _type(qtbot, dialog.again, "mat khau GL 2026")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    qtbot.keyClick(dialog.again, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible() and out.exists()
    assert "GL" in page.status_line.text() and "điện thoại" in page.status_line.text()


def test_a_preview_with_thousands_of_rejected_rows_names_three_and_lists_the_rest(qtbot):
    from core.sync.ops import PackageOutcome
    from gui.sync.page import PreviewDialog

    reasons = tuple(f"Sáng kiến LC-MT-SK-2026-{i:05d}: thiếu đơn vị." for i in range(65_173))
    outcomes = [PackageOutcome("LC-gui-LC-MT-2026-12-06-so-0001.scdpkg", "LC", 1, "applied", "",
                               2, 0, 0, 0, 65_173, ()),
                PackageOutcome("LC-gui-LC-MT-2026-12-06-so-0002.scdpkg", "LC", 2, "applied", "",
                               0, 0, 0, 0, 65_173, reasons)]
    dialog = PreviewDialog(outcomes)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.item(1, 8).text() == "65.173"
    cell = dialog.table.item(1, 9).text().splitlines()
    assert cell[:3] == list(reasons[:3]) and cell[3] == "… và 65.170 lý do khác (xem bên dưới)"
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    shown = dialog.detail.toPlainText().splitlines()
    assert shown[:500] == list(reasons[:500]) and shown[500:] == ["… và 64.673 lý do khác"]
