"""Marking initiatives not valid (không hợp lệ) needs a reason; this asks for it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.common.text import clean
from gui.common import widgets
from gui.common.forms import FormDialog


class RejectDialog(FormDialog):
    """The reason is required: Save stays disabled until something is written."""

    def __init__(self, count: int, suggestion: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark as not valid"))
        self.setMinimumWidth(520)
        if count == 1:
            text = self.tr("Why is this initiative not valid? The reason is kept with it and shown to its authors.")
        else:
            text = self.tr("Why are these {0} initiatives not valid? The same reason is kept with each.").format(count)
        heading = QLabel(text)
        heading.setWordWrap(True)
        reason_label = QLabel(self.tr("&Reason:"))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlainText(suggestion)
        reason_label.setBuddy(self.reason)
        self.error = widgets.ErrorLabel()
        self.buttons = widgets.dialog_buttons(self.tr("Mark not valid"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._check)
        self._check()
        self.use_buttons(self.buttons, self.ok_button)
        self.mark_saved()
        self.reason.setFocus()
        self.reason.selectAll()

    def reason_text(self) -> str:
        return clean(self.reason.toPlainText(), multiline=True)

    def _check(self) -> None:
        ok = bool(self.reason_text())
        self.ok_button.setEnabled(ok)
        self.error.set_error("" if ok else self.tr("Write the reason."))

    def accept(self) -> None:
        if self.reason_text():
            super().accept()
