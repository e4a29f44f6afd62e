"""Adjust the dates of one phase of a programme (offices' own phase windows differ, seed 003).

The dialog only collects the new dates; the page applies them in the background
(core.initiatives.ops.set_phase_dates re-derives the phase of the programme's initiatives) and
says how many initiatives changed phase.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.initiatives.ops import PhaseInfo, ProgrammeInfo
from gui.common import widgets
from gui.common.formatting import format_date
from gui.common.forms import FormDialog
from gui.initiatives.common import parse_date_text


class PhasesDialog(FormDialog):
    def __init__(self, programmes: list[ProgrammeInfo], programme_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.programmes = [p for p in programmes if p.phases]
        self.setWindowTitle(self.tr("Programme phases"))
        self.resize(640, 460)
        heading = QLabel(
            self.tr("Each initiative counts toward the phase its registration date falls in. "
                    "Change the dates of one phase; the initiatives are moved to the right phase.")
        )
        heading.setWordWrap(True)
        self.programme = widgets.ValueCombo()
        for programme in self.programmes:
            self.programme.add(programme.name, programme.id)
        self.phase = widgets.ValueCombo()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Phase"), self.tr("From"), self.tr("To")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.starts_on = widgets.DateField()
        self.ends_on = widgets.DateField()
        form = QFormLayout()
        form.addRow(self.tr("P&rogramme:"), self.programme)
        form.addRow(self.tr("P&hase:"), self.phase)
        form.addRow(self.tr("&From:"), self.starts_on)
        form.addRow(self.tr("&To:"), self.ends_on)
        self.error = widgets.ErrorLabel()
        self.buttons = widgets.dialog_buttons(self.tr("Save"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

        self.programme.currentIndexChanged.connect(lambda _i: self._programme_changed())
        self.phase.currentIndexChanged.connect(lambda _i: self._phase_changed())
        self.table.currentCellChanged.connect(lambda row, *_: self.phase.setCurrentIndex(row))
        for field in (self.starts_on, self.ends_on):
            field.textChanged.connect(lambda _t: self._check(typing=True))
            field.editingFinished.connect(self._check)
        if programme_id is not None:
            self.programme.set_value(programme_id)
        self._programme_changed()
        self.use_buttons(self.buttons, self.ok_button)
        self.mark_saved()
        self.starts_on.setFocus()

    def current_programme(self) -> ProgrammeInfo | None:
        programme_id = self.programme.value()
        return next((p for p in self.programmes if p.id == programme_id), None)

    def current_phase(self) -> PhaseInfo | None:
        programme = self.current_programme()
        number = self.phase.value()
        if programme is None:
            return None
        return next((p for p in programme.phases if p.number == number), None)

    def _programme_changed(self) -> None:
        programme = self.current_programme()
        phases = programme.phases if programme else ()
        self.phase.blockSignals(True)
        self.phase.clear()
        for phase in phases:
            self.phase.add(phase.name or str(phase.number), phase.number)
        self.phase.blockSignals(False)
        self.table.setRowCount(len(phases))
        for row, phase in enumerate(phases):
            for column, text in enumerate((phase.name or str(phase.number), format_date(phase.starts_on),
                                           format_date(phase.ends_on))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        # A programme by calendar years: start at this year's phase.
        today = date.today()
        current = next((i for i, p in enumerate(phases) if p.starts_on <= today <= p.ends_on), 0)
        self.phase.setCurrentIndex(current if phases else -1)
        self._phase_changed()

    def _phase_changed(self) -> None:
        phase = self.current_phase()
        self.starts_on.set_value(phase.starts_on if phase else None)
        self.ends_on.set_value(phase.ends_on if phase else None)
        if phase is not None:
            self.table.blockSignals(True)
            self.table.selectRow(self.phase.currentIndex())
            self.table.blockSignals(False)
        self._check()

    def dates(self) -> tuple[date | None, date | None]:
        try:
            return parse_date_text(self.starts_on.text()), parse_date_text(self.ends_on.text())
        except ValueError:
            return None, None

    def problem(self) -> str:
        phase = self.current_phase()
        if phase is None:
            return self.tr("Choose a phase.")
        try:
            starts = parse_date_text(self.starts_on.text())
            ends = parse_date_text(self.ends_on.text())
        except ValueError as exc:
            return str(exc)
        if starts is None or ends is None:
            return self.tr("Enter both dates (dd/mm/yyyy).")
        if ends < starts:
            return self.tr("The phase ends before it starts.")
        for other in self.current_programme().phases:
            if other.number != phase.number and starts <= other.ends_on and other.starts_on <= ends:
                return self.tr("These dates overlap {0} ({1} – {2}).").format(
                    other.name or other.number, format_date(other.starts_on), format_date(other.ends_on)
                )
        if (starts, ends) == (phase.starts_on, phase.ends_on):
            return self.tr("The dates are unchanged.")
        return ""

    def _check(self, typing: bool = False) -> None:
        """Save is enabled as the dates are typed; a problem is said once a date field is
        left (never while typing), and cleared as soon as the dates are right."""
        message = self.problem()
        unchanged = message == self.tr("The dates are unchanged.")
        if not typing or not message:
            self.error.set_error("" if unchanged else message)
        self.ok_button.setEnabled(not message)

    def has_changes(self) -> bool:
        """Only dates typed over the chosen phase's count (looking at another phase does not)."""
        phase = self.current_phase()
        if phase is None:
            return False
        return (self.starts_on.text(), self.ends_on.text()) != (
            format_date(phase.starts_on), format_date(phase.ends_on))

    def save_anyway(self) -> None:
        """Enter while Save is disabled: the problem (also "unchanged") is said."""
        self.error.set_error(self.problem())

    def accept(self) -> None:
        if not self.problem():
            super().accept()
