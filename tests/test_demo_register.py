"""Demo initiative register (seed 000 figures for Lai Châu, seed 003 statuses)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from core.common.database import open_app_database
from core.common.errors import UserError
from core.common.text import fold
from core.demo.org import load_demo
from core.demo.register import (
    DEFAULT_COUNT,
    DEFAULT_PHASE1,
    DEFAULT_YEARLY,
    PROGRAMME_CODE,
    YEARLY_CODE,
    load_demo_register,
)
from core.initiatives import eligibility
from core.initiatives.register import RegisterFilter, page, totals
from db.models import (
    Initiative,
    InitiativeAuthor,
    InitiativeStatus,
    Member,
    Programme,
    Unit,
    UnitKind,
)

SMALL = (3, 6)
WINDOW = eligibility.Window(date(2021, 9, 1), date(2023, 9, 1))  # 1TRIEU-SK, first applied


def _fresh(path, **kwargs):
    db = open_app_database(path)
    load_demo(db, members_per_unit=SMALL)
    loaded = load_demo_register(db, **kwargs)
    return db, loaded


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db, loaded = _fresh(tmp_path_factory.mktemp("register") / "x.sqlite")
    yield db, loaded
    db.close()


def _programme_id(s, code):
    return s.scalar(select(Programme.id).where(Programme.code == code))


def _main_rows(s):
    return s.scalars(
        select(Initiative).where(Initiative.programme_id == _programme_id(s, PROGRAMME_CODE))
    ).all()


def test_default_register_has_the_seed_figures(demo):
    db, loaded = demo
    assert loaded == DEFAULT_COUNT + DEFAULT_YEARLY
    with db.reading() as s:
        rows = _main_rows(s)
        assert len(rows) == DEFAULT_COUNT == 2412
        phases = Counter(r.phase_number for r in rows)
        assert phases == {1: DEFAULT_PHASE1, 2: DEFAULT_COUNT - DEFAULT_PHASE1}
        assert DEFAULT_PHASE1 == 1775
        assert all(r.portal_uploaded and r.portal_uploaded_on for r in rows)
        yearly = s.scalar(
            select(func.count()).select_from(Initiative)
            .where(Initiative.programme_id == _programme_id(s, YEARLY_CODE))
        )
        assert yearly == DEFAULT_YEARLY
        assert s.scalar(select(func.count()).select_from(Initiative)) == loaded


def test_exact_count_without_yearly_movement_or_author_rows(tmp_path):
    db, loaded = _fresh(tmp_path / "x.sqlite", count=500, yearly=0, with_authors=False)
    try:
        with db.reading() as s:
            assert loaded == 500
            assert s.scalar(select(func.count()).select_from(Initiative)) == 500
            phases = Counter(s.scalars(select(Initiative.phase_number)))
            assert phases[1] == round(500 * 1775 / 2412)
            assert s.scalar(select(func.count()).select_from(InitiativeAuthor)) == 0
            assert all(s.scalars(select(Initiative.authors_text)))  # the register still shows them
    finally:
        db.close()


def test_statuses_follow_seed_003(demo):
    db, _ = demo
    with db.reading() as s:
        rows = _main_rows(s)
    statuses = Counter(r.status for r in rows)
    valid = statuses[InitiativeStatus.VALID] / len(rows)
    assert abs(valid - 136 / 396) <= 0.02
    assert statuses[InitiativeStatus.REJECTED] == 0  # seed 003: 396 = 136 valid + 260 under review
    assert statuses[InitiativeStatus.UNDER_REVIEW] > statuses[InitiativeStatus.VALID]
    with db.reading() as s:
        everything = s.scalars(select(Initiative)).all()
    rejected = [r for r in everything if r.status == InitiativeStatus.REJECTED]
    assert rejected and all(r.rejection_reason for r in rejected)  # the yearly movement's
    for r in rows:
        if r.status == InitiativeStatus.VALID:  # what was accepted passes every rule
            assert eligibility.is_eligible(r, WINDOW), (r.number, eligibility.reasons(r, WINDOW))
    # ... and some under review show failures (first applied outside the window, no decision)
    failing = [r for r in rows if r.status == InitiativeStatus.UNDER_REVIEW
               and not eligibility.is_eligible(r, WINDOW)]
    assert failing
    assert any(r.first_applied_on < WINDOW.start for r in failing)
    assert any(r.recognised_by is None for r in failing)


def test_authors_are_members_of_the_unit_and_shares_sum_to_100(demo):
    db, _ = demo
    with db.reading() as s:
        rows = s.execute(
            select(Initiative.id, Initiative.unit_id, InitiativeAuthor.share,
                   InitiativeAuthor.member_id, Member.unit_id, InitiativeAuthor.full_name,
                   Member.full_name)
            .join(InitiativeAuthor, InitiativeAuthor.initiative_id == Initiative.id)
            .join(Member, Member.id == InitiativeAuthor.member_id)
        ).all()
        count = s.scalar(select(func.count()).select_from(Initiative))
        author_count = s.scalar(select(func.count()).select_from(InitiativeAuthor))
    assert len(rows) == author_count  # every author is a member
    shares: Counter = Counter()
    sizes: Counter = Counter()
    for iid, unit_id, share, _mid, member_unit, name, member_name in rows:
        assert member_unit == unit_id
        assert name == member_name
        shares[iid] += share
        sizes[iid] += 1
    assert len(shares) == count
    assert set(shares.values()) == {100}
    assert set(sizes.values()) == {1, 2, 3}


def test_register_goes_mostly_to_schools_health_and_administration(demo):
    db, _ = demo
    with db.reading() as s:
        per_sector = Counter(dict(s.execute(
            select(Unit.sector, func.count()).join(Initiative, Initiative.unit_id == Unit.id)
            .group_by(Unit.sector)
        ).all()))
        units = Counter(dict(s.execute(
            select(Unit.sector, func.count()).where(Unit.kind == UnitKind.GRASSROOTS)
            .group_by(Unit.sector)
        ).all()))
        kinds = Counter(s.scalars(select(Initiative.kind)))
        benefit = s.scalar(select(func.sum(Initiative.economic_benefit))
                           .where(Initiative.programme_id == _programme_id(s, PROGRAMME_CODE)))
        awards = s.scalar(select(func.count()).select_from(Initiative)
                          .where(Initiative.awards.like("Bằng Lao động sáng tạo%")))
    # per unit, an enterprise has far fewer initiatives than a school
    assert per_sector["education"] / units["education"] > 2 * per_sector["enterprise"] / units["enterprise"]
    assert per_sector["education"] == max(per_sector.values())
    assert len(kinds) == 7
    assert kinds["technical"] + kinds["management"] + kinds["operational"] > 0.6 * sum(kinds.values())
    assert 15_000_000_000 <= benefit <= 17_000_000_000  # "hơn 15 tỉ đồng" (seed 000)
    assert awards == 6


def test_search_forms_are_what_the_editor_stores(demo):
    db, _ = demo
    with db.reading() as s:
        units = dict(s.execute(select(Unit.id, Unit.name)).all())
        items = s.scalars(select(Initiative).options(selectinload(Initiative.authors))).all()
        for item in items:
            authors = sorted(item.authors, key=lambda a: a.position)
            assert item.name_folded == fold(item.name)
            assert item.authors_folded == fold(
                " ".join(f"{a.full_name} {a.unit_text}" for a in authors))
            assert item.description_folded == fold(
                " ".join([item.description, item.objective, item.social_benefit]))
            assert item.unit_folded == fold(units[item.unit_id])
            lead = max(authors, key=lambda a: a.share)
            assert item.lead_author == lead.full_name
            assert item.number.startswith(f"LC-SK-{item.registered_on.year}-")


def test_search_finds_mind_maps(demo):
    db, _ = demo
    with db.reading() as s:
        expected = {seq for seq, name in s.execute(select(Initiative.seq, Initiative.name))
                    if "sơ đồ tư duy" in name.lower()}
        f = RegisterFilter(text="so do tu duy")
        first = page(s, f)
        found = {r.seq for r in page(s, f, limit=10_000)}
        count = totals(s, f).count
    assert expected
    assert first
    assert expected <= found  # every word as a prefix anywhere: "số", "đồ", "từ" match too
    assert count == len(found)


def test_full_text_index_covers_every_initiative(demo):
    db, _ = demo
    with db.engine.connect() as conn:
        indexed = conn.exec_driver_sql("SELECT count(*) FROM initiative_fts_docsize").scalar()
        count = conn.exec_driver_sql("SELECT count(*) FROM initiative").scalar()
        conn.exec_driver_sql("INSERT INTO initiative_fts(initiative_fts) VALUES ('integrity-check')")
        triggers = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert indexed == count
    assert {"initiative_ai", "initiative_ad", "initiative_au"} <= triggers


def _content(db):
    skip = {"created_at", "updated_at"}
    with db.engine.connect() as conn:
        out = []
        for table in ("initiative", "initiative_author"):
            result = conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id")
            keys = list(result.keys())
            out.append([tuple(v for k, v in zip(keys, row, strict=True) if k not in skip)
                        for row in result])
        return out


def test_deterministic_for_a_seed(demo, tmp_path):
    db, _ = demo
    other, _ = _fresh(tmp_path / "y.sqlite")
    try:
        assert _content(db) == _content(other)
    finally:
        other.close()


def test_second_load_is_refused(demo):
    db, loaded = demo
    with pytest.raises(UserError, match="không nạp lại"):
        load_demo_register(db)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Initiative)) == loaded


def test_refused_without_demo_units(app_db):
    with pytest.raises(UserError, match="dữ liệu mẫu"):
        load_demo_register(app_db)
    with app_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Initiative)) == 0
