"""Workbook bombs are refused before calamine sees them, quickly and with bounded reading;
a calamine abort in the child process is a WorkbookError, not the end of this process."""

from __future__ import annotations

import multiprocessing
import zipfile

import pytest

from core.common.errors import Cancelled
from core.common.workbook import Column, WorkbookError, WorkbookLimits, read_rows
from core.common.workbook import inspect as inspect_module
from core.common.workbook.inspect import inspect_workbook
from tests.bombs_workbook import (
    HEADER_ROW,
    column_letters,
    lie_about_size,
    make_ods_raw,
    make_xlsx_raw,
    ods_text_cell,
)
from tests.fixtures_workbook import make_xlsx

COLUMNS = (Column("name", ("Họ và tên",), required=True),)
LIMIT_TEXT = "vượt giới hạn 1.000.000 dòng, 200 cột; hãy xóa các ô thừa rồi nhập lại."
XFD_ROW = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


@pytest.fixture
def bytes_read(monkeypatch):
    """Counts every byte the inspection decompresses."""
    seen = [0]
    stream = inspect_module._stream

    def counting(*args, **kwargs):
        for chunk in stream(*args, **kwargs):
            seen[0] += len(chunk)
            yield chunk

    monkeypatch.setattr(inspect_module, "_stream", counting)
    return seen


def _refusal(path, **kw) -> str:
    with pytest.raises(WorkbookError) as info:
        read_rows(path, COLUMNS, **kw)
    return str(info.value)


def _no_children():
    for child in multiprocessing.active_children():
        child.join(5)
    return not multiprocessing.active_children()


def test_dimension_and_cell_at_xfd1048576(tmp_path, bytes_read):
    path = make_xlsx_raw(tmp_path / "x.xlsx", [HEADER_ROW, XFD_ROW], dimension="A1:XFD1048576")
    assert path.stat().st_size < 4_000
    message = _refusal(path)
    assert message == f"Tệp «x.xlsx» có ô XFD1048576 (dòng 1.048.576, cột 16.384) — {LIMIT_TEXT}"
    assert bytes_read[0] < 10_000


@pytest.mark.parametrize(
    ("cell", "where"),
    # a row element beyond the limit is met before its cells: only the row is known
    [("XFD1048576", "ở dòng 1.048.576"), ("P1048576", "ở dòng 1.048.576"),
     ("GS1", "GS1 (cột 201)")],
)
def test_a_cell_beyond_the_limits_without_a_dimension(tmp_path, cell, where):
    row = cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    path = make_xlsx_raw(tmp_path / "o.xlsx", [HEADER_ROW, f'<row r="{row}"><c r="{cell}"><v>1</v></c></row>'])
    assert _refusal(path) == f"Tệp «o.xlsx» có ô {where} — {LIMIT_TEXT}"


def test_a_sheet_where_the_relationships_put_it(tmp_path):
    path = make_xlsx_raw(tmp_path / "khac.xlsx", [HEADER_ROW, XFD_ROW], sheet_path="xl/khac/s.xml")
    assert _refusal(path) == f"Tệp «khac.xlsx» có ô ở dòng 1.048.576 — {LIMIT_TEXT}"


def test_ordinary_workbooks_are_proven_within_the_limits(tmp_path):
    path = make_xlsx(tmp_path / "ds.xlsx", [["Họ và tên"], ["Nguyễn Văn An"]])
    assert inspect_workbook(path, WorkbookLimits()).proven
    path = make_xlsx_raw(tmp_path / "ok.xlsx", [HEADER_ROW], sheet_path="xl/khac/s.xml")
    assert inspect_workbook(path, WorkbookLimits()).proven


def test_cells_without_references_are_not_proven_and_read_in_the_child(tmp_path):
    rows = [HEADER_ROW, '<row><c t="inlineStr"><is><t>Nguyễn Văn An</t></is></c></row>']
    path = make_xlsx_raw(tmp_path / "khong_r.xlsx", rows)
    assert not inspect_workbook(path, WorkbookLimits()).proven
    read = read_rows(path, COLUMNS)
    assert [(r.number, r.values) for r in read.rows] == [(2, {"name": "Nguyễn Văn An"})]
    assert _no_children()


def test_two_million_rows_refused_while_streaming(tmp_path, bytes_read):
    rows = (f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(2, 2_000_001))
    path = make_xlsx_raw(tmp_path / "trieu.xlsx", [HEADER_ROW, *rows], level=1)
    assert path.stat().st_size < 12_000_000
    with zipfile.ZipFile(path) as zf:
        xml_size = zf.getinfo("xl/worksheets/sheet1.xml").file_size
    assert xml_size > 70_000_000
    assert _refusal(path) == f"Tệp «trieu.xlsx» có ô ở dòng 1.000.001 — {LIMIT_TEXT}"
    # Stopped at row 1,000,001 (about half the XML), in 1 MB chunks.
    assert bytes_read[0] < xml_size * 0.6


def test_wide_bomb(tmp_path, bytes_read):
    row = "".join(f'<c r="{column_letters(c)}2"><v>1</v></c>' for c in range(1, 16_385))
    path = make_xlsx_raw(tmp_path / "rong.xlsx", [HEADER_ROW, f'<row r="2">{row}</row>'])
    assert _refusal(path) == f"Tệp «rong.xlsx» có ô GS2 (cột 201) — {LIMIT_TEXT}"
    assert bytes_read[0] < 2_000_000


def test_ods_rows_repeated_with_content(tmp_path, bytes_read):
    body = (
        f"<table:table-row>{ods_text_cell('Họ và tên')}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="1048576">{ods_text_cell("x")}'
        "</table:table-row>"
    )
    path = make_ods_raw(tmp_path / "lap.ods", body)
    assert path.stat().st_size < 2_000
    assert _refusal(path) == f"Tệp «lap.ods» có ô A1048577 (dòng 1.048.577) — {LIMIT_TEXT}"
    assert bytes_read[0] < 2_000


def test_ods_columns_repeated_with_content(tmp_path):
    body = f"<table:table-row>{ods_text_cell('Họ và tên')}{ods_text_cell('x', 16383)}</table:table-row>"
    path = make_ods_raw(tmp_path / "cot.ods", body)
    assert _refusal(path) == f"Tệp «cot.ods» có ô XFD1 (cột 16.384) — {LIMIT_TEXT}"


def test_ods_empty_repeats_as_libreoffice_writes_them_are_read(tmp_path):
    body = (
        f"<table:table-row>{ods_text_cell('Họ và tên')}"
        '<table:table-cell table:number-columns-repeated="1023"/></table:table-row>'
        f"<table:table-row>{ods_text_cell('Nguyễn Văn An')}"
        '<table:table-cell table:number-columns-repeated="1023"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048574">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    path = make_ods_raw(tmp_path / "lo.ods", body)
    assert inspect_workbook(path, WorkbookLimits()).proven
    read = read_rows(path, COLUMNS)
    assert [(r.number, r.values) for r in read.rows] == [(2, {"name": "Nguyễn Văn An"})]


def test_ods_table_inside_a_cell_is_not_proven(tmp_path):
    inner = f'<table:table table:name="con"><table:table-row>{ods_text_cell("y")}</table:table-row></table:table>'
    body = (
        f"<table:table-row>{ods_text_cell('Họ và tên')}</table:table-row>"
        f'<table:table-row><table:table-cell office:value-type="string">{inner}</table:table-cell>'
        "</table:table-row>"
    )
    path = make_ods_raw(tmp_path / "long.ods", body)
    assert not inspect_workbook(path, WorkbookLimits()).proven


def test_ten_thousand_members(tmp_path):
    path = make_xlsx_raw(tmp_path / "nhieu.xlsx", [HEADER_ROW], extra=10_000)
    message = _refusal(path)
    assert message.startswith("Tệp «nhieu.xlsx» chứa 10.005 tệp con — vượt giới hạn 1.000")


def test_ratio_bomb(tmp_path):
    filler = ["<!--" + " " * 4_000_000 + "-->"]
    path = make_xlsx_raw(tmp_path / "nen.xlsx", [HEADER_ROW, *filler], level=9)
    message = _refusal(path)
    # the part is named as a clerk knows it, not by its path inside the zip
    assert "«nen.xlsx» có một trang tính nén với tỉ lệ" in message and "xml" not in message
    assert "vượt giới hạn 100:1" in message


def test_declared_total_beyond_the_limit(tmp_path, bytes_read):
    rows = (f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(2, 60_000))
    path = make_xlsx_raw(tmp_path / "to.xlsx", [HEADER_ROW, *rows])
    limits = WorkbookLimits(max_uncompressed=1_000_000)
    assert "vượt giới hạn 1 MB" in _refusal(path, limits=limits)
    assert bytes_read[0] == 0  # refused from the zip's directory alone


def test_declared_size_that_lies(tmp_path, bytes_read):
    rows = (f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(2, 200_000))
    path = make_xlsx_raw(tmp_path / "doi.xlsx", [HEADER_ROW, *rows])
    lie_about_size(path, "xl/worksheets/sheet1.xml", 1_000)
    message = _refusal(path)
    assert "«doi.xlsx» bị hỏng" in message
    assert bytes_read[0] <= 1_000


def test_calamine_abort_in_the_child_is_an_error_not_a_crash(tmp_path):
    path = make_xlsx_raw(tmp_path / "x.xlsx", [HEADER_ROW, XFD_ROW], dimension="A1:XFD1048576")
    permissive = WorkbookLimits(max_rows=2_000_000, max_columns=20_000, isolate="always")
    message = _refusal(path, limits=permissive)
    assert "trình đọc bảng tính bị dừng đột ngột" in message
    assert _no_children()


def test_isolated_reading_gives_the_same_rows(tmp_path):
    rows = [["Danh sách"], [], ["Họ và tên", "Ghi chú"], ["Nguyễn Văn An", "x"], ["Lê Thị Bình", 3]]
    path = make_xlsx(tmp_path / "ds.xlsx", rows)
    here = read_rows(path, COLUMNS, limits=WorkbookLimits(isolate="never"))
    seen: list[tuple[int, int]] = []
    child = read_rows(
        path, COLUMNS, limits=WorkbookLimits(isolate="always"),
        progress=lambda done, total: seen.append((done, total)),
    )
    assert (child.header_row, child.columns, child.rows) == (here.header_row, here.columns, here.rows)
    assert seen[-1] == (2, 2)
    assert _no_children()


def test_cancel_kills_the_child(tmp_path):
    path = make_xlsx(tmp_path / "ds.xlsx", [["Họ và tên"], ["Nguyễn Văn An"]])
    calls = [0]

    def is_cancelled():
        calls[0] += 1
        return calls[0] > 2

    with pytest.raises(Cancelled):
        read_rows(path, COLUMNS, limits=WorkbookLimits(isolate="always"), is_cancelled=is_cancelled)
    assert _no_children()
