"""An overpayment from the window: the repayment dialog shows the whole allocation (wrapped,
not cut), the loans list shows the credit in "Tiền trả thừa", and "Hoàn trả tiền thừa…"
pays it back with a phiếu chi."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.fund import ops
from gui.fund.dialogs import RepaymentDialog
from gui.fund.models import COL_CREDIT
from tests.fund_helpers import make_world


@pytest.fixture
def overpaid(window, app_db, monkeypatch):
    world = make_world(app_db, members=2, capital=60_000_000)
    loan = ops.lend(app_db, world["fund_id"], ops.LoanRequest(
        world["members"][0], 19_000_000, 12, "Sửa nhà", applied_on=date(2026, 1, 6))).value
    window.resize(1366, 768)
    page = window.show_page("fund")
    opened: list = []
    monkeypatch.setattr(page, "_run", lambda d: (opened.append(d), d.show()))
    return window, page, loan, opened


def test_an_overpayment_is_shown_and_refunded(qtbot, overpaid, app_db, messages):
    window, page, loan, opened = overpaid
    repay = RepaymentDialog(app_db, window.bus, loan, page)
    qtbot.addWidget(repay)
    repay.show()
    QTest.keyClicks(repay.amount, "25000000")
    plan = repay.plan.text()
    assert "gốc 19.000.000" in plan and "trả thừa 6.000.000" in plan
    qtbot.waitUntil(lambda: repay.plan.width() > 0)
    # the whole allocation line is inside the dialog, wrapped to its width
    assert repay.plan.geometry().right() <= repay.contentsRect().right()
    assert repay.plan.height() >= repay.plan.heightForWidth(repay.plan.width())
    QTest.keyClick(repay, Qt.Key.Key_Return)
    assert repay.result() == repay.DialogCode.Accepted, messages.errors

    header = page.loans.headerData(COL_CREDIT, Qt.Orientation.Horizontal)
    assert header == "Tiền trả thừa"
    qtbot.waitUntil(lambda: page.loans.rowCount() == 1)
    assert page.loans.index(0, COL_CREDIT).data() == "6.000.000"
    page.loan_view.setCurrentIndex(page.loans.index(0, 0))
    assert page.act_refund_credit.text() == "Hoàn trả tiền thừa…"
    menu = page.loan_menu()
    assert page.act_refund_credit in menu.actions() and page.act_refund_credit.isEnabled()
    page.act_refund_credit.trigger()
    refund = opened[-1]
    qtbot.addWidget(refund)
    assert refund.amount.text() == "6.000.000"
    QTest.keyClick(refund, Qt.Key.Key_Return)
    assert refund.result() == refund.DialogCode.Accepted, messages.errors
    assert page.entries.item(0, 1).text() == "PC-2026-0002"
    assert page.entries.item(0, 2).text() == "Hoàn trả tiền thừa"
    qtbot.waitUntil(lambda: page.loans.index(0, COL_CREDIT).data() == "")
    assert ops.check(app_db).ok
