"""The File menu's backups: "Sao lưu ngay" writes a backup in the background; "Khôi phục từ
bản sao lưu…" lists the backups, says what will happen, restores and closes the window."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from core.common import backups


def test_file_menu_has_backup_actions(window):
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    assert texts[:2] == ["&Sao lưu ngay", "&Khôi phục từ bản sao lưu…"]


def test_back_up_now_writes_a_backup(window, app_db, qtbot, messages):
    assert [b for b in backups.list_backups(app_db.path) if b.kind == "manual"] == []
    window.act_backup.trigger()
    qtbot.waitUntil(lambda: any(b.kind == "manual" for b in backups.list_backups(app_db.path)), timeout=10_000)
    qtbot.waitUntil(lambda: bool(messages.infos), timeout=10_000)
    made = [b for b in backups.list_backups(app_db.path) if b.kind == "manual"]
    assert len(made) == 1 and made[0].size > 0
    assert made[0].name in messages.infos[-1]


def test_restore_dialog_lists_newest_first_and_restore_closes(window, app_db, qtbot, messages):
    from gui.common.backup_dialog import RestoreDialog

    first = backups.back_up_now(app_db)
    second = backups.back_up_now(app_db)
    dialog = RestoreDialog(backups.list_backups(app_db.path), window)
    qtbot.addWidget(dialog)
    names = [dialog.table.item(r, RestoreDialog.NAME).text() for r in range(dialog.table.rowCount())]
    assert names.index(second.name) < names.index(first.name)
    assert dialog.selected().name == names[0]
    assert dialog.table.item(0, RestoreDialog.KIND).text() in {"Thủ công", "Hằng ngày"}

    messages.answer = False  # the confirmation says what will happen; "no" changes nothing
    assert window.restore(first.path, "x") is None
    assert "trước khi khôi phục" in messages.questions[-1]
    assert "đóng" in messages.questions[-1]

    messages.answer = True
    window.restore(first.path, "x")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert window.restored.source == first.path
    assert any(b.kind == "restore" for b in backups.list_backups(app_db.path))
    assert "khởi động lại" in messages.infos[-1] or "mở lại" in messages.infos[-1]


def test_restore_menu_with_cancel_does_nothing(window, app_db, qtbot):
    backups.back_up_now(app_db)
    seen = []

    def cancel() -> None:
        from PySide6.QtWidgets import QApplication

        from gui.common.backup_dialog import RestoreDialog

        for w in QApplication.topLevelWidgets():
            if isinstance(w, RestoreDialog) and w.isVisible():
                seen.append(w.table.rowCount())
                w.reject()

    QTimer.singleShot(100, cancel)
    assert window.act_restore.trigger() is None
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen[0] >= 1
    assert window.isVisible()


def test_the_days_backup_is_taken_in_the_background_not_by_a_write(qtbot, tmp_path):
    """At start-up the window claims the day's backup for a background job, so the first
    save on the GUI thread does not wait for a copy of the database."""
    from core.common.database import open_app_database
    from core.org import ops
    from gui.main_window import MainWindow

    db = open_app_database(tmp_path / "so-cong-doan.sqlite")
    try:
        window = MainWindow(db)
        qtbot.addWidget(window)
        job = window.start_daily_backup()
        assert job is not None and not db.claim_daily_backup()
        qtbot.waitUntil(lambda: job.outcome is not None, timeout=10_000)
        assert [b.kind for b in backups.list_backups(db.path)] == ["daily"]
        assert window.start_daily_backup() is None  # once per database opened
        ops.set_up_office(db, ops.OfficeSettings(unit_code="VL", name="LĐLĐ huyện Vĩnh Linh",
                                                 place="Vĩnh Linh"), level="province")
        assert [b.kind for b in backups.list_backups(db.path)] == ["daily"]
    finally:
        db.close()


def test_restore_refused_while_another_program_is_writing(window, app_db, qtbot, messages):
    """The restore is refused with the reason; the window stays open on the same database
    and what the other program was writing is kept."""
    import sqlite3

    made = backups.back_up_now(app_db)
    other = sqlite3.connect(app_db.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE setting SET value='Ghi sau' WHERE key='office.name'")
        messages.answer = True
        job = window.restore(made.path, "x")
        qtbot.waitUntil(lambda: job.outcome is not None, timeout=10_000)
        qtbot.waitUntil(lambda: bool(messages.errors), timeout=5_000)
        assert "chương trình khác ghi" in messages.errors[-1]
        assert window.isVisible() and not any(b.kind == "restore" for b in backups.list_backups(app_db.path))
        other.execute("COMMIT")
    finally:
        other.close()
    from core.org import ops

    assert ops.load_office(app_db).name == "Ghi sau"  # the window's database reads on


def test_restore_dialog_names_the_file_each_import_backup_was_taken_for(window, app_db, qtbot,
                                                                        tmp_path):
    """A "before import" backup says which file was imported after it (it said only "Trước
    khi nhập", so among ten such copies the clerk could not tell which import to undo)."""
    from gui.common.backup_dialog import RestoreDialog

    with app_db.importing(tmp_path / "Danh sách đoàn viên.xlsx"):
        app_db.run(lambda session: None)
    app_db.run(lambda session: None)  # an import that did not say its file
    dialog = RestoreDialog(backups.list_backups(app_db.path), window)
    qtbot.addWidget(dialog)
    dialog.show()
    kinds = [dialog.table.item(r, RestoreDialog.KIND).text() for r in range(dialog.table.rowCount())]
    assert "Trước khi nhập “Danh sách đoàn viên.xlsx”" in kinds
    assert "Trước khi nhập" in kinds
    dialog.grab().save(str(tmp_path / "khoi-phuc.png"))
