"""The targets grid: for one programme phase, the units under a unit with their members, the
suggested target (10% of members, rounded up) and the target, edited in place. "Dùng gợi ý"
fills in the suggestions; saving writes every change in one transaction (core.targets.ops) and
tells every page that the targets changed (gui.common.changes)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.common.changes import Done
from core.common.database import AppDatabase
from core.targets import ops
from core.targets.ops import ProgrammeChoice, TargetGridRow
from gui.common import jobs, widgets
from gui.common.changes import ChangeBus
from gui.common.formatting import format_int
from gui.common.forms import FormDialog

COL_NAME, COL_CODE, COL_MEMBERS, COL_SUGGESTED, COL_TARGET = range(5)
MAX_TARGET = 9_999_999
_Index = QModelIndex | QPersistentModelIndex


class TargetGridModel(QAbstractTableModel):
    """core.targets.ops.TargetGridRow rows; only the target column is editable."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[TargetGridRow] = []
        self._edits: dict[uuid.UUID, int | None] = {}
        self._headers = [self.tr("Unit"), self.tr("Code"), self.tr("Members"),
                         self.tr("Suggested (10%)"), self.tr("Target")]

    def set_rows(self, rows: list[TargetGridRow] | tuple[TargetGridRow, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._edits = {}
        self.endResetModel()
        self.changed.emit()

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def target(self, row: int) -> int | None:
        item = self._rows[row]
        return self._edits.get(item.unit_id, item.target)

    def set_target(self, row: int, value: int | None) -> bool:
        item = self._rows[row]
        if value is not None and not 0 <= value <= MAX_TARGET:
            return False
        if value == item.target:
            self._edits.pop(item.unit_id, None)
        else:
            self._edits[item.unit_id] = value
        index = self.index(row, COL_TARGET)
        self.dataChanged.emit(self.index(row, 0), index)
        self.changed.emit()
        return True

    def changes(self) -> dict[uuid.UUID, int | None]:
        return dict(self._edits)

    def use_suggestions(self, rows: list[int] | None = None) -> int:
        """The suggested target in ``rows`` (default: every row); returns how many changed."""
        changed = 0
        for row in range(len(self._rows)) if rows is None else rows:
            if self.target(row) != self._rows[row].suggested:
                self.set_target(row, self._rows[row].suggested)
                changed += 1
        return changed

    def totals(self) -> tuple[int, int, int]:
        """(targets, suggestions, members) of all rows."""
        return (sum(self.target(r) or 0 for r in range(len(self._rows))),
                sum(r.suggested for r in self._rows), sum(r.members for r in self._rows))

    # --- Qt -------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == COL_TARGET:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], index.column()
        target = self.target(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return item.name
            if column == COL_CODE:
                return item.code
            if column == COL_MEMBERS:
                return format_int(item.members)
            if column == COL_SUGGESTED:
                return format_int(item.suggested)
            return "—" if target is None else format_int(target)
        if role == Qt.ItemDataRole.EditRole and column == COL_TARGET:
            return target if target is not None else item.suggested
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= COL_MEMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == COL_TARGET and item.unit_id in self._edits:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_TARGET:
            return QBrush(QColor("#fff8d6") if item.unit_id in self._edits else QColor("#f4f8fc"))
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TARGET:
            return self.tr("Type the target; Delete clears it")
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != COL_TARGET or role != Qt.ItemDataRole.EditRole:
            return False
        return self.set_target(index.row(), None if value is None else int(value))


class TargetDelegate(QStyledItemDelegate):
    """A spin box for the target, with "." thousands."""

    def createEditor(self, parent: QWidget, option, index: _Index) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(0, MAX_TARGET)
        editor.setGroupSeparatorShown(True)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QSpinBox, index: _Index) -> None:
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))
        editor.selectAll()

    def setModelData(self, editor: QSpinBox, model, index: _Index) -> None:
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class TargetsGridDialog(FormDialog):
    saved = Signal()  # the targets were saved (or imported)

    def __init__(self, db: AppDatabase, programme: ProgrammeChoice, phase: int | None, phase_label: str,
                 parent_unit_id: uuid.UUID, parent_name: str, year: int,
                 parent: QWidget | None = None, bus: ChangeBus | None = None) -> None:
        super().__init__(parent)
        self.bus = bus if bus is not None else ChangeBus(self)  # change notices (gui.common.changes)
        self._db = db
        self._programme = programme
        self._phase = phase
        self._parent_unit_id = parent_unit_id
        self._year = year
        self.last_job: jobs.Job | None = None
        self.import_flow = None
        self.setWindowTitle(self.tr("Targets — {0}").format(parent_name))
        self.resize(820, 560)

        self.intro = QLabel(
            self.tr(
                "Targets of the units under {unit} for “{programme}”, {phase}. "
                "Suggested: 10% of the members, rounded up (the latest member counts up to {year})."
            ).format(unit=parent_name, programme=programme.name, phase=phase_label, year=year)
        )
        self.intro.setWordWrap(True)
        self.model = TargetGridModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_TARGET, TargetDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        em = self.table.fontMetrics().horizontalAdvance("M")
        for column, width in ((COL_CODE, 7), (COL_MEMBERS, 7), (COL_SUGGESTED, 9), (COL_TARGET, 8)):
            self.table.setColumnWidth(column, width * em)
        self.totals = QLabel()
        self.error = widgets.ErrorLabel()

        self.suggest_button = QPushButton(self.tr("&Use suggestions"))
        self.suggest_button.setToolTip(
            self.tr("Set the suggested target (10% of members) in the selected rows, or in every row")
        )
        self.import_button = QPushButton(self.tr("&Import from a workbook…"))
        self.buttons = widgets.dialog_buttons(self.tr("Save"), self.tr("Cancel"))
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.addButton(self.suggest_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.suggest_button, self.import_button):
            button.setAutoDefault(False)
        self.suggest_button.clicked.connect(self.use_suggestions)
        self.import_button.clicked.connect(self.import_targets)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.use_buttons(self.buttons, self.save_button)
        self.discard_text = self.tr("The targets you changed have not been saved. Close without saving?")

        clear = QAction(self.tr("Clear target"), self.table)
        clear.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        clear.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear.triggered.connect(self.clear_selected)
        self.table.addAction(clear)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.model.changed.connect(self._update)
        self.model.modelReset.connect(self._update)
        self.loading = False
        self.load()

    # --- loading ----------------------------------------------------------------------
    def load(self) -> jobs.Job:
        db, programme_id, phase = self._db, self._programme.id, self._phase
        parent_id, year = self._parent_unit_id, self._year
        self.loading = True
        self.totals.setText(self.tr("Loading…"))
        self._update()

        def work(ctx):
            return ops.target_grid(db, programme_id, phase, parent_id, year)

        self.last_job = jobs.run_job(work, on_success=self._loaded, on_failure=self._load_failed, owner=self)
        return self.last_job

    def _loaded(self, rows: tuple[TargetGridRow, ...]) -> None:
        self.loading = False
        self.model.set_rows(rows)
        if rows:
            self.table.setCurrentIndex(self.model.index(0, COL_TARGET))
        self.table.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = False
        self.error.set_error(widgets.error_text(exc))
        self._update()

    def _update(self) -> None:
        targets, suggested, members = self.model.totals()
        if not self.loading:
            self.totals.setText(
                self.tr("{0} units, {1} members: targets {2} in all (suggested {3}); {4} changed.").format(
                    format_int(self.model.rowCount()), format_int(members), format_int(targets),
                    format_int(suggested), format_int(len(self.model.changes())),
                )
            )
        self.save_button.setEnabled(not self.loading and bool(self.model.changes()))
        self.suggest_button.setEnabled(not self.loading and self.model.rowCount() > 0)

    # --- editing ----------------------------------------------------------------------
    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def use_suggestions(self) -> int:
        rows = self._selected_rows()
        return self.model.use_suggestions(rows if len(rows) > 1 else None)

    def clear_selected(self) -> None:
        for row in self._selected_rows() or [self.table.currentIndex().row()]:
            if row >= 0:
                self.model.set_target(row, None)

    # --- saving -----------------------------------------------------------------------
    def save(self) -> jobs.Job | None:
        changes = self.model.changes()
        if not changes:
            self.accept()
            return None
        db, programme_id, phase = self._db, self._programme.id, self._phase
        self.save_button.setEnabled(False)

        def work(ctx):
            return ops.save_targets(db, programme_id, phase, changes)

        self.last_job = jobs.run_with_progress(
            self, self.tr("Saving the targets…"), work,
            on_success=self._saved, on_failure=self._save_failed,
        )
        return self.last_job

    def _saved(self, done: Done[int]) -> None:
        self.bus.notify(done.changes, source=self)
        self.saved.emit()
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.error.set_error(widgets.error_text(exc))
        self._update()

    def has_changes(self) -> bool:
        return bool(self.model.changes())

    # --- import -----------------------------------------------------------------------
    def import_targets(self):
        from gui.targets.importing import TargetImportFlow

        if self.model.changes() and not widgets.confirm(
            self, self.tr("Unsaved targets"),
            self.tr("Importing reloads the list: the targets you changed here will be lost. Import anyway?"),
            self.tr("Import"),
        ):
            return None
        self.import_flow = TargetImportFlow(self, self._db, self._programme.code, self._phase)
        self.import_flow.imported.connect(self._imported)
        self.import_flow.choose_file()
        return self.import_flow

    def _imported(self, _result) -> None:  # the flow has notified the bus already
        self.load()
        self.saved.emit()
