"""The unit tree: a QStandardItemModel built from ``core.org.ops.unit_tree`` (hundreds of
units, so building it whole is fine), and a proxy that filters by folded name or code."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from core.common.text import fold
from core.org.ops import KIND_LABELS, SECTOR_LABELS, UnitNode

COL_NAME, COL_CODE = 0, 1
UnitIdRole = Qt.ItemDataRole.UserRole + 1
UnitNodeRole = Qt.ItemDataRole.UserRole + 2
FoldedRole = Qt.ItemDataRole.UserRole + 3


class UnitTreeModel(QStandardItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.nodes: dict[uuid.UUID, UnitNode] = {}
        self._items: dict[uuid.UUID, QStandardItem] = {}
        self._set_headers()

    def _set_headers(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Code")])

    def set_nodes(self, nodes: list[UnitNode]) -> None:
        """Rebuild from ``unit_tree`` output (parents come before their children)."""
        self.removeRows(0, self.rowCount())  # (clear() would drop the columns' header setup)
        self.nodes = {node.id: node for node in nodes}
        items: dict[uuid.UUID, QStandardItem] = {}
        merged_suffix = self.tr(" (merged)")
        for node in nodes:
            name = QStandardItem(node.name + (merged_suffix if node.merged_into_id else ""))
            code = QStandardItem(node.code)
            tip = f"{node.name} ({node.code})\n{KIND_LABELS.get(node.kind, '')}"
            if node.sector:
                tip += " — " + SECTOR_LABELS.get(node.sector, "")
            for item in (name, code):
                item.setEditable(False)
                item.setData(node.id, UnitIdRole)
                item.setToolTip(tip)
            name.setData(node, UnitNodeRole)
            name.setData(fold(node.name) + " " + fold(node.code), FoldedRole)
            if node.merged_into_id:
                font = QFont()
                font.setItalic(True)
                for item in (name, code):
                    item.setFont(font)
                    item.setForeground(QBrush(QColor("#777777")))
            parent = items.get(node.parent_id) if node.parent_id else None
            (parent or self.invisibleRootItem()).appendRow([name, code])
            items[node.id] = name
        self._items = items

    def index_of(self, unit_id: uuid.UUID) -> QModelIndex:
        item = self._items.get(unit_id)
        return item.index() if item is not None else QModelIndex()

    def children_count(self, unit_id: uuid.UUID) -> int:
        """Active units directly under ``unit_id``."""
        return sum(
            1 for n in self.nodes.values() if n.parent_id == unit_id and n.merged_into_id is None
        )


class UnitFilterProxy(QSortFilterProxyModel):
    """Keeps units whose folded name or code contains the folded search text (and their
    parents, so the path to a match stays visible)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = fold(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, COL_NAME, source_parent)
        return self._needle in (index.data(FoldedRole) or "")
