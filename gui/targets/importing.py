"""Importing targets from a workbook (core.targets.importing): choose the file, a dry run in the
background, the preview, then the real import — as the organisation page imports units."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from core.common.database import AppDatabase
from gui.common import jobs, widgets
from gui.common.formatting import format_int
from gui.common.import_preview import ImportPreviewDialog


class TargetImportFlow(QObject):
    imported = Signal(object)  # the import result

    def __init__(self, parent: QWidget, db: AppDatabase, programme_code: str | None,
                 phase: int | None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._db = db
        self._programme = programme_code
        self._phase = 0 if phase is None else phase  # 0: the whole programme
        self.preview_dialog: ImportPreviewDialog | None = None
        self.last_job: jobs.Job | None = None

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Import targets from a workbook"), "",
            self.tr("Workbooks (*.xlsx *.xls *.ods)"),
        )
        if path:
            self.check(Path(path))

    def _importer(self):
        from core.targets.importing import import_targets

        return import_targets

    def _work(self, path: Path, dry_run: bool):
        importer, db, programme, phase = self._importer(), self._db, self._programme, self._phase
        if importer is None:
            return None

        def work(ctx: jobs.JobContext):
            return importer(db, path, dry_run=dry_run, programme=programme, phase=phase,
                            progress=ctx.progress, is_cancelled=ctx.is_cancelled)

        return work

    def check(self, path: Path) -> jobs.Job | None:
        """The dry run, then the preview; accepting the preview imports for real."""
        work = self._work(path, dry_run=True)
        if work is None:
            return None
        self.last_job = jobs.run_with_progress(
            self._parent, self.tr("Checking {0}…").format(path.name), work,
            on_success=lambda result: self._preview(path, result),
        )
        return self.last_job

    def _preview(self, path: Path, result) -> None:
        dialog = ImportPreviewDialog(result, path, self.tr("targets"), parent=self._parent)
        dialog.accepted.connect(lambda: self.run(path))
        self.preview_dialog = dialog
        dialog.open()

    def run(self, path: Path) -> jobs.Job | None:
        work = self._work(path, dry_run=False)
        if work is None:
            return None
        self.last_job = jobs.run_with_progress(
            self._parent, self.tr("Importing {0}…").format(path.name), work, on_success=self._done,
            on_cancelled=lambda: widgets.show_info(self._parent, self.tr("Import cancelled; nothing was saved.")),
        )
        return self.last_job

    def _done(self, result) -> None:
        self.imported.emit(result)
        widgets.show_info(
            self._parent,
            self.tr("Imported {0} targets; {1} unchanged, {2} rejected.").format(
                format_int(len(result.accepted)), format_int(len(result.skipped)), format_int(len(result.rejected))
            ),
        )
