"""Import, export and print for the initiative register page: the file dialogs, the work
in the background with progress and cancel, the import preview and the decision's number.

Kept apart from the page (gui/initiatives/page.py) so that the page stays about the list.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from core.common.changes import Changes
from core.initiatives import ops
from gui.common import file_dialogs, jobs
from gui.common.formatting import format_int
from gui.common.import_flow import ImportFlow, ImportSpec
from gui.common.pdf_preview import PdfPreviewDialog
from gui.initiatives.common import running_programme
from gui.initiatives.decision import DecisionDialog
from gui.initiatives.import_dialog import InitiativeImportOptions, initiative_sections


def default_import_programme(programmes, on: date) -> str:
    """The programme an import files its initiatives under unless the preview says otherwise:
    the one running on ``on`` (not the ended "01 triệu sáng kiến"), else the first."""
    running = running_programme(programmes, on)
    if running is not None:
        return running.code
    return programmes[0].code if programmes else ""


class RegisterTransfers(QObject):
    """What the page's Import, Export and Print actions do. ``page`` is the RegisterPage:
    its database, list, message bar and programmes."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self._page = page
        self._db = page._db
        self.last_job: jobs.Job | None = None
        self.import_flow: ImportFlow | None = None
        self.preview: PdfPreviewDialog | None = None  # the last document previewed

    # --- import ----------------------------------------------------------------------------
    def _import(self) -> ImportFlow:
        """The page's one import flow (it keeps the options last chosen in the preview)."""
        if self.import_flow is None:
            from core.initiatives.importing import COLUMNS, import_initiatives

            spec = ImportSpec(
                what=self.tr("initiatives"), title=self.tr("Import initiatives from a workbook"),
                run=import_initiatives, columns=COLUMNS,
                options={"programme": default_import_programme(self._page.programmes, date.today()),
                         "create_units": False},
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

    def export_portal_list(self, path: Path | None = None, include_under_review: bool = False) -> jobs.Job | None:
        """The recognised initiatives of the list as filtered (those under review too only
        with ``include_under_review``: the second menu entry) for the national portal."""
        path = path or self._save_path(self.tr("List for the national portal"), f"danh-sach-cong-sang-kien-{date.today():%Y%m%d}.xlsx",
                                       self.tr("Excel workbook (*.xlsx)"), ".xlsx")
        if path is None:
            return None
        db, f = self._db, self._page.model.filter

        def work(ctx: jobs.JobContext):
            return ops.export_portal_list(db, path, f, progress=ctx.progress, is_cancelled=ctx.is_cancelled,
                                          include_under_review=include_under_review)

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
        """The description report of the current initiative: previewed (print, save), or
        written straight to ``path`` when one is given."""
        initiative_id = self._page.current_id()
        if initiative_id is None:
            return None
        at = self._page.model.row_of(initiative_id)
        row = self._page.model.row_at(at) if at is not None else None
        number = row.number if row is not None else "sang-kien"
        db = self._db
        if path is not None:
            def work(ctx: jobs.JobContext):
                return ops.write_description_report(db, initiative_id, path, is_cancelled=ctx.is_cancelled)

            return self._run_export(work, path)
        return self._preview(
            lambda target, ctx: ops.write_description_report(db, initiative_id, target,
                                                             is_cancelled=ctx.is_cancelled),
            self.tr("Description report"), f"bao-cao-mo-ta-{number}.pdf")

    def _preview(self, write, title: str, file_name: str) -> jobs.Job:
        """``write(path, ctx)`` into a temporary file in the background, then the preview."""
        def work(ctx: jobs.JobContext) -> bytes:
            with tempfile.TemporaryDirectory(prefix="socongdoan-") as folder:
                target = Path(folder) / file_name
                write(target, ctx)
                return target.read_bytes()

        def show(data: bytes) -> None:
            if self.preview is not None and shiboken6.isValid(self.preview):
                self.preview.deleteLater()  # one document previewed at a time
            self.preview = PdfPreviewDialog(data, title=title, file_name=file_name, parent=self._page)
            self.preview.open()

        self.last_job = jobs.run_with_progress(
            self._page, self.tr("Preparing {0}…").format(file_name), work, on_success=show,
            on_cancelled=lambda: self._page.message_bar.show_message(self.tr("Cancelled; nothing was printed.")),
        )
        return self.last_job

    def print_decision(self) -> DecisionDialog:
        """The decision's own dialog: its period, what it includes, its number and date."""
        symbol = ops.decision_defaults(self._db).symbol
        years = ops.registration_years(self._db)
        dialog = DecisionDialog(self._db, symbol, years, parent=self._page)
        dialog.accepted.connect(lambda: self._decision_chosen(dialog))
        self._page.dialog = dialog
        dialog.open()
        return dialog

    def _decision_chosen(self, dialog: DecisionDialog) -> jobs.Job | None:
        selection, signed = dialog.selection(), dialog.signed()
        if not selection or signed is None:
            return None
        number, symbol, year = dialog.number.value(), dialog.symbol_text() or None, dialog.chosen_year()
        db = self._db
        return self._preview(
            lambda target, ctx: ops.write_recognition_decision(
                db, selection, target, number=number, signed_on=signed, symbol=symbol, year=year,
                is_cancelled=ctx.is_cancelled),
            self.tr("Recognition decision"), f"quyet-dinh-cong-nhan-sang-kien-{number:02d}.pdf")

    def write_decision(self, path: Path, selection, number: int, signed_on: date, symbol: str | None = None,
                       year: int | None = None) -> jobs.Job:
        """The decision written straight to ``path`` (the headless way; the window previews)."""
        db = self._db

        def work(ctx: jobs.JobContext):
            return ops.write_recognition_decision(db, selection, path, number=number, signed_on=signed_on,
                                                  symbol=symbol, year=year, is_cancelled=ctx.is_cancelled)

        return self._run_export(work, path)
