"""Issue 10 (a clerk's first hour), points 1, 2, 4, 6 and 10, driven with the keys a clerk
presses: Enter saves, Ctrl+S saves, Esc asks only after a change and its buttons say what
they do, Lưu before Hủy, unique mnemonics in every dialog; tone-free pickers with no red line
while typing; a unit's member count kept; sorting by Số; and the smaller points."""

from __future__ import annotations

import inspect
import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)

from core.common.text import fold
from gui.common import widgets
from gui.common.forms import FormDialog
from gui.initiatives.form import TAB_AUTHORS, TAB_CONTENT, InitiativeDialog
from gui.initiatives.page import RegisterPage
from tests.gui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
REAL_CONFIRM = widgets.confirm  # taken before the fixtures replace it


# --- helpers --------------------------------------------------------------------------------
def activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def close_popups() -> None:
    """Esc on an open completion list, as a clerk leaving it would."""
    while QApplication.activePopupWidget() is not None:
        QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)


def visible(parent: QWidget, kind: type) -> list:
    return [d for d in parent.findChildren(kind) if d.isVisible()]


def key(widget: QWidget, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, k, modifier)


@pytest.fixture
def register(qtbot, app_db, sample_units):
    page = RegisterPage(app_db)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    activate(qtbot, page)
    return page


def new_form(qtbot, page) -> InitiativeDialog:
    """Ctrl+N on the register: the form, active, focus in the name."""
    activate(qtbot, page)
    page.table.setFocus()
    key(page.table, Qt.Key.Key_N, CTRL)
    [dialog] = visible(page, InitiativeDialog)
    activate(qtbot, dialog)
    return dialog


def fill_by_keys(qtbot, dialog: InitiativeDialog, name: str) -> None:
    """Name, unit (typed without tones, picked with Down and Enter) and one author."""
    type_text(dialog.name, name)
    key(dialog.name, Qt.Key.Key_Tab)
    edit = dialog.unit.lineEdit()
    edit.setFocus()
    QTest.keyClicks(edit, "ho xuan")
    popup = dialog.unit.completer().popup()
    assert popup.isVisible()
    key(popup, Qt.Key.Key_Down)
    key(popup, Qt.Key.Key_Return)
    dialog.tabs.setCurrentIndex(TAB_AUTHORS)
    first = dialog.authors.rows[0]
    first.name.setFocus()
    type_text(first.name, "Lê Thị Hương")
    close_popups()
    dialog.tabs.setCurrentIndex(0)
    dialog.name.setFocus()


# --- point 1: the form's keys ------------------------------------------------------------------
def test_initiative_form_enter_saves_esc_asks_only_after_a_change(qtbot, register, messages):
    page = register
    dialog = new_form(qtbot, page)
    save = dialog.save_button
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert save.text() == "Lưu" and save.isDefault() and not cancel.autoDefault()
    assert cancel.text() == "Hủy"
    # Lưu comes before Hủy in the tab order.
    save.setEnabled(True)
    save.setFocus()
    key(save, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is cancel
    dialog._refresh()

    # Nothing changed: Esc closes at once, no question.
    dialog.name.setFocus()
    key(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and messages.questions == []

    # Something typed: Esc asks, with buttons that say what they do; "keep editing" keeps it.
    dialog = new_form(qtbot, page)
    type_text(dialog.name, "Số hóa hồ sơ đoàn viên")
    messages.answer = False
    key(dialog.name, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert messages.questions == ["Các thay đổi của sáng kiến này chưa được lưu. Bỏ các thay đổi đó?"]
    assert messages.buttons == [("Bỏ thay đổi", "Tiếp tục sửa")]

    # Enter while something is missing: nothing saved, the problems shown.
    key(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.errors["unit"].text() == "Hãy chọn công đoàn cơ sở của sáng kiến."

    # Filled in: Enter in the name saves.
    dialog.name.clear()
    fill_by_keys(qtbot, dialog, "Số hóa hồ sơ đoàn viên")
    assert dialog.save_button.isEnabled(), dialog.hint.text()
    key(dialog.name, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)

    # Enter in a multi-line box is a new line; Ctrl+S saves from there.
    dialog = new_form(qtbot, page)
    fill_by_keys(qtbot, dialog, "Cải tiến quy trình tiếp nhận hồ sơ")
    dialog.tabs.setCurrentIndex(TAB_CONTENT)
    dialog.objective.setFocus()
    QTest.keyClicks(dialog.objective, "Giam thoi gian")
    key(dialog.objective, Qt.Key.Key_Return)
    QTest.keyClicks(dialog.objective, "cho doan vien")
    assert dialog.isVisible() and dialog.objective.toPlainText() == "Giam thoi gian\ncho doan vien"
    key(dialog.objective, Qt.Key.Key_S, CTRL)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)


def test_every_dialog_keeps_enter_ctrl_s_and_lưu_before_hủy(qtbot, app_db, sample_units, messages):
    """The organisation dialogs: Enter saves a member, Ctrl+S saves a unit, Esc on an
    untouched dialog asks nothing."""
    from gui.org.page import OrganisationPage

    page = OrganisationPage(app_db)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    activate(qtbot, page)
    page.select_unit(sample_units["VL-0001"])
    page.table.setFocus()
    key(page.table, Qt.Key.Key_N, CTRL)
    [dialog] = visible(page, QDialog)
    activate(qtbot, dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    ok.setFocus()
    key(ok, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is cancel
    dialog.full_name.setFocus()
    key(dialog.full_name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and messages.questions == []


def _mnemonic(text: str) -> str | None:
    """The letter after a single & ("&&" is a plain ampersand), folded (Đ → d)."""
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return fold(match.group(1)) if match else None


def mnemonic_clashes(dialog: QWidget) -> list[tuple[str, list[str]]]:
    """Mnemonics used twice among the controls a clerk can reach at once: those outside any
    tab page together with those of one tab page (a hidden page's labels take no Alt keys)."""
    tab_pages: list[QWidget] = []
    owners: dict[int, list[str]] = {}
    for tabs in dialog.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tab_pages.append(tabs.widget(i))
            owners.setdefault(id(None), []).append(tabs.tabText(i).replace(" ⚠", ""))

    def page_of(widget: QWidget) -> QWidget | None:
        parent = widget.parentWidget()
        while parent is not None and parent is not dialog:
            if parent in tab_pages:
                return parent
            parent = parent.parentWidget()
        return None

    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        if _mnemonic(text):
            owners.setdefault(id(page_of(widget)), []).append(text)
    clashes: set[tuple[str, tuple[str, ...]]] = set()
    common = owners.get(id(None), [])
    groups = [common] + [common + texts for k, texts in owners.items() if k != id(None)]
    for texts in groups:
        seen: dict[str, list[str]] = {}
        for text in texts:
            letter = _mnemonic(text)
            if letter:
                seen.setdefault(letter, []).append(text)
        clashes |= {(letter, tuple(sorted(t))) for letter, t in seen.items() if len(t) > 1}
    return sorted(clashes)


def test_the_mnemonic_walk_finds_a_letter_used_twice(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    tabs = QTabWidget(dialog)
    page = QWidget()
    tabs.addTab(page, "&Tác giả")
    QLabel("&Tên:", page)
    QLabel("Lĩnh &vực:", dialog)
    assert mnemonic_clashes(dialog) == [("t", ("&Tác giả", "&Tên:"))]
    assert _mnemonic("Khen thưởn&g") == "g" and _mnemonic("A && B") is None and _mnemonic("Đơ&n") == "n"


def _all_dialog_classes() -> set[type]:
    import importlib
    import pkgutil

    import gui

    found: set[type] = set()
    for info in pkgutil.walk_packages(gui.__path__, "gui."):
        module = importlib.import_module(info.name)
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, QDialog) and obj.__module__ == module.__name__:
                found.add(obj)
    return found


def test_every_dialog_has_unique_mnemonics(sample_units, window, qtbot, app_db, tmp_path, monkeypatch):
    """Opens every dialog the app has (the translation walk's list, plus the targets grid,
    the restore and crash dialogs) and walks their mnemonics in Vietnamese."""
    from core.common import backups
    from gui.common import jobs
    from gui.common.backup_dialog import RestoreDialog
    from gui.common.crash import CrashDialog
    from gui.common.import_preview import ImportPreviewDialog
    from gui.org.first_run import FirstRunDialog
    from tests.gui.test_import_flow import FakeRejected, FakeResult
    from tests.gui.test_register_form import register_dialogs

    page = window.show_page("organisation")
    page.select_unit(sample_units["VL-0001"])
    roots: list[QWidget] = [page.add_unit(), page.edit_unit(), page.merge_unit(), page.show_history(),
                            page.add_member()]
    page.select_member(page.member_model.member_at(0).id)
    roots.append(page.edit_member())
    result = FakeResult(accepted=[1], skipped=[2], rejected=[FakeRejected(4, "Thiếu tên đơn vị.", {"Mã": "X"})])
    roots.append(ImportPreviewDialog(result, tmp_path / "don-vi.xlsx", "đơn vị"))
    roots += register_dialogs(window, sample_units, tmp_path)
    roots.append(jobs.ProgressDialog(jobs.Job(lambda ctx: None), "Đang kiểm tra tệp…"))
    roots.append(FirstRunDialog(app_db))
    roots.append(RestoreDialog(backups.list_backups(app_db.path), window))
    roots.append(CrashDialog("chi tiết", None))
    from gui.common.backup_dialog import BackupSettingsDialog
    from gui.common.help_viewer import HelpDialog

    roots.append(BackupSettingsDialog(backups.keep_counts(app_db), window))
    roots.append(HelpDialog(window))
    dashboard = window.show_page("targets")
    qtbot.waitUntil(lambda: not dashboard.busy, timeout=10_000)
    grid = dashboard.edit_targets()
    assert grid is not None
    qtbot.waitUntil(lambda: not grid.loading, timeout=10_000)
    roots.append(grid)
    roots += _fund_commendation_sync_dialogs(app_db, sample_units)
    dialogs = [r for r in roots if isinstance(r, QDialog)]
    for dialog in dialogs:
        if dialog.parent() is None:
            qtbot.addWidget(dialog)

    # Every dialog class of gui/ was opened (a new dialog must join this walk).
    missing = {c.__name__ for c in _all_dialog_classes() if not any(isinstance(d, c) for d in dialogs)}
    assert missing == set()
    # The walk sees the mnemonics (so it looks at the right things) …
    form = next(d for d in dialogs if isinstance(d, InitiativeDialog))
    assert _mnemonic(form.tabs.tabText(0)) and len([w for w in form.findChildren(QLabel) if _mnemonic(w.text())]) > 10
    # … and finds none used twice.
    assert {type(d).__name__: mnemonic_clashes(d) for d in dialogs if mnemonic_clashes(d)} == {}
    # The edit forms share one behaviour (gui.common.forms.FormDialog).
    for name in ("InitiativeDialog", "MemberDialog", "UnitDialog", "PhasesDialog", "RejectDialog",
                 "TargetsGridDialog", "MergeDialog",
                 # issue 11's fund, issue 12's commendations
                 "FundDialog", "ContributionDialog", "LoanDialog", "RepaymentDialog", "ReverseDialog",
                 "WriteOffDialog", "RescheduleDialog", "CashCountDialog", "LockDialog", "SettingsDialog",
                 "RoundDialog", "NomineeDialog", "ApproveDialog", "ThresholdsDialog", "UnapproveDialog",
                 "TotrinhDialog", "DecisionChoiceDialog", "EvidenceDialog",
                 # issue 13's sync page
                 "NewPassphraseDialog", "EnrolDialog", "RemoveEnrolmentDialog"):
        assert any(type(d).__name__ == name and isinstance(d, FormDialog) for d in dialogs), name
    for dialog in dialogs:
        if dialog.isVisible():
            dialog.done(0)


def _fund_commendation_sync_dialogs(app_db, sample_units) -> list[QWidget]:
    """The dialogs of the fund (issue 11), commendations (issue 12) and sync (issue 13)
    pages, open on data made with their core ops (as tests/gui/test_fund_page.py,
    test_commendation_page.py and test_sync_page.py do)."""
    from core.commendations import ops as cops
    from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
    from core.fund import ops as fops
    from core.sync.ops import PackageOutcome
    from gui.commendations.dialogs import (
        ApproveDialog,
        DecisionChoiceDialog,
        EvidenceDialog,
        NomineeDialog,
        RoundDialog,
        ThresholdsDialog,
        TotrinhDialog,
        UnapproveDialog,
    )
    from gui.commendations.printing import CertificateDialog
    from gui.common.pdf_preview import PdfPreviewDialog
    from gui.fund import dialogs as fd
    from gui.sync.dialogs import EnrolDialog, NewPassphraseDialog, RemoveEnrolmentDialog
    from gui.sync.page import PreviewDialog
    from tests.fund_helpers import make_world

    world = make_world(app_db, members=2, capital=60_000_000)
    fund = fops.get_fund(app_db, world["fund_id"])
    loan = fops.lend(app_db, fund.id, fops.LoanRequest(world["members"][0], 6_000_000, 6, "Chăn nuôi",
                                                       applied_on=date(2026, 1, 6))).value
    entry = fops.repay(app_db, loan.id, 1_000_000, date(2026, 2, 6)).value
    roots: list[QWidget] = [
        fd.FundDialog(app_db, None), fd.ContributionDialog(app_db, None, fund),
        fd.LoanDialog(app_db, None, fund), fd.RepaymentDialog(app_db, None, loan),
        fd.ReverseDialog(app_db, None, entry), fd.WriteOffDialog(app_db, None, loan),
        fd.RescheduleDialog(app_db, None, loan), fd.CashCountDialog(app_db, None, fund),
        fd.LockDialog(app_db, None, fund), fd.SettingsDialog(app_db, None, fund),
        fd.LoanDecisionDialog(app_db, None, loan, "reject"), fd.RefundCreditDialog(app_db, None, loan),
        fd.BookPeriodDialog(today=date(2026, 2, 6))]
    r = cops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    nominee = cops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                                          full_name="Nguyễn Thị Ngọc Ánh")).value
    roots += [RoundDialog(), NomineeDialog(r.forms, db=app_db),
              NomineeDialog(r.forms, db=app_db, current=cops.nominee_detail(app_db, nominee.id)),
              ApproveDialog(1, "QĐ-LĐLĐ"), ApproveDialog(1, "QĐ-LĐLĐ", name="Nguyễn Thị Ngọc Ánh"),
              ApproveDialog(1, "QĐ-LĐLĐ", candidates=cops.check_round(app_db, r.id)),
              UnapproveDialog("Nguyễn Thị Ngọc Ánh", "25/QĐ-LĐLĐ", printed=True), TotrinhDialog(app_db),
              ThresholdsDialog(cops.thresholds(app_db)), CertificateDialog(app_db, r.id),
              DecisionChoiceDialog([cops.RoundDecision("45/QĐ-LĐLĐ", date(2023, 12, 20), 2),
                                    cops.RoundDecision("46/QĐ-LĐLĐ", date(2023, 12, 28), 1)]),
              EvidenceDialog(cops.nominee_detail(app_db, nominee.id).criteria[0].label, "Giấy khen số 12"),
              PdfPreviewDialog(b"%PDF-1.4\n%%EOF\n", title="Tờ trình", file_name="to-trinh.pdf"),
              PreviewDialog([PackageOutcome("VL-gui-QT.scdpkg", "VL", 1, "applied", "", 3, 0, 0, 0, 0, ())]),
              NewPassphraseDialog("Tạo khoá cho văn phòng tỉnh", "…", "Tạo khoá"), EnrolDialog(),
              RemoveEnrolmentDialog([("VL", "LĐLĐ huyện Vĩnh Linh (VL)"), ("HH", "")], "HH")]
    for root in roots:
        root.show()
    return roots


def test_fund_and_commendation_dialogs_keep_the_keys(qtbot, app_db, sample_units, messages):
    """Issue 10's keys in issue 11's and 12's dialogs: Esc closes an untouched one at once,
    asks after a change; Ctrl+S runs the fund's use case; Enter saves a round."""
    from core.commendations import ops as cops
    from core.fund import ops as fops
    from gui.commendations.dialogs import RoundDialog
    from gui.fund.dialogs import CashCountDialog
    from tests.fund_helpers import make_world

    world = make_world(app_db, members=1, capital=5_000_000)
    fund = fops.get_fund(app_db, world["fund_id"])
    dialog = CashCountDialog(app_db, None, fund)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    dialog.counted.setFocus()
    key(dialog.counted, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and messages.questions == []

    dialog = CashCountDialog(app_db, None, fund)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    dialog.counted.setFocus()
    QTest.keyClicks(dialog.counted, "4900000")
    messages.answer = False
    key(dialog.counted, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(messages.questions) == 1
    dialog.on.set_value(date(2026, 2, 1))
    key(dialog.counted, Qt.Key.Key_S, CTRL)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted, messages.errors
    assert [(e.on, e.amount) for e in fops.entries(app_db, fund.id) if e.on == date(2026, 2, 1)] \
        == [(date(2026, 2, 1), -100_000)]  # the count's shortfall, posted

    rounds = RoundDialog()
    qtbot.addWidget(rounds)
    rounds.show()
    activate(qtbot, rounds)
    rounds.name.setFocus()
    key(rounds.name, Qt.Key.Key_Return)
    assert rounds.result() == QDialog.DialogCode.Accepted
    cops.create_round(app_db, rounds.value())
    assert [r.name for r in cops.rounds(app_db)] == [rounds.name.text()]


# --- point 2: tone-free pickers --------------------------------------------------------------
def _offered(completer) -> list[str]:
    model = completer.completionModel()
    return [model.index(r, 0).data() for r in range(model.rowCount())] if completer.popup().isVisible() else []


def test_pickers_match_without_tones_any_word_and_say_nothing_while_typing(qtbot, register, sample_units):
    dialog = new_form(qtbot, register)
    edit = dialog.unit.lineEdit()
    completer = dialog.unit.completer()
    for typed, wanted in (("truong", "CĐCS Trường THCS Hồ Xuân Hương (VL-0001)"),
                          ("ho xuan", "CĐCS Trường THCS Hồ Xuân Hương (VL-0001)"),
                          ("Vinh Linh", "CĐCS Trung tâm Y tế huyện Vĩnh Linh (VL-0002)"),
                          ("cua tung", "CĐCS Công ty TNHH Thủy sản Cửa Tùng (VL-0004)")):
        edit.setFocus()
        edit.selectAll()
        QTest.keyClicks(edit, typed)
        assert _offered(completer) == [wanted], typed
        assert dialog.errors["unit"].text() == ""  # no red line while typing
        close_popups()
    # Typing on past the last match: still no error until the field is left.
    edit.selectAll()
    QTest.keyClicks(edit, "khong co")
    assert _offered(completer) == [] and dialog.errors["unit"].text() == ""
    key(edit, Qt.Key.Key_Tab)
    assert dialog.errors["unit"].text() == "Hãy chọn công đoàn cơ sở trong danh sách."
    # Back in the field: "tram y" (one unit) is taken as that unit when the field is left.
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, "trung tam y")
    close_popups()
    key(edit, Qt.Key.Key_Tab)
    assert dialog.unit.currentText() == "CĐCS Trung tâm Y tế huyện Vĩnh Linh (VL-0002)"
    assert dialog.errors["unit"].text() == "" and dialog.chosen_unit() == sample_units["VL-0002"]
    dialog._unit_changed()  # as the form does 300 ms after the unit changed

    # The author picker: the unit's members, by any word without tones, in any case.
    dialog.tabs.setCurrentIndex(TAB_AUTHORS)
    name = dialog.authors.rows[0].name
    for typed in ("tran", "Tran", "anh", "TRAN THI"):
        name.setFocus()
        name.selectAll()
        QTest.keyClicks(name, typed)
        assert _offered(name.completer()) == ["Trần Thị Ánh"], typed
        assert dialog.errors["authors"].text() == ""
    key(name.completer().popup(), Qt.Key.Key_Down)
    key(name.completer().popup(), Qt.Key.Key_Return)
    assert name.text() == "Trần Thị Ánh" and dialog.authors.rows[0].member_id is not None


def test_member_dialog_and_register_filter_pick_units_without_tones(qtbot, app_db, sample_units):
    from gui.org.member_dialog import MemberDialog
    from gui.org.page import OrganisationPage

    page = OrganisationPage(app_db)
    qtbot.addWidget(page)
    page.show()
    activate(qtbot, page)
    dialog = page.add_member()
    assert isinstance(dialog, MemberDialog)
    activate(qtbot, dialog)
    edit = dialog.unit.lineEdit()
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, "xa vinh")
    assert _offered(dialog.unit.completer()) == ["CĐCS Xã Vĩnh Thái (VL-0003)"]
    key(dialog.unit.completer().popup(), Qt.Key.Key_Down)
    key(dialog.unit.completer().popup(), Qt.Key.Key_Return)
    assert dialog.unit.value() == sample_units["VL-0003"]
    dialog.close_without_asking()

    register = RegisterPage(app_db)
    qtbot.addWidget(register)
    register.show()
    activate(qtbot, register)
    qtbot.waitUntil(lambda: register.unit_filter.count() > 4, timeout=5000)  # read in the background
    edit = register.unit_filter.lineEdit()
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, "thuy san")
    assert _offered(register.unit_filter.completer()) == ["CĐCS Công ty TNHH Thủy sản Cửa Tùng"]


# --- point 4: a unit's member count ------------------------------------------------------------
def test_a_units_member_count_is_shown_again_after_saving(qtbot, app_db, sample_units, messages):
    from gui.org.page import OrganisationPage
    from gui.org.unit_dialog import UnitDialog

    page = OrganisationPage(app_db)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    activate(qtbot, page)
    page.select_unit(sample_units["VL-0002"])
    page.tree.setFocus()
    key(page.tree, Qt.Key.Key_Return)  # Enter on a unit edits it
    [dialog] = visible(page, UnitDialog)
    activate(qtbot, dialog)
    assert not dialog.record_count.isChecked() and dialog.members.value() == 0
    dialog.record_count.setFocus()
    key(dialog.record_count, Qt.Key.Key_Space)
    key(dialog.record_count, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.year
    dialog.year.lineEdit().selectAll()
    QTest.keyClicks(dialog.year, "2026")
    key(dialog.year, Qt.Key.Key_Tab)
    dialog.members.lineEdit().selectAll()
    QTest.keyClicks(dialog.members, "25")
    key(dialog.members, Qt.Key.Key_Tab)
    dialog.female.lineEdit().selectAll()
    QTest.keyClicks(dialog.female, "18")
    key(dialog.female, Qt.Key.Key_Return)
    assert not dialog.isVisible() and messages.errors == []

    page.select_unit(sample_units["VL-0002"])
    page.tree.setFocus()
    key(page.tree, Qt.Key.Key_Return)
    [dialog] = visible(page, UnitDialog)
    activate(qtbot, dialog)
    dialog.year.lineEdit().selectAll()
    QTest.keyClicks(dialog.year, "2026")
    assert dialog.record_count.isChecked()
    assert (dialog.year.value(), dialog.members.value(), dialog.female.value()) == (2026, 25, 18)
    key(dialog.name, Qt.Key.Key_Escape)  # nothing changed: closes without asking
    assert not dialog.isVisible() and messages.questions == []


# --- point 6: sorting by Số ------------------------------------------------------------------
def _add(db, unit_id, name: str, registered: date, authors=("Lê Thị Hương",), programme: str = "1TRIEU-SK"):
    from sqlalchemy import select

    from core.initiatives import records
    from db.models import InitiativeKind, Programme

    with db.transaction() as s:
        programme_id = s.scalar(select(Programme.id).where(Programme.code == programme))
        return records.create_initiative(s, records.InitiativeInput(
            name=name, kind=InitiativeKind.TECHNICAL, unit_id=unit_id,
            authors=[records.AuthorInput(a) for a in authors], programme_id=programme_id,
            registered_on=registered)).id


def _numbers(page) -> list[str]:
    from gui.initiatives.register_table import COL_NUMBER

    return [page.model.index(r, COL_NUMBER).data() for r in range(page.model.rowCount())]


def test_sorting_by_number_follows_year_then_sequence(qtbot, register, sample_units):
    from PySide6.QtCore import QPoint

    from gui.initiatives.register_table import COL_NUMBER

    db = register._db
    for n, year in enumerate((2026, 2022, 2023, 2022)):  # entered in this order: seq ≠ number order
        _add(db, sample_units["VL-0001"], f"Sáng kiến thứ {n + 1}", date(year, 3, 1))
    register.model.reload()
    qtbot.waitUntil(lambda: register.model.rowCount() == 4, timeout=5000)
    wanted = ["VL-SK-2022-00001", "VL-SK-2022-00002", "VL-SK-2023-00001", "VL-SK-2026-00001"]
    # The list opens sorted by Số, newest first: the latest year's latest number on top.
    header = register.table.horizontalHeader()
    assert header.sortIndicatorSection() == COL_NUMBER
    assert _numbers(register) == wanted[::-1]
    x = header.sectionViewportPosition(COL_NUMBER) + header.sectionSize(COL_NUMBER) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    qtbot.waitUntil(lambda: _numbers(register) == wanted, timeout=5000)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    qtbot.waitUntil(lambda: _numbers(register) == wanted[::-1], timeout=5000)
    # A search sorted by number keeps that order.
    register.search.setFocus()
    QTest.keyClicks(register.search, "sang kien")
    register.apply_filter()
    qtbot.waitUntil(lambda: _numbers(register) == wanted[::-1], timeout=5000)


# --- point 10: the smaller things ------------------------------------------------------------
def test_member_dialog_names_a_missing_day_and_enter_saves_once_fixed(qtbot, app_db, sample_units, messages):
    from gui.org.member_dialog import MemberDialog
    from gui.org.page import OrganisationPage

    page = OrganisationPage(app_db)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    activate(qtbot, page)
    page.select_unit(sample_units["VL-0003"])
    page.table.setFocus()
    key(page.table, Qt.Key.Key_N, CTRL)
    [dialog] = visible(page, MemberDialog)
    activate(qtbot, dialog)
    type_text(dialog.full_name, "Bùi Văn Tâm")
    key(dialog.full_name, Qt.Key.Key_Tab)
    key(QApplication.focusWidget(), Qt.Key.Key_Tab)  # past the gender
    assert QApplication.focusWidget() is dialog.date_of_birth
    QTest.keyClicks(dialog.date_of_birth, "31/2/1990")
    key(dialog.date_of_birth, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error.text() == "Ngày sinh: Ngày không tồn tại: 31/2/1990 (tháng 2 năm 1990 chỉ có 28 ngày)"
    assert QApplication.focusWidget() is dialog.date_of_birth
    for _ in range(len("31/2/1990")):
        key(dialog.date_of_birth, Qt.Key.Key_Backspace)
    QTest.keyClicks(dialog.date_of_birth, "28/2/1990")
    key(dialog.date_of_birth, Qt.Key.Key_Return)  # once fixed, Enter saves
    assert not dialog.isVisible() and messages.errors == []
    qtbot.waitUntil(lambda: page.member_model.rowCount() == 2, timeout=5000)  # Xã Vĩnh Thái had one
    assert "Bùi Văn Tâm" in [page.member_model.member_at(r).full_name for r in range(2)]


def test_a_second_author_starts_at_what_is_left_and_add_author_stays_put(qtbot, register):
    dialog = new_form(qtbot, register)
    dialog.tabs.setCurrentIndex(TAB_AUTHORS)
    first = dialog.authors.rows[0]
    first.name.setFocus()
    type_text(first.name, "Lê Thị Hương")
    close_popups()
    key(first.name, Qt.Key.Key_Tab)
    key(first.unit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.share
    first.share.lineEdit().selectAll()
    QTest.keyClicks(first.share, "60")
    button = dialog.authors.add_button
    where = button.mapTo(dialog, button.rect().topLeft())
    key(first.share, Qt.Key.Key_Tab)  # leaving the share: "60%, must be 100%" is shown
    assert dialog.errors["authors"].text() == "Các tỷ lệ đóng góp cộng lại 60%; phải bằng 100%."
    qtbot.wait(50)  # layouts settle
    assert button.mapTo(dialog, button.rect().topLeft()) == where  # the error line had its space
    button.setFocus()
    key(button, Qt.Key.Key_Space)  # Thêm tác giả
    second = dialog.authors.rows[1]
    assert second.share.value() == 40 and QApplication.focusWidget() is second.name
    assert dialog.errors["authors"].text() == ""  # the new row is being filled in
    assert button.mapTo(dialog, button.rect().topLeft()) == where
    type_text(second.name, "Nguyễn Văn Hùng")
    close_popups()
    assert dialog.authors.total() == 100 and dialog.authors.problem() == ""
    # Enter on a focused button presses it ("×" removes the row), it does not save the form.
    second.remove.setFocus()
    key(second.remove, Qt.Key.Key_Return)
    assert dialog.isVisible() and len(dialog.authors.rows) == 1


def test_a_new_initiative_defaults_to_a_running_programme(qtbot, register):
    ended = next(p for p in register.programmes if p.code == "1TRIEU-SK")
    register.programme_filter.set_value(ended.id)  # the register filtered to the ended campaign
    dialog = new_form(qtbot, register)
    chosen = next(p for p in register.programmes if p.id == dialog.programme.value())
    today = date.today()
    assert chosen.code != "1TRIEU-SK"
    assert any(ph.starts_on <= today <= ph.ends_on for ph in chosen.phases)
    assert "Giai đoạn" in dialog.phase_label.text() and "ngoài" not in dialog.phase_label.text()


def test_enter_on_a_cdcs_in_the_dashboard_opens_its_initiatives(qtbot, app_db, sample_units, window):
    page = window.show_page("targets")
    activate(qtbot, window)
    qtbot.waitUntil(lambda: not page.busy and page.model.rowCount() == 4, timeout=10_000)
    assert page.select_unit(sample_units["VL-0003"])
    page.table.setFocus()
    key(page.table, Qt.Key.Key_Return)
    assert window.current_key() == "initiatives"
    register = window.pages["initiatives"]
    qtbot.waitUntil(lambda: register.chosen_unit() == sample_units["VL-0003"], timeout=10_000)
    assert "không có đơn vị trực thuộc" not in page.status.text()

    # A double click does the same.
    window.show_page("targets")
    qtbot.waitUntil(lambda: not page.busy and page.model.rowCount() == 4, timeout=10_000)
    assert page.select_unit(sample_units["VL-0004"])
    rect = page.table.visualRect(page.table.currentIndex())
    # A real double click is a press, a release, then the double-click press.
    QTest.mousePress(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseRelease(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_key() == "initiatives"
    qtbot.waitUntil(lambda: register.chosen_unit() == sample_units["VL-0004"], timeout=10_000)


def test_down_in_the_search_box_moves_into_the_results(qtbot, register, sample_units):
    for n in range(3):
        _add(register._db, sample_units["VL-0001"], f"Ứng dụng sơ đồ tư duy {n + 1}", date(2022, 3, 1 + n))
    _add(register._db, sample_units["VL-0002"], "Quy trình tiếp nhận bệnh nhân", date(2022, 4, 1))
    register.model.reload()
    qtbot.waitUntil(lambda: register.model.rowCount() == 4, timeout=5000)
    key(register.table, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is register.search
    QTest.keyClicks(register.search, "so do")
    key(register.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is register.table
    qtbot.waitUntil(lambda: register.model.rowCount() == 3, timeout=5000)
    qtbot.waitUntil(lambda: register.table.selectionModel().hasSelection(), timeout=5000)
    key(register.table, Qt.Key.Key_Down)
    assert register.table.currentIndex().row() == 1


def test_phases_dialog_esc_asks_only_after_dates_were_typed(qtbot, register, messages):
    from gui.initiatives.phases import PhasesDialog

    activate(qtbot, register)
    register.edit_phases()
    [dialog] = visible(register, PhasesDialog)
    activate(qtbot, dialog)
    dialog.phase.setFocus()
    key(dialog.phase, Qt.Key.Key_Down)  # looking at another phase changes nothing
    key(dialog.phase, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and messages.questions == []

    register.edit_phases()
    [dialog] = visible(register, PhasesDialog)
    activate(qtbot, dialog)
    dialog.ends_on.setFocus()
    dialog.ends_on.selectAll()
    QTest.keyClicks(dialog.ends_on, "31/12/2099")
    messages.answer = False
    key(dialog.ends_on, Qt.Key.Key_Escape)
    assert dialog.isVisible() and messages.buttons == [("Bỏ thay đổi", "Tiếp tục sửa")]
    messages.answer = True
    key(dialog.ends_on, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_enter_in_a_unit_picker_saves_with_the_unit_typed(qtbot, app_db, sample_units, messages):
    from gui.org.member_dialog import MemberDialog
    from gui.org.page import OrganisationPage

    page = OrganisationPage(app_db)
    qtbot.addWidget(page)
    page.show()
    activate(qtbot, page)
    page.add_member()
    [dialog] = visible(page, MemberDialog)
    activate(qtbot, dialog)
    type_text(dialog.full_name, "Đinh Thị Lụa")
    edit = dialog.unit.lineEdit()
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, "cua tung")  # the only unit with these words
    close_popups()
    key(edit, Qt.Key.Key_Return)
    assert not dialog.isVisible() and messages.errors == []
    assert dialog.outcome is not None and dialog.outcome.value.unit_id == sample_units["VL-0004"]


def test_the_discard_question_is_a_real_box_whose_buttons_say_what_they_do(qtbot, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from gui.common import forms

    monkeypatch.setattr(widgets, "confirm", REAL_CONFIRM)
    seen: list = []

    def look_then_press(key_pressed: Qt.Key) -> None:
        [box] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        seen.append(([b.text() for b in box.buttons()], box.defaultButton().text(), box.text()))
        box.grab().save("/tmp/clerka-discard.png")
        QTest.keyClick(box, key_pressed)

    parent = QWidget()
    qtbot.addWidget(parent)
    QTimer.singleShot(50, lambda: look_then_press(Qt.Key.Key_Escape))
    assert forms.ask_discard(parent) is False  # Esc keeps editing
    QTimer.singleShot(50, lambda: look_then_press(Qt.Key.Key_Return))
    assert forms.ask_discard(parent) is False  # so does Enter: "Tiếp tục sửa" is the default
    buttons, default, text = seen[0]
    assert sorted(buttons) == ["Bỏ thay đổi", "Tiếp tục sửa"] and default == "Tiếp tục sửa"
    assert text == "Các thay đổi chưa được lưu. Bỏ các thay đổi này?"


def test_enter_in_a_payment_line_adds_the_payment_not_saves_the_form(qtbot, register, sample_units, messages):
    from gui.initiatives.form import TAB_PAYMENTS

    _add(register._db, sample_units["VL-0001"], "Số hóa hồ sơ đoàn viên", date(2022, 3, 1))
    register.model.reload()
    qtbot.waitUntil(lambda: register.model.rowCount() == 1, timeout=5000)
    register.focus_default()
    key(register.table, Qt.Key.Key_Return)  # Enter on a row opens its form
    [dialog] = visible(register, InitiativeDialog)
    activate(qtbot, dialog)
    dialog.tabs.setCurrentIndex(TAB_PAYMENTS)
    payments = dialog.payments
    payments.paid_on.setFocus()
    QTest.keyClicks(payments.paid_on, "15/3/2022")
    key(payments.paid_on, Qt.Key.Key_Tab)
    QTest.keyClicks(payments.amount, "100000")
    key(payments.amount, Qt.Key.Key_Return)
    assert dialog.isVisible() and payments.table.rowCount() == 1, payments.error.text()
    key(payments.amount, Qt.Key.Key_Escape)  # the payment is saved on its own: nothing to ask
    assert not dialog.isVisible() and messages.questions == []
