"""The nominees of a round: a lazy table model (``gui.common.table_model``) over
``core.commendations.ops`` (rows read by their number in the round, STT)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.commendations import ops
from core.commendations.ops import NomineeQuery, NomineeRow
from core.common.database import AppDatabase
from gui.common.formatting import format_date
from gui.common.table_model import KeysWork, LazyTableModel

PAGE_SIZE = 200
COL_STT, COL_NAME, COL_UNIT, COL_AWARD, COL_STATUS, COL_DECISION = range(6)
NomineeRowRole = Qt.ItemDataRole.UserRole + 2
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


class NomineeTableModel(LazyTableModel):
    def __init__(self, db: AppDatabase, parent=None) -> None:
        super().__init__(db, parent, column_count=6, sort_keys={COL_STT: "seq"}, sort_column=COL_STT,
                         descending=False, page_size=PAGE_SIZE, keep_pages=10)
        self._query = NomineeQuery()
        self._align = {COL_STT: Qt.AlignmentFlag.AlignCenter}
        self._headers = {
            COL_STT: self.tr("No."),
            COL_NAME: self.tr("Name (person or collective)"),
            COL_UNIT: self.tr("Unit"),
            COL_AWARD: self.tr("Award"),
            COL_STATUS: self.tr("Status"),
            COL_DECISION: self.tr("Decision"),
        }
        self._status = {
            ops.NomineeStatus.PROPOSED: self.tr("Proposed"),
            ops.NomineeStatus.APPROVED: self.tr("Approved"),
            ops.NomineeStatus.NOT_APPROVED: self.tr("Not approved"),
        }

    @property
    def query(self) -> NomineeQuery:
        return self._query

    def set_query(self, query: NomineeQuery) -> None:
        self._query = query
        self.reload()

    def _read_page(self, offset: int, limit: int) -> list[NomineeRow]:
        return ops.nominee_page(self._db, self._query, offset, limit)

    def _read_rows(self, keys: list[int]) -> list[NomineeRow | None]:
        return ops.nominee_rows(self._db, self._query.round_id, keys)

    def _read_key_of(self, item_id) -> int | None:
        return ops.nominee_key_of(self._db, item_id)

    def _keys_work(self) -> KeysWork:
        db, query = self._db, self._query
        return lambda is_cancelled: ops.nominee_keys(db, query, is_cancelled)

    def _cell(self, row: NomineeRow, column: int, role: int):
        if role in (_DISPLAY, _TOOLTIP):
            if column == COL_STT:
                return str(row.seq)
            if column == COL_NAME:
                return row.full_name
            if column == COL_UNIT:
                return row.unit_name
            if column == COL_AWARD:
                return ops.AWARD_LABELS[row.award]  # printed wording: always Vietnamese
            if column == COL_STATUS:
                return self._status[row.status]
            if column == COL_DECISION:
                if not row.decision_number:
                    return ""
                return f"{row.decision_number} ({format_date(row.decision_date)})"
            return None
        if role == NomineeRowRole:
            return row
        return None
