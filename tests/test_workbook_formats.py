"""One reader for .xlsx, .xls and .ods; unreadable files give a Vietnamese WorkbookError."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest

from core.common.vnformat import parse_date, parse_money
from core.common.workbook import Column, WorkbookError, parse_rows, read_rows
from tests.fixtures_workbook import TITLE, make_ods, make_xls, make_xlsx, nfd

COLUMNS = (
    Column("name", ("Họ và tên",), required=True),
    Column("born", ("Ngày sinh",), parse=parse_date),
    Column("total", ("Số đoàn viên Tổng số",), parse=parse_money, label="Tổng số"),
    Column("female", ("Số đoàn viên Nữ",), parse=parse_money, label="Nữ"),
    Column("paid", ("Số tiền",), parse=parse_money),
)

# Title (merged A1:E1), blank, two-row header (rows 3-4), data from row 5.
ROWS = [
    [TITLE, None, None, None, None],
    [None, None, None, None, None],
    ["Họ và tên", "Ngày sinh", "Số đoàn viên", None, "Số tiền (đồng)"],
    [None, None, "Tổng số", "Nữ", None],
    [nfd("Nguyễn Thị Ánh"), dt.date(2023, 3, 6), 12, 7, "3.031.150.000"],
    ["Trần Văn Bình", "06/3/2023", 3, 0, 250000],
    ["Đỗ Văn Cường", "31/02/2023", 1, 0, None],
    ["Tổng cộng", None, 16, 7, None],
]
SPANS = [(0, 0, 0, 4), (2, 0, 3, 0), (2, 1, 3, 1), (2, 2, 2, 3), (2, 4, 3, 4)]


def _check(path):
    read = read_rows(path, COLUMNS)
    ok, rejected = parse_rows(read, COLUMNS)

    assert (read.header_row, read.header_height) == (3, 2)
    assert read.columns == {"name": 0, "born": 1, "total": 2, "female": 3, "paid": 4}
    assert [(r.number, r.data) for r in ok] == [
        (
            5,
            {
                "name": "Nguyễn Thị Ánh",
                "born": dt.date(2023, 3, 6),
                "total": 12,
                "female": 7,
                "paid": 3_031_150_000,
            },
        ),
        (
            6,
            {
                "name": "Trần Văn Bình",
                "born": dt.date(2023, 3, 6),
                "total": 3,
                "female": 0,
                "paid": 250_000,
            },
        ),
    ]
    assert [(r.number, r.reason.split(":")[0]) for r in rejected] == [(7, "Ngày sinh")]
    assert read.ignored == [(8, "dòng tổng cộng")]


def test_xlsx(tmp_path):
    merges = ["A1:E1", "A3:A4", "B3:B4", "C3:D3", "E3:E4"]
    _check(make_xlsx(tmp_path / "ds.xlsx", ROWS, merges))


def test_ods_without_merge_information(tmp_path):
    pytest.importorskip("odf")
    _check(make_ods(tmp_path / "ds.ods", ROWS, SPANS))


def test_xls(tmp_path):
    pytest.importorskip("xlwt")
    _check(make_xls(tmp_path / "ds.xls", ROWS, SPANS))


def test_xlsx_content_under_xls_name_is_still_read(tmp_path):
    src = make_xlsx(tmp_path / "ds.xlsx", ROWS, ["C3:D3"])
    wrong = tmp_path / "ds.xls"
    shutil.copyfile(src, wrong)

    assert [r.number for r in read_rows(wrong, COLUMNS).rows] == [5, 6, 7]


# ---- files that cannot be read ------------------------------------------------------------


def _error(path) -> str:
    with pytest.raises(WorkbookError) as err:
        read_rows(path, COLUMNS)
    message = str(err.value)
    assert "Traceback" not in message and "EOCD" not in message and "Cfb" not in message
    return message


def test_missing_file(tmp_path):
    assert "Không tìm thấy tệp" in _error(tmp_path / "khong co.xlsx")


def test_wrong_extension(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên\nAn\n", encoding="utf-8")
    message = _error(path)
    assert "«ds.csv» không phải bảng tính" in message and ".xlsx" in message


def test_random_bytes_named_xlsx(tmp_path):
    path = tmp_path / "hong.xlsx"
    path.write_bytes(os.urandom(4096))
    assert "«hong.xlsx» bị hỏng" in _error(path)


def test_truncated_xlsx(tmp_path):
    good = make_xlsx(tmp_path / "du.xlsx", ROWS)
    data = good.read_bytes()
    path = tmp_path / "cat ngan.xlsx"
    path.write_bytes(data[: len(data) * 2 // 3])
    message = _error(path)
    assert "bị hỏng" in message and "cắt ngắn" in message


def test_broken_sheet_inside_a_valid_zip(tmp_path):
    import zipfile

    good = make_xlsx(tmp_path / "du.xlsx", ROWS)
    path = tmp_path / "sai xml.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    assert "bị hỏng" in _error(path)


def test_empty_file(tmp_path):
    path = tmp_path / "rong.xls"
    path.write_bytes(b"")
    assert "rỗng" in _error(path)


def test_web_page_saved_as_xls(tmp_path):
    path = tmp_path / "xuat tu web.xls"
    path.write_text("<html><body><table><tr><td>Họ và tên</td></tr></table></body></html>")
    message = _error(path)
    assert "HTML" in message and "lưu lại dưới dạng .xlsx" in message
