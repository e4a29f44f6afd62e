"""A unit's history: created, renamed, moved, merged, absorbed — kept forever."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.common.database import AppDatabase
from core.org import ops
from gui.common import widgets
from gui.common.formatting import format_date


class HistoryDialog(QDialog):
    def __init__(self, db: AppDatabase, node: ops.UnitNode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of {0}").format(node.name))
        self.resize(720, 360)
        kinds = {
            "created": self.tr("Created"),
            "renamed": self.tr("Renamed"),
            "moved": self.tr("Moved"),
            "merged": self.tr("Merged"),
            "absorbed": self.tr("Took over"),
        }
        events = ops.unit_history(db, node.id)
        heading = QLabel(self.tr("Unit {0} — {1}").format(node.code, ops.KIND_LABELS.get(node.kind, "")))
        self.table = QTableWidget(len(events), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Event"), self.tr("Details")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, event in enumerate(events):
            self.table.setItem(row, 0, QTableWidgetItem(format_date(event.on)))
            self.table.setItem(row, 1, QTableWidgetItem(kinds.get(event.kind, event.kind)))
            self.table.setItem(row, 2, QTableWidgetItem(event.detail))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        buttons = widgets.close_buttons()
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addWidget(buttons)


