"""Importing targets from a workbook (core.targets.importing) through the common import flow
(gui.common.import_flow): choose the file, a dry run in the background, the preview, the real
import, a message and the change notice ``Changes(targets=True)``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from core.common.changes import Changes
from core.common.database import AppDatabase
from gui.common.import_flow import ImportFlow, ImportSpec


def targets_import_spec(programme_code: str | None, phase: int | None) -> ImportSpec:
    """Rows without a programme or phase count toward ``programme_code`` / ``phase``
    (phase ``None``: the whole programme)."""
    from core.targets import importing

    return ImportSpec(
        what=QCoreApplication.translate("TargetImportFlow", "targets"),
        title=QCoreApplication.translate("TargetImportFlow", "Import targets from a workbook"),
        run=importing.import_targets,
        columns=lambda result: (importing.FUND_MODEL_COLUMNS if result.kind == importing.FUND_MODEL
                                else importing.INITIATIVE_COLUMNS),
        options={"programme": programme_code, "phase": 0 if phase is None else phase},
        changes=Changes(targets=True),
    )


class TargetImportFlow(ImportFlow):
    """The flow for the dashboard and the targets grid; ``imported(result)`` lets them reload."""

    def __init__(self, parent: QWidget, db: AppDatabase, programme_code: str | None,
                 phase: int | None) -> None:
        super().__init__(parent, db, targets_import_spec(programme_code, phase))

    def choose_file(self):
        return self.start()
