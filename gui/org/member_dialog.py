"""Add or edit a member. Enter and Ctrl+S save (also after a problem was shown and fixed),
Esc cancels, asking only when something changed; a rejected save keeps what was typed."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.common import limits
from core.common.changes import Done
from core.common.database import AppDatabase
from core.common.text import clean
from core.org import ops
from core.org.ops import Gender, MemberInput, UnitNode
from gui.common import widgets
from gui.common.forms import FormDialog


class MemberDialog(FormDialog):
    def __init__(
        self,
        db: AppDatabase,
        units: list[UnitNode],
        member_id: uuid.UUID | None = None,
        default_unit_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.member_id = member_id
        self.outcome: Done[ops.MemberDetail] | None = None  # once saved (not "done": QDialog.done())
        self.setWindowTitle(self.tr("Edit member") if member_id else self.tr("New member"))
        self.setMinimumWidth(640)

        self.full_name = QLineEdit()
        self.full_name.setMaxLength(limits.PERSON_NAME)
        self.gender = widgets.ValueCombo()
        self.gender.add(self.tr("(not set)"), None)
        for gender, label in ops.GENDER_LABELS.items():
            self.gender.add(label, gender)
        self.date_of_birth = widgets.DateField()
        self.unit = widgets.UnitCombo(
            (node.id, node.name, node.code) for node in units if node.merged_into_id is None)
        self.position = QLineEdit()
        self.position.setMaxLength(limits.POSITION)
        self.member_since = widgets.DateField()

        form = QFormLayout()
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&Gender:"), self.gender)
        form.addRow(self.tr("Date of &birth:"), self.date_of_birth)
        form.addRow(self.tr("&Unit:"), self.unit)
        form.addRow(self.tr("&Position:"), self.position)
        form.addRow(self.tr("&Member since:"), self.member_since)
        self.error = widgets.ErrorLabel()
        self.buttons = widgets.dialog_buttons(self.tr("Save"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for edit in (self.full_name, self.date_of_birth, self.position, self.member_since):
            edit.textEdited.connect(self._clear_error)
        self.use_buttons(self.buttons)

        if member_id is not None:
            self._load(member_id)
        else:
            self._select_unit(default_unit_id)
        self.mark_saved()
        self.full_name.setFocus()

    def _load(self, member_id: uuid.UUID) -> None:
        member = ops.member_detail(self._db, member_id)
        self.full_name.setText(member.full_name)
        self.gender.setCurrentIndex(max(0, self.gender.index_of(member.gender)))
        self.date_of_birth.set_value(member.date_of_birth)
        self.position.setText(member.position)
        self.member_since.set_value(member.member_since)
        self._select_unit(member.unit_id)

    def _select_unit(self, unit_id: uuid.UUID | None) -> None:
        self.unit.select(unit_id)

    def _chosen_unit(self) -> uuid.UUID | None:
        return self.unit.chosen()

    def _clear_error(self) -> None:
        self.error.set_error("")

    def _fail(self, message: str, field: QWidget | None) -> None:
        self.error.set_error(message)
        if field is not None:
            field.setFocus()

    def values(self) -> MemberInput | None:
        """What was typed, or None after showing the first problem."""
        name = clean(self.full_name.text())
        if not name:
            self._fail(self.tr("Enter the member's full name."), self.full_name)
            return None
        try:
            born = self.date_of_birth.value()
        except ValueError as exc:  # core's words: a wrong form, or a day that does not exist
            self._fail(self.tr("Date of birth: {0}").format(exc), self.date_of_birth)
            return None
        try:
            since = self.member_since.value()
        except ValueError as exc:
            self._fail(self.tr("Member since: {0}").format(exc), self.member_since)
            return None
        unit_id = self._chosen_unit()
        if unit_id is None:
            self._fail(self.tr("Choose the member's unit from the list."), self.unit)
            return None
        gender: Gender | None = self.gender.value()
        return MemberInput(
            full_name=name,
            unit_id=unit_id,
            gender=gender,
            date_of_birth=born,
            position=clean(self.position.text()),
            member_since=since,
        )

    def save(self) -> None:
        data = self.values()
        if data is None:
            return
        try:
            if self.member_id is None:
                done = ops.add_member(self._db, data)
            else:
                done = ops.edit_member(self._db, self.member_id, data)
        except Exception as exc:  # a refusal in Vietnamese; anything else goes to the crash dialog
            self._fail(widgets.error_text(exc), None)
            return
        self.outcome = done
        self.member_id = done.value.id
        self.accept()
