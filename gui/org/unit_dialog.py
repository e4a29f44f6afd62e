"""Add or edit a unit: code (suggested), name, kind, parent, sector, member count of a year.

Editing shows the count recorded for the year (ticked, with its numbers); Enter and Ctrl+S
save, Esc asks only when something changed (gui.common.forms.FormDialog)."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.common import limits
from core.common.changes import Done
from core.common.database import AppDatabase
from core.common.text import clean
from core.org import ops
from core.org.ops import Sector, UnitKind
from gui.common import widgets
from gui.common.forms import FormDialog

# A convenience for the parent list only; core.org checks the rule itself.
PARENT_KIND = {
    UnitKind.GRASSROOTS: UnitKind.UPPER,
    UnitKind.UPPER: UnitKind.PROVINCE,
    UnitKind.PROVINCE: None,
}


class UnitDialog(FormDialog):
    def __init__(
        self,
        db: AppDatabase,
        nodes: dict[uuid.UUID, ops.UnitNode],
        unit_id: uuid.UUID | None = None,
        default_parent_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._nodes = nodes  # the units the page shows: the parents offered
        self.unit_id = unit_id
        self.outcome: Done[ops.UnitNode] | None = None  # once saved (not "done": QDialog.done())
        editing = unit_id is not None
        self.detail = ops.unit_detail(db, unit_id) if editing else None
        node = self.detail
        self.setWindowTitle(self.tr("Edit unit") if editing else self.tr("New unit"))
        self.setMinimumWidth(640)

        self.code = QLineEdit()
        self.code.setMaxLength(limits.UNIT_CODE)
        self.name = QLineEdit()
        self.name.setMaxLength(limits.UNIT_NAME)
        self.kind = widgets.ValueCombo()
        for kind in (UnitKind.GRASSROOTS, UnitKind.UPPER, UnitKind.PROVINCE):
            self.kind.add(ops.KIND_LABELS[kind], kind)
        self.parent_unit = widgets.ValueCombo()
        self.sector = widgets.ValueCombo()
        self.sector.add(self.tr("(not set)"), None)
        for sector in Sector:
            self.sector.add(ops.SECTOR_LABELS[sector], sector)

        self.record_count = QCheckBox(self.tr("Record the number of &members for year"))
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(date.today().year)
        self.members = QSpinBox()
        self.members.setRange(0, 10_000_000)
        self.female = QSpinBox()
        self.female.setRange(0, 10_000_000)
        count_row = QHBoxLayout()
        count_row.addWidget(self.record_count)
        count_row.addWidget(self.year)
        count_row.addStretch(1)
        numbers_row = QHBoxLayout()
        members_label = QLabel(self.tr("Mem&bers:"))
        members_label.setBuddy(self.members)
        female_label = QLabel(self.tr("of whom &women:"))
        female_label.setBuddy(self.female)
        numbers_row.addWidget(members_label)
        numbers_row.addWidget(self.members)
        numbers_row.addWidget(female_label)
        numbers_row.addWidget(self.female)
        numbers_row.addStretch(1)
        self.record_count.toggled.connect(self._count_toggled)
        self._count_toggled(False)

        form = QFormLayout()
        form.addRow(self.tr("&Code:"), self.code)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Parent unit:"), self.parent_unit)
        form.addRow(self.tr("&Sector:"), self.sector)
        self.error = widgets.ErrorLabel()
        self.buttons = widgets.dialog_buttons(self.tr("Save"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(count_row)
        layout.addLayout(numbers_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.use_buttons(self.buttons)

        self.kind.currentIndexChanged.connect(self._fill_parents)
        if node is not None:
            self.code.setText(node.code)
            self.code.setReadOnly(True)
            self.code.setToolTip(self.tr("A unit's code never changes."))
            self.name.setText(node.name)
            self.kind.set_value(node.kind)
            self.kind.setEnabled(False)
            self._fill_parents()
            self._select_parent(node.parent_id)
            self.sector.setCurrentIndex(max(0, self.sector.index_of(node.sector)))
            self.year.valueChanged.connect(self._show_recorded_count)
            self._show_recorded_count(self.year.value())
            self.name.setFocus()
            self.name.selectAll()
        else:
            self.code.setText(ops.suggest_unit_code(db))
            default_parent = nodes.get(default_parent_id) if default_parent_id else None
            if default_parent is not None and default_parent.kind == UnitKind.PROVINCE:
                self.kind.set_value(UnitKind.UPPER)
            self._fill_parents()
            self._select_parent(default_parent_id)
            self.name.setFocus()
        self.mark_saved()

    def _count_toggled(self, on: bool) -> None:
        for widget in (self.year, self.members, self.female):
            widget.setEnabled(on)

    def _show_recorded_count(self, year: int) -> None:
        """The count already recorded for ``year`` (ticked, to correct it); a year with none
        recorded shows empty numbers."""
        recorded = self.detail.count_for(year) if self.detail is not None else None
        if recorded is not None:
            self.record_count.setChecked(True)
        self.members.setValue(recorded.members if recorded is not None else 0)
        self.female.setValue((recorded.female or 0) if recorded is not None else 0)

    def _fill_parents(self) -> None:
        kind = self.kind.value()
        wanted = PARENT_KIND.get(kind)
        current = self.parent_unit.value()
        excluded = self.detail.subtree if self.detail is not None else frozenset()
        self.parent_unit.clear()
        if wanted is None:
            self.parent_unit.add(self.tr("(none: top level)"), None)
        for node in self._nodes.values():
            if node.kind == wanted and node.merged_into_id is None and node.id not in excluded:
                self.parent_unit.add(f"{node.name} ({node.code})", node.id)
        self._select_parent(current)

    def _select_parent(self, unit_id: uuid.UUID | None) -> None:
        if unit_id is None:
            return
        self.parent_unit.set_value(unit_id)

    def save(self) -> None:
        code, name = clean(self.code.text()).upper(), clean(self.name.text())
        if not code:
            self._fail(self.tr("Enter the unit code."), self.code)
            return
        if not name:
            self._fail(self.tr("Enter the unit name."), self.name)
            return
        kind = self.kind.value()
        parent_id = self.parent_unit.value()
        if kind != UnitKind.PROVINCE and parent_id is None:
            self._fail(self.tr("Choose the parent unit."), self.parent_unit)
            return
        if self.record_count.isChecked() and self.female.value() > self.members.value():
            self._fail(self.tr("The number of women cannot exceed the number of members."), self.female)
            return
        count = (
            ops.MemberCount(self.year.value(), self.members.value(), self.female.value())
            if self.record_count.isChecked()
            else None
        )
        draft = ops.UnitDraft(code=code, name=name, kind=kind, parent_id=parent_id,
                              sector=self.sector.value(), member_count=count)
        try:
            if self.unit_id is None:
                done = ops.add_unit(self._db, draft)
            else:
                done = ops.edit_unit(self._db, self.unit_id, draft)
        except Exception as exc:  # a refusal in Vietnamese; anything else goes to the crash dialog
            self._fail(widgets.error_text(exc), None)
            return
        self.outcome = done
        self.unit_id = done.value.id
        self.accept()

    def _fail(self, message: str, field: QWidget | None) -> None:
        self.error.set_error(message)
        if field is not None:
            field.setFocus()
