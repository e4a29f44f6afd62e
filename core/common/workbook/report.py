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
        # Only the columns some rejected row has a value in: 21 mostly empty columns would
        # print too small to read.
        held = {k for row in result.rejected for k, v in row.values.items() if v is not None}
        return [(c.key, c.label) for c in columns if c.key in held]
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

    from core.common import xlsx

    bold, big = Font(bold=True), Font(bold=True, size=14)
    wb = Workbook(write_only=True)
    value_columns = _value_columns(result, columns)
    ws = wb.create_sheet(SHEET_TITLE)
    # Printable (core.common.xlsx): A4 landscape, or A3 for many columns, one page wide at
    # 9 pt or more, the header row on every page, each row as tall as its wrapped text.
    layout = xlsx.print_layout([28, 60, *([22] * len(value_columns))],
                               [True] * (len(value_columns) + 2), header_size=11)
    xlsx.apply_print_setup(ws, layout, title_rows=(TABLE_HEADER_ROW, TABLE_HEADER_ROW))
    ws.freeze_panes = f"A{TABLE_HEADER_ROW + 1}"

    xlsx.set_row_height(ws, 1, xlsx.line_height(
        xlsx.text_lines(title, sum(layout.widths), 14), 14))
    ws.append([_cell(ws, title, font=big)])
    ws.merged_cells.add(f"A1:{_letter(len(layout.widths))}1")
    ws.append([])
    counts = (len(result.accepted), len(result.skipped), len(result.rejected))
    for label, count in zip(SUMMARY_LABELS, counts, strict=True):
        ws.append([_cell(ws, label, font=bold), _cell(ws, count)])
    ws.append([])
    headers = ("Dòng", "Lý do", *(label for _key, label in value_columns))
    xlsx.set_row_height(ws, TABLE_HEADER_ROW, layout.row_height(headers, every_column=True))
    ws.append([_cell(ws, h, font=bold, wrap=True) for h in headers])
    row_number = TABLE_HEADER_ROW + 1
    for row in sorted(result.rejected, key=lambda r: r.number):
        cells = [
            _cell(ws, row.number, wrap=True),
            _cell(ws, row.reason, wrap=True),
            *(_cell(ws, row.values.get(key), wrap=True) for key, _label in value_columns),
        ]
        xlsx.set_row_height(ws, row_number, layout.row_height([c.value for c in cells]))
        ws.append(cells)
        row_number += 1

    notes = list(getattr(result, "warnings", None) or ())
    if notes:
        ws = wb.create_sheet(NOTES_SHEET_TITLE)
        layout = xlsx.print_layout([10, 110], [False, True], header_size=11)
        xlsx.apply_print_setup(ws, layout, title_rows=(1, 1))
        ws.freeze_panes = "A2"
        ws.append([_cell(ws, "STT", font=bold), _cell(ws, "Ghi chú", font=bold)])
        for number, note in enumerate(notes, start=2):
            text = str(note)
            xlsx.set_row_height(ws, number, layout.row_height([None, text]))
            ws.append([_cell(ws, number - 1, wrap=True), _cell(ws, text, wrap=True)])
    return wb


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)
