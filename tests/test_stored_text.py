"""`check` finds text stored with control, bidi or non-characters (written behind clean()'s
back, by SQL) and `check --repair` cleans it in place; the register then exports as a valid
workbook and search still finds the records."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from sqlalchemy import select

from core.common.integrity import check_database, recount
from core.initiatives import records as initiatives
from core.initiatives.export import export_register
from core.initiatives.records import AuthorInput, InitiativeInput
from core.initiatives.register import RegisterFilter
from core.org import members
from core.org import units as org
from db.models import Initiative, InitiativeKind, Member, UnitKind


def test_check_reports_and_repair_cleans_raw_stored_text(app_db, tmp_path):
    with app_db.transaction() as s:
        unit = org.create_unit(s, org.UnitInput(code="VL-0001", name="CĐCS Trường THCS Hồ Xuân Hương",
                                                kind=UnitKind.GRASSROOTS, parent_code="VL"))
        item = initiatives.create_initiative(s, InitiativeInput(
            name="Sổ theo dõi đoàn viên", kind=InitiativeKind.MANAGEMENT, unit_id=unit.id,
            authors=[AuthorInput("Lê Thị Hương")], registered_on=date(2022, 3, 15),
            description="Dòng một\nDòng hai"))
        member = members.add_member(s, members.MemberInput(full_name="Trần Văn An", unit_id=unit.id))
        s.flush()
        item_id, member_id = item.id, member.id
    assert check_database(app_db) == []

    with app_db.transaction() as s:  # behind clean()'s back, as an old version or a tool would
        conn = s.connection()
        conn.exec_driver_sql(
            "UPDATE initiative SET name = ?, description = ?, name_folded = ? WHERE id = ?",
            ("Sổ theo dõi\ufffe đoàn viên\uffff", "Dòng một\x07\nDòng \u202ehai\x1b[31m",
             "so theo doi\ufffe doan vien\uffff", item_id.hex))
        conn.exec_driver_sql("UPDATE member SET full_name = ? WHERE id = ?",
                             ("Trần\x00 Văn \u202eAn", member_id.hex))

    problems = check_database(app_db)
    text = "\n".join(problems)
    assert "Bảng initiative, cột name: 1 dòng" in text
    assert "Bảng initiative, cột description: 1 dòng" in text
    assert "Bảng initiative, cột name_folded: 1 dòng" in text
    assert "Bảng member, cột full_name: 1 dòng" in text
    assert all("check --repair" in p for p in problems)

    recount(app_db)
    assert check_database(app_db) == []
    with app_db.reading() as s:
        item = s.get(Initiative, item_id)
        assert item.name == "Sổ theo dõi đoàn viên"
        assert item.description == "Dòng một\nDòng hai"  # a multi-line field keeps its lines
        assert item.name_folded == "so theo doi doan vien"
        member = s.get(Member, member_id)
        assert member.full_name == "Trần Văn An"
        assert s.scalar(select(Member.sort_key).where(Member.id == member_id)) == \
            members.name_sort_key("Trần Văn An")

    out = tmp_path / "so.xlsx"
    assert export_register(app_db, out, RegisterFilter()) == 1
    cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
    assert "Sổ theo dõi đoàn viên" in cells
    assert export_register(app_db, tmp_path / "tim.xlsx", RegisterFilter(text="doan vien")) == 1
