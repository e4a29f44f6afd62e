"""Issue 9 (leftover): how many backups of each kind are kept is set from the window, Tệp ▸
Số bản sao lưu giữ lại…, and the next backups rotate to it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSpinBox

from core.common import backups
from gui.common.backup_dialog import BackupSettingsDialog


def test_keep_count_set_from_the_file_menu_rotates_manual_backups(window, app_db, qtbot):
    seen = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, BackupSettingsDialog):
            QTimer.singleShot(50, answer)
            return
        seen.append({kind: spin.value() for kind, spin in dialog.spins.items()})
        spin = dialog.findChild(QSpinBox, "keep-manual")
        spin.setFocus()
        spin.lineEdit().selectAll()
        QTest.keyClicks(spin, "2")
        QTest.keyClick(spin, Qt.Key.Key_Return)  # Enter saves

    QTimer.singleShot(50, answer)
    window.act_backup_settings.trigger()
    assert seen[0]["manual"] == 20 and seen[0]["daily"] == 7  # the defaults were shown
    assert backups.keep_counts(app_db)["manual"] == 2
    assert window.statusBar().currentMessage() == "Đã lưu thiết lập sao lưu."

    for minute in range(4):  # four copies by hand, a minute apart (names are to the minute)
        backups._make(app_db, backups.MANUAL, now=datetime(2026, 12, 6, 9, minute))
    assert len([b for b in backups.list_backups(app_db.path) if b.kind == "manual"]) == 2


def test_cancel_changes_nothing(window, app_db, qtbot):
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, BackupSettingsDialog):
            QTimer.singleShot(50, cancel)
            return
        spin = dialog.findChild(QSpinBox, "keep-daily")
        spin.setFocus()
        spin.lineEdit().selectAll()
        QTest.keyClicks(spin, "3")
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(50, cancel)
    window.act_backup_settings.trigger()
    assert backups.keep_counts(app_db)["daily"] == 7


def _set_manual_to(count: str) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, BackupSettingsDialog):
            QTimer.singleShot(50, answer)
            return
        spin = dialog.findChild(QSpinBox, "keep-manual")
        spin.setFocus()
        spin.lineEdit().selectAll()
        QTest.keyClicks(spin, count)
        QTest.keyClick(spin, Qt.Key.Key_Return)

    QTimer.singleShot(50, answer)


def test_fewer_than_there_are_asks_first_and_no_keeps_them(window, app_db, qtbot, messages):
    """Lowering the number below the copies already there deletes the oldest at the next
    backup of that kind: the window says how many and of which kind, and "no" saves nothing."""
    for minute in range(3):
        backups._make(app_db, backups.MANUAL, now=datetime(2026, 12, 6, 9, minute))
    messages.answer = False
    _set_manual_to("1")
    window.act_backup_settings.trigger()
    assert "2 bản" in messages.questions[-1] and "Thủ công" in messages.questions[-1]
    assert backups.keep_counts(app_db)["manual"] == 20

    messages.answer = True
    _set_manual_to("1")
    window.act_backup_settings.trigger()
    assert backups.keep_counts(app_db)["manual"] == 1
    asked = len(messages.questions)
    _set_manual_to("5")  # more than there are: nothing to ask
    window.act_backup_settings.trigger()
    assert len(messages.questions) == asked and backups.keep_counts(app_db)["manual"] == 5
