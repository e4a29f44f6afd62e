"""The workbook import engine on realistic .xlsx sheets: header detection under title rows,
two-row merged headers, skipped rows, parsing with Vietnamese reasons, progress, cancel."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from core.common.errors import Cancelled
from core.common.vnformat import parse_date, parse_money
from core.common.workbook import (
    Column,
    ImportResult,
    WorkbookError,
    parse_rows,
    read_rows,
)
from tests.fixtures_workbook import TITLE, make_xlsx, nfd

COLUMNS = (
    Column("name", ("Họ và tên", "Họ tên"), required=True),
    Column("born", ("Ngày sinh", "Ngày tháng năm sinh"), parse=parse_date),
    Column("paid", ("Số tiền góp",), parse=parse_money, label="Số tiền góp"),
    Column("total", ("Số đoàn viên Tổng số",), parse=parse_money, label="Tổng số đoàn viên"),
    Column("female", ("Số đoàn viên Nữ",), parse=parse_money, label="Số đoàn viên nữ"),
    Column("note", ("Ghi chú",)),
)

# Rows 1-2 title, 3 blank, 4-5 two-row header, 6 numbering, then data (Excel numbering).
MEMBER_SHEET = [
    [TITLE],
    ["(Kèm theo Công văn số 08/HD-LĐLĐ ngày 06/3/2023)"],
    [],
    ["STT", "Họ và tên", "Ngày sinh", "Số tiền góp (đồng)", "Số đoàn viên", None, "Ghi chú"],
    [None, None, None, None, "Tổng số", "Nữ", None],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
    [1, "Nguyễn Văn An", "06/3/2023", "3.031.150.000", 10, 4, None],  # 7
    [2, nfd("Lê Thị Hương"), dt.datetime(1990, 5, 17), "3,031,150,000 đ", 5, 2, "  tổ   Toán "],
    [None, None, None, None, None, None, None],  # 9 blank
    [3, "Trần Văn Bình", "31/02/2023", 1000, 1, 0, None],  # 10 bad date
    [4, None, "01/01/1990", 2000, 1, 1, None],  # 11 no name
    [5, "Phạm Văn Dũng", "không nhớ", "hai trăm", 1, 0, None],  # 12 two problems
    [6, None, None, None, None, None, None],  # 13 STT only: blank
    ["Tổng cộng", None, None, 6062303000, 18, 7, None],  # 14 totals
    [],
    [7, "Hoàng Văn Em", dt.date(1985, 1, 2), None, None, None, None],  # 16
]
MEMBER_MERGES = ["A1:G1", "A2:G2", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:F4", "G4:G5", "A14:C14"]


@pytest.fixture
def member_book(tmp_path):
    return make_xlsx(tmp_path / "doan vien.xlsx", MEMBER_SHEET, MEMBER_MERGES)


def test_two_row_header_under_title_rows_is_found(member_book):
    read = read_rows(member_book, COLUMNS)

    assert read.sheet == "Danh sách"
    assert (read.header_row, read.header_height) == (4, 2)
    assert read.columns == {"name": 1, "born": 2, "paid": 3, "total": 4, "female": 5, "note": 6}
    assert read.headers["total"] == "Số đoàn viên Tổng số"
    assert read.headers["paid"] == "Số tiền góp (đồng)"  # matched by the prefix "Số tiền góp"
    assert read.missing == []
    assert read.column_letter("female") == "F"


def test_rows_keep_excel_numbers_and_skip_numbering_blank_and_totals(member_book):
    read = read_rows(member_book, COLUMNS)

    assert [r.number for r in read.rows] == [7, 8, 10, 11, 12, 16]
    assert read.ignored == [(6, "dòng đánh số cột"), (14, "dòng tổng cộng")]
    first = read.rows[0].values
    assert first["name"] == "Nguyễn Văn An"
    assert first["note"] is None  # empty cell
    assert "stt" not in first and 1 not in first.values()


def test_text_is_cleaned_to_nfc(member_book):
    read = read_rows(member_book, COLUMNS)
    row8 = read.rows[1].values

    assert row8["name"] == "Lê Thị Hương"
    assert unicodedata.is_normalized("NFC", row8["name"])
    assert row8["note"] == "tổ Toán"


def test_parse_rows_types_values_and_explains_rejections(member_book):
    ok, rejected = parse_rows(read_rows(member_book, COLUMNS), COLUMNS)

    by_number = {r.number: r.data for r in ok}
    assert sorted(by_number) == [7, 8, 16]
    assert by_number[7]["born"] == dt.date(2023, 3, 6)  # text "06/3/2023"
    assert by_number[7]["paid"] == 3_031_150_000  # "3.031.150.000"
    assert by_number[8]["born"] == dt.date(1990, 5, 17)  # an Excel date
    assert by_number[8]["paid"] == 3_031_150_000  # "3,031,150,000 đ"
    assert (by_number[7]["total"], by_number[7]["female"]) == (10, 4)
    assert by_number[16]["paid"] is None and by_number[16]["note"] is None
    assert all(isinstance(by_number[n]["paid"], int | None) for n in by_number)

    reasons = {r.number: r.reason for r in rejected}
    assert sorted(reasons) == [10, 11, 12]
    assert reasons[10].startswith("Ngày sinh: ")
    assert "31/02/2023" in reasons[10]
    assert reasons[11] == "Thiếu Họ và tên"
    born_problem, paid_problem = reasons[12].split("; ")
    assert born_problem.startswith("Ngày sinh: ") and "không nhớ" in born_problem
    assert paid_problem.startswith("Số tiền góp: ")
    # The rejected row keeps what was read, for the report.
    row12 = next(r for r in rejected if r.number == 12)
    assert row12.values["paid"] == "hai trăm" and row12.values["name"] == "Phạm Văn Dũng"


def test_headers_without_tones_in_upper_case(tmp_path):
    path = make_xlsx(
        tmp_path / "khong dau.xlsx",
        [
            ["DANH SACH DOAN VIEN"],
            [],
            ["STT", "HO VA TEN", "NGAY SINH:", "SO TIEN GOP (DONG)"],
            [1, "NGUYEN VAN AN", dt.date(1980, 12, 31), 500000],
            [2, "Lê Văn Bảy", "1/1/1970", "500.000"],
        ],
    )
    read = read_rows(path, COLUMNS)
    ok, rejected = parse_rows(read, COLUMNS)

    assert (read.header_row, read.header_height) == (3, 1)
    assert read.missing == ["total", "female", "note"]
    assert rejected == []
    assert [(r.number, r.data["born"], r.data["paid"]) for r in ok] == [
        (4, dt.date(1980, 12, 31), 500000),
        (5, dt.date(1970, 1, 1), 500000),
    ]


def test_plain_numbering_row_is_skipped_but_a_number_only_data_row_is_not(tmp_path):
    cols = (Column("unit", ("Đơn vị",), required=True), Column("target", ("Chỉ tiêu",)))
    path = make_xlsx(
        tmp_path / "chi tieu.xlsx",
        [
            ["TT", "Đơn vị", "Chỉ tiêu"],
            [1, 2, 3],
            [1, "LĐLĐ huyện Phong Thổ", 97],
            [2, "Tổng công ty Điện lực", 12],  # an organisation, not a totals row
            ["Cộng", None, 109],
        ],
    )
    read = read_rows(path, cols)

    assert [(r.number, r.values["unit"]) for r in read.rows] == [
        (3, "LĐLĐ huyện Phong Thổ"),
        (4, "Tổng công ty Điện lực"),
    ]
    assert read.ignored == [(2, "dòng đánh số cột"), (5, "dòng tổng cộng")]
    assert read.rows[0].values["target"] == 97


def test_first_data_row_counting_from_one_is_not_a_numbering_row(tmp_path):
    cols = (Column("a", ("Năm",)), Column("b", ("Số lượng",)))
    path = make_xlsx(tmp_path / "so.xlsx", [["Năm", "Số lượng"], [2022, 5], [2023, 7]])

    assert [r.number for r in read_rows(path, cols).rows] == [2, 3]


def test_cell_merged_down_over_data_rows_fills_each_row(tmp_path):
    cols = (Column("name", ("Họ và tên",), required=True), Column("unit", ("Đơn vị",)))
    path = make_xlsx(
        tmp_path / "gop.xlsx",
        [["Họ và tên", "Đơn vị"], ["An", "Trường Tiểu học Số 1"], ["Bình", None], ["Chi", "UBND"]],
        ["B2:B3"],
    )

    assert [r.values["unit"] for r in read_rows(path, cols).rows] == [
        "Trường Tiểu học Số 1",
        "Trường Tiểu học Số 1",
        "UBND",
    ]


def test_header_with_a_blank_cell_is_not_taken_for_a_two_row_header(tmp_path):
    # A blank header cell next to a filled one, with data under both, is one header row:
    # the first data row must not be swallowed as sub-headers.
    cols = (Column("name", ("Họ và tên",), required=True), Column("born", ("Ngày sinh",)))
    path = make_xlsx(
        tmp_path / "trong.xlsx",
        [
            ["Họ và tên", None, "Ngày sinh"],
            ["Nguyễn", "Văn An", "01/01/1990"],
            ["Lê", "Bình", None],
        ],
    )
    read = read_rows(path, cols)

    assert read.header_height == 1
    assert [r.number for r in read.rows] == [2, 3]


def test_no_header_row_lists_the_expected_columns(tmp_path):
    path = make_xlsx(tmp_path / "sai.xlsx", [["Danh sách"], ["Tên", "Tuổi"], ["An", 30]])

    with pytest.raises(WorkbookError) as err:
        read_rows(path, COLUMNS)
    message = str(err.value)
    assert "Không tìm thấy dòng tiêu đề cột" in message
    assert "«sai.xlsx»" in message
    assert "Họ và tên (bắt buộc)" in message and "Ngày sinh" in message


def test_header_missing_a_required_column_is_named(tmp_path):
    path = make_xlsx(tmp_path / "thieu.xlsx", [["Tiêu đề"], ["STT", "Ngày sinh", "Ghi chú"]])

    with pytest.raises(WorkbookError, match="Dòng 2 .*thiếu cột bắt buộc: Họ và tên"):
        read_rows(path, COLUMNS)


def test_header_row_beyond_the_scan_window_is_not_found(tmp_path):
    rows = [[f"Ghi chú {i}"] for i in range(30)] + [["Họ và tên"], ["An"]]
    path = make_xlsx(tmp_path / "xa.xlsx", rows)

    with pytest.raises(WorkbookError):
        read_rows(path, COLUMNS[:1])


def test_sheet_choice(tmp_path):
    guide = [["HƯỚNG DẪN NHẬP"], ["Điền mỗi đoàn viên một dòng."]]
    path = make_xlsx(
        tmp_path / "hai trang.xlsx",
        [["Họ và tên"], ["An"]],
        sheet="Danh sách",
        before=[("Hướng dẫn", guide)],
    )

    assert read_rows(path, COLUMNS).sheet == "Danh sách"  # first sheet with a header
    assert read_rows(path, COLUMNS, sheet="DANH SACH").sheet == "Danh sách"
    assert read_rows(path, COLUMNS, sheet=1).sheet == "Danh sách"
    with pytest.raises(WorkbookError, match="Không có trang tính «Trang 3».*«Hướng dẫn»"):
        read_rows(path, COLUMNS, sheet="Trang 3")
    with pytest.raises(WorkbookError, match="trang «Hướng dẫn»"):
        read_rows(path, COLUMNS, sheet=0)


def _big_book(tmp_path, n=1200):
    rows = [["Họ và tên", "Ngày sinh"]] + [[f"Người {i}", "01/01/1990"] for i in range(n)]
    return make_xlsx(tmp_path / "lon.xlsx", rows)


def test_progress_is_reported_while_reading_and_parsing(tmp_path):
    path = _big_book(tmp_path)
    seen_read: list[tuple[int, int]] = []
    seen_parse: list[tuple[int, int]] = []

    read = read_rows(path, COLUMNS, progress=lambda d, t: seen_read.append((d, t)))
    ok, _ = parse_rows(read, COLUMNS, progress=lambda d, t: seen_parse.append((d, t)))

    assert len(ok) == 1200
    for seen in (seen_read, seen_parse):
        assert seen[0] == (0, 1200) and seen[-1] == (1200, 1200)
        assert len(seen) > 3
        done = [d for d, _ in seen]
        assert done == sorted(done)


def test_cancel_while_reading(tmp_path):
    path = _big_book(tmp_path)
    progress: list[int] = []

    with pytest.raises(Cancelled):
        read_rows(
            path,
            COLUMNS,
            progress=lambda d, t: progress.append(d),
            is_cancelled=lambda: bool(progress) and progress[-1] >= 250,
        )
    assert progress[-1] == 250  # stopped at the first check after the user said so


def test_cancel_while_parsing(tmp_path):
    read = read_rows(_big_book(tmp_path), COLUMNS)
    progress: list[int] = []

    with pytest.raises(Cancelled, match="huỷ"):
        parse_rows(
            read,
            COLUMNS,
            progress=lambda d, t: progress.append(d),
            is_cancelled=lambda: bool(progress) and progress[-1] >= 500,
        )
    assert progress[-1] < 1200


def test_import_result_to_json():
    from core.common.workbook import RejectedRow

    result = ImportResult(
        accepted=["a", "b", "c"],
        skipped=["d"],
        rejected=[RejectedRow(12, "Thiếu Họ và tên"), RejectedRow(9, "Ngày sinh: sai")],
    )

    assert result.to_json() == {
        "accepted": 3,
        "skipped": 1,
        "rejected": [
            {"row": 9, "reason": "Ngày sinh: sai"},
            {"row": 12, "reason": "Thiếu Họ và tên"},
        ],
    }
