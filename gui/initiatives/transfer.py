"""Import, export and print for the initiative register page: the file dialogs, the work
in the background with progress and cancel, the import preview and the decision's number.

Kept apart from the page (gui/initiatives/page.py) so that the page stays about the list.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from core.initiatives import ops
from core.initiatives.ops import RegisterFilter
from gui.common import jobs
from gui.common.formatting import format_int
from gui.initiatives.decision import DecisionDialog
from gui.initiatives.import_dialog import InitiativeImportPreviewDialog

DEFAULT_IMPORT_PROGRAMME = "1TRIEU-SK"


class RegisterTransfers(QObject):
    """What the page's Import, Export and Print actions do. ``page`` is the RegisterPage:
    its database, list, message bar and programmes."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self._page = page
        self._db = page._db
        self.last_job: jobs.Job | None = None
        self.preview_dialog: InitiativeImportPreviewDialog | None = None
        self._import_options = (DEFAULT_IMPORT_PROGRAMME, False)

    # --- import ----------------------------------------------------------------------------
    def import_workbook(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._page,
            self.tr("Import initiatives from a workbook"),
            "",
            self.tr("Workbooks (*.xlsx *.xls *.ods)"),
        )
        if path:
            self.check_import(Path(path))

    def _importer(self):
        from core.initiatives.importing import import_initiatives

        return import_initiatives

    def check_import(self, path: Path, programme: str | None = None, create_units: bool | None = None) -> jobs.Job | None:
        """Dry run in the background, then the preview dialog."""
        importer = self._importer()
        if importer is None:
            return None
        default_programme, default_create = self._import_options
        options = (programme or default_programme, default_create if create_units is None else create_units)
        self._import_options = options
        db = self._db

        def work(ctx: jobs.JobContext):
            return importer(db, path, dry_run=True, create_units=options[1], programme=options[0],
                            progress=ctx.progress, is_cancelled=ctx.is_cancelled)

        self.last_job = jobs.run_with_progress(
            self._page,
            self.tr("Checking {0}…").format(path.name),
            work,
            on_success=lambda result: self._show_preview(path, result),
            on_cancelled=lambda: self._page.message_bar.show_message(self.tr("Import cancelled; nothing was saved.")),
        )
        return self.last_job

    def _show_preview(self, path: Path, result) -> None:
        programme, create_units = self._import_options
        dialog = InitiativeImportPreviewDialog(
            result, path, self.tr("initiatives"), self._page.programmes, programme, create_units, parent=self._page
        )
        dialog.accepted.connect(lambda: self.run_import(path))
        dialog.recheck_requested.connect(lambda: self._recheck(dialog, path))
        self.preview_dialog = dialog
        dialog.open()

    def _recheck(self, dialog: InitiativeImportPreviewDialog, path: Path) -> None:
        programme, create_units = dialog.programme_code(), dialog.create_units.isChecked()
        dialog.done(0)
        dialog.deleteLater()
        self.check_import(path, programme, create_units)

    def run_import(self, path: Path) -> jobs.Job | None:
        importer = self._importer()
        if importer is None:
            return None
        programme, create_units = self._import_options
        db = self._db

        def work(ctx: jobs.JobContext):
            return importer(db, path, dry_run=False, create_units=create_units, programme=programme,
                            progress=ctx.progress, is_cancelled=ctx.is_cancelled)

        self.last_job = jobs.run_with_progress(
            self._page,
            self.tr("Importing {0}…").format(path.name),
            work,
            on_success=self._imported,
            on_cancelled=lambda: self._page.message_bar.show_message(self.tr("Import cancelled; nothing was saved.")),
        )
        return self.last_job

    def _imported(self, result) -> None:
        if getattr(result, "created_units", None):
            self._page.reload_units()
        self._page.model.reload()
        self._page._load_years()
        duplicates = len(getattr(result, "duplicates", []) or [])
        text = self.tr("Imported {0} initiatives; {1} skipped, {2} rejected.").format(
            format_int(len(result.accepted)), format_int(len(result.skipped)), format_int(len(result.rejected))
        )
        if duplicates:
            text += " " + self.tr("{0} may be duplicates: check them.").format(format_int(duplicates))
        self._page.message_bar.show_message(text)

    # --- export ----------------------------------------------------------------------------
    def _save_path(self, title: str, name: str, pattern: str, suffix: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self._page, title, name, pattern)
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        return Path(path)

    def export_register(self, path: Path | None = None) -> jobs.Job | None:
        path = path or self._save_path(self.tr("Export the register"), f"so-theo-doi-sang-kien-{date.today():%Y%m%d}.xlsx",
                                       self.tr("Excel workbook (*.xlsx)"), ".xlsx")
        if path is None:
            return None
        db, f = self._db, self._page.model.filter

        def work(ctx: jobs.JobContext):
            return ops.export_register(db, path, f, progress=ctx.progress, is_cancelled=ctx.is_cancelled)

        return self._run_export(work, path)

    def export_portal_list(self, path: Path | None = None) -> jobs.Job | None:
        path = path or self._save_path(self.tr("List for the national portal"), f"danh-sach-cong-sang-kien-{date.today():%Y%m%d}.xlsx",
                                       self.tr("Excel workbook (*.xlsx)"), ".xlsx")
        if path is None:
            return None
        db, f = self._db, self._page.model.filter

        def work(ctx: jobs.JobContext):
            return ops.export_portal_list(db, path, f, progress=ctx.progress, is_cancelled=ctx.is_cancelled)

        return self._run_export(work, path)

    def write_template(self, path: Path | None = None) -> jobs.Job | None:
        path = path or self._save_path(self.tr("Blank import template"), "mau-nhap-sang-kien.xlsx",
                                       self.tr("Excel workbook (*.xlsx)"), ".xlsx")
        if path is None:
            return None
        db = self._db

        def work(_ctx: jobs.JobContext):
            return ops.write_template(db, path)

        return self._run_export(work, path)

    def _run_export(self, work, path: Path) -> jobs.Job:
        def finished(result) -> None:
            if isinstance(result, int) and not isinstance(result, bool):
                text = self.tr("Wrote {0} initiatives to {1}.").format(format_int(result), path)
            else:
                text = self.tr("Saved {0}.").format(path)
            self._page.message_bar.show_message(text)

        self.last_job = jobs.run_with_progress(
            self._page,
            self.tr("Writing {0}…").format(path.name),
            work,
            on_success=finished,
            on_cancelled=lambda: self._page.message_bar.show_message(self.tr("Export cancelled; no file was written.")),
        )
        return self.last_job

    # --- print -------------------------------------------------------------------------------
    def print_description(self, path: Path | None = None) -> jobs.Job | None:
        initiative_id = self._page.current_id()
        if initiative_id is None:
            return None
        at = self._page.model.row_of(initiative_id)
        row = self._page.model.row_at(at) if at is not None else None
        number = row.number if row is not None else "sang-kien"
        path = path or self._save_path(self.tr("Description report"), f"bao-cao-mo-ta-{number}.pdf",
                                       self.tr("PDF document (*.pdf)"), ".pdf")
        if path is None:
            return None
        db = self._db

        def work(ctx: jobs.JobContext):
            return ops.write_description_report(db, initiative_id, path, is_cancelled=ctx.is_cancelled)

        return self._run_export(work, path)

    def _valid_filter(self) -> RegisterFilter | None:
        return ops.valid_filter(self._page.model.filter)

    def print_decision(self) -> DecisionDialog:
        symbol = ops.decision_defaults(self._db).symbol
        scope = self._page.count_label.text() or self.tr("every initiative")
        dialog = DecisionDialog(symbol, scope, parent=self._page)
        valid = self._valid_filter()
        if valid is None:
            dialog.set_count(0)
        else:
            db = self._db

            def work(_ctx):
                return ops.totals(db, valid).count

            jobs.run_job(work, on_success=dialog.set_count, on_failure=lambda _e: None, owner=dialog)
        dialog.accepted.connect(lambda: self._decision_chosen(dialog))
        self._page.dialog = dialog
        dialog.open()
        return dialog

    def _decision_chosen(self, dialog: DecisionDialog, path: Path | None = None) -> jobs.Job | None:
        valid = self._valid_filter()
        signed = dialog.signed()
        if valid is None or signed is None:
            return None
        number, symbol = dialog.number.value(), dialog.symbol_text() or None
        path = path or self._save_path(self.tr("Recognition decision"), f"quyet-dinh-cong-nhan-sang-kien-{number:02d}.pdf",
                                       self.tr("PDF document (*.pdf)"), ".pdf")
        if path is None:
            return None
        return self.write_decision(path, valid, number, signed, symbol)

    def write_decision(self, path: Path, selection, number: int, signed_on: date, symbol: str | None = None) -> jobs.Job:
        db = self._db

        def work(ctx: jobs.JobContext):
            return ops.write_recognition_decision(db, selection, path, number=number, signed_on=signed_on,
                                                  symbol=symbol, is_cancelled=ctx.is_cancelled)

        return self._run_export(work, path)
