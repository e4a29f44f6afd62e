"""The per-unit progress list of the dashboard: a table model over core.targets.progress rows and a
delegate that draws achieved vs target as a bar in the cell (fine for 11 upper-level unions
and for a district's 120 CĐCS alike). Units behind schedule are red."""

from __future__ import annotations

import uuid

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gui.common.formatting import format_int

COL_NAME, COL_TARGET, COL_ACHIEVED, COL_PERCENT, COL_EXPECTED, COL_SHORTFALL = range(6)
COLUMNS = 6
_Index = QModelIndex | QPersistentModelIndex

SortRole = Qt.ItemDataRole.UserRole + 1
BehindRole = Qt.ItemDataRole.UserRole + 2
UnitIdRole = Qt.ItemDataRole.UserRole + 3  # str(uuid): no Python objects in item data

BEHIND_TEXT = QColor("#a01010")
BEHIND_BACKGROUND = QColor("#fde4e4")
BAR_DONE = QColor("#2e7d32")
BAR_ON_TRACK = QColor("#1f5f99")
BAR_BEHIND = QColor("#c62828")
BAR_TRACK = QColor("#e3e8ee")


class UnitProgressModel(QAbstractTableModel):
    """Rows: core.targets.progress.ProgressRow of the units shown (the children of one unit)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._has_children: set[uuid.UUID] = set()
        self._headers = [
            self.tr("Unit"),
            self.tr("Target"),
            self.tr("Achieved"),
            self.tr("Progress"),
            self.tr("Expected by now"),
            self.tr("Shortfall"),
        ]
        self._tips = [
            self.tr("Press Enter or double-click to see the units under it"),
            self.tr("The unit's target; in italics: the sum of its sub-units' targets"),
            self.tr("Initiatives counted by the chosen rule"),
            self.tr("Achieved as a percentage of the target; the mark shows where the unit should be by now"),
            self.tr("Pro-rata share of the target for the days elapsed in the phase"),
            self.tr("Target minus achieved"),
        ]

    # --- data -----------------------------------------------------------------------
    def set_rows(self, rows: list, has_children: set[uuid.UUID]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._has_children = set(has_children)
        self.endResetModel()

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, unit_id: uuid.UUID) -> int | None:
        for i, row in enumerate(self._rows):
            if row.unit_id == unit_id:
                return i
        return None

    def rows(self) -> list:
        return list(self._rows)

    def has_children(self, unit_id: uuid.UUID) -> bool:
        return unit_id in self._has_children

    # --- Qt -------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section != COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _value(self, row, column: int):
        return {
            COL_TARGET: row.target,
            COL_ACHIEVED: row.achieved,
            COL_PERCENT: row.percent,
            COL_EXPECTED: row.expected,
            COL_SHORTFALL: row.shortfall if row.target is not None else None,
        }[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return row.name
            value = self._value(row, column)
            if value is None:
                return "—"
            return f"{value}%" if column == COL_PERCENT else format_int(value)
        if role == SortRole:
            if column == COL_NAME:
                return row.name.casefold()
            value = self._value(row, column)
            return -1 if value is None else value
        if role == BehindRole:
            return row.behind
        if role == UnitIdRole:
            return str(row.unit_id)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == COL_NAME:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.behind:
            return QBrush(BEHIND_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole and row.behind:
            return QBrush(BEHIND_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole:
            if column == COL_TARGET and row.target is not None and not row.own_target:
                font = QFont()
                font.setItalic(True)
                return font
            if column == COL_NAME and row.unit_id in self._has_children:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    def _tooltip(self, row) -> str:
        lines = [row.name]
        if row.target is None:
            lines.append(self.tr("No target set."))
        else:
            lines.append(
                self.tr("Achieved {0} of {1} ({2}%); shortfall {3}.").format(
                    format_int(row.achieved), format_int(row.target), row.percent, format_int(row.shortfall)
                )
            )
            if not row.own_target:
                lines.append(self.tr("The target is the sum of the sub-units' targets."))
        lines.append(self.tr("Valid {0}, under review {1}, rejected {2}.").format(
            format_int(row.valid), format_int(row.under_review), format_int(row.rejected)))
        if row.behind:
            lines.append(
                self.tr("Behind schedule: {0} expected by now.").format(format_int(row.expected))
            )
        if row.unit_id in self._has_children:
            lines.append(self.tr("Enter or double-click: the units under it."))
        return "\n".join(lines)


class ProgressSortProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)


class ProgressBarDelegate(QStyledItemDelegate):
    """Achieved / target as a bar (full at 100%), the percent on it, and a tick where the
    pro-rata expectation is. Green when the target is reached, red when behind."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        model = index.model()
        source = model.mapToSource(index) if isinstance(model, QSortFilterProxyModel) else index
        row = source.model().row_at(source.row())
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if row is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        rect = option.rect.adjusted(4, 4, -4, -4)
        text = "—" if row.percent is None else f"{row.percent}%"
        metrics = option.fontMetrics
        text_width = metrics.horizontalAdvance("1000%") + 6
        bar = QRect(rect.left(), rect.top(), max(rect.width() - text_width, 10), rect.height())
        if row.target is not None:
            painter.fillRect(bar, BAR_TRACK)
        if row.target:
            share = min(row.achieved / row.target, 1.0)
            colour = BAR_DONE if row.achieved >= row.target else BAR_BEHIND if row.behind else BAR_ON_TRACK
            painter.fillRect(QRect(bar.left(), bar.top(), round(bar.width() * share), bar.height()), colour)
            if row.expected is not None and row.expected < row.target:
                x = bar.left() + round(bar.width() * row.expected / row.target)
                painter.setPen(QPen(QColor("#1b2733"), 2))
                painter.drawLine(x, bar.top() - 2, x, bar.bottom() + 2)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setPen(opt.palette.highlightedText().color())
        else:
            painter.setPen(BEHIND_TEXT if row.behind else opt.palette.text().color())
        text_rect = QRect(bar.right() + 4, rect.top(), text_width - 4, rect.height())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()
