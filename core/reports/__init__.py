"""Official report tables, each written as a formatted workbook (.xlsx) or as a PDF in the
Decree 30/2020 layout (.pdf), chosen by the output file's suffix:

- :func:`fund_model_report` — "CHỈ TIÊU thực hiện nhân rộng Mô hình “Quỹ Tương hỗ Công
  đoàn” năm …" (seed 000's table);
- :func:`progress_report` — progress against the initiative targets by unit, for a
  programme phase or the whole programme;
- :func:`summary_report` — the register summed up for a period (6 months, a year, dates).

Each takes a Session or an AppDatabase, its parameters and the output path, and returns the
path written (atomically: a temporary file renamed into place); ``is_cancelled`` is polled
while the document is built and raises :class:`core.pdf.ExportCancelled`, writing nothing. The ``build_*`` functions give the :class:`~core.reports.model.Report` itself
(for a preview), :func:`period_summary` and :func:`progress_rows` the figures. Neither
openpyxl nor reportlab is imported until a file is written.

    from core.reports import fund_model_report
    fund_model_report(db, "chi-tieu-2023.pdf", year=2023, note="Kèm theo …", number=8)
"""

from core.reports.fund_model import build_fund_model_report, fund_model_lines, fund_model_report
from core.reports.initiative_progress import build_progress_report, progress_report, progress_rows
from core.reports.model import SUFFIXES, DocumentInfo, Report, check_suffix
from core.reports.period_summary import (
    PeriodSummary,
    build_summary_report,
    period_label,
    period_summary,
    summary_report,
)
from core.reports.render import write_report

__all__ = [
    "SUFFIXES",
    "DocumentInfo",
    "PeriodSummary",
    "Report",
    "build_fund_model_report",
    "build_progress_report",
    "build_summary_report",
    "check_suffix",
    "fund_model_lines",
    "fund_model_report",
    "period_label",
    "period_summary",
    "progress_report",
    "progress_rows",
    "summary_report",
    "write_report",
]
