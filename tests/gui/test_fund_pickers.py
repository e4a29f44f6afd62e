"""Pickers of the fund page: the borrower typed word by word, tones optional (no jump to the
first name on a space), and the funds list filtered by a tone-free search box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.org.members import MemberInput, add_member
from gui.fund.dialogs import LoanDialog
from tests.fund_helpers import make_world
from tests.gui.conftest import type_text


def test_the_borrower_is_picked_by_the_words_typed(qtbot, window, app_db, messages):
    world = make_world(app_db, members=1, capital=60_000_000)
    with app_db.transaction() as s:
        for name in ("Trần Diệu Thanh", "Trần Thị Tuyết", "Trần Thị Thu"):
            add_member(s, MemberInput(full_name=name, unit_id=world["unit_id"]))
    page = window.show_page("fund")
    dialog = LoanDialog(app_db, window.bus, page.current_fund(), page)
    qtbot.addWidget(dialog)
    dialog.show()
    line = dialog.member.lineEdit()
    line.selectAll()
    QTest.keyClick(line, Qt.Key.Key_Backspace)
    type_text(line, "Trần ")
    assert dialog.member.currentText() == "Trần "  # a space does not pick the first Trần
    type_text(line, "Thị T")
    offered = dialog.member.folded_completer.filter
    assert sorted(offered.index(r, 0).data() for r in range(offered.rowCount())) == [
        "Trần Thị Thu", "Trần Thị Tuyết"]
    type_text(line, "uyết")
    assert dialog.member.currentText() == "Trần Thị Tuyết"
    tuyet = dialog.member.currentData()
    assert tuyet is not None and dialog.member.itemText(dialog.member.findData(tuyet)) == "Trần Thị Tuyết"
    line.selectAll()
    QTest.keyClick(line, Qt.Key.Key_Backspace)
    type_text(line, "tran thi tuyet")  # without tones
    assert dialog.member.currentData() == tuyet
    assert dialog.request().borrower_id == tuyet  # what the loan is written for
    assert dialog.guarantor.currentData() is None  # "—": no guarantor


def test_the_funds_list_has_a_tone_free_search(qtbot, window, app_db):
    make_world(app_db, code="VL01")
    make_world(app_db, code="VL02")
    page = window.show_page("fund")
    assert page.funds.rowCount() == 2
    type_text(page.fund_search, "truong tieu hoc vl02")
    shown = [r for r in range(page.funds.rowCount()) if not page.funds.isRowHidden(r)]
    assert [page.funds.item(r, 1).text() for r in shown] == ["VL-QTH-VL02"]
    assert page.current_fund().code == "VL-QTH-VL02"
    page.fund_search.clear()
    assert not any(page.funds.isRowHidden(r) for r in range(2))
