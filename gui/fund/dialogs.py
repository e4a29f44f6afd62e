"""Dialogs of the fund page: a new fund, a contribution, a loan (rules checked one by one
and the schedule previewed before disbursing), a repayment (its allocation shown before
posting) and a reversal (a reason is required). Each calls core.fund.ops and hands the
change notice to the bus."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.common.database import AppDatabase
from core.common.errors import UserError
from core.common.text import fold
from core.common.vnformat import amount_in_words, parse_money
from core.fund import ops
from core.fund.funds import format_rate, parse_rate
from core.fund.schedule import bucket_labels, parse_buckets
from gui.common import completion, widgets
from gui.common.changes import ChangeBus
from gui.common.formatting import format_date, format_int
from gui.common.forms import FormDialog

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def date_edit(value: date | None = None) -> widgets.DateField:
    """The app's text date field (dd/mm/yyyy), today by default. What the clerk types is
    never altered: a day the month does not have, or a future day, is refused on saving."""
    edit = widgets.DateField()
    edit.set_value(value or date.today())
    return edit


def read_date(edit: widgets.DateField) -> date:
    """The date typed, or a UserError saying why not ("Ngày không tồn tại: 31/02/2026", empty,
    or a day after today)."""
    try:
        value = edit.value()
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if value is None:
        raise UserError(QCoreApplication.translate("FundDates", "Type the date (dd/mm/yyyy)."))
    if value > date.today():
        raise UserError(QCoreApplication.translate(
            "FundDates", "%1 is after today: money is recorded on the day it moves, not before.")
            .replace("%1", format_date(value)))
    return value


def typed_date(edit: widgets.DateField) -> date | None:
    """The date typed, or None while it is not (yet) an acceptable one."""
    try:
        return read_date(edit)
    except UserError:
        return None


class MoneyEdit(QLineEdit):
    """Whole đồng typed as "25500000" or "25.500.000"; the amount in words is shown below."""

    def __init__(self, parent: QWidget | None = None, *, zero_ok: bool = False) -> None:
        super().__init__(parent)
        #: 0 is an amount here (a cash count that finds the till empty), however it is typed
        self.zero_ok = zero_ok
        self.setAlignment(_RIGHT)
        self.setPlaceholderText("0")
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.textChanged.connect(self._show_words)

    def amount(self) -> int | None:
        """The amount typed; None when empty, not an amount, or not above zero (zero is an
        amount when the field takes it: "0", "00" and "0.000" alike)."""
        try:
            value = parse_money(self.text())
        except ValueError:
            return None
        if value is None or value < 0 or (value == 0 and not self.zero_ok):
            return None
        return value

    def problem(self, *, zero_ok: bool = False) -> str:
        """Why what is typed is not an amount ("“abc2x0” không phải số tiền"), or ""."""
        text = self.text().strip()
        try:
            value = parse_money(text)
        except ValueError:
            return self.tr("“%1” is not an amount of money (type whole đồng, e.g. 1.500.000).") \
                .replace("%1", text)
        if value is None:
            return self.tr("Type the amount in whole đồng.")
        if value < 0 or (value == 0 and not zero_ok):
            return self.tr("The amount must be greater than 0.")
        return ""

    def value(self, *, zero_ok: bool = False) -> int:
        """The amount typed, or a UserError saying why it is not one."""
        problem = self.problem(zero_ok=zero_ok or self.zero_ok)
        if problem:
            raise UserError(problem)
        value = parse_money(self.text().strip())
        assert value is not None
        return value

    def _show_words(self) -> None:
        value = self.amount()
        problem = self.problem(zero_ok=True) if self.text().strip() else ""
        self.words.setText(amount_in_words(value) if value is not None else problem)
        # the dialog grows with a long amount in words rather than cutting it
        self.words.setMinimumHeight(self.words.heightForWidth(max(self.words.width(), 250)))


class RateEdit(QLineEdit):
    """A yearly fee or interest as a percentage with a decimal comma ("0,5" %/năm), kept as
    hundredths of a percent (core.fund.funds.parse_rate over vnformat.parse_percent, the
    parser the CLI's --rate uses too)."""

    def __init__(self, rate_bp: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(format_rate(rate_bp), parent)
        self.setAlignment(_RIGHT)
        self.setMaximumWidth(120)
        self.row = QWidget()
        box = QHBoxLayout(self.row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self)
        box.addWidget(QLabel(self.tr("% a year")))
        box.addStretch(1)

    def rate_bp(self) -> int:
        return parse_rate(self.text())


class BucketFields(QWidget):
    """Arrears buckets as separate day fields: the last day of the first, second, third …
    bucket (0: not used); what they make is spelt out below ("1–30 ngày, 31–90 ngày, trên 90
    ngày"). Three fields, or one per bound the fund already has when it has more (set by
    the CLI or an import): saving the settings never drops a bound."""

    FIELDS = 3

    def __init__(self, buckets: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bounds = list(parse_buckets(buckets))
        self.days = []
        box = QHBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        for i in range(max(self.FIELDS, len(bounds))):
            spin = QSpinBox()
            spin.setRange(0, max(3650, *bounds))  # a longer bound set elsewhere is kept
            spin.setSpecialValueText("—")
            spin.setValue(bounds[i] if i < len(bounds) else 0)
            spin.valueChanged.connect(self._show)
            self.days.append(spin)
            box.addWidget(spin)
        box.addWidget(QLabel(self.tr("days")))
        box.addStretch(1)
        self.shown = QLabel()
        self.shown.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(box)
        layout.addWidget(self.shown)
        self._show()

    def text(self) -> str:
        """"30,90": the day fields in use, as stored."""
        return ",".join(str(spin.value()) for spin in self.days if spin.value())

    def _show(self) -> None:
        try:
            self.shown.setText(", ".join(bucket_labels(parse_buckets(self.text()))))
        except ValueError:
            self.shown.setText(self.tr("The days must increase from one bucket to the next."))


class _Dialog(FormDialog):
    """Enter or Ctrl+S runs the dialog's use case, Esc asks only after a change
    (gui.common.forms)."""

    def __init__(self, db: AppDatabase, bus: ChangeBus | None, title: str, ok: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._bus = db, bus
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.buttons = widgets.dialog_buttons(ok, self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.result_value: object = None

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.buttons)
        self.use_buttons(self.buttons)
        self.mark_saved()

    def require_text(self, field: QLineEdit) -> None:
        """The OK button stays off until ``field`` holds something (a reason, required)."""
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        ok.setEnabled(bool(field.text().strip()))
        field.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))

    def _do(self):  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def _accept(self) -> None:
        try:
            done = self._do()
        except UserError as exc:
            widgets.report_error(self, exc)
            return
        self.result_value = done.value
        if self._bus is not None:
            self._bus.notify(done.changes, source=self)
        self.accept()


class FundDialog(_Dialog):
    """A new fund for a CĐCS with its rules and opening capital."""

    def __init__(self, db, bus, parent=None) -> None:
        super().__init__(db, bus, self.tr("New mutual-aid fund"), self.tr("Create"), parent)
        self.unit = QComboBox()
        for unit_id, code, name in ops.units_without_fund(db):
            self.unit.addItem(f"{name} ({code})", unit_id)
        self.start = date_edit()
        self.ceiling, self.capital = MoneyEdit(), MoneyEdit()
        self.ceiling.setText("30.000.000")
        self.term = QSpinBox()
        self.term.setRange(1, 120)
        self.term.setValue(24)
        self.rate = RateEdit(0)
        self.second = QCheckBox(self.tr("A member may borrow again before repaying"))
        self.form.addRow(self.tr("Grassroots union"), self.unit)
        self.form.addRow(self.tr("Start date"), self.start)
        self.form.addRow(self.tr("Loan ceiling (đồng)"), self.ceiling)
        self.form.addRow(self.tr("Longest term (months)"), self.term)
        self.form.addRow(self.tr("Fee or interest"), self.rate.row)
        self.form.addRow("", self.second)
        self.form.addRow(self.tr("Opening capital (đồng)"), self.capital)
        self.form.addRow("", self.capital.words)
        self.finish_layout()

    def _do(self):
        if self.unit.currentData() is None:
            raise UserError(self.tr("Every grassroots union already has a fund."))
        ceiling = self.ceiling.value()
        settings = ops.FundSettings(ceiling=ceiling, max_term_months=self.term.value(),
                                    rate_bp=self.rate.rate_bp(),
                                    allow_second_loan=self.second.isChecked())
        capital = self.capital.value(zero_ok=True) if self.capital.text().strip() else 0
        return ops.create_fund(self._db, self.unit.currentData(), read_date(self.start), settings,
                               capital=capital)


class MemberCombo(QComboBox):
    """The members of the fund's CĐCS, picked by typing any of the words of a name, tones
    optional (gui.common.completion, as the initiatives' author picker): "tran thi tuyet" or
    "Trần Thị Tuyết" offers Trần Thị Tuyết only. ``currentData()`` is the member whose name
    is in the box (or the only one matching the words typed), None otherwise."""

    def __init__(self, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._optional = optional
        self.folded_completer = completion.attach(self)
        line = self.lineEdit()
        assert line is not None
        line.editingFinished.connect(self._settle)

    def _index_chosen(self) -> int:
        text = fold(self.currentText()).strip()
        if not text or text == "—":
            return self.findData(None) if self._optional else -1
        index = self.currentIndex()
        if index >= 0 and fold(self.itemText(index)) == text:
            return index
        exact = [i for i in range(self.count()) if fold(self.itemText(i)) == text]
        if exact:
            return exact[0]
        found = [i for i in range(self.count())
                 if self.itemData(i) is not None and completion.matches(text, self.itemText(i))]
        return found[0] if len(found) == 1 else -1

    def currentData(self, role: int = Qt.ItemDataRole.UserRole):  # noqa: N802 (Qt's name)
        index = self._index_chosen()
        return self.itemData(index, role) if index >= 0 else None

    def _settle(self) -> None:
        index = self._index_chosen()
        if index >= 0 and index != self.currentIndex():
            self.setCurrentIndex(index)


def _member_combo(people: list[ops.MemberChoice], optional: bool = False) -> MemberCombo:
    """A MemberCombo of ``people`` (ops.members, read once per dialog however many combos)."""
    combo = MemberCombo(optional)
    if optional:
        combo.addItem("—", None)
    for m in people:
        combo.addItem(m.name, m.id)
    if optional:
        combo.setCurrentIndex(0)
    return combo


class ContributionDialog(_Dialog):
    def __init__(self, db, bus, fund: ops.FundInfo, parent=None) -> None:
        super().__init__(db, bus, self.tr("Contribution to %1").replace("%1", fund.name),
                         self.tr("Record"), parent)
        self._fund = fund
        self.member = _member_combo(ops.members(db, fund.id))
        self.amount = MoneyEdit()
        self.on = date_edit()
        self.form.addRow(self.tr("Member"), self.member)
        self.form.addRow(self.tr("Amount (đồng)"), self.amount)
        self.form.addRow("", self.amount.words)
        self.form.addRow(self.tr("Date"), self.on)
        self.finish_layout()

    def _do(self):
        amount = self.amount.value()
        return ops.contribute(self._db, self._fund.id, self.member.currentData(), amount,
                              read_date(self.on))


class LoanDialog(_Dialog):
    """A loan: the fund's rules checked one by one as the clerk types, the schedule
    previewed, then saved as an application (or an approved one) or applied, approved and
    disbursed in one step — disbursing asks first, naming the amount."""

    def __init__(self, db, bus, fund: ops.FundInfo, parent=None) -> None:
        super().__init__(db, bus, self.tr("New loan from %1").replace("%1", fund.name),
                         self.tr("Disburse"), parent)
        self._fund = fund
        self.resize(720, 640)
        people = ops.members(db, fund.id)
        self.member = _member_combo(people)
        self.guarantor = _member_combo(people, optional=True)
        self.amount = MoneyEdit()
        self.term = QSpinBox()
        self.term.setRange(1, 120)
        self.term.setValue(min(12, fund.settings.max_term_months))
        self.purpose = QLineEdit()
        self.on = date_edit()
        self.step = QComboBox()
        self.step.addItem(self.tr("Disburse now (payment voucher)"), "disbursed")
        self.step.addItem(self.tr("Save the application only"), "applied")
        self.step.addItem(self.tr("Save the application as approved"), "approved")
        self.form.addRow(self.tr("Borrower"), self.member)
        self.form.addRow(self.tr("Amount (đồng)"), self.amount)
        self.form.addRow("", self.amount.words)
        self.form.addRow(self.tr("Term (months)"), self.term)
        self.form.addRow(self.tr("Purpose"), self.purpose)
        self.form.addRow(self.tr("Guarantor"), self.guarantor)
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow(self.tr("Step"), self.step)
        self.rules = QListWidget()
        self.rules.setMaximumHeight(110)
        self.layout_.addWidget(QLabel(self.tr("Eligibility, rule by rule")))
        self.layout_.addWidget(self.rules)
        self.schedule = QTableWidget(0, 4)
        self.schedule.setHorizontalHeaderLabels(
            [self.tr("Due"), self.tr("Principal"), self.tr("Fee"), self.tr("Total")])
        self.schedule.verticalHeader().setDefaultSectionSize(22)
        self.schedule.horizontalHeader().setStretchLastSection(True)
        for column in range(3):
            self.schedule.setColumnWidth(column, 150)
        self.layout_.addWidget(QLabel(self.tr("Schedule")))
        self.layout_.addWidget(self.schedule, 1)
        self.finish_layout()
        for signal in (self.member.currentIndexChanged, self.guarantor.currentIndexChanged,
                       self.member.editTextChanged, self.guarantor.editTextChanged,
                       self.amount.textChanged, self.term.valueChanged, self.on.textChanged,
                       self.step.currentIndexChanged):
            signal.connect(self.refresh)
        self.refresh()

    def request(self) -> ops.LoanRequest:
        return ops.LoanRequest(self.member.currentData(), self.amount.amount() or 0,
                               self.term.value(), self.purpose.text(),
                               self.guarantor.currentData(), typed_date(self.on))

    def refresh(self) -> None:
        request = self.request()
        self.rules.clear()
        ok = request.borrower_id is not None
        if self.amount.text().strip() and self.amount.amount() is None:
            item = QListWidgetItem(f"✗ {self.amount.problem()}")
            item.setForeground(Qt.GlobalColor.red)
            self.rules.addItem(item)
            ok = False
        if request.applied_on is None:
            try:
                read_date(self.on)
            except UserError as exc:
                item = QListWidgetItem(f"✗ {exc}")
                item.setForeground(Qt.GlobalColor.red)
                self.rules.addItem(item)
            ok = False
            request = replace(request, applied_on=date.today())
        if request.borrower_id is not None:
            for rule in ops.check_loan(self._db, self._fund.id, request):
                mark = "✓" if rule.ok else "✗"
                item = QListWidgetItem(f"{mark} {rule.name}: {rule.detail}")
                item.setForeground(Qt.GlobalColor.darkGreen if rule.ok else Qt.GlobalColor.red)
                self.rules.addItem(item)
                ok = ok and rule.ok
        lines = []
        if request.amount > 0:
            try:
                lines = ops.preview_schedule(self._db, self._fund.id, request.amount,
                                             request.term_months, request.applied_on or date.today())
            except UserError:
                lines = []
        self.schedule.setRowCount(len(lines))
        for r, line in enumerate(lines):
            for c, text in enumerate((format_date(line.due_on), format_int(line.principal),
                                      format_int(line.fee), format_int(line.total))):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(_RIGHT)
                self.schedule.setItem(r, c, item)
        ok_button = self.buttons.button(self.buttons.StandardButton.Ok)
        ok_button.setEnabled(ok and bool(lines))
        ok_button.setText(self.tr("Disburse") if self.disbursing() else self.tr("Save"))

    def disbursing(self) -> bool:
        return self.step.currentData() == "disbursed"

    def _accept(self) -> None:
        request = self.request()
        if self.disbursing() and request.borrower_id is not None and not widgets.confirm(
                self, self.tr("Disburse the loan"),
                self.tr("Pay %1 đồng out of the fund's cash to %2 now? A payment voucher is "
                        "written and the schedule is fixed.")
                .replace("%1", format_int(request.amount)).replace("%2", self.member.currentText()),
                self.tr("Disburse")):
            return
        super()._accept()

    def _do(self):
        self.amount.value()  # "không phải số tiền", "phải lớn hơn 0"
        return ops.lend(self._db, self._fund.id, self.request(), on=read_date(self.on),
                        stop_at=self.step.currentData())


class LoanDecisionDialog(_Dialog):
    """A decision on an application (approve, reject, withdraw) or the disbursement of an
    approved loan, on a date, with a note (required to reject)."""

    def __init__(self, db, bus, loan: ops.LoanInfo, decision: str, parent=None) -> None:
        titles = {"approve": (self.tr("Approve %1"), self.tr("Approve")),
                  "reject": (self.tr("Reject %1"), self.tr("Reject")),
                  "withdraw": (self.tr("Withdraw %1"), self.tr("Withdraw")),
                  "disburse": (self.tr("Disburse %1"), self.tr("Disburse"))}
        title, ok = titles[decision]
        super().__init__(db, bus, title.replace("%1", loan.number), ok, parent)
        self._loan, self.decision = loan, decision
        self.form.addRow(QLabel(self.tr("%1 — %2 đồng, %3 months (%4)")
                                .replace("%1", loan.borrower).replace("%2", format_int(loan.amount))
                                .replace("%3", str(loan.term_months)).replace("%4", loan.status_label)))
        self.on = date_edit()
        self.form.addRow(self.tr("Date"), self.on)
        self.note = QLineEdit()
        if decision != "disburse":
            self.form.addRow(self.tr("Reason") if decision == "reject" else self.tr("Note"), self.note)
        self.finish_layout()
        if decision == "reject":
            self.require_text(self.note)

    def _accept(self) -> None:
        if self.decision == "disburse" and not widgets.confirm(
                self, self.tr("Disburse the loan"),
                self.tr("Pay %1 đồng out of the fund's cash to %2 now? A payment voucher is "
                        "written and the schedule is fixed.")
                .replace("%1", format_int(self._loan.amount)).replace("%2", self._loan.borrower),
                self.tr("Disburse")):
            return
        super()._accept()

    def _do(self):
        if self.decision == "disburse":
            return ops.disburse(self._db, self._loan.id, read_date(self.on))
        return ops.decide(self._db, self._loan.id, self.decision, read_date(self.on),
                          self.note.text())


class RepaymentDialog(_Dialog):
    """A repayment: how it will be applied (instalment by instalment, fee, principal,
    credit) is shown before it is posted."""

    def __init__(self, db, bus, loan: ops.LoanInfo, parent=None) -> None:
        super().__init__(db, bus, self.tr("Repayment of %1").replace("%1", loan.number),
                         self.tr("Post"), parent)
        self._loan = loan
        st = loan.state
        info = QLabel(self.tr("%1 — outstanding %2 đồng, overdue %3 đồng")
                      .replace("%1", loan.borrower)
                      .replace("%2", format_int(st.outstanding if st else 0))
                      .replace("%3", format_int(st.overdue if st else 0)))
        self.amount = MoneyEdit()
        self.on = date_edit()
        self.plan = QLabel()
        self.plan.setWordWrap(True)
        self.form.addRow(info)
        self.form.addRow(self.tr("Amount (đồng)"), self.amount)
        self.form.addRow("", self.amount.words)
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow(QLabel(self.tr("Applied as")))
        self.form.addRow(self.plan)  # a row of its own, so the line wraps instead of being cut
        self.finish_layout()
        self.amount.textChanged.connect(self.refresh)
        self.on.textChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        amount = self.amount.amount()
        ok = False
        if self.amount.text().strip() and amount is None:
            self.plan.setText(self.amount.problem())
        elif amount:
            try:
                a = ops.plan_repayment(self._db, self._loan.id, amount, read_date(self.on))
                parts = [self.tr("principal %1").replace("%1", format_int(a.principal)),
                         self.tr("fee %1").replace("%1", format_int(a.fee))]
                if a.credit:
                    parts.append(self.tr("credit %1").replace("%1", format_int(a.credit)))
                seqs = ", ".join(str(seq) for seq, _p, _f in a.lines)
                self.plan.setText("; ".join(parts) + (self.tr(" (instalments %1)").replace("%1", seqs)
                                                      if seqs else ""))
                ok = True
            except UserError as exc:
                self.plan.setText(str(exc))
        else:
            self.plan.setText("")
        # the dialog grows with the wrapped allocation line, rather than cutting it
        self.plan.setMinimumHeight(self.plan.heightForWidth(max(self.plan.width(), 300)))
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(ok)

    def _do(self):
        amount = self.amount.value()
        return ops.repay(self._db, self._loan.id, amount, read_date(self.on))


class RefundCreditDialog(_Dialog):
    """Pay a borrower back what they overpaid on a loan, as a phiếu chi."""

    def __init__(self, db, bus, loan: ops.LoanInfo, parent=None) -> None:
        super().__init__(db, bus, self.tr("Refund the overpayment on %1").replace("%1", loan.number),
                         self.tr("Refund"), parent)
        self._loan = loan
        credit = loan.state.credit if loan.state else 0
        self.form.addRow(QLabel(self.tr("%1 overpaid %2 đồng on this loan.")
                                .replace("%1", loan.borrower).replace("%2", format_int(credit))))
        self.amount = MoneyEdit()
        self.amount.setText(format_int(credit))
        self.on = date_edit()
        self.form.addRow(self.tr("Amount (đồng)"), self.amount)
        self.form.addRow("", self.amount.words)
        self.form.addRow(self.tr("Date"), self.on)
        self.finish_layout()

    def _do(self):
        amount = self.amount.value()
        return ops.refund_credit(self._db, self._loan.id, read_date(self.on), amount)


class ReverseDialog(_Dialog):
    """A reversing entry for a posted one: the reason is required."""

    def __init__(self, db, bus, entry: ops.EntryInfo, parent=None) -> None:
        super().__init__(db, bus, self.tr("Reverse %1").replace("%1", entry.voucher),
                         self.tr("Reverse"), parent)
        self._entry = entry
        self.form.addRow(QLabel(f"{entry.voucher} · {format_date(entry.on)} · {entry.memo} · "
                                f"{format_int(entry.amount)}"))
        self.reason = QLineEdit()
        self.form.addRow(self.tr("Reason"), self.reason)
        self.finish_layout()
        self.require_text(self.reason)

    def _do(self):
        return ops.reverse(self._db, self._entry.id, self.reason.text())


class WriteOffDialog(_Dialog):
    """Write a loan's remaining principal off; the reason is required."""

    def __init__(self, db, bus, loan: ops.LoanInfo, parent=None) -> None:
        super().__init__(db, bus, self.tr("Write off %1").replace("%1", loan.number),
                         self.tr("Write off"), parent)
        self._loan = loan
        st = loan.state
        self.form.addRow(QLabel(self.tr("%1 — outstanding %2 đồng").replace("%1", loan.borrower)
                                .replace("%2", format_int(st.outstanding if st else 0))))
        self.on = date_edit()
        self.reason = QLineEdit()
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.finish_layout()
        self.require_text(self.reason)

    def _do(self):
        return ops.write_off(self._db, self._loan.id, read_date(self.on), self.reason.text())


class RescheduleDialog(_Dialog):
    """A new loan for what is still owed, over a new term; the old schedule stays."""

    def __init__(self, db, bus, loan: ops.LoanInfo, parent=None) -> None:
        super().__init__(db, bus, self.tr("Reschedule %1").replace("%1", loan.number),
                         self.tr("Reschedule"), parent)
        self._loan = loan
        self.on = date_edit()
        self.term = QSpinBox()
        self.term.setRange(1, 120)
        self.term.setValue(12)
        self.reason = QLineEdit()
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow(self.tr("New term (months)"), self.term)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.finish_layout()
        self.require_text(self.reason)

    def _do(self):
        return ops.reschedule(self._db, self._loan.id, read_date(self.on), self.term.value(),
                              self.reason.text())


class CashCountDialog(_Dialog):
    """"Counted X đồng on date D": a difference is posted to the discrepancy account."""

    def __init__(self, db, bus, fund: ops.FundInfo, parent=None) -> None:
        super().__init__(db, bus, self.tr("Cash count of %1").replace("%1", fund.name),
                         self.tr("Record"), parent)
        self._fund = fund
        self.counted = MoneyEdit(zero_ok=True)
        self.on = date_edit()
        self.note = QLineEdit()
        self.form.addRow(self.tr("Counted (đồng)"), self.counted)
        self.form.addRow(self.counted.words)  # a row of its own: the words are never cut
        self.form.addRow(self.tr("Date"), self.on)
        self.book = QLabel()
        self.difference = QLabel()
        self.difference.setWordWrap(True)
        self.form.addRow(self.tr("Cash in the book"), self.book)
        self.form.addRow(self.tr("Difference"), self.difference)
        self.form.addRow(self.tr("Note"), self.note)
        self.finish_layout()
        self._book: int | None = None
        self.counted.textChanged.connect(self.show_difference)
        self.on.textChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """The book's cash on the date (read once per date typed), then the difference."""
        on = typed_date(self.on)
        self._book = ops.cash_in_book(self._db, self._fund.id, on) if on is not None else None
        self.book.setText("" if self._book is None else self.tr("%1 đồng at the end of that day")
                          .replace("%1", format_int(self._book)))
        self.show_difference()

    def show_difference(self) -> None:
        """Over or short (thừa/thiếu) against the book, as the count is typed."""
        book = self._book
        counted = self.counted.amount()  # "0", "00" or "0.000": an empty till
        if book is None or counted is None:
            self.difference.setText("")
        elif counted == book:
            self.difference.setText(self.tr("none: the count agrees with the book"))
        else:
            text = self.tr("over by %1 đồng") if counted > book else self.tr("short by %1 đồng")
            self.difference.setText(text.replace("%1", format_int(abs(counted - book))))

    def _do(self):
        counted = self.counted.value()
        return ops.count_cash(self._db, self._fund.id, read_date(self.on), counted,
                              self.note.text())


class LockDialog(_Dialog):
    """Close the books up to a date; a closed period is never reopened."""

    def __init__(self, db, bus, fund: ops.FundInfo, parent=None) -> None:
        super().__init__(db, bus, self.tr("Close the books of %1").replace("%1", fund.name),
                         self.tr("Close"), parent)
        self._fund = fund
        self.through = date_edit(fund.locked_through)
        self.form.addRow(QLabel(self.tr("No entry can be posted on or before this date "
                                        "afterwards, and the period cannot be reopened.")))
        self.form.addRow(self.tr("Closed through"), self.through)
        self.finish_layout()

    def _do(self):
        return ops.lock_period(self._db, self._fund.id, read_date(self.through))


class SettingsDialog(_Dialog):
    """A fund's rules; new rules apply to loans applied for from now on (schedules already
    made stay as they are)."""

    def __init__(self, db, bus, fund: ops.FundInfo, parent=None) -> None:
        super().__init__(db, bus, self.tr("Rules of %1").replace("%1", fund.name),
                         self.tr("Save"), parent)
        self._fund = fund
        s = fund.settings
        self.ceiling = MoneyEdit()
        self.ceiling.setText(format_int(s.ceiling))
        self.term = QSpinBox()
        self.term.setRange(1, 120)
        self.term.setValue(s.max_term_months)
        self.rate = RateEdit(s.rate_bp)
        self.rounding = MoneyEdit()
        self.rounding.setText(format_int(s.rounding))
        self.grace = QSpinBox()
        self.grace.setRange(0, 365)
        self.grace.setValue(s.grace_days)
        self.buckets = BucketFields(s.buckets)
        self.order = QComboBox()
        self.order.addItem(self.tr("Fee first, then principal"), "fee_first")
        self.order.addItem(self.tr("Principal first, then fee"), "principal_first")
        self.order.setCurrentIndex(max(0, self.order.findData(s.allocation)))
        self.second = QCheckBox(self.tr("A member may borrow again before repaying"))
        self.second.setChecked(s.allow_second_loan)
        self.guidance = QLineEdit(s.guidance)
        self.form.addRow(self.tr("Loan ceiling (đồng)"), self.ceiling)
        self.form.addRow(self.tr("Longest term (months)"), self.term)
        self.form.addRow(self.tr("Fee or interest"), self.rate.row)
        self.form.addRow(self.tr("Instalments rounded to (đồng)"), self.rounding)
        self.form.addRow(self.tr("Grace days"), self.grace)
        self.form.addRow(self.tr("Arrears buckets (days)"), self.buckets)
        self.form.addRow(self.tr("Repayment order"), self.order)
        self.form.addRow("", self.second)
        self.form.addRow(self.tr("Guidance followed"), self.guidance)
        self.finish_layout()

    def _do(self):
        ceiling, rounding = self.ceiling.value(), self.rounding.value()
        settings = ops.FundSettings(
            ceiling=ceiling, max_term_months=self.term.value(), rate_bp=self.rate.rate_bp(),
            rounding=rounding, grace_days=self.grace.value(), buckets=self.buckets.text(),
            allocation=self.order.currentData(), allow_second_loan=self.second.isChecked(),
            guidance=self.guidance.text())
        return ops.update_settings(self._db, self._fund.id, settings)


class BookPeriodDialog(QDialog):
    """The period of a fund book: a month, a quarter, a year or from one day to another (this
    month by default). ``period()`` is the (first, last) day chosen."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        from core.fund.documents import period

        self._period = period
        today = today or date.today()
        self.setWindowTitle(self.tr("Fund book: period"))
        self.kind = QComboBox()
        for text, kind in ((self.tr("Month"), "month"), (self.tr("Quarter"), "quarter"),
                           (self.tr("Year"), "year"), (self.tr("From … to …"), "custom")):
            self.kind.addItem(text, kind)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.number = QSpinBox()
        self.number.setValue(today.month)
        self.start, self.end = date_edit(today.replace(day=1)), date_edit(today)
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.kind)
        form.addRow(self.tr("Year"), self.year)
        self.number_label = QLabel(self.tr("Month"))
        form.addRow(self.number_label, self.number)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        self.shown = QLabel()
        form.addRow(self.shown)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.buttons = widgets.dialog_buttons(self.tr("Preview"), self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for signal in (self.year.valueChanged, self.number.valueChanged, self.start.textChanged,
                       self.end.textChanged):
            signal.connect(self._show)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.number.setEnabled(kind in ("month", "quarter"))
        self.number.setRange(1, 12 if kind == "month" else 4)
        self.number_label.setText(self.tr("Quarter") if kind == "quarter" else self.tr("Month"))
        self.year.setEnabled(kind != "custom")
        self.start.setEnabled(kind == "custom")
        self.end.setEnabled(kind == "custom")
        self._show()

    def period(self) -> tuple[date, date]:
        kind = self.kind.currentData()
        if kind == "custom":
            first, last = read_date(self.start), read_date(self.end)
            if last < first:
                raise UserError(self.tr("The period ends before it starts."))
            return first, last
        return self._period(kind, self.year.value(), self.number.value())

    def _show(self) -> None:
        try:
            first, last = self.period()
        except UserError as exc:
            self.shown.setText(str(exc))
            return
        self.shown.setText(self.tr("From %1 to %2").replace("%1", format_date(first))
                           .replace("%2", format_date(last)))

    def _accept(self) -> None:
        try:
            self.period()
        except UserError as exc:
            widgets.report_error(self, exc)
            return
        self.accept()
