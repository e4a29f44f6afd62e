"""The office identity form, shared by the first-run dialog and the Settings page."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from core.common import limits
from core.common.text import clean
from core.org.ops import KIND_LABELS, LEVELS, OfficeSettings, UnitKind
from gui.common.widgets import ValueCombo

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_\-]{0,31}$")


@dataclass
class OfficeFormValues:
    settings: OfficeSettings
    level: str
    parent_code: str


class OfficeForm(QWidget):
    """``first_run=True``: code, level and parent code can be typed (they cannot change
    later); otherwise the code is shown read-only and only the wording is edited."""

    def __init__(self, first_run: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_run = first_run
        self.code = QLineEdit()
        self.code.setMaxLength(32)
        self.code.setPlaceholderText(self.tr("e.g. {0}").format("VL"))
        self.code.setToolTip(self.tr("A short code for your office. It is part of every number the office issues and cannot be changed later."))
        self.code.textEdited.connect(self._upper_code)
        self.name = QLineEdit()
        self.name.setMaxLength(limits.UNIT_NAME)
        self.name.setPlaceholderText(self.tr("e.g. {0}").format("LĐLĐ huyện Vĩnh Linh"))
        self.level = ValueCombo()
        for level in LEVELS:
            self.level.add(KIND_LABELS[UnitKind(level)], level)
        self.level.currentIndexChanged.connect(self._level_changed)
        self.parent_code = QLineEdit()
        self.parent_code.setMaxLength(32)
        self.parent_code.setPlaceholderText(self.tr("e.g. {0}").format("QT"))
        self.parent_code.textEdited.connect(self._upper_parent_code)
        self.parent_name = QLineEdit()
        self.parent_name.setMaxLength(limits.UNIT_NAME)
        self.parent_name.setPlaceholderText(self.tr("e.g. {0}").format("LĐLĐ tỉnh Quảng Trị"))
        self.place = QLineEdit()
        self.place.setMaxLength(limits.SETTING)
        self.place.setPlaceholderText(self.tr("e.g. {0}").format("Vĩnh Linh"))
        self.place.setToolTip(self.tr("Written before the date on documents: “Vĩnh Linh, ngày 06 tháng 3 năm 2023”."))
        self.doc_symbol = QLineEdit()
        self.doc_symbol.setMaxLength(limits.DOC_SYMBOL)
        self.doc_symbol.setToolTip(self.tr("Written after the document kind in numbers such as “Số: 08/HD-LĐLĐ”."))
        self.on_behalf = QLineEdit()
        self.on_behalf.setMaxLength(limits.SETTING)
        self.chair_title = QLineEdit()
        self.chair_title.setMaxLength(limits.SETTING)
        self.chair_name = QLineEdit()
        self.chair_name.setMaxLength(limits.PERSON_NAME)
        self.chair_name.setPlaceholderText(self.tr("e.g. {0}").format("Nguyễn Văn An"))

        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addRow(self.tr("Unit &code:"), self.code)
        layout.addRow(self.tr("Unit &name:"), self.name)
        layout.addRow(self.tr("&Level:"), self.level)
        layout.addRow(self.tr("&Parent unit code:"), self.parent_code)
        layout.addRow(self.tr("Pa&rent unit name:"), self.parent_name)
        layout.addRow(self.tr("Place name on the &date line:"), self.place)
        layout.addRow(self.tr("Document &symbol:"), self.doc_symbol)
        layout.addRow(self.tr("Signature &wording:"), self.on_behalf)
        layout.addRow(self.tr("Chair's &title:"), self.chair_title)
        layout.addRow(self.tr("C&hair's name:"), self.chair_name)
        self._layout = layout
        if not first_run:
            self.code.setReadOnly(True)
            self.code.setStyleSheet("QLineEdit { background: palette(window); }")
            layout.setRowVisible(self.level, False)
            layout.setRowVisible(self.parent_code, False)
        self.set_settings(OfficeSettings())

    def _upper_code(self, text: str) -> None:
        self._upper(self.code, text)

    def _upper_parent_code(self, text: str) -> None:
        self._upper(self.parent_code, text)

    @staticmethod
    def _upper(edit: QLineEdit, text: str) -> None:
        if text != text.upper():
            pos = edit.cursorPosition()
            edit.setText(text.upper())
            edit.setCursorPosition(pos)

    def _level_changed(self) -> None:
        needs_parent = self.level.value() != "province"
        self.parent_code.setEnabled(needs_parent)

    def set_settings(self, settings: OfficeSettings) -> None:
        self._loaded = settings
        self.code.setText(settings.unit_code)
        self.name.setText(settings.name)
        self.parent_name.setText(settings.parent_name)
        self.place.setText(settings.place)
        self.doc_symbol.setText(settings.doc_symbol)
        self.on_behalf.setText(settings.on_behalf)
        self.chair_title.setText(settings.chair_title)
        self.chair_name.setText(settings.chair_name)

    @property
    def loaded(self) -> OfficeSettings:
        """The settings last shown with :meth:`set_settings`."""
        return self._loaded

    def values(self) -> OfficeFormValues:
        settings = replace(
            self._loaded,
            unit_code=clean(self.code.text()).upper(),
            name=clean(self.name.text()),
            parent_name=clean(self.parent_name.text()),
            place=clean(self.place.text()),
            doc_symbol=clean(self.doc_symbol.text()),
            on_behalf=clean(self.on_behalf.text()),
            chair_title=clean(self.chair_title.text()),
            chair_name=clean(self.chair_name.text()),
        )
        level = str(self.level.value()) if self.first_run else ""
        parent_code = clean(self.parent_code.text()).upper() if level != "province" else ""
        return OfficeFormValues(settings, level, parent_code)

    def validate(self) -> tuple[str, QWidget | None]:
        """The first problem as (message, field to focus), or ("", None)."""
        v = self.values()
        s = v.settings
        if not s.unit_code:
            return self.tr("Enter the unit code."), self.code
        if self.first_run and not _CODE.match(s.unit_code):
            return self.tr("The unit code may contain only letters A–Z, digits, “-” and “_” (no spaces, no accents)."), self.code
        if not s.name:
            return self.tr("Enter the unit name."), self.name
        if self.first_run and v.level != "province":
            if not v.parent_code:
                return self.tr("Enter the code of the parent unit (the level above yours)."), self.parent_code
            if not _CODE.match(v.parent_code):
                return self.tr("The parent unit code may contain only letters A–Z, digits, “-” and “_”."), self.parent_code
            if v.parent_code == s.unit_code:
                return self.tr("The parent unit code must differ from your own code."), self.parent_code
            if not s.parent_name:
                return self.tr("Enter the name of the parent unit."), self.parent_name
        if not s.place:
            return self.tr("Enter the place name for the date line of documents."), self.place
        if not s.doc_symbol:
            return self.tr("Enter the document symbol (e.g. LĐLĐ)."), self.doc_symbol
        if not s.on_behalf or not s.chair_title:
            return self.tr("Enter the signature wording and the chair's title."), (self.on_behalf if not s.on_behalf else self.chair_title)
        return "", None
