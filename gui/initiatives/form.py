"""Add or edit an initiative: every field of the record (Decree 13/2012 form), the authors
with their shares, the eligibility rules checked as you type, payments and history.

Problems are shown next to their field and Save stays disabled until there are none; an
error from core (UserError) is shown in the dialog, which stays open with everything typed.
Enter and Ctrl+S save (a multi-line box keeps Enter for a new line), Esc cancels, asking
first only when something changed (gui.common.forms.FormDialog). Before saving, likely
duplicates (core.find_duplicates) are shown and the user chooses to save anyway or go back.
"""

from __future__ import annotations

import uuid
from datetime import date
from types import SimpleNamespace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.common import limits
from core.common.changes import Changes
from core.common.database import AppDatabase
from core.common.errors import UserError
from core.common.text import clean, fold
from core.common.vnformat import format_money, parse_money
from core.initiatives import ops
from core.initiatives.ops import (
    AuthorInput,
    InitiativeDetail,
    InitiativeField,
    InitiativeInput,
    InitiativeKind,
    InitiativeStatus,
    ProgrammeInfo,
    Recogniser,
)
from gui.common import screen_fit, widgets
from gui.common.changes import ChangeBus
from gui.common.formatting import format_date
from gui.common.forms import FormDialog
from gui.initiatives.authors import AuthorsEditor
from gui.initiatives.common import history_lines, parse_date_text, running_programme
from gui.initiatives.duplicates import DuplicatesDialog
from gui.initiatives.eligibility import EligibilityPanel
from gui.initiatives.records import HistoryTab, PaymentsTab

MAX_MEMBERS_OFFERED = 3000  # names offered for picking authors from the unit

TAB_GENERAL, TAB_AUTHORS, TAB_CONTENT, TAB_EFFECT, TAB_PAYMENTS, TAB_HISTORY = range(6)


def _text_box(height_lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * height_lines + 12)
    return box


class InitiativeDialog(FormDialog):
    def __init__(
        self,
        db: AppDatabase,
        initiative_id: uuid.UUID | None = None,
        default_unit_id: uuid.UUID | None = None,
        default_programme_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        bus: ChangeBus | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.bus = bus  # saving and payments are announced on it (gui.common.changes)
        self.initiative_id = initiative_id
        self.duplicates_dialog: DuplicatesDialog | None = None
        self._loading = True
        self._touched: set[str] = set()
        self._saved_state: tuple = ()
        self._loaded_identity: tuple = ()
        self._members_unit: uuid.UUID | None = None
        self._phases: dict[tuple[uuid.UUID, date], int | None] = {}
        self.setWindowTitle(self.tr("Edit initiative") if initiative_id else self.tr("New initiative"))
        self.discard_text = self.tr("The changes to this initiative have not been saved. Discard them?")
        screen_fit.fit_to_screen(self, 1080, 690)  # fits 1366×768 with a taskbar; the tabs scroll

        data = ops.form_data(db, initiative_id)  # NotFound when deleted meanwhile
        self.programmes: list[ProgrammeInfo] = list(data.programmes)
        self._units = [(u.id, u.name, u.code) for u in data.units]
        self._names = {str(u[0]): u[1] for u in self._units}
        self._names.update({str(p.id): p.name for p in self.programmes})

        self._build()
        if data.record is not None:
            self._load(data.record)
        else:
            self._defaults(default_unit_id, default_programme_id)
        self._loading = False
        self._unit_changed()
        self._refresh()
        self._saved_state = self._state()
        self._loaded_identity = self._identity()
        self.tabs.setCurrentIndex(TAB_GENERAL)
        self.name.setFocus()

    # --- building ------------------------------------------------------------------------
    def _error(self, key: str, reserve_lines: int = 0) -> widgets.ErrorLabel:
        label = widgets.ErrorLabel(reserve_lines=reserve_lines)
        self.errors[key] = label
        return label

    @staticmethod
    def _add_row(form: QFormLayout, text: str, layout, buddy: QWidget) -> None:
        """A form row whose field is a layout: the label still jumps to ``buddy`` (Alt+key)."""
        label = QLabel(text)
        label.setBuddy(buddy)
        form.addRow(label, layout)

    def _build(self) -> None:
        self.errors: dict[str, widgets.ErrorLabel] = {}

        # General
        self.name = QLineEdit()
        self.name.setMaxLength(limits.INITIATIVE_NAME)
        self.name.setPlaceholderText(self.tr("e.g. Using mind maps to teach Mathematics in grade 4"))
        self.kind = widgets.ValueCombo()
        for kind, label in ops.KIND_LABELS.items():
            self.kind.add(label, kind)
        self.field_combo = widgets.ValueCombo()
        self.field_combo.add(self.tr("(not set)"), None)
        for field, label in ops.FIELD_LABELS.items():
            self.field_combo.add(label, field)
        self.programme = widgets.ValueCombo()
        self.programme.add(self.tr("(no programme)"), None)
        for programme in self.programmes:
            self.programme.add(programme.name, programme.id)
        self.programme.setToolTip(self.tr("The programme or movement the initiative is registered for"))
        self.registered_on = widgets.DateField()
        self.phase_label = QLabel()
        self.phase_label.setToolTip(self.tr("Derived from the registration date and the programme's phases"))
        self.unit = widgets.UnitCombo(self._units)
        self.status = widgets.ValueCombo()
        for status, label in ops.STATUS_LABELS.items():
            self.status.add(label, status)
        self.rejection_reason = _text_box(2)
        self.rejection_reason.setMaximumHeight(self.rejection_reason.fontMetrics().lineSpacing() * 4 + 12)
        self.confidential = QCheckBox(self.tr("Con&fidential (leaves the office with name, effect and awards only)"))
        self.portal_uploaded = QCheckBox(self.tr("Uploaded to the national &portal"))
        self.portal_date = widgets.DateField()
        self.portal_date.setToolTip(self.tr("Date of upload"))
        portal_row = QHBoxLayout()
        portal_row.addWidget(self.portal_uploaded)
        portal_row.addWidget(QLabel(self.tr("on")))
        portal_row.addWidget(self.portal_date)
        portal_row.addStretch(1)
        self.awards = QLineEdit()
        self.awards.setMaxLength(limits.AWARDS)
        self.awards.setPlaceholderText(self.tr("e.g. Creative Labour certificate 2022"))

        general = QFormLayout()
        general.addRow(self.tr("&Name:"), self.name)
        general.addRow("", self._error("name"))
        general.addRow(self.tr("&Kind:"), self.kind)
        general.addRow(self.tr("F&ield:"), self.field_combo)
        general.addRow(self.tr("P&rogramme:"), self.programme)
        registered_row = QHBoxLayout()
        registered_row.addWidget(self.registered_on)
        registered_row.addSpacing(12)
        registered_row.addWidget(self.phase_label, 1)
        self._add_row(general, self.tr("Re&gistered on:"), registered_row, self.registered_on)
        general.addRow("", self._error("registered_on"))
        general.addRow(self.tr("&Unit (CĐCS):"), self.unit)
        general.addRow("", self._error("unit"))
        general.addRow(self.tr("S&tatus:"), self.status)
        general.addRow(self.tr("Reason for re&jection:"), self.rejection_reason)
        general.addRow("", self._error("rejection_reason"))
        general.addRow("", self.confidential)
        self._add_row(general, "", portal_row, self.portal_uploaded)
        general.addRow("", self._error("portal_date"))
        general.addRow(self.tr("A&wards:"), self.awards)

        # Authors
        self.authors = AuthorsEditor()
        authors_page = QWidget()
        authors_layout = QVBoxLayout(authors_page)
        authors_layout.addWidget(self.authors, 1)
        # Two lines kept for the authors' problem: "Thêm tác giả" stays where it is.
        authors_layout.addWidget(self._error("authors", reserve_lines=2))

        # Content
        self.objective = _text_box()
        self.steps = _text_box()
        self.scope = _text_box()
        self.description = _text_box(4)
        self.conditions = _text_box()
        content = QFormLayout()
        content.addRow(self.tr("&Objective:"), self.objective)
        content.addRow(self.tr("Implementation &steps:"), self.steps)
        content.addRow(self.tr("Scope and a&pplicability:"), self.scope)
        content.addRow(self.tr("&Description:"), self.description)
        content.addRow(self.tr("&Conditions for applying:"), self.conditions)

        # Effect and recognition
        self.first_applied_on = widgets.DateField()
        self.trial_only = QCheckBox(self.tr("applied on &trial only"))
        applied_row = QHBoxLayout()
        applied_row.addWidget(self.first_applied_on)
        applied_row.addSpacing(12)
        applied_row.addWidget(self.trial_only)
        applied_row.addStretch(1)
        self.benefit = QLineEdit()
        self.benefit.setPlaceholderText(self.tr("e.g. 15.000.000"))
        self.benefit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.benefit.setMinimumWidth(self.benefit.fontMetrics().horizontalAdvance("000.000.000.000") + 24)
        benefit_row = QHBoxLayout()
        benefit_row.addWidget(self.benefit)
        benefit_row.addWidget(QLabel(self.tr("đồng per year")))
        benefit_row.addStretch(1)
        self.social_benefit = _text_box()
        self.recognised_by = widgets.ValueCombo()
        self.recognised_by.add(self.tr("(not recognised yet)"), None)
        for recogniser, label in ops.RECOGNISER_LABELS.items():
            self.recognised_by.add(label, recogniser)
        self.decision_number = QLineEdit()
        self.decision_number.setMaxLength(limits.DECISION_NUMBER)
        self.decision_number.setPlaceholderText(self.tr("e.g. 15/QĐ-HĐSK"))
        self.decision_date = widgets.DateField()
        decision_row = QHBoxLayout()
        decision_row.addWidget(self.decision_number, 1)
        decision_row.addWidget(QLabel(self.tr("dated")))
        decision_row.addWidget(self.decision_date)
        self.new_in_unit = QCheckBox(self.tr("&New within the unit"))
        self.ip_protected = QCheckBox(self.tr("Under intellectual-property &protection"))
        self.unlawful = QCheckBox(self.tr("Contrary to public order or social ethics"))
        effect = QFormLayout()
        self._add_row(effect, self.tr("&First applied on:"), applied_row, self.first_applied_on)
        effect.addRow("", self._error("first_applied_on"))
        self._add_row(effect, self.tr("&Benefit value:"), benefit_row, self.benefit)
        effect.addRow("", self._error("benefit"))
        effect.addRow(self.tr("Soc&ial benefit:"), self.social_benefit)
        effect.addRow(self.tr("&Recognised by:"), self.recognised_by)
        self._add_row(effect, self.tr("Decisi&on (number, date):"), decision_row, self.decision_number)
        effect.addRow("", self._error("decision_date"))
        effect.addRow("", self.new_in_unit)
        effect.addRow("", self.ip_protected)
        effect.addRow("", self.unlawful)

        self.payments = PaymentsTab(self._db)
        self.history = HistoryTab()

        self.tabs = QTabWidget()
        self._tab_titles = [
            self.tr("&General"),
            self.tr("&Authors"),
            self.tr("Co&ntent"),
            self.tr("&Effect and recognition"),
            self.tr("Support pa&yments"),
            self.tr("&History"),
        ]
        for layout, title in zip((general, None, content, effect, None, None), self._tab_titles, strict=True):
            if layout is None:
                continue
            page = QWidget()
            outer = QVBoxLayout(page)
            outer.addLayout(layout)
            if layout is not content:
                outer.addStretch(1)  # the rows keep their height; the text boxes of Content grow
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, title)
        self.tabs.insertTab(TAB_AUTHORS, authors_page, self._tab_titles[TAB_AUTHORS])
        self.tabs.addTab(self.payments, self._tab_titles[TAB_PAYMENTS])
        self.tabs.addTab(self.history, self._tab_titles[TAB_HISTORY])

        self.eligibility = EligibilityPanel()
        self.eligibility.setMinimumWidth(300)
        self.eligibility.setMaximumWidth(360)
        body = QHBoxLayout()
        body.addWidget(self.tabs, 1)
        body.addWidget(self.eligibility)

        self.error = widgets.ErrorLabel()
        self.hint = QLabel()  # why Save is disabled, before any field shows its problem
        self.hint.setStyleSheet("color: #666666;")
        self.hint.setWordWrap(True)
        self.buttons = widgets.dialog_buttons(self.tr("Save"))
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        # Everything that changes the form re-checks it.
        edits = {
            "name": self.name, "registered_on": self.registered_on, "portal_date": self.portal_date,
            "awards": self.awards, "first_applied_on": self.first_applied_on, "benefit": self.benefit,
            "decision_number": self.decision_number, "decision_date": self.decision_date,
        }
        # A field's problem shows once the user leaves it (or saves), never while typing.
        for key, edit in edits.items():
            edit.textChanged.connect(lambda _t, key=key: self._changed(key, typing=True))
            edit.editingFinished.connect(lambda key=key: self._left(key))
        texts = {
            "rejection_reason": self.rejection_reason, "objective": self.objective, "steps": self.steps,
            "scope": self.scope, "description": self.description, "conditions": self.conditions,
            "social_benefit": self.social_benefit,
        }
        for key, box in texts.items():
            box.textChanged.connect(lambda key=key: self._changed(key))
        for key, combo in {"kind": self.kind, "field": self.field_combo, "programme": self.programme,
                           "status": self.status, "recognised_by": self.recognised_by}.items():
            combo.currentIndexChanged.connect(lambda _i, key=key: self._changed(key))
        for key, box in {"confidential": self.confidential, "portal_uploaded": self.portal_uploaded,
                         "trial_only": self.trial_only, "new_in_unit": self.new_in_unit,
                         "ip_protected": self.ip_protected, "unlawful": self.unlawful}.items():
            box.toggled.connect(lambda _on, key=key: self._changed(key))
        self.unit.currentTextChanged.connect(lambda _t: self._changed("unit", typing=True))
        self.unit.lineEdit().editingFinished.connect(self._unit_changed)
        self.unit.lineEdit().editingFinished.connect(lambda: self._left("unit"))
        self.unit.activated.connect(lambda _i: self._unit_changed())
        self.use_buttons(self.buttons, self.save_button)
        self.authors.changed.connect(lambda: self._changed("authors", typing=True))
        self.authors.left.connect(lambda: self._left("authors"))
        # A new, empty author row is being filled in: no "enter the name" until it is left.
        self.authors.row_added.connect(lambda: self._touched.discard("authors"))
        self.benefit.editingFinished.connect(self._format_benefit)
        self.payments.added.connect(self._payment_added)
        self._unit_timer = QTimer(self, singleShot=True, interval=300)
        self._unit_timer.timeout.connect(self._unit_changed)

    # --- filling -------------------------------------------------------------------------
    def _defaults(self, unit_id: uuid.UUID | None, programme_id: uuid.UUID | None) -> None:
        self.registered_on.set_value(date.today())
        self.status.set_value(InitiativeStatus.UNDER_REVIEW)
        self.new_in_unit.setChecked(True)
        # The programme the register is filtered to when it runs today, else the one running
        # today (a campaign before a yearly movement), never one that has ended; else none.
        today = date.today()
        given = next((p for p in self.programmes if p.id == programme_id), None)
        if given is None or running_programme([given], today) is None:
            running = running_programme(self.programmes, today)
            programme_id = running.id if running else None
        self.programme.set_value(programme_id)
        self._select_unit(unit_id)
        self.authors.add_author()

    def _load(self, item: InitiativeDetail) -> None:
        self.name.setText(item.name)
        self.kind.set_value(item.kind)
        self.field_combo.set_value(item.field)
        self.programme.set_value(item.programme_id)
        self.registered_on.set_value(item.registered_on)
        self._select_unit(item.unit_id)
        self.status.set_value(item.status)
        self.rejection_reason.setPlainText(item.rejection_reason)
        self.confidential.setChecked(item.confidential)
        self.portal_uploaded.setChecked(item.portal_uploaded)
        self.portal_date.set_value(item.portal_uploaded_on)
        self.awards.setText(item.awards)
        self.objective.setPlainText(item.objective)
        self.steps.setPlainText(item.steps)
        self.scope.setPlainText(item.scope)
        self.description.setPlainText(item.description)
        self.conditions.setPlainText(item.conditions)
        self.first_applied_on.set_value(item.first_applied_on)
        self.trial_only.setChecked(item.trial_only)
        self.benefit.setText(format_money(item.economic_benefit) if item.economic_benefit is not None else "")
        self.social_benefit.setPlainText(item.social_benefit)
        self.recognised_by.set_value(item.recognised_by)
        self.decision_number.setText(item.decision_number)
        self.decision_date.set_value(item.decision_date)
        self.new_in_unit.setChecked(item.new_in_unit)
        self.ip_protected.setChecked(item.ip_protected)
        self.unlawful.setChecked(item.unlawful)
        authors = [a.as_input() for a in item.authors]  # bulk-loaded: one, from the authors' text
        self.authors.set_authors(authors or [AuthorInput("", "", None)])
        self.payments.set_initiative(item.id, item.payments)
        self.history.set_lines(history_lines(item.history, self._names), saved=True)
        self.name.setCursorPosition(0)
        self._touched = {"*"}  # an existing record: every problem is shown at once

    def _payment_added(self, changes: Changes) -> None:
        self._notify(changes)
        self._reload_history()

    def _notify(self, changes: Changes) -> None:
        if self.bus is not None:
            self.bus.notify(changes, source=self)

    def _reload_history(self) -> None:
        if self.initiative_id is None:
            return
        try:
            entries = ops.initiative_history(self._db, self.initiative_id)
        except Exception as exc:
            self.error.set_error(widgets.error_text(exc))
            return
        self.history.set_lines(history_lines(entries, self._names), saved=True)

    def _select_unit(self, unit_id: uuid.UUID | None) -> None:
        self.unit.select(unit_id)

    def chosen_unit(self) -> uuid.UUID | None:
        """The unit whose label, name or code matches the box (ignoring tones)."""
        return self.unit.chosen()

    def _unit_changed(self) -> None:
        """Offer the members of the chosen unit as authors."""
        if self._loading or not self.alive():
            return
        unit_id = self.chosen_unit()
        if unit_id == self._members_unit:
            return
        self._members_unit = unit_id
        members: list[tuple[uuid.UUID, str, str]] = []
        unit_name = ""
        if unit_id is not None:
            rows = ops.unit_members(self._db, unit_id, limit=MAX_MEMBERS_OFFERED)
            members = [(r.id, r.full_name, r.unit_name) for r in rows]
            unit_name = self._names.get(str(unit_id), "")
        self.authors.set_members(members, unit_name)

    # --- checking ------------------------------------------------------------------------
    def _changed(self, key: str, typing: bool = False) -> None:
        """Something changed; a choice (combo, tick) counts as the field being done with,
        typing does not (see :meth:`_left`)."""
        if self._loading:
            return
        if not typing:
            self._touched.add(key)
        if key == "unit":
            self._unit_timer.start()
        if key == "portal_date" and self.portal_date.text().strip() and not self.portal_uploaded.isChecked():
            self.portal_uploaded.setChecked(True)  # a date of upload means it was uploaded
        self.error.set_error("")
        self._refresh()

    def _left(self, key: str) -> None:
        """The user left a field: its problem (if any) is shown from now on."""
        if self._loading or key in self._touched or not self.alive():
            return  # (a focus leaving a field of a dialog being destroyed says nothing)
        self._touched.add(key)
        self._refresh()

    def _format_benefit(self) -> None:
        try:
            value = parse_money(self.benefit.text())
        except ValueError:
            return
        text = format_money(value) if value is not None else ""
        if text != self.benefit.text():
            self.benefit.setText(text)

    def _programme(self) -> ProgrammeInfo | None:
        programme_id = self.programme.value()
        return next((p for p in self.programmes if p.id == programme_id), None)

    @staticmethod
    def _date(edit: widgets.DateField) -> tuple[date | None, str]:
        try:
            return parse_date_text(edit.text()), ""
        except ValueError as exc:
            return None, str(exc)

    def problems(self) -> dict[str, str]:
        """Field key → what is wrong with it (empty when the form can be saved)."""
        found: dict[str, str] = {}
        if not clean(self.name.text()):
            found["name"] = self.tr("Enter the name of the initiative.")
        registered, message = self._date(self.registered_on)
        if message:
            found["registered_on"] = message
        elif registered is None:
            found["registered_on"] = self.tr("Enter the registration date (dd/mm/yyyy).")
        if self.chosen_unit() is None:
            found["unit"] = (
                self.tr("Choose the grassroots union from the list.")
                if self.unit.currentText().strip()
                else self.tr("Choose the grassroots union of the initiative.")
            )
        authors = self.authors.problem()
        if authors:
            found["authors"] = authors
        if self.status.value() == InitiativeStatus.REJECTED and not clean(self.rejection_reason.toPlainText()):
            found["rejection_reason"] = self.tr("Write why the initiative is not valid.")
        _portal, message = self._date(self.portal_date)
        if message:
            found["portal_date"] = message
        _applied, message = self._date(self.first_applied_on)
        if message:
            found["first_applied_on"] = message
        try:
            value = parse_money(self.benefit.text())
        except ValueError as exc:
            found["benefit"] = str(exc)
        else:
            if value is not None and value < 0:
                found["benefit"] = self.tr("The benefit value cannot be negative.")
        _decided, message = self._date(self.decision_date)
        if message:
            found["decision_date"] = message
        return found

    _FIELD_TAB = {
        "name": TAB_GENERAL, "registered_on": TAB_GENERAL, "unit": TAB_GENERAL,
        "rejection_reason": TAB_GENERAL, "portal_date": TAB_GENERAL, "authors": TAB_AUTHORS,
        "first_applied_on": TAB_EFFECT, "benefit": TAB_EFFECT, "decision_date": TAB_EFFECT,
    }

    # A problem is shown once the user has been at its field (or a field it depends on);
    # an untouched new form only says, on the Save button, why it cannot be saved yet.
    _SHOWN_AFTER = {"rejection_reason": ("status",), "portal_date": ("portal_uploaded",)}

    def _shown(self, key: str) -> bool:
        if "*" in self._touched or key in self._touched:
            return True
        return any(k in self._touched for k in self._SHOWN_AFTER.get(key, ()))

    def _refresh(self) -> None:
        found = self.problems()
        for key, label in self.errors.items():
            label.set_error(found.get(key, "") if self._shown(key) else "")
        self.rejection_reason.setEnabled(self.status.value() == InitiativeStatus.REJECTED)
        self.save_button.setEnabled(not found)
        if found:
            first = next(iter(found.values()))
            self.hint.setText(self.tr("Not ready to save: {0}").format(first))
        else:
            self.hint.setText("")
        self.save_button.setToolTip(self.hint.text())
        bad_tabs = {self._FIELD_TAB[key] for key in found if key in self._FIELD_TAB and self._shown(key)}
        for index, title in enumerate(self._tab_titles):
            self.tabs.setTabText(index, title + (" ⚠" if index in bad_tabs else ""))
        self._show_eligibility()
        self._show_phase()

    def _show_eligibility(self) -> None:
        applied, _ = self._date(self.first_applied_on)
        decided, _ = self._date(self.decision_date)
        try:
            benefit = parse_money(self.benefit.text())
        except ValueError:
            benefit = None
        item = SimpleNamespace(
            recognised_by=self.recognised_by.value(),
            decision_number=clean(self.decision_number.text()),
            decision_date=decided,
            new_in_unit=self.new_in_unit.isChecked(),
            first_applied_on=applied,
            economic_benefit=benefit,
            social_benefit=self.social_benefit.toPlainText(),
            unlawful=self.unlawful.isChecked(),
            ip_protected=self.ip_protected.isChecked(),
        )
        self.eligibility.show_results(ops.check_eligibility(item, self._programme()))

    def _show_phase(self) -> None:
        programme = self._programme()
        registered, _ = self._date(self.registered_on)
        if programme is None or registered is None:
            text = self.tr("Phase: —")
        else:
            key = (programme.id, registered)
            if key not in self._phases:
                self._phases[key] = ops.phase_of(self._db, programme.id, registered)
            number = self._phases[key]
            phase = next((p for p in programme.phases if p.number == number), None)
            if phase is None:
                text = self.tr("Phase: outside every phase of the programme")
            else:
                text = self.tr("Phase: {0} ({1} – {2})").format(
                    phase.name or number, format_date(phase.starts_on), format_date(phase.ends_on)
                )
        self.phase_label.setText(text)

    # --- saving ----------------------------------------------------------------------------
    def values(self) -> InitiativeInput | None:
        """What was typed, as core takes it (None when a problem remains)."""
        if self.problems():
            return None
        kind: InitiativeKind = self.kind.value()
        field: InitiativeField | None = self.field_combo.value()
        recogniser: Recogniser | None = self.recognised_by.value()
        return InitiativeInput(
            name=clean(self.name.text()),
            kind=kind,
            unit_id=self.chosen_unit(),
            authors=self.authors.authors(),
            programme_id=self.programme.value(),
            registered_on=parse_date_text(self.registered_on.text()),
            field=field,
            objective=self.objective.toPlainText().strip(),
            steps=self.steps.toPlainText().strip(),
            scope=self.scope.toPlainText().strip(),
            description=self.description.toPlainText().strip(),
            conditions=self.conditions.toPlainText().strip(),
            first_applied_on=parse_date_text(self.first_applied_on.text()),
            trial_only=self.trial_only.isChecked(),
            economic_benefit=parse_money(self.benefit.text()),
            social_benefit=self.social_benefit.toPlainText().strip(),
            recognised_by=recogniser,
            decision_number=clean(self.decision_number.text()),
            decision_date=parse_date_text(self.decision_date.text()),
            status=self.status.value(),
            rejection_reason=clean(self.rejection_reason.toPlainText(), multiline=True)
            if self.status.value() == InitiativeStatus.REJECTED
            else "",
            new_in_unit=self.new_in_unit.isChecked(),
            ip_protected=self.ip_protected.isChecked(),
            unlawful=self.unlawful.isChecked(),
            confidential=self.confidential.isChecked(),
            portal_uploaded=self.portal_uploaded.isChecked(),
            portal_uploaded_on=parse_date_text(self.portal_date.text()),
            awards=clean(self.awards.text()),
        )

    def _identity(self) -> tuple:
        return (fold(self.name.text()), self.chosen_unit(), tuple(fold(n) for n in self.authors.names()))

    def save(self) -> None:
        """Check for duplicates, then write (Enter and the Save button come here)."""
        self._touched.add("*")
        self._refresh()
        data = self.values()
        if data is None:
            return
        if self.initiative_id is None or self._identity() != self._loaded_identity:
            try:
                found = ops.duplicates(self._db, data, exclude_id=self.initiative_id)
            except Exception as exc:
                self.error.set_error(widgets.error_text(exc))
                return
            if found:
                self.duplicates_dialog = DuplicatesDialog(found, self)
                self.duplicates_dialog.accepted.connect(lambda: self.write(data))
                self.duplicates_dialog.open()
                return
        self.write(data)

    def write(self, data: InitiativeInput) -> bool:
        try:
            done = ops.save_initiative(self._db, data, self.initiative_id)
        except UserError as exc:
            self.error.set_error(str(exc))
            return False
        except Exception as exc:
            self.error.set_error(widgets.error_text(exc))
            return False
        self.initiative_id = done.value
        self._saved_state = self._state()
        self._notify(done.changes)
        self.accept()
        return True

    # --- leaving -----------------------------------------------------------------------------
    def _state(self) -> tuple:
        texts = tuple(
            w.text() for w in (self.name, self.registered_on, self.portal_date, self.awards,
                               self.first_applied_on, self.benefit, self.decision_number,
                               self.decision_date, self.unit.lineEdit())
        )
        boxes = tuple(
            w.toPlainText() for w in (self.rejection_reason, self.objective, self.steps, self.scope,
                                      self.description, self.conditions, self.social_benefit)
        )
        combos = tuple(c.currentIndex() for c in (self.kind, self.field_combo, self.programme,
                                                  self.status, self.recognised_by))
        checks = tuple(c.isChecked() for c in (self.confidential, self.portal_uploaded, self.trial_only,
                                               self.new_in_unit, self.ip_protected, self.unlawful))
        authors = tuple((r.name.text(), r.unit.text(), r.share.value()) for r in self.authors.rows)
        return texts, boxes, combos, checks, authors

    def has_changes(self) -> bool:
        return self._state() != self._saved_state

    def save_anyway(self) -> None:
        """Enter or Ctrl+S while something is missing: every problem shown, the first one's
        tab opened and its field focused."""
        self.save()
        found = [key for key in self.problems() if key in self._FIELD_TAB]
        if found:
            self.tabs.setCurrentIndex(self._FIELD_TAB[found[0]])
