"""The initiative form: authors and shares, inline checks with Save disabled until the form
is valid, the live eligibility panel, the duplicate warning, history and payments."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.initiatives import records as core_initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from db.models import InitiativeKind, InitiativeStatus, Programme
from gui.initiatives.form import TAB_AUTHORS, InitiativeDialog
from gui.initiatives.page import RegisterPage
from gui.initiatives.register_table import COL_AUTHORS, COL_NAME
from tests.gui.conftest import type_text


@pytest.fixture
def page(qtbot, app_db, sample_units):
    page = RegisterPage(app_db)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def programme_id(db, code="1TRIEU-SK"):
    from sqlalchemy import select

    with db.reading() as s:
        return s.scalar(select(Programme.id).where(Programme.code == code))


def fill_basics(dialog: InitiativeDialog, name: str, unit_label: str, registered: str = "15/03/2022") -> None:
    type_text(dialog.name, name)
    dialog.programme.set_value(programme_id(dialog._db))
    dialog.registered_on.setText(registered)
    dialog.unit.setCurrentIndex(dialog.unit.findText(unit_label))
    dialog._unit_changed()


def create(db, unit_id, name, authors=("Lê Thị Hương",), **kwargs):
    with db.transaction() as s:
        item = core_initiatives.create_initiative(
            s,
            InitiativeInput(
                name=name,
                kind=InitiativeKind.TECHNICAL,
                unit_id=unit_id,
                authors=[AuthorInput(a) for a in authors],
                programme_id=programme_id(db),
                registered_on=date(2022, 3, 1),
                **kwargs,
            ),
        )
        return item.id


def test_add_with_two_authors_60_40_saves_and_shows_in_the_list(qtbot, page, sample_units):
    dialog = page.add_initiative()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Thêm sáng kiến"
    assert not dialog.save_button.isEnabled()  # no name, no unit yet
    fill_basics(dialog, "Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 4", "CĐCS Trường THCS Hồ Xuân Hương (VL-0001)")
    assert "Giai đoạn 1" in dialog.phase_label.text()

    # Authors: one picked from the unit's members, one typed; shares 60/40.
    dialog.tabs.setCurrentIndex(TAB_AUTHORS)
    first = dialog.authors.rows[0]
    type_text(first.name, "Lê Thị Hương")
    dialog.authors._picked(first, "Lê Thị Hương")
    assert first.member_id is not None
    assert first.unit.text() == "CĐCS Trường THCS Hồ Xuân Hương"
    second = dialog.authors.add_author()
    assert [r.share.value() for r in dialog.authors.rows] == [50, 50]  # split until typed
    type_text(second.name, "Nguyễn Văn Hùng")
    first.share.setValue(60)
    assert dialog.authors.total_label.text() == "Tổng: 110% — phải bằng 100%"
    assert not dialog.save_button.isEnabled()
    second.share.setValue(40)
    assert dialog.authors.total_label.text() == "Tổng: 100% ✓"
    assert dialog.save_button.isEnabled()

    QTest.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert dialog.result() == dialog.DialogCode.Accepted
    model = page.model
    assert model.rowCount() == 1
    row = model.row_at(0)
    assert row.name == "Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 4"
    assert model.index(0, COL_AUTHORS).data() == "Lê Thị Hương (60%), Nguyễn Văn Hùng (40%)"
    assert page.table.currentIndex().row() == 0  # the new one is selected
    assert page.message_bar.label.text() == "Đã thêm sáng kiến."
    with page._db.reading() as s:
        item = core_initiatives.get_initiative(s, row.id)
        assert [(a.full_name, a.share, a.member_id is not None) for a in item.authors] == [
            ("Lê Thị Hương", 60, True), ("Nguyễn Văn Hùng", 40, False)]
        assert item.phase_number == 1
    qtbot.waitUntil(lambda: page.count_label.text() == "1 sáng kiến", timeout=5000)


def test_shares_70_20_block_save_with_a_message(qtbot, page):
    dialog = page.add_initiative()
    fill_basics(dialog, "Cải tiến quy trình tiếp nhận hồ sơ", "CĐCS Xã Vĩnh Thái (VL-0003)")
    type_text(dialog.authors.rows[0].name, "Hoàng Thị Thu Trang")
    second = dialog.authors.add_author()
    type_text(second.name, "Trần Văn Tâm")
    dialog.authors.rows[0].share.setValue(70)
    second.share.setValue(20)
    assert not dialog.save_button.isEnabled()
    assert dialog.errors["authors"].text() == ""  # no red line while still typing
    dialog.tabs.setCurrentIndex(TAB_AUTHORS)
    while QApplication.activePopupWidget() is not None:  # the name's completion list: Esc
        QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    second.share.setFocus()
    QTest.keyClick(second.share, Qt.Key.Key_Tab)  # leaving the share shows the problem
    assert dialog.errors["authors"].text() == "Các tỷ lệ đóng góp cộng lại 90%; phải bằng 100%."
    assert dialog.errors["authors"].isVisible() or dialog.tabs.currentIndex() != TAB_AUTHORS
    assert dialog.tabs.tabText(TAB_AUTHORS).endswith("⚠")
    dialog.save()  # Enter with Save disabled: nothing happens
    assert dialog.isVisible() and page.model.rowCount() == 0
    dialog.authors.equal_button.click()
    assert [r.share.value() for r in dialog.authors.rows] == [50, 50]
    assert dialog.save_button.isEnabled() and dialog.errors["authors"].text() == ""
    assert not dialog.tabs.tabText(TAB_AUTHORS).endswith("⚠")


def test_eligibility_panel_explains_a_first_application_outside_the_programme(qtbot, page):
    dialog = page.add_initiative()
    fill_basics(dialog, "Ứng dụng phần mềm quản lý hồ sơ", "CĐCS Xã Vĩnh Thái (VL-0003)")
    panel = dialog.eligibility
    dialog.first_applied_on.setText("15/03/2021")  # before 01/9/2021
    window = panel.reasons["window"]
    assert not window.isHidden()
    assert window.text() == ("Ngày áp dụng lần đầu 15/03/2021 ngoài thời gian của Chương trình "
                             "(01/09/2021 – 01/09/2023).")
    assert panel.marks["window"].text() == "✗"
    dialog.first_applied_on.setText("15/10/2021")
    assert panel.marks["window"].text() == "✓" and panel.reasons["window"].isHidden()
    # Recognition and benefit complete the rules; the summary says so.
    dialog.recognised_by.setCurrentIndex(1)
    dialog.decision_number.setText("12/QĐ-HĐSK")
    dialog.decision_date.setText("20/12/2021")
    dialog.benefit.setText("15000000")
    dialog.benefit.editingFinished.emit()
    assert dialog.benefit.text() == "15.000.000"
    assert panel.summary.text() == "Đáp ứng mọi điều kiện công nhận."
    dialog.benefit.setText("15 triệu")
    assert dialog.errors["benefit"].text().startswith("Số tiền không hợp lệ: 15 triệu")
    assert not dialog.save_button.isEnabled()


def test_rejected_needs_a_reason_and_core_errors_keep_the_form(qtbot, page, sample_units, monkeypatch):
    dialog = page.add_initiative()
    fill_basics(dialog, "Đổi mới sinh hoạt công đoàn", "CĐCS Xã Vĩnh Thái (VL-0003)")
    type_text(dialog.authors.rows[0].name, "Hoàng Thị Thu Trang")
    dialog.status.set_value(InitiativeStatus.REJECTED)
    assert dialog.errors["rejection_reason"].text() == "Hãy ghi lý do sáng kiến không hợp lệ."
    assert not dialog.save_button.isEnabled()
    dialog.rejection_reason.setPlainText("Trùng với sáng kiến đã công nhận năm 2021.")
    assert dialog.save_button.isEnabled()

    from core.common.errors import UserError

    def refuse(*_a, **_k):
        raise UserError("Đơn vị không tồn tại.")

    monkeypatch.setattr(core_initiatives, "create_initiative", refuse)
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error.text() == "Đơn vị không tồn tại."
    assert dialog.name.text() == "Đổi mới sinh hoạt công đoàn"  # nothing typed is lost


def test_duplicate_warning_for_a_near_identical_name_in_the_same_unit(qtbot, page, sample_units):
    existing = create(page._db, sample_units["VL-0001"], "Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 4",
                      authors=("Nguyễn Văn Hùng",))
    page.model.reload()
    dialog = page.add_initiative()
    fill_basics(dialog, "Sử dụng sơ đồ tư duy tromg dạy học môn Toán lớp 4", "CĐCS Trường THCS Hồ Xuân Hương (VL-0001)")
    type_text(dialog.authors.rows[0].name, "Nguyễn Văn Hùng")
    dialog.save_button.click()
    warning = dialog.duplicates_dialog
    assert warning is not None
    qtbot.waitExposed(warning)
    assert warning.windowTitle() == "Có thể bị trùng"
    assert warning.back_button.text() == "&Quay lại" and warning.save_button.text() == "&Vẫn lưu"
    cells = [warning.table.item(0, c).text() for c in range(5)]
    assert cells[1] == "Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 4"
    assert cells[2] == "Nguyễn Văn Hùng" and cells[3] == "CĐCS Trường THCS Hồ Xuân Hương"
    assert cells[4].endswith("%") and int(cells[4][:-1]) >= 85
    with page._db.reading() as s:
        assert cells[0] == core_initiatives.get_initiative(s, existing).number

    # "Quay lại" (the default, also Esc): back to the form, nothing saved.
    QTest.keyClick(warning, Qt.Key.Key_Escape)
    assert not warning.isVisible() and dialog.isVisible()
    assert page.model.rowCount() == 1
    # "Vẫn lưu": saved.
    dialog.save_button.click()
    dialog.duplicates_dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert page.model.rowCount() == 2


def test_edit_shows_history_payments_and_esc_asks_before_discarding(qtbot, page, sample_units, messages):
    initiative = create(page._db, sample_units["VL-0003"], "Số hóa hồ sơ đoàn viên", authors=("Hoàng Thị Thu Trang",))
    page.model.reload()
    page.select_initiative(initiative)
    dialog = page.edit_initiative()
    assert dialog.windowTitle() == "Sửa sáng kiến"
    assert dialog.authors.rows[0].share.value() == 100
    assert dialog.history.table.rowCount() == 1
    assert dialog.history.table.item(0, 2).text() == "Tạo mới"

    # A payment is saved at once and shows in the history.
    dialog.payments.paid_on.setText("01/04/2022")
    dialog.payments.amount.setText("100.000")
    dialog.payments.payer.setText("LĐLĐ huyện Vĩnh Linh")
    assert dialog.payments.add_payment()
    assert dialog.payments.table.item(0, 1).text() == "100.000"
    assert dialog.payments.total_label.text() == "1 khoản, tổng 100.000 đồng."
    assert dialog.history.table.rowCount() == 2

    # Esc with a change: asks; answering no keeps the form.
    type_text(dialog.awards, "Giấy khen")
    messages.answer = False
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and messages.questions
    messages.answer = True
    dialog.status.set_value(InitiativeStatus.VALID)
    dialog.save_button.click()  # same name, unit and authors: no duplicate check
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    with page._db.reading() as s:
        item = core_initiatives.get_initiative(s, initiative)
        assert item.status == InitiativeStatus.VALID and item.awards == "Giấy khen"
    dialog = page.edit_initiative(initiative)
    lines = [dialog.history.table.item(0, c).text() for c in range(4)]
    assert lines[2] == "Sửa" and "Tình trạng: Đang xem xét → Hợp lệ" in lines[3]
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes without asking
    asked = len(messages.questions)
    QApplication.processEvents()
    assert not dialog.isVisible() and len(messages.questions) == asked
    assert page.model.index(0, COL_NAME).data() == "Số hóa hồ sơ đoàn viên"


def register_dialogs(window, sample_units, tmp_path) -> list:
    """The initiatives page's dialogs and menus, open, for the translation walk
    (tests/gui/test_translations.py)."""
    from core.initiatives.records import find_duplicates
    from gui.initiatives.duplicates import DuplicatesDialog
    from gui.initiatives.import_dialog import InitiativeImportPreviewDialog
    from tests.gui.test_import_flow import FakeRejected, FakeResult

    page = window.show_page("initiatives")
    db = page._db
    create(db, sample_units["VL-0001"], "Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 4",
           authors=("Lê Thị Hương", "Nguyễn Văn Hùng"))
    page.model.reload()
    page.focus_default()
    roots = [page.add_initiative(), page.edit_initiative(), page.mark_rejected(), page.transfers.print_decision(),
             page.edit_phases(), page._header_menu(page.table.rect().topLeft())]
    with db.reading() as s:
        found = find_duplicates(s, "Su dung so do tu duy trong day hoc mon Toan lop 4", sample_units["VL-0001"], [])
    assert found
    roots.append(DuplicatesDialog(found))
    result = FakeResult(accepted=[1], skipped=[], rejected=[FakeRejected(4, "Thiếu tên sáng kiến.", {"Tên": ""})])
    result.duplicates = ["Dòng 5: có thể trùng với sáng kiến VL-SK-2022-00001 (giống 91%)."]
    roots.append(InitiativeImportPreviewDialog(result, tmp_path / "sang-kien.xlsx", "sáng kiến",
                                               page.programmes, "1TRIEU-SK", False))
    page.search.setText("so do")
    page.apply_filter()
    page.act_delete.trigger()  # the message bar with its Undo button
    return roots


LONG_UNIT = "CĐCS Trường Phổ thông Dân tộc Bán trú Tiểu học và Trung học cơ sở Nậm Cha"


def test_author_unit_fields_elide_long_names_in_the_middle(qtbot, app_db, sample_units):
    """The author's unit, like the register's unit column, shows a long name cut in the
    middle when left (its start and its distinctive end), whole in the tooltip and whole
    again to edit; what is saved is the whole name."""
    dialog = InitiativeDialog(app_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(1080, 690)  # its size on a 1366×768 screen
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.tabs.setCurrentIndex(TAB_AUTHORS)
    dialog.authors.add_author("Lê Thị Hương", LONG_UNIT, 100)
    row = dialog.authors.rows[-1]
    row.name.setFocus()
    qtbot.waitUntil(lambda: row.unit.isVisible() and row.name.hasFocus())
    assert row.unit.is_elided()  # it does not fit
    shown = row.unit.shown_text()
    assert shown.startswith("CĐCS Trường") and shown.endswith("Nậm Cha") and "…" in shown, shown
    assert row.unit.text() == LONG_UNIT  # only shown cut: the field holds the whole name
    row.unit.setFocus()
    qtbot.waitUntil(row.unit.hasFocus)
    assert row.unit.shown_text() == LONG_UNIT
    assert dialog.authors.authors()[-1].unit_text == LONG_UNIT
