"""The dashboard's "Official reports" menu: the progress table, the initiative summary of the
phase and the mutual-aid fund model targets, written by core.targets.ops as .xlsx or .pdf in a
background job (the format follows the file name the user picks)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from core.common.database import AppDatabase
from core.common.text import fold
from core.targets import ops
from gui.common import file_dialogs, jobs, widgets
from gui.common.pdf_preview import PdfPreviewDialog

if TYPE_CHECKING:
    from gui.targets.page import DashboardPage


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split())


class ReportActions(QObject):
    def __init__(self, page: DashboardPage, db: AppDatabase) -> None:
        super().__init__(page)
        self._page = page
        self._db = db
        self.last_job: jobs.Job | None = None
        self.preview: PdfPreviewDialog | None = None  # the last PDF report shown
        self.menu = QMenu(page)
        self.act_progress = QAction(self.tr("Progress against targets…"), self)
        self.act_progress.setToolTip(self.tr("The units shown, with target, achieved, percent and shortfall"))
        self.act_progress.triggered.connect(lambda _checked=False: self.ask_progress())
        self.act_summary = QAction(self.tr("Initiative summary of the phase…"), self)
        self.act_summary.setToolTip(self.tr("Initiatives by kind, field and sector, with their benefit value"))
        self.act_summary.triggered.connect(lambda _checked=False: self.ask_summary())
        self.fund_menu = QMenu(self.tr("Mutual-aid fund model targets"), page)
        self.menu.addAction(self.act_progress)
        self.menu.addAction(self.act_summary)
        self.menu.addMenu(self.fund_menu)
        self.menu.aboutToShow.connect(self._fill_fund_menu)
        self._fill_fund_menu()

    def update(self, page: DashboardPage) -> None:
        ready = page.table_data is not None
        self.act_progress.setEnabled(ready)
        self.act_summary.setEnabled(ready and page.table_data.starts_on is not None)

    def _fill_fund_menu(self) -> None:
        self.fund_menu.clear()
        context = self._page.context
        years = context.fund_model_years if context is not None else ()
        for year in years:
            action = self.fund_menu.addAction(self.tr("Year {0}…").format(year))
            action.triggered.connect(lambda _checked=False, year=year: self.ask_fund_model(year))
        if not years:
            none = self.fund_menu.addAction(self.tr("No fund model targets yet"))
            none.setEnabled(False)

    # --- choosing the file ------------------------------------------------------------
    def _ask_path(self, title: str, name: str) -> Path | None:
        excel, pdf = self.tr("Excel workbook (*.xlsx)"), self.tr("PDF document (*.pdf)")
        return file_dialogs.save_file(self._page, title, file_dialogs.FileKind.REPORT, f"{name}.xlsx",
                                      [(excel, ".xlsx"), (pdf, ".pdf")])

    def _run(self, path: Path, work) -> jobs.Job:
        """``work(ctx)`` writes the report in the background; the path it returns is shown
        (a PDF in the preview, from which it is printed: gui.common.pdf_preview)."""
        page = self._page

        def written(done) -> None:
            done = Path(done)
            if done.suffix.lower() == ".pdf":
                if self.preview is not None and shiboken6.isValid(self.preview):
                    self.preview.deleteLater()  # one report previewed at a time
                self.preview = PdfPreviewDialog(done, title=done.name, file_name=done.name,
                                                folder=done.parent, parent=page, saved=True)
                self.preview.open()
            else:
                widgets.show_info(page, self.tr("The report was saved to {0}.").format(done))

        self.last_job = jobs.run_with_progress(
            page, self.tr("Writing {0}…").format(path.name), work, on_success=written)
        return self.last_job

    # --- the reports --------------------------------------------------------------------
    def ask_progress(self) -> None:
        page = self._page
        programme, params = page.programme(), page.params()
        if programme is None or params is None:
            return
        phase = "ca-chuong-trinh" if params.phase is None else f"gd{params.phase}"
        path = self._ask_path(self.tr("Save the progress report"),
                              f"tien-do-{_slug(programme.code)}-{phase}-{params.as_of:%Y%m%d}")
        if path is not None:
            self.write_progress(path)

    def write_progress(self, path: Path) -> jobs.Job | None:
        page = self._page
        params, scope = page.params(), page.scope_row()
        if params is None:
            return None
        db, root = self._db, scope.code if scope is not None else None
        return self._run(path, lambda ctx: ops.write_progress_report(
            db, path, programme_id=params.programme_id, phase=params.phase, rule=params.rule,
            as_of=params.as_of, root=root, is_cancelled=ctx.is_cancelled))

    def summary_period(self) -> tuple[date, date] | None:
        table, params = self._page.table_data, self._page.params()
        if table is None or params is None or table.starts_on is None:
            return None
        ends = table.ends_on or params.as_of
        if table.starts_on <= params.as_of < ends:
            ends = params.as_of
        return table.starts_on, ends

    def ask_summary(self) -> None:
        period = self.summary_period()
        if period is None:
            return
        path = self._ask_path(self.tr("Save the initiative summary"),
                              f"tong-hop-sang-kien-{period[0]:%Y%m%d}-{period[1]:%Y%m%d}")
        if path is not None:
            self.write_summary(path)

    def write_summary(self, path: Path) -> jobs.Job | None:
        period = self.summary_period()
        if period is None:
            return None
        scope = self._page.scope_row()
        db, root = self._db, scope.code if scope is not None else None
        return self._run(path, lambda ctx: ops.write_summary_report(
            db, path, date_from=period[0], date_to=period[1], root=root,
            is_cancelled=ctx.is_cancelled))

    def ask_fund_model(self, year: int) -> None:
        path = self._ask_path(self.tr("Save the fund model targets"), f"chi-tieu-quy-tuong-ho-{year}")
        if path is not None:
            self.write_fund_model(year, path)

    def write_fund_model(self, year: int, path: Path) -> jobs.Job | None:
        db = self._db
        return self._run(path, lambda ctx: ops.write_fund_model_report(
            db, path, year=year, is_cancelled=ctx.is_cancelled))
