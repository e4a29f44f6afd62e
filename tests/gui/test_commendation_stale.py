"""The page marks a generated Tờ trình ✗ "cần tạo lại" once the proposal changed after it."""

from __future__ import annotations

from datetime import date

from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
from gui.commendations.page import CommendationsPage


def test_a_stale_totrinh_shows_as_to_be_made_again(qtbot, app_db, tmp_path):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.BANG_KHEN, full_name="Lê Thị Hương"))
    ops.write_totrinh(app_db, r.id, tmp_path / "tt.pdf", signed_on=date(2023, 12, 10))
    ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.BANG_KHEN, full_name="Võ Văn Đông"))
    page = CommendationsPage(app_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.file_list.count() > 0)
    assert page.file_list.item(0).text() == ("✗ Tờ trình kèm danh sách tập thể, cá nhân đề nghị khen thưởng"
                                             " — cần tạo lại: tt.pdf")
