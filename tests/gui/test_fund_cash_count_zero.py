"""A cash count that finds the till empty: "0", "00", "000" and "0.000" are all zero đồng.
The dialog showed the shortage for "0" only and nothing for "00" (while saving it recorded
the whole book as short): what it shows is now what it records."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.fund import ops
from gui.fund.dialogs import CashCountDialog
from tests.fund_helpers import START, make_world


def test_an_empty_till_typed_as_00_shows_and_records_the_whole_shortage(qtbot, app_db, messages):
    world = make_world(app_db, members=1, capital=5_000_000)
    fund = ops.get_fund(app_db, world["fund_id"])
    dialog = CashCountDialog(app_db, None, fund)
    qtbot.addWidget(dialog)
    dialog.show()
    for typed in ("0", "00", "000", "0.000"):
        dialog.counted.clear()
        QTest.keyClicks(dialog.counted, typed)
        assert dialog.difference.text() == "thiếu 5.000.000 đồng", typed
        assert dialog.counted.words.text() == "Không đồng", typed
    dialog.counted.clear()
    QTest.keyClicks(dialog.counted, "00")
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted, messages.errors
    [entry] = [e for e in ops.entries(app_db, fund.id) if e.kind == "count"]
    assert entry.money == -5_000_000 and entry.on == date.today() >= START
    assert ops.get_fund(app_db, fund.id).money == 0
