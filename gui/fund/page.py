"""The "Quỹ tương hỗ" page: the office's funds with their balances; for the fund chosen,
its loans (a lazy list; those behind in red), its latest entries (the book) and members'
contributions; the arrears of every fund; buttons for a new fund, a contribution, a loan, a
repayment, a reversal, and the documents (contract, voucher, fund book, arrears, summary)
written in the background."""

from __future__ import annotations

import tempfile
import uuid
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.common.changes import Changes
from core.common.database import AppDatabase
from core.fund import documents, ops
from gui.common import completion, jobs, widgets
from gui.common.changes import ChangeBus
from gui.common.formatting import format_date, format_int
from gui.common.import_flow import ImportFlow, ImportSpec
from gui.common.pdf_preview import PdfPreviewDialog
from gui.fund import models as m
from gui.fund.dialogs import (
    BookPeriodDialog,
    CashCountDialog,
    ContributionDialog,
    FundDialog,
    LoanDecisionDialog,
    LoanDialog,
    LockDialog,
    RefundCreditDialog,
    RepaymentDialog,
    RescheduleDialog,
    ReverseDialog,
    SettingsDialog,
    WriteOffDialog,
)
from gui.fund.models import BEHIND, LoanTableModel

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
FundIdRole = Qt.ItemDataRole.UserRole + 1


def _table(headers: list[str]) -> QTableWidget:
    """A small read-only table (funds, entries, arrears: hundreds of rows, not millions)."""
    return widgets.small_table(headers, stretch=0)


def _fill(table: QTableWidget, rows: list[list[str]], numeric: set[int], data: list | None = None,
          red: list[bool] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c in numeric:
                item.setTextAlignment(_RIGHT)
            if data is not None and c == 0:
                item.setData(FundIdRole, data[r])
            if red and red[r]:
                item.setForeground(QBrush(BEHIND))
            table.setItem(r, c, item)


class FundPage(QWidget):
    def __init__(self, db: AppDatabase, bus: ChangeBus | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._bus = db, bus
        self._funds: list[ops.FundInfo] = []
        self._entries: list[ops.EntryInfo] = []

        self.new_fund = QPushButton(self.tr("New fund…"))
        self.contribute = QPushButton(self.tr("Contribution…"))
        self.lend = QPushButton(self.tr("New loan…"))
        self.repay = QPushButton(self.tr("Repayment…"))
        self.reverse = QPushButton(self.tr("Reverse entry…"))
        self.book = QPushButton(self.tr("Fund book…"))
        self.summary = QPushButton(self.tr("Summary…"))
        self.import_ledger = QPushButton(self.tr("Import ledger…"))
        self.documents = QPushButton(self.tr("Documents"))
        menu = QMenu(self.documents)
        self.act_contract = menu.addAction(self.tr("Loan contract…"), self._export_contract)
        self.act_card = menu.addAction(self.tr("Loan card…"), self._export_card)
        self.act_voucher = menu.addAction(self.tr("Receipt or payment voucher…"), self._export_voucher)
        self.act_arrears = menu.addAction(self.tr("Arrears list…"), self._export_arrears)
        self.documents.setMenu(menu)
        self.more = QPushButton(self.tr("More"))
        more = QMenu(self.more)
        self.act_approve = more.addAction(self.tr("Approve the application…"),
                                          lambda: self._decide("approve"))
        self.act_reject = more.addAction(self.tr("Reject the application…"),
                                         lambda: self._decide("reject"))
        self.act_withdraw = more.addAction(self.tr("Withdraw the application…"),
                                           lambda: self._decide("withdraw"))
        self.act_disburse = more.addAction(self.tr("Disburse the loan…"),
                                           lambda: self._decide("disburse"))
        more.addSeparator()
        self.act_refund_credit = more.addAction(self.tr("Refund the overpayment…"),
                                                self._refund_credit)
        self.act_write_off = more.addAction(self.tr("Write the loan off…"), self._write_off)
        self.act_reschedule = more.addAction(self.tr("Reschedule the loan…"), self._reschedule)
        self.act_count = more.addAction(self.tr("Cash count…"), self._count)
        self.act_lock = more.addAction(self.tr("Close the books…"), self._lock)
        self.act_settings = more.addAction(self.tr("Rules of the fund…"), self._settings)
        self.more.setMenu(more)
        self.act_repay = QAction(self.tr("Repayment…"), self)
        self.act_repay.triggered.connect(lambda _checked=False: self._repay())
        self.import_flow: ImportFlow | None = None
        self.preview: PdfPreviewDialog | None = None
        bar = QHBoxLayout()
        for button in (self.new_fund, self.contribute, self.lend, self.repay, self.reverse,
                       self.book, self.summary, self.documents, self.more, self.import_ledger):
            bar.addWidget(button)
        bar.addStretch(1)

        self.funds = _table([self.tr("Grassroots union"), self.tr("Fund"), self.tr("Cash and bank"),
                             self.tr("Outstanding loans"), self.tr("Contributions"),
                             self.tr("Open loans")])
        self.funds.itemSelectionChanged.connect(self._fund_chosen)
        self.fund_search = QLineEdit()
        self.fund_search.setPlaceholderText(self.tr("Find a fund: unit or code (tone marks optional)"))
        self.fund_search.setClearButtonEnabled(True)
        self.fund_search.textChanged.connect(self._filter_funds)

        self.loans = LoanTableModel(db, self)
        self.loan_view = self.loans.make_view()
        self.loan_view.doubleClicked.connect(lambda _i: self._repay())
        self.loan_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.loan_view.customContextMenuRequested.connect(self._loan_menu)
        self._size_loan_columns()
        self.entries = _table([self.tr("Date"), self.tr("Voucher"), self.tr("Kind"),
                               self.tr("Description"), self.tr("Amount"), self.tr("Cash on hand")])
        self.members_table = _table([self.tr("Member"), self.tr("Contributed")])
        self.arrears = _table([self.tr("Unit"), self.tr("Loan"), self.tr("Borrower"),
                               self.tr("Outstanding"), self.tr("Overdue"), self.tr("Days late"),
                               self.tr("Bucket")])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.loan_view, self.tr("Loans"))
        self.tabs.addTab(self.entries, self.tr("Book"))
        self.tabs.addTab(self.members_table, self.tr("Contributions"))
        self.tabs.addTab(self.arrears, self.tr("Arrears (all funds)"))
        self.detail = QLabel()
        self.detail.setWordWrap(True)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail)
        lower_layout.addWidget(self.tabs, 1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.fund_search)
        upper_layout.addWidget(self.funds, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([220, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self.new_fund.clicked.connect(self._new_fund)
        self.contribute.clicked.connect(self._contribute)
        self.lend.clicked.connect(self._lend)
        self.repay.clicked.connect(self._repay)
        self.reverse.clicked.connect(self._reverse)
        self.book.clicked.connect(self._export_book)
        self.summary.clicked.connect(self._export_summary)
        self.import_ledger.clicked.connect(self.start_import)
        self.refresh()

    def _size_loan_columns(self) -> None:
        """Every column but the borrower's as wide as its header or its longest possible text
        (the status, the days late), the borrower's taking what is left: nothing is cut at
        1366×768."""
        from core.fund.loans import STATUS_LABELS

        metrics = self.loan_view.fontMetrics()
        header = self.loan_view.horizontalHeader().fontMetrics()
        pad = 24
        money = ["999.999.999"]
        for column, samples in ((m.COL_NUMBER, ["LC-VV-2026-00000"]), (m.COL_AMOUNT, money),
                                (m.COL_TERM, ["120"]), (m.COL_DISBURSED, ["30/12/2026"]),
                                (m.COL_OUTSTANDING, money), (m.COL_OVERDUE, money),
                                (m.COL_DAYS, ["9999"]), (m.COL_CREDIT, money),
                                (m.COL_STATUS, list(STATUS_LABELS.values()))):
            title = str(self.loans.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max([header.horizontalAdvance(title)] +
                        [metrics.horizontalAdvance(text) for text in samples]) + pad
            self.loan_view.setColumnWidth(column, width)
        heads = self.loan_view.horizontalHeader()
        heads.setStretchLastSection(False)
        # The borrower takes what the others leave, but never less than a usual full name:
        # with a larger font or a narrow window the list scrolls sideways instead of
        # squeezing the names to "N…" (a Stretch section would shrink to a few pixels).
        self._borrower_min = metrics.horizontalAdvance("Nguyễn Văn") + pad
        self.loan_view.viewport().installEventFilter(self)
        self._fit_borrower()

    def _fit_borrower(self) -> None:
        others = sum(self.loan_view.columnWidth(c) for c in range(self.loans.columnCount())
                     if c != m.COL_BORROWER)
        self.loan_view.setColumnWidth(
            m.COL_BORROWER, max(self._borrower_min, self.loan_view.viewport().width() - others))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and watched is self.loan_view.viewport():
            self._fit_borrower()
        return super().eventFilter(watched, event)

    # --- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        chosen = self.current_fund()
        self._funds = ops.list_funds(self._db)
        _fill(self.funds, [[f.unit_name, f.code, format_int(f.money), format_int(f.outstanding),
                            format_int(f.contributions), str(f.loans_open)] for f in self._funds],
              {2, 3, 4, 5}, [f.id for f in self._funds])
        row = next((i for i, f in enumerate(self._funds) if chosen and f.id == chosen.id), 0)
        if self._funds:
            self.funds.selectRow(row)
        self._filter_funds()
        self._fund_chosen()
        lines = ops.arrears(self._db, date.today())
        _fill(self.arrears, [[a.unit_name, a.loan_number, a.borrower, format_int(a.outstanding),
                              format_int(a.overdue), str(a.days_past_due), a.bucket_label]
                             for a in lines], {3, 4, 5}, red=[True] * len(lines))
        self.tabs.setTabText(3, self.tr("Arrears (all funds): %1").replace("%1", str(len(lines))))

    def _filter_funds(self) -> None:
        """Only the funds whose unit name or code has every word typed (tones optional)."""
        typed = self.fund_search.text()
        first = -1
        for row, fund in enumerate(self._funds):
            hide = not completion.matches(typed, f"{fund.unit_name} {fund.unit_code} {fund.code}")
            self.funds.setRowHidden(row, hide)
            if not hide and first < 0:
                first = row
        chosen = self.current_fund()
        if first >= 0 and (chosen is None or self.funds.isRowHidden(self._funds.index(chosen))):
            self.funds.selectRow(first)

    def current_fund(self) -> ops.FundInfo | None:
        rows = self.funds.selectionModel().selectedRows() if self.funds.selectionModel() else []
        if not rows or rows[0].row() >= len(self._funds):
            return None
        return self._funds[rows[0].row()]

    def _fund_chosen(self) -> None:
        fund = self.current_fund()
        has = fund is not None
        for button in (self.contribute, self.lend, self.repay, self.reverse, self.book, self.more):
            button.setEnabled(has)
        self.loans.set_fund(fund.id if fund else None)
        if fund is None:
            self.detail.setText(self.tr("No fund yet: create one for a grassroots union."))
            _fill(self.entries, [], set())
            _fill(self.members_table, [], set())
            return
        s = fund.settings
        self.detail.setText(
            self.tr("%1 · since %2 · ceiling %3 đồng · up to %4 months · %5")
            .replace("%1", fund.name).replace("%2", format_date(fund.started_on))
            .replace("%3", format_int(s.ceiling)).replace("%4", str(s.max_term_months))
            .replace("%5", s.guidance))
        self._entries = ops.entries(self._db, fund.id)
        _fill(self.entries, [[format_date(e.on), e.voucher, e.kind_label, e.memo, format_int(e.amount),
                              format_int(e.balance) if e.balance is not None else ""]
                             for e in self._entries], {4, 5},
              red=[e.reversed or e.reverses for e in self._entries])
        people = ops.members(self._db, fund.id)
        _fill(self.members_table, [[m.name, format_int(m.contributed)] for m in people], {1})

    def apply_changes(self, changes: Changes, source: object) -> None:
        if changes.fund or changes.units or changes.members:
            self.refresh()

    # --- actions ------------------------------------------------------------------------
    def _run(self, dialog) -> None:
        dialog.exec()

    def _new_fund(self) -> None:
        self._run(FundDialog(self._db, self._bus, self))

    def _contribute(self) -> None:
        fund = self.current_fund()
        if fund:
            self._run(ContributionDialog(self._db, self._bus, fund, self))

    def _lend(self) -> None:
        fund = self.current_fund()
        if fund:
            dialog = LoanDialog(self._db, self._bus, fund, self)
            dialog.accepted.connect(lambda: self._say_loan(dialog.result_value))
            self._run(dialog)

    def current_loan(self) -> ops.LoanInfo | None:
        index = self.loan_view.currentIndex()
        return self.loans.loan_at(index.row()) if index.isValid() else None

    # which statuses each step of a loan’s life can start from
    STEPS = {"approve": ("applied",), "reject": ("applied", "approved"),
             "withdraw": ("applied", "approved"), "disburse": ("approved",)}

    def loan_menu(self) -> QMenu:
        """The loans list's context menu: the steps open to the loan under the cursor."""
        loan = self.current_loan()
        status = loan.status if loan else ""
        menu = QMenu(self)
        for action, step in ((self.act_approve, "approve"), (self.act_reject, "reject"),
                             (self.act_withdraw, "withdraw"), (self.act_disburse, "disburse")):
            menu.addAction(action)
            action.setEnabled(status in self.STEPS[step])
        menu.addSeparator()
        for action in (self.act_repay, self.act_write_off, self.act_reschedule):
            menu.addAction(action)
            action.setEnabled(status == "disbursed")
        menu.addAction(self.act_refund_credit)
        self.act_refund_credit.setEnabled(bool(loan and loan.state and loan.state.credit > 0))
        return menu

    def _refund_credit(self) -> None:
        loan = self.current_loan()
        if loan is None:
            widgets.show_error(self, self.tr("Choose a loan in the list first."))
            return
        if not (loan.state and loan.state.credit > 0):
            widgets.show_error(self, self.tr("The loan %1 has no overpayment.").replace("%1", loan.number))
            return
        self._run(RefundCreditDialog(self._db, self._bus, loan, self))

    def _loan_menu(self, pos) -> None:
        self.loan_menu().exec(self.loan_view.viewport().mapToGlobal(pos))

    def _decide(self, step: str) -> None:
        loan = self.current_loan()
        if loan is None:
            widgets.show_error(self, self.tr("Choose a loan in the list first."))
            return
        if loan.status not in self.STEPS[step]:
            widgets.show_error(self, self.tr("This step is not open to the loan %1 (%2).")
                               .replace("%1", loan.number).replace("%2", loan.status_label))
            return
        dialog = LoanDecisionDialog(self._db, self._bus, loan, step, self)
        dialog.accepted.connect(lambda: self._say_loan(dialog.result_value))
        self._run(dialog)

    def _say_loan(self, loan: object) -> None:
        """After a loan is saved or disbursed: its number, and its payment voucher."""
        if not isinstance(loan, ops.LoanInfo):
            return
        text = self.tr("Loan %1 of %2: %3.").replace("%1", loan.number) \
            .replace("%2", loan.borrower).replace("%3", loan.status_label)
        if loan.voucher:
            text += " " + self.tr("Payment voucher %1 was written for %2 đồng.") \
                .replace("%1", loan.voucher).replace("%2", format_int(loan.amount))
        widgets.show_info(self, text)

    def _repay(self) -> None:
        loan = self.current_loan()
        if loan is None:
            widgets.show_error(self, self.tr("Choose a loan in the list first."))
            return
        if loan.status != "disbursed":
            widgets.show_error(self, self.tr("This loan is not being repaid (%1).")
                               .replace("%1", loan.status_label))
            return
        self._run(RepaymentDialog(self._db, self._bus, loan, self))

    def _disbursed_loan(self) -> ops.LoanInfo | None:
        loan = self.current_loan()
        if loan is None:
            widgets.show_error(self, self.tr("Choose a loan in the list first."))
            return None
        if loan.status != "disbursed":
            widgets.show_error(self, self.tr("This loan is not being repaid (%1).")
                               .replace("%1", loan.status_label))
            return None
        return loan

    def _write_off(self) -> None:
        loan = self._disbursed_loan()
        if loan:
            self._run(WriteOffDialog(self._db, self._bus, loan, self))

    def _reschedule(self) -> None:
        loan = self._disbursed_loan()
        if loan:
            self._run(RescheduleDialog(self._db, self._bus, loan, self))

    def _count(self) -> None:
        fund = self.current_fund()
        if fund:
            self._run(CashCountDialog(self._db, self._bus, fund, self))

    def _settings(self) -> None:
        fund = self.current_fund()
        if fund:
            self._run(SettingsDialog(self._db, self._bus, fund, self))

    def _lock(self) -> None:
        fund = self.current_fund()
        if fund:
            self._run(LockDialog(self._db, self._bus, fund, self))

    def _reverse(self) -> None:
        self.tabs.setCurrentWidget(self.entries)
        rows = self.entries.selectionModel().selectedRows()
        if not rows:
            widgets.show_error(self, self.tr("Choose an entry in the book first."))
            return
        self._run(ReverseDialog(self._db, self._bus, self._entries[rows[0].row()], self))

    def _preview(self, label: str, title: str, file_name: str, write) -> jobs.Job:
        """``write(path, is_cancelled)`` into a temporary PDF in the background, then the
        in-app preview (print, save, open)."""
        def work(ctx: jobs.JobContext) -> bytes:
            with tempfile.TemporaryDirectory(prefix="socongdoan-") as folder:
                target = Path(folder) / file_name
                write(target, ctx.is_cancelled)
                return target.read_bytes()

        def show(data: bytes) -> None:
            if self.preview is not None and shiboken6.isValid(self.preview):
                self.preview.deleteLater()  # one document previewed at a time
            self.preview = PdfPreviewDialog(data, title=title, file_name=file_name, parent=self)
            self.preview.open()

        return jobs.run_with_progress(self, label, work, on_success=show,
                                      on_failure=lambda exc: widgets.report_error(self, exc))

    def _export_book(self) -> None:
        fund = self.current_fund()
        if fund is None:
            return
        dialog = BookPeriodDialog(self)
        dialog.accepted.connect(lambda: self._preview_book(fund, *dialog.period()))
        self._run(dialog)

    def _preview_book(self, fund: ops.FundInfo, start: date, end: date) -> jobs.Job:
        fund_id: uuid.UUID = fund.id
        name = f"so-quy-{fund.unit_code}-{start:%Y%m%d}-{end:%Y%m%d}.pdf"
        return self._preview(self.tr("Writing the fund book…"), self.tr("Fund book"), name,
                             lambda path, cancelled: documents.fund_book(
                                 self._db, fund_id, path, start=start, end=end,
                                 is_cancelled=cancelled))

    def _export_contract(self) -> None:
        loan = self.current_loan()
        if loan is None:
            widgets.show_error(self, self.tr("Choose a loan in the list first."))
            return
        self._preview(self.tr("Writing the contract…"), self.tr("Loan contract"),
                      f"hop-dong-{loan.number}.pdf",
                      lambda path, cancelled: documents.loan_contract(self._db, loan.id, path,
                                                                      is_cancelled=cancelled))

    def _export_card(self) -> None:
        loan = self.current_loan()
        if loan is None:
            widgets.show_error(self, self.tr("Choose a loan in the list first."))
            return
        self._preview(self.tr("Writing the loan card…"), self.tr("Loan card"),
                      f"the-vay-{loan.number}.pdf",
                      lambda path, cancelled: documents.loan_card(self._db, loan.id, path,
                                                                  is_cancelled=cancelled))

    def _export_voucher(self) -> None:
        rows = self.entries.selectionModel().selectedRows()
        if not rows:
            self.tabs.setCurrentWidget(self.entries)
            widgets.show_error(self, self.tr("Choose an entry in the book first."))
            return
        entry = self._entries[rows[0].row()]
        self._preview(self.tr("Writing the voucher…"), self.tr("Voucher"), f"{entry.voucher}.pdf",
                      lambda path, cancelled: documents.voucher(self._db, entry.id, path,
                                                                is_cancelled=cancelled))

    def _export_arrears(self) -> None:
        self._preview(self.tr("Writing the arrears list…"), self.tr("Arrears list"),
                      "no-qua-han.pdf",
                      lambda path, cancelled: documents.arrears_report(
                          self._db, path, as_of=date.today(), is_cancelled=cancelled))

    def _export_summary(self) -> None:
        self._preview(self.tr("Writing the summary…"), self.tr("Summary of the funds"),
                      "tong-hop-quy-tuong-ho.pdf",
                      lambda path, cancelled: documents.summary_report(
                          self._db, path, as_of=date.today(), is_cancelled=cancelled))

    # --- import of ledgers kept in Excel ----------------------------------------------------
    def _new_import(self) -> ImportFlow:
        from core.fund import importing

        if self.import_flow is not None:
            self.import_flow.dispose()
        spec = ImportSpec(what=self.tr("loans"), title=self.tr("Import a loan ledger from a workbook"),
                          run=importing.import_loans, columns=importing.COLUMNS,
                          changes=Changes(fund=True))
        self.import_flow = ImportFlow(self, self._db, spec, bus=self._bus, source=self)
        return self.import_flow

    def start_import(self) -> jobs.Job | None:
        """Choose a workbook, check it in the background, then show the preview."""
        return self._new_import().start()

    def check_file(self, path) -> jobs.Job:
        return self._new_import().check(path)
