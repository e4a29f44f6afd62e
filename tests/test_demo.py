"""Demo data (LĐLĐ tỉnh Lai Châu, seed 000): structure, members, determinism, refusals."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from core.common.database import open_app_database
from core.common.errors import UserError
from core.common.text import fold, name_sort_key
from core.demo.org import FUND_MODEL_2023, UPPER_UNIONS, grassroots_names, load_demo
from core.org import units as org
from core.org.office import init_office, load_office
from db.models import Member, Unit, UnitEvent, UnitKind, UnitMemberCount

SMALL = (2, 4)
SEED_ORDER = [
    ("LC-PT", "LĐLĐ huyện Phong Thổ", 97),
    ("LC-SH", "LĐLĐ huyện Sìn Hồ", 117),
    ("LC-TU", "LĐLĐ huyện Than Uyên", 79),
    ("LC-TP", "LĐLĐ Thành phố Lai Châu", 99),
    ("LC-TD", "LĐLĐ huyện Tam Đường", 73),
    ("LC-TN", "LĐLĐ huyện Tân Uyên", 67),
    ("LC-MT", "LĐLĐ huyện Mường Tè", 80),
    ("LC-NN", "LĐLĐ huyện Nậm Nhùn", 67),
    ("LC-VC", "Công đoàn Viên chức tỉnh", 58),
    ("LC-YT", "Công đoàn ngành Y tế", 20),
    ("LC-GD", "Công đoàn ngành Giáo dục", 25),
]


def _fresh(path, **kwargs):
    db = open_app_database(path)
    summary = load_demo(db, **kwargs)
    return db, summary


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One small demo database shared by the read-only tests."""
    db, summary = _fresh(tmp_path_factory.mktemp("demo") / "x.sqlite", members_per_unit=SMALL)
    yield db, summary
    db.close()


def _table_counts(db) -> tuple[int, ...]:
    with db.reading() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(model))
            for model in (Unit, Member, UnitMemberCount, UnitEvent)
        )


def _member_rows(db) -> list[tuple]:
    with db.reading() as s:
        return s.execute(
            select(Unit.code, Member.full_name, Member.gender, Member.date_of_birth,
                   Member.position, Member.member_since, Member.id)
            .join(Unit, Unit.id == Member.unit_id)
            .order_by(Unit.code, Member.sort_key, Member.id)
        ).all()


def _unit_rows(db) -> list[tuple]:
    with db.reading() as s:
        return s.execute(select(Unit.code, Unit.name, Unit.kind, Unit.sector, Unit.id).order_by(Unit.code)).all()


def test_fund_model_matches_seed_table():
    assert [(r.code, r.name, r.grassroots) for r in FUND_MODEL_2023] == SEED_ORDER
    assert [(r.running_2022, r.new_2023) for r in FUND_MODEL_2023] == [
        (2, 6), (3, 7), (5, 5), (2, 6), (11, 4), (11, 4), (1, 5), (2, 4), (1, 3), (2, 2), (1, 2)
    ]
    totals = (
        sum(r.grassroots for r in FUND_MODEL_2023),
        sum(r.running_2022 for r in FUND_MODEL_2023),
        sum(r.new_2023 for r in FUND_MODEL_2023),
    )
    assert totals == (782, 41, 48)
    assert [(u.code, u.name, u.grassroots) for u in UPPER_UNIONS] == SEED_ORDER


def test_office_is_the_province_federation(demo):
    db, summary = demo
    assert summary.office_created and db.office_code == "LC"
    with db.reading() as s:
        office = load_office(s)
        top = org.find_by_code(s, "LC")
    assert (office.unit_code, office.name, office.place) == ("LC", "LĐLĐ tỉnh Lai Châu", "Lai Châu")
    assert (office.chair_name, office.chair_title) == ("Lương Xuân Trường", "PHÓ CHỦ TỊCH")
    assert top.kind == UnitKind.PROVINCE and top.parent_id is None


def test_782_grassroots_unions_under_11_upper_unions(demo):
    db, summary = demo
    assert (summary.upper_units, summary.grassroots_units) == (11, 782)
    parent = aliased(Unit)
    with db.reading() as s:
        uppers = s.execute(
            select(Unit.code, Unit.name, Unit.kind, parent.code)
            .select_from(Unit)
            .join(parent, parent.id == Unit.parent_id)
            .where(Unit.kind == UnitKind.UPPER)
        ).all()
        per_upper = dict(
            s.execute(
                select(parent.code, func.count())
                .select_from(Unit)
                .join(parent, parent.id == Unit.parent_id)
                .where(Unit.kind == UnitKind.GRASSROOTS)
                .group_by(parent.code)
            ).all()
        )
        grassroots = s.scalars(select(Unit).where(Unit.kind == UnitKind.GRASSROOTS)).all()
    assert sorted((c, n) for c, n, _, _ in uppers) == sorted((c, n) for c, n, _ in SEED_ORDER)
    assert all(p == "LC" for *_, p in uppers)
    assert per_upper == {code: count for code, _, count in SEED_ORDER}
    assert len(grassroots) == 782
    for unit in grassroots:
        assert unit.name.startswith("CĐCS ") and unit.sector is not None
        prefix, number = unit.code.rsplit("-", 1)
        assert prefix in per_upper and len(number) == 3 and number.isdigit()
    assert len({u.name for u in grassroots}) == 782  # no two CĐCS share a name


def test_grassroots_names_fit_their_union_and_sector():
    units = grassroots_names(2023)
    assert all(name.startswith(("Trường", "Cơ quan Sở Giáo dục", "Trung tâm Giáo dục"))
               for name, _ in units["LC-GD"])
    assert all(s.value == "education" for _, s in units["LC-GD"])
    assert sum(s.value == "health" for _, s in units["LC-YT"]) >= 19
    assert ("Sở Tài chính", "administration") in [(n, s.value) for n, s in units["LC-VC"]]
    for name, sector in units["LC-PT"] + units["LC-SH"]:
        if name.startswith(("Trường Mầm non", "Trường Tiểu học")):
            assert sector.value == "education"
        if name.startswith("Trạm Y tế"):
            assert sector.value == "health"
        if name.startswith("Công ty"):
            assert sector.value == "enterprise"
    assert any(n.startswith("UBND xã") for n, _ in units["LC-PT"])


def test_members_within_bounds_in_grassroots_units(demo):
    db, summary = demo
    with db.reading() as s:
        kinds = Counter(
            s.scalars(select(Unit.kind).join(Member, Member.unit_id == Unit.id)).all()
        )
        per_unit = dict(
            s.execute(select(Member.unit_id, func.count()).group_by(Member.unit_id)).all()
        )
        counts = s.execute(select(UnitMemberCount.unit_id, UnitMemberCount.year,
                                  UnitMemberCount.members, UnitMemberCount.female)).all()
        chairs = s.scalar(select(func.count()).where(Member.position == "Chủ tịch CĐCS"))
        members = s.scalars(select(Member).limit(500)).all()
    assert set(kinds) == {UnitKind.GRASSROOTS} and kinds[UnitKind.GRASSROOTS] == summary.members
    assert len(per_unit) == 782 and all(SMALL[0] <= n <= SMALL[1] for n in per_unit.values())
    assert chairs == 782
    by_year = {(unit, year): (n, f) for unit, year, n, f in counts}
    assert len(by_year) == 2 * 782 == summary.member_counts
    for unit, n in per_unit.items():
        assert by_year[unit, 2023][0] == n
        n22, f22 = by_year[unit, 2022]
        assert 0 <= f22 <= n22
    for m in members:
        assert m.origin_office == "LC" and m.row_version == 1 and m.deleted_at is None
        assert m.created_at.tzinfo is not None and m.updated_at == m.created_at
        assert m.gender in ("male", "female")
        assert 1965 <= m.date_of_birth.year <= 2002
        assert m.date_of_birth < m.member_since


def test_one_created_event_per_unit(demo):
    db, summary = demo
    with db.reading() as s:
        events = s.execute(select(UnitEvent.unit_id, UnitEvent.kind)).all()
        units = s.scalar(select(func.count()).select_from(Unit))
    assert {k for _, k in events} == {"created"}
    assert len({u for u, _ in events}) == len(events) == units == summary.unit_events == 794


def test_names_are_nfc_with_sort_keys(demo):
    db, _ = demo
    with db.reading() as s:
        members = s.execute(select(Member.full_name, Member.name_folded, Member.sort_key)).all()
        units = s.execute(select(Unit.name, Unit.name_folded)).all()
    for full_name, folded, sort_key in members:
        assert full_name == unicodedata.normalize("NFC", full_name)
        assert len(full_name.split(" ")) >= 3
        assert folded == fold(full_name) and sort_key == name_sort_key(full_name) != ""
    for name, folded in units:
        assert name == unicodedata.normalize("NFC", name) and folded == fold(name)
    families = Counter(n.split(" ")[0] for n, _, _ in members)
    assert families.most_common(1)[0][0] == "Nguyễn"
    assert {"Lò", "Giàng", "Vàng", "Sùng", "Tòng", "Lường"} <= set(families)


def test_database_is_consistent_after_loading(demo):
    db, _ = demo
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_same_seed_same_content(tmp_path, demo):
    first, _ = demo
    second, _ = _fresh(tmp_path / "y.sqlite", members_per_unit=SMALL)
    try:
        assert _unit_rows(second) == _unit_rows(first)  # codes, names, sectors and ids
        assert _member_rows(second) == _member_rows(first)  # names, order and ids
    finally:
        second.close()


def test_other_seed_other_members(tmp_path, demo):
    first, _ = demo
    other, _ = _fresh(tmp_path / "z.sqlite", members_per_unit=SMALL, seed=7)
    try:
        assert [r[1] for r in _member_rows(other)] != [r[1] for r in _member_rows(first)]
        assert [r[0] for r in _unit_rows(other)] == [r[0] for r in _unit_rows(first)]
    finally:
        other.close()


def test_loading_twice_is_refused_and_adds_nothing(demo):
    db, _ = demo
    before = _table_counts(db)
    with pytest.raises(UserError, match="đã được nạp"):
        load_demo(db, members_per_unit=SMALL)
    assert _table_counts(db) == before and db.office_code == "LC"


def test_other_office_is_refused(app_db):
    before = _table_counts(app_db)
    with pytest.raises(UserError, match="chỉ nạp vào cơ sở dữ liệu trống hoặc của LĐLĐ tỉnh Lai Châu"):
        load_demo(app_db, members_per_unit=SMALL)
    assert _table_counts(app_db) == before and app_db.office_code == "VL"


def test_existing_lc_office_gets_the_units(tmp_path):
    db = open_app_database(tmp_path / "lc.sqlite")
    try:
        db.set_office_code("LC")
        with db.transaction() as s:
            init_office(s, code="LC", name="LĐLĐ tỉnh Lai Châu", level="province",
                        place="Lai Châu", chair_name="Nguyễn Văn A")
        summary = load_demo(db, members_per_unit=(1, 1))
        with db.reading() as s:
            top = org.find_by_code(s, "LC")
            assert load_office(s).chair_name == "Nguyễn Văn A"  # settings untouched
            assert org.find_by_code(s, "LC-GD").parent_id == top.id
        assert not summary.office_created and summary.members == 782
    finally:
        db.close()


def test_progress_per_upper_union(tmp_path):
    calls = []
    db, _ = _fresh(tmp_path / "p.sqlite", members_per_unit=(0, 0),
                   progress=lambda done, total: calls.append((done, total)))
    db.close()
    assert calls == [(i, 11) for i in range(12)]


def test_default_demo_has_about_30k_members(tmp_path):
    # How long it takes is measured by bench/demo_load.py, not here.
    db = open_app_database(tmp_path / "full.sqlite")
    try:
        summary = load_demo(db)
        assert 782 * 15 <= summary.members <= 782 * 60
        assert 25_000 <= summary.members <= 35_000  # ~30k members
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.close()
