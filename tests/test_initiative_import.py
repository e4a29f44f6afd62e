"""Initiative import from a messy real-style workbook: title rows, merged two-row header,
STT and totals rows, text dates and money, several authors per cell; bad rows rejected with
their row number and reason; re-import, dry run, --create-units, duplicates, cancel."""

from __future__ import annotations

import gc
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.common.errors import Cancelled
from core.common.text import fold
from core.common.workbook import WorkbookError
from core.initiatives import records as initiatives
from core.initiatives.importing import (
    import_initiatives,
    parse_authors,
    parse_kind,
    parse_status,
)
from core.initiatives.records import AuthorInput, InitiativeInput
from core.org import units as org
from db import tally
from db.models import (
    Initiative,
    InitiativeAuthor,
    InitiativeChange,
    InitiativeKind,
    InitiativeStatus,
    Recogniser,
    UnitKind,
)
from tests.fixtures_workbook import make_xlsx

HEADER = ["STT", "Tên sáng kiến", "Tác giả, nhóm tác giả", "Đơn vị công tác", "Lĩnh vực",
          "Loại giải pháp", "Ngày áp dụng", "Hiệu quả", None, "Tình trạng",
          "Số quyết định công nhận", "Ngày công nhận", "Tóm tắt nội dung"]
SUB_HEADER = [None] * 7 + ["Giá trị làm lợi (đồng)", "Hiệu quả xã hội"] + [None] * 4

SHEET = [
    ["LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĨNH LINH"],  # 1
    ["DANH SÁCH SÁNG KIẾN THAM GIA CHƯƠNG TRÌNH “01 TRIỆU SÁNG KIẾN” GIAI ĐOẠN 2"],  # 2
    [],  # 3
    HEADER,  # 4
    SUB_HEADER,  # 5
    [f"({i})" for i in range(1, 14)],  # 6 column numbers
    [1, "Ứng dụng phần mềm quản lý hồ sơ đoàn viên công đoàn",  # 7
     "Lê Thị Hương (60%), Trần Văn Đức (40%)", "cđcs bệnh viện đa khoa vĩnh linh", "Y tế",
     "Giải pháp kỹ thuật", "06/3/2023", "3.031.150.000", None, "Hợp lệ", "12/QĐ-HĐSK",
     "15/3/2023", "Quản lý hồ sơ đoàn viên trên máy tính"],
    [2, "Cải tiến quy trình thu đoàn phí qua ngân hàng",  # 8
     "Nguyễn Văn An; Phạm Thị Bình\nHoàng Văn Cường", "VL-0002", "Giáo dục và đào tạo",
     "kỹ thuật", datetime(2022, 9, 5), "15.000.000 đ", "Giảm thời gian thu nộp",
     "Đang xem xét", None, None, None],
    [3, "Sổ tay điện tử cho tổ công đoàn", "Võ Thị Duyên", "CĐCS Trường THPT Cửa Tùn",  # 9
     "Lĩnh vực khác", "Giải pháp trong hoạt động công đoàn", "10/01/2023", None,
     "Tiện tra cứu", "Đang xem xét", None, None, None],
    [4, "Mô hình vườn rau sạch trong trường học", "Trần Văn Lâm (70%), Lê Thị Mai (20%)",  # 10
     "VL-0001", "Nông nghiệp", "Giải pháp quản lý", "01/02/2023", 5_000_000, None,
     "Đang xem xét", None, None, None],
    [5, "Hệ thống tưới nhỏ giọt", "Đặng Văn Dương", "VL-0001", None,  # 11
     "Giải pháp kỹ thuật", "31/02/2023", None, None, None, None, None, None],
    [6, "Cải tiến bếp ăn bán trú", "Ngô Thị Lan", "VL-0002", None,  # 12
     "Giải pháp sáng tạo", "01/03/2023", None, "Bữa ăn ngon hơn", None, None, None, None],
    [7, "Đường dây nóng hỗ trợ đoàn viên", "Võ Thị Duyên 60 %\nĐặng Văn Dương 40 %",  # 13
     "cdcs truong thpt cua tung", "Lĩnh vực khác", "Giải pháp trong hoạt động công đoàn",
     "20/02/2023", None, "Hỗ trợ kịp thời",
     "Không hợp lệ: trùng với sáng kiến năm 2021", None, None, None],
    [8, None, None, None, None, None, None, None, None, None, None, None, None],  # 14 STT only
    ["Tổng cộng", None, None, None, None, None, None, "3.051.150.000", None, None, None,  # 15
     None, None],
]
MERGES = ["A1:M1", "A2:M2", "H4:I4", *(f"{c}4:{c}5" for c in "ABCDEFGJKLM")]

REJECTED = {
    9: "Đơn vị: không tìm thấy “CĐCS Trường THPT Cửa Tùn”. Có phải: CĐCS Trường THPT Cửa Tùng",
    10: "Tác giả: Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là 90%).",
    11: "Ngày áp dụng lần đầu: Ngày không tồn tại: 31/02/2023 (tháng 2 năm 2023 chỉ có 28 ngày)",
    12: "Loại giải pháp: không rõ “Giải pháp sáng tạo” (dùng: Giải pháp kỹ thuật, "
        "Giải pháp quản lý,",
}


def messy_book(path: Path) -> Path:
    return make_xlsx(path, SHEET, MERGES, sheet="DS sáng kiến")


@pytest.fixture
def units(app_db):
    with app_db.transaction() as s:
        for code, name in (("VL-0001", "CĐCS Bệnh viện Đa khoa Vĩnh Linh"),
                           ("VL-0002", "CĐCS Trường THPT Cửa Tùng")):
            org.create_unit(s, org.UnitInput(code=code, name=name, kind=UnitKind.GRASSROOTS,
                                             parent_code="VL"))
    return app_db


@pytest.fixture
def book(tmp_path):
    return messy_book(tmp_path / "danh sach sang kien.xlsx")


def _records(db) -> dict[str, Initiative]:
    with db.reading() as s:
        items = s.scalars(select(Initiative)).all()
        for item in items:
            _ = item.authors  # load while the session is open
        return {item.name: item for item in items}


def _count(db, model) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_messy_workbook_accepts_good_rows_and_explains_bad_ones(units, book):
    result = import_initiatives(units, book, dry_run=False)
    assert [r.number for r in result.accepted] == [7, 8, 13]
    assert result.skipped == []
    assert [r.number for r in result.rejected] == [9, 10, 11, 12]
    reasons = {r.number: r.reason for r in result.rejected}
    for row, start in REJECTED.items():
        assert reasons[row].startswith(start), (row, reasons[row])
    assert reasons[9].endswith("?")

    records = _records(units)
    first = records["Ứng dụng phần mềm quản lý hồ sơ đoàn viên công đoàn"]
    assert first.economic_benefit == 3_031_150_000
    assert first.first_applied_on == date(2023, 3, 6)
    assert first.registered_on == date(2023, 3, 6)  # no "Ngày đăng ký": the date applied
    assert first.phase_number == 2
    assert first.status == InitiativeStatus.VALID
    assert first.recognised_by == Recogniser.COUNCIL
    assert (first.decision_number, first.decision_date) == ("12/QĐ-HĐSK", date(2023, 3, 15))
    assert first.kind == InitiativeKind.TECHNICAL and first.field == "health"
    assert first.number == "VL-SK-2023-00001"
    assert [(a.full_name, a.share) for a in first.authors] == [("Lê Thị Hương", 60),
                                                               ("Trần Văn Đức", 40)]
    assert first.lead_author == "Lê Thị Hương"
    assert first.authors_text == "Lê Thị Hương (60%), Trần Văn Đức (40%)"
    assert first.unit_folded == "cdcs benh vien da khoa vinh linh"
    assert first.origin_office == "VL" and first.row_version == 1

    fees = records["Cải tiến quy trình thu đoàn phí qua ngân hàng"]
    assert fees.economic_benefit == 15_000_000
    assert fees.number == "VL-SK-2022-00001"
    assert [(a.full_name, a.share) for a in fees.authors] == [
        ("Nguyễn Văn An", 34), ("Phạm Thị Bình", 33), ("Hoàng Văn Cường", 33)]
    assert fees.recognised_by is None and fees.status == InitiativeStatus.UNDER_REVIEW

    hotline = records["Đường dây nóng hỗ trợ đoàn viên"]
    assert [(a.full_name, a.share) for a in hotline.authors] == [("Võ Thị Duyên", 60),
                                                                 ("Đặng Văn Dương", 40)]
    assert hotline.status == InitiativeStatus.REJECTED
    assert hotline.rejection_reason == "trùng với sáng kiến năm 2021"
    assert hotline.number == "VL-SK-2023-00002"

    # folded columns as core.initiatives.records computes them; history; the search index
    for item in records.values():
        assert item.name_folded == fold(item.name)
        assert item.authors_folded == fold(" ".join(f"{a.full_name} {a.unit_text}"
                                                    for a in item.authors))
    assert _count(units, InitiativeAuthor) == 7
    with units.reading() as s:
        actions = s.scalars(select(InitiativeChange.action)).all()
        assert actions == ["imported"] * 3
        seqs = sorted(s.scalars(select(Initiative.seq)))
        assert seqs == [1, 2, 3]
        s.execute(select(func.count()).select_from(Initiative))  # still readable
        s.connection().exec_driver_sql(
            "INSERT INTO initiative_fts(initiative_fts) VALUES('integrity-check')")
        triggers = s.connection().exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE 'initiative_%'"
        ).scalars().all()
        assert sorted(triggers) == ["initiative_ad", "initiative_ai", "initiative_au",
                                    "initiative_tally_ad", "initiative_tally_ai",
                                    "initiative_tally_au_new", "initiative_tally_au_old"]
        assert tally.differences(s) == 0  # the new rows were counted after the bulk insert
        assert {h.number for h in initiatives_search(s, "cong doan")} >= {first.number}
        assert {h.number for h in initiatives_search(s, "duong")} == {hotline.number}


def initiatives_search(session, text):
    from core.initiatives.register import RegisterFilter, page

    return page(session, RegisterFilter(text=text), limit=50)


def test_reimport_adds_nothing_and_dry_run_writes_nothing(units, book):
    with units.engine.connect() as conn:
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    preview = import_initiatives(units, book, dry_run=True)
    assert (len(preview.accepted), len(preview.skipped), len(preview.rejected)) == (3, 0, 4)
    assert _count(units, Initiative) == 0 and _count(units, InitiativeChange) == 0
    import_initiatives(units, book, dry_run=False)
    again = import_initiatives(units, book, dry_run=False)
    assert (len(again.accepted), len(again.skipped), len(again.rejected)) == (0, 3, 4)
    assert again.duplicates == []
    assert _count(units, Initiative) == 3
    assert _count(units, InitiativeAuthor) == 7
    # the bulk-import tuning is undone
    assert gc.isenabled()
    with units.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == cache


def test_create_units_adds_the_unknown_union_under_the_office(units, book):
    result = import_initiatives(units, book, dry_run=False, create_units=True)
    assert [r.number for r in result.accepted] == [7, 8, 9, 13]
    assert [r.number for r in result.rejected] == [10, 11, 12]
    assert result.created_units == ["VL-0003 CĐCS Trường THPT Cửa Tùn"]
    with units.reading() as s:
        unit = org.find_by_code(s, "VL-0003")
        assert unit.kind == UnitKind.GRASSROOTS and unit.parent.code == "VL"
    # a dry run with new units leaves no unit behind
    other = messy_book(book.with_name("other.xlsx"))
    import_initiatives(units, other, dry_run=True, create_units=True)
    with units.reading() as s:
        assert org.find_by_code(s, "VL-0004") is None


def test_likely_duplicate_is_imported_and_reported(units, book):
    with units.transaction() as s:
        unit = org.find_by_code(s, "VL-0001")
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        existing = initiatives.create_initiative(s, InitiativeInput(
            name="Ung dung phan mem quan li ho so doan vien Cong doan.",  # retyped
            kind=InitiativeKind.TECHNICAL, unit_id=unit.id, programme_id=programme.id,
            authors=[AuthorInput("Nguyễn Thị Hoa"), AuthorInput("Lê Thị Hương")],
            registered_on=date(2022, 5, 1)))
        # the same title by other authors, and from another unit: other initiatives
        initiatives.create_initiative(s, InitiativeInput(
            name="Ứng dụng phần mềm quản lý hồ sơ đoàn viên công đoàn",
            kind=InitiativeKind.TECHNICAL, unit_id=unit.id, programme_id=programme.id,
            authors=[AuthorInput("Nguyễn Thị Hoa")], registered_on=date(2022, 5, 1)))
        initiatives.create_initiative(s, InitiativeInput(
            name="Ứng dụng phần mềm quản lý hồ sơ đoàn viên công đoàn",
            kind=InitiativeKind.TECHNICAL, unit_id=org.find_by_code(s, "VL-0002").id,
            programme_id=programme.id, authors=[AuthorInput("Lê Thị Hương")],
            registered_on=date(2022, 5, 1)))
        number = existing.number
    result = import_initiatives(units, book, dry_run=False)
    assert [r.number for r in result.accepted] == [7, 8, 13]
    assert [(d.row, d.existing) for d in result.duplicates] == [(7, number)]
    data = result.to_json()
    assert data["duplicates"][0]["row"] == 7 and data["duplicates"][0]["existing"] == number
    assert data["duplicates"][0]["name"].startswith("Ung dung phan mem")
    assert data["duplicates"][0]["similarity"] == 100
    assert any(number in w for w in result.warnings)
    # the same judgement as the form's duplicate check
    with units.reading() as s:
        unit = org.find_by_code(s, "VL-0001")
        found = initiatives.find_duplicates(
            s, "Ứng dụng phần mềm quản lý hồ sơ đoàn viên công đoàn", unit.id, ["Lê Thị Hương"])
        assert number in {c.number for c in found}


def test_duplicates_within_the_file_and_exact_repeats(units, tmp_path):
    rows = [
        ["Tên giải pháp", "Họ và tên tác giả", "CĐCS", "Loại sáng kiến", "Thời gian áp dụng"],
        ["Sổ tay điện tử cho tổ công đoàn", "Võ Thị Duyên", "VL-0002", "Kỹ thuật", "10/01/2023"],
        ["Sổ tay điện tử cho tổ công đoàm", "Lê Văn Bình; Võ Thị Duyên", "VL-0002", "Kỹ thuật",
         None],  # a typo, a co-author added
        ["Sổ tay điện tử cho các tổ công đoàn", "Võ Thị Duyên", "VL-0002", "Kỹ thuật", None],
        ["Sổ tay điện tử cho tổ công đoàn số 2", "Võ Thị Duyên", "VL-0002", "Kỹ thuật", None],
        ["Sổ tay điện tử cho tổ công đoàn", "Trần Văn Cường", "VL-0002", "Kỹ thuật", None],
        ["SỔ TAY ĐIỆN TỬ CHO TỔ CÔNG ĐOÀN", "vo thi duyen", "cdcs truong thpt cua tung",
         "ky thuat", "10/01/2023"],
    ]
    result = import_initiatives(units, make_xlsx(tmp_path / "ds.xlsx", rows), dry_run=False)
    assert [r.number for r in result.accepted] == [2, 3, 4, 5, 6]
    assert [r.number for r in result.skipped] == [7]  # same name, unit and lead author
    # a word added, a number, other authors: other initiatives
    assert [(d.row, d.file_row) for d in result.duplicates] == [(3, 2)]
    assert "trùng với dòng 2 của tệp này" in result.duplicates[0].message()


def test_unknown_programme_and_kind_default(units, tmp_path):
    rows = [["Tên đề tài", "Tác giả", "Đơn vị", "Chương trình", "Ngày đăng ký"],
            ["Nghiên cứu giống lúa chịu hạn", "Lê Văn Nam", "VL-0001", "LDG-LDST", "05/5/2023"],
            ["Nghiên cứu giống ngô", "Lê Văn Nam", "VL-0001", "Không có", None]]
    path = make_xlsx(tmp_path / "dt.xlsx", rows)
    with pytest.raises(Exception, match="Không có chương trình “XYZ”"):
        import_initiatives(units, path, dry_run=True, programme="XYZ")
    result = import_initiatives(units, path, dry_run=False)
    assert [r.number for r in result.accepted] == [2]
    assert result.rejected[0].reason.startswith("Chương trình: không có “Không có”")
    assert any("không có cột Loại giải pháp" in w for w in result.warnings)
    (item,) = _records(units).values()
    assert item.kind == InitiativeKind.TECHNICAL
    assert item.phase_number == 2023  # yearly programme: the phase is the year registered


def test_cancel_leaves_nothing(units, book):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        import_initiatives(units, book, dry_run=False, is_cancelled=cancelled)
    assert _count(units, Initiative) == 0


def test_missing_file_is_a_vietnamese_error(units, tmp_path):
    with pytest.raises(WorkbookError, match="Không tìm thấy tệp"):
        import_initiatives(units, tmp_path / "khong-co.xlsx", dry_run=True)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Lê Thị Hương (60%), Trần Văn Đức (40%)", [("Lê Thị Hương", 60), ("Trần Văn Đức", 40)]),
        ("Lê Thị Hương 60 %; Trần Văn Đức 40 %", [("Lê Thị Hương", 60), ("Trần Văn Đức", 40)]),
        ("A; B\nC", [("A", 34), ("B", 33), ("C", 33)]),
        ("1. Lê Văn A - 50%\n2. Trần Thị B - 50%", [("Lê Văn A", 50), ("Trần Thị B", 50)]),
        ("Lê Văn A (Trường THCS X, 70%) và Trần Thị B", [("Lê Văn A", 70), ("Trần Thị B", 30)]),
        ("Lê Văn A, 60%; Trần Thị B, 40%", [("Lê Văn A", 60), ("Trần Thị B", 40)]),
        # a line break lost on the way (the cell text was flattened): split by family names
        ("Nguyễn Văn An Phạm Thị Bình", [("Nguyễn Văn An", 50), ("Phạm Thị Bình", 50)]),
        ("Tôn Nữ Thị Minh Khai", [("Tôn Nữ Thị Minh Khai", 100)]),
    ],
)
def test_author_cells(cell, expected):
    assert [(a.full_name, a.share) for a in parse_authors(cell).authors] == expected


def test_author_cell_errors():
    with pytest.raises(ValueError, match="số nguyên"):
        parse_authors("Lê Văn A (33,5%), Trần B")
    with pytest.raises(Exception, match="hiện là 90%"):
        parse_authors("Lê Văn A (70%), Trần B (20%)")


def test_values_ignore_tones_and_case():
    assert parse_kind("GIAI PHAP KY THUAT") == InitiativeKind.TECHNICAL
    assert parse_kind("Đề tài nghiên cứu khoa học cấp tỉnh") == InitiativeKind.RESEARCH
    assert parse_status("hợp lệ") == (InitiativeStatus.VALID, "")
    assert parse_status("Đang xem xét") == (InitiativeStatus.UNDER_REVIEW, "")
    assert parse_status("Không hợp lệ (ngoài thời gian)") == (InitiativeStatus.REJECTED,
                                                               "ngoài thời gian")
    with pytest.raises(ValueError, match="dùng: Nháp, Đang xem xét, Hợp lệ, Không hợp lệ"):
        parse_status("Chờ")


def test_units_differing_only_by_tones(units, tmp_path):
    with units.transaction() as s:
        for code, name in (("VL-0010", "CĐCS Trường Tiểu học xã Nậm Cha"),
                           ("VL-0011", "CĐCS Trường Tiểu học xã Nậm Chà")):
            org.create_unit(s, org.UnitInput(code=code, name=name, kind=UnitKind.GRASSROOTS,
                                             parent_code="VL"))
    rows = [["Tên sáng kiến", "Tác giả", "Đơn vị"],
            ["Vườn trường xanh", "Lò Văn Pọm", "CĐCS Trường Tiểu học xã Nậm Chà"],
            ["Thư viện thân thiện", "Lò Thị Xuân", "cdcs truong tieu hoc xa nam cha"]]
    result = import_initiatives(units, make_xlsx(tmp_path / "u.xlsx", rows), dry_run=False,
                                create_units=True)
    assert [r.number for r in result.accepted] == [2]
    assert result.rejected[0].reason.startswith(
        "Đơn vị: “cdcs truong tieu hoc xa nam cha” giống tên nhiều đơn vị (VL-0010")
    assert result.created_units == []
    (item,) = _records(units).values()
    with units.reading() as s:
        assert org.find_by_code(s, "VL-0011").id == item.unit_id


def test_a_row_with_a_bad_value_and_an_unknown_unit_is_told_both(units, tmp_path):
    """Walkthrough finding: the unknown unit was only reported once the other error was
    fixed — one correction of the file must fix everything."""
    rows = [["STT", "Tên sáng kiến", "Tác giả", "Đơn vị", "Loại", "Giá trị làm lợi"],
            [1, "Sổ tay điện tử", "Võ Thị Duyên (60%), Lê Văn Bình (30%)",
             "CĐCS Trường Tiểu học không tồn tại", "Giải pháp quản lý", -5]]
    book = make_xlsx(tmp_path / "hai loi.xlsx", rows)
    result = import_initiatives(units, book, dry_run=True)
    (rejected,) = result.rejected
    assert "Giá trị làm lợi: không được âm" in rejected.reason
    assert "Đơn vị: không tìm thấy “CĐCS Trường Tiểu học không tồn tại”" in rejected.reason
    assert ".;" not in rejected.reason  # one sentence per problem, joined cleanly
    # with --create-units the unit would be created, so it is no problem of the row
    result = import_initiatives(units, book, dry_run=True, create_units=True)
    assert "Đơn vị" not in result.rejected[0].reason
    # "Loại" (the register's export before it said "Loại giải pháp") is the kind column
    rows[1][2], rows[1][5] = "Võ Thị Duyên", 1_000
    result = import_initiatives(units, make_xlsx(tmp_path / "loai.xlsx", rows), dry_run=True,
                                create_units=True)
    assert not result.rejected
    assert result.accepted[0].data["kind"] == InitiativeKind.MANAGEMENT
