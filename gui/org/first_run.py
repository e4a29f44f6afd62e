"""First run: who is this office? Creates the office's unit (and parent) and its settings."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from core.common.database import AppDatabase
from core.common.errors import UserError
from core.org.office import OfficeSettings, init_office, save_office
from gui.common import widgets
from gui.org.office_form import OfficeForm


class FirstRunDialog(QDialog):
    def __init__(self, db: AppDatabase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.settings: OfficeSettings | None = None
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
        wanted = values.settings
        previous_code = self._db.office_code
        self._db.set_office_code(wanted.unit_code)  # new rows carry this office as origin
        try:
            with self._db.transaction() as session:
                settings = init_office(
                    session,
                    code=wanted.unit_code,
                    name=wanted.name,
                    level=values.level,
                    parent_code=values.parent_code or None,
                    parent_name=wanted.parent_name or None,
                    place=wanted.place,
                    chair_name=wanted.chair_name,
                )
                settings.doc_symbol = wanted.doc_symbol
                settings.on_behalf = wanted.on_behalf
                settings.chair_title = wanted.chair_title
                save_office(session, settings)
        except UserError as exc:
            self._db.set_office_code(previous_code)
            self.error.set_error(str(exc))
            return
        except Exception as exc:
            self._db.set_office_code(previous_code)
            self.error.set_error(widgets.error_text(exc))
            return
        self.settings = settings
        self.accept()
