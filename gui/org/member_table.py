"""The members list: a lazy table model (``gui.common.table_model``) over ``core.org.members``.

The first rows come from ``list_page`` at once; the number of members (:attr:`total`,
announced by ``totalChanged``) and the keys of the whole list are read in the background;
then rows are read by key (``list_rows``), one window of :data:`PAGE_SIZE` rows at a
time, wherever they are in the list. Sorting re-queries with another ``sort=`` key; it
never sorts in Python.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal

from core.common.database import AppDatabase
from core.org import members as core_members
from core.org.members import GENDER_LABELS, MemberQuery, MemberRow
from gui.common.formatting import format_date
from gui.common.table_model import CountWork, KeysWork, LazyTableModel

PAGE_SIZE = 200
KEEP_PAGES = 20  # windows kept in memory

# Column numbers.
COL_NAME, COL_GENDER, COL_BIRTH, COL_UNIT, COL_POSITION, COL_SINCE = range(6)
COLUMN_COUNT = 6
# Sort key of core.org.members.SORT_COLUMNS for each column.
SORT_KEYS = {
    COL_NAME: "name",
    COL_GENDER: "gender",
    COL_BIRTH: "date_of_birth",
    COL_UNIT: "unit",
    COL_POSITION: "position",
    COL_SINCE: "member_since",
}
# Custom roles.
MemberIdRole = Qt.ItemDataRole.UserRole + 1
MemberRowRole = Qt.ItemDataRole.UserRole + 2

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ROW_ROLES = frozenset({_DISPLAY, _TOOLTIP, MemberIdRole, MemberRowRole})
_CENTRE = Qt.AlignmentFlag.AlignCenter


class MemberTableModel(LazyTableModel):
    """Members of some units, optionally searched. The number of matching members is counted
    in the background (a million take longer than the first rows) and announced by
    ``totalChanged``; until then ``total`` is None."""

    totalChanged = Signal()

    def __init__(self, db: AppDatabase, parent=None, page_size: int = PAGE_SIZE,
                 keep_pages: int = KEEP_PAGES) -> None:
        super().__init__(db, parent, column_count=COLUMN_COUNT, sort_keys=SORT_KEYS,
                         sort_column=COL_NAME, descending=False,
                         page_size=page_size, keep_pages=keep_pages)
        self._query = MemberQuery()
        self._counted_total: int | None = None
        self._row_roles = _ROW_ROLES
        self._align = {COL_BIRTH: _CENTRE, COL_SINCE: _CENTRE}
        self._headers = {
            COL_NAME: self.tr("Full name"),
            COL_GENDER: self.tr("Gender"),
            COL_BIRTH: self.tr("Date of birth"),
            COL_UNIT: self.tr("Unit"),
            COL_POSITION: self.tr("Position"),
            COL_SINCE: self.tr("Member since"),
        }
        self._tips = {
            COL_NAME: self.tr("Sorted by given name, then family and middle names"),
            COL_SINCE: self.tr("Date of joining the trade union"),
        }

    # --- what is shown -------------------------------------------------------------
    @property
    def query(self) -> MemberQuery:
        return self._query

    @property
    def total(self) -> int | None:
        """How many members match, once counted (or their keys read)."""
        return len(self._keys) if self.complete else self._counted_total

    def set_query(self, query: MemberQuery) -> None:
        self._query = query
        self.reload()

    def reload(self, keep_loaded: bool = False) -> None:
        self._counted_total = None
        super().reload(keep_loaded)

    def member_at(self, row: int) -> MemberRow | None:
        """The member on a row (read with its window if not in memory); None past the end."""
        return self.row_at(row)

    # --- reading -------------------------------------------------------------------------
    def _read_page(self, offset: int, limit: int) -> list[MemberRow]:
        sort, descending = self.sort_args()
        return core_members.list_page(self._db, self._query, sort=sort, descending=descending,
                                      offset=offset, limit=limit)

    def _read_rows(self, keys: list[int]) -> list[MemberRow | None]:
        return core_members.list_rows(self._db, keys)

    def _read_key_of(self, item_id) -> int | None:
        return core_members.list_key_of(self._db, item_id)

    def _keys_work(self) -> KeysWork:
        db, query = self._db, self._query
        sort, descending = self.sort_args()
        return lambda is_cancelled: core_members.list_keys(
            db, query, sort=sort, descending=descending, is_cancelled=is_cancelled)

    def _count_work(self, complete: bool) -> CountWork | None:
        if complete:
            return None
        db, query = self._db, self._query
        return lambda: core_members.list_count(db, query)

    def _counted(self, result: int) -> None:
        if not self.complete:  # else the keys came first: they counted
            self._counted_total = result
            self.totalChanged.emit()

    def _completed(self) -> None:
        super()._completed()
        self.totalChanged.emit()

    # --- cells -----------------------------------------------------------------------
    def _cell(self, row: MemberRow, column: int, role: int):
        if role in (_DISPLAY, _TOOLTIP):
            if column == COL_NAME:
                return row.full_name
            if column == COL_GENDER:
                return GENDER_LABELS.get(row.gender, "") if row.gender else ""
            if column == COL_BIRTH:
                return format_date(row.date_of_birth)
            if column == COL_UNIT:
                return row.unit_name
            if column == COL_POSITION:
                return row.position
            if column == COL_SINCE:
                return format_date(row.member_since)
            return None
        if role == MemberIdRole:
            return row.id
        return row  # MemberRowRole
