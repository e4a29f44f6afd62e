"""The recognition decision: its own period (a registration year, or every year — never the
register's current filter), the list of the valid initiatives it will include, the ineligible
ones (⚠) left out unless the clerk ticks to include them, and its number, symbol and date.
Accepting it writes the PDF and opens the preview (gui.common.pdf_preview)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.common.text import clean
from core.initiatives import ops
from core.initiatives.ops import DecisionCandidate
from gui.common import jobs, widgets
from gui.common.formatting import format_date, format_int
from gui.initiatives.common import parse_date_text

ALL_YEARS = 0  # the year combo's value for "every year"
COL_NUMBER, COL_NAME, COL_UNIT, COL_REGISTERED, COL_ELIGIBLE = range(5)
_Index = QModelIndex | QPersistentModelIndex


class CandidatesModel(QAbstractTableModel):
    """The valid initiatives of the period: number, name, unit, date, eligibility (✓ / ⚠ and
    why). Rows the decision leaves out are shown in the disabled colour."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: tuple[DecisionCandidate, ...] = ()
        self.include_ineligible = False
        self._headers = [self.tr("No."), self.tr("Initiative"), self.tr("Unit"), self.tr("Registered"),
                         self.tr("Eligibility")]

    def set_rows(self, rows: Sequence[DecisionCandidate]) -> None:
        self.beginResetModel()
        self.rows = tuple(rows)
        self.endResetModel()

    def set_include_ineligible(self, on: bool) -> None:
        self.include_ineligible = on
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, COL_ELIGIBLE))

    def included(self, row: DecisionCandidate) -> bool:
        return row.eligible or self.include_ineligible

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NUMBER:
                return row.number
            if column == COL_NAME:
                return row.name
            if column == COL_UNIT:
                return row.unit_name
            if column == COL_REGISTERED:
                return format_date(row.registered_on)
            if row.eligible:
                return "✓"
            text = "⚠ " + " ".join(row.reasons)
            return text if self.included(row) else self.tr("{0} (left out)").format(text)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_ELIGIBLE and not row.eligible:
                return "\n".join(row.reasons)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ForegroundRole and not self.included(row):
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class DecisionDialog(QDialog):
    """``years``: the registration years that have initiatives (newest is chosen first)."""

    def __init__(self, db, default_symbol: str, years: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("Recognition decision"))
        self.resize(900, 620)
        heading = QLabel(self.tr(
            "A decision recognising the valid initiatives registered in the year chosen here "
            "(the register's filter does not apply). The list shows what it will include."))
        heading.setWordWrap(True)
        self.year = widgets.ValueCombo()
        self.year.setMinimumContentsLength(12)
        for year in sorted(set(years), reverse=True):
            self.year.add(self.tr("Year {0}").format(year), year)
        self.year.add(self.tr("Every year"), ALL_YEARS)
        self.model = CandidatesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REGISTERED, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(COL_NAME, 300)
        self.table.setColumnWidth(COL_UNIT, 200)
        self.include_ineligible = QCheckBox(
            self.tr("Also include the initiatives that do not meet every &rule (⚠)"))
        # The chosen row's eligibility, whole (the column may be too narrow for it).
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.count_label = QLabel(self.tr("Reading the valid initiatives…"))
        self.count_label.setWordWrap(True)
        self.number = QSpinBox()
        self.number.setRange(1, 99999)
        self.symbol = QLineEdit(default_symbol)
        self.symbol.setPlaceholderText(default_symbol)
        self.signed_on = widgets.DateField()
        self.signed_on.set_value(date.today())
        form = QFormLayout()
        form.addRow(self.tr("&Year:"), self.year)
        form.addRow(self.tr("&Number:"), self.number)
        form.addRow(self.tr("S&ymbol:"), self.symbol)
        form.addRow(self.tr("&Signed on:"), self.signed_on)
        self.error = widgets.ErrorLabel()
        self.buttons = widgets.dialog_buttons(self.tr("&Preview…"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.include_ineligible)
        layout.addWidget(self.count_label)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._loading = 0
        self.load_job: jobs.Job | None = None
        self.signed_on.textChanged.connect(self._check)
        self.year.currentIndexChanged.connect(lambda _i: self.load())
        self.include_ineligible.toggled.connect(self._include_toggled)
        self.load()
        self.number.setFocus()
        self.number.selectAll()

    # --- the list ----------------------------------------------------------------------------
    def chosen_year(self) -> int | None:
        """The year of the decision (None: every year)."""
        value = self.year.value()
        return None if value in (None, ALL_YEARS) else int(value)  # type: ignore[call-overload]

    def load(self) -> jobs.Job:
        """Read the valid initiatives of the chosen year in the background."""
        db, year = self._db, self.chosen_year()
        self._loading += 1
        ticket = self._loading
        self.count_label.setText(self.tr("Reading the valid initiatives…"))
        self._check()

        def work(_ctx):
            return ops.decision_candidates(db, year)

        def done(rows) -> None:
            if ticket == self._loading:  # not a year chosen before the last one
                self.set_candidates(rows)

        self.load_job = jobs.run_job(work, on_success=done, owner=self)
        return self.load_job

    def set_candidates(self, rows: Sequence[DecisionCandidate]) -> None:
        self._loading = 0
        self.model.set_rows(rows)
        first_ineligible = next((i for i, r in enumerate(rows) if not r.eligible), None)
        if first_ineligible is not None:  # show the first problem at once
            self.table.setCurrentIndex(self.model.index(first_ineligible, COL_NUMBER))
        else:
            self.detail.clear()
        self._count_text()
        self._check()

    def _show_detail(self, current: QModelIndex, _previous=None) -> None:
        rows = self.model.rows
        if not current.isValid() or current.row() >= len(rows):
            self.detail.clear()
            return
        row = rows[current.row()]
        reason = self.model.index(current.row(), COL_ELIGIBLE).data()
        self.detail.setText(f"{row.number}: {reason}" if not row.eligible else "")

    def _include_toggled(self, on: bool) -> None:
        self.model.set_include_ineligible(on)
        self._count_text()
        self._check()

    def selection(self) -> list[uuid.UUID]:
        """The initiatives the decision includes."""
        return ops.decision_selection(self.model.rows, include_ineligible=self.include_ineligible.isChecked())

    def period_text(self) -> str:
        year = self.chosen_year()
        return self.tr("year {0}").format(year) if year is not None else self.tr("every year")

    def _count_text(self) -> None:
        rows = self.model.rows
        ineligible = sum(1 for r in rows if not r.eligible)
        included = len(self.selection())
        if not rows:
            text = self.tr("No valid initiative was registered in {0}.").format(self.period_text())
        else:
            text = self.tr("The decision will recognise {0} initiative(s) of {1}.").format(
                format_int(included), self.period_text())
            if ineligible and not self.include_ineligible.isChecked():
                text += " " + self.tr("{0} not meeting every rule (⚠) are left out.").format(format_int(ineligible))
            elif ineligible:
                text += " " + self.tr("{0} of them do not meet every rule (⚠).").format(format_int(ineligible))
        self.count_label.setText(text)

    # --- the form ----------------------------------------------------------------------------
    def signed(self) -> date | None:
        try:
            return parse_date_text(self.signed_on.text())
        except ValueError:
            return None

    def symbol_text(self) -> str:
        return clean(self.symbol.text())

    def _check(self) -> None:
        message = ""
        try:
            signed = parse_date_text(self.signed_on.text())
        except ValueError as exc:
            message = str(exc)
        else:
            if signed is None:
                message = self.tr("Enter the date of signing (dd/mm/yyyy).")
        waiting = self._loading != 0
        if not waiting and not self.selection():
            message = message or self.tr("Nothing to recognise.")
        self.error.set_error(message)
        self.ok_button.setEnabled(not message and not waiting)

    def accept(self) -> None:
        self._check()
        if self.ok_button.isEnabled():
            super().accept()
