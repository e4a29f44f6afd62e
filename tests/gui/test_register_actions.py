"""Actions of the register page: delete with undo, review (valid / not valid with a
reason), import through the preview, export and print in the background, phase dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from core.initiatives import records as core_initiatives
from core.initiatives.register import RegisterFilter, totals
from db.models import Initiative, InitiativeStatus
from gui.initiatives.register_table import COL_NAME, PAGE_SIZE
from tests.gui import test_register_page as shared
from tests.gui.test_register_page import REGISTER_SIZE

# The demo register fixtures (pytest finds fixtures by their name in the module).
_register_template = shared._register_template
register_db = shared.register_db
register_page = shared.register_page


def select_rows(page, rows):
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(page.model.index(row, COL_NAME),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    selection.setCurrentIndex(page.model.index(rows[0], COL_NAME), QItemSelectionModel.SelectionFlag.NoUpdate)


def wait_job(qtbot, owner, before=None):
    """The job ``owner`` (the page, or its transfers) started last, once it has ended."""
    qtbot.waitUntil(lambda: owner.last_job is not None and owner.last_job is not before
                    and owner.last_job.outcome is not None, timeout=20000)
    return owner.last_job


def test_delete_and_undo(qtbot, register_page):
    page, model = register_page, register_page.model
    first, second = model.row_at(0), model.row_at(1)
    select_rows(page, [0])
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert model.id_at(0) == second.id
    assert page.message_bar.label.text() == f"Đã xóa sáng kiến {first.number} “{first.name}”."
    assert page.message_bar.undo_button.isVisible()
    qtbot.waitUntil(lambda: page.count_label.text() == f"{REGISTER_SIZE - 1} sáng kiến", timeout=5000)

    page.message_bar.undo_button.click()
    assert model.id_at(0) == first.id
    assert page.message_bar.label.text() == "Đã khôi phục 1 sáng kiến."
    assert page.table.currentIndex().row() == 0
    qtbot.waitUntil(lambda: page.count_label.text() == f"{REGISTER_SIZE} sáng kiến", timeout=5000)
    page.act_redo.trigger()
    assert model.id_at(0) == second.id


def test_mark_not_valid_asks_for_the_reason_then_valid(qtbot, register_page, messages):
    page, model = register_page, register_page.model
    select_rows(page, [0, 1])
    ids = [model.id_at(0), model.id_at(1)]
    dialog = page.mark_rejected()
    assert dialog.windowTitle() == "Đánh dấu không hợp lệ"
    dialog.reason.setPlainText("")
    assert not dialog.ok_button.isEnabled() and dialog.error.text() == "Hãy ghi lý do."
    dialog.reason.setPlainText("Không có tính mới.")
    dialog.ok_button.click()
    with page._db.reading() as s:
        for initiative_id in ids:
            item = core_initiatives.get_initiative(s, initiative_id)
            assert (item.status, item.rejection_reason) == (InitiativeStatus.REJECTED, "Không có tính mới.")
    assert page.message_bar.label.text() == "Đã đánh dấu 2 sáng kiến không hợp lệ."

    # Marking valid something that fails a rule asks first.
    failing = next(i for i in range(model.rowCount()) if model.row_at(i).failed)
    select_rows(page, [failing])
    messages.answer = False
    assert not page.mark_valid()
    assert "không đáp ứng đủ các điều kiện" in messages.questions[-1]
    messages.answer = True
    target = model.id_at(failing)
    assert page.mark_valid()
    with page._db.reading() as s:
        assert core_initiatives.get_initiative(s, target).status == InitiativeStatus.VALID


def test_export_register_and_portal_list_in_the_background(qtbot, register_page, tmp_path, messages):
    from openpyxl import load_workbook

    page = register_page
    page.status_filter.set_value(InitiativeStatus.VALID)
    with page._db.reading() as s:
        valid = totals(s, RegisterFilter(statuses=frozenset({InitiativeStatus.VALID}))).count
    out = tmp_path / "so.xlsx"
    page.transfers.export_register(out)
    job = wait_job(qtbot, page.transfers)
    assert job.outcome == "succeeded", messages.errors
    assert out.exists() and load_workbook(out, read_only=True).sheetnames
    assert page.message_bar.label.text() == f"Đã ghi {valid} sáng kiến vào {out}."
    portal = tmp_path / "cong.xlsx"
    page.transfers.export_portal_list(portal)
    assert wait_job(qtbot, page.transfers, job).outcome == "succeeded", messages.errors
    assert portal.exists()


def test_template_then_import_through_the_preview(qtbot, register_page, tmp_path, messages):
    page, model = register_page, register_page.model
    template = tmp_path / "mau.xlsx"
    page.transfers.write_template(template)
    job = wait_job(qtbot, page.transfers)
    assert job.outcome == "succeeded", messages.errors
    assert page.message_bar.label.text() == f"Đã lưu {template}."

    check = page.transfers.check_import(template)
    qtbot.waitUntil(lambda: check.outcome is not None, timeout=20000)
    assert check.outcome == "succeeded", messages.errors
    dialog = page.transfers.preview_dialog
    assert dialog.windowTitle() == "Xem trước khi nhập — mau.xlsx"
    assert "Sẵn sàng nhập: 1" in dialog.summary.text()
    # The programme running today (a yearly movement), not the ended "01 triệu sáng kiến".
    assert dialog.programme_code() == "LDG-LDST"
    assert model.totals.count == REGISTER_SIZE  # the preview wrote nothing
    # Changing an option checks the workbook again and shows a new preview.
    dialog.create_units.setChecked(True)
    qtbot.waitUntil(lambda: page.transfers.preview_dialog is not dialog, timeout=20000)
    dialog = page.transfers.preview_dialog
    assert dialog.create_units.isChecked() and page.transfers.last_job.outcome == "succeeded"
    check = page.transfers.last_job
    dialog.import_button.click()
    job = wait_job(qtbot, page.transfers, check)
    assert job.outcome == "succeeded", messages.errors
    assert page.message_bar.label.text().startswith("Đã nhập 1 sáng kiến; bỏ qua 0 dòng, từ chối 0 dòng.")
    qtbot.waitUntil(lambda: model.totals is not None and model.totals.count == REGISTER_SIZE + 1, timeout=5000)


def test_import_of_a_file_that_is_not_a_workbook_is_refused(qtbot, register_page, tmp_path, messages):
    junk = tmp_path / "sai.xlsx"
    junk.write_text("không phải bảng tính", encoding="utf-8")
    job = register_page.transfers.check_import(junk)
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=10000)
    assert job.outcome == "failed" and len(messages.errors) == 1
    assert register_page.transfers.preview_dialog is None


def test_print_description_report(qtbot, register_page, tmp_path, messages):
    select_rows(register_page, [0])
    out = tmp_path / "mo-ta.pdf"
    register_page.transfers.print_description(out)
    job = wait_job(qtbot, register_page.transfers)
    assert job.outcome == "succeeded", messages.errors
    assert out.read_bytes().startswith(b"%PDF")


def test_recognition_decision_asks_number_and_date(qtbot, register_page, tmp_path, messages):
    page = register_page
    dialog = page.transfers.print_decision()
    assert dialog.windowTitle() == "Quyết định công nhận"
    assert dialog.symbol.text() == "QĐ-LĐLĐ"
    qtbot.waitUntil(lambda: dialog.count_label.text().startswith("Quyết định sẽ công nhận"), timeout=5000)
    dialog.signed_on.setText("31/02/2023")
    assert not dialog.ok_button.isEnabled() and "31/02/2023" in dialog.error.text()
    dialog.signed_on.setText("06/03/2023")
    dialog.number.setValue(15)
    out = tmp_path / "qd.pdf"
    page.transfers.write_decision(out, dialog.selection(), dialog.number.value(), dialog.signed(), dialog.symbol_text(),
                                  year=dialog.chosen_year())
    job = wait_job(qtbot, page.transfers)
    assert job.outcome == "succeeded", messages.errors
    assert out.read_bytes().startswith(b"%PDF")


def test_phase_dates_move_initiatives_and_say_how_many(qtbot, register_page, messages):
    page = register_page
    dialog = page.edit_phases()
    assert dialog.windowTitle() == "Các giai đoạn của chương trình"
    dialog.programme.set_value(next(p.id for p in page.programmes if p.code == "1TRIEU-SK"))
    dialog.phase.set_value(1)
    assert dialog.starts_on.text() == "01/09/2021" and dialog.ends_on.text() == "31/05/2022"
    assert not dialog.ok_button.isEnabled()  # unchanged
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    dialog.ends_on.setFocus()
    dialog.ends_on.selectAll()
    QTest.keyClicks(dialog.ends_on, "30/06/2022")
    assert dialog.error.text() == ""  # nothing said while typing
    QTest.keyClick(dialog.ends_on, Qt.Key.Key_Tab)  # leaving the date says what is wrong
    assert dialog.error.text().startswith("Các ngày này trùng với Giai đoạn 2")
    dialog.ends_on.setText("30/04/2022")
    assert dialog.ok_button.isEnabled()
    with page._db.reading() as s:
        moving = s.scalar(select(func.count()).select_from(Initiative).where(
            Initiative.phase_number == 1, Initiative.registered_on > date(2022, 4, 30)))
    assert moving > 0
    dialog.ok_button.click()
    job = wait_job(qtbot, page)
    assert job.outcome == "succeeded", messages.errors
    assert page.message_bar.label.text().endswith(f"{moving} sáng kiến đã chuyển giai đoạn.")
    assert page.model.rowCount() >= PAGE_SIZE
