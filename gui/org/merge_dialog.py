"""Merge a unit into another one of the same level, after saying exactly what will happen."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.common.database import AppDatabase
from core.common.errors import UserError
from core.org import units as org
from core.org.members import MemberQuery, count_members
from gui.common import widgets
from gui.common.formatting import format_date, format_int


class MergeDialog(QDialog):
    def __init__(
        self,
        db: AppDatabase,
        nodes: dict[uuid.UUID, org.UnitNode],
        source_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._nodes = nodes
        self.source = nodes[source_id]
        self.moved: int | None = None
        self.setWindowTitle(self.tr("Merge unit"))
        self.setMinimumWidth(680)

        with db.reading() as session:
            self._member_count = count_members(session, MemberQuery(unit_ids=frozenset({source_id})))
            below = org.subtree_ids(session, source_id)
        self._sub_units = sum(
            1 for n in nodes.values() if n.parent_id == source_id and n.merged_into_id is None
        )

        heading = QLabel(self.tr("Merge “{0}” ({1}) into:").format(self.source.name, self.source.code))
        heading.setWordWrap(True)
        self.target = widgets.ValueCombo()
        candidates = [
            node
            for node in nodes.values()
            if node.kind == self.source.kind and node.merged_into_id is None and node.id not in below
        ]
        # Units under the same parent first: most mergers happen between neighbours.
        candidates.sort(key=lambda node: node.parent_id != self.source.parent_id)
        for node in candidates:
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
        self.target.setFocus()

    def summary_text(self) -> str:
        target_id = self.target.value()
        if target_id is None:
            return ""
        target = self._nodes[target_id]
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
            members=format_int(self._member_count),
            units=format_int(self._sub_units),
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
            with self._db.transaction() as session:
                moved = org.merge_units(session, self.source.id, target_id, self.on.date().toPython())
        except UserError as exc:
            self.error.set_error(str(exc))
            return
        except Exception as exc:
            self.error.set_error(widgets.error_text(exc))
            return
        self.moved = moved
        self.target_id = target_id
        self.accept()
