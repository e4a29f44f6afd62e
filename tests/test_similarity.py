"""core.common.similarity on a real-style register: numbered series, yearly repeats, one title
in several units, one author's several initiatives are all *different* initiatives; a retyped
record (no tones, a typo, extra spaces, other punctuation) is a likely duplicate. The same
judgement through the form's check (find_duplicates) and the importer; unit suggestions
("Có phải …?") only for names alike enough."""

from __future__ import annotations

import difflib
import itertools
from datetime import date

import pytest
from sqlalchemy import select

from core.common.similarity import (
    DuplicateIndex,
    InitiativeKey,
    Title,
    closest_names,
    is_typo,
    likely_same_initiative,
    name_similarity,
    same_title,
    title_key,
    title_similarity,
)
from core.common.text import fold
from core.initiatives import records as initiatives
from core.initiatives.importing import import_initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from core.org import units as org
from db.models import Initiative, InitiativeKind, UnitKind
from tests.fixtures_workbook import make_xlsx

UNITS = {
    "VL-0001": "CĐCS Văn phòng UBND huyện Vĩnh Linh",
    "VL-0002": "CĐCS Trường THCS Hồ Xuân Hương",
    "VL-0003": "CĐCS Bệnh viện Đa khoa Vĩnh Linh",
    "VL-0004": "CĐCS Trường Tiểu học Vĩnh Tú",
}

# (title, unit code, authors): twenty different initiatives, as offices write them.
REGISTER = [
    ("Ứng dụng CNTT trong công tác văn thư số 7", "VL-0001", ["Lê Thị Hương"]),
    ("Ứng dụng CNTT trong công tác văn thư số 8", "VL-0001", ["Lê Thị Hương"]),
    ("Ứng dụng CNTT trong công tác văn thư số 9", "VL-0001", ["Lê Thị Hương", "Trần Văn Đức"]),
    ("Sáng kiến cải tiến quy trình tiếp nhận hồ sơ năm 2022", "VL-0001", ["Trần Văn Đức"]),
    ("Sáng kiến cải tiến quy trình tiếp nhận hồ sơ năm 2023", "VL-0001", ["Trần Văn Đức"]),
    ("Sáng kiến cải tiến quy trình tiếp nhận hồ sơ năm 2022", "VL-0003", ["Nguyễn Thị Mai"]),
    ("Số hóa hồ sơ đoàn viên công đoàn cơ sở đợt 1", "VL-0001", ["Lê Thị Hương"]),
    ("Số hóa hồ sơ đoàn viên công đoàn cơ sở đợt 2", "VL-0001", ["Lê Thị Hương"]),
    ("Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 6", "VL-0002", ["Phạm Thị Dung"]),
    ("Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 7", "VL-0002", ["Phạm Thị Dung"]),
    ("Sử dụng sơ đồ tư duy trong dạy học môn Văn lớp 6", "VL-0002", ["Phạm Thị Dung"]),
    ("Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 6", "VL-0002", ["Đỗ Văn Dũng"]),
    ("Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 6", "VL-0004", ["Hoàng Văn Nam"]),
    ("Nâng cao chất lượng bữa ăn bán trú học kỳ I", "VL-0004", ["Hoàng Văn Nam"]),
    ("Nâng cao chất lượng bữa ăn bán trú học kỳ II", "VL-0004", ["Hoàng Văn Nam"]),
    ("Mô hình vườn rau sạch trong trường mầm non", "VL-0004", ["Hoàng Văn Nam"]),
    ("Giải pháp phòng chống dịch Covid-19 tại khoa Nội", "VL-0003", ["Nguyễn Thị Mai"]),
    ("Giải pháp phòng chống dịch Covid-19 tại khoa Nhi", "VL-0003", ["Nguyễn Thị Mai"]),
    ("Giải pháp phòng chống dịch Covid-19 tại khoa Ngoại", "VL-0003", ["Nguyễn Thị Mai"]),
    ("Đề tài ứng dụng phần mềm quản lý hồ sơ bệnh án điện tử giai đoạn 2021-2022", "VL-0003",
     ["Nguyễn Thị Mai", "Lê Văn Nam"]),
    ("Đề tài ứng dụng phần mềm quản lý hồ sơ bệnh án điện tử giai đoạn 2022-2023", "VL-0003",
     ["Nguyễn Thị Mai", "Lê Văn Nam"]),
]

# (retyped title, unit, authors, index in REGISTER of the record it repeats)
RETYPED = [
    ("Ung dung CNTT trong cong tac van thu so 7", "VL-0001", ["Le Thi Huong"], 0),  # no tones
    ("Sử dụng sơ đồ tư duy tromg dạy học môn Toán lớp 6", "VL-0002", ["Phạm Thị Dung"], 8),  # typo
    ("  GIẢI PHÁP  PHÒNG CHỐNG DỊCH COVID 19 TẠI KHOA NỘI. ", "VL-0003",  # case, spaces, "-"
     ["Nguyễn Thị Mai"], 16),
    ("Đề tài ứng dụng phần mềm quản lí hồ sơ bệnh án điện tử giai đoạn 2021 - 2022", "VL-0003",
     ["Lê Văn Nam"], 19),  # lý/lí, a co-author only
    ("Mô hình vườn rau sạch trong trường mầmnon", "VL-0004", ["Hoàng Văn Nam", "Ai Khác"], 15),
    ("Số hoá hồ sơ đoàn viên công đoàn cơ sở, đợt 01", "VL-0001", ["Lê Thị Hương"], 6),
]


def _key(title: str, unit: str, authors: list[str]) -> InitiativeKey:
    return InitiativeKey.of(title, unit, authors)


# ---- the rule ----------------------------------------------------------------------------------


def test_no_two_rows_of_a_real_register_are_duplicates():
    keys = [_key(*row) for row in REGISTER]
    flagged = [(i, j) for (i, a), (j, b) in itertools.combinations(enumerate(keys), 2)
               if likely_same_initiative(a, b)]
    assert flagged == []
    index = DuplicateIndex()
    assert [index.find_and_add(i, k) for i, k in enumerate(keys)] == [None] * len(keys)


def test_the_old_ratio_flagged_most_of_that_register():
    """What the test guards against: difflib's ratio ≥ 0.85 with the same unit or a shared
    author (the rule before) calls most of these rows duplicates of another."""
    def old_rule(a, b) -> bool:
        alike = difflib.SequenceMatcher(None, fold(a[0]), fold(b[0])).ratio() >= 0.85
        return alike and (a[1] == b[1] or bool({fold(x) for x in a[2]} & {fold(x) for x in b[2]}))

    flagged = {i for i, a in enumerate(REGISTER) for j, b in enumerate(REGISTER)
               if i != j and old_rule(a, b)}
    assert len(flagged) >= 15


@pytest.mark.parametrize(("title", "unit", "authors", "original"), RETYPED)
def test_a_retyped_record_is_a_likely_duplicate(title, unit, authors, original):
    key = _key(title, unit, authors)
    assert likely_same_initiative(key, _key(*REGISTER[original]))
    index = DuplicateIndex()
    for i, row in enumerate(REGISTER):
        index.add(i, _key(*row))
    label, percent = index.find(key)
    assert label == original and percent >= 90


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ứng dụng CNTT trong công tác văn thư số 7", "Ứng dụng CNTT trong công tác văn thư số 8"),
        ("… văn thư số 7", "… văn thư số 17"),
        ("… văn thư số 7", "… văn thư"),  # a number left out
        ("Sáng kiến năm 2022", "Sáng kiến năm 2023"),
        ("Giai đoạn I", "Giai đoạn II"),
        ("Dạy học môn Toán", "Dạy học môn Văn"),  # another word, not a typo
        ("Phòng dịch tại khoa Nội", "Phòng dịch tại khoa Nhi"),  # short syllables
        ("Sổ tay điện tử cho tổ công đoàn", "Sổ tay điện tử cho các tổ công đoàn"),  # a word more
        ("Thu đoàn phí qua ngân hàng", "Thu hội phí qua ngân hàng"),
        ("Ứng dụng phần mềm quản lý", "Ứng dụng phầm mêm quản lí hồ sơ"),
        ("", ""),
    ],
)
def test_different_titles(a, b):
    assert not same_title(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ứng dụng CNTT trong công tác văn thư số 7", "UNG DUNG CNTT TRONG CONG TAC VAN THU SO 07"),
        ("Phòng, chống Covid-19", "phong chong covid 19"),
        ("Quản lý kỹ thuật", "Quản lí kĩ thuật"),
        ("Sổ tay điện tử cho tổ công đoàn", "Sổ tay điện tử cho tổ công đoàm"),  # one typo
        ("Sổ tay điện tử cho tổ công đoàn", "Sổ tay điệntử cho tổ côngđoàn"),  # spaces lost
        ("Cải tiến quy trình thu đoàn phí qua ngân hàng", "Cải tiến quy trìnhh thu đoàn phí qua ngân hàgn"),
    ],
)
def test_same_titles(a, b):
    assert same_title(a, b)
    assert title_similarity(a, b) >= 90


def test_units_and_authors_tell_initiatives_apart():
    title = "Ứng dụng phần mềm quản lý hồ sơ đoàn viên"
    one = _key(title, "VL-0001", ["Lê Thị Hương", "Trần Văn Đức"])
    assert likely_same_initiative(one, _key(title, "VL-0001", ["le thi huong"]))
    assert not likely_same_initiative(one, _key(title, "VL-0002", ["Lê Thị Hương"]))
    assert not likely_same_initiative(one, _key(title, "VL-0001", ["Ai Khác"]))
    # not known is no evidence either way
    assert likely_same_initiative(one, _key(title, None, []))
    assert likely_same_initiative(one, _key(title, "VL-0001", []))


def test_title_parts():
    title = Title.of("Sáng kiến “Số hoá” – giai đoạn II, năm 2022 (đợt 03)")
    assert title.key == "sang kien so hoa giai doan ii nam 2022 dot 3"
    assert title.numbers == (2, 2022, 3)
    assert title_key("Phạm vi áp dụng") == "pham vi ap dung"  # "vi" is a word, not VI
    assert Title.of("Phạm vi").numbers == ()
    assert not Title.of(" – ")
    assert is_typo("doan", "doam") and is_typo("thcs", "thsc") and is_typo("tung", "tun")
    assert not is_typo("noi", "nhi") and not is_typo("2022", "2023") and not is_typo("toan", "van")


# ---- through the form's check and the importer -------------------------------------------------


@pytest.fixture
def register_db(app_db):
    """The office's register holding REGISTER; {row index: number}."""
    numbers = {}
    with app_db.transaction() as s:
        ids = {}
        for code, name in UNITS.items():
            ids[code] = org.create_unit(s, org.UnitInput(
                code=code, name=name, kind=UnitKind.GRASSROOTS, parent_code="VL")).id
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        for i, (title, unit, authors) in enumerate(REGISTER):
            item = initiatives.create_initiative(s, InitiativeInput(
                name=title, kind=InitiativeKind.TECHNICAL, unit_id=ids[unit],
                programme_id=programme.id, authors=[AuthorInput(a) for a in authors],
                registered_on=date(2022, 5, 1)))
            numbers[i] = item.number
    return app_db, ids, numbers


def test_the_form_flags_none_of_the_register_and_every_retyped_record(register_db):
    db, ids, numbers = register_db
    with db.reading() as s:
        by_number = {c: n for n, c in numbers.items()}
        for i, (title, unit, authors) in enumerate(REGISTER):
            found = initiatives.find_duplicates(s, title, ids[unit], authors)
            assert [by_number[c.number] for c in found] == [i], REGISTER[i]
        for title, unit, authors, original in RETYPED:
            found = initiatives.find_duplicates(s, title, ids[unit], authors)
            assert [c.number for c in found] == [numbers[original]], title
            assert found[0].similarity >= 90


def test_the_importer_flags_none_of_a_real_register(app_db, tmp_path):
    with app_db.transaction() as s:
        for code, name in UNITS.items():
            org.create_unit(s, org.UnitInput(code=code, name=name, kind=UnitKind.GRASSROOTS,
                                             parent_code="VL"))
    header = ["Tên sáng kiến", "Tác giả", "Đơn vị"]
    rows = [header, *([t, "; ".join(a), u] for t, u, a in REGISTER)]
    result = import_initiatives(app_db, make_xlsx(tmp_path / "so.xlsx", rows), dry_run=False)
    assert len(result.accepted) == len(REGISTER) and result.rejected == []
    assert result.duplicates == []
    # A second file: each retyped record is reported against the register — but the one
    # that differs only in tones, with the same unit and lead author, is the same row
    # imported again and skipped; within the file, a row against an earlier one.
    retyped = [header, *([t, "; ".join(a), u] for t, u, a, _ in RETYPED)]
    retyped += [["Ứng dụng CNTT trong công tác văn thư số 10", "Lê Thị Hương", "VL-0001"],
                ["Ứng dụng CNTT trong côg tác văn thư số 10", "Trần Văn Đức; Lê Thị Hương", "VL-0001"]]
    result = import_initiatives(app_db, make_xlsx(tmp_path / "lai.xlsx", retyped), dry_run=True)
    with app_db.reading() as s:
        numbers = {row[:3]: row[3] for row in s.execute(
            select(Initiative.name, Initiative.unit_folded, Initiative.lead_author, Initiative.number))}
    expected = [(row, numbers[REGISTER[n][0], fold(UNITS[REGISTER[n][1]]), REGISTER[n][2][0]], None)
                for row, (*_, n) in enumerate(RETYPED, start=2) if row > 2]
    assert [(d.row, d.existing or None, d.file_row) for d in result.duplicates] == [
        *((row, number, None) for row, number, _ in expected), (len(retyped), None, len(retyped) - 1)]
    assert [r.number for r in result.skipped] == [2]


# ---- unit suggestions ("Có phải …?") -----------------------------------------------------------

SUGGESTABLE = [
    "CĐCS Trường THCS Hồ Xuân Hương", "CĐCS Trường THCS Nguyễn Trãi", "CĐCS Trường THPT Cửa Tùng",
    "CĐCS Trường Tiểu học Vĩnh Tú", "CĐCS Trạm Y tế xã Vĩnh Thái", "CĐCS Bệnh viện Đa khoa Vĩnh Linh",
    "CĐCS Công ty TNHH Thủy sản Cửa Tùng", "CĐCS Văn phòng UBND huyện Vĩnh Linh",
]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("CĐCS Trường THCS Hồ Xuân Hưng", ["CĐCS Trường THCS Hồ Xuân Hương"]),
        ("cdcs truong thpt cua tun", ["CĐCS Trường THPT Cửa Tùng"]),
        ("CĐCS Bệnh viện Đa khoa Vinh Lin", ["CĐCS Bệnh viện Đa khoa Vĩnh Linh"]),
        ("Trường THPT Cửa Tùng", ["CĐCS Trường THPT Cửa Tùng"]),  # "CĐCS" left out
        ("CĐSC Trường Tiểu học Vĩnh Tú", ["CĐCS Trường Tiểu học Vĩnh Tú"]),  # letters swapped
        # unrelated units are never offered, however much stock wording they share
        ("CĐCS Trường THCS Nguyễn Du", []),
        ("CĐCS Trạm Y tế xã Vĩnh Tú", []),
        ("CĐCS Trường Mầm non Vĩnh Tú", []),
        ("CĐCS Công ty Cổ phần Vận tải", []),
        ("Hội Nông dân", []),
        ("", []),
    ],
)
def test_closest_names(typed, expected):
    assert closest_names(typed, SUGGESTABLE) == expected


def test_difflib_suggested_unrelated_units():
    """The cutoff before: difflib's 0.6 offered other schools for "Nguyễn Du"."""
    folded = [fold(n) for n in SUGGESTABLE]
    assert difflib.get_close_matches(fold("CĐCS Trường THCS Nguyễn Du"), folded, cutoff=0.6)
    assert name_similarity(fold("CĐCS Trường THCS Nguyễn Du"), fold(SUGGESTABLE[1])) < 50


def test_suggest_units_reads_live_units(app_db):
    with app_db.transaction() as s:
        for i, name in enumerate(SUGGESTABLE, start=1):
            org.create_unit(s, org.UnitInput(code=f"VL-{i:04d}", name=name,
                                             kind=UnitKind.GRASSROOTS, parent_code="VL"))
        gone = org.create_unit(s, org.UnitInput(code="VL-0099", name="CĐCS Trường THCS Hồ Xuân Hưng",
                                                kind=UnitKind.GRASSROOTS, parent_code="VL"))
        gone.deleted_at = gone.created_at
    with app_db.reading() as s:
        assert org.suggest_units(s, "CĐCS Trường THCS Ho Xuan Hưng") == ["CĐCS Trường THCS Hồ Xuân Hương"]
        assert org.suggest_units(s, "CĐCS Trường THCS Nguyễn Du") == []
