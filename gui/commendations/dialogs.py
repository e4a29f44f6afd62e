"""Dialogs of the commendations page: a new round, a nominee, an approval decision."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.commendations import ops
from core.commendations.ops import (
    AwardForm,
    NomineeInput,
    NomineeKind,
    RoundInput,
    RoundLevel,
    Tier,
)
from core.commendations.rules import default_round_name
from core.common.database import AppDatabase
from core.common.errors import UserError
from gui.common.widgets import DateField, ErrorLabel, ValueCombo, dialog_buttons


class RoundDialog(QDialog):
    """A new commendation round: name, year, level, award forms, deadline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New commendation round"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.name = QLineEdit(default_round_name(self.year.value()))
        self.name.setMaxLength(ops.ROUND_NAME)
        self.year.valueChanged.connect(self._year_changed)
        self.level = ValueCombo()
        self.level.add(self.tr("Grassroots union (CĐCS)"), RoundLevel.GRASSROOTS)
        self.level.add(self.tr("Upper-level union"), RoundLevel.UPPER)
        self.level.add(self.tr("Province federation"), RoundLevel.PROVINCE)
        self.level.set_value(RoundLevel.UPPER)
        self.forms = {a: QCheckBox(ops.AWARD_LABELS[a]) for a in AwardForm}
        forms = QVBoxLayout()
        for a, box in self.forms.items():
            box.setChecked(a != AwardForm.BIEU_DUONG)
            forms.addWidget(box)
        self.deadline = DateField()
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Year:"), self.year)
        form.addRow(self.tr("&Level:"), self.level)
        form.addRow(self.tr("Award forms:"), forms)
        form.addRow(self.tr("&Deadline:"), self.deadline)
        buttons = dialog_buttons(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def _year_changed(self, year: int) -> None:
        if self.name.text().startswith("Tổng kết phong trào Lao động giỏi"):
            self.name.setText(default_round_name(year))

    def value(self) -> RoundInput:
        return RoundInput(self.name.text(), self.year.value(), RoundLevel(self.level.value()),
                          tuple(a for a, box in self.forms.items() if box.isChecked()),
                          self.deadline.value())

    def accept(self) -> None:
        try:
            self.deadline.value()
        except ValueError:
            self.error.setText(self.tr("The deadline is not a date (dd/mm/yyyy)."))
            return
        if not self.name.text().strip():
            self.error.setText(self.tr("Enter the round's name."))
            return
        super().accept()


class NomineeDialog(QDialog):
    """A person or collective proposed for an award (typed; the list import brings many)."""

    def __init__(self, forms: tuple[AwardForm, ...], parent: QWidget | None = None,
                 current: ops.NomineeDetail | None = None, db: AppDatabase | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Nominee"))
        self.kind = ValueCombo()
        self.kind.add(self.tr("Individual"), NomineeKind.INDIVIDUAL)
        self.kind.add(self.tr("Collective"), NomineeKind.COLLECTIVE)
        self.name = QLineEdit()
        self.name.setMaxLength(255)
        self.unit = QLineEdit()
        self.unit.setMaxLength(255)
        self.position = QLineEdit()
        self.position.setMaxLength(200)
        self.tier = ValueCombo()
        self.tier.add(self.tr("Worker without a leadership post"), Tier.WORKER)
        self.tier.add(self.tr("University level"), Tier.UNIVERSITY)
        self.tier.add(self.tr("Leader or manager"), Tier.LEADER)
        self.award = ValueCombo()
        for a in forms or tuple(AwardForm):
            self.award.add(ops.AWARD_LABELS[a], a)
        self.initiatives = QLineEdit()
        self.initiatives.setPlaceholderText(self.tr("Register numbers, e.g. LC-SK-2022-00001, LC-SK-2023-00017"))
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(90)
        self.error = ErrorLabel()
        self._initiatives: tuple = ()
        if current is not None:
            row = current.row
            self.kind.set_value(row.kind)
            self.name.setText(row.full_name)
            self.unit.setText(row.unit_name)
            self.position.setText(row.position)
            self.tier.set_value(current.tier)
            self.award.set_value(row.award)
            self.summary.setPlainText(current.summary)
            self._initiatives = tuple(i.id for i in current.initiatives)
            self.initiatives.setText(", ".join(i.number for i in current.initiatives))
        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Full name:"), self.name)
        form.addRow(self.tr("&Unit:"), self.unit)
        form.addRow(self.tr("&Position:"), self.position)
        form.addRow(self.tr("&Award:"), self.award)
        form.addRow(self.tr("Creative Labour &threshold:"), self.tier)
        form.addRow(self.tr("Linked &initiatives:"), self.initiatives)
        form.addRow(self.tr("Achievement &summary:"), self.summary)
        buttons = dialog_buttons(self.tr("Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def value(self) -> NomineeInput:
        return NomineeInput(NomineeKind(self.kind.value()), AwardForm(self.award.value()),
                            full_name=self.name.text(), unit_name=self.unit.text(),
                            position=self.position.text(), tier=Tier(self.tier.value()),
                            summary=self.summary.toPlainText(), initiative_ids=self._initiatives)

    def accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("Enter the full name (or the collective's name)."))
            return
        if self.db is not None:
            try:
                self._initiatives = ops.initiatives_by_numbers(self.db, self.initiatives.text())
            except UserError as exc:
                self.error.setText(str(exc))
                return
        super().accept()


class ApproveDialog(QDialog):
    """The decision approving the proposed nominees: its number and date."""

    def __init__(self, count: int, symbol: str, parent: QWidget | None = None, *,
                 name: str = "") -> None:
        """``name``: one nominee not approved by the decision (else: approve ``count``)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Not approved by decision") if name else self.tr("Approve by decision"))
        self.number = QLineEdit()
        self.number.setMaxLength(50)
        self.number.setPlaceholderText(f"25/{symbol}")
        self.signed = DateField()
        self.signed.set_value(date.today())
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("Decision &number:"), self.number)
        form.addRow(self.tr("&Signed on:"), self.signed)
        note = (self.tr("{0} will be recorded as not approved.").format(name) if name
                else self.tr("{0} proposed nominee(s) will be approved.").format(count))
        buttons = dialog_buttons(self.tr("Record") if name else self.tr("Approve"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row = QHBoxLayout()
        from PySide6.QtWidgets import QLabel

        row.addWidget(QLabel(note))
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            signed = self.signed.value()
        except ValueError:
            signed = None
        if not self.number.text().strip():
            self.error.setText(self.tr("Enter the decision's number, e.g. 25/QĐ-LĐLĐ."))
            return
        if signed is None:
            self.error.setText(self.tr("Enter the date the decision was signed (dd/mm/yyyy)."))
            return
        super().accept()


class ThresholdsDialog(QDialog):
    """The Creative Labour benefit thresholds (đồng), defaults of QĐ 1564/QĐ-TLĐ."""

    def __init__(self, current: ops.Thresholds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Creative Labour thresholds"))
        self.boxes: dict[str, QSpinBox] = {}
        form = QFormLayout()
        labels = {
            "worker": self.tr("Worker, one year:"),
            "worker_three_years": self.tr("Worker, three consecutive years:"),
            "university": self.tr("University level:"),
            "leader": self.tr("Leader or manager:"),
        }
        for name, label in labels.items():
            box = QSpinBox()
            box.setRange(1, 2_000_000_000)
            box.setSingleStep(1_000_000)
            box.setGroupSeparatorShown(True)
            box.setSuffix(" đ")
            box.setValue(getattr(current, name))
            self.boxes[name] = box
            form.addRow(label, box)
        buttons = dialog_buttons(self.tr("Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def value(self) -> ops.Thresholds:
        return ops.Thresholds(**{name: box.value() for name, box in self.boxes.items()})
