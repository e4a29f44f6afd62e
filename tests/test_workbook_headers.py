"""Header matching and row parsing, on in-memory grids (calamine's shape: "" = empty)."""

from __future__ import annotations

import pytest

from core.common.workbook import Column, normalise_header, parse_row
from core.common.workbook.headers import find_header
from core.common.workbook.reader import SourceRow
from core.common.workbook.rows import ParsedRow


def test_normalise_header_ignores_case_tones_d_punctuation_and_spacing():
    same = {
        normalise_header(t) for t in ("Họ và tên", "HO VA TEN", "họ  và\ntên:", "Họ và tên (*)")
    }
    assert same == {"ho va ten"}
    assert normalise_header("Giá trị làm lợi (đồng)") == "gia tri lam loi dong"
    assert normalise_header("ĐƠN VỊ") == "don vi"
    assert normalise_header(2023.0) == "2023"


def test_column_label_defaults_to_first_synonym_and_a_bare_string_is_one_synonym():
    col = Column("name", "Họ và tên", required=True)
    assert col.synonyms == ("Họ và tên",)
    assert col.label == "Họ và tên"
    assert col.describe() == "Họ và tên (bắt buộc)"
    with pytest.raises(ValueError):
        Column("x", ())


def _columns_of(grid, columns, merges=()):
    search = find_header(grid, columns, merges)
    assert search.match is not None
    return search.match


def test_exact_match_beats_an_earlier_prefix_match():
    cols = (Column("members", ("Số đoàn viên",)), Column("female", ("Số đoàn viên nữ",)))
    match = _columns_of([["Số đoàn viên nữ", "Số đoàn viên"]], cols)
    assert match.columns == {"members": 1, "female": 0}


def test_prefix_match_needs_a_whole_word():
    cols = (Column("benefit", ("Giá trị làm lợi",)), Column("no", ("Số",)))
    match = _columns_of([["STT", "Số TT", "Giá trị làm lợi (đồng)", "Sốlượng"]], cols)
    # "Số TT" is a serial-number column, never the "Số …" column; "Sốlượng" is one word.
    assert match.columns == {"benefit": 2}


def test_header_row_with_most_columns_wins():
    cols = (Column("a", ("Tên",)), Column("b", ("Mã",)), Column("c", ("Ghi chú",)))
    grid = [["Tên"], [""], ["Tên", "Mã", "Ghi chú"], ["Tên", "Mã", "Ghi chú"]]
    match = _columns_of(grid, cols)
    assert (match.row, match.height, match.data_start) == (2, 1, 3)


def test_sub_headers_naming_no_column_still_make_a_two_row_header():
    # .ods gives no merge ranges: the group is inferred from the layout. Only "Họ và tên"
    # is wanted, yet "Tổng số | Nữ" must not be read as the first data row.
    grid = [
        ["Họ và tên", "Số đoàn viên", ""],
        ["", "Tổng số", "Nữ"],
        ["Nguyễn Văn An", 10, 4],
    ]
    match = _columns_of(grid, (Column("name", ("Họ và tên",), required=True),))
    assert (match.height, match.data_start) == (2, 2)


def test_sub_header_alone_is_a_fallback_synonym():
    grid = [["Thông tin", "", "Ghi chú"], ["Họ và tên", "Ngày sinh", ""], ["An", "", ""]]
    cols = (
        Column("name", ("Họ và tên",)),
        Column("born", ("Ngày sinh",)),
        Column("note", "Ghi chú"),
    )
    match = _columns_of(grid, cols, merges=[((0, 0), (0, 1)), ((0, 2), (1, 2))])
    assert match.columns == {"name": 0, "born": 1, "note": 2}
    assert match.texts["name"] == "Thông tin Họ và tên"
    assert (match.row, match.data_start) == (0, 2)


def test_title_right_above_the_header_is_not_a_group_header():
    cols = (Column("name", ("Họ và tên",)), Column("born", ("Ngày sinh",)))
    grid = [["DANH SÁCH", "", ""], ["STT", "Họ và tên", "Ngày sinh"], [1, "An", ""]]
    for merges in ([], [((0, 0), (0, 2))]):  # typed in A1, or merged across A1:C1
        match = _columns_of(grid, cols, merges)
        assert (match.row, match.height, match.texts["name"]) == (1, 1, "Họ và tên")


def test_parse_row_type_error_becomes_a_reason():
    def strict(value):
        if not isinstance(value, str):
            raise TypeError("boom")
        return value

    data, problems = parse_row({"code": 12.0}, (Column("code", ("Mã",), parse=strict),))
    assert problems == ["Mã: Giá trị không hợp lệ: 12"]


def test_parse_row_required_value_parsed_to_nothing_is_missing():
    col = Column("n", ("Số",), parse=lambda v: None, required=True)
    assert parse_row({"n": "-"}, (col,)) == ({"n": None}, ["Thiếu Số"])


def test_parsed_row_can_be_rejected_later_with_its_source_values():
    row = SourceRow(7, {"unit": "CĐ Trường X"})
    data, _ = parse_row(row.values, (Column("unit", ("Đơn vị",)),))
    rejected = ParsedRow(row.number, data, row.values).reject("Không tìm thấy đơn vị")
    assert (rejected.number, rejected.reason, rejected.values) == (
        7,
        "Không tìm thấy đơn vị",
        {"unit": "CĐ Trường X"},
    )


def test_importing_the_engine_loads_no_spreadsheet_library():
    # Importers import core.common.workbook at module level; start-up must stay light.
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, core.common.workbook\n"
        "print(sorted(n for n in ('openpyxl', 'python_calamine') if n in sys.modules))\n"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert (out.returncode, out.stdout.strip()) == (0, "[]"), out.stderr
