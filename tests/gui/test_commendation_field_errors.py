"""Bad input is never refused silently (issue 12 follow-up): an empty name, an empty decision
number or a date like "tam duong" shows its Vietnamese reason next to the field, visibly."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.commendations import ops
from core.commendations.ops import RoundInput
from gui.commendations.dialogs import ApproveDialog, NomineeDialog
from tests.gui.conftest import type_text


def test_nominee_without_a_name_says_so_next_to_the_name(qtbot, app_db):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    d = NomineeDialog(r.forms, db=app_db)
    qtbot.addWidget(d)
    d.show()
    qtbot.keyClick(d.name, Qt.Key.Key_Return)
    assert d.isVisible() and d.name_error.isVisible()
    assert d.name_error.text() == "Hãy nhập họ và tên (hoặc tên tập thể)."
    assert d.focusWidget() is d.name
    type_text(d.name, "Đặng Hữu Lộc")
    type_text(d.initiatives, "LC-SK-2099-00001")
    qtbot.keyClick(d.initiatives, Qt.Key.Key_Return)
    assert d.isVisible() and not d.name_error.isVisible() and d.initiatives_error.isVisible()
    assert "LC-SK-2099-00001" in d.initiatives_error.text()


def test_approval_without_a_number_or_with_a_bad_date_says_so_next_to_the_field(qtbot):
    d = ApproveDialog(1, "QĐ-LĐLĐ")
    qtbot.addWidget(d)
    d.show()
    qtbot.keyClick(d.number, Qt.Key.Key_Return)
    assert d.isVisible() and d.number_error.isVisible()
    assert d.number_error.text() == "Hãy nhập số quyết định, ví dụ 25/QĐ-LĐLĐ."
    type_text(d.number, "25/QĐ-LĐLĐ")
    d.signed.setText("tam duong")
    qtbot.keyClick(d.number, Qt.Key.Key_Return)
    assert d.isVisible() and not d.number_error.isVisible() and d.signed_error.isVisible()
    assert d.signed_error.text() == "Ngày không hợp lệ: tam duong (dùng dạng dd/mm/yyyy)"
    assert d.focusWidget() is d.signed
