"""The "Đồng bộ" page: this office's keys, export for an office, import of one or many
package files with a preview, the offices and their acknowledgements, the history of
packages, and the conflicts side by side (field by field). All work goes through
core/sync/ops.py; export and import run in background jobs with progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.common.changes import Changes
from core.sync import ops
from gui.common import widgets
from gui.common.jobs import run_with_progress

FILE_FILTER = "*.scdpkg"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[object]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class PreviewDialog(QDialog):
    """What an import would do, file by file, before anything is written."""

    def __init__(self, outcomes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import preview"))
        self.resize(900, 360)
        self.outcomes = outcomes
        states = {"applied": self.tr("will be applied"), "duplicate": self.tr("already imported"),
                  "held": self.tr("waiting for a missing package"), "refused": self.tr("refused")}
        self.table = _table([self.tr("File"), self.tr("From"), self.tr("No."), self.tr("Result"),
                             self.tr("New"), self.tr("Updated"), self.tr("Unchanged"),
                             self.tr("Conflicts"), self.tr("Rejected"), self.tr("Reason")])
        partly = self.tr("will be applied, except %1 rows that cannot be stored")
        _fill(self.table, [[o.file, o.sender, o.seq,
                            partly.replace("%1", str(o.rejected))
                            if o.state == "applied" and o.rejected else states[o.state],
                            o.new, o.updated,
                            o.unchanged, o.conflicts, o.rejected,
                            "; ".join([o.reason, *o.rejected_reasons]).strip("; ")]
                           for o in outcomes])
        applicable = sum(o.state == "applied" for o in outcomes)
        summary = QLabel(self.tr("Files that can be applied: %1").replace("%1", str(applicable)))
        buttons = widgets.dialog_buttons(self.tr("Apply"), self.tr("Cancel"))
        buttons.accepted.connect(self.confirm_and_accept)
        buttons.rejected.connect(self.reject)
        self.apply_button = buttons.buttons()[0]
        self.apply_button.setEnabled(applicable > 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(summary)
        layout.addWidget(buttons)

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
                               self.tr("They applied up to"), self.tr("Received up to"),
                               self.tr("Key")])
        self.history = _table([self.tr("Direction"), self.tr("Office"), self.tr("No."),
                               self.tr("State"), self.tr("Changes"), self.tr("File")])
        self.conflict_list = _table([self.tr("No."), self.tr("Table"), self.tr("From"),
                                     self.tr("Fields"), self.tr("Kept for now")])
        self.conflict_list.itemSelectionChanged.connect(self._show_conflict)
        self.conflict_fields = _table([self.tr("Field"), self.tr("This office"),
                                       self.tr("Received")])
        self.keep_mine = QPushButton(self.tr("Keep this office's version"))
        self.keep_theirs = QPushButton(self.tr("Keep the received version"))
        self.keep_mine.clicked.connect(lambda: self.resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self.resolve("theirs"))
        conflicts = QWidget()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.conflict_list)
        split.addWidget(self.conflict_fields)
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
        status = ops.status(self._db)
        role = self.tr("province") if province else self.tr("district")
        self.identity_label.setText(self.tr(
            "Office %1 (%2). Key fingerprint: %3. Changes not yet acknowledged: %4.")
            .replace("%1", status.office).replace("%2", role)
            .replace("%3", status.fingerprint).replace("%4", str(status.pending)))
        for peer in status.peers:
            self.recipient.addItem(peer.office_code, peer.office_code)
        _fill(self.offices, [[p.office_code, self.tr("province") if p.role == "province"
                              else self.tr("district"), p.out_seq, p.acked_through, p.in_seq,
                              self.tr("revoked") if p.revoked else p.key_id]
                             for p in status.peers])
        directions = {"out": self.tr("sent"), "in": self.tr("received")}
        _fill(self.history, [[directions.get(d, d), peer, seq, state, n, name]
                             for d, peer, seq, state, n, name in status.history])
        self._fill_conflicts()

    def _fill_conflicts(self) -> None:
        self._conflicts = ops.conflicts(self._db) if ops.identity(self._db) else []
        _fill(self.conflict_list, [[c.id, c.entity, c.peer, ", ".join(c.fields),
                                    self.tr("received") if c.winner == "theirs"
                                    else self.tr("this office's")] for c in self._conflicts])
        self.tabs.setTabText(2, self.tr("Conflicts (%1)").replace("%1", str(len(self._conflicts))))
        _fill(self.conflict_fields, [])
        self.keep_mine.setEnabled(False)
        self.keep_theirs.setEnabled(False)

    def _selected_conflict(self):
        rows = self.conflict_list.selectionModel().selectedRows()
        return self._conflicts[rows[0].row()] if rows else None

    def _show_conflict(self) -> None:
        c = self._selected_conflict()
        if c is None:
            return
        bookkeeping = {"updated_at", "created_at", "row_version"}
        keys = [k for k in c.theirs if not k.startswith("__") and k not in bookkeeping]
        rows = [[k, c.mine.get(k), c.theirs.get(k)] for k in keys
                if k in c.fields or c.mine.get(k) != c.theirs.get(k)]
        _fill(self.conflict_fields, rows)
        self.keep_mine.setEnabled(True)
        self.keep_theirs.setEnabled(True)

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
        secret = self._secret()
        if secret is None:
            return
        try:
            done = ops.init_province(self._db, secret)
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)

    def import_enrolment(self, path: str | None = None) -> None:
        secret = self._secret()
        if secret is None:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Enrolment file"), "",
                                                  "*.scdkey")
            if not path:
                return
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

    def enrol(self, office: str | None = None, out: str | None = None) -> None:
        secret = self._secret()
        if secret is None:
            return
        if office is None:  # chosen from the province's units: no code typed by hand
            units = ops.enrolable_units(self._db)
            if not units:
                widgets.show_error(self, self.tr("Add the office's unit on the Organisation page "
                                                 "first."))
                return
            labels = [f"{code} — {name}" for code, name in units]
            label, ok = QInputDialog.getItem(self, self.tr("Enrol an office"),
                                             self.tr("Office (unit):"), labels, 0, False)
            if not ok or not label:
                return
            office = units[labels.index(label)][0]
        secret_for_office, ok = QInputDialog.getText(
            self, self.tr("Enrol an office"),
            self.tr("A passphrase for the office (tell it by telephone, not with the file):"),
            QLineEdit.EchoMode.Password)
        if not ok or not secret_for_office:
            return
        if out is None:
            out, _ = QFileDialog.getSaveFileName(self, self.tr("Enrolment file"),
                                                 f"{office.upper()}.scdkey", "*.scdkey")
            if not out:
                return
        try:
            done = ops.enrol(self._db, office, secret, out, secret_for_office)
        except Exception as exc:  # noqa: BLE001
            widgets.report_error(self, exc)
            return
        widgets.show_info(self, self.tr("Enrolment file written: %1").replace("%1", str(done.value)))
        self._notify(done.changes)

    def remove_office(self, office: str | None = None) -> None:
        secret = self._secret()
        if secret is None:
            return
        if office is None:
            codes = [p.office_code for p in ops.status(self._db).peers if p.role != "province"]
            if not codes:
                return
            office, ok = QInputDialog.getItem(self, self.tr("Remove an enrolment"),
                                              self.tr("Office:"), codes, 0, False)
            if not ok or not office:
                return
        if not widgets.confirm(
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
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the package"))
            if not folder:
                return None

        def done(result) -> None:
            self.last_export = result.value
            text = (self.tr("Package %1 written for %2 (%3 changes): %4") if result.value.changes
                    else self.tr("Package %1 written for %2 (acknowledgements only, no new "
                                 "changes): %4"))
            widgets.show_info(self, text
                              .replace("%1", str(result.value.seq))
                              .replace("%2", result.value.recipient)
                              .replace("%3", str(result.value.changes))
                              .replace("%4", str(result.value.path)))
            self._notify(result.changes)

        return run_with_progress(
            self, self.tr("Writing the package…"),
            lambda ctx: ops.export_package(self._db, secret, recipient, Path(folder)),
            on_success=done, on_failure=lambda exc: widgets.report_error(self, exc))

    def import_files(self, paths: list[str] | None = None):
        secret = self._secret()
        if secret is None:
            return None
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Sync packages"), "", FILE_FILTER)
            if not paths:
                return None
        chosen = list(paths)

        def previewed(result) -> None:
            self.preview = PreviewDialog(result.value, self)
            self.preview.accepted.connect(lambda: self._apply(chosen, secret))
            self.preview.open()

        return run_with_progress(
            self, self.tr("Checking the packages…"),
            lambda ctx: ops.import_packages(self._db, chosen, secret, dry_run=True),
            on_success=previewed, on_failure=lambda exc: widgets.report_error(self, exc))

    def _apply(self, paths: list[str], secret: str) -> None:
        def applied(result) -> None:
            self.last_import = result.value
            self._notify(result.changes)

        run_with_progress(
            self, self.tr("Importing the packages…"),
            lambda ctx: ops.import_packages(self._db, paths, secret),
            on_success=applied, on_failure=lambda exc: widgets.report_error(self, exc))

    def resolve(self, keep: str) -> None:
        c = self._selected_conflict()
        if c is None:
            return
        try:
            done = ops.resolve(self._db, c.id, keep)
        except Exception as exc:  # noqa: BLE001
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)
