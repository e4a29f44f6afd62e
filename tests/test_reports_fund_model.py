"""Golden test: the fund model target table of seed 000, rebuilt from the demo database.

The seed's table is copied below as the seed prints it (with its typos); the demo spells the
unit names correctly, so the expected names come from :data:`CORRECTED`.
"""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from core.common.errors import UserError
from core.demo.targets import FUND_MODEL_2023_NOTE
from core.targets.fund_model_targets import fund_model_lines, fund_model_report
from tests import test_reports_support as support
from tests.test_reports_support import (
    assert_page_renders,
    flat,
    needs_poppler,
    pdf_text,
    run_cli,
)

# Fixtures shared with the other report tests.
demo_db = support.demo_db
demo_path = support.demo_path
demo_template = support.demo_template

# Seed 000, "CHỈ TIÊU Thực hiện nhân rộng Mô hình “Quỹ Tương hỗ Công đoàn” năm 2023".
SEED_TITLE = "CHỈ TIÊU"
SEED_SUBTITLE = "Thực hiện nhân rộng Mô hình “Quỹ Tương hỗ Công đoàn” năm 2023"
SEED_TABLE = """\
TT\tTên đơn vị\tTổng số CĐCS\tSố CĐCS đã thực hiện trong năm 2022\tSố CĐCS thực hiện năm 2023
1\tLĐLD huyện Phong Thô\t97\t02\t06
2\tLĐLD huyện Sìn Hồ\t117\t03\t07
3\tLĐLD huyện Than Uyên\t79\t05\t05
4\tLĐLD Thành phố\t99\t02\t06
5\tLĐLD huyện Tam Đường\t73\t11\t04
6\tLĐLD huyện Tân Uyên\t67\t11\t04
7\tLĐLD huyện Mường Tè\t80\t01\t05
8\tLĐLD huyện Nậm Nhùn\t67\t02\t04
9\tCông đoàn Viên chức\t58\t01\t03
10\tCông đoàn ngành Y tế\t20\t02\t02
11\tCông đoàn ngành Giáo dục\t25\t01\t02
\tTổng\t782\t41\t48"""
CORRECTED = {
    "LĐLD huyện Phong Thô": "LĐLĐ huyện Phong Thổ",
    "LĐLD Thành phố": "LĐLĐ Thành phố Lai Châu",
    "Công đoàn Viên chức": "Công đoàn Viên chức tỉnh",
}


def _seed():
    lines = [line.split("\t") for line in SEED_TABLE.splitlines()]
    header, body, totals = lines[0], lines[1:-1], lines[-1]
    rows = []
    for tt, name, *numbers in body:
        name = CORRECTED.get(name, name.replace("LĐLD", "LĐLĐ"))
        rows.append((int(tt), name, numbers))
    return header, rows, totals


def _shown(cell) -> str:
    """The cell as Excel shows it ("00" → two digits)."""
    if isinstance(cell.value, int) and cell.number_format == "00":
        return f"{cell.value:02d}"
    return "" if cell.value is None else str(cell.value)


def test_workbook_reproduces_the_seed_table_cell_for_cell(demo_path, tmp_path):
    out = tmp_path / "chi-tieu-2023.xlsx"
    run = run_cli("report", "fund-model", out, "--year", "2023", "--note", FUND_MODEL_2023_NOTE,
                  db=demo_path)
    assert run.returncode == 0, run.stderr
    ws = load_workbook(out).active
    header, rows, totals = _seed()

    assert ws["A1"].value == SEED_TITLE and ws["A1"].font.bold
    assert ws["A2"].value == SEED_SUBTITLE
    assert ws["A3"].value == FUND_MODEL_2023_NOTE and ws["A3"].font.italic
    assert "A1:E1" in {str(r) for r in ws.merged_cells.ranges}

    header_row = 5
    assert [c.value for c in ws[header_row]][:5] == header
    assert all(c.font.bold and c.border.top.style == "thin" for c in ws[header_row][:5])
    for offset, (tt, name, numbers) in enumerate(rows, start=1):
        cells = ws[header_row + offset][:5]
        assert cells[0].value == tt
        assert cells[1].value == name
        assert [c.value for c in cells[2:]] == [int(n) for n in numbers]
        assert [c.number_format for c in cells[2:]] == ["00"] * 3
        assert [_shown(c) for c in cells[2:]] == numbers  # "02", "06", "117"
        assert all(c.font.name == "Times New Roman" and not c.font.bold for c in cells)
        assert all(c.border.left.style == "thin" for c in cells)
    total = ws[header_row + len(rows) + 1][:5]
    assert [c.value for c in total] == [None, "Tổng", 782, 41, 48]
    assert [_shown(c) for c in total[1:]] == totals[1:]
    assert all(c.font.bold for c in total[1:])

    assert ws.print_title_rows == "$5:$5"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == "portrait"
    assert ws.column_dimensions["B"].width >= 30
    # Signature block below the table, from the office settings.
    below = [c.value for row in ws.iter_rows(min_row=header_row + len(rows) + 2) for c in row
             if c.value]
    assert below[1:] == ["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Lương Xuân Trường"]
    assert below[0].startswith("Lai Châu, ngày ")


@needs_poppler
def test_pdf_has_every_row_in_order_and_the_decree_30_parts(demo_db, tmp_path):
    out = fund_model_report(demo_db, tmp_path / "chi-tieu.pdf", year=2023,
                            note=FUND_MODEL_2023_NOTE, number=8, on=date(2023, 3, 6))
    text = flat(pdf_text(out))
    _header, rows, _totals = _seed()
    position = 0
    for tt, name, numbers in rows:
        line = f"{tt} {name} {' '.join(numbers)}"
        found = text.find(line, position)
        assert found > position, line
        position = found
    assert text.find("Tổng 782 41 48", position) > position
    for part in ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LĐLĐ TỈNH LAI CHÂU", "Số: 08/BC-LĐLĐ",
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Lai Châu, ngày 06 tháng 3 năm 2023",
                 SEED_TITLE, SEED_SUBTITLE, flat(FUND_MODEL_2023_NOTE),
                 "Nơi nhận:", "TM. BAN THƯỜNG VỤ",
                 "PHÓ CHỦ TỊCH", "Lương Xuân Trường"):
        assert part in text, part
    for header_words in ("Tổng số", "CĐCS", "thực hiện trong", "năm 2022", "hiện năm 2023"):
        assert header_words in text, header_words  # wrapped inside the header cells
    assert_page_renders(out, tmp_path)


def test_order_is_the_order_the_targets_were_set_not_the_unit_codes(demo_db):
    with demo_db.reading() as s:
        codes = [line.code for line in fund_model_lines(s, 2023)]
    assert codes == ["LC-PT", "LC-SH", "LC-TU", "LC-TP", "LC-TD", "LC-TN", "LC-MT", "LC-NN",
                     "LC-VC", "LC-YT", "LC-GD"]
    assert codes != sorted(codes)


def test_no_targets_for_the_year_and_bad_suffix_are_refused(demo_db, tmp_path):
    with pytest.raises(UserError, match="năm 2031"):
        fund_model_report(demo_db, tmp_path / "x.xlsx", year=2031)
    with pytest.raises(UserError, match=r"\.docx.*\.xlsx.*\.pdf"):
        fund_model_report(demo_db, tmp_path / "x.docx", year=2023)
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith("demo.sqlite")]


def test_note_gets_brackets_and_can_be_left_out(demo_db, tmp_path):
    out = fund_model_report(demo_db, tmp_path / "a.xlsx", year=2023, note="Kèm theo Kế hoạch số 5")
    ws = load_workbook(out).active
    assert ws["A3"].value == "(Kèm theo Kế hoạch số 5)"
    out = fund_model_report(demo_db, tmp_path / "b.xlsx", year=2023)
    ws = load_workbook(out).active
    assert ws["A3"].value is None and ws["A4"].value == "TT"  # title, summary, blank, header


@pytest.mark.parametrize("suffix", [".xlsx", ".pdf"])
def test_a_cancelled_export_leaves_the_old_file(demo_db, tmp_path, suffix):
    from core.common.errors import Cancelled

    out = tmp_path / f"chi-tieu{suffix}"
    out.write_bytes(b"old")
    with pytest.raises(Cancelled):
        fund_model_report(demo_db, out, year=2023, is_cancelled=lambda: True)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("demo.sqlite")] == [out.name]


def test_written_files_get_the_usual_permissions(demo_db, tmp_path):
    import os
    import stat

    from core.common.files import umask

    for name in ("a.pdf", "a.xlsx"):
        out = fund_model_report(demo_db, tmp_path / name, year=2023)
        if os.name == "posix":  # not the 0600 of the temporary file
            assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask()
