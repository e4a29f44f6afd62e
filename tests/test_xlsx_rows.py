"""core.common.xlsx.Rows writes long write-only sheets by a shorter path than openpyxl's own
(styled cells reused with their style id worked out once, cells handed to the writer
without openpyxl's raise-and-retry for a Cell value): the file must be the same, byte for
byte, as openpyxl writes from the same cells."""

from __future__ import annotations

import zipfile
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from core.common import xlsx

WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")

ROWS = [
    [1, "Ứng dụng phần mềm quản lý hồ sơ", 3_031_150_000, date(2023, 3, 6), "x", None],
    [2, "=HYPERLINK(\"http://x\",\"Mở\")", None, date(2022, 9, 5), None, "Ghi chú\r\ndòng 2"],
    [3, "Tên dài " * 40, 15_000_000, None, "x", "#N/A"],
    [4, None, 0, date(2021, 1, 1), None, ""],
]


def _styled(ws) -> dict[int, object]:
    return {0: xlsx.cell(ws, alignment=TOP),
            1: xlsx.cell(ws, alignment=WRAP, font=Font(bold=True)),
            2: xlsx.cell(ws, number_format="#,##0", alignment=TOP),
            3: xlsx.cell(ws, number_format="dd/mm/yyyy", alignment=TOP)}


def _ours(path) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("S")
    rows = xlsx.Rows(ws, _styled(ws))
    assert "_values_to_row" in vars(ws)  # the short path is the one taken
    for row in ROWS:
        rows.append(row)
    wb.save(path)
    return _sheet(path)


def _openpyxl(path) -> bytes:
    """The same cells through openpyxl's public path: a styled column gets a cell of its
    own per row, text goes through xlsx.put (what Rows does to every value)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("S")
    styled = _styled(ws)
    for row in ROWS:
        cells = []
        for i, value in enumerate(row):
            if value is None:
                cells.append(None)
            elif i in styled:
                made = xlsx.cell(ws)
                made._style = styled[i]._style  # type: ignore[attr-defined]
                cells.append(xlsx.put(made, value))
            else:
                cells.append(xlsx.cell(ws, value))
        ws.append(cells)
    wb.save(path)
    return _sheet(path)


def _sheet(path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml") + z.read("xl/styles.xml")


def test_rows_write_what_openpyxl_writes_byte_for_byte(tmp_path):
    ours, theirs = _ours(tmp_path / "a.xlsx"), _openpyxl(tmp_path / "b.xlsx")
    assert b"inlineStr" in ours and b"<f>" not in ours  # text stays text
    assert ours == theirs


def test_rows_read_back(tmp_path):
    from openpyxl import load_workbook

    _ours(tmp_path / "a.xlsx")
    ws = load_workbook(tmp_path / "a.xlsx").active
    assert ws["B2"].value == "=HYPERLINK(\"http://x\",\"Mở\")" and ws["B2"].data_type == "s"
    assert ws["C1"].value == 3_031_150_000 and ws["C1"].number_format == "#,##0"
    assert ws["D1"].number_format == "dd/mm/yyyy" and ws["D1"].value.year == 2023
    assert ws["B1"].alignment.wrap_text and ws["B1"].font.b
    assert ws["F2"].value == "Ghi chú\ndòng 2" and ws["F3"].value == "#N/A"
    assert ws["E2"].value is None and ws["A4"].value == 4
