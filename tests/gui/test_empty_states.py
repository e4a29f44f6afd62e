"""Issue 10 point 9: an empty page says what to do first, with buttons for it; the hint goes
once there is something in the list."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.initiatives.form import InitiativeDialog


def visible_dialog(kind):
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def test_empty_register_says_what_to_do_and_its_button_opens_the_form(window, qtbot):
    page = window.show_page("initiatives")
    qtbot.waitUntil(lambda: page.model.complete, timeout=10_000)
    hint = page.empty_state
    qtbot.waitUntil(hint.isVisible, timeout=5_000)
    assert hint.label.text() == "Chưa có sáng kiến — Thêm sáng kiến hoặc Nhập từ bảng tính."
    texts = [b.text() for b in hint.buttons]
    assert texts[0].endswith("(Ctrl+N)") and texts[1].endswith("(Ctrl+I)")
    assert hint.geometry() == page.table.viewport().rect()
    seen = []

    def close_form() -> None:
        dialog = visible_dialog(InitiativeDialog)
        if dialog is None:
            QTimer.singleShot(50, close_form)
            return
        seen.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(50, close_form)
    QTest.mouseClick(hint.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)


def test_organisation_hints_for_units_and_members_go_when_there_are_some(window, qtbot, app_db):
    page = window.show_page("organisation")
    qtbot.waitUntil(lambda: page.member_model.complete, timeout=10_000)
    qtbot.waitUntil(page.units_empty.isVisible, timeout=5_000)
    assert page.units_empty.label.text() == "Chưa có đơn vị — Thêm các công đoàn cơ sở hoặc Nhập từ bảng tính."
    assert page.members_empty.isVisible()
    assert page.members_empty.label.text().startswith("Chưa có đoàn viên")

    from tests.gui.conftest import populate

    populate(app_db)
    page.reload_units()
    page.member_model.reload()
    qtbot.waitUntil(lambda: not page.units_empty.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: page.member_model.complete and not page.members_empty.isVisible(), timeout=10_000)


def test_targets_page_without_units_says_where_to_start(window, qtbot):
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Chỉ tiêu & báo cáo
    page = window.pages["targets"]
    qtbot.waitUntil(lambda: page.context is not None and not page.busy, timeout=10_000)
    qtbot.waitUntil(page.empty_state.isVisible, timeout=5_000)
    assert page.empty_state.label.text().startswith("Chưa có đơn vị để theo dõi")


def test_targets_hint_is_absent_when_units_are_listed(sample_units, window, qtbot):
    page = window.show_page("targets")
    qtbot.waitUntil(lambda: page.context is not None and not page.busy and page.model.rowCount() > 0, timeout=10_000)
    assert not page.empty_state.isVisible()
