"""Organisation registry: units, history, merges, member counts, members."""

from datetime import date

import pytest
from sqlalchemy import select

from core.common.errors import UserError
from core.org import members
from core.org import units as org
from core.org.office import load_office
from db.models import Member, UnitEvent, UnitKind


def _grassroots(s, code, name, parent="VL"):
    return org.create_unit(s, org.UnitInput(code=code, name=name, kind=UnitKind.GRASSROOTS, parent_code=parent))


def test_init_office_creates_unit_parent_and_settings(app_db):
    with app_db.reading() as s:
        office = load_office(s)
        unit = org.find_by_code(s, "VL")
        assert (office.unit_code, office.place, office.parent_name) == ("VL", "Vĩnh Linh", "LĐLĐ tỉnh Quảng Trị")
        assert unit.parent.code == "QT" and unit.kind == UnitKind.UPPER
        assert unit.origin_office == "VL" and unit.row_version == 1
        assert unit.created_at.tzinfo is not None
    assert app_db.office_code == "VL"


def test_unit_rules_are_explained(app_db):
    with app_db.transaction() as s:
        _grassroots(s, "VL-0001", "CĐCS Trường THCS Hồ Xuân Hương")
        with pytest.raises(UserError, match="đã có"):
            _grassroots(s, "vl-0001", "Trùng mã")
        with pytest.raises(UserError, match="không thể trực thuộc"):
            _grassroots(s, "VL-0002", "Sai cấp", parent="VL-0001")
        with pytest.raises(UserError, match="cần có đơn vị cấp trên"):
            org.create_unit(s, org.UnitInput(code="X", name="Không cha", kind=UnitKind.GRASSROOTS))


def test_rename_keeps_code_and_history_and_bumps_version(app_db):
    with app_db.transaction() as s:
        unit = _grassroots(s, "VL-0001", "CĐCS Trường Tiểu học Cửa Tùng")
    with app_db.transaction() as s:
        org.update_unit(s, unit.id, name="CĐCS Trường TH&THCS Cửa Tùng", sector=None, parent_code="VL")
    with app_db.reading() as s:
        again = org.find_by_code(s, "VL-0001")
        assert again.name == "CĐCS Trường TH&THCS Cửa Tùng" and again.row_version == 2
        kinds = [e.kind for e in org.unit_history(s, again.id)]
        assert kinds == ["created", "renamed"]
        assert org.find_unit(s, "cdcs truong th&thcs cua tung").code == "VL-0001"


def test_merge_moves_members_and_keeps_source(app_db):
    with app_db.transaction() as s:
        a = _grassroots(s, "VL-0001", "CĐCS Xã Vĩnh Thái")
        b = _grassroots(s, "VL-0002", "CĐCS Xã Vĩnh Tú")
        for name in ("Lê Thị Hương", "Trần Văn Bình"):
            members.add_member(s, members.MemberInput(full_name=name, unit_id=a.id))
    with app_db.transaction() as s:
        moved = org.merge_units(s, a.id, b.id, date(2025, 7, 1))
    assert moved == 2
    with app_db.reading() as s:
        src = org.find_by_code(s, "VL-0001")
        assert src.merged_into.code == "VL-0002" and not src.is_active
        assert {m.unit_id for m in s.scalars(select(Member))} == {b.id}
        assert [e.kind for e in s.scalars(select(UnitEvent).where(UnitEvent.unit_id == b.id))] == ["created", "absorbed"]
        assert "VL-0001" not in [n.code for n in org.unit_tree(s)]
        assert "VL-0001" in [n.code for n in org.unit_tree(s, include_merged=True)]
    with app_db.transaction() as s, pytest.raises(UserError, match="đã được sáp nhập"):
        org.merge_units(s, a.id, b.id, date(2025, 7, 2))
    with app_db.reading() as s:  # the merged unit's records now count for the one it joined
        assert a.id not in org.subtree_ids(s, b.id)
        assert org.subtree_ids(s, b.id, merged=True) == {a.id, b.id}


def test_subtree_and_member_counts(app_db):
    with app_db.transaction() as s:
        vl = org.find_by_code(s, "VL")
        a = _grassroots(s, "VL-0001", "CĐCS A")
        org.set_member_count(s, a.id, 2023, 120, 70)
        org.set_member_count(s, a.id, 2023, 125, 71)
        assert org.subtree_ids(s, vl.id) == {vl.id, a.id}
        with pytest.raises(UserError):
            org.set_member_count(s, a.id, 2024, 10, 11)
        assert org.next_unit_code(s, "VL") == "VL-0002"


def test_member_pages_sort_by_given_name_and_search_folded(app_db):
    names = ["Nguyễn Văn Hùng", "Lê Thị Hương", "Trần An", "Đỗ Văn Dũng", "Phạm Thị Dung"]
    with app_db.transaction() as s:
        unit = _grassroots(s, "VL-0001", "CĐCS Bệnh viện Đa khoa")
        for name in names:
            members.add_member(s, members.MemberInput(full_name=name, unit_id=unit.id))
    with app_db.reading() as s:
        q = members.MemberQuery()
        assert members.count_members(s, q) == 5
        first = members.page_members(s, q, limit=3)
        rest = members.page_members(s, q, offset=3, limit=3)
        assert [r.full_name for r in first + rest] == [
            "Trần An", "Phạm Thị Dung", "Đỗ Văn Dũng", "Nguyễn Văn Hùng", "Lê Thị Hương"
        ]
        found = members.page_members(s, members.MemberQuery(text="DUNG"))
        assert sorted(r.full_name for r in found) == ["Phạm Thị Dung", "Đỗ Văn Dũng"]
        assert members.count_members(s, members.MemberQuery(text="huong")) == 1


def test_failed_use_case_changes_nothing(app_db):
    with pytest.raises(UserError), app_db.transaction() as s:
        _grassroots(s, "VL-0001", "CĐCS A")
        _grassroots(s, "VL-0001", "CĐCS A lần hai")
    with app_db.reading() as s:
        assert org.find_by_code(s, "VL-0001") is None


def test_delete_member_is_a_tombstone(app_db):
    with app_db.transaction() as s:
        unit = _grassroots(s, "VL-0001", "CĐCS A")
        m = members.add_member(s, members.MemberInput(full_name="Lò Văn Ăn", unit_id=unit.id))
    with app_db.transaction() as s:
        members.delete_member(s, m.id)
    with app_db.reading() as s:
        assert members.count_members(s, members.MemberQuery()) == 0
        assert s.get(Member, m.id).deleted_at is not None
    with app_db.transaction() as s:
        members.restore_member(s, m.id)
    with app_db.reading() as s:
        assert members.count_members(s, members.MemberQuery()) == 1


def test_member_search_by_index_matches_a_plain_substring_scan(app_db, monkeypatch):
    """The trigram index (3+ letters) finds exactly what "folded name contains the folded
    text" finds, after adds, renames and deletions; shorter texts and quotes still work."""
    import random

    from core.common.text import fold

    rng = random.Random(3)
    parts = ["Nguyễn", "Trần", "Lò", "Văn", "Thị", "Hương", "Dũng", "Đức", "An", "Quàng", "Thùy"]
    with app_db.transaction() as s:
        unit = _grassroots(s, "VL-0001", "CĐCS Bệnh viện Đa khoa")
        added = [members.add_member(s, members.MemberInput(
            full_name=" ".join(rng.choice(parts) for _ in range(3)), unit_id=unit.id))
            for _ in range(120)]
        s.flush()
        ids = [m.id for m in added]
    with app_db.transaction() as s:
        for member_id in ids[:10]:
            s.get(Member, member_id).deleted_at = s.get(Member, member_id).created_at
        for member_id in ids[10:20]:
            item = s.get(Member, member_id)
            item.full_name, item.name_folded = "Hoàng Đức Anh", fold("Hoàng Đức Anh")
    with app_db.reading() as s:
        live = [m for m in s.scalars(select(Member)) if m.deleted_at is None]
        for text in ["duc", "ĐỨC", "van an", "thi huong", "ng", "a", "oang duc a", 'x"y', "zzz"]:
            expected = sorted(m.full_name for m in live if fold(text) in m.name_folded)
            found = members.page_members(s, members.MemberQuery(text=text), limit=500)
            assert sorted(r.full_name for r in found) == expected, text
            assert members.count_members(s, members.MemberQuery(text=text)) == len(expected)
        from db import search

        by_index = str(search.member_name_contains(s, "duc"))
        assert "LIKE" not in by_index and "rowid IN" in by_index  # 3+ letters: the index
        assert "LIKE" in str(search.member_name_contains(s, "du"))
        # A text matching "many" members (here: 5) reads the list in order with a LIKE instead.
        monkeypatch.setattr(search, "MEMBER_PROBE_MIN", 5)
        assert "LIKE" in str(search.member_name_contains(s, "duc"))
        expected = sorted(m.full_name for m in live if "duc" in m.name_folded)
        found = members.page_members(s, members.MemberQuery(text="Đức"), limit=500)
        assert sorted(r.full_name for r in found) == expected
