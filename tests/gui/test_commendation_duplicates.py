"""Adding the same person twice to a round warns at saving, not only afterwards in the checks
(issue 12 follow-up); the two-awards check is the first of the checks shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
from gui.commendations.dialogs import NomineeDialog
from gui.commendations.page import CommendationsPage
from tests.gui.conftest import type_text
from tests.gui.test_commendation_page import _when_dialog


def test_the_same_person_twice_warns_at_saving(qtbot, app_db, messages):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                               full_name="Đặng Hữu Lộc", unit_name="CĐCS UBND thị trấn Hồ Xá"))
    page = CommendationsPage(app_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._detail is not None)

    def fill(d: NomineeDialog) -> None:
        type_text(d.name, "Dang Huu Loc")
        type_text(d.unit, "CĐCS UBND thị trấn Hồ Xá")
        qtbot.keyClick(d.unit, Qt.Key.Key_Return)

    messages.answer = False  # "Không lưu"
    _when_dialog(NomineeDialog, fill)
    page.add_button.setFocus()
    qtbot.keyClick(page.add_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(messages.questions))
    assert messages.questions == [
        "Dang Huu Loc đã được đề nghị Giấy khen trong đợt «Khen thưởng năm 2023» (cùng năm, cùng cấp): "
        "một người, một tập thể không nhận hai hình thức cùng cấp trong một năm.\n\nVẫn lưu?"]
    assert messages.buttons == [("Vẫn lưu", "Không lưu")]
    assert len(ops.nominees(app_db, r.id)) == 1

    messages.answer = True  # "Vẫn lưu": saved, and the check heads the list
    _when_dialog(NomineeDialog, fill)
    qtbot.keyClick(page.add_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(ops.nominees(app_db, r.id)) == 2)
    qtbot.waitUntil(lambda: page._detail is not None and page._detail.row.full_name == "Dang Huu Loc")
    assert page.findings.item(0).text().startswith("✗ Cùng năm 2023, cùng cấp")
    assert messages.errors == []
