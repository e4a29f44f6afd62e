"""The report workbook of an import: summary counts and the rejected rows with reasons."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from core.common.workbook import Column, ImportResult, RejectedRow, WorkbookError, write_report

COLUMNS = (
    Column("name", ("Họ và tên",), required=True),
    Column("born", ("Ngày sinh",)),
    Column("paid", ("Số tiền",), label="Số tiền (đồng)"),
)


def _result() -> ImportResult:
    return ImportResult(
        accepted=[object()] * 3,
        skipped=[object()] * 2,
        rejected=[
            RejectedRow(12, "Thiếu Họ và tên", {"name": None, "born": dt.date(1990, 1, 2)}),
            RejectedRow(
                9,
                "Ngày sinh: Ngày không hợp lệ: 31/02/2023 (dùng dạng dd/mm/yyyy)",
                {"name": "Trần Văn Bình", "born": "31/02/2023", "paid": 1000.0},
            ),
            RejectedRow(15, "Số tiền: sai", {"name": '=HYPERLINK("x")', "paid": "hai\x07 trăm"}),
        ],
    )


def test_report_cells(tmp_path):
    out = write_report(
        _result(), tmp_path / "ket qua.xlsx", title="Kết quả nhập đoàn viên", columns=COLUMNS
    )

    wb = load_workbook(out)
    assert wb.sheetnames == ["Kết quả"]
    ws = wb["Kết quả"]
    assert ws["A1"].value == "Kết quả nhập đoàn viên"
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=3, max_row=5, max_col=2)] == [
        ["Số dòng nhận", 3],
        ["Số dòng bỏ qua vì đã có", 2],
        ["Số dòng bị từ chối", 3],
    ]
    table = [[c.value for c in row] for row in ws.iter_rows(min_row=7, max_col=5)]
    assert table[0] == ["Dòng", "Lý do", "Họ và tên", "Ngày sinh", "Số tiền (đồng)"]
    assert table[1] == [
        9,
        "Ngày sinh: Ngày không hợp lệ: 31/02/2023 (dùng dạng dd/mm/yyyy)",
        "Trần Văn Bình",
        "31/02/2023",
        1000,
    ]
    assert table[2] == [12, "Thiếu Họ và tên", None, dt.datetime(1990, 1, 2), None]
    assert ws["D9"].number_format == "DD/MM/YYYY"
    # User text is never turned into a formula, and control characters are dropped.
    assert table[3] == [15, "Số tiền: sai", '=HYPERLINK("x")', None, "hai trăm"]
    assert ws["C10"].data_type == "s"
    assert ws.freeze_panes == "A8"


def test_report_without_columns_uses_the_value_keys(tmp_path):
    out = write_report(_result(), tmp_path / "r.xlsx", title="Kết quả")

    ws = load_workbook(out)["Kết quả"]
    assert [c.value for c in ws[7]] == ["Dòng", "Lý do", "name", "born", "paid"]


def test_report_replaces_an_old_one_and_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "ket qua.xlsx"
    out.write_bytes(b"old report")

    write_report(ImportResult(accepted=[1]), out, title="Lần 2")

    assert load_workbook(out)["Kết quả"]["B3"].value == 1
    assert [p.name for p in tmp_path.iterdir()] == ["ket qua.xlsx"]


def test_report_into_a_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(WorkbookError, match="Không ghi được vào thư mục .*: thư mục không tồn tại"):
        write_report(ImportResult(), tmp_path / "khong co" / "r.xlsx", title="x")
