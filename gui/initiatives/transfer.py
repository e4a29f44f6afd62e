"""Import, export and print for the initiative register page: the file dialogs, the work
in the background with progress and cancel, the import preview and the decision's number.

Kept apart from the page (gui/initiatives/page.py) so that the page stays about the list.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from core.common.changes import Changes
from core.initiatives import ops
from core.initiatives.ops import RegisterFilter
from gui.common import file_dialogs, jobs
from gui.common.formatting import format_int
from gui.common.import_flow import ImportFlow, ImportSpec
from gui.initiatives.decision import DecisionDialog
from gui.initiatives.import_dialog import InitiativeImportOptions, initiative_sections

DEFAULT_IMPORT_PROGRAMME = "1TRIEU-SK"


class RegisterTransfers(QObject):
    """What the page's Import, Export and Print actions do. ``page`` is the RegisterPage:
    its database, list, message bar and programmes."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self._page = page
        self._db = page._db
        self.last_job: jobs.Job | None = None
        self.import_flow: ImportFlow | None = None

    # --- import ----------------------------------------------------------------------------
    def _import(self) -> ImportFlow:
        """The page's one import flow (it keeps the options last chosen in the preview)."""
        if self.import_flow is None:
            from core.initiatives.importing import COLUMNS, import_initiatives

            spec = ImportSpec(
                what=self.tr("initiatives"), title=self.tr("Import initiatives from a workbook"),
                run=import_initiatives, columns=COLUMNS,
                options={"programme": DEFAULT_IMPORT_PROGRAMME, "create_units": False},
                changes=lambda result: Changes(initiatives=True, units=bool(result.created_units)),
                sections=initiative_sections,
                option_controls=lambda values: InitiativeImportOptions(
                    self._page.programmes, values["programme"], values["create_units"]),
                done_note=self._duplicates_note,
            )
            self.import_flow = ImportFlow(self._page, self._db, spec,
                                          show_message=lambda text: self._page.message_bar.show_message(text))
            self.import_flow.job_started.connect(lambda job: setattr(self, "last_job", job))
            self.import_flow.imported.connect(self._imported)
        return self.import_flow

    def import_workbook(self) -> jobs.Job | None:
        return self._import().start()

    def check_import(self, path: Path, programme: str | None = None, create_units: bool | None = None) -> jobs.Job:
        """Dry run in the background, then the preview (options: as last chosen)."""
        given = {"programme": programme, "create_units": create_units}
        return self._import().check(path, **{k: v for k, v in given.items() if v is not None})

    @property
    def preview_dialog(self):
        return self.import_flow.preview_dialog if self.import_flow is not None else None

    def _duplicates_note(self, result) -> str:
        duplicates = len(getattr(result, "duplicates", []) or [])
        return self.tr("{0} may be duplicates: check them.").format(format_int(duplicates)) if duplicates else ""

    def _imported(self, result) -> None:
        if getattr(result, "created_units", None):
            self._page.reload_units()
        self._page.model.reload()
        self._page._load_years()

    # --- export ----------------------------------------------------------------------------
    def _save_path(self, title: str, name: str, pattern: str, suffix: str) -> Path | None:
        kind = file_dialogs.FileKind.DOCUMENT if suffix == ".pdf" else file_dialogs.FileKind.EXPORT
        return file_dialogs.save_file(self._page, title, kind, name, [(pattern, suffix)])

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
