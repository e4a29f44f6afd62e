"""The main window: module list on the left, the module's page on the right, the office
and the database file always in view. Pages are built the first time they are shown.

The window can be shown before the database is open (``MainWindow(None, db_path=…)`` then
:meth:`MainWindow.attach`): start-up shows it at once while the database layer loads in a
worker, so this module imports no database code at import time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.common.paths import resource_path
from gui.common import jobs, screen_fit, widgets
from gui.common.changes import ChangeBus
from gui.common.placeholder import PlaceholderPage

if TYPE_CHECKING:
    from core.common.changes import Changes
    from core.common.database import AppDatabase
    from core.org.ops import OfficeSettings

PAGE_KEYS = ("initiatives", "targets", "fund", "commendations", "sync", "organisation", "settings")
START_PAGE = "organisation"


@dataclass
class _PageSpec:
    key: str
    title: str
    build: Callable[[], QWidget]


NAV_COLOUR = "#1f5f99"


def icon(name: str, white_when_selected: bool = False) -> QIcon:
    """An icon from resources/icons (optionally drawn white on a selected row)."""
    path = resource_path("icons", f"{name}.svg")
    if not path.exists():
        return QIcon()
    result = QIcon(str(path))
    svg = path.read_text(encoding="utf-8")
    if white_when_selected and NAV_COLOUR in svg:
        renderer = QSvgRenderer(QByteArray(svg.replace(NAV_COLOUR, "#ffffff").encode()))
        for size in (16, 22, 32, 44):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter)
            painter.end()
            result.addPixmap(pixmap, QIcon.Mode.Selected)
    return result


class MainWindow(QMainWindow):
    # Tệp ▸ Mở cơ sở dữ liệu khác… / a recent database: gui.app opens it and moves over.
    open_database_requested = Signal(Path)

    def __init__(
        self, db: AppDatabase | None, parent: QWidget | None = None, *, db_path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._db: AppDatabase | None = None
        self._watching_focus = False
        self._file_dialog_seen = False  # one of our file dialogs had the focus since the last renewal
        self.office = None
        # Change notices: every page built here hears what the others (and dialogs) changed.
        self.bus = ChangeBus(self)
        self.bus.changed.connect(self.apply_changes)  # the header follows the office
        self.setWindowIcon(icon("app"))
        screen_fit.fit_main_window(self, 1280, 800)  # maximised on a 1366×768 laptop

        titles = {
            "initiatives": self.tr("Initiatives"),
            "targets": self.tr("Targets & reports"),
            "fund": self.tr("Mutual-aid fund"),
            "commendations": self.tr("Commendations"),
            "sync": self.tr("Sync"),
            "organisation": self.tr("Organisation"),
            "settings": self.tr("Settings"),
        }
        descriptions = {
            "initiatives": self.tr(
                "The initiative register: programmes and their phases, authors and their "
                "shares, eligibility checks with reasons, recognition decisions."
            ),
            "targets": self.tr(
                "Targets per unit and phase or year: achieved, percentage and shortfall, "
                "and the reports sent to the level above."
            ),
            "fund": self.tr(
                "The mutual-aid fund ledger: contributions, loans, repayments, arrears and "
                "the fund balance, with amounts in figures and in words."
            ),
            "commendations": self.tr(
                "Commendation files: submission letters, decisions and certificates printed "
                "onto pre-printed stock."
            ),
            "sync": self.tr(
                "Sync packages exchanged with the province by USB stick, e-mail or chat app."
            ),
        }
        builders: dict[str, Callable[[], QWidget]] = {
            key: (lambda key=key: PlaceholderPage(titles[key], descriptions[key])) for key in descriptions
        }
        builders["initiatives"] = self._build_initiatives
        builders["targets"] = self._build_targets
        builders["commendations"] = self._build_commendations
        builders["fund"] = self._build_fund
        builders["organisation"] = self._build_organisation
        builders["settings"] = self._build_settings
        builders["sync"] = self._build_sync
        self._specs = [_PageSpec(key, titles[key], builders[key]) for key in PAGE_KEYS]
        self.pages: dict[str, QWidget] = {}

        # --- navigation and pages -----------------------------------------------------
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setStyleSheet(
            "QListWidget { background: #eef3f8; padding-top: 6px; }"
            "QListWidget::item { padding: 6px 8px; border-radius: 4px; color: #1b2733; }"
            "QListWidget::item:selected { background: #1f5f99; color: white; }"
        )
        self.stack = QStackedWidget()
        for number, spec in enumerate(self._specs, start=1):
            item = QListWidgetItem(icon(spec.key, white_when_selected=True), spec.title)
            item.setToolTip(f"{spec.title} (Ctrl+{number})")
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # replaced by the page when first shown
        self.nav.setFixedWidth(max(200, self.nav.sizeHintForColumn(0) + 24))
        self.nav.currentRowChanged.connect(self._show_row)

        # --- header: the office -------------------------------------------------------
        self.office_label = QLabel()
        font = self.office_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.office_label.setFont(font)
        self.parent_label = QLabel()
        header = QFrame()
        header.setObjectName("officeHeader")
        header.setStyleSheet(
            "#officeHeader { background: #1f5f99; } #officeHeader QLabel { color: white; }"
        )
        self.parent_label.setStyleSheet("color: #d8e6f3;")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(14, 8, 14, 8)
        header_layout.addWidget(self.office_label)
        header_layout.addSpacing(12)
        header_layout.addWidget(self.parent_label)
        header_layout.addStretch(1)

        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.nav)
        body_layout.addWidget(self.stack, 1)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(header)
        central_layout.addWidget(body, 1)
        self.setCentralWidget(central)

        # --- status bar: the database file --------------------------------------------
        path = db.path if db is not None else db_path
        self.db_label = QLabel(self.tr("Database: {0}").format(path))
        self.db_label.setToolTip(str(path))
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.db_label)

        self._make_menus()
        if db is not None:
            self.attach(db)
        else:
            self.office_label.setText(self.tr("Opening the database…"))
            self.nav.setEnabled(False)
            for action in (*self.page_actions, self.act_backup, self.act_restore, self.act_backup_settings):
                action.setEnabled(False)

    def attach(self, db: AppDatabase) -> None:
        """Use the opened database: show the office and the start page."""
        from core.org import ops

        self._db = db
        db.wait_briefly_on_this_thread()  # saves made here freeze the window while they wait
        app = QGuiApplication.instance()
        if app is not None and not self._watching_focus:
            from gui.common import file_dialogs

            app.focusWindowChanged.connect(self._focus_changed)  # type: ignore[attr-defined]
            file_dialogs.notifier.finished.connect(self._retake_locks)
            self._watching_focus = True
        office = ops.load_office(db)
        self.db_label.setText(self.tr("Database: {0}").format(db.path))
        self.db_label.setToolTip(str(db.path))
        self.db_label.setStyleSheet("")
        if db.read_only:  # said before anything is typed, not at the first save
            self.db_label.setText(self.tr("Read only — changes cannot be saved · Database: {0}").format(db.path))
            self.db_label.setStyleSheet("color: #b00020; font-weight: bold;")
            widgets.show_info(self, self.tr(
                "The database file {0} (or its folder) cannot be written: you can look, search, "
                "print and export, but nothing you change can be saved. Copy the file to a "
                "folder you may write, or ask for write permission, then open it again."
            ).format(db.path), self.tr("Read-only database"))
        self.nav.setEnabled(True)
        for action in (*self.page_actions, self.act_backup, self.act_restore, self.act_backup_settings):
            action.setEnabled(True)
        self._show_office(office)
        self.nav.setCurrentRow(PAGE_KEYS.index(START_PAGE))

    def _focus_changed(self, focused) -> None:
        """Back from a file dialog of this process (one not opened through
        gui.common.file_dialogs, which says so itself): the locks are taken again. Back from
        another program or any other window, nothing is done: another process cannot release
        ours, and a file replaced underneath is noticed by the connection pool, which
        compares the files' identity on every checkout (db.sqlite.file_identity)."""
        if focused is None:
            return
        if focused is not self.windowHandle():
            if any(isinstance(w, QFileDialog) and w.windowHandle() is focused
                   for w in QApplication.topLevelWidgets()):
                self._file_dialog_seen = True
            return
        if self._file_dialog_seen:
            self._retake_locks()

    def _retake_locks(self) -> None:
        """A file dialog showing the database's folder may have read the database file,
        which releases this process's SQLite locks (Linux, macOS): fresh connections take
        them again (AppDatabase.renew_connections). A closed window does nothing (its
        database is closed or belongs to the window that replaced it)."""
        self._file_dialog_seen = False
        if self._db is not None and self.isVisible():
            self._db.renew_connections()

    # --- pages ----------------------------------------------------------------------
    def _build_targets(self) -> QWidget:
        from gui.targets.page import DashboardPage

        page = DashboardPage(self._db, bus=self.bus)
        page.open_register.connect(self._open_register)
        return page

    def _build_fund(self) -> QWidget:
        from gui.fund.page import FundPage

        return FundPage(self._db, bus=self.bus)

    def _open_register(self, unit_id, programme_id, phase) -> None:
        """The dashboard's "Xem sáng kiến": the register filtered to a unit and its sub-units,
        in the programme (and phase) the dashboard shows."""
        self.show_page("initiatives").show_unit(unit_id, programme_id, phase)

    def _build_initiatives(self) -> QWidget:
        from gui.initiatives.page import RegisterPage

        return RegisterPage(self._db, bus=self.bus)

    def _build_commendations(self) -> QWidget:
        from gui.commendations.page import CommendationsPage

        return CommendationsPage(self._db, bus=self.bus)

    def _build_organisation(self) -> QWidget:
        from gui.org.page import OrganisationPage

        return OrganisationPage(self._db, bus=self.bus)

    def _build_sync(self) -> QWidget:
        from gui.sync.page import SyncPage

        return SyncPage(self._db, bus=self.bus)

    def _build_settings(self) -> QWidget:
        from gui.org.settings_page import SettingsPage

        return SettingsPage(self._db, bus=self.bus)

    def apply_changes(self, changes: Changes, source: object) -> None:
        """The office's identity changed (the settings page, a sync): show it in the header."""
        if changes.office and self._db is not None:
            from core.org import ops

            self._show_office(ops.load_office(self._db))

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key not in self.pages:
            row = PAGE_KEYS.index(key)
            widget = self._specs[row].build()
            old = self.stack.widget(row)
            self.stack.insertWidget(row, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.pages[key] = widget
            apply_changes = getattr(widget, "apply_changes", None)
            if apply_changes is not None:
                self.bus.changed.connect(apply_changes)
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow(PAGE_KEYS.index(key))
        return self.pages[key]

    def current_key(self) -> str:
        return PAGE_KEYS[self.stack.currentIndex()]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = PAGE_KEYS[row]
        page = self.page(key)
        self.stack.setCurrentIndex(row)
        self.setWindowTitle(self._title(self._specs[row].title))
        focus = getattr(page, "focus_default", None)
        if focus is not None:
            focus()

    def _title(self, page_title: str) -> str:
        office = (self.office and self.office.name) or self.tr("(office not set up)")
        return f"{page_title} — {office}"

    def _show_office(self, office: OfficeSettings) -> None:
        self.office = office
        self.office_label.setText(office.name or self.tr("(office not set up)"))
        self.parent_label.setText(
            self.tr("Code {0}").format(office.unit_code)
            + (f"  ·  {office.parent_name}" if office.parent_name else "")
        )
        row = self.stack.currentIndex()
        if 0 <= row < len(self._specs):
            self.setWindowTitle(self._title(self._specs[row].title))

    # --- menus and keys ---------------------------------------------------------------
    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.act_backup = QAction(self.tr("&Back up now"), self)
        self.act_backup.triggered.connect(self.back_up_now)
        file_menu.addAction(self.act_backup)
        self.act_restore = QAction(self.tr("&Restore from a backup…"), self)
        self.act_restore.triggered.connect(self.restore_from_backup)
        file_menu.addAction(self.act_restore)
        self.act_backup_settings = QAction(self.tr("Backups &kept…"), self)
        self.act_backup_settings.triggered.connect(self.edit_backup_settings)
        file_menu.addAction(self.act_backup_settings)
        file_menu.addSeparator()
        self.act_open_db = QAction(self.tr("&Open another database…"), self)
        self.act_open_db.setShortcut(QKeySequence("Ctrl+O"))
        self.act_open_db.triggered.connect(self.open_other_database)
        file_menu.addAction(self.act_open_db)
        self.recent_menu = file_menu.addMenu(self.tr("Recent &databases"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self.act_quit = QAction(self.tr("&Quit"), self)
        self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_quit.triggered.connect(self.close)
        file_menu.addAction(self.act_quit)

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self.page_actions: list[QAction] = []
        for number, spec in enumerate(self._specs, start=1):
            action = QAction(icon(spec.key), spec.title.replace("&", "&&"), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, key=spec.key: self.show_page(key))
            go_menu.addAction(action)
            self.page_actions.append(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.act_guide = QAction(self.tr("&User guide"), self)
        self.act_guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.act_guide.triggered.connect(self.show_guide)
        help_menu.addAction(self.act_guide)
        self.act_about = QAction(self.tr("&About"), self)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_about.triggered.connect(self.show_about)
        help_menu.addAction(self.act_about)

    def show_guide(self) -> None:
        from gui.common.help_viewer import HelpDialog

        self.guide = HelpDialog(self)
        self.guide.show()

    def show_about(self) -> None:
        from core.common.version import __version__

        widgets.show_info(
            self,
            self.tr(
                "Trade Union Register, version {0}\n"
                "Offline registers for trade-union offices: organisation, initiatives, targets "
                "and reports.\n\nDatabase: {1}\nBackups: {2}"
            ).format(__version__, self.db_label.toolTip(), Path(self.db_label.toolTip()).parent / "backups"),
            self.tr("About"),
        )

    # --- other databases --------------------------------------------------------------
    def open_other_database(self) -> None:
        """Tệp ▸ Mở cơ sở dữ liệu khác…: choose a database file; gui.app opens it."""
        from gui.common import file_dialogs

        path = file_dialogs.open_file(
            self, self.tr("Open another database"), file_dialogs.FileKind.DATABASE,
            [self.tr("Sổ Công đoàn databases (*.sqlite)"), self.tr("All files (*)")],
        )
        if path is not None:
            self.request_database(path)

    def request_database(self, path: Path) -> None:
        if self._db is not None and Path(path).resolve() == Path(self._db.path).resolve():
            self.statusBar().showMessage(self.tr("This database is already open."), 10_000)
            return
        self.open_database_requested.emit(Path(path))

    def _fill_recent_menu(self) -> None:
        from gui.common.settings import recent_databases

        self.recent_menu.clear()
        current = Path(self._db.path).resolve() if self._db is not None else None
        shown = [p for p in recent_databases() if p.resolve() != current]
        for number, path in enumerate(shown, start=1):
            action = self.recent_menu.addAction(f"&{number} {path.name} — {path.parent}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, path=path: self.request_database(path))
        if not shown:
            self.recent_menu.addAction(self.tr("No other database opened yet")).setEnabled(False)

    # --- backups ----------------------------------------------------------------------
    def start_daily_backup(self) -> jobs.Job | None:
        """The day's backup, in the background, when there is none yet (failures are logged
        by core and never shown: the day's copy must not get in the way)."""
        if self._db is None or not self._db.claim_daily_backup():
            return None
        from core.common import backups

        db = self._db
        return jobs.run_job(lambda _ctx: backups.daily_backup(db), owner=self,
                            on_failure=lambda _exc: None)

    def back_up_now(self) -> jobs.Job | None:
        """File ▸ Back up now: a copy by hand, in the background."""
        if self._db is None:
            return None
        from core.common import backups

        db = self._db
        return jobs.run_with_progress(
            self, self.tr("Backing up the database…"), lambda _ctx: backups.back_up_now(db),
            on_success=self._backed_up,
        )

    def _backed_up(self, made) -> None:
        self.statusBar().showMessage(self.tr("Backup saved: {0}").format(made.path), 15_000)
        widgets.show_info(self, self.tr("The database was backed up to\n{0}").format(made.path),
                          self.tr("Back up now"))

    def edit_backup_settings(self) -> None:
        """Tệp ▸ Số bản sao lưu giữ lại…: the number kept of each kind."""
        if self._db is None:
            return
        from core.common import backups
        from gui.common.backup_dialog import BackupSettingsDialog

        before = backups.keep_counts(self._db)
        self.backup_settings = dialog = BackupSettingsDialog(before, self)
        if dialog.exec() != BackupSettingsDialog.DialogCode.Accepted:
            return
        if not self._confirm_fewer_backups(dialog.counts()):
            return
        try:
            for kind, count in dialog.counts().items():
                if count != before.get(kind):
                    backups.set_keep_count(self._db, kind, count)
        except Exception as exc:  # noqa: BLE001 - a locked or read-only database: say so
            widgets.report_error(self, exc)
            return
        self.statusBar().showMessage(self.tr("Backup settings saved."), 10_000)

    def _confirm_fewer_backups(self, counts: dict[str, int]) -> bool:
        """Keeping fewer than there are deletes the oldest at the next copy of that kind: ask."""
        from core.common import backups
        from gui.common.backup_dialog import kind_label

        have: dict[str, int] = {}
        for b in backups.list_backups(self._db.path) if self._db is not None else []:
            have[b.kind] = have.get(b.kind, 0) + 1
        lost = [self.tr("{0} “{1}” backups").format(have[kind] - count, kind_label(kind))
                for kind, count in counts.items() if have.get(kind, 0) > count]
        if not lost:
            return True
        return widgets.confirm(self, self.tr("Backups kept"), self.tr(
            "Fewer backups than there are now: the oldest will be deleted at the next backup of "
            "their kind — {0}. Keep these numbers?").format("; ".join(lost)), self.tr("Save"))

    def restore_from_backup(self) -> jobs.Job | None:
        """File ▸ Restore from a backup…: choose, confirm, then restore and close the program
        (the pages hold what they read from the database being replaced; a fresh start is
        the safe way to show the restored one)."""
        if self._db is None:
            return None
        from core.common import backups
        from gui.common.backup_dialog import RestoreDialog, backup_label

        dialog = RestoreDialog(backups.list_backups(self._db.path), self)
        if dialog.exec() != RestoreDialog.DialogCode.Accepted or dialog.selected() is None:
            return None
        chosen = dialog.selected()
        assert chosen is not None
        return self.restore(chosen.path, f"{chosen.taken:%d/%m/%Y %H:%M}, {backup_label(chosen)}")

    def restore(self, source: Path, description: str = "") -> jobs.Job | None:
        if self._db is None:
            return None
        from core.common import backups

        text = self.tr(
            "The database will be replaced by the backup {0} ({1}).\n\n"
            "The current database is kept first as a backup of kind “before a restore”, so "
            "this can be undone. The program then closes; start it again to work with the "
            "restored data."
        ).format(source.name, description)
        if not widgets.confirm(self, self.tr("Restore from a backup"), text, self.tr("Restore")):
            return None
        db = self._db
        jobs.cancel_all_jobs()
        db.close()  # no pooled connection stays on the file being replaced
        return jobs.run_with_progress(
            self, self.tr("Restoring the database…"), lambda _ctx: backups.restore(db.path, source),
            on_success=self._restored,
        )

    def _restored(self, done) -> None:
        if done.kept is not None:
            text = self.tr(
                "The database was restored from {0}.\nThe replaced database is kept as {1}.\n\n"
                "The program will now close; start it again to use the restored data."
            ).format(done.source.name, done.kept)
        else:
            text = self.tr(
                "The database was restored from {0}.\n\n"
                "The program will now close; start it again to use the restored data."
            ).format(done.source.name)
        widgets.show_info(self, text, self.tr("Restore from a backup"))
        self.restored = done
        self._db = None
        self.close()  # the last window: Qt ends the program

    def closeEvent(self, event: QCloseEvent) -> None:
        jobs.cancel_all_jobs()
        super().closeEvent(event)
