"""The import report workbook: a summary and every rejected row with its reason.

Layout of the single sheet "Kết quả" (written with openpyxl's write-only mode):

    1  <title>
    2  (blank)
    3  Số dòng nhận                 | N
    4  Số dòng bỏ qua vì đã có       | N
    5  Số dòng bị từ chối            | N
    6  (blank)
    7  Dòng | Lý do | <column labels…>      ← header of the rejected rows, frozen
    8… one line per rejected row, in sheet order, with the values as they were read

When the result has notes (``warnings``: likely duplicates …), a second sheet "Ghi chú"
lists every one of them (text output shows only the first ``NOTES_SHOWN``).

The file is written next to ``out_path`` under a temporary name and renamed into place, so
an interrupted write never leaves a half-written report.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from core.common.files import write_atomically
from core.common.workbook.columns import Column
from core.common.workbook.errors import WorkbookError
from core.common.workbook.result import ImportResult

SHEET_TITLE = "Kết quả"
NOTES_SHEET_TITLE = "Ghi chú"
SUMMARY_LABELS = ("Số dòng nhận", "Số dòng bỏ qua vì đã có", "Số dòng bị từ chối")
TABLE_HEADER_ROW = 7  # 1-based row of "Dòng | Lý do | …"


def _cell(ws, value: object, *, font=None, wrap: bool = False):
    """A cell of the report, written by :mod:`core.common.xlsx` (the rejected rows' values
    as they were read: a text starting with "=" stays text)."""
    from openpyxl.styles import Alignment

    from core.common import xlsx

    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif value is not None and not isinstance(value, str | int | float | dt.date):
        value = str(value)  # times, durations, anything unusual: shown as text
    number_format = None
    if isinstance(value, dt.datetime):
        number_format = "DD/MM/YYYY HH:MM" if value.time() else "DD/MM/YYYY"
    elif isinstance(value, dt.date):
        number_format = "DD/MM/YYYY"
    alignment = Alignment(wrap_text=True, vertical="top") if wrap else None
    return xlsx.cell(ws, value, font=font, alignment=alignment, number_format=number_format)


def _value_columns(result: ImportResult, columns: Sequence[Column] | None) -> list[tuple[str, str]]:
    if columns is not None:
        return [(c.key, c.label) for c in columns]
    keys: dict[str, None] = {}
    for row in result.rejected:
        keys.update(dict.fromkeys(row.values))
    return [(k, k) for k in keys]


def write_report(
    result: ImportResult,
    out_path: str | os.PathLike[str],
    *,
    title: str,
    columns: Sequence[Column] | None = None,
) -> Path:
    """Write the report of ``result`` to ``out_path`` (.xlsx) and return its path.

    ``columns`` label the value columns (their ``label``, in that order); without them the
    keys found in the rejected rows' values are used. Raises :class:`WorkbookError` when the
    file cannot be written (folder missing or read-only, file open in Excel).
    """
    return write_atomically(
        out_path, lambda tmp: _workbook(result, title, columns).save(tmp), error=WorkbookError)


def _workbook(result: ImportResult, title: str, columns: Sequence[Column] | None):
    # openpyxl is imported when a report is written, not at start-up.
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold, big = Font(bold=True), Font(bold=True, size=14)
    wb = Workbook(write_only=True)
    value_columns = _value_columns(result, columns)
    ws = wb.create_sheet(SHEET_TITLE)
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 60
    for i in range(len(value_columns)):
        ws.column_dimensions[get_column_letter(i + 3)].width = 22
    ws.freeze_panes = f"A{TABLE_HEADER_ROW + 1}"

    ws.append([_cell(ws, title, font=big)])
    ws.append([])
    counts = (len(result.accepted), len(result.skipped), len(result.rejected))
    for label, count in zip(SUMMARY_LABELS, counts, strict=True):
        ws.append([_cell(ws, label, font=bold), _cell(ws, count)])
    ws.append([])
    ws.append(
        [
            _cell(ws, h, font=bold)
            for h in ("Dòng", "Lý do", *(label for _key, label in value_columns))
        ]
    )
    for row in sorted(result.rejected, key=lambda r: r.number):
        ws.append(
            [
                _cell(ws, row.number),
                _cell(ws, row.reason, wrap=True),
                *(_cell(ws, row.values.get(key)) for key, _label in value_columns),
            ]
        )

    notes = list(getattr(result, "warnings", None) or ())
    if notes:
        ws = wb.create_sheet(NOTES_SHEET_TITLE)
        ws.column_dimensions["A"].width = 10
        ws.column_dimensions["B"].width = 110
        ws.freeze_panes = "A2"
        ws.append([_cell(ws, "STT", font=bold), _cell(ws, "Ghi chú", font=bold)])
        for number, note in enumerate(notes, start=1):
            ws.append([number, _cell(ws, str(note))])
    return wb
