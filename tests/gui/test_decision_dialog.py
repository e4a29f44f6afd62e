"""Issue 10, point 5: the recognition decision lists what it will include, leaves out the
ineligible (⚠) unless the clerk ticks to include them, ignores the register's filter and
names its period ("năm 2026"); every printed document opens in the in-app preview (QtPdf),
from which it is printed through the system dialog or saved and opened. Driven by keys and
clicks: Ctrl+Shift+P, Enter, the preview's buttons."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu

from core.initiatives import records as core_initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from db.models import InitiativeKind, InitiativeStatus, Recogniser
from gui.initiatives.page import RegisterPage
from gui.initiatives.register_table import COL_NAME
from tests.gui import test_dashboard

ELIGIBLE = "Sổ tay điện tử cho giáo viên chủ nhiệm"
EARLY = "Bảng tin điện tử ở cổng trường"  # recognised before it was registered: ⚠
UNDER_REVIEW = "Thư viện số cho học sinh"
OLD = "Phần mềm xếp thời khóa biểu"  # 2021: another period

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def _create(db, unit_id, programme, name, registered, decided, status, applied):
    with db.transaction() as s:
        core_initiatives.create_initiative(s, InitiativeInput(
            name=name, kind=InitiativeKind.MANAGEMENT, unit_id=unit_id,
            programme_id=core_initiatives.find_programme(s, programme).id,
            authors=[AuthorInput("Lê Thị Hương")], registered_on=registered, first_applied_on=applied,
            economic_benefit=12_000_000, recognised_by=Recogniser.COUNCIL,
            decision_number="05/QĐ-HĐSK", decision_date=decided, status=status))


@pytest.fixture
def page(qtbot, app_db, sample_units):
    school = sample_units["VL-0001"]
    _create(app_db, school, "LDG-LDST", ELIGIBLE, date(2026, 3, 2), date(2026, 4, 1),
            InitiativeStatus.VALID, date(2026, 1, 15))
    _create(app_db, school, "LDG-LDST", EARLY, date(2026, 5, 4), date(2026, 4, 20),
            InitiativeStatus.VALID, date(2026, 2, 1))
    _create(app_db, school, "LDG-LDST", UNDER_REVIEW, date(2026, 6, 1), date(2026, 6, 20),
            InitiativeStatus.UNDER_REVIEW, date(2026, 2, 1))
    _create(app_db, school, "1TRIEU-SK", OLD, date(2021, 10, 5), date(2021, 11, 1),
            InitiativeStatus.VALID, date(2021, 10, 1))
    page = RegisterPage(app_db)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and page.year_filter.count() > 2, timeout=20_000)
    return page


def _text(data: bytes, tmp_path, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


def _open_decision(qtbot, page):
    before = getattr(page, "dialog", None)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=5_000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.dialog is not before, timeout=5_000)
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.model.rowCount() > 0 and dialog.ok_button.isEnabled(),
                    timeout=20_000)
    return dialog


def _preview_after_enter(qtbot, page, dialog, before=None):
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    transfers = page.transfers
    qtbot.waitUntil(lambda: transfers.preview is not None and transfers.preview is not before
                    and transfers.preview.isVisible(), timeout=30_000)
    return transfers.preview


def test_decision_lists_its_period_and_leaves_out_the_ineligible(qtbot, page, tmp_path, monkeypatch, messages):
    # The register is filtered to 2021: the decision does not take that filter.
    page.year_filter.setFocus()
    page.year_filter.setCurrentIndex(page.year_filter.index_of(2021))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20_000)

    dialog = _open_decision(qtbot, page)
    assert dialog.year.currentText() == "Năm 2026"
    model = dialog.model
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [ELIGIBLE, EARLY]
    assert model.index(0, 4).data() == "✓"
    assert model.index(1, 4).data() == (
        "⚠ Ngày công nhận 20/04/2026 trước ngày đăng ký 04/05/2026: sáng kiến phải được đăng ký "
        "trước khi công nhận. (không đưa vào)")
    assert dialog.detail.text() == "VL-SK-2026-00002: " + model.index(1, 4).data()  # read whole
    assert dialog.count_label.text() == (
        "Quyết định sẽ công nhận 1 sáng kiến năm 2026. "
        "1 sáng kiến chưa đủ điều kiện (⚠) không được đưa vào.")
    dialog.grab().save(str(tmp_path / "decision.png"))

    dialog.number.selectAll()
    qtbot.keyClicks(dialog.number, "15")
    preview = _preview_after_enter(qtbot, page, dialog)
    assert preview.windowTitle() == "Quyết định công nhận"
    screen = preview.screen().availableGeometry()
    assert preview.width() <= screen.width() and preview.height() <= screen.height()  # fits the screen
    assert preview.page_count() >= 2
    text = _text(preview.data, tmp_path, "qd.pdf")
    assert "Số: 15/QĐ-LĐLĐ" in text
    assert "Về việc công nhận sáng kiến năm 2026" in text and "2021 - 2026" not in text
    # (names may wrap in the list: their first words are enough)
    assert "Sổ tay điện tử" in text
    assert "Bảng tin điện tử" not in text and "Phần mềm xếp" not in text and "Thư viện số" not in text

    # Print through the system dialog (here: to a PDF file the print dialog would choose).
    printed = tmp_path / "in.pdf"

    def accept(self):
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    # printing runs as a background job (pages rendered off the GUI thread)
    qtbot.waitUntil(lambda: preview.status.text() != "", timeout=30_000)
    assert preview.status.text() == f"Đã gửi {preview.page_count()} trang tới máy in."
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, check=True).stdout.decode()
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == preview.page_count()

    # Save, then opened in the system's viewer.
    saved, opened = tmp_path / "quyet-dinh", []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(saved), "")))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "quyet-dinh.pdf").read_bytes() == preview.data
    assert opened == [str(tmp_path / "quyet-dinh.pdf")]
    assert preview.status.text() == f"Đã lưu vào {tmp_path / 'quyet-dinh.pdf'}."
    preview.grab().save(str(tmp_path / "preview.png"))
    qtbot.keyClick(preview.view, Qt.Key.Key_Escape)
    assert not preview.isVisible()

    # Asked to: the clerk ticks the box, the ineligible one is included too.
    dialog = _open_decision(qtbot, page)
    qtbot.mouseClick(dialog.include_ineligible, Qt.MouseButton.LeftButton)
    assert dialog.include_ineligible.isChecked()
    assert dialog.count_label.text() == (
        "Quyết định sẽ công nhận 2 sáng kiến năm 2026. Trong đó 1 sáng kiến chưa đủ điều kiện (⚠).")
    preview = _preview_after_enter(qtbot, page, dialog, before=preview)
    text = _text(preview.data, tmp_path, "qd2.pdf")
    assert "Sổ tay điện tử" in text and "Bảng tin điện tử" in text and "Phần mềm xếp" not in text
    assert messages.errors == []


def test_description_report_opens_in_the_preview(qtbot, page, tmp_path, messages):
    first = page.table.visualRect(page.model.index(0, COL_NAME)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.waitUntil(lambda: page.act_description.isEnabled(), timeout=5_000)
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    transfers = page.transfers
    qtbot.waitUntil(lambda: transfers.preview is not None and transfers.preview.isVisible(), timeout=30_000)
    preview = transfers.preview
    assert preview.windowTitle() == "Báo cáo mô tả sáng kiến"
    assert preview.file_name.startswith("bao-cao-mo-ta-") and preview.page_count() >= 1
    assert "BÁO CÁO MÔ TẢ SÁNG KIẾN" in _text(preview.data, tmp_path, "mo-ta.pdf")
    assert messages.errors == []


dashboard_db = test_dashboard.dashboard_db  # the dashboard's units, targets and initiatives


def test_a_pdf_report_from_the_dashboard_opens_in_the_preview(qtbot, dashboard_db, tmp_path, monkeypatch, messages):
    db, _ids = dashboard_db
    page = test_dashboard.make_page(qtbot, db)
    out = tmp_path / "tong-hop.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))

    def choose():  # "Official reports" → the second entry, the initiative summary
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(200, choose)
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    reports = page.reports
    qtbot.waitUntil(lambda: reports.preview is not None and reports.preview.isVisible(), timeout=30_000)
    preview = reports.preview
    assert preview.page_count() >= 1 and preview.data == out.read_bytes()
    assert preview.status.text() == f"Đã lưu vào {out}."
    assert preview.print_button.isEnabled() and preview.save_button.isEnabled()
    assert messages.errors == []
