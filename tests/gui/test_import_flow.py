"""Import from a workbook: dry run in the background → preview (counts, rejected rows,
report) → the real import in the background → the lists refresh.

The GUI flow is tested against a stand-in for ``core.org.importing`` that follows its
contract; the tests at the end run the real module once it exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QFileDialog

from core.common.errors import UserError
from gui.org.page import OrganisationPage


@dataclass
class FakeRejected:
    number: int
    reason: str
    values: dict = field(default_factory=dict)


@dataclass
class FakeResult:
    accepted: list
    skipped: list
    rejected: list

    def to_json(self):
        return {}


class FakeCancelled(Exception):
    pass


class FakeImporting:
    """Records calls; ``behaviour`` decides what a call does."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Path, bool]] = []
        self.behaviour = "ok"
        self.reports: list[tuple[Path, str]] = []

    def _run(self, what, db, path, dry_run, progress, is_cancelled):
        self.calls.append((what, Path(path), dry_run))
        total = 50
        for done in range(total + 1):
            if is_cancelled and is_cancelled():
                raise FakeCancelled()
            if progress:
                progress(done, total)
            if self.behaviour == "slow":
                import time

                time.sleep(0.02)
        if self.behaviour == "fail":
            raise UserError("Tệp không có trang tính “Đơn vị”.")
        return FakeResult(
            accepted=["a", "b", "c"],
            skipped=["d"],
            rejected=[
                FakeRejected(5, "Thiếu tên đơn vị.", {"Mã": "VL-0099"}),
                FakeRejected(9, "Không có đơn vị cấp trên mã XX.", {"Mã": "VL-0100", "Tên": "CĐCS Chợ"}),
            ],
        )

    def import_units(self, db, path, *, dry_run, progress=None, is_cancelled=None):
        return self._run("units", db, path, dry_run, progress, is_cancelled)

    def import_members(self, db, path, *, dry_run, progress=None, is_cancelled=None):
        return self._run("members", db, path, dry_run, progress, is_cancelled)

    def write_report(self, result, out_path, title=""):
        self.reports.append((Path(out_path), title))
        Path(out_path).write_bytes(b"report")


@pytest.fixture
def fake_importing(monkeypatch) -> FakeImporting:
    import core.common.workbook as workbook
    import core.org.importing as importing

    fake = FakeImporting()
    monkeypatch.setattr(importing, "import_units", fake.import_units)
    monkeypatch.setattr(importing, "import_members", fake.import_members)
    monkeypatch.setattr(workbook, "write_report", fake.write_report)
    return fake


@pytest.fixture
def page(qtbot, app_db, sample_units):
    page = OrganisationPage(app_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_import_dry_run_preview_report_then_import(page, qtbot, tmp_path, fake_importing, messages, monkeypatch):
    source = tmp_path / "don-vi.xlsx"
    source.write_bytes(b"workbook")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), "")))
    page.act_import_units.trigger()
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=5000)
    assert fake_importing.calls == [("units", source, True)]

    dialog = page.preview_dialog
    assert dialog.windowTitle() == "Xem trước khi nhập — don-vi.xlsx"
    summary = dialog.summary.text()
    assert "Chưa có gì được lưu" in summary
    assert "Sẵn sàng nhập: 3" in summary and "Bỏ qua (đã có hoặc dòng trống): 1" in summary
    assert "Bị từ chối: 2" in summary
    model = dialog.rejected_model
    assert model.rowCount() == 2
    assert [model.index(0, c).data() for c in range(2)] == ["5", "Thiếu tên đơn vị."]
    assert model.index(1, 2).data() == "Mã: VL-0100; Tên: CĐCS Chợ"
    assert dialog.import_button.text() == "Nhập" and dialog.import_button.isEnabled()
    assert dialog.report_button.text() == "Lưu báo cáo…"

    report = tmp_path / "bao-cao"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(report), "")))
    dialog.report_button.click()
    qtbot.waitUntil(lambda: bool(messages.infos), timeout=5000)
    assert fake_importing.reports == [(tmp_path / "bao-cao.xlsx", "Báo cáo nhập dữ liệu: don-vi.xlsx")]
    assert messages.infos == [f"Đã lưu báo cáo vào {tmp_path / 'bao-cao.xlsx'}."]

    dialog.import_button.click()
    qtbot.waitUntil(lambda: len(fake_importing.calls) == 2 and page.last_job.outcome is not None, timeout=5000)
    assert fake_importing.calls[1] == ("units", source, False)
    assert page.message_bar.label.text() == "Đã nhập 3 đơn vị; bỏ qua 1 dòng, từ chối 2 dòng."


def test_import_members_cancelled_saves_nothing(page, qtbot, tmp_path, fake_importing):
    fake_importing.behaviour = "slow"
    source = tmp_path / "doan-vien.ods"
    source.write_bytes(b"workbook")
    job = page.check_import("members", source)
    dialog = job.dialog
    qtbot.waitUntil(lambda: shiboken6.isValid(dialog) and dialog.isVisible(), timeout=5000)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    assert job.outcome == "cancelled"
    assert page.preview_dialog is None
    assert page.message_bar.label.text() == "Đã hủy nhập dữ liệu; không có gì được lưu."
    assert [c[2] for c in fake_importing.calls] == [True]


def test_import_failure_is_shown(page, qtbot, tmp_path, fake_importing, messages):
    fake_importing.behaviour = "fail"
    job = page.check_import("units", tmp_path / "sai-mau.xlsx")
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    assert messages.errors == ["Tệp không có trang tính “Đơn vị”."]
    assert page.preview_dialog is None


def test_nothing_to_import_disables_the_button(qtbot, tmp_path):
    from gui.common.import_preview import ImportPreviewDialog

    result = FakeResult(accepted=[], skipped=[], rejected=[FakeRejected(2, "Thiếu họ và tên.")])
    dialog = ImportPreviewDialog(result, tmp_path / "x.xlsx", "đoàn viên")
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()


# --- with the real core.org.importing ------------------------------------------------------


def test_real_import_rejects_a_file_that_is_not_a_workbook(page, qtbot, tmp_path, messages):
    junk = tmp_path / "khong-phai-bang-tinh.xlsx"
    junk.write_text("đây không phải bảng tính", encoding="utf-8")
    job = page.check_import("units", junk)
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=10000)
    assert job.outcome == "failed"
    assert len(messages.errors) == 1 and messages.errors[0]
    assert not messages.errors[0].startswith("Đã xảy ra lỗi ngoài dự kiến")  # a WorkbookError
    assert page.preview_dialog is None


def test_real_units_import_through_preview(page, qtbot, tmp_path, messages, monkeypatch):
    from openpyxl import Workbook, load_workbook

    book = tmp_path / "cdcs.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH CÔNG ĐOÀN CƠ SỞ"])
    ws.append(["STT", "Mã đơn vị", "Tên công đoàn cơ sở", "Khối"])
    ws.append([1, "VL-0201", "CĐCS Trường Tiểu học Cửa Tùng", "Giáo dục"])
    ws.append([2, "VL-0202", "CĐCS Trạm Y tế xã Vĩnh Giang", "Y tế"])
    ws.append([3, "VL-0203", "", "Giáo dục"])  # no name: rejected
    wb.save(book)

    job = page.check_import("units", book)
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=10000)
    assert job.outcome == "succeeded", messages.errors
    dialog = page.preview_dialog
    assert "Sẵn sàng nhập: 2" in dialog.summary.text() and "Bị từ chối: 1" in dialog.summary.text()
    assert dialog.rejected_model.index(0, 0).data() == "5"
    with page._db.reading() as s:
        from core.org.units import find_by_code

        assert find_by_code(s, "VL-0201") is None  # the preview wrote nothing

    report = tmp_path / "bao-cao.xlsx"
    report_job = dialog.write_report(report)
    qtbot.waitUntil(lambda: report_job.outcome is not None, timeout=10000)
    assert report_job.outcome == "succeeded", messages.errors
    assert load_workbook(report, read_only=True).sheetnames

    dialog.import_button.click()
    qtbot.waitUntil(lambda: page.last_job is not job and page.last_job.outcome is not None, timeout=10000)
    assert page.message_bar.label.text() == "Đã nhập 2 đơn vị; bỏ qua 0 dòng, từ chối 1 dòng."
    codes = {node.code for node in page.unit_model.nodes.values()}
    assert {"VL-0201", "VL-0202"} <= codes and "VL-0203" not in codes
