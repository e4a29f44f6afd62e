"""Number and date of the decision recognising the valid initiatives of the current filter."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.common.text import clean
from gui.common import widgets
from gui.initiatives.common import parse_date_text


class DecisionDialog(QDialog):
    def __init__(self, default_symbol: str, scope: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recognition decision"))
        self.setMinimumWidth(520)
        heading = QLabel(
            self.tr("A decision recognising the valid initiatives of the list as it is filtered now ({0}).").format(scope)
        )
        heading.setWordWrap(True)
        self.count_label = QLabel(self.tr("Counting the valid initiatives…"))
        self.number = QSpinBox()
        self.number.setRange(1, 99999)
        self.symbol = QLineEdit(default_symbol)
        self.symbol.setPlaceholderText(default_symbol)
        self.signed_on = widgets.DateField()
        self.signed_on.set_value(date.today())
        form = QFormLayout()
        form.addRow(self.tr("&Number:"), self.number)
        form.addRow(self.tr("S&ymbol:"), self.symbol)
        form.addRow(self.tr("&Signed on:"), self.signed_on)
        self.error = widgets.ErrorLabel()
        self.buttons = widgets.dialog_buttons(self.tr("Write the PDF…"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.count_label)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.signed_on.textChanged.connect(self._check)
        self._check()
        self.number.setFocus()
        self.number.selectAll()

    def set_count(self, count: int) -> None:
        if count:
            self.count_label.setText(self.tr("Valid initiatives to recognise: {0}.").format(count))
        else:
            self.count_label.setText(self.tr("The list as filtered has no valid initiative to recognise."))
        self._count = count
        self._check()

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
        if getattr(self, "_count", None) == 0:
            message = message or self.tr("Nothing to recognise.")
        self.error.set_error(message)
        self.ok_button.setEnabled(not message)

    def accept(self) -> None:
        self._check()
        if self.ok_button.isEnabled():
            super().accept()
