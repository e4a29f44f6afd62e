"""Write a report as .xlsx or .pdf, chosen by the output file's suffix."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from core.common.letterhead import OfficeSettings
from core.common.report.model import DocumentInfo, Report, check_suffix


def _umask() -> int:
    """The process umask without changing it (os.umask would, for every thread)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _usual_permissions(path: Path) -> None:
    """The temporary file the writers rename into place is private (0600); give the
    document the permissions of any file the user saves."""
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, 0o666 & ~_umask())


def write_report(report: Report, out_path: str | os.PathLike[str], office: OfficeSettings,
                 info: DocumentInfo, *, is_cancelled: Callable[[], bool] | None = None) -> Path:
    """Write ``report`` as .xlsx or .pdf by the suffix of ``out_path``. ``is_cancelled`` is
    polled while the document is built; when it returns true, :class:`core.common.errors.Cancelled` is
    raised and no file is written (an existing one is left as it was)."""
    kind = check_suffix(out_path)
    if kind == "xlsx":
        from core.common.report.xlsx import write_xlsx

        path = write_xlsx(report, out_path, office, info, is_cancelled=is_cancelled)
    else:
        from core.common.report.pdf import write_pdf

        path = write_pdf(report, out_path, office, info, is_cancelled=is_cancelled)
    _usual_permissions(path)
    return path
