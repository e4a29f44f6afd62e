"""The "Khen thưởng" page: rounds; the nominees of a round in a lazy table (search ignoring
tone marks, status filter); for the selected nominee its criteria checklist with evidence
notes, the rule-by-rule checks and its file; the round's file with what is missing; the
documents (Tờ trình, decision, its list as a workbook) and certificate printing.

Everything goes through ``core.commendations.ops``; every change is announced on the bus.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.commendations import ops
from core.commendations.ops import NomineeQuery, NomineeStatus
from core.common.changes import Changes
from core.common.database import AppDatabase
from gui.commendations.dialogs import (
    ApproveDialog,
    DecisionChoiceDialog,
    EvidenceDialog,
    NomineeDialog,
    RoundDialog,
    UnapproveDialog,
)
from gui.commendations.models import NomineeRowRole, NomineeTableModel
from gui.common import file_dialogs, widgets
from gui.common.changes import ChangeBus
from gui.common.pdf_preview import PdfPreviewDialog
from gui.common.widgets import ValueCombo

_OK, _BAD = QColor("#1b7a34"), QColor("#b00020")
KeyRole = Qt.ItemDataRole.UserRole + 1


class CommendationsPage(QWidget):
    def __init__(self, db: AppDatabase, bus: ChangeBus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.bus = db, bus
        self._detail: ops.NomineeDetail | None = None
        self._shown_once = False
        self.preview: PdfPreviewDialog | None = None  # the last document shown
        self._filling = False

        # --- top: the round and the filters -----------------------------------------
        self.round = ValueCombo()
        self.round.setMinimumContentsLength(48)
        self.round.currentIndexChanged.connect(self._round_changed)
        self.round_info = QLabel()
        new_round = self.new_round_button = QPushButton(self.tr("New &round…"))
        new_round.clicked.connect(self.new_round)
        self.thresholds_button = QPushButton(self.tr("T&hresholds…"))
        self.thresholds_button.setToolTip(self.tr("Creative Labour benefit thresholds (QĐ 1564/QĐ-TLĐ)"))
        self.thresholds_button.clicked.connect(self.edit_thresholds)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name or unit (tone marks optional)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._requery)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.status = ValueCombo()
        self.status.add(self.tr("All statuses"), None)
        self.status.add(self.tr("Proposed"), NomineeStatus.PROPOSED)
        self.status.add(self.tr("Approved"), NomineeStatus.APPROVED)
        self.status.add(self.tr("Not approved"), NomineeStatus.NOT_APPROVED)
        self.status.currentIndexChanged.connect(lambda _i: self._requery())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Round:")))
        top.addWidget(self.round, 1)
        top.addWidget(new_round)
        top.addWidget(self.thresholds_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status)
        filters.addWidget(self.round_info, 1)

        # --- actions -------------------------------------------------------------------
        self.add_button = QPushButton(self.tr("&Add nominee…"))
        self.add_button.clicked.connect(self.add_nominee)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.edit_nominee)
        self.import_button = QPushButton(self.tr("&Import list…"))
        self.import_button.setToolTip(self.tr("Nominee lists sent up by lower levels (xlsx, xls, ods): "
                                              "checked first, rows already in the round skipped"))
        self.import_button.clicked.connect(self.import_list)
        self.import_flow = None
        self.approve_button = QPushButton(self.tr("A&pprove…"))
        self.approve_button.clicked.connect(self.approve)
        self.reject_button = QPushButton(self.tr("&Not approved…"))
        self.reject_button.setToolTip(self.tr("Record the selected nominee as not approved by a decision"))
        self.reject_button.clicked.connect(self.reject)
        self.unapprove_button = QPushButton(self.tr("&Undo approval…"))
        self.unapprove_button.setToolTip(self.tr("A wrong approval: the selected nominee goes back to "
                                                 "proposed, with the reason recorded"))
        self.unapprove_button.clicked.connect(self.unapprove)
        self.totrinh_button = QPushButton(self.tr("&Submission letter…"))
        self.totrinh_button.clicked.connect(self.write_totrinh)
        self.decision_button = QPushButton(self.tr("&Decision…"))
        self.decision_button.clicked.connect(self.write_decision)
        self.print_button = QPushButton(self.tr("Print &certificates…"))
        self.print_button.clicked.connect(self.print_certificates)
        actions = QHBoxLayout()
        for b in (self.add_button, self.import_button, self.edit_button, self.approve_button,
                  self.reject_button, self.unapprove_button):
            actions.addWidget(b)
        actions.addStretch(1)
        for b in (self.totrinh_button, self.decision_button, self.print_button):
            actions.addWidget(b)
        widgets.page_action(self, self.tr("Find"), "Ctrl+F", self.search.setFocus)
        widgets.page_action(self, self.tr("Add nominee"), "Ctrl+N", self.add_nominee)
        widgets.page_action(self, self.tr("Refresh"), "F5", self.refresh)

        # --- the list and the detail ------------------------------------------------------
        self.model = NomineeTableModel(db, self)
        self.table = self.model.make_view()
        # Narrow enough that Tình trạng and Quyết định show at 1366×768 without scrolling
        # sideways, wide enough for every header; long names and units are elided (the whole
        # text is the cell's tooltip).
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for column, width in enumerate((40, 170, 84, 172, 144, 150)):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            # never narrower than its header (a larger desktop font)
            self.table.setColumnWidth(column, max(width, metrics.horizontalAdvance(title) + 16))
        self.table.horizontalHeader().setStretchLastSection(True)  # the decision takes what is left
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.doubleClicked.connect(lambda _i: self.edit_nominee())
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.criteria = QListWidget()
        self.criteria.setWordWrap(True)
        self.criteria.itemChanged.connect(self._criterion_changed)
        self.criteria.itemDoubleClicked.connect(self._edit_note)
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.file_list = QListWidget()
        self.file_list.setWordWrap(True)
        attach = QPushButton(self.tr("A&ttach a file…"))
        attach.clicked.connect(self.attach_file)
        self.summaries_button = QPushButton(self.tr("&Generate initiative summaries"))
        self.summaries_button.setToolTip(self.tr("For each individual with linked initiatives: the "
                                                 "register's description report, kept in the file"))
        self.summaries_button.clicked.connect(self.generate_summaries)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(attach)
        file_buttons.addWidget(self.summaries_button)
        right = QVBoxLayout()
        right.addWidget(self.name_label)
        criteria_label = QLabel(self.tr("Criteria (tick when met; double-click for the evidence):"))
        criteria_label.setWordWrap(True)  # no minimum width of its whole line for the detail
        right.addWidget(criteria_label)
        right.addWidget(self.criteria, 2)
        right.addWidget(QLabel(self.tr("Checks:")))
        right.addWidget(self.findings, 3)
        right.addWidget(QLabel(self.tr("File (hồ sơ):")))
        right.addWidget(self.file_list, 2)
        right.addLayout(file_buttons)
        detail = QWidget()
        detail.setLayout(right)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([800, 340])  # the detail's wrapped lists would take half otherwise

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(split, 1)
        self.reload_rounds()

    # --- rounds ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read everything again (F5, and whenever the page is shown again), keeping the round
        and the current nominee."""
        current = self._detail.row.id if self._detail is not None else None
        self.reload_rounds()
        if current is not None:
            row = self.model.row_of(current)
            if row is not None:
                widgets.select_row(self.table, self.model.index(row, 1))
                self._show_current()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._shown_once:
            self.refresh()  # what other pages or the command line changed meanwhile
        self._shown_once = True

    def reload_rounds(self, select: uuid.UUID | None = None) -> None:
        current = select or self.round_id()
        self._filling = True
        self.round.clear()
        for r in ops.rounds(self.db):
            # The year only when the name does not say it already ("… năm 2026").
            self.round.add(r.name if str(r.year) in r.name else f"{r.name} ({r.year})", r.id)
        self._filling = False
        if not (current and self.round.set_value(current)) and self.round.count():
            self.round.setCurrentIndex(0)
        self._round_changed()

    def round_id(self) -> uuid.UUID | None:
        value = self.round.value()
        return value if isinstance(value, uuid.UUID) else None

    def _round_changed(self, _index: int = 0) -> None:
        if self._filling:
            return
        has = self.round_id() is not None
        for b in (self.add_button, self.edit_button, self.approve_button, self.reject_button,
                  self.unapprove_button, self.totrinh_button, self.decision_button, self.print_button):
            b.setEnabled(has)
        self._requery()

    def _requery(self) -> None:
        self.model.set_query(NomineeQuery(self.round_id(), self.search.text(), self.status.value()))  # type: ignore[arg-type]
        self._show_round_info()
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self._show_current()

    def _show_round_info(self) -> None:
        rid = self.round_id()
        if rid is None:
            self.round_info.setText(self.tr("No round yet: create one, or import a list."))
            return
        info = ops.get_round(self.db, rid)
        file = ops.round_file(self.db, rid)
        missing = len(file.missing())
        state = self.tr("file complete") if not missing else self.tr("{0} document(s) missing").format(missing)
        if not info.nominees:
            self.round_info.setText(self.tr("No nominee in this round yet."))
            return
        self.round_info.setText(self.tr("{0} nominee(s), {1} approved; {2}").format(
            info.nominees, info.approved, state))

    def new_round(self) -> None:
        dialog = RoundDialog(self)
        if not dialog.exec():
            return
        try:
            done = ops.create_round(self.db, dialog.value())
        except Exception as exc:
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)
        self.reload_rounds(select=done.value.id)

    def edit_thresholds(self) -> None:
        from gui.commendations.dialogs import ThresholdsDialog

        dialog = ThresholdsDialog(ops.thresholds(self.db), self)
        if not dialog.exec():
            return
        try:
            done = ops.set_thresholds(self.db, dialog.value())
        except Exception as exc:
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)
        self._show_current()

    # --- nominees ----------------------------------------------------------------------------
    def current_row(self) -> ops.NomineeRow | None:
        index = self.table.currentIndex()
        return index.data(NomineeRowRole) if index.isValid() else None

    def _show_current(self) -> None:
        row = self.current_row()
        self._detail = ops.nominee_detail(self.db, row.id) if row else None
        self._fill_detail()

    def _fill_detail(self) -> None:
        d = self._detail
        self._filling = True
        self.criteria.clear()
        self.findings.clear()
        self.file_list.clear()
        rid = self.round_id()
        if d is None:
            self.name_label.setText(self.tr("Select a nominee to see the criteria and checks."))
        else:
            self.name_label.setText(f"{d.row.full_name} — {ops.AWARD_LABELS[d.row.award]}")
            for c in d.criteria:
                text = c.label + (f" — {c.note}" if c.note else "")
                item = QListWidgetItem(text)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if c.met else Qt.CheckState.Unchecked)
                item.setData(KeyRole, c.key)
                self.criteria.addItem(item)
            for f in d.findings:
                item = QListWidgetItem(("✓ " if f.ok else "✗ ") + f.message)
                item.setForeground(_OK if f.ok else _BAD)
                self.findings.addItem(item)
            if d.note:
                self.findings.addItem(QListWidgetItem(d.note))
        if rid is not None:
            file = ops.round_file(self.db, rid)
            reqs = list(file.requirements)
            if d is not None:
                reqs += [r for n in file.nominees if n.nominee_id == d.row.id for r in n.requirements]
            for r in reqs:
                names = ", ".join(f.file_name for f in r.files)
                label = self.tr("{0} — out of date, generate it again").format(r.label) if r.stale else r.label
                item = QListWidgetItem(("✓ " if r.present else "✗ ") + label + (f": {names}" if names else ""))
                item.setForeground(_OK if r.present else _BAD)
                item.setData(KeyRole, r.kind)
                self.file_list.addItem(item)
        self._filling = False

    def _criterion_changed(self, item: QListWidgetItem) -> None:
        if self._filling or self._detail is None:
            return
        key = item.data(KeyRole)
        note = next((c.note for c in self._detail.criteria if c.key == key), "")
        self._set_criterion(key, item.checkState() == Qt.CheckState.Checked, note)

    def _edit_note(self, item: QListWidgetItem) -> None:
        if self._detail is None:
            return
        key = item.data(KeyRole)
        current = next(c for c in self._detail.criteria if c.key == key)
        dialog = EvidenceDialog(current.label, current.note, self)
        if dialog.exec():
            self._set_criterion(key, current.met, dialog.value())

    def _set_criterion(self, key: str, met: bool, note: str) -> None:
        assert self._detail is not None
        try:
            done = ops.set_criterion(self.db, self._detail.row.id, key, met, note)
        except Exception as exc:
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)
        QTimer.singleShot(0, self._show_current)

    def add_nominee(self) -> None:
        rid = self.round_id()
        if rid is None:
            return
        dialog = NomineeDialog(ops.get_round(self.db, rid).forms, self, db=self.db)
        if not dialog.exec():
            return
        try:
            done = ops.add_nominee(self.db, rid, dialog.value())
        except ops.DuplicateNominee as exc:
            if not self._confirm_duplicate(exc):
                return
            try:
                done = ops.add_nominee(self.db, rid, dialog.value(), allow_duplicate=True)
            except Exception as again:
                widgets.report_error(self, again)
                return
        except Exception as exc:
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)
        self._requery()
        row = self.model.row_of(done.value.id)
        if row is not None:
            self.table.selectRow(row)

    def _confirm_duplicate(self, exc: ops.DuplicateNominee) -> bool:
        """Warn, at saving, of a person or unit already proposed this year at this level."""
        return widgets.confirm(self, self.tr("Already proposed"),
                               self.tr("{0}\n\nSave it anyway?").format(exc),
                               self.tr("Save anyway"), no_text=self.tr("Don't save"))

    def edit_nominee(self) -> None:
        rid, d = self.round_id(), self._detail
        if rid is None or d is None:
            return
        dialog = NomineeDialog(ops.get_round(self.db, rid).forms, self, current=d, db=self.db)
        if not dialog.exec():
            return
        try:
            done = ops.update_nominee(self.db, d.row.id, dialog.value())
        except ops.DuplicateNominee as exc:
            if not self._confirm_duplicate(exc):
                return
            try:
                done = ops.update_nominee(self.db, d.row.id, dialog.value(), allow_duplicate=True)
            except Exception as again:
                widgets.report_error(self, again)
                return
        except Exception as exc:
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)
        self.model.reload(keep_loaded=True)
        self._show_current()

    def _reload_keeping(self, nominee_id: uuid.UUID) -> None:
        """Read the list again and keep the nominee current (a reset loses the current row)."""
        self.model.reload(keep_loaded=True)
        self._show_round_info()
        row = self.model.row_of(nominee_id)
        if row is not None:
            widgets.select_row(self.table, self.model.index(row, 1))
        self._show_current()

    def selected_rows(self) -> list[ops.NomineeRow]:
        """The nominees selected in the table (several with Shift/Ctrl), in the table's order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.row_at(i) for i in rows) if r is not None]

    def approve(self) -> None:
        """Approve the selected proposed nominees (or, when none of the selection is proposed,
        every proposed one passing its checks), as ticked in the dialog's list."""
        rid = self.round_id()
        if rid is None:
            return
        candidates = [c for c in ops.check_round(self.db, rid) if c.row.status == NomineeStatus.PROPOSED]
        if not candidates:
            widgets.show_info(self, self.tr("No nominee of this round is waiting for a decision."))
            return
        proposed = {c.row.id for c in candidates}
        selected = {r.id for r in self.selected_rows()} & proposed
        dialog = ApproveDialog(len(candidates), "QĐ-LĐLĐ", self, candidates=candidates,
                               ticked=selected or None, lookup=lambda n: ops.decision_date(self.db, n))
        if not dialog.exec():
            return
        chosen = dialog.chosen()
        number = dialog.number.text().strip()
        try:
            done = ops.approve(self.db, rid, number, dialog.signed.value() or date.today(), chosen)
        except Exception as exc:
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)
        self._requery()
        names = [c.row.full_name for c in candidates if c.row.id in set(chosen)]
        widgets.show_info(self, self.tr("Approved under decision {0}: {1} nominee(s) — {2}.").format(
            number, done.value, ", ".join(names)))

    def unapprove(self) -> None:
        """Undo a wrong approval of the current nominee ("Hủy duyệt"), with a reason."""
        d = self._detail
        if d is None:
            return
        if d.row.status != NomineeStatus.APPROVED:
            widgets.show_info(self, self.tr("{0} is not approved; there is no approval to undo.")
                              .format(d.row.full_name))
            return
        printed = False
        while True:
            dialog = UnapproveDialog(d.row.full_name, d.row.decision_number, self, printed=printed)
            if not dialog.exec():
                return
            try:
                done = ops.unapprove(self.db, [d.row.id], dialog.reason.text(),
                                     printed_ok=dialog.printed.isChecked())
            except ops.AlreadyPrinted:
                printed = True  # ask again, with the box to confirm
                continue
            except Exception as exc:
                widgets.report_error(self, exc)
                return
            break
        self._notify(done.changes)
        self._reload_keeping(d.row.id)

    def import_list(self, path: str | None = None):
        """A workbook of nominees into the current round (or a new one named after the file's
        year when there is none), through the common preview-then-commit flow."""
        from core.commendations.importing import COLUMNS, import_nominees
        from core.commendations.rules import default_round_name
        from gui.common.import_flow import ImportFlow, ImportSpec

        rid = self.round_id()
        name = ops.get_round(self.db, rid).name if rid else default_round_name(date.today().year)
        spec = ImportSpec(what=self.tr("nominees"), title=self.tr("Import a nominee list"),
                          run=import_nominees, changes=Changes(commendations=True),
                          options={"round_name": name}, columns=COLUMNS)
        self.import_flow = flow = ImportFlow(self, self.db, spec, bus=self.bus, source=self)
        flow.imported.connect(lambda _result: self.reload_rounds())
        return flow.check(path) if path else flow.start()

    def reject(self) -> None:
        rid, d = self.round_id(), self._detail
        if rid is None or d is None:
            return
        dialog = ApproveDialog(1, "QĐ-LĐLĐ", self, name=d.row.full_name,
                               lookup=lambda n: ops.decision_date(self.db, n))
        if not dialog.exec():
            return
        try:
            done = ops.reject(self.db, rid, dialog.number.text(), dialog.signed.value() or date.today(),
                              [d.row.id])
        except Exception as exc:
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)
        self._reload_keeping(d.row.id)

    # --- the file and the documents ------------------------------------------------------------
    def attach_file(self) -> None:
        rid = self.round_id()
        item = self.file_list.currentItem()
        if rid is None or item is None:
            widgets.show_info(self, self.tr("Select the missing document in the file list first."))
            return
        kind = item.data(KeyRole)
        chosen = file_dialogs.open_file(
            self, self.tr("Attach a file"), file_dialogs.FileKind.ATTACHMENT,
            self.tr("Scans and documents (*.pdf *.jpg *.jpeg *.png *.docx *.doc);;All files (*)").split(";;"))
        if chosen is None:
            return
        path = str(chosen)
        nominee = self._detail.row.id if self._detail and kind not in ("totrinh", "minutes") else None
        try:
            done = ops.attach(self.db, rid, kind, path, nominee_id=nominee)
        except Exception as exc:
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)
        self._show_round_info()
        self._fill_detail()

    def generate_summaries(self) -> None:
        rid = self.round_id()
        if rid is None:
            return
        try:
            done = ops.generate_initiative_summaries(self.db, rid)
        except Exception as exc:
            widgets.report_error(self, exc)
            return
        self._notify(done.changes)
        widgets.show_info(self, self.tr("Initiative summaries added to the file of {0} nominee(s).")
                          .format(done.value))
        self._show_round_info()
        self._fill_detail()

    def write_totrinh(self) -> None:
        """Ask the Tờ trình's number (suggested from the numbering book) and date, write it
        (kept in the round's file) and show it to print or save."""
        import tempfile

        from gui.commendations.dialogs import TotrinhDialog

        rid = self.round_id()
        if rid is None:
            return
        dialog = TotrinhDialog(self.db, self)
        if not dialog.exec():
            return
        # Written to a temporary folder (the round's file keeps its own copy), shown from
        # memory; the folder goes whatever happens.
        with tempfile.TemporaryDirectory(prefix="socongdoan-") as folder:
            path = Path(folder) / "to-trinh.pdf"
            try:
                done = ops.write_totrinh(self.db, rid, path, signed_on=dialog.signed.value(),
                                         number=dialog.number.value())
                data = path.read_bytes()
            except Exception as exc:
                widgets.report_error(self, exc)
                return
        self._notify(done.changes)
        self._show_round_info()
        self._fill_detail()
        self._preview(data, self.tr("Submission letter No. {0}").format(done.value),
                      f"to-trinh-{done.value.split('/')[0]}.pdf")

    def _preview(self, path: Path | bytes, title: str, file_name: str, *, saved: bool = False) -> None:
        self.preview = PdfPreviewDialog(path, title=title, file_name=file_name, parent=self, saved=saved)
        self.preview.open()

    def write_decision(self) -> None:
        rid = self.round_id()
        if rid is None:
            return
        decisions = ops.round_decisions(self.db, rid)
        if not decisions:
            widgets.show_info(self, self.tr("No nominee of this round is approved yet."))
            return
        chosen = decisions[0]
        if len(decisions) > 1:
            dialog = DecisionChoiceDialog(decisions, self)
            if not dialog.exec():
                return
            chosen = dialog.chosen()
        target = file_dialogs.save_file(self, self.tr("Save the decision"), file_dialogs.FileKind.DOCUMENT,
                                        "quyet-dinh.pdf", [(self.tr("PDF files (*.pdf)"), ".pdf"),
                                                           (self.tr("Workbook (*.xlsx)"), ".xlsx")])
        if target is None:
            return
        path = str(target)
        try:
            written = ops.write_decision(self.db, rid, path, decision_number=chosen.number,
                                         signed_on=chosen.signed_on)
        except Exception as exc:
            widgets.report_error(self, exc)
            return
        if written.suffix.lower() == ".pdf":  # shown, to print (or save a copy)
            self._preview(written, self.tr("Decision {0}").format(chosen.number), written.name, saved=True)
        else:
            widgets.show_info(self, self.tr("Saved to {0}.").format(written.name))

    def print_certificates(self) -> None:
        from gui.commendations.printing import CertificateDialog

        rid = self.round_id()
        if rid is None:
            return
        self.certificate_dialog = CertificateDialog(self.db, rid, self, notify=self._notify)
        self.certificate_dialog.open()

    # --- change notices ----------------------------------------------------------------------
    def _notify(self, changes: Changes) -> None:
        if self.bus is not None:
            self.bus.notify(changes, source=self)

    def apply_changes(self, changes: Changes, source: object | None = None) -> None:
        if source is self:
            return
        if changes.commendations or changes.initiatives or changes.office:
            self.reload_rounds()
