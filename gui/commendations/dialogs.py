"""Dialogs of the commendations page: a new round, a nominee, an approval decision."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Collection, Sequence
from datetime import date

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
from gui.common import completion
from gui.common.forms import FormDialog
from gui.common.widgets import DateField, ErrorLabel, UnitCombo, ValueCombo, dialog_buttons


class RoundDialog(FormDialog):
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
        self.level.add(self.tr("Vietnam General Confederation of Labour (TLĐ)"), RoundLevel.NATIONAL)
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
        self.use_buttons(buttons)
        self.mark_saved()
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
        except ValueError as exc:
            self.error.set_error(str(exc))
            return
        if not self.name.text().strip():
            self.error.set_error(self.tr("Enter the round's name."))
            return
        super().accept()


class NomineeDialog(FormDialog):
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
        self.unit = UnitCombo(ops.unit_choices(db) if db is not None else [])
        self.unit.lineEdit().setMaxLength(255)
        self.unit.setEditText("")
        self.member = ValueCombo()
        self.member.add(self.tr("(not in the member list: type the name)"), None)
        self._members_of: uuid.UUID | None = None  # the unit whose members are listed
        self.member.activated.connect(self._member_chosen)
        self.unit.currentIndexChanged.connect(self._unit_chosen)
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
        # Tone-free search of the office's members as the name is typed ("tran" offers
        # "Trần Thị Ánh — 15/01/1992 — …"): no unit need be chosen first.
        self._members: dict[str, ops.MemberChoice] = {}
        self._member_model = QStringListModel(self)
        self.name.textEdited.connect(self._search_members)  # before the completer filters
        self.member_completer = completion.attach(self.name, self._member_model)
        self.member_completer.activated[str].connect(self._member_picked)
        self.born = QLabel()
        self.born.setVisible(False)
        # Initiatives picked from the register by name or number (tone-free).
        self.initiative_search = QLineEdit()
        self.initiative_search.setPlaceholderText(self.tr("Find in the register by name or number"))
        self._found_initiatives: dict[str, ops.InitiativeChoice] = {}
        self._initiative_model = QStringListModel(self)
        self.initiative_search.textEdited.connect(self._search_initiatives)
        self.initiative_completer = completion.attach(self.initiative_search, self._initiative_model)
        self.initiative_completer.activated[str].connect(self._initiative_picked)
        if current is not None:
            row = current.row
            self.kind.set_value(row.kind)
            self.name.setText(row.full_name)
            self.unit.select(current.unit_id)
            if current.unit_id is None:
                collective = row.kind == NomineeKind.COLLECTIVE
                self.unit.setEditText(row.full_name if collective else row.unit_name)
            self._unit_chosen()
            self.member.set_value(current.member_id)
            self.position.setText(row.position)
            self.tier.set_value(current.tier)
            self.award.set_value(row.award)
            self.summary.setPlainText(current.summary)
            self._initiatives = tuple(i.id for i in current.initiatives)
            self.initiatives.setText(", ".join(i.number for i in current.initiatives))
        form = self.form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Full name:"), self.name)
        self.name_error = ErrorLabel()
        form.addRow("", self.name_error)
        form.addRow("", self.born)
        form.addRow(self.tr("&Unit:"), self.unit)
        self.unit_error = ErrorLabel()
        form.addRow("", self.unit_error)
        form.addRow(self.tr("&Member:"), self.member)
        form.addRow(self.tr("&Position:"), self.position)
        form.addRow(self.tr("&Award:"), self.award)
        form.addRow(self.tr("Creative Labour &threshold:"), self.tier)
        form.addRow(self.tr("F&ind an initiative:"), self.initiative_search)
        form.addRow(self.tr("Linked &initiatives:"), self.initiatives)
        self.initiatives_error = ErrorLabel()
        form.addRow("", self.initiatives_error)
        form.addRow(self.tr("Achievement &summary:"), self.summary)
        buttons = dialog_buttons(self.tr("Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.use_buttons(buttons)
        self.mark_saved()
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()
        self.resize(620, self.sizeHint().height())

    def _kind_changed(self) -> None:
        """A collective is its unit: no name, member, position or Creative Labour tier to give."""
        person = self.kind.value() != NomineeKind.COLLECTIVE
        for widget in (self.name, self.name_error, self.born, self.member, self.position, self.tier):
            self.form.setRowVisible(widget, person)
        if person:
            self.name_error.set_error(self.name_error.text())  # keeps it hidden when empty
            self.born.setVisible(bool(self.born.text()))

    def _unit_chosen(self, _index: int = 0) -> None:
        """The members of the unit chosen, to pick from: read once per unit (choosing a unit
        both signals and is followed by this call; the second finds them listed already)."""
        unit_id = self.unit.chosen()
        if self.member.count() and unit_id == self._members_of:
            return
        self._members_of = unit_id
        self.member.clear()
        self.member.add(self.tr("(not in the member list: type the name)"), None)
        if unit_id is not None and self.db is not None:
            for member_id, name in ops.member_choices(self.db, unit_id):
                self.member.add(name, member_id)

    def _search_members(self, text: str) -> None:
        found = ops.search_members(self.db, text) if self.db is not None else []
        self._members = {}
        for m in found:
            born = m.date_of_birth.strftime("%d/%m/%Y") if m.date_of_birth else "?"
            self._members[f"{m.full_name} — {born} — {m.unit_name}"] = m
        self._member_model.setStringList(list(self._members))

    def _member_picked(self, label: str) -> None:
        """A member chosen from the search: name, unit, member and position filled in."""
        m = self._members.get(label)
        if m is None:
            return
        self.name.setText(m.full_name)
        self.kind.set_value(NomineeKind.INDIVIDUAL)
        self.unit.select(m.unit_id)
        self._unit_chosen()
        if not self.member.set_value(m.id):
            self.member.add(m.full_name, m.id)
            self.member.set_value(m.id)
        if m.position:
            self.position.setText(m.position)
        born = m.date_of_birth.strftime("%d/%m/%Y") if m.date_of_birth else self.tr("unknown")
        self.born.setText(self.tr("Member born {0}, {1}").format(born, m.unit_name))
        self.born.setVisible(True)

    def _search_initiatives(self, text: str) -> None:
        found = ops.search_initiatives(self.db, text) if self.db is not None else []
        self._found_initiatives = {f"{i.number} — {i.name} ({i.status})": i for i in found}
        self._initiative_model.setStringList(list(self._found_initiatives))

    def _initiative_picked(self, label: str) -> None:
        """An initiative chosen from the register: its number added to the linked ones."""
        item = self._found_initiatives.get(label)
        if item is None:
            return
        numbers = [n for n in re.split(r"[,;\s]+", self.initiatives.text()) if n]
        if item.number.upper() not in (n.upper() for n in numbers):
            numbers.append(item.number)
        self.initiatives.setText(", ".join(numbers))
        self.initiative_search.clear()

    def _member_chosen(self, _index: int) -> None:
        if self.member.value() is not None:
            self.name.setText(self.member.currentText())
            self.kind.set_value(NomineeKind.INDIVIDUAL)

    def value(self) -> NomineeInput:
        unit_id = self.unit.chosen()
        unit_name = "" if unit_id is not None else self.unit.currentText()
        member = self.member.value()
        member_id = member if isinstance(member, uuid.UUID) else None
        kind = NomineeKind(self.kind.value())
        # A collective's name is its unit's (chosen) or what is typed as the unit.
        name = self.name.text() if kind == NomineeKind.INDIVIDUAL else unit_name
        return NomineeInput(kind, AwardForm(self.award.value()),
                            full_name=name, unit_name=unit_name,
                            member_id=member_id if kind == NomineeKind.INDIVIDUAL else None,
                            unit_id=unit_id,
                            position=self.position.text(), tier=Tier(self.tier.value()),
                            summary=self.summary.toPlainText(), initiative_ids=self._initiatives)

    def accept(self) -> None:
        collective = self.kind.value() == NomineeKind.COLLECTIVE
        for label in (self.name_error, self.unit_error, self.initiatives_error):
            label.set_error("")
        if collective and self.unit.chosen() is None and not self.unit.currentText().strip():
            self.unit_error.set_error(self.tr("Choose the collective's unit (or type its name)."))
            self.unit.setFocus()
            return
        if not collective and not self.name.text().strip():
            self.name_error.set_error(self.tr("Enter the full name (or the collective's name)."))
            self.name.setFocus()
            return
        if self.db is not None:
            try:
                self._initiatives = ops.initiatives_by_numbers(self.db, self.initiatives.text())
            except UserError as exc:
                self.initiatives_error.set_error(str(exc))
                self.initiatives.setFocus()
                return
        super().accept()


class ApproveDialog(FormDialog):
    """The decision approving nominees: its number and date and, for an approval, the list
    of proposed nominees, each ticked to be approved and marked ✓ (passes its checks) or ✗
    (fails one). Those failing a check start unticked; ticking one shows what fails."""

    def __init__(self, count: int, symbol: str, parent: QWidget | None = None, *,
                 name: str = "", candidates: Sequence[ops.NomineeCheck] = (),
                 ticked: Collection[uuid.UUID] | None = None,
                 lookup: Callable[[str], ops.DecisionUse | None] | None = None) -> None:
        """``name``: one nominee not approved by the decision; else the ``candidates`` to
        approve, those in ``ticked`` (default: all) ticked when they pass their checks.
        ``lookup`` finds a decision number already used: its date is taken (one number, one date)."""
        super().__init__(parent)
        self._lookup = lookup
        self._used: ops.DecisionUse | None = None
        self.setWindowTitle(self.tr("Not approved by decision") if name else self.tr("Approve by decision"))
        self._candidates = {c.row.id: c for c in candidates}
        self.number = QLineEdit()
        self.number.setMaxLength(50)
        self.number.setPlaceholderText(f"25/{symbol}")
        self.signed = DateField()
        self.signed.set_value(date.today())
        self.error = ErrorLabel()
        self.used = QLabel()
        self.used.setWordWrap(True)
        self.used.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("Decision &number:"), self.number)
        self.number_error = ErrorLabel()
        form.addRow("", self.number_error)
        form.addRow(self.tr("&Signed on:"), self.signed)
        self.signed_error = ErrorLabel()
        form.addRow("", self.signed_error)
        form.addRow(self.used)
        self.number.textChanged.connect(lambda _t: self._number_changed())
        self.nominees = QListWidget()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020")
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = dialog_buttons(self.tr("Record") if name else self.tr("Approve"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if name:
            self.note.setText(self.tr("{0} will be recorded as not approved.").format(name))
        elif candidates:
            label = QLabel(self.tr("Nominees to appro&ve (✓ passes its checks, ✗ fails one):"))
            label.setBuddy(self.nominees)
            layout.addWidget(label)
            for c in candidates:
                ok = not c.problems
                item = QListWidgetItem(f"{'✓' if ok else '✗'} {c.row.seq}. {c.row.full_name} — "
                                       f"{ops.AWARD_LABELS[c.row.award]}")
                item.setData(Qt.ItemDataRole.UserRole, c.row.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                chosen = ok and (ticked is None or c.row.id in ticked)
                item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
                if not ok:
                    item.setToolTip("\n".join(f.message for f in c.problems))
                self.nominees.addItem(item)
            self.nominees.itemChanged.connect(lambda _item: self._ticks_changed())
            layout.addWidget(self.nominees, 1)
            layout.addWidget(self.warning)
        else:
            self.note.setText(self.tr("{0} proposed nominee(s) will be approved.").format(count))
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.use_buttons(buttons)
        self._ticks_changed()
        self.mark_saved()

    def _number_changed(self) -> None:
        """A number already used keeps its date: filled in and said."""
        self._used = self._lookup(self.number.text()) if self._lookup and self.number.text().strip() else None
        if self._used is not None:
            self.signed.set_value(self._used.signed_on)
            self.used.setText(self.tr("Decision {0} was recorded signed on {1} (round «{2}»); "
                                      "a decision has one date.").format(
                self._used.number, self._used.signed_on.strftime("%d/%m/%Y"), self._used.round_name))
        self.used.setVisible(self._used is not None)

    def chosen(self) -> list[uuid.UUID]:
        """The ticked nominees, in the list's order."""
        return [self.nominees.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nominees.count())
                if self.nominees.item(i).checkState() == Qt.CheckState.Checked]

    def _ticks_changed(self) -> None:
        if not self._candidates:
            return
        chosen = self.chosen()
        failing = [self._candidates[i] for i in chosen if self._candidates[i].problems]
        self.warning.setText("\n".join(
            self.tr("Ticked although a check fails — {0}: {1}").format(
                c.row.full_name, "; ".join(f.message for f in c.problems))
            for c in failing))
        self.warning.setVisible(bool(failing))
        self.note.setText(self.tr("{0} ticked nominee(s) will be approved.").format(len(chosen)))

    def accept(self) -> None:
        for label in (self.number_error, self.signed_error, self.error):
            label.set_error("")
        try:
            signed = self.signed.value()
            bad_date = ""
        except ValueError as exc:
            signed, bad_date = None, str(exc)
        if not self.number.text().strip():
            self.number_error.set_error(self.tr("Enter the decision's number, e.g. 25/QĐ-LĐLĐ."))
            self.number.setFocus()
            return
        if signed is None:
            self.signed_error.set_error(bad_date or self.tr("Enter the date the decision was signed (dd/mm/yyyy)."))
            self.signed.setFocus()
            return
        self._number_changed()
        if self._used is not None and signed != self._used.signed_on:
            self.signed_error.set_error(self.tr("Decision {0} was signed on {1}; keep that date, or use "
                                       "another number for another decision.").format(
                self._used.number, self._used.signed_on.strftime("%d/%m/%Y")))
            return
        if self._candidates and not self.chosen():
            self.error.set_error(self.tr("Tick the nominees to approve."))
            return
        super().accept()


class UnapproveDialog(FormDialog):
    """Undo a wrong approval ("Hủy duyệt"): the nominee goes back to proposed; the reason is
    required and kept."""

    def __init__(self, name: str, decision: str, parent: QWidget | None = None, *,
                 printed: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Undo approval"))
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        text = self.tr("{0} (decision {1}) goes back to proposed.").format(name, decision)
        note = QLabel(text)
        note.setWordWrap(True)
        self.printed = QCheckBox(self.tr("The certificate was &printed: undo anyway "
                                         "(its register number stays recorded)"))
        self.printed.setVisible(printed)
        buttons = dialog_buttons(self.tr("Undo approval"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.printed)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.use_buttons(buttons)
        self.mark_saved()

    def accept(self) -> None:
        if not self.reason.text().strip():
            self.error.set_error(self.tr("Enter why the approval is undone."))
            return
        if self.printed.isVisible() and not self.printed.isChecked():
            self.error.set_error(self.tr("The certificate was already printed: tick the box to undo anyway."))
            return
        super().accept()


class ThresholdsDialog(FormDialog):
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
        self.explanation = QLabel(self.tr(
            "The least benefit (làm lợi, đồng per year) of a nominee's valid linked initiatives "
            "for the Bằng Lao động sáng tạo check: a worker without a leadership post needs the "
            "first amount in one year or the second over three consecutive years; university level "
            "and leaders need theirs in one year. Defaults of QĐ 1564/QĐ-TLĐ."))
        self.explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.use_buttons(buttons)
        self.mark_saved()

    def value(self) -> ops.Thresholds:
        return ops.Thresholds(**{name: box.value() for name, box in self.boxes.items()})


class TotrinhDialog(FormDialog):
    """The Tờ trình's number and date before it is written: the next free number of the
    office's numbering book suggested, the date today."""

    def __init__(self, db: AppDatabase | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Submission letter"))
        self.signed = DateField()
        self.signed.set_value(date.today())
        self.number = QSpinBox()
        self.number.setRange(1, 999_999)
        self.symbol = QLabel()
        self.signed_error = ErrorLabel()
        number_row = QHBoxLayout()
        number_row.addWidget(self.number)
        number_row.addWidget(self.symbol, 1)
        form = QFormLayout()
        form.addRow(self.tr("Signed &on:"), self.signed)
        form.addRow("", self.signed_error)
        form.addRow(self.tr("N&umber:"), number_row)
        note = QLabel(self.tr("The next free number of the office's numbering book is suggested."))
        note.setWordWrap(True)
        buttons = dialog_buttons(self.tr("Generate"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.use_buttons(buttons)
        self._suggest()
        self.signed.textChanged.connect(lambda _t: self._suggest())
        self.mark_saved()

    def _suggest(self) -> None:
        try:
            on = self.signed.value()
        except ValueError:
            return
        if on is None or self.db is None:
            return
        number, symbol = ops.next_totrinh_number(self.db, on)
        self.number.setValue(number)
        self.symbol.setText(f"/{symbol}")

    def accept(self) -> None:
        self.signed_error.set_error("")
        try:
            on = self.signed.value()
        except ValueError as exc:
            self.signed_error.set_error(str(exc))
            self.signed.setFocus()
            return
        if on is None:
            self.signed_error.set_error(self.tr("Enter the date the letter is signed (dd/mm/yyyy)."))
            self.signed.setFocus()
            return
        super().accept()


class DecisionChoiceDialog(FormDialog):
    """Which of the round's decisions to write (a round with several): each listed with its
    number, date and how many it approves. The list has the focus: arrows move, Enter or a
    double click chooses, Esc leaves (nothing is edited, so nothing is asked)."""

    def __init__(self, decisions: Sequence[ops.RoundDecision], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a decision"))
        self._decisions = list(decisions)
        note = QLabel(self.tr("This round has several decisions; choose the one to write:"))
        note.setWordWrap(True)
        self.decisions = QListWidget()
        for d in self._decisions:
            self.decisions.addItem(self.tr("{0} of {1} ({2} approved)").format(
                d.number, d.signed_on.strftime("%d/%m/%Y"), d.approved))
        self.decisions.setCurrentRow(0)
        self.decisions.itemDoubleClicked.connect(lambda _item: self.submit())
        label = QLabel(self.tr("&Decision:"))
        label.setBuddy(self.decisions)
        self.buttons = buttons = dialog_buttons(self.tr("Choose"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(label)
        layout.addWidget(self.decisions)
        layout.addWidget(buttons)
        self.use_buttons(buttons)
        self.decisions.setFocus()
        self.mark_saved()
        self.resize(460, self.sizeHint().height())

    def has_changes(self) -> bool:
        return False  # a choice, not an edit: Esc closes at once

    def chosen(self) -> ops.RoundDecision:
        return self._decisions[max(self.decisions.currentRow(), 0)]


class EvidenceDialog(FormDialog):
    """The evidence note of one criterion of a nominee's checklist (a double click on the
    criterion): a multi-line box that keeps Enter (a new line); Ctrl+S or "Lưu" saves, Esc
    asks only after a change."""

    MAX_CHARS = 1_000  # core.commendations.ops.set_criterion's limit

    def __init__(self, criterion: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evidence"))
        self.criterion = QLabel(criterion)
        self.criterion.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlainText(note)
        self.note.setPlaceholderText(self.tr("E.g. the certificate or decision that shows it, its number and date"))
        label = QLabel(self.tr("&Evidence note:"))
        label.setBuddy(self.note)
        self.error = ErrorLabel()
        buttons = dialog_buttons(self.tr("Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.criterion)
        layout.addWidget(label)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.use_buttons(buttons)
        self.note.setFocus()
        self.note.moveCursor(QTextCursor.MoveOperation.End)
        self.mark_saved()
        self.resize(480, 260)

    def value(self) -> str:
        return self.note.toPlainText()

    def accept(self) -> None:
        length = len(self.value().strip())
        if length > self.MAX_CHARS:
            self.error.set_error(self.tr("The note is {0} characters long; at most {1}.").format(
                length, self.MAX_CHARS))
            self.note.setFocus()
            return
        super().accept()
