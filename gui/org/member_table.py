"""The members list: a lazy table model over ``core.org.members.page_members``.

Only the rows the user has scrolled to are in memory. The model holds one page
(:data:`PAGE_SIZE` rows) after a reset and fetches the next one when the view asks
(``canFetchMore``/``fetchMore``), so a list of a million members costs one small query
per screenful. Sorting re-queries with another ``sort=`` key; it never sorts in Python.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from core.common.database import AppDatabase
from core.org.members import GENDER_LABELS, MemberQuery, MemberRow, count_members, page_members
from gui.common.formatting import format_date

PAGE_SIZE = 200

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

_Index = QModelIndex | QPersistentModelIndex


class MemberTableModel(QAbstractTableModel):
    """Members, one page at a time. The number of matching members is counted in the
    background (a million-row count takes longer than the first page) and announced by
    ``totalChanged``; until then ``total`` is None."""

    totalChanged = Signal()

    def __init__(self, db: AppDatabase, parent=None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._db = db
        self.page_size = page_size
        self._query = MemberQuery()
        self._sort_column = COL_NAME
        self._descending = False
        self._rows: list[MemberRow] = []
        self._total: int | None = 0
        self._exhausted = True  # no more rows to fetch for the current query
        self._generation = 0  # bumped on every reload; stale counts are ignored
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
        """How many members match (all pages); None while it is being counted."""
        return self._total

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    def set_query(self, query: MemberQuery) -> None:
        self._query = query
        self.reload()

    def reload(self, keep_loaded: bool = False) -> None:
        """Re-run the query; ``keep_loaded`` reloads as many rows as were shown (after edits,
        so the view keeps its scroll position)."""
        wanted = max(len(self._rows), self.page_size) if keep_loaded else self.page_size
        self.beginResetModel()
        with self._db.reading() as session:
            self._rows = self._page(session, 0, wanted)
        self._exhausted = len(self._rows) < wanted
        self._generation += 1
        self._total = len(self._rows) if self._exhausted else None
        self.endResetModel()
        if self._total is None:
            self._count_in_background()
        else:
            self.totalChanged.emit()

    def _count_in_background(self) -> None:
        from gui.common.jobs import run_job

        db, query, generation = self._db, self._query, self._generation

        def count(_ctx) -> int:
            with db.reading() as session:
                return count_members(session, query)

        def counted(total: int) -> None:
            try:
                if generation == self._generation:
                    self._total = total
                    self.totalChanged.emit()
            except RuntimeError:  # the model was deleted meanwhile
                pass

        run_job(count, on_success=counted, on_failure=lambda _exc: None)

    def _page(self, session, offset: int, limit: int) -> list[MemberRow]:
        return page_members(
            session,
            self._query,
            sort=SORT_KEYS[self._sort_column],
            descending=self._descending,
            offset=offset,
            limit=limit,
        )

    def member_at(self, row: int) -> MemberRow:
        return self._rows[row]

    def row_of(self, member_id: uuid.UUID) -> int | None:
        """Row of a loaded member, or None."""
        for number, row in enumerate(self._rows):
            if row.id == member_id:
                return number
        return None

    # --- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        with self._db.reading() as session:
            rows = self._page(session, len(self._rows), self.page_size)
        if len(rows) < self.page_size:
            self._exhausted = True
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
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
        elif role == MemberIdRole:
            return row.id
        elif role == MemberRowRole:
            return row
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_BIRTH, COL_SINCE):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(section)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self._tips.get(section)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = column, descending
        self.reload()
