"""The "Khen thưởng" page driven from the keyboard: open it (Ctrl+4), create a round, add a
nominee (Ctrl+N), tick a criterion (Space), search ignoring tone marks (Ctrl+F), approve by
decision; the checks and the file update as the user goes."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from core.commendations import ops
from gui.commendations.dialogs import ApproveDialog, NomineeDialog, RoundDialog
from gui.commendations.page import CommendationsPage
from tests.gui.conftest import type_text


def _when_dialog(kind, act) -> None:
    """Run ``act(dialog)`` on the next modal dialog of ``kind`` once it is shown."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def _activate(qtbot, window) -> None:
    """After a modal dialog the window takes the keyboard again (offscreen needs telling)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_keyboard_round_nominee_criteria_search_and_approval(qtbot, window, messages):
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["commendations"]
    assert isinstance(page, CommendationsPage) and window.current_key() == "commendations"
    assert not page.add_button.isEnabled()  # no round yet
    assert "Chưa có đợt" in page.round_info.text()

    def make_round(d: RoundDialog) -> None:
        d.year.setValue(2023)
        assert d.name.text() == "Tổng kết phong trào Lao động giỏi, lao động sáng tạo năm 2023"
        qtbot.keyClick(d.name, Qt.Key.Key_Return)
    _when_dialog(RoundDialog, make_round)
    page.new_round_button.setFocus()
    qtbot.keyClick(page.new_round_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.round_id() is not None)
    assert page.add_button.isEnabled()

    for name, unit in (("Nguyễn Thị Ngọc Ánh", "CĐCS Trường THCS Hồ Xuân Hương"),
                       ("Đặng Hữu Lộc", "CĐCS UBND thị trấn Hồ Xá")):
        def fill(d: NomineeDialog, name=name, unit=unit) -> None:
            type_text(d.name, name)
            type_text(d.unit, unit)
            qtbot.keyClick(d.unit, Qt.Key.Key_Return)
        _when_dialog(NomineeDialog, fill)
        _activate(qtbot, window)
        page.table.setFocus()
        qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda name=name: any(page.model.row_at(r).full_name == name
                                              for r in range(page.model.rowCount())))
    assert page.model.rowCount() == 2

    # The first nominee: two criteria unmet, no initiative linked — said in Vietnamese.
    _activate(qtbot, window)
    qtbot.keyClick(page.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page._detail is not None and page._detail.row.full_name == "Nguyễn Thị Ngọc Ánh")
    texts = [page.findings.item(i).text() for i in range(page.findings.count())]
    assert "✗ Chưa đạt tiêu chuẩn: Chấp hành tốt chủ trương của Đảng, pháp luật, quy định của Công đoàn." in texts
    assert "✗ Chưa gắn sáng kiến nào với cá nhân này." in texts
    page.criteria.setFocus()
    page.criteria.setCurrentRow(1)
    qtbot.keyClick(page.criteria, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: any(page.findings.item(i).text().startswith("✓ Đạt: Chấp hành tốt")
                                for i in range(page.findings.count())))
    files = [page.file_list.item(i).text() for i in range(page.file_list.count())]
    assert "✗ Tóm tắt sáng kiến và quyết định công nhận sáng kiến" in files

    # Search without tone marks.
    _activate(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    type_text(page.search, "huu loc")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).full_name == "Đặng Hữu Lộc"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)

    # The second one is not approved (the decision's number and date recorded).
    _activate(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page._detail is not None and page._detail.row.full_name == "Đặng Hữu Lộc")

    def refuse(d: ApproveDialog) -> None:
        assert d.windowTitle() == "Không duyệt theo quyết định"
        type_text(d.number, "24/QĐ-LĐLĐ")
        d.signed.setText("27/12/2023")
        qtbot.keyClick(d.number, Qt.Key.Key_Return)
    _when_dialog(ApproveDialog, refuse)
    page.reject_button.setFocus()
    qtbot.keyClick(page.reject_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(1, 4)) == "Không được khen thưởng")

    def decide(d: ApproveDialog) -> None:
        # She fails a check (no initiative linked): listed unticked, approved only when ticked.
        assert d.nominees.count() == 1 and d.nominees.item(0).text().startswith("✗ 1. Nguyễn Thị Ngọc Ánh")
        d.nominees.setFocus()
        d.nominees.setCurrentRow(0)
        qtbot.keyClick(d.nominees, Qt.Key.Key_Space)
        assert "Chưa gắn sáng kiến nào với cá nhân này." in d.warning.text()
        type_text(d.number, "25/QĐ-LĐLĐ")
        d.signed.setText("28/12/2023")
        qtbot.keyClick(d.number, Qt.Key.Key_Return)
    _when_dialog(ApproveDialog, decide)
    page.approve_button.setFocus()
    qtbot.keyClick(page.approve_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 4)) == "Được khen thưởng")
    assert ops.get_round(page.db, page.round_id()).approved == 1
    assert "2 tập thể, cá nhân được đề nghị; 1 được duyệt" in page.round_info.text()
    assert page.model.data(page.model.index(1, 5)) == "24/QĐ-LĐLĐ (27/12/2023)"
    assert page.model.data(page.model.index(0, 5)) == "25/QĐ-LĐLĐ (28/12/2023)"
    assert messages.errors == []


def test_certificate_dialog_previews_without_issuing_numbers(qtbot, app_db, tmp_path):
    from datetime import date

    from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
    from gui.commendations.printing import CertificateDialog

    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                               full_name="Nguyễn Thị Ngọc Ánh"))
    ops.approve(app_db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28))
    dialog = CertificateDialog(app_db, r.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.stock.setChecked(True)
    dialog.dx.setValue(3)
    dialog.dy.setValue(-2)
    job = dialog.preview()
    qtbot.waitUntil(lambda: dialog.document.pageCount() == 1, timeout=20_000)
    assert job is not None and "01/2023" in dialog.summary.text()
    assert ops.certificate_register(app_db) == []  # a preview issues nothing
    qtbot.keyClick(dialog.save_calibration, Qt.Key.Key_Space)
    assert ops.calibration(app_db, dialog.printer.currentText()) == ops.Calibration(
        dialog.printer.currentText(), 3, -2)


def test_nominee_dialog_links_initiatives_by_register_number(qtbot, app_db, sample_units, messages):
    from datetime import date

    from core.commendations.ops import AwardForm, RoundInput
    from core.initiatives import ops as initiative_ops
    from core.initiatives.ops import AuthorInput, InitiativeInput, InitiativeKind

    unit_id = next(iter(sample_units.values()))
    done = initiative_ops.save_initiative(app_db, InitiativeInput(
        name="Số hóa hồ sơ đoàn viên", kind=InitiativeKind.TECHNICAL, unit_id=unit_id,
        authors=[AuthorInput("Lê Thị Hương", share=100)], registered_on=date(2023, 3, 1),
        economic_benefit=90_000_000))
    number = initiative_ops.initiative_detail(app_db, done.value).number
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    dialog = NomineeDialog(r.forms, db=app_db)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name, "Lê Thị Hương")
    dialog.award.set_value(AwardForm.LAO_DONG_SANG_TAO)
    type_text(dialog.initiatives, "VL-SK-1999-99999")
    qtbot.keyClick(dialog.initiatives, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.initiatives_error.text() == "Không có sáng kiến số VL-SK-1999-99999 trong sổ theo dõi sáng kiến."
    dialog.initiatives.clear()
    type_text(dialog.initiatives, number.lower())
    qtbot.keyClick(dialog.initiatives, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == 1
    n = ops.add_nominee(app_db, r.id, dialog.value()).value
    linked = ops.nominee_detail(app_db, n.id).initiatives
    assert [i.number for i in linked] == [number]
    # Not yet valid (hợp lệ): flagged, and it does not count for Creative Labour.
    assert any(f.rule == "initiative" and not f.ok for f in ops.check_nominee(app_db, n.id))
    # Its summary is generated into the file from the page.
    page = CommendationsPage(app_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._detail is not None)
    assert "✗ Tóm tắt sáng kiến và quyết định công nhận sáng kiến" in [
        page.file_list.item(i).text() for i in range(page.file_list.count())]
    page.summaries_button.setFocus()
    qtbot.keyClick(page.summaries_button, Qt.Key.Key_Space)
    assert messages.infos == ["Đã lập tóm tắt sáng kiến vào hồ sơ của 1 cá nhân."]
    assert any(page.file_list.item(i).text().startswith("✓ Tóm tắt sáng kiến và quyết định công nhận sáng kiến: tom-tat-sang-kien-")
               for i in range(page.file_list.count()))


def test_import_list_previews_then_imports_into_the_round(qtbot, app_db, tmp_path, messages):
    from tests.gui.test_import_flow import ended
    from tests.test_commendation_cli import messy_list

    r = ops.create_round(app_db, ops.RoundInput("Tổng kết phong trào Lao động giỏi, lao động sáng tạo năm 2023", 2023)).value
    page = CommendationsPage(app_db)
    qtbot.addWidget(page)
    page.show()
    page.import_list(str(messy_list(tmp_path / "de-nghi.xlsx")))
    flow = page.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None and flow.preview_dialog.isVisible(), timeout=20_000)
    summary = flow.preview_dialog.summary.text()
    assert "Sẵn sàng nhập: 3" in summary and "Bị từ chối: 1" in summary
    assert ops.get_round(app_db, r.id).nominees == 0  # the check wrote nothing
    check = flow.last_job
    flow.preview_dialog.import_button.click()
    qtbot.waitUntil(lambda: flow.last_job is not check, timeout=20_000)
    assert ended(qtbot, flow.last_job) == "succeeded", messages.errors
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.model.row_at(0).full_name == "Nguyễn Thị Ngọc Ánh"


def test_thresholds_dialog_saves_and_the_checks_follow(qtbot, app_db, sample_units):
    from datetime import date

    from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
    from core.initiatives import ops as initiative_ops
    from core.initiatives.ops import AuthorInput, InitiativeInput, InitiativeKind, InitiativeStatus
    from gui.commendations.dialogs import ThresholdsDialog

    unit_id = next(iter(sample_units.values()))
    item = initiative_ops.save_initiative(app_db, InitiativeInput(
        name="Số hóa hồ sơ đoàn viên", kind=InitiativeKind.TECHNICAL, unit_id=unit_id,
        authors=[AuthorInput("Lê Thị Hương", share=100)], registered_on=date(2023, 3, 1),
        economic_benefit=70_000_000)).value
    initiative_ops.set_status(app_db, [item], InitiativeStatus.VALID)
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.LAO_DONG_SANG_TAO,
                                               full_name="Lê Thị Hương", initiative_ids=(item,)))
    page = CommendationsPage(app_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._detail is not None)
    assert any(page.findings.item(i).text().startswith("✗ Bằng Lao động sáng tạo: chưa đạt")
               for i in range(page.findings.count()))

    def lower(d: ThresholdsDialog) -> None:
        assert d.boxes["worker"].value() == 80_000_000
        d.boxes["worker"].setValue(60_000_000)
        qtbot.keyClick(d.boxes["leader"], Qt.Key.Key_Return)
    _when_dialog(ThresholdsDialog, lower)
    page.thresholds_button.setFocus()
    qtbot.keyClick(page.thresholds_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ops.thresholds(app_db).worker == 60_000_000)
    qtbot.waitUntil(lambda: any(page.findings.item(i).text().startswith("✓ Bằng Lao động sáng tạo")
                                for i in range(page.findings.count())))


def test_nominee_dialog_picks_a_unit_and_a_member(qtbot, app_db, sample_units):
    from core.commendations.ops import AwardForm, NomineeKind, RoundInput
    from core.org import members as org_members

    unit_id = next(iter(sample_units.values()))
    with app_db.transaction() as s:
        member = org_members.add_member(s, org_members.MemberInput("Hoàng Thị Phượng", unit_id, position="Tổ trưởng"))
        s.flush()
        member_id = member.id
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    dialog = NomineeDialog(r.forms, db=app_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.unit.select(unit_id)
    index = dialog.member.index_of(member_id)
    assert index > 0 and dialog.member.value_at(0) is None
    dialog.member.setCurrentIndex(index)
    dialog.member.activated.emit(index)
    assert dialog.name.text() == "Hoàng Thị Phượng"
    dialog.award.set_value(AwardForm.GIAY_KHEN)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == 1
    n = ops.nominee_detail(app_db, ops.add_nominee(app_db, r.id, dialog.value()).value.id)
    assert (n.member_id, n.unit_id, n.row.position) == (member_id, unit_id, "Tổ trưởng")
    # A collective: the unit chosen is the name.
    dialog = NomineeDialog(r.forms, db=app_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.set_value(NomineeKind.COLLECTIVE)
    dialog.unit.select(unit_id)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == 1
    row = ops.add_nominee(app_db, r.id, dialog.value()).value
    assert row.full_name == dialog.unit.currentText().rpartition(" (")[0] and row.kind == NomineeKind.COLLECTIVE


def test_evidence_note_dialog_keeps_enter_saves_with_ctrl_s_and_asks_only_after_a_change(
        qtbot, app_db, messages):
    """A double click on a criterion opens ``EvidenceDialog`` (a FormDialog, no longer a
    one-line QInputDialog): Enter makes a new line, Ctrl+S saves both lines, Esc closes an
    untouched note at once and asks after a change."""
    from PySide6.QtWidgets import QDialog

    from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
    from gui.commendations.dialogs import EvidenceDialog

    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    nominee = ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                                         full_name="Lê Thị Hương")).value
    page = CommendationsPage(app_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._detail is not None)
    ctrl = Qt.KeyboardModifier.ControlModifier
    seen: list[str] = []

    def untouched(d: EvidenceDialog) -> None:
        seen.append(d.windowTitle())
        assert d.focusWidget() is d.note and d.criterion.text() == page._detail.criteria[0].label
        qtbot.keyClick(d.note, Qt.Key.Key_Escape)
        assert not d.isVisible() and messages.questions == []
    _when_dialog(EvidenceDialog, untouched)
    page.criteria.itemDoubleClicked.emit(page.criteria.item(0))
    assert seen == ["Minh chứng"]

    def write(d: EvidenceDialog) -> None:
        type_text(d.note, "Giấy khen số 12/GK-LĐLĐ")
        qtbot.keyClick(d.note, Qt.Key.Key_Return)  # a new line, not a save
        assert d.isVisible()
        type_text(d.note, "ngày 03/5/2023")
        messages.answer = False  # "Tiếp tục sửa"
        qtbot.keyClick(d.note, Qt.Key.Key_Escape)
        assert d.isVisible() and len(messages.questions) == 1
        d.activateWindow()  # Ctrl+S is a shortcut of the active window (offscreen needs telling)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is d)
        qtbot.keyClick(d.note, Qt.Key.Key_S, ctrl)
        assert not d.isVisible() and d.result() == QDialog.DialogCode.Accepted
    _when_dialog(EvidenceDialog, write)
    page.criteria.itemDoubleClicked.emit(page.criteria.item(0))
    note = ops.nominee_detail(app_db, nominee.id).criteria[0].note
    assert note == "Giấy khen số 12/GK-LĐLĐ\nngày 03/5/2023"
    qtbot.waitUntil(lambda: page.criteria.item(0).text().endswith("ngày 03/5/2023"))
