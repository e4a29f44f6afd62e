"""Smaller points (issue 12 follow-up): no redundant year after a round's name; no "0 tập thể,
cá nhân, 0 được duyệt"; the thresholds dialog says what the amounts are for; the failing
Creative Labour check states the threshold; attachments go next to the database."""

from __future__ import annotations

import os

from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
from core.common.paths import attachments_dir
from gui.commendations.dialogs import ThresholdsDialog
from gui.commendations.page import CommendationsPage


def test_round_label_info_thresholds_and_creative_labour_wording(qtbot, app_db):
    r = ops.create_round(app_db, RoundInput("Tổng kết phong trào Lao động giỏi, lao động sáng tạo năm 2026", 2026)).value
    ops.create_round(app_db, RoundInput("Khen thưởng chuyên đề", 2026))
    page = CommendationsPage(app_db)
    qtbot.addWidget(page)
    page.show()
    labels = sorted(page.round.itemText(i) for i in range(page.round.count()))
    assert labels == ["Khen thưởng chuyên đề (2026)",
                      "Tổng kết phong trào Lao động giỏi, lao động sáng tạo năm 2026"]
    page.round.set_value(r.id)
    assert page.round_info.text() == "Đợt này chưa có tập thể, cá nhân nào được đề nghị."

    n = ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.LAO_DONG_SANG_TAO,
                                                   full_name="Lê Thị Hương")).value
    lab = [f for f in ops.check_nominee(app_db, n.id) if f.rule == "creative_labour"]
    assert lab[0].message.endswith("(mức cần: 80.000.000 đồng trong một năm hoặc 120.000.000 đồng "
                                   "trong ba năm liên tiếp).")

    dialog = ThresholdsDialog(ops.thresholds(app_db))
    qtbot.addWidget(dialog)
    assert dialog.explanation.text().startswith("Giá trị làm lợi tối thiểu (đồng/năm)")


def test_attachments_never_go_to_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = attachments_dir("office.sqlite")
    assert folder.is_absolute() and folder == tmp_path.resolve() / "attachments"
    assert os.path.isabs(attachments_dir(tmp_path / "data" / "x.sqlite"))


def test_a_collective_hides_the_persons_fields(qtbot, app_db):
    from PySide6.QtCore import Qt

    from gui.commendations.dialogs import NomineeDialog
    from tests.gui.conftest import type_text

    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    d = NomineeDialog(r.forms, db=app_db)
    qtbot.addWidget(d)
    d.show()
    assert all(w.isVisible() for w in (d.name, d.member, d.position, d.tier))
    d.kind.set_value(NomineeKind.COLLECTIVE)
    assert not any(w.isVisible() for w in (d.name, d.member, d.position, d.tier))
    qtbot.keyClick(d.unit.lineEdit(), Qt.Key.Key_Return)  # no unit: said next to it
    assert d.isVisible() and d.unit_error.text() == "Hãy chọn đơn vị của tập thể (hoặc gõ tên tập thể)."
    type_text(d.unit.lineEdit(), "CĐCS Bệnh viện Đa khoa Vĩnh Linh")
    value = d.value()
    assert (value.kind, value.full_name, value.unit_name) == (
        NomineeKind.COLLECTIVE, "CĐCS Bệnh viện Đa khoa Vĩnh Linh", "CĐCS Bệnh viện Đa khoa Vĩnh Linh")
    d.kind.set_value(NomineeKind.INDIVIDUAL)
    assert d.name.isVisible() and d.position.isVisible()
