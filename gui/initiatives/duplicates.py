"""Before saving: initiatives that look like the one being saved (core.initiatives.ops.duplicates).
"Save anyway" accepts, "Go back" (the default, also Esc) returns to the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.initiatives.ops import DuplicateCandidate


class DuplicatesDialog(QDialog):
    def __init__(self, candidates: list[DuplicateCandidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidates = list(candidates)
        self.setWindowTitle(self.tr("Possible duplicate"))
        self.resize(860, 300)
        heading = QLabel(
            self.tr(
                "The register already has {0} initiative(s) with the same name (up to tone marks, "
                "spacing and small typos) in the same unit and with an author in common. Check "
                "that this is not the same initiative registered twice."
            ).format(len(self.candidates))
        )
        heading.setWordWrap(True)
        self.table = QTableWidget(len(self.candidates), 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Initiative"), self.tr("Authors"), self.tr("Unit"), self.tr("Similarity")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for row, c in enumerate(self.candidates):
            values = [c.number, c.name, c.authors_text, c.unit_name, f"{c.similarity}%"]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(2, 180)
        self.table.setColumnWidth(3, 200)

        self.buttons = QDialogButtonBox()
        self.back_button = self.buttons.addButton(self.tr("&Go back"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button = self.buttons.addButton(self.tr("&Save anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.back_button.setDefault(True)
        self.save_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.back_button.setFocus()
