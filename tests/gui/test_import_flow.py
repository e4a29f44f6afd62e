"""The one import flow (gui.common.import_flow) with the real importers: small workbooks made
with openpyxl, driven as a user would — choose the file, read the preview (counts, rejected
rows with reasons, the import's own sections), save the report, import, see the lists refresh
and the change notice go out; cancel at any step and nothing is saved."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel
from sqlalchemy import func, select

from core.common import backups
from core.common.changes import Changes
from core.common.workbook import ImportResult, RejectedRow
from core.org.units import find_by_code
from db.models import Initiative, Member
from gui.common import jobs
from gui.org.page import OrganisationPage

# Results built by hand for tests that open a preview directly (translation walk, forms).
FakeResult = ImportResult
FakeRejected = RejectedRow

CANCELLED = "Đã hủy nhập dữ liệu; không có gì được lưu."


def workbook(path, rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def choose_file(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def notices_of(bus) -> list[tuple[Changes, object]]:
    seen: list[tuple[Changes, object]] = []
    bus.changed.connect(lambda changes, source: seen.append((changes, source)))
    return seen


def ended(qtbot, job, timeout=20_000):
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=timeout)
    return job.outcome


def count(db, model) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.fixture
def page(qtbot, app_db, sample_units):
    page = OrganisationPage(app_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def hold_progress(monkeypatch):
    """Once armed, a background step stops at its first progress report until released —
    long enough for the user to press Cancel, whatever the machine's speed."""
    gate = threading.Event()
    armed = threading.Event()
    report = jobs.JobContext.progress

    def progress(self, done, total):
        report(self, done, total)
        if armed.is_set():
            gate.wait(30)

    monkeypatch.setattr(jobs.JobContext, "progress", progress)
    yield armed, gate
    gate.set()


def cancel_through_the_dialog(qtbot, job, gate) -> None:
    dialog = job.dialog
    qtbot.waitUntil(lambda: shiboken6.isValid(dialog) and dialog.isVisible(), timeout=20_000)
    assert dialog.cancel_button.text() == "Hủy"
    dialog.cancel_button.click()
    gate.set()
    assert ended(qtbot, job) == "cancelled"


UNITS = [
    ["DANH SÁCH CÔNG ĐOÀN CƠ SỞ"],
    ["STT", "Mã đơn vị", "Tên công đoàn cơ sở", "Đơn vị cấp trên", "Khối"],
    [1, "VL-0201", "CĐCS Trường Tiểu học Cửa Tùng", "", "Giáo dục"],
    [2, "VL-0202", "CĐCS Trạm Y tế xã Vĩnh Giang", "VL", "Y tế"],
    [3, "VL-0001", "CĐCS Trường THCS Hồ Xuân Hương", "", "Giáo dục"],  # already there: skipped
    [4, "VL-0203", "", "", "Giáo dục"],  # no name: rejected
    [5, "VL-0204", "CĐCS Chợ Hồ Xá", "LĐLĐ huyện Gio Linh", "Doanh nghiệp"],  # no such parent
]


def test_units_preview_report_then_import(page, qtbot, tmp_path, messages, monkeypatch):
    source = workbook(tmp_path / "cdcs.xlsx", UNITS)
    notices = notices_of(page.bus)
    choose_file(monkeypatch, source)
    page.act_import_units.trigger()
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=20_000)
    dialog = page.preview_dialog
    assert dialog.windowTitle() == "Xem trước khi nhập — cdcs.xlsx"
    summary = dialog.summary.text()
    assert "Đã kiểm tra đơn vị trong tệp “cdcs.xlsx”. Chưa có gì được lưu." in summary
    assert "Sẵn sàng nhập: 2" in summary and "Bỏ qua (đã có hoặc dòng trống): 1" in summary
    assert "Bị từ chối: 2" in summary
    model = dialog.rejected_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["6", "7"]
    assert "Tên đơn vị" in model.index(0, 1).data()
    assert model.index(1, 1).data().startswith("Không tìm thấy đơn vị cấp trên “LĐLĐ huyện Gio Linh”.")
    assert "Mã đơn vị: VL-0204" in model.index(1, 2).data()
    assert dialog.import_button.text() == "Nhập" and dialog.import_button.isEnabled()
    with page._db.reading() as s:
        assert find_by_code(s, "VL-0201") is None  # the check wrote nothing
    assert notices == [] and messages.errors == []

    # The report, through the button: the name gets its .xlsx, the file opens.
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "bao-cao"), "")))
    dialog.report_button.click()
    qtbot.waitUntil(lambda: bool(messages.infos), timeout=20_000)
    report = tmp_path / "bao-cao.xlsx"
    assert messages.infos == [f"Đã lưu báo cáo vào {report}."]
    sheet = load_workbook(report, read_only=True).active
    cells = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert cells[0] == ["Báo cáo nhập dữ liệu: cdcs.xlsx"]
    assert [c[1] for c in cells[2:5]] == [2, 1, 2]
    assert cells[6][:4] == ["Dòng", "Lý do", "Mã đơn vị", "Tên đơn vị"]
    assert [c[0] for c in cells[7:]] == [6, 7]
    assert cells[8][1].startswith("Không tìm thấy đơn vị cấp trên")

    check = page.import_flow.last_job
    dialog.import_button.click()
    qtbot.waitUntil(lambda: page.import_flow.last_job is not check, timeout=20_000)
    assert ended(qtbot, page.import_flow.last_job) == "succeeded", messages.errors
    # An import has no undo: the message says where the copy taken before it is.
    taken = next(b for b in backups.list_backups(page._db.path) if b.kind == "import").taken
    assert page.message_bar.label.text() == (
        "Đã nhập 2 đơn vị; bỏ qua 1 dòng, từ chối 2 dòng. Muốn hoàn tác: Tệp → Khôi phục từ bản "
        f"sao lưu…, chọn bản “Trước khi nhập” lúc {taken:%H:%M %d/%m/%Y}.")
    codes = {node.code for node in page.unit_model.nodes.values()}
    assert {"VL-0201", "VL-0202"} <= codes and not {"VL-0203", "VL-0204"} & codes
    assert notices == [(Changes(units=True), page)]
    assert messages.errors == []


MEMBERS = [
    ["Họ và tên", "Giới tính", "Ngày sinh", "Đơn vị", "Chức vụ"],
    ["Nguyễn Thị Lan", "Nữ", "12/03/1990", "VL-0001", "Giáo viên"],
    ["Trần Văn Nam", "Nam", "01/07/1985", "VL-0002", "Bác sĩ"],
    ["Lê Thị Hương", "Nữ", "06/03/1985", "VL-0001", "Giáo viên"],  # already a member: skipped
    ["Phan Văn Tú", "Nam", "02/02/1980", "CĐCS Trường THCS Hồ Xuân Hươn", ""],  # no such unit
]


def test_members_import_refreshes_the_list_and_tells_the_other_pages(page, qtbot, tmp_path, messages):
    notices = notices_of(page.bus)
    before = page.member_model.total
    job = page.check_import("members", workbook(tmp_path / "doan-vien.xlsx", MEMBERS))
    assert ended(qtbot, job) == "succeeded", messages.errors
    dialog = page.preview_dialog
    assert "Sẵn sàng nhập: 2" in dialog.summary.text() and "Bị từ chối: 1" in dialog.summary.text()
    reason = dialog.rejected_model.index(0, 1).data()
    assert reason.startswith("Đơn vị: không tìm thấy “CĐCS Trường THCS Hồ Xuân Hươn”.")
    assert "Có phải" in reason  # the closest unit names are suggested
    dialog.import_button.click()
    qtbot.waitUntil(lambda: page.import_flow.last_job is not job, timeout=20_000)
    assert ended(qtbot, page.import_flow.last_job) == "succeeded", messages.errors
    assert page.message_bar.label.text().startswith("Đã nhập 2 đoàn viên; bỏ qua 1 dòng, từ chối 1 dòng. Muốn hoàn tác")
    qtbot.waitUntil(lambda: page.member_model.total == before + 2, timeout=20_000)
    assert notices == [(Changes(units=True, members=True), page)]


def test_cancel_while_checking_shows_no_preview(page, qtbot, tmp_path, hold_progress, messages):
    armed, gate = hold_progress
    armed.set()
    notices = notices_of(page.bus)
    job = page.check_import("members", workbook(tmp_path / "doan-vien.ods.xlsx", MEMBERS))
    cancel_through_the_dialog(qtbot, job, gate)
    assert page.preview_dialog is None
    assert page.message_bar.label.text() == CANCELLED
    assert notices == [] and messages.errors == []


def test_cancel_during_the_import_saves_nothing(page, qtbot, tmp_path, hold_progress, messages):
    armed, gate = hold_progress
    notices = notices_of(page.bus)
    members = count(page._db, Member)
    job = page.check_import("members", workbook(tmp_path / "doan-vien.xlsx", MEMBERS))
    assert ended(qtbot, job) == "succeeded", messages.errors
    armed.set()
    page.preview_dialog.import_button.click()
    qtbot.waitUntil(lambda: page.import_flow.last_job is not job, timeout=20_000)
    cancel_through_the_dialog(qtbot, page.import_flow.last_job, gate)
    assert count(page._db, Member) == members
    assert page.message_bar.label.text() == CANCELLED
    assert notices == [] and messages.errors == []


def test_cancelling_the_preview_saves_nothing(page, qtbot, tmp_path, messages):
    notices = notices_of(page.bus)
    job = page.check_import("units", workbook(tmp_path / "cdcs.xlsx", UNITS))
    assert ended(qtbot, job) == "succeeded", messages.errors
    page.preview_dialog.reject()
    assert page.import_flow.last_job is job  # no import started
    with page._db.reading() as s:
        assert find_by_code(s, "VL-0201") is None
    assert notices == []


def test_a_file_that_is_not_a_workbook_gets_one_vietnamese_error(page, qtbot, tmp_path, messages):
    junk = tmp_path / "khong-phai-bang-tinh.xlsx"
    junk.write_text("đây không phải bảng tính", encoding="utf-8")
    notices = notices_of(page.bus)
    job = page.check_import("units", junk)
    assert ended(qtbot, job) == "failed"
    assert len(messages.errors) == 1
    assert messages.errors[0].startswith("Tệp «khong-phai-bang-tinh.xlsx» bị hỏng hoặc không phải bảng tính")
    assert page.preview_dialog is None and notices == []
    assert page.message_bar.label.text() != CANCELLED


def test_nothing_to_import_disables_the_button(qtbot, tmp_path):
    from gui.common.import_preview import ImportPreviewDialog

    result = ImportResult(rejected=[RejectedRow(2, "Thiếu họ và tên.")])
    dialog = ImportPreviewDialog(result, tmp_path / "x.xlsx", "đoàn viên")
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()


# --- the initiative register and the targets, through the same flow -----------------------

INITIATIVES = [
    ["Tên sáng kiến", "Tác giả", "Đơn vị", "Ngày đăng ký"],
    ["Số hóa hồ sơ đoàn viên", "Lê Thị Hương", "VL-0001", "05/10/2021"],
    ["Bảng tin điện tử cho bến xe", "Trần Văn Bình", "CĐCS Bến xe khách Vĩnh Linh", "06/10/2021"],
]


def test_initiative_import_previews_the_units_it_creates(qtbot, app_db, sample_units, tmp_path,
                                                          messages, monkeypatch):
    from gui.initiatives.page import RegisterPage

    page = RegisterPage(app_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    notices = notices_of(page.bus)
    choose_file(monkeypatch, workbook(tmp_path / "sang-kien.xlsx", INITIATIVES))
    page.act_import.trigger()
    flow = page.transfers.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None, timeout=20_000)
    dialog = flow.preview_dialog
    assert "Sẵn sàng nhập: 1" in dialog.summary.text() and "Bị từ chối: 1" in dialog.summary.text()
    assert dialog.rejected_model.index(0, 1).data().startswith(
        "Đơn vị: không tìm thấy “CĐCS Bến xe khách Vĩnh Linh”.")
    assert dialog.section_lines("created_units") == []
    # The programme chosen is for the rows that name none, and says so (not only on hover).
    form = dialog.options.layout()
    assert form.labelForField(dialog.options.programme).text() == "C&hương trình cho dòng không ghi chương trình:"

    # The user ticks "create the units": the file is checked again, the new preview lists them.
    dialog.options.create_units.setChecked(True)
    qtbot.waitUntil(lambda: flow.preview_dialog is not dialog, timeout=20_000)
    dialog = flow.preview_dialog
    assert dialog.options.create_units.isChecked()
    assert "Sẵn sàng nhập: 2" in dialog.summary.text() and "Bị từ chối: 0" in dialog.summary.text()
    created = dialog.section_lines("created_units")
    assert len(created) == 1 and created[0].endswith(" CĐCS Bến xe khách Vĩnh Linh")
    assert "Các đơn vị sẽ được tạo, trực thuộc đơn vị này (1):" in [w.text() for w in dialog.findChildren(QLabel)]
    assert count(app_db, Initiative) == 0  # checking wrote nothing

    check = flow.last_job
    dialog.import_button.click()
    qtbot.waitUntil(lambda: flow.last_job is not check, timeout=20_000)
    assert ended(qtbot, flow.last_job) == "succeeded", messages.errors
    assert page.message_bar.label.text().startswith("Đã nhập 2 sáng kiến; bỏ qua 0 dòng, từ chối 0 dòng. Muốn hoàn tác")
    assert count(app_db, Initiative) == 2
    with app_db.reading() as s:
        assert find_by_code(s, created[0].split(" ", 1)[0]).name == "CĐCS Bến xe khách Vĩnh Linh"
    assert notices == [(Changes(units=True, initiatives=True), page)]
    qtbot.waitUntil(lambda: page.model.totals is not None and page.model.totals.count == 2, timeout=20_000)


def test_targets_import_through_the_window(qtbot, window, sample_units, tmp_path, messages, monkeypatch):
    from core.initiatives.records import find_programme
    from core.targets import targets

    notices = notices_of(window.bus)
    page = window.show_page("targets")
    qtbot.waitUntil(lambda: not page.busy, timeout=20_000)
    assert page.act_import.isEnabled()
    choose_file(monkeypatch, workbook(tmp_path / "chi-tieu.xlsx", [
        ["Mã đơn vị", "Tên đơn vị", "Chỉ tiêu", "Giai đoạn"],
        ["VL-0001", "CĐCS Trường THCS Hồ Xuân Hương", 14, 1],
        ["VL-0003", "CĐCS Xã Vĩnh Thái", 2, 1],
        ["VL-9999", "Không có đơn vị này", 5, 1],
    ]))
    page.act_import.trigger()
    flows = [f for f in page.children() if type(f).__name__ == "TargetImportFlow"]
    assert len(flows) == 1
    flow = flows[0]
    qtbot.waitUntil(lambda: flow.preview_dialog is not None, timeout=20_000)
    dialog = flow.preview_dialog
    assert "Đã kiểm tra chỉ tiêu trong tệp" in dialog.summary.text()
    assert "Sẵn sàng nhập: 2" in dialog.summary.text() and "Bị từ chối: 1" in dialog.summary.text()
    with window._db.reading() as s:
        programme = find_programme(s, "1TRIEU-SK")
        assert targets.initiative_targets(s, programme.id, 1) == {}
    dialog.import_button.click()
    qtbot.waitUntil(lambda: any(t.startswith("Đã nhập 2 chỉ tiêu") for t in messages.infos), timeout=20_000)
    with window._db.reading() as s:
        saved = targets.initiative_targets(s, programme.id, 1)
    assert saved == {sample_units["VL-0001"]: 14, sample_units["VL-0003"]: 2}
    assert notices == [(Changes(targets=True), page)]


def test_the_backup_before_an_import_is_said_while_it_is_made(page, qtbot, tmp_path, messages,
                                                              monkeypatch):
    """A large database takes seconds to copy before an import writes: meanwhile the
    progress dialog says so, its bar busy (it said "Đang nhập … 0%"), then "Đang nhập …"
    again once the import itself runs."""
    source = workbook(tmp_path / "cdcs.xlsx", UNITS[:3])
    choose_file(monkeypatch, source)
    page.act_import_units.trigger()
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(),
                    timeout=20_000)
    copying, release = threading.Event(), threading.Event()
    make_backup = backups.backup_before_import

    def slow_backup(db, **kwargs):
        copying.set()
        release.wait(30)
        return make_backup(db, **kwargs)

    monkeypatch.setattr(backups, "backup_before_import", slow_backup)
    check = page.import_flow.last_job
    page.preview_dialog.import_button.click()
    qtbot.waitUntil(lambda: page.import_flow.last_job is not check, timeout=20_000)
    job = page.import_flow.last_job
    dialog = job.dialog
    try:
        qtbot.waitUntil(lambda: copying.is_set() and dialog.isVisible()
                        and dialog.label.text() == "Đang sao lưu trước khi nhập…", timeout=20_000)
        assert (dialog.bar.minimum(), dialog.bar.maximum()) == (0, 0)  # busy, no "0%"
        dialog.grab().save(str(tmp_path / "sao-luu-truoc-khi-nhap.png"))
        seen = []
        job.relabelled.connect(seen.append)
    finally:
        release.set()
    assert ended(qtbot, job) == "succeeded", messages.errors
    assert seen == ["Đang nhập cdcs.xlsx…"]
    # the copy names the file imported (Tệp → Khôi phục từ bản sao lưu… shows it)
    assert [b.source for b in backups.list_backups(page._db.path) if b.kind == "import"] == [
        "cdcs.xlsx"]


def test_initiative_import_preview_shows_money_as_the_app_does(qtbot, app_db, sample_units,
                                                               tmp_path, messages, monkeypatch):
    """The benefit value typed 1000000 (a number or text) is shown 1.000.000, as the register
    shows money (it was shown as typed), in the rows to import and in a rejected row's data;
    a value that is no amount stays as typed."""
    from gui.initiatives.page import RegisterPage

    page = RegisterPage(app_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    rows = [
        ["Tên sáng kiến", "Tác giả", "Đơn vị", "Ngày đăng ký", "Giá trị làm lợi (đồng)"],
        ["Số hóa hồ sơ đoàn viên", "Lê Thị Hương", "VL-0001", "05/10/2021", 3031150000],
        ["Sổ tay điện tử", "Đỗ Thị Lan", "VL-0001", "06/10/2021", "1000000"],
        ["Bảng tin điện tử", "Trần Văn Bình", "Không có đơn vị này", "07/10/2021", 2500000],
        ["Ghế chờ", "Trần Văn Bình", "VL-0001", "08/10/2021", "một triệu lẻ"],
    ]
    choose_file(monkeypatch, workbook(tmp_path / "sang-kien.xlsx", rows))
    page.act_import.trigger()
    flow = page.transfers.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None, timeout=20_000)
    dialog = flow.preview_dialog
    model = dialog.accepted_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    money = headers.index("Giá trị làm lợi")
    assert [model.index(r, money).data() for r in range(model.rowCount())] == [
        "3.031.150.000", "1.000.000"]
    rejected = {dialog.rejected_model.index(r, 0).data(): dialog.rejected_model.index(r, 2).data()
                for r in range(dialog.rejected_model.rowCount())}
    assert "Giá trị làm lợi: 2.500.000" in rejected["4"]
    assert "Giá trị làm lợi: một triệu lẻ" in rejected["5"]
    dialog.grab().save(str(tmp_path / "xem-truoc-tien.png"))


def test_backups_kept_dialog_names_the_folder_in_vietnamese(qtbot):
    from gui.common.backup_dialog import BackupSettingsDialog

    dialog = BackupSettingsDialog({"daily": 7, "import": 10})
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("thư mục sao lưu (backups) cạnh tệp dữ liệu" in t for t in texts), texts
