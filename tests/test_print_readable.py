"""Every workbook the app writes prints readably (issue 10, point 12).

The register export, the portal list, the import template, the import's rejection report
and the reports are written from a register with long names, many authors and long unit
names, converted to PDF by LibreOffice (``soffice --headless --convert-to pdf``, all of
them in one call) and read back with ``pdftotext -bbox``: every page is A4 or A3 landscape,
no word is printed smaller than 9 pt, no two words overlap (a wrapped text taller than its
row, or a cut text running into the next cell, would), and the end of every long text is
printed (nothing cut). Needs LibreOffice Calc and poppler-utils (``installer/debian-deps.sh
--test``); skipped only when ``soffice`` is missing and ``CI`` is not set.

The page-setup arithmetic itself (:func:`core.common.xlsx.print_layout`) is checked without
LibreOffice below.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.commendations import ops as cops
from core.common import xlsx
from core.common.workbook import write_report
from core.initiatives import records as initiatives
from core.initiatives.export import (
    PORTAL_COLUMNS,
    REGISTER_COLUMNS,
    export_portal_list,
    export_register,
    write_template,
)
from core.initiatives.importing import COLUMNS, import_initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from core.initiatives.register import RegisterFilter
from core.initiatives.summary_report import summary_report
from core.org import units as org
from core.targets import targets
from core.targets.fund_model_targets import fund_model_report
from core.targets.progress_report import progress_report
from db.models import InitiativeKind, InitiativeStatus, UnitKind
from tests.fixtures_workbook import make_xlsx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None and os.environ.get("CI", "").lower() not in ("1", "true", "yes"),
    reason="LibreOffice (soffice) is not installed; under CI this test must run",
)

UNIT_NAMES = (
    "CĐCS Trường Trung học phổ thông Dân tộc nội trú tỉnh Lai Châu (khu vực miền núi)",
    "CĐCS Bệnh viện Đa khoa huyện Tam Đường và các trạm y tế xã trực thuộc",
    "CĐCS Công ty Cổ phần Thủy điện Nậm Na",
)


def _long_name(i: int) -> str:
    return (f"Ứng dụng công nghệ thông tin trong quản lý hồ sơ đoàn viên công đoàn và theo "
            f"dõi các khoản hỗ trợ cho người lao động có hoàn cảnh khó khăn số {i} kết thúc{i}")


@pytest.fixture
def wide_db(app_db):
    """Three CĐCS with long names and 24 initiatives with long texts; every long text ends
    in a word of its own (``kết thúcN``, ``hếtN``) to find it printed whole."""
    with app_db.transaction() as s:
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        units = [org.create_unit(s, org.UnitInput(f"VL-{i:04d}", name, UnitKind.GRASSROOTS,
                                                  "VL"))
                 for i, name in enumerate(UNIT_NAMES, start=1)]
        for i in range(1, 25):
            unit = units[i % len(units)]
            initiatives.create_initiative(s, InitiativeInput(
                name=_long_name(i), kind=InitiativeKind.MANAGEMENT, unit_id=unit.id,
                authors=[AuthorInput("Nguyễn Thị Thanh Hương", share=40),
                         AuthorInput("Trần Văn Đức", share=30),
                         AuthorInput("Lê Hoàng Minh Khang", share=30)],
                programme_id=programme.id, registered_on=date(2022, 3, 1 + i),
                first_applied_on=date(2022, 1, 10), economic_benefit=123_456_789 * i,
                social_benefit=("Rút ngắn thời gian giải quyết chế độ cho đoàn viên, tăng sự "
                                f"tin tưởng của người lao động vào tổ chức công đoàn hết{i}"),
                description=("Xây dựng phần mềm quản lý trên máy tính của công đoàn cơ sở, "
                             "tra cứu nhanh hồ sơ, tự động lập báo cáo hằng quý và cảnh báo "
                             f"các khoản hỗ trợ đến hạn hết{i}"),
                status=InitiativeStatus.VALID, decision_number=f"{i}/QĐ-HĐSK",
                decision_date=date(2022, 6, 1), awards="Giấy khen của LĐLĐ tỉnh"))
        s.flush()
        for unit in units:
            targets.set_fund_model_target(s, unit.id, 2023, targets.FundModelFigures(10, 2, 3))
    return app_db


def _workbooks(db, folder: Path) -> list[Path]:
    made = [
        folder / "so-theo-doi.xlsx", folder / "cong-thong-tin.xlsx", folder / "mau-nhap.xlsx",
    ]
    assert export_register(db, made[0], RegisterFilter()) == 24
    assert export_portal_list(db, made[1], RegisterFilter()) == 24
    write_template(made[2], unit=UNIT_NAMES[0])
    # Rejected rows: unknown units, long reasons ("Có phải …?").
    header = ["Tên sáng kiến", "Tác giả", "Đơn vị", "Hiệu quả xã hội", "Khen thưởng"]
    rows = [[_long_name(100 + i), "Lê Văn An; Trần Thị Bình", f"{UNIT_NAMES[0]} cũ số {i}",
             "Tăng năng suất lao động", "Giấy khen"] for i in range(12)]
    source = make_xlsx(folder / "nguon.xlsx", [header, *rows])
    result = import_initiatives(db, source, dry_run=True)
    assert len(result.rejected) == 12
    made.append(write_report(result, folder / "ket-qua-nhap.xlsx", title="Kết quả nhập",
                             columns=COLUMNS))
    made.append(progress_report(db, folder / "tien-do.xlsx", programme="1TRIEU-SK", phase=1,
                                as_of=date(2022, 12, 31)))
    made.append(summary_report(db, folder / "tong-hop.xlsx", date_from=date(2022, 1, 1),
                               date_to=date(2022, 12, 31)))
    made.append(fund_model_report(db, folder / "quy.xlsx", year=2023))
    made.append(_decision_list(db, folder / "danh-sach-khen-thuong.xlsx"))
    return made


def _decision_list(db, out: Path) -> Path:
    """The list kept with a commendation decision: long names, positions, units and
    summaries (each ending in its own ``kết thúcN``: the workbook is in Times New Roman,
    whose stand-in here, Liberation Serif, lacks "ế", so pdftotext splits "hếtN" in two)."""
    r = cops.create_round(db, cops.RoundInput(
        "Tổng kết phong trào thi đua Lao động giỏi, lao động sáng tạo giai đoạn 2021–2023 của "
        "công đoàn ngành giáo dục tỉnh Lai Châu", 2023)).value
    for i in range(1, 13):
        kind = cops.NomineeKind.COLLECTIVE if i % 4 == 0 else cops.NomineeKind.INDIVIDUAL
        cops.add_nominee(db, r.id, cops.NomineeInput(
            kind, cops.AwardForm.GIAY_KHEN, full_name=f"Nguyễn Thị Thanh Hương Thảo {i}",
            unit_name=UNIT_NAMES[i % len(UNIT_NAMES)],
            position="Phó Chủ tịch Công đoàn cơ sở kiêm Trưởng ban Nữ công",
            summary=("Hoàn thành xuất sắc nhiệm vụ năm học, có sáng kiến được Hội đồng sáng kiến "
                     "cấp tỉnh công nhận và áp dụng hiệu quả, tích cực tham gia các phong trào "
                     f"thi đua do công đoàn phát động kết thúc{i}")))
    cops.approve(db, r.id, "12/QĐ-LĐLĐ", date(2023, 12, 20))
    return cops.write_decision(db, r.id, out)


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"([^<]*)</word>")
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
# pdftotext's box of a word spans the font's ascent and descent: about 1.15 × its size for
# the Liberation / Carlito fonts that stand in for Times New Roman and Calibri.
BOX_PER_POINT = 1.15
# Landscape, or portrait where a report's model chooses it (the Decree 30 summary report).
PAPERS_PT = {(842, 595), (1191, 842), (595, 842), (842, 1191)}


def _pages(pdf: Path) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                           capture_output=True, text=True).stdout
    return [(float(w), float(h), [(float(a), float(b), float(c), float(d), t)
                                  for a, b, c, d, t in _WORD.findall(body)])
            for w, h, body in _PAGE.findall(xhtml)]


def _core(word):
    """The body of a word's box: its middle half in height (the box spans the tallest
    accent and the deepest descender, so the boxes of two lines set close touch), less a
    point at each side."""
    x0, y0, x1, y1, text = word
    quarter = (y1 - y0) / 4
    return (x0 + 1, y0 + quarter, x1 - 1, y1 - quarter, text)


def _overlaps(words) -> list[tuple[str, str]]:
    """Pairs of words printed over each other (their bodies intersect; sweep over y)."""
    found = []
    ordered = sorted(map(_core, words), key=lambda w: w[1])
    active: list = []
    for word in ordered:
        x0, y0, x1, y1, _t = word
        active = [a for a in active if a[3] > y0]
        for a in active:
            if min(x1, a[2]) > max(x0, a[0]) and min(y1, a[3]) > max(y0, a[1]):
                found.append((a[4], word[4]))
        active.append(word)
    return found


@needs_soffice
def test_every_workbook_prints_readably(wide_db, tmp_path):
    books = _workbooks(wide_db, tmp_path)
    pdfs = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([SOFFICE or "soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(pdfs), *map(str, books)],
                   check=True, capture_output=True, timeout=300)
    problems: list[str] = []
    for book in books:
        pdf = pdfs / f"{book.stem}.pdf"
        assert pdf.exists(), f"LibreOffice wrote no PDF for {book.name}"
        pages = _pages(pdf)
        assert pages, book.name
        text = " ".join(w[4] for _w, _h, words in pages for w in words)
        for number, (width, height, words) in enumerate(pages, start=1):
            where = f"{book.name} trang {number}"
            if (round(width), round(height)) not in PAPERS_PT:
                problems.append(f"{where}: khổ {width:.0f}×{height:.0f} pt, không phải A4/A3")
            small = sorted({round((w[3] - w[1]) / BOX_PER_POINT, 1) for w in words
                            if (w[3] - w[1]) / BOX_PER_POINT < xlsx.MIN_PRINT_POINTS - 0.05})
            if small:
                problems.append(f"{where}: chữ cỡ {small} pt")
            clashes = _overlaps(words)
            if clashes:
                problems.append(f"{where}: chữ chồng lên nhau {clashes[:3]}")
        for marker in _markers(book):
            if marker not in text:
                problems.append(f"{book.name}: thiếu “{marker}” (bị cắt?)")
    assert problems == []


def _markers(book: Path) -> list[str]:
    """Last words of the long texts a workbook holds (each must be printed)."""
    wb = load_workbook(book)
    found = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and re.search(r"(kết thúc|hết)\d+$", c.value):
                    found.append(c.value.split()[-1])
    return found


def test_wide_sheets_go_to_a3_with_readable_text_and_narrow_ones_stay_on_a4():
    register = xlsx.print_layout([c.width for c in REGISTER_COLUMNS],
                                 [c.kind == "wrap" for c in REGISTER_COLUMNS])
    assert register.paper == "A3" and register.landscape
    assert register.printed_size >= xlsx.MIN_PRINT_POINTS
    # The name stays the widest column; long text columns that had to narrow now wrap.
    assert max(register.widths) == register.widths[2]
    assert all(register.wrap[i] for i, c in enumerate(REGISTER_COLUMNS)
               if c.header in ("Đơn vị", "Hiệu quả xã hội", "Tác giả"))
    portal = xlsx.print_layout([c.width for c in PORTAL_COLUMNS],
                               [c.kind == "wrap" for c in PORTAL_COLUMNS])
    assert portal.printed_size >= xlsx.MIN_PRINT_POINTS
    small = xlsx.print_layout([10, 110], [False, True])
    assert (small.paper, small.widths) == ("A4", (10.0, 110.0))
    assert small.printed_size >= xlsx.MIN_PRINT_POINTS


def test_row_heights_grow_with_wrapped_text():
    layout = xlsx.print_layout([10, 20], [False, True])
    assert layout.row_height(["ngắn", "ngắn"]) is None
    two = layout.row_height([None, "một hai ba bốn năm sáu bảy tám chín mười"])
    many = layout.row_height([None, "một hai ba bốn năm sáu bảy tám chín mười " * 4])
    assert two is not None and many is not None and many > two
    assert xlsx.text_lines("a\nb\nc", 30) == 3
    per_line = 10 * 1.2  # (width - 1) character widths at 11 pt, a little more
    assert xlsx.text_lines("x" * 100, 11) == -(-100 // per_line)  # a long word is broken
    assert xlsx.text_lines("x" * 100, 11, bold=True) > xlsx.text_lines("x" * 100, 11)


def test_exports_carry_the_page_setup(wide_db, tmp_path):
    books = _workbooks(wide_db, tmp_path)
    for book in books[:4]:
        ws = load_workbook(book).worksheets[0]
        assert ws.page_setup.orientation == "landscape", book.name
        assert ws.page_setup.paperSize in (8, 9), book.name
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, book.name
        assert ws.sheet_properties.pageSetUpPr.fitToPage, book.name
        assert ws.print_title_rows, book.name
    decision_list = load_workbook(books[-1]).worksheets[0]
    assert decision_list.page_setup.paperSize in (8, 9)
    assert decision_list.page_setup.fitToWidth == 1 and decision_list.page_setup.fitToHeight == 0
    assert decision_list.sheet_properties.pageSetUpPr.fitToPage
    assert decision_list.print_title_rows
    tall = [r for r, d in decision_list.row_dimensions.items() if d.height and d.height > 30]
    assert len(tall) >= 12  # every commended one's wrapped summary needs more than one line
    register = load_workbook(books[0]).worksheets[0]
    tall = [r for r, d in register.row_dimensions.items() if d.height and d.height > 30]
    assert len(tall) >= 24  # every initiative's wrapped name needs more than one line
