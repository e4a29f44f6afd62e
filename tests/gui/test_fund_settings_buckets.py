"""The fund's rules dialog keeps every arrears bound: a fund given more than three (by the
CLI, ``--buckets 10,30,60,90,180``) shows a day field for each, and saving the dialog
unchanged — or changing another rule — keeps them all (it kept the first three)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.fund import ops
from gui.fund.dialogs import SettingsDialog
from tests.fund_helpers import make_world


def test_saving_the_rules_keeps_five_arrears_bounds(qtbot, app_db, messages):
    world = make_world(app_db, settings=ops.FundSettings(buckets="10,30,60,90,4000"))
    fund = ops.get_fund(app_db, world["fund_id"])
    dialog = SettingsDialog(app_db, None, fund)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [spin.value() for spin in dialog.buckets.days] == [10, 30, 60, 90, 4000]
    assert dialog.buckets.shown.text() == ("1–10 ngày, 11–30 ngày, 31–60 ngày, 61–90 ngày, "
                                           "91–4000 ngày, trên 4000 ngày")
    dialog.grace.setValue(5)  # another rule changed
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted, messages.errors
    saved = ops.get_fund(app_db, fund.id).settings
    assert (saved.buckets, saved.grace_days) == ("10,30,60,90,4000", 5)


def test_a_fund_with_two_bounds_still_offers_three_fields(qtbot, app_db):
    world = make_world(app_db)  # "30,90"
    dialog = SettingsDialog(app_db, None, ops.get_fund(app_db, world["fund_id"]))
    qtbot.addWidget(dialog)
    assert [spin.value() for spin in dialog.buckets.days] == [30, 90, 0]
    assert dialog.buckets.text() == "30,90"
