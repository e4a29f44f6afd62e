"""Length limits (core.common.limits) and long content in printed documents: a field over its
limit is refused with a message naming it; content at the limits still prints, split over
pages (read back with pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import date

import pytest

from core.common import limits
from core.common.errors import UserError
from core.initiatives import records as initiatives
from core.initiatives.documents import description_report, recognition_decision
from core.initiatives.records import AuthorInput, InitiativeInput
from core.org import members
from core.org import units as org
from db.models import InitiativeKind, InitiativeStatus, Recogniser, UnitKind

SENTENCE = ("Công đoàn cơ sở tổ chức tập huấn cho đoàn viên về quy trình an toàn lao động "
            "tại phân xưởng sản xuất")
WORDS = SENTENCE.split(" ")


def _words(n_chars: int, seed: int = 0) -> str:
    out: list[str] = []
    size, i = 0, seed
    while size < n_chars:
        word = WORDS[i % len(WORDS)]
        out.append(word)
        size += len(word) + 1
        i += 1
    return " ".join(out)[:n_chars].strip()


def _unit(app_db):
    with app_db.transaction() as s:
        return org.create_unit(s, org.UnitInput(code="VL-0001", name="CĐCS Trường THCS Hồ Xuân Hương",
                                                kind=UnitKind.GRASSROOTS, parent_code="VL")).id


def _input(unit_id, **kw) -> InitiativeInput:
    values = dict(name="Sổ theo dõi đoàn viên điện tử", kind=InitiativeKind.MANAGEMENT,
                  unit_id=unit_id, authors=[AuthorInput("Lê Thị Hương")],
                  registered_on=date(2022, 3, 15))
    values.update(kw)
    return InitiativeInput(**values)


def test_a_million_character_name_is_refused_with_its_length_and_limit(app_db):
    unit_id = _unit(app_db)
    with app_db.transaction() as s, pytest.raises(UserError) as raised:
        initiatives.create_initiative(s, _input(unit_id, name="a" * 1_000_000))
    assert str(raised.value) == "Tên sáng kiến dài 1.000.000 ký tự, tối đa 500."


@pytest.mark.parametrize(("field", "label", "limit"), [
    ("description", "Mô tả", limits.LONG_TEXT),
    ("objective", "Mục đích", limits.LONG_TEXT),
    ("steps", "Các bước thực hiện", limits.LONG_TEXT),
    ("social_benefit", "Lợi ích xã hội", limits.LONG_TEXT),
    ("decision_number", "Số quyết định", limits.DECISION_NUMBER),
])
def test_initiative_fields_over_their_limit_are_refused(app_db, field, label, limit):
    unit_id = _unit(app_db)
    with app_db.transaction() as s:
        initiatives.create_initiative(s, _input(unit_id, **{field: "x" * limit}))
        with pytest.raises(UserError, match=f"^{label} dài .* ký tự, tối đa "):
            initiatives.create_initiative(s, _input(unit_id, **{field: "x" * (limit + 1)}))


def test_authors_count_and_name_length_are_limited(app_db):
    unit_id = _unit(app_db)
    with app_db.transaction() as s:
        many = [AuthorInput(f"Tác giả {i}") for i in range(51)]
        with pytest.raises(UserError, match="51 tác giả, tối đa 50"):
            initiatives.create_initiative(s, _input(unit_id, authors=many))
        with pytest.raises(UserError, match="Họ tên tác giả dài 10.000 ký tự, tối đa 100"):
            initiatives.create_initiative(s, _input(unit_id, authors=[AuthorInput("a" * 10_000)]))


def test_units_and_members_are_limited(app_db):
    unit_id = _unit(app_db)
    with app_db.transaction() as s:
        with pytest.raises(UserError, match="Tên đơn vị dài 256 ký tự, tối đa 255"):
            org.create_unit(s, org.UnitInput(code="VL-0009", name="x" * 256,
                                             kind=UnitKind.GRASSROOTS, parent_code="VL"))
        with pytest.raises(UserError, match="Tên đơn vị dài"):
            org.update_unit(s, unit_id, name="y" * 300, sector=None, parent_code="VL")
        with pytest.raises(UserError, match="Họ và tên dài 101 ký tự, tối đa 100"):
            members.add_member(s, members.MemberInput(full_name="z" * 101, unit_id=unit_id))


def _pdftotext(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFC", out.stdout)


def _pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_documents_print_content_at_the_limits_over_several_pages(app_db, tmp_path):
    unit_id = _unit(app_db)
    # 50 authors with names and units at their limits; every text field at its limit, one of
    # them a single unbroken "word", another in many lines.
    authors = [AuthorInput(f"Tác giả {i:02d} " + _words(limits.PERSON_NAME - 12, i),
                           _words(limits.AUTHOR_UNIT, i + 3), share=2) for i in range(50)]
    long_name = "Giải pháp " + _words(limits.INITIATIVE_NAME - 10)
    data = _input(
        unit_id, name=long_name, authors=authors,
        description=_words(limits.LONG_TEXT),
        objective="x" * limits.LONG_TEXT,
        steps="\n".join(f"Bước {i}: " + _words(80, i) for i in range(220))[:limits.LONG_TEXT],
        social_benefit=_words(limits.LONG_TEXT, 5),
        status=InitiativeStatus.VALID, recognised_by=Recogniser.COUNCIL,
        decision_number="9" * limits.DECISION_NUMBER, economic_benefit=1_000_000,
    )
    with app_db.transaction() as s:
        item = initiatives.create_initiative(s, data)
        item_id = item.id
        assert "\n" in item.steps  # a multi-line field keeps its lines
    with app_db.reading() as s:
        report = description_report(s, item_id, tmp_path / "mo-ta.pdf")
        decision = recognition_decision(s, [item_id], tmp_path / "qd.pdf", number=7,
                                       signed_on=date(2023, 3, 6))
    text = " ".join(_pdftotext(report).split())
    assert _pages(report) > 10
    for i in (0, 25, 49):
        assert f"Tác giả {i:02d}" in text
    assert "Bước 219" in text or "Bước 218" in text
    assert "TÁC GIẢ" in text  # the signatures are printed after it all
    listing = " ".join(_pdftotext(decision).split())
    assert "Tác giả 49" in listing and "DANH SÁCH SÁNG KIẾN ĐƯỢC CÔNG NHẬN" in listing


def test_imports_reject_rows_over_the_limits_naming_the_field(app_db, tmp_path):
    from core.initiatives.importing import import_initiatives
    from core.org.importing import import_members, import_units
    from tests.fixtures_workbook import make_xlsx

    _unit(app_db)
    units = make_xlsx(tmp_path / "dv.xlsx", [
        ["Mã đơn vị", "Tên công đoàn cơ sở"],
        ["VL-0101", "CĐCS Trạm Y tế xã Vĩnh Thái"],
        ["VL-0102", "CĐCS " + "x" * 300]])
    result = import_units(app_db, units, dry_run=False)
    assert [r.number for r in result.accepted] == [2]
    assert [r.reason for r in result.rejected] == ["Tên đơn vị dài 305 ký tự, tối đa 255."]

    people = make_xlsx(tmp_path / "dvien.xlsx", [
        ["Họ và tên", "Đơn vị"], ["Lê Thị Hương", "VL-0101"], ["Lê " + "a" * 200, "VL-0101"]])
    result = import_members(app_db, people, dry_run=False)
    assert [r.number for r in result.accepted] == [2]
    assert [r.reason for r in result.rejected] == ["Họ và tên dài 203 ký tự, tối đa 100."]

    book = make_xlsx(tmp_path / "sk.xlsx", [
        ["Tên sáng kiến", "Tác giả", "Đơn vị", "Tóm tắt nội dung"],
        ["Sổ tay điện tử", "Võ Thị Duyên", "VL-0101", "Ngắn"],
        ["S" * 600, "Võ Thị Duyên", "VL-0101", "Ngắn"],
        ["Sổ tay giấy", ", ".join(f"Người {i}" for i in range(60)), "VL-0101", "Ngắn"],
        ["Sổ tay khác", "Võ Thị Duyên", "VL-0101", "m " * 10_500]])
    result = import_initiatives(app_db, book, dry_run=False)
    assert [r.number for r in result.accepted] == [2]
    reasons = {r.number: r.reason for r in result.rejected}
    assert reasons[3] == "Tên sáng kiến dài 600 ký tự, tối đa 500."
    assert "60 tác giả, tối đa 50" in reasons[4]
    assert reasons[5] == "Mô tả dài 20.999 ký tự, tối đa 20.000."


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("count", [31, 32, 47, 48])
def test_a_row_a_little_taller_than_a_page_is_split_not_a_crash(app_db, tmp_path, count):
    """Found while making the decision's list denser: with 31, 32, 47 or 48 authors at the
    limits, the initiative's row came out a little taller than a page; reportlab refused to
    leave less than its minimum of the row for the next page, so the row fitted no page
    and the decision failed with LayoutError."""
    unit_id = _unit(app_db)
    authors = [AuthorInput(f"Tác giả {i:02d} " + _words(limits.PERSON_NAME - 12, i),
                           _words(limits.AUTHOR_UNIT, i + 3)) for i in range(count)]
    data = _input(unit_id, name=f"Giải pháp {count} " + _words(limits.INITIATIVE_NAME - 14),
                  authors=authors, description=_words(limits.LONG_TEXT),
                  status=InitiativeStatus.VALID, recognised_by=Recogniser.COUNCIL,
                  decision_number="9" * limits.DECISION_NUMBER, economic_benefit=1_000_000)
    with app_db.transaction() as s:
        item_id = initiatives.create_initiative(s, data).id
    with app_db.reading() as s:
        decision = recognition_decision(s, [item_id], tmp_path / "qd.pdf", number=7,
                                       signed_on=date(2023, 3, 6))
    listing = " ".join(_pdftotext(decision).split())
    assert f"Tác giả {count - 1:02d}" in listing and f"Giải pháp {count}" in listing
