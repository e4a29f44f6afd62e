"""The initiative register as a lazy table model (``gui.common.table_model``).

The first rows come from ``core.initiatives.register.list_page`` at once; the keys of the
whole list (``seq``) and, beside them, the count and benefit total of the filter
(:attr:`totals_ready`) are read in the background; then rows are read by key
(``list_rows``), one window of :data:`PAGE_SIZE` rows at a time, wherever they are. Sorting re-queries with
another ``sort=`` key; nothing is sorted in Python.

Memory stays small on a register of a million initiatives: 8 MB of keys, and rows only for
the :data:`KEEP_PAGES` most recently used windows, each row a compact tuple (repeated
values such as unit names, kinds and dates shared).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor

from core.common.database import AppDatabase
from core.common.vnformat import format_money
from core.initiatives import eligibility
from core.initiatives import register as core_register
from core.initiatives.records import FIELD_LABELS, KIND_LABELS, STATUS_LABELS, InitiativeStatus
from core.initiatives.register import RegisterFilter, RegisterRow, Totals
from gui.common.formatting import format_date
from gui.common.table_model import CountWork, KeysWork, LazyTableModel

PAGE_SIZE = 100
KEEP_PAGES = 30  # windows kept in memory (the rows on screen need one or two)

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

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
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
    seq: int  # the list's key


class RegisterTableModel(LazyTableModel):
    """Also counts the matching rows and sums their benefit in the background after each
    new query (:attr:`totals_ready`); the first page does not wait for it."""

    totals_ready = Signal(object)  # core.initiatives.register.Totals
    totals_failed = Signal(str)

    def __init__(self, db: AppDatabase, parent=None, page_size: int = PAGE_SIZE,
                 keep_pages: int = KEEP_PAGES) -> None:
        super().__init__(db, parent, column_count=COLUMN_COUNT, sort_keys=SORT_KEYS,
                         sort_column=COL_NUMBER, descending=True,  # newest first
                         page_size=page_size, keep_pages=keep_pages)
        self._filter = RegisterFilter()
        self._totals: Totals | None = None
        self._recount = True
        self._shared: dict[object, object] = {}
        self._row_roles = _ROW_ROLES
        self._align = _ALIGN
        self.keys_failed.connect(self.totals_failed)
        self.count_failed.connect(self.totals_failed)
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
            **self._headers,
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
        """How many initiatives match (the whole list), once known."""
        if self.complete:
            return len(self._keys)
        return self._totals.count if self._totals is not None else None

    @property
    def totals(self) -> Totals | None:
        """Count and benefit total of the current filter, once computed."""
        return self._totals

    @property
    def totals_job(self):
        return self.count_job

    def set_filter(self, f: RegisterFilter) -> None:
        self._filter = f
        self.reload()

    def reload(self, keep_loaded: bool = False, recount: bool = True) -> None:
        """Re-run the query from the first window. ``keep_loaded`` keeps as many rows as
        were shown (after an edit, so the view keeps its place); they are read again when
        shown. ``recount=False`` keeps the totals (a new sort order matches the same rows)."""
        self._shared.clear()
        self._recount = recount
        if recount:
            self._totals = None
        self._reset(keep_loaded)

    def _resorted(self) -> None:
        self.reload(recount=False)

    def hold_counts(self) -> None:
        """Do not start counting (or reading the keys) until :meth:`release_counts` (the page
        holds them back until its first rows are painted: a busy worker slows that paint)."""
        self.hold_background()

    def release_counts(self) -> None:
        self.release_background()

    def set_totals(self, result: Totals, generation: int | None = None) -> None:
        """Count and benefit of the matching rows; a stale answer (older query) is ignored."""
        if generation is not None and generation != self.generation:
            return
        self._totals = result
        self.totals_ready.emit(result)

    def id_at(self, row: int) -> uuid.UUID | None:
        item = self.row_at(row)
        return item.id if item is not None else None

    # --- reading -------------------------------------------------------------------------
    def _core_sort(self) -> tuple[str | None, bool]:
        # Số follows the number shown, either way (year, then sequence): the default order,
        # Số descending, starts with the newest year's latest number (issue 10, point 6).
        return self.sort_args()

    def _read_page(self, offset: int, limit: int) -> list[Row]:
        sort, descending = self._core_sort()
        found = core_register.list_page(self._db, self._filter, sort=sort,
                                        descending=descending, offset=offset, limit=limit)
        return [self._compact(item) for item in found]

    def _read_rows(self, keys: list[int]) -> list[Row | None]:
        return [None if item is None else self._compact(item)
                for item in core_register.list_rows(self._db, keys)]

    def _read_key_of(self, item_id) -> int | None:
        return core_register.list_key_of(self._db, item_id)

    def _key(self, row: Row) -> int:
        return row.seq

    def _keys_work(self) -> KeysWork:
        db, f = self._db, self._filter
        sort, descending = self._core_sort()
        return lambda is_cancelled: core_register.list_keys(
            db, f, sort=sort, descending=descending, is_cancelled=is_cancelled)

    def _count_work(self, complete: bool) -> CountWork | None:
        if not self._recount and self._totals is not None:
            return None  # a new order of the same rows
        db, f = self._db, self._filter
        return lambda: core_register.list_totals(db, f)

    def _counted(self, result: Totals) -> None:
        self.set_totals(result)

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
            item.seq,
        )

    # --- cells -----------------------------------------------------------------------
    def _cell(self, row: Row, column: int, role: int):
        # Called thousands of times per paint: plain int comparisons, constants prebuilt.
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
