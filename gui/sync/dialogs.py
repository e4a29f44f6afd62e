"""The sync page's small dialogs (gui.common.forms.FormDialog: Enter or Ctrl+S goes on,
Esc asks only after something was typed, Vietnamese buttons):

- ``NewPassphraseDialog``: a passphrase that seals keys is typed twice, hidden; a mismatch
  or one shorter than ``core.sync.keys.MIN_PASSPHRASE`` is refused with a message.
- ``EnrolDialog``: the office to enrol and the passphrase its keys are sealed with.
- ``RemoveEnrolmentDialog``: which enrolment to forget, with what that does, confirmed by
  its own button ("Xoá đăng ký").

Entering an existing passphrase stays a single field on the page."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.sync.keys import MIN_PASSPHRASE
from gui.common import widgets
from gui.common.forms import FormDialog


def _hidden() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class NewPassphraseDialog(FormDialog):
    """A new passphrase, typed twice."""

    def __init__(self, title: str, explanation: str, ok_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.value = ""
        note = QLabel(explanation)
        note.setWordWrap(True)
        self.form = QFormLayout()
        self.first = _hidden()
        self.again = _hidden()
        self.first.setPlaceholderText(self.tr("at least %1 characters")
                                      .replace("%1", str(MIN_PASSPHRASE)))
        self.add_fields()
        self.form.addRow(self.tr("&Passphrase:"), self.first)
        self.form.addRow(self.tr("Type it a&gain:"), self.again)
        self.buttons = widgets.dialog_buttons(ok_text)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.use_buttons(self.buttons)
        self.mark_saved()
        self.resize(520, self.sizeHint().height())

    def add_fields(self) -> None:
        """Fields before the passphrase (EnrolDialog's office)."""

    def problem(self) -> tuple[str, QLineEdit] | None:
        first, again = self.first.text(), self.again.text()
        if len(first) < MIN_PASSPHRASE:
            return (self.tr("The passphrase must have at least %1 characters.")
                    .replace("%1", str(MIN_PASSPHRASE)), self.first)
        if first != again:
            return (self.tr("The two passphrases are not the same. Type them again."),
                    self.again)
        return None

    def save(self) -> None:
        wrong = self.problem()
        if wrong is not None:
            text, field = wrong
            widgets.show_error(self, text)
            if field is self.again:
                self.again.clear()
            field.setFocus()
            return
        self.value = self.first.text()
        self.accept()


class EnrolDialog(NewPassphraseDialog):
    """Which office to enrol — one of the province's units, found by typing its code or
    name without tone marks — and the passphrase its keys are sealed with (told to the
    office by telephone, never sent with the file)."""

    def __init__(self, units: list[tuple[str, str]] | tuple = (), parent: QWidget | None = None) -> None:
        self._units = {code.upper(): name for code, name in units}
        super().__init__(
            self.tr("Enrol an office"),
            self.tr("The office's keys are sealed with this passphrase. Tell it to the office "
                    "by telephone; never send it with the file."),
            self.tr("Continue…"), parent)

    def add_fields(self) -> None:
        self.office = QLineEdit()
        self.office.setPlaceholderText(self.tr("e.g. LC-MT"))
        if self._units:
            from PySide6.QtCore import QStringListModel

            from gui.common import completion

            labels = [f"{code} — {name}" for code, name in self._units.items()]
            completion.attach(self.office, QStringListModel(labels, self.office))
        self.form.addRow(self.tr("Office &code:"), self.office)

    def code(self) -> str:
        text = self.office.text().strip()
        return text.split(" ")[0].upper() if text else ""

    def problem(self) -> tuple[str, QLineEdit] | None:
        if not self.code():
            return self.tr("Type the code of the office to enrol."), self.office
        if self._units and self.code() not in self._units:
            return (self.tr("“%1” is not one of the province's units: choose the office from the "
                            "list (type its code or name).").replace("%1", self.code()), self.office)
        return super().problem()


class RemoveEnrolmentDialog(FormDialog):
    """Choose the enrolled office to forget (a mistyped code): the consequences are said
    before the button that does it; Esc or "Hủy" changes nothing."""

    def __init__(self, offices: list[tuple[str, str]], current: str = "",
                 parent: QWidget | None = None) -> None:
        """``offices``: (code, name as the page shows it) of every enrolled office."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remove an enrolment"))
        self.office = QComboBox()
        for code, name in offices:
            self.office.addItem(name or code, code)  # the name says its code: "… (LC-MT)"
        if current:
            self.office.setCurrentIndex(max(self.office.findData(current), 0))
        note = QLabel(self.tr("The chosen office is forgotten: its packages will be refused and "
                              "the changes waiting only for its acknowledgement are dropped. Use "
                              "this for an enrolment made by mistake (a mistyped code)."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Office:"), self.office)
        self.buttons = widgets.dialog_buttons(self.tr("Remove the enrolment"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.use_buttons(self.buttons)
        self.mark_saved()
        self.resize(520, self.sizeHint().height())

    def code(self) -> str:
        return str(self.office.currentData() or "")
