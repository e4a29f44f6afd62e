"""The loans list of the fund page: a lazy table model over core.fund.ops (keys are the
loans' rowids; rows are read by key for the window on screen)."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from core.common.database import AppDatabase
from core.fund import ops
from core.fund.ops import LoanInfo
from gui.common.formatting import format_date, format_int
from gui.common.table_model import CountWork, KeysWork, LazyTableModel

(COL_NUMBER, COL_BORROWER, COL_AMOUNT, COL_TERM, COL_DISBURSED, COL_OUTSTANDING, COL_OVERDUE,
 COL_DAYS, COL_CREDIT, COL_STATUS) = range(10)
COLUMN_COUNT = 10
LoanIdRole = Qt.ItemDataRole.UserRole + 1
LoanRowRole = Qt.ItemDataRole.UserRole + 2
_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
BEHIND = QColor(190, 20, 20)


class LoanTableModel(LazyTableModel):
    """Loans of one fund (or all), newest first, with their state as of today."""

    def __init__(self, db: AppDatabase, parent=None, page_size: int = 200) -> None:
        super().__init__(db, parent, column_count=COLUMN_COUNT, sort_keys={},
                         sort_column=COL_NUMBER, descending=True, page_size=page_size,
                         keep_pages=10)
        self._fund_id: uuid.UUID | None = None
        self.as_of = date.today()
        self._row_roles = frozenset({_DISPLAY, _FOREGROUND, LoanIdRole, LoanRowRole})
        self._align = {c: _RIGHT for c in (COL_AMOUNT, COL_TERM, COL_OUTSTANDING, COL_OVERDUE, COL_DAYS,
                                           COL_CREDIT)}
        self._headers = {
            COL_NUMBER: self.tr("Loan"), COL_BORROWER: self.tr("Borrower"),
            COL_AMOUNT: self.tr("Amount"), COL_TERM: self.tr("Months"),
            COL_DISBURSED: self.tr("Disbursed"), COL_OUTSTANDING: self.tr("Outstanding"),
            COL_OVERDUE: self.tr("Overdue"), COL_DAYS: self.tr("Days late"),
            COL_CREDIT: self.tr("Overpaid"),
            COL_STATUS: self.tr("Status"),
        }

    def set_fund(self, fund_id: uuid.UUID | None) -> None:
        self._fund_id = fund_id
        self.reload()

    def loan_at(self, row: int) -> LoanInfo | None:
        return self.row_at(row)

    def _read_page(self, offset: int, limit: int) -> list[LoanInfo]:
        if self._fund_id is None:
            return []
        return ops.loan_page(self._db, self._fund_id, offset, limit, self.as_of)

    def _read_rows(self, keys: list[int]) -> list[LoanInfo | None]:
        return ops.loan_rows(self._db, keys, self.as_of)

    def _read_key_of(self, item_id) -> int | None:
        return ops.loan_key_of(self._db, item_id)

    def _keys_work(self) -> KeysWork:
        db, fund_id = self._db, self._fund_id
        if fund_id is None:
            from array import array

            return lambda is_cancelled: array("q")
        return lambda is_cancelled: ops.loan_keys(db, fund_id, is_cancelled)

    def _count_work(self, complete: bool) -> CountWork | None:
        return None

    def _key(self, row: LoanInfo) -> int:
        return row.key

    def _id(self, row: LoanInfo):
        return row.id

    def _cell(self, row: LoanInfo, column: int, role: int):
        st = row.state
        if role == _FOREGROUND:
            if st is not None and st.bucket is not None:
                return QBrush(BEHIND)
            return None
        if role == LoanIdRole:
            return row.id
        if role == LoanRowRole:
            return row
        if column == COL_NUMBER:
            return row.number
        if column == COL_BORROWER:
            return row.borrower
        if column == COL_AMOUNT:
            return format_int(row.amount)
        if column == COL_TERM:
            return str(row.term_months)
        if column == COL_DISBURSED:
            return format_date(row.disbursed_on)
        if column == COL_OUTSTANDING:
            return format_int(st.outstanding) if st else ""
        if column == COL_OVERDUE:
            return format_int(st.overdue) if st and st.overdue else ""
        if column == COL_DAYS:
            return str(st.days_past_due) if st and st.days_past_due else ""
        if column == COL_CREDIT:
            return format_int(st.credit) if st and st.credit else ""
        if column == COL_STATUS:
            return row.status_label
        return None
