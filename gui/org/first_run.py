"""First run: who is this office? Creates the office's unit (and parent) and its settings.

A district following the province starts with the province's enrolment file (the first
choice offered): the office's code, name and parent come from it, and its unit tree from
the province's first package, taken right after — so no unit is made here twice."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.common.changes import Done
from core.common.database import AppDatabase
from core.common.errors import UserError
from core.org import ops
from core.org.ops import OfficeSettings
from core.sync import ops as sync_ops
from gui.common import file_dialogs, widgets
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
        enrol_box = QGroupBox(self.tr("A district enrolled by the province"))
        enrol_note = QLabel(self.tr(
            "Start here if the province sent you an enrolment file (.scdkey): your office's "
            "code, name and parent come from it, and your units from the province's first "
            "package (.scdpkg), which you choose next. The passphrase is the one the province "
            "told you by telephone."))
        enrol_note.setWordWrap(True)
        self.enrolment_button = QPushButton(self.tr("Import the province's &enrolment file…"))
        self.enrolment_button.clicked.connect(lambda: self.take_enrolment())
        self.enrolment_status = QLabel()
        self.enrolment_status.setWordWrap(True)
        enrol_layout = QVBoxLayout(enrol_box)
        enrol_layout.addWidget(enrol_note)
        enrol_layout.addWidget(self.enrolment_button)
        enrol_layout.addWidget(self.enrolment_status)
        other = QLabel(self.tr("Otherwise (a province, or an office working alone), enter the "
                               "office's identity:"))
        other.setWordWrap(True)
        self.form = OfficeForm(first_run=True)
        self.error = widgets.ErrorLabel()
        self.buttons = widgets.dialog_buttons(self.tr("Start"), self.tr("Quit"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(enrol_box)
        layout.addWidget(other)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.enrolment_button.setFocus()

    def take_enrolment(self, path: str | None = None, passphrase: str | None = None,
                       packages: list[str] | None = None) -> bool:
        """Import the enrolment file, then the province's first package; fill the form with
        the office's code, name and parent (the code locked). True when the keys were taken."""
        if path is None:
            chosen = file_dialogs.open_file(self, self.tr("Enrolment file"), file_dialogs.FileKind.SYNC,
                                            [self.tr("Enrolment files (*.scdkey)")])
            if chosen is None:
                return False
            path = str(chosen)
        try:
            info = sync_ops.read_enrolment(path)
        except UserError as exc:
            self.error.set_error(str(exc))
            return False
        if passphrase is None:
            passphrase, ok = QInputDialog.getText(
                self, self.tr("Enrolment file"),
                self.tr("Passphrase of the keys (told by the province):"),
                QLineEdit.EchoMode.Password)
            if not ok or not passphrase:
                return False
        try:
            sync_ops.import_enrolment(self._db, path, passphrase)
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            self.error.set_error(widgets.error_text(exc))
            return False
        self.error.set_error("")
        self.form.code.setText(info.office)
        self.form.code.setReadOnly(True)
        self.form.name.setText(info.name)
        for i in range(self.form.level.count()):
            if self.form.level.value_at(i) == "upper":
                self.form.level.setCurrentIndex(i)
        self.form.parent_code.setText(info.parent_code)
        self.form.parent_name.setText(info.parent_name)
        self.enrolment_button.setEnabled(False)
        status = self.tr("Keys of office %1 taken (province %2).").replace(
            "%1", info.office).replace("%2", info.province)
        if packages is None:
            packages = [str(p) for p in file_dialogs.open_files(
                self, self.tr("The province's first package"), file_dialogs.FileKind.SYNC,
                [self.tr("Sync packages (*.scdpkg)")])]
        if packages:
            try:
                outcomes = sync_ops.import_packages(self._db, list(packages), passphrase).value
            except Exception as exc:  # noqa: BLE001
                self.error.set_error(widgets.error_text(exc))
                outcomes = ()
            for o in outcomes:
                if o.state != "applied":
                    self.error.set_error(o.reason)
                else:
                    status += " " + self.tr("Package %1 from %2: %3 records.").replace(
                        "%1", str(o.seq)).replace("%2", o.sender).replace("%3", str(o.new))
        else:
            status += " " + self.tr("Take the province's first package on the Sync page later.")
        self.enrolment_status.setText(status)
        self.form.place.setFocus()
        return True

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
