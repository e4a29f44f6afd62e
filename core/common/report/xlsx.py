"""A :class:`~core.common.report.model.Report` as a formatted workbook, ready to print on A4.

One sheet: the title, summary and italic notes merged across the table, then each table
(thin borders on every cell, bold centred header and bold totals row, Times New Roman
throughout), then the place–date line and the signature block on the right. Page setup:
A4, fit to one page wide, Decree 30 margins, the table header repeated on every printed page
(print titles) and page numbers from page 2 in the top margin.

Every cell is written by :mod:`core.common.xlsx` (a unit's name or a note starting with "="
stays text). The workbook is written to a temporary file in the output folder and renamed
into place.
openpyxl is imported here only, when a workbook is written.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.common import xlsx
from core.common.errors import Cancelled
from core.common.files import write_atomically
from core.common.letterhead import OfficeSettings
from core.common.report.model import CENTER, DocumentInfo, Report, Table, Text
from core.common.text import nfc
from core.common.vnformat import date_line

FONT = "Times New Roman"
SIZE = 12
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_MM_PER_INCH = 25.4
_POINTS_PER_LINE = {11: 15.0, 12: 16.0, 13: 17.5, 14: 18.5}


def _font(bold: bool = False, italic: bool = False, size: float = SIZE) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic)


def _lines(text: str, width_chars: float, size: float = SIZE) -> int:
    """Lines a wrapped text takes in a cell ``width_chars`` wide (an estimate: Excel never
    sizes merged cells itself)."""
    per_line = max(width_chars * 12 / size * 1.05, 1)
    return max(1, sum(math.ceil(max(len(part), 1) / per_line) for part in text.split("\n")))


def _height(lines: int, size: float = SIZE) -> float:
    return lines * _POINTS_PER_LINE.get(round(size), size * 1.3) + 2


class _Sheet:
    def __init__(self, ws: Worksheet, ncols: int, widths: list[float]):
        self.ws, self.ncols, self.widths = ws, ncols, widths
        self.row = 1

    def merged(self, text: str, *, first: int = 1, last: int | None = None, bold=False,
               italic=False, size: float = SIZE, align: str = CENTER) -> None:
        last = last or self.ncols
        cell = xlsx.write(self.ws, self.row, first, nfc(text))
        cell.font = _font(bold, italic, size)
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        if last > first:
            self.ws.merge_cells(start_row=self.row, start_column=first, end_row=self.row,
                                end_column=last)
        width = sum(self.widths[first - 1:last])
        lines = _lines(text, width, size)
        if lines > 1 or size > SIZE:
            self.ws.row_dimensions[self.row].height = _height(lines, size)
        self.row += 1

    def table(self, table: Table) -> int:
        """Write ``table``; returns the sheet row of its header."""
        ws = self.ws
        if table.heading:
            self.merged(table.heading, bold=True, align="left")
        if table.unit_note:
            self.merged(table.unit_note, italic=True, align="right")
        header_row = self.row
        lines = 1
        for c, column in enumerate(table.columns, start=1):
            cell = xlsx.write(ws, self.row, c, nfc(column.header))
            cell.font = _font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = _BORDER
            lines = max(lines, _lines(column.header, self.widths[c - 1] - 1))
        ws.row_dimensions[self.row].height = _height(lines)
        self.row += 1
        for row in table.rows:
            self._row(table, row)
        if table.totals is not None:
            self._row(table, table.totals, bold=True)
        return header_row

    def _row(self, table: Table, row, bold: bool = False) -> None:
        lines = 1
        for c, (column, value) in enumerate(zip(table.columns, row.cells, strict=True), start=1):
            if isinstance(value, str):
                value = nfc(value)
            cell = xlsx.write(self.ws, self.row, c, value)
            cell.font = _font(bold=bold or row.bold)
            cell.border = _BORDER
            indent = row.indent if c - 1 == table.indent_column else 0
            cell.alignment = Alignment(horizontal=column.align, vertical="center",
                                       wrap_text=True, indent=indent)
            if isinstance(value, int) and column.number_format:
                cell.number_format = column.number_format
            if isinstance(value, str):
                lines = max(lines, _lines(value, self.widths[c - 1] - 1 - 2 * indent))
        if lines > 1:
            self.ws.row_dimensions[self.row].height = _height(lines)
        self.row += 1


def build_workbook(report: Report, office: OfficeSettings, info: DocumentInfo) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = report.sheet_name[:31]
    ncols = max((len(t.columns) for t in report.tables), default=2)
    widths = [0.0] * ncols
    for table in report.tables:
        for i, column in enumerate(table.columns):
            widths[i] = max(widths[i], column.excel_width)
    # A4 (A3 when a wide table would print below 9 pt), one page wide: core.common.xlsx,
    # as every workbook the app writes; Decree 30's side margins.
    left, right = _SIDE_MARGINS[report.landscape]
    layout = xlsx.print_layout(widths, [True] * ncols, font_size=SIZE, header_size=SIZE,
                               landscape=report.landscape, side_margins_mm=left + right)
    widths = list(layout.widths)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    sheet = _Sheet(ws, ncols, widths)

    if info.number_text:  # a document numbered on its own (a voucher): its one number
        sheet.merged(info.number_text, bold=True)
    sheet.merged(report.title.upper(), bold=True, size=14)
    if report.subtitle:
        sheet.merged(report.subtitle, bold=True, size=13)
    for note in report.notes:
        sheet.merged(note, italic=True)
    sheet.row += 1

    header_rows: list[int] = []
    for block in report.blocks:
        if isinstance(block, Text):
            sheet.merged(block.text, bold=block.style == "heading",
                         italic=block.style == "italic", align="left")
        else:
            header_rows.append(sheet.table(block))
            sheet.row += 1

    # Place–date line and signature on the right half, as on the printed page.
    first = ncols // 2 + 1 if ncols > 1 else 1
    sheet.merged(date_line(office.place, info.date), first=first, italic=True)
    if report.signers:
        _signer_rows(sheet, report.signers, ncols)
    else:
        for line in (office.on_behalf, office.chair_title):
            if line.strip():
                sheet.merged(line.upper(), first=first, bold=True)
        sheet.row += 3
        if office.chair_name.strip():
            sheet.merged(office.chair_name, first=first, bold=True)

    if len(header_rows) == 1:
        ws.print_title_rows = f"{header_rows[0]}:{header_rows[0]}"
        ws.freeze_panes = ws.cell(header_rows[0] + 1, 1)
    _page_setup(ws, layout)
    return wb


def _signer_rows(sheet: _Sheet, signers: list[tuple[str, str]], ncols: int) -> None:
    """Report.signers side by side: titles, "(Ký, họ tên)", room, names."""
    if ncols < len(signers):  # fewer columns than signatures (a voucher): one column each
        for i in range(ncols, len(signers)):
            sheet.widths.append(16.0)
            sheet.ws.column_dimensions[get_column_letter(i + 1)].width = 16.0
        ncols = len(signers)
    spans = [(i * ncols // len(signers) + 1, (i + 1) * ncols // len(signers))
             for i in range(len(signers))]
    spans = [(a, max(a, b)) for a, b in spans]
    for texts, bold, italic in (([t for t, _ in signers], True, False),
                                (["(Ký, họ tên)"] * len(signers), False, True)):
        start = sheet.row
        for (a, b), text in zip(spans, texts, strict=True):
            sheet.row = start
            sheet.merged(text, first=a, last=b, bold=bold, italic=italic)
    sheet.row += 3
    start = sheet.row
    for (a, b), (_, name) in zip(spans, signers, strict=True):
        sheet.row = start
        sheet.merged(name, first=a, last=b, bold=True)


_SIDE_MARGINS = {True: (20, 20), False: (30, 15)}  # Decree 30, mm: landscape, portrait


def _page_setup(ws: Worksheet, layout: xlsx.PrintLayout) -> None:
    xlsx.apply_print_setup(ws, layout, set_widths=False)
    landscape = layout.landscape
    top, bottom = (30, 15) if landscape else (20, 20)
    left, right = _SIDE_MARGINS[landscape]
    margins = ws.page_margins
    margins.top, margins.bottom = top / _MM_PER_INCH, bottom / _MM_PER_INCH
    margins.left, margins.right = left / _MM_PER_INCH, right / _MM_PER_INCH
    margins.header = margins.footer = 0.3
    # Decree 30: page numbers from page 2, centred in the top margin.
    ws.HeaderFooter.differentFirst = True
    ws.oddHeader.center.text = "&P"
    ws.oddHeader.center.font = FONT
    ws.oddHeader.center.size = 13


def write_xlsx(report: Report, out_path: str | os.PathLike[str], office: OfficeSettings,
               info: DocumentInfo, *, is_cancelled: Callable[[], bool] | None = None) -> Path:
    """Write ``report`` to ``out_path`` atomically (temporary file, then rename)."""
    out = Path(out_path)
    wb = build_workbook(report, office, info)
    if is_cancelled is not None and is_cancelled():
        raise Cancelled
    return write_atomically(out, wb.save, make_folder=True)
