"""Start the window: application set-up, translations, opening the database, first run.

Start-up stays light: no workbook, PDF or spreadsheet library is imported here (the
features that need them import them when used), and no list is loaded whole.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from core.common.paths import resource_path
from core.common.version import __version__

log = logging.getLogger(__name__)

APP_NAME = "SoCongDoan"
# Whether our translation was loaded, once installed (a Python flag: reading an unset Qt
# property would hand back an empty QVariant, see gui.common.widgets.ValueCombo).
_installed: dict[str, bool] = {}



def translation_file() -> Path:
    return resource_path("i18n", "socongdoan_vi.qm")


def qt_translation_file() -> Path:
    """Qt's own strings in Vietnamese (file dialogs, standard buttons, context menus):
    qtbase ships no ``vi`` catalogue, so the app carries one (resources/i18n/qtbase_vi.ts)."""
    return resource_path("i18n", "qtbase_vi.qm")


def install_translators(
    app: QCoreApplication, qm_path: Path | None = None, qt_qm_path: Path | None = None
) -> bool:
    """Install the Vietnamese translation (ours, and Qt's own strings: the app's
    qtbase_vi, or Qt's where Qt ships one).

    Idempotent. Returns whether our translation was loaded.
    """
    if "loaded" in _installed:
        return _installed["loaded"]
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    ours = QTranslator(app)
    loaded = ours.load(str(qm_path or translation_file()))
    if loaded:
        app.installTranslator(ours)
    else:
        log.warning("Vietnamese translation not found at %s (run `make translations`)", qm_path or translation_file())
    qt_translator = QTranslator(app)
    if qt_translator.load(str(qt_qm_path or qt_translation_file())):
        app.installTranslator(qt_translator)
    else:
        log.warning("Qt's Vietnamese strings not found at %s (run `make translations`)",
                    qt_qm_path or qt_translation_file())
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in ("qtbase_vi", "qt_vi"):
            qt_translator = QTranslator(app)
            if qt_translator.load(name, qt_dir):
                app.installTranslator(qt_translator)
                break
    _installed["loaded"] = loaded
    return loaded


def setup_application(app: QApplication) -> bool:
    """Name, icon, font and translations; returns whether the translation loaded."""
    from gui.main_window import icon

    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("app"))
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    loaded = install_translators(app)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Trade Union Register"))
    return loaded


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    return app  # type: ignore[return-value]


def open_database_or_explain(path: Path | None, parent: QWidget | None = None):
    """The opened AppDatabase, or None after telling the user why it cannot be opened."""
    from core.common.database import DatabaseError, open_app_database

    try:
        return open_app_database(path)
    except DatabaseError as exc:
        QMessageBox.critical(parent, QCoreApplication.translate("App", "The database cannot be opened"), str(exc))
        return None


def choose_backup_for_damaged(parent: QWidget | None, path: Path) -> Path | None:
    """For a damaged database that has backups: say so and offer them (newest first); the
    backup chosen, or None when the user quits (or there is none to offer)."""
    from core.common import backups
    from gui.common.backup_dialog import RestoreDialog

    found = backups.list_backups(path)
    if not found:
        return None
    text = QCoreApplication.translate(
        "App",
        "The database {0} is damaged; the file was not changed.\n\n"
        "You can bring back one of its backups (the newest was taken {1}). "
        "The damaged file is kept first as a backup of kind “before a restore”.").format(
        path, f"{found[0].taken:%d/%m/%Y %H:%M}")
    if not _damaged_choice(parent, "damaged-database", text,
                           QCoreApplication.translate("App", "&Restore from a backup…")):
        return None
    dialog = RestoreDialog(found, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.selected() is None:
        return None
    chosen = dialog.selected()
    return chosen.path if chosen is not None else None


def offer_salvage(parent: QWidget | None, path: Path) -> bool:
    """For a damaged database with no backup: explain the rescue (what SQLite can still read
    copied into a new file beside it; the damaged file never changed; the copy opened) and
    offer it as a button. True when the clerk chose it; False to quit."""
    text = QCoreApplication.translate(
        "App",
        "The database {0} is damaged and has no backup.\n\n"
        "“Rescue the data” copies what can still be read from it into a new "
        "file beside it (named with “-cuu-” and today's date) and opens "
        "that copy. The damaged file itself is never changed: it stays as it "
        "is, for a specialist to look at.\n\n"
        "The rescue may miss what was entered last; check the rescued data "
        "before working on.").format(path)
    return _damaged_choice(parent, "damaged-no-backup", text,
                           QCoreApplication.translate("App", "&Rescue the data"))


def _damaged_choice(parent: QWidget | None, name: str, text: str, action: str) -> bool:
    """The damaged-database message with ``action`` (the default) and "Quit"; True when the
    clerk chose the action."""
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("App", "The database cannot be opened"), text,
                      parent=parent)
    box.setObjectName(name)
    chosen = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("App", "&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(chosen)
    box.exec()
    return box.clickedButton() is chosen


def salvage_report(result, original: Path) -> str:
    """What the rescue did, for the message before the rescued copy opens."""
    from core.common.vnformat import format_money

    rows = sum(result.recovered.values())
    text = QCoreApplication.translate(
        "App", "The readable data of {0} was rescued into {1} ({2} rows); the damaged file was "
        "not changed. The rescued copy opens now.").format(
        original.name, result.path, format_money(rows))
    if result.integrity != ["ok"]:
        text += "\n\n" + QCoreApplication.translate(
            "App", "The rescued copy still has faults ({0}); check it carefully.").format(
            "; ".join(result.integrity[:3]))
    return text


def ensure_office(db, parent: QWidget | None = None) -> bool:
    """Ask for the office's identity if it is not set up yet; False if the user quits."""
    from core.org import ops
    from gui.org.first_run import FirstRunDialog

    if ops.office_is_set_up(db):
        return True
    dialog = FirstRunDialog(db, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def run_gui(db_path: Path | None) -> int:
    """Open the window on ``db_path`` (default: the user's data folder); the exit code.

    The main window is shown first; the database layer (SQLAlchemy, Alembic, the upgrade
    check) loads in a worker meanwhile, and the pages appear when it is open. A database
    that cannot be opened is explained in a message and nothing else happens.

    Unexpected errors are logged and explained from here on (gui.common.crash).
    """
    from core.common.paths import default_db_path
    from gui.common import crash
    from gui.common.platform_check import check_platform

    if QApplication.instance() is None and (problem := check_platform()) is not None:
        # Before Qt tries the plugin and aborts with its English message.
        print(problem, file=sys.stderr)
        return 1
    app = _application()
    crash.install()
    try:
        return _run_window(app, db_path or starting_database() or default_db_path())
    finally:
        crash.uninstall()


def starting_database() -> Path | None:
    """The database used last time (Tệp ▸ Mở cơ sở dữ liệu khác…), when it still exists."""
    from gui.common.settings import recent_databases

    recent = recent_databases()
    return recent[0] if recent else None


def take_over(window, db, open_other: Callable[[Path], None], *,
              retire: Callable[[], None] | None = None) -> bool:
    """What every opened database goes through before its window is used, at start-up and
    on Tệp ▸ Mở cơ sở dữ liệu khác… alike: the office set up (first run), the file
    remembered as the one used last and named in crash reports, the window attached to it
    and able to open another, then the day's backup. ``retire`` (a switch: the old window
    closing, which cancels every job, and its database) runs before the backup starts.
    False when the clerk declines to set up the office: nothing else was done."""
    from gui.common import crash
    from gui.common.settings import remember_database

    if not ensure_office(db, window):
        return False
    remember_database(db.path)
    crash.set_database_path(db.path)
    window.attach(db)
    window.open_database_requested.connect(open_other)
    if retire is not None:
        retire()
    window.start_daily_backup()
    return True


def _run_window(app: QApplication, path: Path) -> int:
    from gui.common import crash
    from gui.common.instance_lock import DatabaseLock
    from gui.common.jobs import Job, cancel_all_jobs
    from gui.main_window import MainWindow

    crash.set_database_path(path)
    setup_application(app)
    lock = DatabaseLock(path)
    if (busy := lock.acquire()) is not None:
        QMessageBox.critical(None, QCoreApplication.translate("App", "The database is already open"), busy)
        return 1
    window = MainWindow(None, db_path=path)
    window.show()
    state: dict[str, Any] = {"code": 0, "db": None, "window": window, "lock": lock,
                             "path": path, "salvaged": False}

    def opened(db) -> None:
        state["db"] = db
        if not take_over(window, db, open_other):
            window.close()
            app.quit()

    def open_other(new_path: Path) -> None:
        """Open ``new_path`` in the background; only when it opened, a new window takes over
        (a file that cannot be opened is explained and the current one stays)."""
        current = state["window"]
        new_lock = DatabaseLock(new_path)
        if (busy := new_lock.acquire()) is not None:
            QMessageBox.critical(current, QCoreApplication.translate("App", "The database is already open"), busy)
            return

        def switch(db) -> None:
            old_window, old_db = state["window"], state["db"]
            new_window = MainWindow(None, db_path=db.path)
            new_window.show()

            def retire_old() -> None:
                state["window"], state["db"] = new_window, db
                old_window.close()  # cancels the old window's jobs before its database closes
                old_db.close()
                state["lock"].release()
                state["lock"] = new_lock

            if not take_over(new_window, db, open_other, retire=retire_old):
                new_window.close()
                db.close()
                new_lock.release()

        def refused(exc: BaseException) -> None:
            from core.common.database import DatabaseError

            new_lock.release()
            if isinstance(exc, DatabaseError):
                title = QCoreApplication.translate("App", "The database cannot be opened")
                QMessageBox.critical(current, title, str(exc))
            else:
                crash.report(exc, current, where="opening another database")

        other = Job(lambda _ctx: _open(new_path))
        other.succeeded.connect(switch)
        other.failed.connect(refused)
        other.start()
        state["job"] = other

    def _open(new_path: Path):
        from core.common.database import open_app_database

        return open_app_database(new_path)

    def failed(exc: BaseException) -> None:
        from core.common.database import DatabaseDamaged, DatabaseError

        state["code"] = 1

        def stop() -> None:
            window.close()
            app.exit(1)

        from core.common import backups

        path = state["path"]
        damaged = isinstance(exc, DatabaseDamaged)
        if damaged and backups.list_backups(path):
            if (source := choose_backup_for_damaged(window, path)) is not None:
                restore_then_open(source)
            else:
                stop()
        elif damaged and not state["salvaged"] and offer_salvage(window, path):
            salvage_then_open(path)
        elif damaged and not state["salvaged"]:
            stop()
        elif isinstance(exc, DatabaseError):
            title = QCoreApplication.translate("App", "The database cannot be opened")
            QMessageBox.critical(window, title, str(exc))
            stop()
        else:
            crash.report(exc, window, where="opening the database", fatal=True, on_closed=stop)

    def salvage_then_open(original: Path) -> None:
        """The same rescue as `main.py backup --salvage` (core.common.backups.salvage) in the
        background; the rescued copy is then opened (and remembered) in place of the damaged
        file, which is never changed."""
        from core.common import backups
        from gui.common import jobs

        state["salvaged"] = True

        def salvaged(result) -> None:
            if result.revision is None:
                failed_restore(RuntimeError(QCoreApplication.translate(
                    "App", "Nothing recognisable as this program's data could be rescued into {0}; "
                    "the damaged file {1} was not changed.").format(result.path, original)))
                return
            new_lock = DatabaseLock(result.path)
            if (busy := new_lock.acquire()) is not None:
                failed_restore(RuntimeError(busy))
                return
            state["lock"].release()
            state["lock"], state["path"] = new_lock, result.path
            crash.set_database_path(result.path)
            state["code"] = 0
            QMessageBox.information(window, QCoreApplication.translate("App", "Rescue the data"),
                                    salvage_report(result, original))
            start_opening()

        state["salvage"] = jobs.run_with_progress(
            window, QCoreApplication.translate("App", "Rescuing the readable data…"),
            lambda _ctx: backups.salvage(original), on_success=salvaged,
            on_failure=failed_restore)

    def restore_then_open(source: Path) -> None:
        """The damaged file is kept as a "before a restore" backup, replaced by ``source``,
        and the restored database is opened as if it had been there from the start."""
        from core.common import backups
        from gui.common import jobs

        def restored(done) -> None:
            state["code"] = 0
            QMessageBox.information(window, QCoreApplication.translate("App", "Restore from a backup"),
                                    QCoreApplication.translate(
                                        "App", "The database was restored from {0}.\nThe damaged file is kept as {1}.")
                                    .format(done.source.name, done.kept))
            start_opening()

        state["restore"] = jobs.run_with_progress(
            window, QCoreApplication.translate("App", "Restoring the database…"),
            lambda _ctx: backups.restore(state["path"], source), on_success=restored,
            on_failure=failed_restore)

    def failed_restore(exc: BaseException) -> None:
        QMessageBox.critical(window, QCoreApplication.translate("App", "The database cannot be opened"), str(exc))
        window.close()
        app.exit(1)

    def open_database(_ctx):
        from core.common.database import open_app_database

        return open_app_database(state["path"])

    def start_opening() -> None:
        job = Job(open_database)
        job.succeeded.connect(opened)
        job.failed.connect(failed)
        state["open_job"] = job
        job.start()

    start_opening()
    try:
        code = app.exec()
        return int(state["code"]) or code
    finally:
        # Closing the last window posts a Quit event; when the loop was left by exit(1)
        # first, that event is still queued and would end the next event loop of this
        # process at once, and every one after it (tests run several windows in turn).
        QCoreApplication.removePostedEvents(None, QEvent.Type.Quit)
        cancel_all_jobs()
        if state["db"] is not None:
            state["db"].close()
        if state["window"] is not window:
            state["window"].deleteLater()
        state["lock"].release()


def self_test() -> int:
    """Open the main window offscreen on a throw-away database and grab it.

    Used by the bundle test (``main.py --self-test``): proves Qt, its plugins, the
    resources, the translation and the database stack all load in the frozen app.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    translated = setup_application(app)
    from core.common.database import open_app_database
    from core.org import ops
    from gui.main_window import PAGE_KEYS, MainWindow

    with tempfile.TemporaryDirectory(prefix="socongdoan-selftest-") as tmp:
        db = open_app_database(Path(tmp) / "self-test.sqlite")
        try:
            ops.set_up_office(
                db, ops.OfficeSettings(unit_code="TEST", name="Đơn vị tự kiểm tra", place="Hà Nội"),
                level="province",
            )
            window = MainWindow(db)
            window.show()
            for key in PAGE_KEYS:
                window.show_page(key)
                app.processEvents()
            window.show_page("organisation")
            app.processEvents()
            image = window.grab().toImage()
            window.close()
            window.deleteLater()
            app.processEvents()
        finally:
            db.close()
    if image.isNull() or image.width() < 100:
        print("self-test failed: the window could not be drawn", file=sys.stderr)
        return 1
    if not translated:
        print(f"self-test failed: translation missing ({translation_file()})", file=sys.stderr)
        return 1
    print("self-test ok")
    return 0
