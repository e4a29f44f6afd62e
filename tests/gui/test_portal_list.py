"""Issue 10, point 13, through the window: the clerk opens "Xuất" on the register and picks the
portal list — only the recognised initiatives go into it; the second entry, "gồm cả sáng kiến
đang xem xét", is the explicit way to send those too. Never a rejected one or a draft."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from core.initiatives import records as core_initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from db.models import InitiativeKind, InitiativeStatus, Recogniser
from gui.initiatives.page import RegisterPage

NAMES = {
    InitiativeStatus.VALID: "Sổ điểm điện tử",
    InitiativeStatus.UNDER_REVIEW: "Thư viện số cho học sinh",
    InitiativeStatus.REJECTED: "Bảng tin giấy",
    InitiativeStatus.DRAFT: "Lịch trực điện tử",
}


@pytest.fixture
def page(qtbot, app_db, sample_units):
    with app_db.transaction() as s:
        programme = core_initiatives.find_programme(s, "1TRIEU-SK")
        for status, name in NAMES.items():
            core_initiatives.create_initiative(s, InitiativeInput(
                name=name, kind=InitiativeKind.MANAGEMENT, authors=[AuthorInput("Lê Thị Hương")],
                unit_id=sample_units["VL-0001"], programme_id=programme.id,
                registered_on=date(2022, 3, 1), first_applied_on=date(2022, 2, 1),
                recognised_by=Recogniser.COUNCIL, decision_number="03/QĐ-HĐSK",
                decision_date=date(2022, 4, 1), social_benefit="Giảm giấy tờ", status=status,
                rejection_reason="Không có tính mới" if status == InitiativeStatus.REJECTED else ""))
    page = RegisterPage(app_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=20_000)
    return page


def _pick_from_export_menu(qtbot, page, downs: int) -> None:
    """Click "Xuất", move down ``downs`` entries with the arrow key, press Enter."""
    def choose():
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        for _ in range(downs):
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(200, choose)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)


def _names(path) -> set[str]:
    sheet = load_workbook(path)["Danh sách"]
    return {v for row in sheet.iter_rows(values_only=True) for v in row if v in NAMES.values()}


def _export(qtbot, page, monkeypatch, path, downs):
    before = page.transfers.last_job
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    _pick_from_export_menu(qtbot, page, downs)
    qtbot.waitUntil(lambda: page.transfers.last_job is not before and page.transfers.last_job.outcome is not None,
                    timeout=20_000)
    assert page.transfers.last_job.outcome == "succeeded"


def test_portal_list_sends_up_what_is_recognised(qtbot, page, tmp_path, monkeypatch, messages):
    assert [a.text() for a in page.export_menu.actions()][1:3] == [
        "Danh sách đăng tải lên Cổng (sáng kiến đã công nhận)…",
        "Danh sách đăng tải lên Cổng, gồm cả sáng kiến đang xem xét…"]
    _export(qtbot, page, monkeypatch, tmp_path / "cong.xlsx", downs=2)
    assert _names(tmp_path / "cong.xlsx") == {NAMES[InitiativeStatus.VALID]}
    assert page.message_bar.label.text() == f"Đã ghi 1 sáng kiến vào {tmp_path / 'cong.xlsx'}."

    _export(qtbot, page, monkeypatch, tmp_path / "cong-ca-dang-xem-xet.xlsx", downs=3)
    assert _names(tmp_path / "cong-ca-dang-xem-xet.xlsx") == {
        NAMES[InitiativeStatus.VALID], NAMES[InitiativeStatus.UNDER_REVIEW]}
    assert messages.errors == []
