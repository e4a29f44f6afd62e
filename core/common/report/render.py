"""Write a report as .xlsx or .pdf, chosen by the output file's suffix."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from core.common.letterhead import OfficeSettings
from core.common.report.model import DocumentInfo, Report, check_suffix


def write_report(report: Report, out_path: str | os.PathLike[str], office: OfficeSettings,
                 info: DocumentInfo, *, is_cancelled: Callable[[], bool] | None = None) -> Path:
    """Write ``report`` as .xlsx or .pdf by the suffix of ``out_path``. ``is_cancelled`` is
    polled while the document is built; when it returns true, :class:`core.common.errors.Cancelled` is
    raised and no file is written (an existing one is left as it was)."""
    kind = check_suffix(out_path)
    if kind == "xlsx":
        from core.common.report.xlsx import write_xlsx

        return write_xlsx(report, out_path, office, info, is_cancelled=is_cancelled)
    from core.common.report.pdf import write_pdf

    return write_pdf(report, out_path, office, info, is_cancelled=is_cancelled)
