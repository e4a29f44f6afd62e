"""Two tabs of the initiative form: support payments (list and add) and the history of
changes (who, when, what)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.common import limits
from core.common.database import AppDatabase
from core.common.errors import UserError
from core.common.text import clean
from core.common.vnformat import format_money, parse_money
from core.initiatives import ops
from core.initiatives.ops import PaymentInfo
from gui.common import forms, widgets
from gui.common.formatting import format_date
from gui.initiatives.common import HistoryLine, parse_date_text


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    return table


class PaymentsTab(QWidget):
    """Support paid for the initiative (seed 001: 100.000 đ from the district, up to
    200.000 đ from the CĐCS). A payment is saved at once, in its own transaction;
    ``added`` then carries what changed (core.common.changes.Changes) for the change bus."""

    added = Signal(object)

    def __init__(self, db: AppDatabase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.initiative_id: uuid.UUID | None = None
        self.table = _table([self.tr("Paid on"), self.tr("Amount (đồng)"), self.tr("Paid by")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 150)
        self.total_label = QLabel()
        self.paid_on = widgets.DateField()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 100.000"))
        self.payer = QLineEdit()
        self.payer.setMaxLength(limits.SETTING)
        self.payer.setPlaceholderText(self.tr("Who paid, e.g. the district federation"))
        self.add_button = QPushButton(self.tr("Add pa&yment"))
        self.add_button.setAutoDefault(False)
        self.error = widgets.ErrorLabel()
        self.note = QLabel(self.tr("Save the initiative first; then support payments can be recorded."))
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Date:")))
        row.addWidget(self.paid_on)
        row.addWidget(QLabel(self.tr("Amount:")))
        row.addWidget(self.amount)
        row.addWidget(QLabel(self.tr("Paid by:")))
        row.addWidget(self.payer, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add_payment)
        forms.enter_runs((self.paid_on, self.amount, self.payer), self.add_payment)  # not the form's Save
        for edit in (self.paid_on, self.amount, self.payer):
            edit.textEdited.connect(lambda _t: self.error.set_error(""))
        self.set_initiative(None, [])

    def set_initiative(self, initiative_id: uuid.UUID | None, payments: Sequence[PaymentInfo]) -> None:
        self.initiative_id = initiative_id
        enabled = initiative_id is not None
        for widget in (self.paid_on, self.amount, self.payer, self.add_button):
            widget.setEnabled(enabled)
        self.note.setVisible(not enabled)
        self.table.setRowCount(len(payments))
        total = 0
        for row, payment in enumerate(payments):
            total += payment.amount
            items = [QTableWidgetItem(format_date(payment.paid_on)), QTableWidgetItem(format_money(payment.amount)),
                     QTableWidgetItem(payment.payer)]
            items[1].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate(items):
                self.table.setItem(row, column, item)
        self.total_label.setText(
            self.tr("{0} payment(s), {1} đồng in all.").format(len(payments), format_money(total))
        )

    def add_payment(self) -> bool:
        if self.initiative_id is None:
            return False
        try:
            paid_on = parse_date_text(self.paid_on.text())
        except ValueError as exc:
            self.error.set_error(str(exc))
            self.paid_on.setFocus()
            return False
        if paid_on is None:
            self.error.set_error(self.tr("Enter the date of the payment (dd/mm/yyyy)."))
            self.paid_on.setFocus()
            return False
        try:
            amount = parse_money(self.amount.text())
        except ValueError as exc:
            self.error.set_error(str(exc))
            self.amount.setFocus()
            return False
        if amount is None:
            self.error.set_error(self.tr("Enter the amount in đồng."))
            self.amount.setFocus()
            return False
        try:
            done = ops.add_payment(self._db, self.initiative_id, amount, paid_on, clean(self.payer.text()))
        except UserError as exc:
            self.error.set_error(str(exc))
            return False
        except Exception as exc:
            self.error.set_error(widgets.error_text(exc))
            return False
        self.set_initiative(self.initiative_id, done.value)
        self.amount.clear()
        self.payer.clear()
        self.paid_on.clear()
        self.added.emit(done.changes)
        return True


class HistoryTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = _table([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Changes")])
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(1, 110)
        self.table.setColumnWidth(2, 90)
        self.empty = QLabel(self.tr("No history yet: the initiative has not been saved."))
        self._unsaved_text = self.empty.text()
        self._none_text = self.tr("No change has been recorded for this initiative (it may have been loaded in bulk).")
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def set_lines(self, lines: list[HistoryLine], saved: bool = True) -> None:
        self.empty.setText(self._none_text if saved else self._unsaved_text)
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, text in enumerate((line.when, line.who, line.action, line.what)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.empty.setVisible(not lines)
