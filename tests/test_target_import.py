"""Target import: seed 000's table as the province sends it (typos in the unit names
included) and initiative targets by phase; bad rows reported; a second import changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from core.common.database import open_app_database
from core.common.errors import UserError
from core.common.workbook import WorkbookError
from core.demo.org import FUND_MODEL_2023
from core.initiatives.records import find_programme
from core.org.units import find_by_code
from core.targets.fund_model_targets import fund_model_lines
from core.targets.importing import (
    UnitFinder,
    import_targets,
    parse_count,
    parse_phase,
    relaxed_name,
)
from core.targets.targets import initiative_targets
from tests.test_reports_support import build_demo

SEED_ROWS = [  # as seed 000 prints them; counts as text or numbers, as pasted from Word
    (1, "LĐLD huyện Phong Thô", 97, "02", "06"),
    (2, "LĐLD huyện Sìn Hồ", 117, "03", "07"),
    (3, "LĐLD huyện Than Uyên", 79, "05", "05"),
    (4, "LĐLD Thành phố", 99, "02", "06"),
    (5, "LĐLD huyện Tam Đường", 73, 11, 4),
    (6, "LĐLD huyện Tân Uyên", 67, 11, 4),
    (7, "LĐLD huyện Mường Tè", 80, 1, 5),
    (8, "LĐLD huyện Nậm Nhùn", 67, 2, 4),
    (9, "Công đoàn Viên chức", 58, 1, 3),
    (10, "Công đoàn ngành Y tế", 20, 2, 2),
    (11, "Công đoàn ngành Giáo dục", 25, 1, 2),
]
BAD_ROWS = [
    (12, "LĐLD huyện Mường Nhé", 50, 2, 3),  # no such unit in Lai Châu
    (13, "Công đoàn ngành Công Thương", 30, "ba", 2),  # not a number
    (14, "LĐLĐ huyện Phong Thổ", 97, 2, 6),  # the same unit twice
]


def seed_book(path: Path, *, rows=SEED_ROWS, bad=BAD_ROWS, new_header="Số CĐCS thực hiện năm 2023",
              running_header="Số CĐCS đã thực hiện trong năm 2022") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["CHỈ TIÊU"])
    ws.append(["Thực hiện nhân rộng Mô hình “Quỹ Tương hỗ Công đoàn” năm 2023"])
    ws.append(["(Kèm theo Giải pháp khắc phục … ngày 06/3/2023 của BTV Liên đoàn Lao động tỉnh)"])
    ws.append([])
    ws.append(["TT", "Tên đơn vị", "Tổng số CĐCS", running_header, new_header])
    for row in [*rows, *bad]:
        ws.append(list(row))
    ws.append([None, "Tổng", 782, 41, 48])
    for merged in ("A1:E1", "A2:E2", "A3:E3"):
        ws.merge_cells(merged)
    wb.save(path)
    return path


def initiative_book(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["GIAO CHỈ TIÊU SÁNG KIẾN CHƯƠNG TRÌNH 01 TRIỆU SÁNG KIẾN"])
    ws.append([])
    ws.append(["STT", "Mã đơn vị", "Tên đơn vị", "Giai đoạn", "Chỉ tiêu sáng kiến"])
    ws.append([1, "LC-PT", None, "Giai đoạn 1", 150])
    ws.append([2, None, "LĐLD huyện Sìn Hồ", 1, "170"])
    ws.append([3, None, "Công đoàn Viên chức", "Cả chương trình", 90])
    ws.append([4, "LC-YT", None, "GĐ 3", 10])  # the programme has phases 1 and 2 only
    ws.append([5, None, "CĐCS Không Có Thật", 1, 5])  # unknown unit
    ws.append([6, "LC-GD", None, 2, -3])  # negative
    ws.append([7, "LC-SH-001", None, "Giai đoạn 2", 4])  # a CĐCS by code
    ws.append([None, "Tổng cộng", None, None, 419])
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def bare_demo(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite", targets=False)


@pytest.fixture
def db(bare_demo, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(bare_demo, path)
    database = open_app_database(path)
    yield database
    database.close()


def _lines(db, year=2023):
    with db.reading() as s:
        return [(line.code, line.grassroots_total, line.running_before, line.to_add)
                for line in fund_model_lines(s, year)]


SEED_LINES = [(t.code, t.grassroots, t.running_2022, t.new_2023) for t in FUND_MODEL_2023]


def test_seed_table_preview_import_and_again(db, tmp_path):
    book = seed_book(tmp_path / "chi-tieu-quy-tuong-ho.xlsx")
    preview = import_targets(db, book, dry_run=True)
    assert (preview.kind, preview.year) == ("fund_model", 2023)
    assert len(preview.accepted) == 11 and preview.skipped == []
    reasons = {r.number: r.reason for r in preview.rejected}
    assert sorted(reasons) == [17, 18, 19]  # sheet rows of TT 12, 13, 14
    assert "Không tìm thấy đơn vị “LĐLD huyện Mường Nhé”" in reasons[17]
    assert reasons[18].startswith("Số CĐCS đã thực hiện: ")
    assert "đã có ở dòng 6" in reasons[19]
    assert _lines(db) == []  # the preview wrote nothing

    result = import_targets(db, book, dry_run=False)
    assert len(result.accepted) == 11 and len(result.rejected) == 3
    assert _lines(db) == SEED_LINES  # the province's order, not the codes' order

    again = import_targets(db, book, dry_run=False)
    assert (len(again.accepted), len(again.skipped), len(again.rejected)) == (0, 11, 3)
    assert again.to_json()["kind"] == "fund_model"


def test_a_changed_figure_updates_only_that_unit_and_keeps_the_order(db, tmp_path):
    import_targets(db, seed_book(tmp_path / "a.xlsx", bad=[]), dry_run=False)
    changed = [*SEED_ROWS]
    changed[2] = (3, "LĐLD huyện Than Uyên", 79, "05", "09")
    result = import_targets(db, seed_book(tmp_path / "b.xlsx", rows=changed, bad=[]), dry_run=False)
    assert (len(result.accepted), len(result.skipped)) == (1, 10)
    lines = _lines(db)
    assert lines[2] == ("LC-TU", 79, 5, 9) and [c for c, *_ in lines] == [c for c, *_ in SEED_LINES]


def test_figures_that_do_not_add_up_are_rejected(db, tmp_path):
    rows = [(1, "LĐLD huyện Phong Thô", 5, 4, 3)]
    result = import_targets(db, seed_book(tmp_path / "x.xlsx", rows=rows, bad=[]), dry_run=False)
    assert [r.number for r in result.rejected] == [6]
    assert "vượt tổng số CĐCS" in result.rejected[0].reason


def test_year_from_the_header_or_the_option(db, tmp_path):
    book = seed_book(tmp_path / "a.xlsx", bad=[])
    with pytest.raises(UserError, match="năm 2023, khác năm 2024"):
        import_targets(db, book, dry_run=False, year=2024)
    plain = seed_book(tmp_path / "b.xlsx", bad=[], new_header="Số CĐCS thực hiện",
                      running_header="Số CĐCS đã thực hiện")
    with pytest.raises(UserError, match="--year"):
        import_targets(db, plain, dry_run=False)
    result = import_targets(db, plain, dry_run=False, year=2025)
    assert result.year == 2025 and len(result.accepted) == 11
    assert _lines(db, 2025) == SEED_LINES and _lines(db, 2023) == []


def test_initiative_targets_by_phase(db, tmp_path):
    book = initiative_book(tmp_path / "chi-tieu-sang-kien.xlsx")
    result = import_targets(db, book, dry_run=False)
    assert result.kind == "initiative"
    assert len(result.accepted) == 4
    reasons = {r.number: r.reason for r in result.rejected}
    assert sorted(reasons) == [7, 8, 9]
    assert "không có giai đoạn 3" in reasons[7]
    assert "Không tìm thấy đơn vị “CĐCS Không Có Thật”" in reasons[8]
    assert reasons[9].startswith("Chỉ tiêu: ") and "âm" in reasons[9]
    with db.reading() as s:
        programme = find_programme(s, "1TRIEU-SK")
        phase1 = initiative_targets(s, programme.id, 1)
        phase2 = initiative_targets(s, programme.id, 2)
        whole = initiative_targets(s, programme.id, 0)
        code = {u: find_by_code(s, c).id for u, c in (("pt", "LC-PT"), ("sh", "LC-SH"),
                                                      ("vc", "LC-VC"), ("cs", "LC-SH-001"))}
    assert phase1 == {code["pt"]: 150, code["sh"]: 170}
    assert whole == {code["vc"]: 90}
    assert phase2 == {code["cs"]: 4}
    again = import_targets(db, book, dry_run=False)
    assert (len(again.accepted), len(again.skipped), len(again.rejected)) == (0, 4, 3)


def test_unrecognised_sheet_says_what_is_expected(db, tmp_path):
    wb = Workbook()
    wb.active.append(["Họ và tên", "Ngày sinh"])
    wb.active.append(["Lê Văn A", "01/01/1990"])
    wb.save(tmp_path / "khac.xlsx")
    with pytest.raises(WorkbookError, match="Không nhận ra bảng chỉ tiêu.*Giai đoạn.*Tổng số CĐCS"):
        import_targets(db, tmp_path / "khac.xlsx", dry_run=True)
    with pytest.raises(WorkbookError, match="Không tìm thấy tệp"):
        import_targets(db, tmp_path / "khong-co.xlsx", dry_run=True)


def test_value_parsers():
    assert [parse_phase(v) for v in (1, 2.0, "Giai đoạn 1", "GĐ 2", "giai doan 2", "Năm 2024",
                                     "Cả chương trình", "Toàn chương trình")] == \
        [1, 2, 1, 2, 2, 2024, 0, 0]
    for bad in ("Đợt đầu", 1.5, -1):
        with pytest.raises(ValueError):
            parse_phase(bad)
    assert [parse_count(v) for v in (6, 6.0, "06", "1.200")] == [6, 6, 6, 1200]
    for bad in (-1, 2.5, "ba", True):
        with pytest.raises(ValueError):
            parse_count(bad)


def test_relaxed_names_ignore_prefix_typos_and_abbreviations(db):
    assert relaxed_name("LĐLD huyện Phong Thô") == relaxed_name("LĐLĐ huyện Phong Thổ") == \
        relaxed_name("Liên đoàn Lao động huyện Phong Thổ") == "huyen phong tho"
    assert relaxed_name("LĐLĐ TP Lai Châu") == relaxed_name("LĐLĐ Thành phố Lai Châu")
    with db.reading() as s:
        finder = UnitFinder(s)
        assert finder.find(None, "Liên đoàn Lao động huyện Sìn Hồ").code == "LC-SH"
        assert finder.find(None, "huyện Mường Tè").code == "LC-MT"
        assert finder.find("lc-gd", "anything").code == "LC-GD"
        with pytest.raises(UserError, match="khớp với nhiều đơn vị"):
            finder.find(None, "CĐCS Trường Mầm non")
        with pytest.raises(UserError, match="Không có đơn vị mã ZZ"):
            finder.find("ZZ", None)
