"""The initiative register as a lazy table model over ``core.initiatives.register.page``.

Rows come from SQL one page (:data:`PAGE_SIZE` rows) at a time: a reset loads the first
page, the view asks for more (``canFetchMore``/``fetchMore``) as the user scrolls. Sorting
re-queries with another ``sort=`` key; nothing is sorted in Python.

Memory stays small on a register of a million initiatives: each row is kept as a compact
tuple (repeated values such as unit names, kinds and dates shared), and only the
:data:`KEEP_PAGES` most recently used pages are kept. A page dropped to make room is read
again when the view shows its rows. Once the total is known (:meth:`set_total`, from the
count the page computes in the background), growing the list needs no query: the rows are
read when they are shown.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from datetime import date
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from core.common.database import AppDatabase
from core.common.vnformat import format_money
from core.initiatives import eligibility
from core.initiatives.records import FIELD_LABELS, KIND_LABELS, STATUS_LABELS
from core.initiatives.register import RegisterFilter, RegisterRow, Totals, page, totals
from db.models import InitiativeStatus
from gui.common import jobs, widgets
from gui.common.formatting import format_date

PAGE_SIZE = 100
KEEP_PAGES = 30  # pages kept in memory (the rows on screen need one or two)

# Column numbers.
(
    COL_NUMBER,
    COL_NAME,
    COL_AUTHORS,
    COL_UNIT,
    COL_KIND,
    COL_FIELD,
    COL_REGISTERED,
    COL_PHASE,
    COL_BENEFIT,
    COL_STATUS,
    COL_ELIGIBLE,
    COL_CONFIDENTIAL,
    COL_PORTAL,
) = range(13)
COLUMN_COUNT = 13
# Sort key of core.initiatives.register.SORT_COLUMNS for each sortable column.
SORT_KEYS = {
    COL_NUMBER: "number",
    COL_NAME: "name",
    COL_AUTHORS: "authors",
    COL_UNIT: "unit",
    COL_KIND: "kind",
    COL_FIELD: "field",
    COL_REGISTERED: "registered_on",
    COL_PHASE: "phase",
    COL_BENEFIT: "benefit",
    COL_STATUS: "status",
}
# Custom roles.
InitiativeIdRole = Qt.ItemDataRole.UserRole + 1
EligibleRole = Qt.ItemDataRole.UserRole + 2  # bool

ELIGIBLE_MARK = "✓"
NOT_ELIGIBLE_MARK = "⚠"
YES_MARK = "✓"
_STATUS_COLOURS = {
    InitiativeStatus.VALID: QColor("#1b7a3a"),
    InitiativeStatus.REJECTED: QColor("#b00020"),
    InitiativeStatus.DRAFT: QColor("#6b6b6b"),
}
_ELIGIBLE_COLOUR = QColor("#1b7a3a")
_NOT_ELIGIBLE_COLOUR = QColor("#c06000")

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_ROW_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, InitiativeIdRole, EligibleRole})
_CENTRE = Qt.AlignmentFlag.AlignCenter
_ALIGN = {
    COL_BENEFIT: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    COL_REGISTERED: _CENTRE,
    COL_PHASE: _CENTRE,
    COL_ELIGIBLE: _CENTRE,
    COL_CONFIDENTIAL: _CENTRE,
    COL_PORTAL: _CENTRE,
}


def _short_kind(label: str) -> str:
    prefix = "Giải pháp "
    if label.startswith(prefix):
        rest = label[len(prefix):]
        return rest[:1].upper() + rest[1:]
    return label


class Row(NamedTuple):
    """What one line of the list needs (a plain tuple: ~200 bytes plus its own texts)."""

    id: uuid.UUID
    number: str
    name: str
    authors: str
    unit_name: str
    kind: str
    field: str | None
    registered_on: date
    phase: int | None
    benefit: int | None
    status: str
    failed: tuple[str, ...]  # eligibility reasons, Vietnamese; () when eligible
    confidential: bool
    portal_uploaded: bool


class RegisterTableModel(QAbstractTableModel):
    """Also counts the matching rows and sums their benefit in the background after each
    new query (:attr:`totals_ready`); the first page does not wait for it."""

    totals_ready = Signal(object)  # core.initiatives.register.Totals
    totals_failed = Signal(str)

    def __init__(self, db: AppDatabase, parent=None, page_size: int = PAGE_SIZE,
                 keep_pages: int = KEEP_PAGES) -> None:
        super().__init__(parent)
        self._db = db
        self.page_size = page_size
        self.keep_pages = max(2, keep_pages)
        self._filter = RegisterFilter()
        self._sort_column = COL_NUMBER
        self._descending = True  # newest first
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._last_number: int | None = None  # the page row_at used last
        self._last_rows: list[Row] = []
        self._count = 0  # rows the view knows about
        self._more = False  # whether rows beyond _count may exist
        self._total: int | None = None  # all matching rows, once known
        self._totals: Totals | None = None
        self.totals_job: jobs.Job | None = None
        self._counts_held = False
        self._count_pending = False
        self._shared: dict[object, object] = {}
        self.generation = 0  # bumped on every reset: late answers for older ones are ignored
        self.queries = 0  # page queries run (for tests and the benchmark)
        self._trim_timer = QTimer(self, singleShot=True, interval=0)
        self._trim_timer.timeout.connect(self._trim_to_pages)
        self._short_page: tuple[int, int] | None = None
        self._headers = {
            COL_NUMBER: self.tr("No."),
            COL_NAME: self.tr("Initiative"),
            COL_AUTHORS: self.tr("Authors"),
            COL_UNIT: self.tr("Unit"),
            COL_KIND: self.tr("Kind"),
            COL_FIELD: self.tr("Field"),
            COL_REGISTERED: self.tr("Reg. date"),
            COL_PHASE: self.tr("Ph."),
            COL_BENEFIT: self.tr("Benefit (đ)"),
            COL_STATUS: self.tr("Status"),
            COL_ELIGIBLE: self.tr("Eligible"),
            COL_CONFIDENTIAL: self.tr("Conf."),
            COL_PORTAL: self.tr("Portal"),
        }
        # Kinds without the "Giải pháp" every one of them starts with (the full name is
        # in the tooltip): the column can be narrow.
        self._kind_short = {kind: _short_kind(label) for kind, label in KIND_LABELS.items()}
        self._tips = {
            COL_NUMBER: self.tr("Register number; the list starts with the newest"),
            COL_BENEFIT: self.tr("Economic benefit per year, in đồng"),
            COL_ELIGIBLE: self.tr("Eligibility for the programme (point at a mark for the reasons)"),
            COL_CONFIDENTIAL: self.tr("Confidential: leaves the office with name, effect and awards only"),
            COL_PORTAL: self.tr("Uploaded to the national initiatives portal"),
            COL_PHASE: self.tr("Phase of the programme, from the registration date"),
            COL_REGISTERED: self.tr("Date of registration"),
        }
        self._eligible_tip = self.tr("Meets every eligibility rule.")
        self._not_eligible_tip = self.tr("Not eligible yet:")
        self._confidential_tip = self.tr("Confidential")
        self._portal_tip = self.tr("Uploaded to the portal")

    # --- what is shown -------------------------------------------------------------
    @property
    def filter(self) -> RegisterFilter:
        return self._filter

    @property
    def total(self) -> int | None:
        """How many initiatives match (all pages), once known."""
        return self._total

    @property
    def totals(self) -> Totals | None:
        """Count and benefit total of the current filter, once computed."""
        return self._totals

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    def loaded_pages(self) -> list[int]:
        return list(self._pages)

    def set_filter(self, f: RegisterFilter) -> None:
        self._filter = f
        self.reload()

    def reload(self, keep_loaded: bool = False, recount: bool = True) -> None:
        """Re-run the query from the first page. ``keep_loaded`` keeps as many rows as were
        shown (after an edit, so the view keeps its place); they are read again when shown.
        ``recount=False`` keeps the totals (a new sort order matches the same rows)."""
        old_count = self._count
        self.beginResetModel()
        self.generation += 1
        self._pages.clear()
        self._last_number = None
        self._shared.clear()
        if recount:
            self._total = None
            self._totals = None
        first = self._fetch(0)
        self._count = len(first)
        self._more = len(first) == self.page_size
        if self._total is not None:
            self._more = self._count < self._total
        if keep_loaded and self._more and old_count > self._count:
            self._count = old_count  # trimmed when the total arrives or a page comes up short
        self.endResetModel()
        if recount:
            if self._counts_held:
                self._count_pending = True
            else:
                self._count_in_background()

    def hold_counts(self) -> None:
        """Do not start counting until :meth:`release_counts` (the page holds the count back
        until its first rows are painted: a worker busy with the count slows that paint)."""
        self._counts_held = True

    def release_counts(self) -> None:
        self._counts_held = False
        if self._count_pending:
            self._count_pending = False
            self._count_in_background()

    def _count_in_background(self) -> None:
        db, f, generation = self._db, self._filter, self.generation

        def work(_ctx: jobs.JobContext) -> Totals:
            with db.reading() as session:
                return totals(session, f)

        self.totals_job = jobs.run_job(
            work,
            on_success=lambda result: self.set_totals(result, generation),
            on_failure=lambda exc: self._count_failed(exc, generation),
            owner=self,
        )

    def _count_failed(self, exc: BaseException, generation: int) -> None:
        if generation == self.generation:
            self.totals_failed.emit(widgets.error_text(exc))

    def set_totals(self, result: Totals, generation: int | None = None) -> None:
        """Count and benefit of the matching rows; a stale answer (older query) is ignored."""
        if generation is not None and generation != self.generation:
            return
        self._totals = result
        total = result.count
        self._total = total
        if self._count > total:
            self.beginRemoveRows(QModelIndex(), total, self._count - 1)
            self._count = total
            self.endRemoveRows()
        self._more = self._count < total
        self.totals_ready.emit(result)

    def row_at(self, row: int | None) -> Row | None:
        """The row (read from the database if its page was dropped), or None past the end."""
        if row is None or not 0 <= row < self._count:
            return None
        number, offset = divmod(row, self.page_size)
        if number == self._last_number:
            rows = self._last_rows  # the same page as the call before (most calls)
        else:
            rows = self._pages.get(number)
            if rows is None:
                rows = self._fetch(number)
            else:
                self._pages.move_to_end(number)
            self._last_number, self._last_rows = number, rows
        return rows[offset] if offset < len(rows) else None

    def id_at(self, row: int) -> uuid.UUID | None:
        item = self.row_at(row)
        return item.id if item is not None else None

    def row_of(self, initiative_id: uuid.UUID) -> int | None:
        """Row of an initiative among the pages in memory, or None."""
        for number, rows in self._pages.items():
            for offset, item in enumerate(rows):
                if item.id == initiative_id:
                    return number * self.page_size + offset
        return None

    # --- reading pages ---------------------------------------------------------------
    def _sort_args(self) -> tuple[str | None, bool]:
        if self._sort_column == COL_NUMBER and self._descending:
            return None, False  # the default order: newest first (core's fastest path)
        return SORT_KEYS[self._sort_column], self._descending

    def _reverse_sort_args(self) -> tuple[str, bool]:
        """The same rows in the opposite order."""
        return SORT_KEYS[self._sort_column], not self._descending

    def _fetch(self, number: int) -> list[Row]:
        start = number * self.page_size
        total = self._total
        with self._db.reading() as session:
            if total is not None and start > total // 2:
                # Near the end of a long list: read it from the other end. SQLite walks
                # past every skipped row, so an offset of 900.000 costs seconds; the same
                # rows in the opposite order (core orders ties by seq either way) are near
                # the start. Exact while the count is current; a stale count shows as a
                # short page and the list is trimmed.
                sort, descending = self._reverse_sort_args()
                end = min(total, start + self.page_size)
                found = page(session, self._filter, sort=sort, descending=descending,
                             offset=total - end, limit=end - start)
                found.reverse()
            else:
                sort, descending = self._sort_args()
                found = page(session, self._filter, sort=sort, descending=descending,
                             offset=start, limit=self.page_size)
        self.queries += 1
        rows = [self._compact(item) for item in found]
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > self.keep_pages:
            self._pages.popitem(last=False)
        self._last_number = None
        expected = min(self.page_size, self._count - number * self.page_size)
        if number and len(rows) < expected:
            # The list shrank since the rows were counted: drop the missing ones (not while
            # the view is painting, so a moment later).
            self._short_page = (self.generation, number * self.page_size + len(rows))
            self._trim_timer.start()
        return rows

    def _share(self, value):
        if value is None:
            return None
        return self._shared.setdefault(value, value)

    def _compact(self, item: RegisterRow) -> Row:
        failed = tuple(
            self._share(r.reason) for r in eligibility.check(item, item.window) if not r.passed
        )
        return Row(
            item.id,
            item.number,
            item.name,
            item.authors_text,
            self._share(item.unit_name),
            self._share(str(item.kind)),
            self._share(str(item.field)) if item.field else None,
            self._share(item.registered_on),
            item.phase_number,
            item.economic_benefit,
            self._share(str(item.status)),
            failed,
            bool(item.confidential),
            bool(item.portal_uploaded),
        )

    def _trim_to_pages(self) -> None:
        if self._short_page is None:
            return
        generation, count = self._short_page
        self._short_page = None
        if generation == self.generation and count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self._more = False
            self.endRemoveRows()

    # --- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        first = self._count
        if self._total is not None:
            # The count is known: show the next rows; they are read when painted.
            added = min(self.page_size, self._total - first)
        else:
            number, offset = divmod(first, self.page_size)
            rows = self._fetch(number)
            added = max(0, len(rows) - offset)
            if len(rows) < self.page_size:
                self._more = False
        if added <= 0:
            self._more = False
            return
        self.beginInsertRows(QModelIndex(), first, first + added - 1)
        self._count += added
        self.endInsertRows()
        if self._total is not None:
            self._more = self._count < self._total

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # Called thousands of times per paint: plain int comparisons, constants prebuilt.
        if not index.isValid():
            return None
        column = index.column()
        if role == _ALIGNMENT:
            return _ALIGN.get(column)
        if role not in _ROW_ROLES:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == _DISPLAY:
            return self._text(row, column)
        if role == _FOREGROUND:
            if column == COL_ELIGIBLE:
                return _NOT_ELIGIBLE_COLOUR if row.failed else _ELIGIBLE_COLOUR
            if column == COL_STATUS:
                return _STATUS_COLOURS.get(row.status)
            return None
        if role == _TOOLTIP:
            if column == COL_ELIGIBLE:
                if not row.failed:
                    return self._eligible_tip
                return "\n".join([self._not_eligible_tip, *(f"• {reason}" for reason in row.failed)])
            if column == COL_CONFIDENTIAL:
                return self._confidential_tip if row.confidential else None
            if column == COL_PORTAL:
                return self._portal_tip if row.portal_uploaded else None
            if column in (COL_PHASE, COL_BENEFIT, COL_REGISTERED):
                return None
            if column == COL_KIND:
                return KIND_LABELS.get(row.kind, row.kind)
            return self._text(row, column)
        if role == InitiativeIdRole:
            return row.id
        return not row.failed  # EligibleRole

    def _text(self, row: Row, column: int) -> str:
        if column == COL_NUMBER:
            return row.number
        if column == COL_NAME:
            return row.name
        if column == COL_AUTHORS:
            return row.authors
        if column == COL_UNIT:
            return row.unit_name
        if column == COL_KIND:
            return self._kind_short.get(row.kind, row.kind)
        if column == COL_FIELD:
            return FIELD_LABELS.get(row.field, row.field or "") if row.field else ""
        if column == COL_REGISTERED:
            return format_date(row.registered_on)
        if column == COL_PHASE:
            return "" if row.phase is None else str(row.phase)
        if column == COL_BENEFIT:
            return "" if row.benefit is None else format_money(row.benefit)
        if column == COL_STATUS:
            return STATUS_LABELS.get(row.status, row.status)
        if column == COL_ELIGIBLE:
            return NOT_ELIGIBLE_MARK if row.failed else ELIGIBLE_MARK
        if column == COL_CONFIDENTIAL:
            return YES_MARK if row.confidential else ""
        if column == COL_PORTAL:
            return YES_MARK if row.portal_uploaded else ""
        return ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(section)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self._tips.get(section, self._headers.get(section))
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def is_sortable(self, column: int) -> bool:
        return column in SORT_KEYS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = column, descending
        self.reload(recount=False)
