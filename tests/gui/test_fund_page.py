"""The "Quỹ tương hỗ" page driven by keys: a loan typed into its dialog (rules and schedule
shown as the clerk types, Enter disburses), a repayment whose allocation is shown before
it is posted, a reversal that needs a reason; the arrears in red; screenshots at 1366×768."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.fund import ops
from gui.fund.dialogs import ContributionDialog, LoanDialog, RepaymentDialog, ReverseDialog
from tests.fund_helpers import make_world
from tests.gui.conftest import type_text

SHOTS = "/tmp"


def _type_date(field, text: str) -> None:
    """Clear the date field and type ``text`` into it, key by key."""
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    QTest.keyClicks(field, text)


@pytest.fixture
def fund_page(window, app_db):
    world = make_world(app_db, members=3, capital=60_000_000)
    old = ops.lend(app_db, world["fund_id"], ops.LoanRequest(world["members"][2], 6_000_000, 6,
                                                             "Chăn nuôi", applied_on=date(2026, 1, 6)))
    assert old.value.state is not None
    # The offscreen screen is 800×600, where the window opens maximised: un-maximise it to
    # lay the page out as on a 1366×768 laptop.
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    page = window.show_page("fund")
    return window, page, world


def test_loan_repayment_and_reversal_by_keys(qtbot, fund_page, app_db, messages):
    window, page, world = fund_page
    assert page.funds.rowCount() == 1 and page.funds.item(0, 1).text() == "VL-QTH-VL01"
    # the first loan (January) is behind today: in the arrears tab, in red
    assert page.arrears.rowCount() == 1 and page.arrears.item(0, 6).text() == "trên 90 ngày"
    assert page.arrears.item(0, 0).foreground().color().red() > 150

    dialog = LoanDialog(app_db, window.bus, page.current_fund(), page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.member.setCurrentIndex(dialog.member.findText("Nguyễn Thị Hoà 0"))
    dialog.amount.setFocus()
    QTest.keyClicks(dialog.amount, "35000000")
    rules = [dialog.rules.item(i).text() for i in range(dialog.rules.count())]
    assert any(r.startswith("✗ Mức vay") for r in rules)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.amount.clear()
    QTest.keyClicks(dialog.amount, "25.500.000")
    assert dialog.amount.words.text() == "Hai mươi lăm triệu năm trăm nghìn đồng"
    dialog.term.setValue(12)
    type_text(dialog.purpose, "Sửa chữa nhà ở")
    _type_date(dialog.on, "15/01/2026")
    assert all(dialog.rules.item(i).text().startswith("✓") for i in range(dialog.rules.count()))
    assert dialog.schedule.rowCount() == 12 and dialog.schedule.item(0, 1).text() == "2.125.000"
    assert dialog.schedule.item(11, 0).text() == "15/01/2027"
    dialog.grab().save(f"{SHOTS}/fund-loan-dialog.png")
    assert ok.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and not messages.errors
    qtbot.waitUntil(lambda: page.loans.rowCount() == 2)
    assert page.funds.item(0, 3).text() == "31.500.000"  # outstanding: 6.000.000 + 25.500.000

    new_loan = next(page.loans.loan_at(r) for r in range(2)
                    if page.loans.loan_at(r).amount == 25_500_000)
    repay = RepaymentDialog(app_db, window.bus, new_loan, page)
    qtbot.addWidget(repay)
    repay.show()
    _type_date(repay.on, "15/02/2026")
    QTest.keyClicks(repay.amount, "2500000")
    assert "gốc 2.500.000" in repay.plan.text() and "1, 2" in repay.plan.text()
    QTest.keyClick(repay, Qt.Key.Key_Return)
    assert repay.result() == repay.DialogCode.Accepted, messages.errors
    assert page.entries.item(0, 1).text() == "PT-2026-0002"

    entry = page._entries[0]
    rev = ReverseDialog(app_db, window.bus, entry, page)
    qtbot.addWidget(rev)
    rev.show()
    ok = rev.buttons.button(rev.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    type_text(rev.reason, "Thu nhầm số tiền")
    assert ok.isEnabled()
    QTest.keyClick(rev, Qt.Key.Key_Return)
    assert rev.result() == rev.DialogCode.Accepted
    assert page.entries.item(0, 2).text() == "Bút toán đảo"
    assert page.funds.item(0, 3).text() == "31.500.000"

    contribution = ContributionDialog(app_db, window.bus, page.current_fund(), page)
    qtbot.addWidget(contribution)
    contribution.show()
    QTest.keyClicks(contribution.amount, "500000")
    QTest.keyClick(contribution, Qt.Key.Key_Return)
    assert contribution.result() == contribution.DialogCode.Accepted
    page.tabs.setCurrentIndex(2)
    assert "500.000" in [page.members_table.item(r, 1).text()
                         for r in range(page.members_table.rowCount())]

    page.tabs.setCurrentIndex(0)
    window.grab().save(f"{SHOTS}/fund-page.png")
    page.tabs.setCurrentIndex(3)
    window.grab().save(f"{SHOTS}/fund-arrears.png")
    assert ops.check(app_db).ok


def test_import_a_ledger_through_the_preview(qtbot, fund_page, app_db, tmp_path, messages):
    from tests.test_fund_import import ROWS, _book

    window, page, world = fund_page
    path = _book(tmp_path / "so-cho-vay.xlsx", [["VL01", *row[1:]] for row in ROWS[:3]])
    page.check_file(path)
    qtbot.waitUntil(lambda: page.import_flow.preview_dialog is not None
                    and page.import_flow.preview_dialog.isVisible(), timeout=20_000)
    dialog = page.import_flow.preview_dialog
    assert "Sẵn sàng nhập: 2" in dialog.summary.text() and "Bị từ chối: 1" in dialog.summary.text()
    assert page.loans.rowCount() == 1  # the check wrote nothing
    dialog.import_button.click()
    qtbot.waitUntil(lambda: page.loans.rowCount() == 3, timeout=20_000)
    assert ops.check(app_db).ok


def test_documents_open_in_the_preview_and_the_book_asks_for_its_period(
        qtbot, fund_page, messages, monkeypatch):
    window, page, world = fund_page
    opened: list = []
    monkeypatch.setattr(page, "_run", lambda d: (opened.append(d), d.show()))
    page.act_contract.trigger()
    assert messages.errors == ["Hãy chọn một khoản vay trong danh sách trước."]
    page.loan_view.setCurrentIndex(page.loans.index(0, 0))
    page.act_contract.trigger()
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible(), timeout=20_000)
    contract = page.preview
    assert contract.page_count() >= 1 and contract.file_name.startswith("hop-dong-VL-VV-2026-")
    assert contract.print_button.text() == "&In…" and contract.save_button.isEnabled()

    page.book.click()
    period = opened[-1]
    qtbot.addWidget(period)
    today = date.today()
    assert period.kind.currentData() == "month" and period.number.value() == today.month
    first, last = period.period()
    assert first == today.replace(day=1) and last.month == today.month and last.day >= 28
    period.kind.setCurrentIndex(period.kind.findData("quarter"))
    period.year.setValue(2026)
    period.number.setValue(1)
    assert period.period() == (date(2026, 1, 1), date(2026, 3, 31))
    assert period.shown.text() == "Từ 01/01/2026 đến 31/03/2026"
    QTest.keyClick(period, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.preview is not contract and page.preview is not None
                    and page.preview.isVisible(), timeout=20_000)
    assert page.preview.file_name == "so-quy-VL01-20260101-20260331.pdf"
    assert not messages.errors[1:]


def test_cash_count_write_off_and_lock_dialogs(qtbot, fund_page, app_db, messages):
    from gui.fund.dialogs import CashCountDialog, LockDialog, WriteOffDialog

    window, page, world = fund_page
    count = CashCountDialog(app_db, window.bus, page.current_fund(), page)
    qtbot.addWidget(count)
    count.show()
    _type_date(count.on, "01/02/2026")
    QTest.keyClicks(count.counted, "53.990.000")  # the book says 54.000.000
    QTest.keyClick(count, Qt.Key.Key_Return)
    assert count.result() == count.DialogCode.Accepted, messages.errors
    assert page.entries.item(0, 2).text() == "Kiểm kê quỹ"
    assert "thiếu 10.000" in page.entries.item(0, 3).text()

    loan = page.loans.loan_at(0)
    off = WriteOffDialog(app_db, window.bus, loan, page)
    qtbot.addWidget(off)
    off.show()
    assert not off.buttons.button(off.buttons.StandardButton.Ok).isEnabled()
    type_text(off.reason, "Đoàn viên chuyển công tác, không liên lạc được")
    QTest.keyClick(off, Qt.Key.Key_Return)
    assert off.result() == off.DialogCode.Accepted, messages.errors
    assert page.loans.loan_at(0).status == "written_off"

    lock = LockDialog(app_db, window.bus, page.current_fund(), page)
    qtbot.addWidget(lock)
    lock.show()
    _type_date(lock.through, "31/03/2026")
    QTest.keyClick(lock, Qt.Key.Key_Return)
    assert page.current_fund().locked_through == date(2026, 3, 31)
    assert ops.check(app_db).ok


def test_rules_of_a_fund(qtbot, fund_page, app_db, messages):
    from gui.fund.dialogs import SettingsDialog

    window, page, world = fund_page
    dialog = SettingsDialog(app_db, window.bus, page.current_fund(), page)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ceiling.text() == "30.000.000"
    # three day fields (1–30, 31–90, over 90), not one "30,90" that reads like a decimal
    assert [spin.value() for spin in dialog.buckets.days] == [30, 90, 0]
    assert dialog.buckets.shown.text() == "1–30 ngày, 31–90 ngày, trên 90 ngày"
    assert dialog.rate.text() == "0"
    dialog.ceiling.clear()
    QTest.keyClicks(dialog.ceiling, "40000000")
    for spin, days in zip(dialog.buckets.days, (30, 60, 90), strict=True):
        spin.setValue(days)
    assert dialog.buckets.shown.text() == "1–30 ngày, 31–60 ngày, 61–90 ngày, trên 90 ngày"
    dialog.rate.selectAll()
    QTest.keyClicks(dialog.rate, "0,5")
    dialog.order.setCurrentIndex(1)
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted, messages.errors
    s = page.current_fund().settings
    assert (s.ceiling, s.buckets, s.allocation) == (40_000_000, "30,60,90", "principal_first")
    assert s.rate_bp == 50  # 0,5 %/năm, kept in hundredths of a percent
    assert "vay tối đa 40.000.000 đồng" in page.detail.text()
    assert page.arrears.item(0, 6).text() == "trên 90 ngày"

    bad = SettingsDialog(app_db, window.bus, page.current_fund(), page)
    qtbot.addWidget(bad)
    bad.show()
    assert bad.rate.text() == "0,5"
    bad.buckets.days[0].setValue(90)
    bad.buckets.days[1].setValue(30)
    bad.buckets.days[2].setValue(0)
    assert bad.buckets.shown.text() == "Số ngày phải tăng dần từ nhóm này sang nhóm sau."
    QTest.keyClick(bad, Qt.Key.Key_Return)
    assert bad.result() != bad.DialogCode.Accepted
    assert any("Nhóm nợ quá hạn" in e for e in messages.errors)
    bad.buckets.days[1].setValue(120)
    bad.rate.selectAll()
    QTest.keyClicks(bad.rate, "abc")
    QTest.keyClick(bad, Qt.Key.Key_Return)
    assert bad.result() != bad.DialogCode.Accepted
    assert messages.errors[-1] == "“abc” không phải tỷ lệ phần trăm (ví dụ 0,5)."


def test_a_typed_date_is_never_altered_and_a_future_one_is_refused(qtbot, fund_page, app_db,
                                                                   messages):
    from datetime import timedelta

    from gui.fund.dialogs import CashCountDialog

    window, page, world = fund_page
    dialog = LoanDialog(app_db, window.bus, page.current_fund(), page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.member.setCurrentIndex(dialog.member.findText("Nguyễn Thị Hoà 0"))
    QTest.keyClicks(dialog.amount, "5000000")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    _type_date(dialog.on, "31/02/2026")
    assert dialog.on.text() == "31/02/2026"  # kept as typed, not turned into another day
    assert not ok.isEnabled()
    assert dialog.rules.item(0).text().startswith("✗ Ngày không tồn tại: 31/02/2026")
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and ops.loan_count(app_db, world["fund_id"]) == 1

    future = (date.today() + timedelta(days=30)).strftime("%d/%m/%Y")
    _type_date(dialog.on, future)
    assert dialog.on.text() == future and not ok.isEnabled()
    assert any(f"{future} là ngày sau hôm nay" in dialog.rules.item(i).text()
               for i in range(dialog.rules.count()))
    _type_date(dialog.on, "15/01/2026")
    assert ok.isEnabled() and dialog.schedule.item(0, 0).text() == "15/02/2026"

    count = CashCountDialog(app_db, window.bus, page.current_fund(), page)
    qtbot.addWidget(count)
    count.show()
    QTest.keyClicks(count.counted, "54.000.000")
    _type_date(count.on, future)
    QTest.keyClick(count, Qt.Key.Key_Return)
    assert count.isVisible() and count.on.text() == future
    assert f"{future} là ngày sau hôm nay" in messages.errors[-1]


def test_letters_or_a_negative_amount_are_refused_not_taken_for_zero(qtbot, fund_page, app_db,
                                                                    messages):
    window, page, world = fund_page
    contribution = ContributionDialog(app_db, window.bus, page.current_fund(), page)
    qtbot.addWidget(contribution)
    contribution.show()
    QTest.keyClicks(contribution.amount, "abc2x0")
    assert contribution.amount.words.text().startswith("“abc2x0” không phải số tiền")
    QTest.keyClick(contribution, Qt.Key.Key_Return)
    assert contribution.isVisible()
    assert messages.errors[-1].startswith("“abc2x0” không phải số tiền")
    contribution.amount.clear()
    QTest.keyClicks(contribution.amount, "-500000")
    assert contribution.amount.words.text() == "Số tiền phải lớn hơn 0."
    QTest.keyClick(contribution, Qt.Key.Key_Return)
    assert contribution.isVisible() and messages.errors[-1] == "Số tiền phải lớn hơn 0."

    loan = LoanDialog(app_db, window.bus, page.current_fund(), page)
    qtbot.addWidget(loan)
    loan.show()
    QTest.keyClicks(loan.amount, "abc2x0")
    assert loan.rules.item(0).text().startswith("✗ “abc2x0” không phải số tiền")
    assert not loan.buttons.button(loan.buttons.StandardButton.Ok).isEnabled()


def test_the_cash_count_shows_the_book_and_the_difference_before_saving(qtbot, fund_page, app_db,
                                                                        messages):
    from gui.fund.dialogs import CashCountDialog

    window, page, world = fund_page
    count = CashCountDialog(app_db, window.bus, page.current_fund(), page)
    qtbot.addWidget(count)
    count.show()
    _type_date(count.on, "01/02/2026")
    assert count.book.text().startswith("54.000.000 đồng")  # 60.000.000 less the 6.000.000 lent
    QTest.keyClicks(count.counted, "53.990.000")
    assert count.difference.text() == "thiếu 10.000 đồng"
    count.counted.clear()
    QTest.keyClicks(count.counted, "54.000.500")
    assert count.difference.text() == "thừa 500 đồng"
    words = count.counted.words
    assert words.text() == "Năm mươi bốn triệu năm trăm đồng"
    qtbot.waitUntil(lambda: words.width() > 0)
    assert words.height() >= words.heightForWidth(words.width())  # not cut
    QTest.keyClick(count, Qt.Key.Key_Return)
    assert count.result() == count.DialogCode.Accepted, messages.errors
    assert page.entries.item(0, 1).text() == "KT-2026-0001"  # not a phiếu thu/chi number


def test_loan_columns_fit_their_text_and_the_app_spells_xoa(qtbot, fund_page):
    from gui.fund.models import COL_DAYS, COL_STATUS

    window, page, world = fund_page
    view = page.loan_view
    header = view.horizontalHeader().fontMetrics()
    for column in (COL_DAYS, COL_STATUS):
        title = page.loans.headerData(column, Qt.Orientation.Horizontal)
        assert view.columnWidth(column) > header.horizontalAdvance(title), title
    assert view.columnWidth(COL_STATUS) > view.fontMetrics().horizontalAdvance("Đã cơ cấu lại")
    assert page.act_write_off.text() == "Xóa nợ khoản vay…"


def test_every_loan_column_is_on_screen_at_1366x768(qtbot, fund_page):
    window, page, world = fund_page
    view = page.loan_view
    qtbot.waitUntil(lambda: view.viewport().width() > 0)
    total = sum(view.columnWidth(c) for c in range(page.loans.columnCount()))
    assert total <= view.viewport().width()  # the status column is not scrolled away
    assert not view.horizontalScrollBar().isVisible()


def test_the_borrower_column_keeps_a_full_name_with_a_larger_font(qtbot, fund_page):
    """Walkthrough finding: under a desktop's larger font the other columns took all the
    width and "Người vay" shrank to about 35 px ("N…"). The names keep their room; the list
    scrolls sideways instead."""
    from PySide6.QtGui import QFont

    from gui.fund.models import COL_BORROWER

    window, page, world = fund_page
    view = page.loan_view
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    view.setFont(font)
    view.horizontalHeader().setFont(font)
    page._size_loan_columns()
    qtbot.waitUntil(lambda: view.viewport().width() > 0)
    name = view.fontMetrics().horizontalAdvance("Nguyễn Văn")
    assert view.columnWidth(COL_BORROWER) > name
    window.resize(1700, 768)  # wider: the borrower takes what is left again
    qtbot.waitUntil(lambda: sum(view.columnWidth(c) for c in range(page.loans.columnCount()))
                    >= view.viewport().width())


def test_the_loan_dialog_reads_the_funds_members_once(qtbot, fund_page, app_db, monkeypatch):
    """The borrower and guarantor boxes offer the same people: one ops.members read (with
    each member's contributions summed) fills both."""
    window, page, world = fund_page
    calls: list[object] = []
    real = ops.members
    monkeypatch.setattr(ops, "members", lambda db, fund_id: (calls.append(fund_id),
                                                            real(db, fund_id))[1])
    dialog = LoanDialog(app_db, window.bus, page.current_fund(), page)
    qtbot.addWidget(dialog)
    assert calls == [world["fund_id"]]
    names = [dialog.member.itemText(i) for i in range(dialog.member.count())]
    assert names == [f"Nguyễn Thị Hoà {i}" for i in range(3)]
    assert [dialog.guarantor.itemText(i) for i in range(dialog.guarantor.count())] == ["—", *names]
    assert dialog.guarantor.currentData() is None
