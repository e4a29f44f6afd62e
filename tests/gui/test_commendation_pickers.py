"""Finding a member and an initiative in the nominee dialog (issue 12 follow-up): "tran" typed
in the name offers the office's members tone-free without choosing the unit first, with the
birth date to tell namesakes apart; picking one fills unit, member and position; initiatives
are picked from the register by name or number rather than typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.commendations import ops
from core.commendations.ops import RoundInput
from core.initiatives import ops as initiative_ops
from core.initiatives.ops import AuthorInput, InitiativeInput, InitiativeKind
from gui.commendations.dialogs import NomineeDialog


def _offered(completer) -> list[str]:
    model = completer.completionModel()
    return [model.index(r, 0).data() for r in range(model.rowCount())] if completer.popup().isVisible() else []


def test_members_and_initiatives_are_found_tone_free(qtbot, app_db, sample_units):
    unit_id = next(iter(sample_units.values()))
    item = initiative_ops.save_initiative(app_db, InitiativeInput(
        name="Số hóa hồ sơ đoàn viên", kind=InitiativeKind.TECHNICAL, unit_id=unit_id,
        authors=[AuthorInput("Lê Thị Hương", share=100)], registered_on=date(2023, 3, 1))).value
    number = initiative_ops.initiative_detail(app_db, item).number
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    d = NomineeDialog(r.forms, db=app_db)
    qtbot.addWidget(d)
    d.show()
    assert d.unit.currentText() == ""  # no unit chosen first
    d.name.setFocus()
    QTest.keyClicks(d.name, "tran")
    assert _offered(d.member_completer) == ["Trần Thị Ánh — 15/01/1992 — CĐCS Trung tâm Y tế huyện Vĩnh Linh",
                                            "Hoàng Thị Thu Trang — 30/05/1995 — CĐCS Xã Vĩnh Thái"]
    QTest.keyClick(d.member_completer.popup(), Qt.Key.Key_Down)
    QTest.keyClick(d.member_completer.popup(), Qt.Key.Key_Return)
    assert d.name.text() == "Trần Thị Ánh"
    assert d.unit.chosen() == sample_units["VL-0002"]
    assert d.position.text() == "Điều dưỡng"
    assert d.born.isVisible() and d.born.text() == "Đoàn viên sinh ngày 15/01/1992, CĐCS Trung tâm Y tế huyện Vĩnh Linh"

    d.initiative_search.setFocus()
    QTest.keyClicks(d.initiative_search, "so hoa")
    offered = _offered(d.initiative_completer)
    assert offered == [f"{number} — Số hóa hồ sơ đoàn viên (đang xem xét)"]
    QTest.keyClick(d.initiative_completer.popup(), Qt.Key.Key_Down)
    QTest.keyClick(d.initiative_completer.popup(), Qt.Key.Key_Return)
    assert d.initiatives.text() == number and d.initiative_search.text() == ""
    qtbot.keyClick(d.initiatives, Qt.Key.Key_Return)  # saves
    assert not d.isVisible()
    value = d.value()
    assert value.member_id is not None and value.initiative_ids == (item,)


def test_member_list_is_loaded_once(qtbot, app_db, sample_units, monkeypatch):
    """Opening a nominee to edit, or picking a member from the search, reads the unit's
    member list once (the unit's change signal and the explicit call each read it)."""
    calls: list = []
    real = ops.member_choices

    def counted(db, unit_id):
        calls.append(unit_id)
        return real(db, unit_id)
    monkeypatch.setattr(ops, "member_choices", counted)
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    member = ops.search_members(app_db, "tran thi anh")[0]
    n = ops.add_nominee(app_db, r.id, ops.NomineeInput(
        ops.NomineeKind.INDIVIDUAL, ops.AwardForm.GIAY_KHEN, member_id=member.id)).value
    d = NomineeDialog(r.forms, db=app_db, current=ops.nominee_detail(app_db, n.id))
    qtbot.addWidget(d)
    assert calls == [sample_units["VL-0002"]]
    assert d.member.value() == member.id
    calls.clear()
    fresh = NomineeDialog(r.forms, db=app_db)
    qtbot.addWidget(fresh)
    fresh.show()
    fresh.name.setFocus()
    QTest.keyClicks(fresh.name, "tran thi anh")
    QTest.keyClick(fresh.member_completer.popup(), Qt.Key.Key_Down)
    QTest.keyClick(fresh.member_completer.popup(), Qt.Key.Key_Return)
    assert fresh.member.value() == member.id
    assert calls == [sample_units["VL-0002"]]
