"""The "Khôi phục từ bản sao lưu…" dialog: the backups of the open database, newest first.

It only chooses; the main window asks for confirmation and runs the restore
(``core.common.backups.restore``) in a background job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
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

from gui.common import widgets

if TYPE_CHECKING:
    from core.common.backups import Backup


def kind_label(kind: str) -> str:
    return {
        "daily": QCoreApplication.translate("Backups", "Daily"),
        "import": QCoreApplication.translate("Backups", "Before an import"),
        "upgrade": QCoreApplication.translate("Backups", "Before an upgrade"),
        "restore": QCoreApplication.translate("Backups", "Before a restore"),
        "manual": QCoreApplication.translate("Backups", "By hand"),
    }.get(kind, kind)


def backup_label(backup: Backup) -> str:
    """The kind of ``backup`` as the lists show it; a copy taken before an import names the
    file imported: "Trước khi nhập “cdcs.xlsx”"."""
    if backup.kind == "import" and backup.source:
        return QCoreApplication.translate("Backups", "Before importing “{0}”").format(backup.source)
    return kind_label(backup.kind)


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, size // 1024)} KB"


class RestoreDialog(QDialog):
    DATE, KIND, SIZE, NAME = range(4)

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.resize(760, 420)
        self.backups = backups
        layout = QVBoxLayout(self)
        if backups:
            intro = self.tr("Choose the backup to bring back (newest first).")
        else:
            intro = self.tr("There are no backups yet.")
        layout.addWidget(QLabel(intro))
        self.table = QTableWidget(len(backups), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Kind"), self.tr("Size"), self.tr("File")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        for row, b in enumerate(backups):
            size = QTableWidgetItem(size_text(b.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in (
                (self.DATE, QTableWidgetItem(f"{b.taken:%d/%m/%Y %H:%M}")),
                (self.KIND, QTableWidgetItem(backup_label(b))),
                (self.SIZE, size),
                (self.NAME, QTableWidgetItem(b.name)),
            ):
                item.setToolTip(str(b.path))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.doubleClicked.connect(lambda _index: self.accept())
        layout.addWidget(self.table, 1)
        self.buttons = widgets.dialog_buttons(self.tr("Restore…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        if backups:
            self.table.selectRow(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.ok_button.setEnabled(self.selected() is not None)

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None


class BackupSettingsDialog(QDialog):
    """Tệp ▸ Số bản sao lưu giữ lại…: how many backups of each kind are kept (stored in the
    database's settings by ``core.common.backups.set_keep_count``)."""

    def __init__(self, counts: dict[str, int], parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QFormLayout, QSpinBox

        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups kept"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("How many backups of each kind are kept in the backups folder "
                               "beside the database; the oldest beyond that are deleted."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        for kind, count in counts.items():
            spin = QSpinBox()
            spin.setRange(1, 999)
            spin.setValue(count)
            spin.setObjectName(f"keep-{kind}")
            self.spins[kind] = spin
            form.addRow(kind_label(kind) + ":", spin)
        layout.addLayout(form)
        buttons = widgets.dialog_buttons(self.tr("Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def counts(self) -> dict[str, int]:
        return {kind: spin.value() for kind, spin in self.spins.items()}
