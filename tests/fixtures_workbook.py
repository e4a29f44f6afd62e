"""Builders of small workbooks (.xlsx, .ods, .xls) for the workbook engine tests.

Rows are lists of cell values (``None`` = empty). Merges are Excel ranges ("A1:G1") for
.xlsx, and (first_row, first_col, last_row, last_col) 0-based tuples for .ods and .xls.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

Rows = Sequence[Sequence[object]]

TITLE = "DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS VĨNH LINH"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def make_xlsx(
    path: Path,
    rows: Rows,
    merges: Sequence[str] = (),
    *,
    sheet: str = "Danh sách",
    before: Sequence[tuple[str, Rows]] = (),
) -> Path:
    """One data sheet (``sheet``), after the sheets in ``before`` (name, rows)."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, other in before:
        ws = wb.create_sheet(name)
        for row in other:
            ws.append(list(row))
    ws = wb.create_sheet(sheet)
    for row in rows:
        ws.append(list(row))
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


def make_ods(
    path: Path, rows: Rows, spans: Sequence[tuple[int, int, int, int]] = (), *, sheet="DS"
) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    covered: set[tuple[int, int]] = set()
    starts: dict[tuple[int, int], tuple[int, int]] = {}
    for r0, c0, r1, c1 in spans:
        starts[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
        covered.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))
    width = max(len(r) for r in rows)
    doc = OpenDocumentSpreadsheet()
    table = Table(name=sheet)
    for r, row in enumerate(rows):
        tr = TableRow()
        for c in range(width):
            value = row[c] if c < len(row) else None
            if (r, c) in covered and (r, c) not in starts:
                tr.addElement(CoveredTableCell())
                continue
            kw = {}
            if (r, c) in starts:
                kw["numberrowsspanned"], kw["numbercolumnsspanned"] = starts[(r, c)]
            if value is None:
                cell = TableCell(**kw)
            elif isinstance(value, dt.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat(), **kw)
                cell.addElement(P(text=value.strftime("%d/%m/%Y")))
            elif isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value, **kw)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string", **kw)
                cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def make_xls(
    path: Path, rows: Rows, merges: Sequence[tuple[int, int, int, int]] = (), *, sheet="DS"
) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(sheet)
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    merged_starts = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in merges}
    inside = {
        (r, c)
        for r0, c0, r1, c1 in merges
        for r in range(r0, r1 + 1)
        for c in range(c0, c1 + 1)
        if (r, c) != (r0, c0)
    }
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or (r, c) in inside:
                continue
            style = date_style if isinstance(value, dt.date) else xlwt.Style.default_style
            if (r, c) in merged_starts:
                r1, c1 = merged_starts[(r, c)]
                ws.write_merge(r, r1, c, c1, value, style)
            else:
                ws.write(r, c, value, style)
    wb.save(str(path))
    return path
