"""A loan's life from the window: the loan dialog saves an application (or disburses after
asking, naming the amount), the loans list's context menu approves, rejects, withdraws and
disburses, and the clerk is told the loan number and the payment voucher made."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.fund import ops
from tests.fund_helpers import make_world
from tests.gui.conftest import type_text


@pytest.fixture
def page_with_dialogs(window, app_db, monkeypatch):
    world = make_world(app_db, members=3, capital=60_000_000)
    window.resize(1366, 768)
    page = window.show_page("fund")
    opened: list = []

    def run(dialog):  # shown, not exec'd: the test drives it by keys
        opened.append(dialog)
        dialog.show()

    monkeypatch.setattr(page, "_run", run)
    return page, world, opened


def _select_loan(page, number: str) -> None:
    for row in range(page.loans.rowCount()):
        if page.loans.loan_at(row).number == number:
            page.loan_view.setCurrentIndex(page.loans.index(row, 0))
            return
    raise AssertionError(number)


def _loan_dialog(qtbot, page, opened, member: str, amount: str, step: str):
    page.lend.click()
    dialog = opened[-1]
    qtbot.addWidget(dialog)
    dialog.member.setCurrentIndex(dialog.member.findText(member))
    dialog.amount.setFocus()
    QTest.keyClicks(dialog.amount, amount)
    dialog.step.setCurrentIndex(dialog.step.findData(step))
    return dialog


def test_save_an_application_then_approve_and_disburse_from_the_list(
        qtbot, page_with_dialogs, app_db, messages):
    page, world, opened = page_with_dialogs
    dialog = _loan_dialog(qtbot, page, opened, "Nguyễn Thị Hoà 0", "6.000.000", "applied")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.text() == "Lưu" and ok.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and not messages.errors
    assert messages.questions == []  # saving an application asks nothing
    number = dialog.result_value.number
    assert messages.infos[-1] == f"Khoản vay {number} của Nguyễn Thị Hoà 0: Đã nộp đơn."
    qtbot.waitUntil(lambda: page.loans.rowCount() == 1)
    _select_loan(page, number)

    menu = page.loan_menu()
    enabled = {a.text() for a in menu.actions() if a.isEnabled() and a.text()}
    assert enabled == {"Duyệt đơn vay…", "Không duyệt đơn vay…", "Rút đơn vay…"}
    page.act_approve.trigger()
    approve = opened[-1]
    qtbot.addWidget(approve)
    approve.on.setFocus()
    QTest.keyClick(approve, Qt.Key.Key_Return)
    assert approve.result() == approve.DialogCode.Accepted, messages.errors
    assert ops.get_loan(app_db, dialog.result_value.id).status == "approved"

    _select_loan(page, number)
    assert [a.text() for a in page.loan_menu().actions() if a.isEnabled() and a.text()] == [
        "Không duyệt đơn vay…", "Rút đơn vay…", "Giải ngân khoản vay…"]
    page.act_disburse.trigger()
    disburse = opened[-1]
    qtbot.addWidget(disburse)
    messages.answer = False  # "no" at the question: nothing is paid out
    QTest.keyClick(disburse, Qt.Key.Key_Return)
    assert "6.000.000 đồng" in messages.questions[-1] and disburse.result() != disburse.DialogCode.Accepted
    assert ops.get_loan(app_db, dialog.result_value.id).status == "approved"
    messages.answer = True
    QTest.keyClick(disburse, Qt.Key.Key_Return)
    assert disburse.result() == disburse.DialogCode.Accepted, messages.errors
    assert messages.infos[-1] == (f"Khoản vay {number} của Nguyễn Thị Hoà 0: Đang vay. "
                                  "Đã lập phiếu chi PC-2026-0001 số tiền 6.000.000 đồng.")


def test_disbursing_from_the_dialog_asks_first_and_reject_needs_a_reason(
        qtbot, page_with_dialogs, app_db, messages):
    page, world, opened = page_with_dialogs
    dialog = _loan_dialog(qtbot, page, opened, "Nguyễn Thị Hoà 1", "25.500.000", "disbursed")
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).text() == "Giải ngân"
    messages.answer = False
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and "25.500.000 đồng" in messages.questions[-1]
    assert "Nguyễn Thị Hoà 1" in messages.questions[-1]
    assert ops.loan_count(app_db, world["fund_id"]) == 0
    messages.answer = True
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted, messages.errors
    assert "PC-2026-0001" in messages.infos[-1] and dialog.result_value.voucher == "PC-2026-0001"

    other = _loan_dialog(qtbot, page, opened, "Nguyễn Thị Hoà 2", "5.000.000", "applied")
    QTest.keyClick(other, Qt.Key.Key_Return)
    number = other.result_value.number
    qtbot.waitUntil(lambda: page.loans.rowCount() == 2)
    _select_loan(page, number)
    page.act_reject.trigger()
    reject = opened[-1]
    qtbot.addWidget(reject)
    assert not reject.buttons.button(reject.buttons.StandardButton.Ok).isEnabled()
    type_text(reject.note, "Chưa đủ điều kiện")
    QTest.keyClick(reject, Qt.Key.Key_Return)
    assert reject.result() == reject.DialogCode.Accepted, messages.errors
    assert ops.get_loan(app_db, other.result_value.id).status == "rejected"
    assert messages.infos[-1] == f"Khoản vay {number} của Nguyễn Thị Hoà 2: Không duyệt."
