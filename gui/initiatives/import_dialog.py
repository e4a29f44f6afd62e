"""What the initiative import adds to the general preview (gui.common.import_preview): its two
options — the programme the rows count toward, creating the units the register does not
know — and its sections: the units the import would create, likely duplicates and notes.
The register page's import (gui.initiatives.transfer) passes these to gui.common.import_flow;
changing an option checks the workbook again."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFormLayout, QWidget

from core.initiatives.ops import ProgrammeInfo
from gui.common import widgets
from gui.common.formatting import format_int
from gui.common.import_preview import (
    ACCEPTED_TAB,
    ImportOptions,
    ImportPreviewDialog,
    PreviewSection,
)


class InitiativeImportOptions(ImportOptions):
    def __init__(self, programmes: Sequence[ProgrammeInfo], programme_code: str, create_units: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.programme = widgets.ValueCombo()
        for programme in programmes:
            self.programme.add(programme.name, programme.code)
        self.programme.set_value(programme_code)
        self.programme.setToolTip(self.tr("Rows without a programme column count toward this programme"))
        self.create_units = QCheckBox(self.tr("Create the &units the register does not know yet (under this office)"))
        self.create_units.setChecked(create_units)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("P&rogramme for rows that name none:"), self.programme)
        form.addRow("", self.create_units)
        self.programme.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.create_units.toggled.connect(lambda _on: self.changed.emit())

    def programme_code(self) -> str:
        return self.programme.value() or ""

    def values(self) -> dict:
        return {"programme": self.programme_code(), "create_units": self.create_units.isChecked()}


def initiative_sections(result) -> list[PreviewSection]:
    """The units the import creates, then likely duplicates and notes (core's Vietnamese)."""
    from core.common.workbook.result import shown_notes  # imported when an import runs

    created = list(getattr(result, "created_units", []) or [])
    notes = [str(note) for note in getattr(result, "warnings", []) or []]
    seen = set(notes)
    for duplicate in getattr(result, "duplicates", []) or []:  # core lists them in warnings too
        message = duplicate.message() if hasattr(duplicate, "message") else str(duplicate)
        if message not in seen:
            seen.add(message)
            notes.append(message)
    created_title = QCoreApplication.translate(
        "InitiativeImportPreviewDialog", "Units to be created under this office ({0}):")
    notes_title = QCoreApplication.translate(
        "InitiativeImportPreviewDialog",
        "Likely duplicates and notes ({0}) — these rows are imported; check them afterwards:")
    return [
        # Their own list on the "Sẽ nhập" tab, above the rows.
        PreviewSection("created_units", created_title.format(format_int(len(created))), created,
                       tab=ACCEPTED_TAB),
        # At most NOTES_SHOWN lines, then how many more: the saved report has them all.
        PreviewSection("notes", notes_title.format(format_int(len(notes))), shown_notes(notes),
                       count=len(notes)),
    ]


class InitiativeImportPreviewDialog(ImportPreviewDialog):
    """The initiative preview built directly (the translation walk, screenshots); the import
    itself builds the same through gui.common.import_flow."""

    def __init__(self, result, source: Path, what: str, programmes: Sequence[ProgrammeInfo],
                 programme_code: str, create_units: bool, parent: QWidget | None = None) -> None:
        from core.initiatives.importing import COLUMNS  # imported when an import runs

        super().__init__(result, source, what, parent, sections=initiative_sections(result),
                         options=InitiativeImportOptions(programmes, programme_code, create_units),
                         columns=COLUMNS)
