"""Merge a unit into another one of the same level, after saying exactly what will happen."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.common.changes import Done
from core.common.database import AppDatabase
from core.common.errors import UserError
from core.org import ops
from gui.common import widgets
from gui.common.formatting import format_date, format_int
from gui.common.forms import FormDialog


class MergeDialog(FormDialog):
    def __init__(
        self,
        db: AppDatabase,
        source_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.plan = ops.merge_plan(db, source_id)
        self.source = self.plan.source
        self._targets = {node.id: node for node in self.plan.targets}
        self.outcome: Done[ops.MergeResult] | None = None  # once merged (not "done": QDialog.done())
        self.moved: int | None = None
        self.target_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("Merge unit"))
        self.setMinimumWidth(680)

        heading = QLabel(self.tr("Merge “{0}” ({1}) into:").format(self.source.name, self.source.code))
        heading.setWordWrap(True)
        self.target = widgets.ValueCombo()
        for node in self.plan.targets:  # neighbours (same parent) first
            self.target.add(f"{node.name} ({node.code})", node.id)
        self.on = QDateEdit(QDate.currentDate())
        self.on.setDisplayFormat("dd/MM/yyyy")
        self.on.setCalendarPopup(True)
        form = QFormLayout()
        form.addRow(self.tr("&Target unit:"), self.target)
        form.addRow(self.tr("&Date of merger:"), self.on)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary.setContentsMargins(8, 8, 8, 8)
        self.error = widgets.ErrorLabel()
        self.buttons = widgets.dialog_buttons(self.tr("Merge…"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.target.currentIndexChanged.connect(self._update_summary)
        self.on.dateChanged.connect(self._update_summary)
        if self.target.count() == 0:
            self.error.set_error(self.tr("There is no other active unit of the same level to merge into."))
            self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(False)
        self._update_summary()
        self.use_buttons(self.buttons)
        self.mark_saved()
        self.target.setFocus()

    def summary_text(self) -> str:
        target_id = self.target.value()
        if target_id is None:
            return ""
        target = self._targets[target_id]
        return self.tr(
            "From {date}, “{source}” ({source_code}) is merged into “{target}” ({target_code}).\n"
            "• {members} members and {units} sub-units move to “{target}”.\n"
            "• “{source}” keeps its code {source_code} and its history, marked as merged; "
            "it no longer takes new members or units.\n"
            "This cannot be undone."
        ).format(
            date=format_date(self.on.date().toPython()),
            source=self.source.name,
            source_code=self.source.code,
            target=target.name,
            target_code=target.code,
            members=format_int(self.plan.members),
            units=format_int(self.plan.sub_units),
        )

    def _update_summary(self) -> None:
        self.summary.setText(self.summary_text())
        # A wrapped label does not ask its dialog for the height it needs: say it here.
        self.summary.setMinimumHeight(self.summary.heightForWidth(self.minimumWidth() - 40))
        self.error.set_error("")

    def save(self) -> None:
        target_id = self.target.value()
        if target_id is None:
            return
        if not widgets.confirm(
            self, self.tr("Merge unit"), self.summary_text(), self.tr("Merge")
        ):
            return
        try:
            done = ops.merge_units(self._db, self.source.id, target_id, self.on.date().toPython())
        except UserError as exc:
            self.error.set_error(str(exc))
            return
        except Exception as exc:
            self.error.set_error(widgets.error_text(exc))
            return
        self.outcome = done
        self.moved = done.value.members_moved
        self.target_id = target_id
        self.accept()
