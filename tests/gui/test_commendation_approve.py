"""Approving from the page (issue 12 follow-up): the dialog lists the proposed nominees with
✓/✗ of their checks, ticks the selected ones that pass, needs an explicit tick (with a warning
naming what fails) for one failing a check, and says afterwards what was approved; a wrong
approval is undone with a reason ("Hủy duyệt")."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.commendations import ops, rules
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, NomineeStatus, RoundInput
from gui.commendations.dialogs import ApproveDialog, UnapproveDialog
from gui.commendations.page import CommendationsPage
from tests.gui.conftest import type_text
from tests.gui.test_commendation_page import _when_dialog


def _round(app_db):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    ids = []
    for name in ("CĐCS Trường THCS Hồ Xuân Hương", "CĐCS Bệnh viện Đa khoa Vĩnh Linh"):
        n = ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.COLLECTIVE, AwardForm.GIAY_KHEN,
                                                       full_name=name)).value
        for key, _label in rules.criteria_for(NomineeKind.COLLECTIVE):
            ops.set_criterion(app_db, n.id, key, True, "")
        ids.append(n.id)
    failing = ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                                         full_name="Đặng Hữu Lộc")).value
    return r, ids, failing.id


def _page(qtbot, app_db) -> CommendationsPage:
    page = CommendationsPage(app_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._detail is not None)
    return page


def test_approve_ticks_passing_selected_and_warns_before_a_failing_one(qtbot, app_db, messages):
    r, (first, second), failing = _round(app_db)
    page = _page(qtbot, app_db)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all three
    seen = {}

    def decide(d: ApproveDialog) -> None:
        items = [d.nominees.item(i) for i in range(d.nominees.count())]
        seen["texts"] = [i.text() for i in items]
        seen["ticks"] = [i.checkState() == Qt.CheckState.Checked for i in items]
        d.nominees.setFocus()
        d.nominees.setCurrentRow(2)
        qtbot.keyClick(d.nominees, Qt.Key.Key_Space)  # tick the failing one: a warning says why
        seen["warning"] = d.warning.text()
        qtbot.keyClick(d.nominees, Qt.Key.Key_Space)  # … and untick it again
        seen["after"] = d.warning.text()
        type_text(d.number, "25/QĐ-LĐLĐ")
        d.signed.setText("28/12/2023")
        qtbot.keyClick(d.number, Qt.Key.Key_Return)
    _when_dialog(ApproveDialog, decide)
    page.approve_button.setFocus()
    qtbot.keyClick(page.approve_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(messages.infos))
    assert seen["texts"] == ["✓ 1. CĐCS Trường THCS Hồ Xuân Hương — Giấy khen",
                             "✓ 2. CĐCS Bệnh viện Đa khoa Vĩnh Linh — Giấy khen",
                             "✗ 3. Đặng Hữu Lộc — Giấy khen"]
    assert seen["ticks"] == [True, True, False]
    assert seen["warning"].startswith("Đã đánh dấu dù chưa đạt — Đặng Hữu Lộc: ")
    assert "Chưa gắn sáng kiến nào với cá nhân này." in seen["warning"]
    assert seen["after"] == ""
    statuses = {n.id: n.status for n in ops.nominees(app_db, r.id)}
    assert statuses == {first: NomineeStatus.APPROVED, second: NomineeStatus.APPROVED,
                        failing: NomineeStatus.PROPOSED}
    assert messages.infos == ["Đã duyệt theo quyết định 25/QĐ-LĐLĐ: 2 tập thể, cá nhân — "
                              "CĐCS Trường THCS Hồ Xuân Hương, CĐCS Bệnh viện Đa khoa Vĩnh Linh."]
    assert messages.errors == []


def test_only_the_selected_nominee_is_ticked_and_undo_approval_needs_a_reason(qtbot, app_db, messages,
                                                                           tmp_path):
    r, (first, second), _ = _round(app_db)
    page = _page(qtbot, app_db)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)  # the second row only

    def decide(d: ApproveDialog) -> None:
        type_text(d.number, "25/QĐ-LĐLĐ")
        d.signed.setText("28/12/2023")
        qtbot.keyClick(d.number, Qt.Key.Key_Return)
    _when_dialog(ApproveDialog, decide)
    page.approve_button.setFocus()
    qtbot.keyClick(page.approve_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(messages.infos))
    assert [n.status for n in ops.nominees(app_db, r.id)][:2] == [NomineeStatus.PROPOSED, NomineeStatus.APPROVED]

    # The certificate was printed: undoing asks for the explicit tick, then goes back to proposed.
    ops.print_certificates(app_db, r.id, tmp_path / "in.pdf", nominee_ids=[second])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page._detail is not None and page._detail.row.id == second)
    steps: list[str] = []

    def undo(d: UnapproveDialog) -> None:
        if not d.printed.isVisible():
            qtbot.keyClick(d.reason, Qt.Key.Key_Return)  # no reason: said next to the field
            steps.append(d.error.text())
            type_text(d.reason, "Duyệt nhầm")
            qtbot.keyClick(d.reason, Qt.Key.Key_Return)
            _when_dialog(UnapproveDialog, undo)  # asked again: the certificate was printed
            return
        type_text(d.reason, "Duyệt nhầm")
        qtbot.keyClick(d.reason, Qt.Key.Key_Return)
        steps.append(d.error.text())
        d.printed.setFocus()
        qtbot.keyClick(d.printed, Qt.Key.Key_Space)
        qtbot.keyClick(d.reason, Qt.Key.Key_Return)
    _when_dialog(UnapproveDialog, undo)
    page.unapprove_button.setFocus()
    qtbot.keyClick(page.unapprove_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ops.nominee_detail(app_db, second).row.status == NomineeStatus.PROPOSED)
    assert steps == ["Cần ghi lý do hủy duyệt.",
                     "Đã in giấy khen/bằng khen: đánh dấu ô bên dưới để vẫn hủy duyệt."]
    assert ops.nominee_detail(app_db, second).note.endswith(": Duyệt nhầm")
    qtbot.waitUntil(lambda: any(page.findings.item(i).text().startswith("Hủy duyệt (Quyết định 25/QĐ-LĐLĐ")
                                for i in range(page.findings.count())))
    assert messages.errors == []
