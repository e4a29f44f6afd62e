"""First run: who is this office? Creates the office's unit (and parent) and its settings."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from core.common.changes import Done
from core.common.database import AppDatabase
from core.common.errors import UserError
from core.org import ops
from core.org.ops import OfficeSettings
from gui.common import widgets
from gui.org.office_form import OfficeForm


class FirstRunDialog(QDialog):
    def __init__(self, db: AppDatabase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.settings: OfficeSettings | None = None
        self.outcome: Done[OfficeSettings] | None = None  # once set up (not "done": QDialog.done())
        self.setWindowTitle(self.tr("Set up this office"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "This database has not been set up yet. Enter the identity of your office: "
                "it appears on every document, and its code is part of every number the "
                "office issues. The unit code and level cannot be changed later."
            )
        )
        intro.setWordWrap(True)
        self.form = OfficeForm(first_run=True)
        self.error = widgets.ErrorLabel()
        self.buttons = widgets.dialog_buttons(self.tr("Start"), self.tr("Quit"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.form.code.setFocus()

    def save(self) -> None:
        message, field = self.form.validate()
        if message:
            self.error.set_error(message)
            if field is not None:
                field.setFocus()
            return
        values = self.form.values()
        try:
            done = ops.set_up_office(
                self._db, values.settings, level=values.level, parent_code=values.parent_code or None
            )
        except UserError as exc:
            self.error.set_error(str(exc))
            return
        except Exception as exc:
            self.error.set_error(widgets.error_text(exc))
            return
        self.outcome, self.settings = done, done.value
        self.accept()
