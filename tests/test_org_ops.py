"""core.org.ops: the organisation use cases the window calls: plain frozen values out, one
transaction each, what changed in every Done, Vietnamese refusals, deleted rows invisible."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

import pytest
from sqlalchemy import select

from core.common.changes import Changes
from core.common.database import open_app_database
from core.common.errors import NotFound, UserError
from core.org import ops
from core.org.ops import Gender, MemberCount, MemberInput, MemberQuery, Sector, UnitDraft, UnitKind
from db.models import Member, Unit, UnitEvent, UnitMemberCount, utcnow

UNITS, MEMBERS, OFFICE = Changes(units=True), Changes(members=True), Changes(office=True)


@pytest.fixture
def org(app_db):
    """VL (the office, under QT) with two grassroots unions; two members in the first."""
    vl = ops.own_unit(app_db)
    a = ops.add_unit(app_db, UnitDraft("VL-0001", "CĐCS Trường THCS Hồ Xuân Hương", UnitKind.GRASSROOTS,
                                       vl.id, Sector.EDUCATION)).value
    b = ops.add_unit(app_db, UnitDraft("VL-0002", "CĐCS Xã Vĩnh Thái", UnitKind.GRASSROOTS, vl.id)).value
    lan = ops.add_member(app_db, MemberInput("Ngô Thị Lan", a.id, Gender.FEMALE, date(1990, 8, 7))).value
    hung = ops.add_member(app_db, MemberInput("Nguyễn Văn Hùng", a.id, Gender.MALE)).value
    return {"VL": vl, "a": a, "b": b, "lan": lan, "hung": hung}


def _tombstone(db, model, row_id) -> None:
    with db.transaction() as s:
        s.get(model, row_id).deleted_at = utcnow()


def test_unit_tree_and_detail_are_plain_frozen_values(app_db, org):
    tree = ops.unit_tree(app_db)
    assert isinstance(tree, ops.UnitTree) and tree.own_unit_id == org["VL"].id
    assert [n.code for n in tree.nodes] == ["QT", "VL", "VL-0001", "VL-0002"]
    assert all(type(n) is ops.UnitNode for n in tree.nodes)
    detail = ops.unit_detail(app_db, org["a"].id)
    assert (detail.code, detail.kind, detail.sector, detail.parent_code) == (
        "VL-0001", UnitKind.GRASSROOTS, Sector.EDUCATION, "VL")
    assert detail.subtree == frozenset({org["a"].id}) and detail.member_counts == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        detail.name = "x"  # type: ignore[misc]
    assert ops.unit_subtree(app_db, org["VL"].id) == {org["VL"].id, org["a"].id, org["b"].id}
    assert ops.suggest_unit_code(app_db) == "VL-0003"


def test_add_unit_says_units_changed_and_records_the_count(app_db, org):
    draft = UnitDraft("vl-0003", " CĐCS  Trạm Y tế ", UnitKind.GRASSROOTS, org["VL"].id, Sector.HEALTH,
                      MemberCount(2025, 25, 22))
    done = ops.add_unit(app_db, draft, on=date(2025, 3, 1))
    assert done.changes == UNITS
    assert type(done.value) is ops.UnitNode
    assert (done.value.code, done.value.name, done.value.parent_id) == ("VL-0003", "CĐCS Trạm Y tế", org["VL"].id)
    assert ops.member_counts(app_db, done.value.id) == (MemberCount(2025, 25, 22),)
    assert ops.unit_detail(app_db, done.value.id).count_for(2025) == MemberCount(2025, 25, 22)
    [event] = ops.unit_history(app_db, done.value.id)
    assert (event.on, event.kind) == (date(2025, 3, 1), "created")


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (lambda o: UnitDraft("VL-0001", "Trùng", UnitKind.GRASSROOTS, o["VL"].id), "Mã đơn vị VL-0001 đã có."),
        (lambda o: UnitDraft("VL-0009", "", UnitKind.GRASSROOTS, o["VL"].id), "Thiếu tên đơn vị."),
        (lambda o: UnitDraft("VL-0009", "Mồ côi", UnitKind.GRASSROOTS, None), "Công đoàn cơ sở cần có đơn vị cấp trên."),
        (lambda o: UnitDraft("VL-0009", "Lạ", UnitKind.GRASSROOTS, uuid.uuid4()), "Không tìm thấy đơn vị cấp trên."),
        (lambda o: UnitDraft("VL-0009", "Sai cấp", UnitKind.GRASSROOTS, o["a"].id),
         "Công đoàn cơ sở không thể trực thuộc Công đoàn cơ sở."),
        (lambda o: UnitDraft("VL-0009", "Số sai", UnitKind.GRASSROOTS, o["VL"].id, None, MemberCount(2025, 5, 9)),
         "Số đoàn viên không hợp lệ (số nữ phải từ 0 đến tổng số)."),
    ],
)
def test_add_unit_refusals_change_nothing(app_db, org, draft, message):
    before = ops.unit_tree(app_db)
    with pytest.raises(UserError) as refused:
        ops.add_unit(app_db, draft(org))
    assert str(refused.value) == message
    assert ops.unit_tree(app_db) == before


def test_edit_and_move_unit_write_history(app_db, org):
    a = org["a"]
    done = ops.edit_unit(app_db, a.id, UnitDraft(a.code, "CĐCS Trường THCS Hồ Xuân Hương Vĩnh Linh",
                                                  a.kind, org["VL"].id, Sector.EDUCATION, MemberCount(2024, 30, 20)))
    assert done.changes == UNITS and done.value.name.endswith("Vĩnh Linh")
    assert ops.member_counts(app_db, a.id) == (MemberCount(2024, 30, 20),)
    # A second upper-level union to move into.
    qt = ops.unit_detail(app_db, org["VL"].id).parent_id
    other = ops.add_unit(app_db, UnitDraft("CDN", "Công đoàn ngành Giáo dục", UnitKind.UPPER, qt)).value
    moved = ops.move_unit(app_db, a.id, other.id)
    assert moved.changes == UNITS and moved.value.parent_id == other.id
    assert [e.kind for e in ops.unit_history(app_db, a.id)] == ["created", "renamed", "moved"]
    with pytest.raises(UserError, match="không thể trực thuộc"):
        ops.move_unit(app_db, org["VL"].id, a.id)
    with pytest.raises(UserError, match="cần có đơn vị cấp trên"):
        ops.move_unit(app_db, a.id, None)
    assert ops.unit_detail(app_db, a.id).parent_id == other.id


def test_merge_plan_then_merge(app_db, org):
    a, b = org["a"], org["b"]
    plan = ops.merge_plan(app_db, a.id)
    assert (plan.source.id, plan.members, plan.sub_units) == (a.id, 2, 0)
    assert [t.id for t in plan.targets] == [b.id]  # same level, not itself
    done = ops.merge_units(app_db, a.id, b.id, date(2025, 7, 1))
    assert done.changes == Changes(units=True, members=True)
    assert done.value == ops.MergeResult(a.id, b.id, 2)
    assert ops.count_members(app_db, MemberQuery(unit_ids=frozenset({b.id}))) == 2
    assert a.id not in {n.id for n in ops.unit_tree(app_db).nodes}
    merged = {n.id: n for n in ops.unit_tree(app_db, include_merged=True).nodes}[a.id]
    assert merged.merged_into_id == b.id
    assert ops.unit_history(app_db, a.id)[-1].kind == "merged"
    with pytest.raises(UserError, match="đã được sáp nhập trước đó"):
        ops.merge_plan(app_db, a.id)
    with pytest.raises(UserError, match="đã sáp nhập, không sửa được"):
        ops.edit_unit(app_db, a.id, UnitDraft(a.code, "Tên mới", a.kind, org["VL"].id))
    with pytest.raises(UserError, match="chính nó"):
        ops.merge_units(app_db, b.id, b.id, date(2025, 7, 1))


def test_members_round_trip(app_db, org):
    lan = org["lan"]
    assert type(lan) is ops.MemberDetail and lan.unit_name == "CĐCS Trường THCS Hồ Xuân Hương"
    done = ops.edit_member(app_db, lan.id, MemberInput("Ngô Thị Lan", org["b"].id, Gender.FEMALE,
                                                       date(1990, 8, 7), "Kế toán"))
    assert done.changes == MEMBERS
    assert (done.value.unit_id, done.value.unit_name, done.value.position) == (org["b"].id, "CĐCS Xã Vĩnh Thái", "Kế toán")
    assert ops.member_detail(app_db, lan.id) == done.value
    rows = ops.page_members(app_db, MemberQuery(text="lan"))
    assert [r.full_name for r in rows] == ["Ngô Thị Lan"]

    with pytest.raises(UserError, match="Ngày sinh không hợp lệ"):
        ops.add_member(app_db, MemberInput("Bùi Văn Tâm", org["a"].id, date_of_birth=date(2099, 1, 1)))
    with pytest.raises(UserError, match="Thiếu họ và tên"):
        ops.edit_member(app_db, lan.id, MemberInput("  ", org["a"].id))
    assert ops.member_detail(app_db, lan.id).full_name == "Ngô Thị Lan"


def test_delete_and_restore_members_all_or_none(app_db, org):
    everyone = MemberQuery()
    ids = [org["lan"].id, org["hung"].id]
    with pytest.raises(NotFound):
        ops.delete_members(app_db, [*ids, uuid.uuid4()])
    assert ops.count_members(app_db, everyone) == 2  # nothing deleted
    done = ops.delete_members(app_db, ids)
    assert (done.value, done.changes) == (2, MEMBERS)
    assert ops.count_members(app_db, everyone) == 0
    with pytest.raises(NotFound, match="Không tìm thấy đoàn viên"):
        ops.member_detail(app_db, org["lan"].id)
    assert ops.restore_members(app_db, ids).changes == MEMBERS
    assert ops.member_detail(app_db, org["lan"].id) == org["lan"]


def test_deleted_rows_are_invisible(app_db, org):
    a, b = org["a"], org["b"]
    ops.set_member_count(app_db, b.id, MemberCount(2024, 10, 4))
    with app_db.reading() as s:
        [event_id] = s.scalars(select(UnitEvent.id).where(UnitEvent.unit_id == b.id))
        count_id = s.scalar(select(UnitMemberCount.id).where(UnitMemberCount.unit_id == b.id))
    _tombstone(app_db, UnitEvent, event_id)
    _tombstone(app_db, UnitMemberCount, count_id)
    assert ops.unit_history(app_db, b.id) == ()
    assert ops.member_counts(app_db, b.id) == ()
    # Recording the year again brings the one row per unit and year back.
    assert ops.set_member_count(app_db, b.id, MemberCount(2024, 12, 5)).changes == UNITS
    assert ops.member_counts(app_db, b.id) == (MemberCount(2024, 12, 5),)

    _tombstone(app_db, Unit, b.id)
    assert b.id not in {n.id for n in ops.unit_tree(app_db, include_merged=True).nodes}
    assert ops.merge_plan(app_db, a.id).targets == ()
    for read in (ops.unit_detail, ops.unit_history, ops.merge_plan, ops.member_counts):
        with pytest.raises(NotFound, match="Không tìm thấy đơn vị"):
            read(app_db, b.id)
    with pytest.raises(UserError):
        ops.add_member(app_db, MemberInput("Trần Văn Nam", b.id))

    _tombstone(app_db, Member, org["hung"].id)
    assert ops.merge_plan(app_db, a.id).members == 1
    assert [r.full_name for r in ops.page_members(app_db, MemberQuery())] == ["Ngô Thị Lan"]


def test_office_load_and_save(app_db):
    office = ops.load_office(app_db)
    assert (office.unit_code, office.name) == ("VL", "LĐLĐ huyện Vĩnh Linh")
    assert ops.office_is_set_up(app_db)
    done = ops.save_office(app_db, dataclasses.replace(office, chair_name=" Trần  Thị Mai "))
    assert done.changes == OFFICE and done.value.chair_name == "Trần Thị Mai"
    assert ops.load_office(app_db) == done.value
    with pytest.raises(UserError, match="Mã đơn vị VL đã cố định"):
        ops.save_office(app_db, dataclasses.replace(office, unit_code="HL"))
    with pytest.raises(UserError, match="Thiếu địa danh"):
        ops.save_office(app_db, dataclasses.replace(office, place=" "))
    assert ops.load_office(app_db) == done.value


def test_set_up_office_on_a_new_database(tmp_path):
    db = open_app_database(tmp_path / "moi.sqlite")
    try:
        assert not ops.office_is_set_up(db)
        wanted = ops.OfficeSettings(unit_code="hl", name="LĐLĐ huyện Hải Lăng", parent_name="LĐLĐ tỉnh Quảng Trị",
                                    place="Hải Lăng", doc_symbol="LĐLĐ-HL", chair_name="Trần Văn Bình")
        with pytest.raises(UserError, match="Cấp không hợp lệ"):
            ops.set_up_office(db, wanted, level="xa", parent_code="QT")
        assert db.office_code == "" and not ops.office_is_set_up(db)

        done = ops.set_up_office(db, wanted, level="upper", parent_code="qt")
        assert done.changes == Changes(office=True, units=True)
        assert (done.value.unit_code, done.value.doc_symbol, done.value.on_behalf) == ("HL", "LĐLĐ-HL", "TM. BAN THƯỜNG VỤ")
        assert db.office_code == "HL" and ops.load_office(db) == done.value
        tree = ops.unit_tree(db)
        assert [n.code for n in tree.nodes] == ["QT", "HL"] and tree.own_unit_id == tree.nodes[1].id

        with pytest.raises(UserError, match="đã được khởi tạo cho đơn vị HL"):
            ops.set_up_office(db, dataclasses.replace(wanted, unit_code="VL"), level="upper", parent_code="QT")
        assert db.office_code == "HL"
    finally:
        db.close()
