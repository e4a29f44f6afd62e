"""Add or edit a unit: code (suggested), name, kind, parent, sector, member count of a year."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.common.database import AppDatabase
from core.common.errors import UserError
from core.common.text import clean
from core.org import units as org
from db.models import Sector, UnitKind
from gui.common import widgets

# A convenience for the parent list only; core.org.units checks the rule itself.
PARENT_KIND = {
    UnitKind.GRASSROOTS: UnitKind.UPPER,
    UnitKind.UPPER: UnitKind.PROVINCE,
    UnitKind.PROVINCE: None,
}


class UnitDialog(QDialog):
    def __init__(
        self,
        db: AppDatabase,
        nodes: dict[uuid.UUID, org.UnitNode],
        unit_id: uuid.UUID | None = None,
        default_parent_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._nodes = nodes
        self.unit_id = unit_id
        editing = unit_id is not None
        node = nodes[unit_id] if editing else None
        self.setWindowTitle(self.tr("Edit unit") if editing else self.tr("New unit"))
        self.setMinimumWidth(640)

        self.code = QLineEdit()
        self.code.setMaxLength(32)
        self.name = QLineEdit()
        self.kind = widgets.ValueCombo()
        for kind in (UnitKind.GRASSROOTS, UnitKind.UPPER, UnitKind.PROVINCE):
            self.kind.add(org.KIND_LABELS[kind], kind)
        self.parent_unit = widgets.ValueCombo()
        self.sector = widgets.ValueCombo()
        self.sector.add(self.tr("(not set)"), None)
        for sector in Sector:
            self.sector.add(org.SECTOR_LABELS[sector], sector)

        self.record_count = QCheckBox(self.tr("Record the number of members for year"))
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
        numbers_row.addWidget(QLabel(self.tr("Members:")))
        numbers_row.addWidget(self.members)
        numbers_row.addWidget(QLabel(self.tr("of whom women:")))
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
            self.name.setFocus()
            self.name.selectAll()
        else:
            with db.reading() as session:
                self.code.setText(org.next_unit_code(session, db.office_code))
            default_parent = nodes.get(default_parent_id) if default_parent_id else None
            if default_parent is not None and default_parent.kind == UnitKind.PROVINCE:
                self.kind.set_value(UnitKind.UPPER)
            self._fill_parents()
            self._select_parent(default_parent_id)
            self.name.setFocus()

    def _count_toggled(self, on: bool) -> None:
        for widget in (self.year, self.members, self.female):
            widget.setEnabled(on)

    def _fill_parents(self) -> None:
        kind = self.kind.value()
        wanted = PARENT_KIND.get(kind)
        current = self.parent_unit.value()
        excluded = self._descendants(self.unit_id) if self.unit_id else set()
        self.parent_unit.clear()
        if wanted is None:
            self.parent_unit.add(self.tr("(none: top level)"), None)
        for node in self._nodes.values():
            if node.kind == wanted and node.merged_into_id is None and node.id not in excluded:
                self.parent_unit.add(f"{node.name} ({node.code})", node.id)
        self._select_parent(current)

    def _descendants(self, unit_id: uuid.UUID) -> set[uuid.UUID]:
        found, frontier = {unit_id}, [unit_id]
        while frontier:
            current = frontier.pop()
            for node in self._nodes.values():
                if node.parent_id == current and node.id not in found:
                    found.add(node.id)
                    frontier.append(node.id)
        return found

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
        parent_code = self._nodes[parent_id].code if parent_id else None
        sector = self.sector.value()
        try:
            with self._db.transaction() as session:
                if self.unit_id is None:
                    unit = org.create_unit(
                        session,
                        org.UnitInput(code=code, name=name, kind=kind, parent_code=parent_code, sector=sector),
                    )
                else:
                    unit = org.update_unit(
                        session, self.unit_id, name=name, sector=sector, parent_code=parent_code
                    )
                if self.record_count.isChecked():
                    org.set_member_count(
                        session, unit.id, self.year.value(), self.members.value(), self.female.value()
                    )
                unit_id = unit.id
        except UserError as exc:
            self._fail(str(exc), None)
            return
        except Exception as exc:
            self._fail(widgets.error_text(exc), None)
            return
        self.unit_id = unit_id
        self.accept()

    def _fail(self, message: str, field: QWidget | None) -> None:
        self.error.set_error(message)
        if field is not None:
            field.setFocus()
