"""The import preview for the initiative register: the general preview (counts, rejected
rows, report) plus what only this import has — likely duplicates and notes — and its two
options (the programme the rows count toward; creating unknown units). Changing an option
asks the page to check the workbook again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QListWidget, QWidget

from gui.common import widgets
from gui.common.import_preview import ImportPreviewDialog
from gui.initiatives.common import ProgrammeInfo


class InitiativeImportPreviewDialog(ImportPreviewDialog):
    recheck_requested = Signal()

    def __init__(self, result, source: Path, what: str, programmes: list[ProgrammeInfo],
                 programme_code: str, create_units: bool, parent: QWidget | None = None) -> None:
        super().__init__(result, source, what, parent=parent)
        self.resize(900, 560)
        self.programme = widgets.ValueCombo()
        for programme in programmes:
            self.programme.add(programme.name, programme.code)
        self.programme.set_value(programme_code)
        self.programme.setToolTip(self.tr("Rows without a programme column count toward this programme"))
        self.create_units = QCheckBox(self.tr("Create the &units the register does not know yet (under this office)"))
        self.create_units.setChecked(create_units)
        options = QFormLayout()
        options.addRow(self.tr("P&rogramme:"), self.programme)
        options.addRow("", self.create_units)

        duplicates = list(getattr(result, "duplicates", []) or [])
        notes = list(getattr(result, "warnings", []) or [])
        created = list(getattr(result, "created_units", []) or [])
        self.notes = QListWidget()
        for duplicate in duplicates:
            message = duplicate.message() if hasattr(duplicate, "message") else str(duplicate)
            self.notes.addItem(message)
        for note in notes:
            self.notes.addItem(str(note))
        if created:
            self.notes.addItem(self.tr("Units to be created: {0}").format(", ".join(created)))
        self.notes_label = QLabel(
            self.tr("Likely duplicates and notes ({0}) — these rows are imported; check them afterwards:").format(
                self.notes.count()
            )
        )
        self.notes_label.setWordWrap(True)
        layout = self.layout()
        layout.insertLayout(1, options)
        position = layout.indexOf(self.buttons)
        layout.insertWidget(position, self.notes_label)
        layout.insertWidget(position + 1, self.notes)
        self.notes_label.setVisible(self.notes.count() > 0)
        self.notes.setVisible(self.notes.count() > 0)
        self.notes.setMaximumHeight(140)

        self.programme.currentIndexChanged.connect(lambda _i: self.recheck_requested.emit())
        self.create_units.toggled.connect(lambda _on: self.recheck_requested.emit())

    def programme_code(self) -> str:
        return self.programme.value() or ""
