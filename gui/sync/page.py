"""The "Đồng bộ" page: this office's keys, export for an office, import of one or many
package files with a preview, the offices and their acknowledgements, the history of
packages, and the conflicts side by side (field by field). All work goes through
core/sync/ops.py; export and import run in background jobs with progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.common.changes import Changes
from core.common.vnformat import format_money
from core.sync import ops
from gui.common import file_dialogs, widgets
from gui.common.jobs import run_with_progress
from gui.sync.dialogs import EnrolDialog, NewPassphraseDialog, RemoveEnrolmentDialog

FILE_FILTER = "*.scdpkg"


def _table(headers: list[str]) -> QTableWidget:
    return widgets.small_table(headers)


def _fill(table: QTableWidget, rows: list[list[object]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            shown = format_money(value) if isinstance(value, int) and not isinstance(value, bool) else value
            item = QTableWidgetItem("" if shown is None else str(shown))
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class PreviewDialog(QDialog):
    """What an import would do, file by file, before anything is written. The reason of
    each file wraps in the table (tooltip: the whole text) and the selected file's reasons
    are shown in full below; the dialog is resizable and fits a 1366×768 screen."""

    SHOWN_REASONS = 3  # rejected rows named in the table's cell
    DETAIL_LINES = 500  # reasons listed below for the selected file

    def __init__(self, outcomes, parent: QWidget | None = None, names: dict | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import preview"))
        self.setSizeGripEnabled(True)
        self.setMinimumSize(640, 360)
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 1180, 560
        if room is not None:
            width, height = min(width, room.width() - 40), min(height, room.height() - 80)
        self.resize(width, height)
        self.outcomes = outcomes
        names = names or {}
        states = {"applied": self.tr("will be applied"), "duplicate": self.tr("already imported"),
                  "held": self.tr("waiting for a missing package"), "refused": self.tr("refused")}
        self.table = _table([self.tr("File"), self.tr("From"), self.tr("No."), self.tr("Result"),
                             self.tr("New"), self.tr("Updated"), self.tr("Unchanged"),
                             self.tr("Conflicts"), self.tr("Rejected"), self.tr("Reason")])
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(9, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.reasons = [self._reasons(o) for o in outcomes]
        partly = self.tr("will be applied, except %1 rows that cannot be stored")
        _fill(self.table, [[o.file, names.get(o.sender, o.sender), o.seq or "",
                            partly.replace("%1", format_money(o.rejected))
                            if o.state == "applied" and o.rejected else states[o.state],
                            o.new, o.updated, o.unchanged, o.conflicts, o.rejected,
                            self._short(o)] for o in outcomes])
        for r, o in enumerate(outcomes):
            self.table.item(r, 0).setToolTip(o.file)
            self.table.item(r, 9).setToolTip("\n".join(self.reasons[r][:40]))
        self.table.setColumnWidth(0, 230)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(140)
        self.detail.setPlaceholderText(self.tr("Choose a file to read its reasons in full."))
        self.table.itemSelectionChanged.connect(self._show_reasons)
        applicable = sum(o.state == "applied" for o in outcomes)
        summary = QLabel(self.tr("Files that can be applied: %1").replace("%1", str(applicable)))
        buttons = widgets.dialog_buttons(self.tr("Apply"), self.tr("Cancel"))
        buttons.accepted.connect(self.confirm_and_accept)
        buttons.rejected.connect(self.reject)
        self.apply_button = buttons.buttons()[0]
        self.apply_button.setEnabled(applicable > 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(summary)
        layout.addWidget(buttons)
        if outcomes:  # the first file with something to read
            self.table.selectRow(next((r for r, x in enumerate(self.reasons) if x), 0))

    def _reasons(self, o) -> list[str]:
        return [text for text in [o.reason, *o.rejected_reasons] if text]

    def _short(self, o) -> str:
        shown = [o.reason] if o.reason else []
        shown += list(o.rejected_reasons[:self.SHOWN_REASONS])
        more = len(o.rejected_reasons) - self.SHOWN_REASONS
        if more > 0:
            shown.append(self.tr("… and %1 more (below)").replace("%1", format_money(more)))
        return "\n".join(shown)

    def _show_reasons(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            reasons = self.reasons[rows[0].row()]
            shown = reasons[:self.DETAIL_LINES]
            if len(reasons) > self.DETAIL_LINES:
                shown.append(self.tr("… and %1 more").replace(
                    "%1", format_money(len(reasons) - self.DETAIL_LINES)))
            self.detail.setPlainText("\n".join(shown))

    def rejected_note(self) -> str:
        """How many rows of the applicable files cannot be stored, and the first reasons
        ("" when none): applying them needs an explicit yes."""
        partial = [o for o in self.outcomes if o.state == "applied" and o.rejected]
        if not partial:
            return ""
        reasons = [r for o in partial for r in o.rejected_reasons][:3]
        return (self.tr("%1 rows of these packages cannot be stored here and will be left out. "
                        "First reasons:\n%2\n\nApply the rest anyway?")
                .replace("%1", str(sum(o.rejected for o in partial)))
                .replace("%2", "\n".join("• " + r for r in reasons)))

    def confirm_and_accept(self) -> None:
        note = self.rejected_note()
        if note and not widgets.confirm(self, self.tr("Rows left out"), note,
                                        self.tr("Apply the rest")):
            return
        self.accept()


class SyncPage(QWidget):
    def __init__(self, db, bus=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.preview: PreviewDialog | None = None
        self.last_export = None
        self.last_import: tuple = ()
        self.passphrase_dialog: NewPassphraseDialog | None = None
        self.apply_job = None
        self.enrol_dialog: EnrolDialog | None = None

        heading = QLabel(self.tr("Sync"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.identity_label = QLabel()
        self.identity_label.setWordWrap(True)
        self.identity_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("asked for every export and import"))
        self.import_keys_button = QPushButton(self.tr("Import enrolment file…"))
        self.import_keys_button.clicked.connect(lambda: self.import_enrolment())
        self.init_keys_button = QPushButton(self.tr("Create province keys"))
        self.init_keys_button.clicked.connect(self.init_province)
        self.enrol_button = QPushButton(self.tr("Enrol an office…"))
        self.enrol_button.clicked.connect(lambda: self.enrol())
        self.remove_office_button = QPushButton(self.tr("Remove an enrolment…"))
        self.remove_office_button.setToolTip(self.tr(
            "Forget an office enrolled by mistake; the changes waiting only for it are dropped"))
        self.remove_office_button.clicked.connect(lambda: self.remove_office())
        keys_box = QGroupBox(self.tr("Keys"))
        keys_form = QFormLayout(keys_box)
        keys_form.addRow(self.identity_label)
        keys_form.addRow(self.tr("Key passphrase:"), self.passphrase)
        key_buttons = QHBoxLayout()
        for button in (self.import_keys_button, self.init_keys_button, self.enrol_button,
                       self.remove_office_button):
            key_buttons.addWidget(button)
        key_buttons.addStretch(1)
        keys_form.addRow(key_buttons)

        self.recipient = QComboBox()
        self.export_button = QPushButton(self.tr("Export package…"))
        self.export_button.clicked.connect(lambda: self.export_to())
        self.import_button = QPushButton(self.tr("Import packages…"))
        self.import_button.clicked.connect(lambda: self.import_files())
        exchange_box = QGroupBox(self.tr("Packages"))
        exchange = QHBoxLayout(exchange_box)
        exchange.addWidget(QLabel(self.tr("Send to:")))
        exchange.addWidget(self.recipient)
        exchange.addWidget(self.export_button)
        exchange.addSpacing(24)
        exchange.addWidget(self.import_button)
        exchange.addStretch(1)

        self.offices = _table([self.tr("Office"), self.tr("Role"), self.tr("Sent up to"),
                               self.tr("Received up to"), self.tr("Not yet confirmed by them"),
                               self.tr("Key fingerprint")])
        self.history = _table([self.tr("Direction"), self.tr("Office"), self.tr("No."),
                               self.tr("State"), self.tr("Changes"), self.tr("File")])
        self.conflict_list = _table([self.tr("No."), self.tr("Kind"), self.tr("Record"),
                                     self.tr("From"), self.tr("Fields"), self.tr("Kept for now")])
        self.conflict_list.itemSelectionChanged.connect(self._show_conflict)
        self.conflict_list.horizontalHeader().setStretchLastSection(False)
        self.conflict_list.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.conflict_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.conflict_record = QLabel()
        self.conflict_record.setWordWrap(True)
        self.conflict_record.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflict_fields = _table([self.tr("Field"), self.tr("This office"),
                                       self.tr("Received")])
        self.conflict_fields.setWordWrap(True)
        header = self.conflict_fields.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.conflict_fields.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.keep_mine = QPushButton(self.tr("Keep this office's version"))
        self.keep_theirs = QPushButton(self.tr("Keep the received version"))
        self.keep_mine.clicked.connect(lambda: self.resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self.resolve("theirs"))
        conflicts = QWidget()
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.conflict_record)
        detail_layout.addWidget(self.conflict_fields, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.conflict_list)
        split.addWidget(detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([170, 320])  # the list is short; the versions need the room
        resolve_row = QHBoxLayout()
        resolve_row.addStretch(1)
        resolve_row.addWidget(self.keep_mine)
        resolve_row.addWidget(self.keep_theirs)
        conflicts_layout = QVBoxLayout(conflicts)
        conflicts_layout.addWidget(split, 1)
        conflicts_layout.addLayout(resolve_row)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.offices, self.tr("Offices"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(conflicts, self.tr("Conflicts"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading)
        layout.addWidget(keys_box)
        layout.addWidget(exchange_box)
        layout.addWidget(self.tabs, 1)
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        self.status_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_line)
        self._conflicts: list = []
        self.refresh()

    # --- state --------------------------------------------------------------------------
    def refresh(self) -> None:
        me = ops.identity(self._db)
        province = me is not None and me.role == "province"
        # keys made by mistake (never used to send) can still be replaced by an enrolment file
        self.import_keys_button.setVisible(me is None or ops.keys_replaceable(self._db))
        self.init_keys_button.setVisible(me is None and ops.can_be_province(self._db))
        self.enrol_button.setVisible(province)
        self.remove_office_button.setVisible(province)
        self.export_button.setEnabled(me is not None)
        self.import_button.setEnabled(me is not None)
        self.recipient.clear()
        if me is None:
            self.identity_label.setText(self.tr(
                "This office has no sync keys yet. A district imports the enrolment file "
                "the province sent; the province creates its own keys once."))
            _fill(self.offices, [])
            _fill(self.history, [])
            self._fill_conflicts()
            return
        view = ops.overview(self._db)
        role = self.tr("province") if province else self.tr("district")
        if view.waiting == 0:
            waiting = self.tr("Every change of this office has been confirmed.")
        elif province:
            waiting = self.tr("Waiting for the offices to confirm: %1 changes.")
        else:
            waiting = self.tr("Waiting for the province to confirm: %1 changes.")
        self.identity_label.setText(self.tr("This office: %1, %2. Key fingerprint: %3.")
                                    .replace("%1", view.name).replace("%2", role)
                                    .replace("%3", view.fingerprint) + " "
                                    + waiting.replace("%1", format_money(view.waiting)))
        for peer in view.offices:
            self.recipient.addItem(peer.name, peer.code)
        _fill(self.offices, [[p.name, self.tr("province") if p.role == "province"
                              else self.tr("district"),
                              self._package_no(p.sent_up_to), self._package_no(p.received_up_to),
                              self.tr("%1 changes").replace("%1", format_money(p.waiting))
                              if p.waiting else self.tr("none"),
                              self.tr("revoked") if p.revoked else p.fingerprint]
                             for p in view.offices])
        directions = {"out": self.tr("sent out"), "in": self.tr("received")}
        states = {"sent": self.tr("sent"), "applied": self.tr("applied"),
                  "duplicate": self.tr("already imported"),
                  "held": self.tr("waiting for a missing package"), "refused": self.tr("refused")}
        _fill(self.history, [[directions.get(h.direction, h.direction), h.office, h.seq,
                              states.get(h.state, h.state), h.changes, h.file]
                             for h in view.history])
        self._fill_conflicts()

    def _package_no(self, seq: int) -> str:
        return self.tr("package no. %1").replace("%1", str(seq)) if seq else self.tr("none yet")

    def _fill_conflicts(self) -> None:
        self._conflicts = ops.conflict_views(self._db) if ops.identity(self._db) else []
        _fill(self.conflict_list, [[c.id, c.table, c.record, c.peer,
                                    ", ".join(f.label for f in c.fields),
                                    self.tr("received") if c.winner == "theirs"
                                    else self.tr("this office's")] for c in self._conflicts])
        for r, c in enumerate(self._conflicts):
            self.conflict_list.item(r, 2).setToolTip(c.record)
        self.tabs.setTabText(2, self.tr("Conflicts (%1)").replace("%1", str(len(self._conflicts))))
        _fill(self.conflict_fields, [])
        self.conflict_record.setText(self.tr("Choose a conflict above to see both versions.")
                                     if self._conflicts else self.tr("No conflicts."))
        self.keep_mine.setEnabled(False)
        self.keep_theirs.setEnabled(False)

    def _selected_conflict(self):
        rows = self.conflict_list.selectionModel().selectedRows()
        return self._conflicts[rows[0].row()] if rows else None

    def _show_conflict(self) -> None:
        c = self._selected_conflict()
        if c is None:
            return
        self.conflict_record.setText(self.tr("%1: %2 — both this office and %3 changed it.")
                                     .replace("%1", c.table).replace("%2", c.record)
                                     .replace("%3", c.peer))
        _fill(self.conflict_fields, [[f.label, f.mine, f.theirs] for f in c.fields])
        for r in range(self.conflict_fields.rowCount()):
            for col in (1, 2):
                item = self.conflict_fields.item(r, col)
                item.setToolTip(item.text())
        self.conflict_fields.resizeRowsToContents()
        self.keep_mine.setEnabled(True)
        self.keep_theirs.setEnabled(True)

    def say(self, text: str) -> None:
        """What was just done, in the page's status line."""
        self.status_line.setText(text)

    def apply_changes(self, changes: Changes, source: object | None = None) -> None:
        if source is not self and changes.sync:
            self.refresh()

    def _notify(self, changes: Changes) -> None:
        if self._bus is not None:
            self._bus.notify(changes, source=self)
        self.refresh()

    def _secret(self) -> str | None:
        text = self.passphrase.text()
        if not text:
            widgets.show_error(self, self.tr("Type the key passphrase first."))
            self.passphrase.setFocus()
            return None
        return text

    # --- keys ---------------------------------------------------------------------------
    def init_province(self) -> None:
        """The province's keys, sealed with a new passphrase typed twice."""
        dialog = NewPassphraseDialog(
            self.tr("Create province keys"),
            self.tr("The province's keys are sealed with this passphrase; it is asked for "
                    "every export and import. Keep it safe: without it the keys cannot be "
                    "used."), self.tr("Create keys"), self)
        self.passphrase_dialog = dialog
        dialog.accepted.connect(lambda: self._init_province(dialog.value))
        dialog.open()

    def _init_province(self, secret: str) -> None:
        try:
            done = ops.init_province(self._db, secret)
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            widgets.report_error(self, exc)
            return
        self.passphrase.setText(secret)
        self._notify(done.changes)
        self.say(self.tr("The province's keys are made. Enrol each office with "
                         "\"Enrol an office…\"."))

    def import_enrolment(self, path: str | None = None) -> None:
        secret = self._secret()
        if secret is None:
            return
        if path is None:
            chosen_key = file_dialogs.open_file(self, self.tr("Enrolment file"), file_dialogs.FileKind.SYNC,
                                                [self.tr("Enrolment files (*.scdkey)")])
            if chosen_key is None:
                return
            path = str(chosen_key)
        replace = ops.identity(self._db) is not None
        if replace and not widgets.confirm(
                self, self.tr("Replace the keys"),
                self.tr("This office already has sync keys, never used to send a package (made "
                        "by mistake?). Replace them with the keys of the enrolment file?"),
                self.tr("Replace the keys")):
            return
        try:
            done = ops.import_enrolment(self._db, path, secret, replace=replace)
        except Exception as exc:  # noqa: BLE001
            widgets.report_error(self, exc)
            return
        self._notify(done.changes | Changes(office=True))
        me = done.value
        self.say(self.tr("Enrolment imported: this office is %1, its province %2. Import the "
                         "province's first package next.")
                 .replace("%1", me.office_code).replace("%2", me.province_code))

    def enrol(self, out: str | None = None) -> None:
        """The office's code and its new passphrase (twice) in a dialog, then the file."""
        if self._secret() is None:
            return
        units = ops.enrolable_units(self._db)
        if not units:
            widgets.show_error(self, self.tr("Add the office's unit on the Organisation page first."))
            return
        dialog = EnrolDialog(units, self)
        self.enrol_dialog = dialog
        dialog.accepted.connect(lambda: self._enrol(dialog.code(), dialog.value, out))
        dialog.open()

    def _enrol(self, office: str, secret_for_office: str, out: str | None) -> None:
        secret = self._secret()
        if secret is None:
            return
        if out is None:
            chosen_out = file_dialogs.save_file(self, self.tr("Enrolment file"), file_dialogs.FileKind.SYNC,
                                                f"{office}.scdkey",
                                                [(self.tr("Enrolment files (*.scdkey)"), ".scdkey")])
            if chosen_out is None:
                return
            out = str(chosen_out)
        try:
            done = ops.enrol(self._db, office, secret, out, secret_for_office)
        except Exception as exc:  # noqa: BLE001
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)
        text = self.tr("Enrolment file for %1 written: %2. Tell the office its passphrase by "
                       "telephone.").replace("%1", office).replace("%2", str(done.value))
        self.say(text)
        widgets.show_info(self, text)

    def remove_office(self, office: str | None = None) -> None:
        secret = self._secret()
        if secret is None:
            return
        if office is None:  # chosen, and confirmed, in one dialog
            peers = [(row.code, row.name) for row in ops.overview(self._db).offices
                     if row.role != "province"]
            if not peers:
                return
            dialog = RemoveEnrolmentDialog(peers, parent=self)
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.code():
                return
            office = dialog.code()
        elif not widgets.confirm(
                self, self.tr("Remove an enrolment"),
                self.tr("Forget office %1? Its packages will be refused and the changes waiting "
                        "only for its acknowledgement are dropped.").replace("%1", office),
                self.tr("Remove")):
            return
        try:
            done = ops.remove_office(self._db, office, secret)
        except Exception as exc:  # noqa: BLE001
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)

    # --- packages -----------------------------------------------------------------------
    def export_to(self, folder: str | None = None):
        secret = self._secret()
        recipient = self.recipient.currentData()
        recipient_name = self.recipient.currentText()
        if secret is None or not recipient:
            return None
        try:
            nothing = ops.nothing_to_send(self._db, recipient)
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            widgets.report_error(self, exc)
            return None
        if nothing and not widgets.confirm(
                self, self.tr("No new changes"),
                self.tr("No new changes for %1. Write a package anyway to tell %1 that its "
                        "packages were received? A package that only carries acknowledgements "
                        "lets %1 clear what it has sent.").replace("%1", recipient),
                self.tr("Write the package")):
            return None
        if folder is None:
            chosen_folder = file_dialogs.choose_folder(self, self.tr("Folder for the package"),
                                                       file_dialogs.FileKind.SYNC)
            if chosen_folder is None:
                return None
            folder = str(chosen_folder)

        def done(result) -> None:
            self.last_export = result.value
            text = (self.tr("Package %1 written for %2 (%3 changes): %4") if result.value.changes
                    else self.tr("Package %1 written for %2 (acknowledgements only, no new "
                                 "changes): %4"))
            text = (text.replace("%1", str(result.value.seq)).replace("%2", recipient_name)
                    .replace("%3", format_money(result.value.changes))
                    .replace("%4", str(result.value.path)))
            self._notify(result.changes)
            self.say(text)
            widgets.show_info(self, text)

        return run_with_progress(
            self, self.tr("Writing the package…"),
            lambda ctx: ops.export_package(self._db, secret, recipient, Path(folder)),
            on_success=done, on_failure=lambda exc: widgets.report_error(self, exc))

    def import_files(self, paths: list[str] | None = None):
        secret = self._secret()
        if secret is None:
            return None
        if paths is None:
            paths = [str(p) for p in file_dialogs.open_files(self, self.tr("Sync packages"),
                                                             file_dialogs.FileKind.SYNC, [FILE_FILTER])]
            if not paths:
                return None
        chosen = list(paths)

        def previewed(result) -> None:
            names = ops.office_names(self._db, sorted({o.sender for o in result.value if o.sender}))
            self.preview = PreviewDialog(result.value, self, names)
            self.preview.accepted.connect(lambda: self._apply(chosen, secret))
            self.preview.open()

        return run_with_progress(
            self, self.tr("Checking the packages…"),
            lambda ctx: ops.import_packages(self._db, chosen, secret, dry_run=True),
            on_success=previewed, on_failure=lambda exc: widgets.report_error(self, exc))

    def _apply(self, paths: list[str], secret: str):
        def applied(result) -> None:
            self.last_import = result.value
            self._notify(result.changes)
            text = self._import_summary(result.value)
            self.say(text)
            widgets.show_info(self, text)

        self.apply_job = run_with_progress(
            self, self.tr("Applying %1 package file(s)… Cancel writes nothing.")
            .replace("%1", str(len(paths))),
            lambda ctx: ops.import_packages(self._db, paths, secret, progress=ctx.progress,
                                            cancelled=ctx.is_cancelled),
            on_success=applied, on_failure=lambda exc: widgets.report_error(self, exc),
            on_cancelled=lambda: self.say(self.tr("Import cancelled: nothing was written.")))
        return self.apply_job

    def _import_summary(self, outcomes) -> str:
        """What an apply did, in counts: "Đã áp dụng 2 gói: 5 bản ghi mới, …"."""
        done = [o for o in outcomes if o.state == "applied"]

        def total(name: str) -> str:
            return format_money(sum(getattr(o, name) for o in done))

        parts = [self.tr("Applied %1 package(s): %2 new, %3 updated, %4 unchanged, "
                         "%5 conflict(s), %6 rejected.")
                 .replace("%1", str(len(done))).replace("%2", total("new"))
                 .replace("%3", total("updated")).replace("%4", total("unchanged"))
                 .replace("%5", total("conflicts")).replace("%6", total("rejected"))]
        others = {"duplicate": self.tr("%1 already imported before"),
                  "held": self.tr("%1 waiting for a missing package"),
                  "refused": self.tr("%1 refused")}
        rest = [text.replace("%1", str(n)) for state, text in others.items()
                if (n := sum(o.state == state for o in outcomes))]
        if rest:
            parts.append(self.tr("Files not applied: %1.").replace("%1", ", ".join(rest)))
        if any(o.conflicts for o in done):
            parts.append(self.tr("See the Conflicts tab to decide them."))
        return " ".join(parts)

    def resolve(self, keep: str) -> None:
        c = self._selected_conflict()
        if c is None:
            return
        mine = keep == "mine"
        choice = (self.tr("this office's version") if mine
                  else self.tr("the version received from %1").replace("%1", c.peer))
        values = "\n".join(f"• {f.label}: {f.mine if mine else f.theirs}" for f in c.fields)
        if not widgets.confirm(self, self.tr("Decide the conflict"),
                               self.tr("Keep %1 for %2?\n\n%3\n\nThe other version is set aside; "
                                       "the decision travels with the next package.")
                               .replace("%1", choice).replace("%2", c.record)
                               .replace("%3", values),
                               self.tr("Keep %1").replace("%1", choice)):
            return
        try:
            done = ops.resolve(self._db, c.id, keep)
        except Exception as exc:  # noqa: BLE001
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)
        self.say(self.tr("Kept %1 for %2. The decision will travel with the next package "
                         "to %3.").replace("%1", choice).replace("%2", c.record)
                 .replace("%3", c.peer))
