"""Demo targets (seed 000): fund model table in the seed's order, initiative targets split in
proportion to members, 10% of members for each CĐCS; a second load is a no-op."""

from __future__ import annotations

import math
from collections import defaultdict

import pytest
from sqlalchemy import select

from core.common.database import open_app_database
from core.common.errors import UserError
from core.demo.org import FUND_MODEL_2023
from core.demo.targets import PROVINCE_TARGETS, load_demo_targets, split_proportionally
from core.initiatives.records import find_programme
from db.models import FundModelTarget, InitiativeTarget, Unit, UnitKind, UnitMemberCount
from tests.test_reports_support import build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = open_app_database(build_demo(tmp_path_factory.mktemp("t") / "d.sqlite", targets=False))
    first = load_demo_targets(db)
    yield db, first
    db.close()


def test_split_is_proportional_and_exact():
    assert split_proportionally(1200, [1, 1, 1]) == [400, 400, 400]
    assert split_proportionally(10, [1, 1, 1]) == [4, 3, 3]  # remainders tie: first wins
    assert split_proportionally(100, [50, 30, 20]) == [50, 30, 20]
    assert split_proportionally(7, [0, 0]) == [4, 3]
    assert sum(split_proportionally(1100, [97, 117, 79, 99, 1])) == 1100


def test_fund_model_targets_are_the_seed_table(demo):
    db, first = demo
    assert first.fund_model == 11
    with db.reading() as s:
        rows = s.execute(select(Unit.code, FundModelTarget.grassroots_total,
                                FundModelTarget.running_before, FundModelTarget.to_add)
                         .join(Unit, Unit.id == FundModelTarget.unit_id)
                         .where(FundModelTarget.year == 2023)
                         .order_by(FundModelTarget.created_at)).all()
    assert [tuple(r) for r in rows] == [
        (t.code, t.grassroots, t.running_2022, t.new_2023) for t in FUND_MODEL_2023]


def test_initiative_targets_follow_members(demo):
    db, _ = demo
    with db.reading() as s:
        programme = find_programme(s, "1TRIEU-SK")
        got = defaultdict(dict)
        for code, kind, phase, target in s.execute(
            select(Unit.code, Unit.kind, InitiativeTarget.phase_number, InitiativeTarget.target)
            .join(Unit, Unit.id == InitiativeTarget.unit_id)
            .where(InitiativeTarget.programme_id == programme.id)
        ):
            got[phase][code] = (kind, target)
        members = dict(s.execute(select(Unit.code, UnitMemberCount.members)
                                 .join(Unit, Unit.id == UnitMemberCount.unit_id)
                                 .where(UnitMemberCount.year == 2023)).all())
        parent_code = dict(s.execute(
            select(Unit.code, Unit.parent_id)).all())
        codes_by_id = dict(s.execute(select(Unit.id, Unit.code)).all())
    assert got[1]["LC"][1] == 1200 and got[0]["LC"][1] == 2300 and got[2]["LC"][1] == 1100
    uppers = [t.code for t in FUND_MODEL_2023]
    for phase, total in PROVINCE_TARGETS.items():
        assert sum(got[phase][code][1] for code in uppers) == total
    under = defaultdict(int)
    for code, count in members.items():
        parent = codes_by_id.get(parent_code[code])
        if parent in uppers:
            under[parent] += count
    for code in uppers:
        share = 1200 * under[code] / sum(under.values())
        assert abs(got[1][code][1] - share) < 1
        assert got[0][code][1] == got[1][code][1] + got[2][code][1]
    grassroots = {c: t for c, (k, t) in got[0].items() if k == UnitKind.GRASSROOTS}
    assert len(grassroots) == 782
    assert all(t == math.ceil(members[c] / 10) for c, t in grassroots.items())


def test_second_load_is_a_no_op(demo):
    db, first = demo
    with db.reading() as s:
        before = s.execute(select(InitiativeTarget.id, InitiativeTarget.target,
                                  InitiativeTarget.row_version)).all()
    again = load_demo_targets(db)
    assert (again.fund_model, again.initiative) == (0, 0)
    assert again.kept == first.fund_model + first.initiative
    with db.reading() as s:
        after = s.execute(select(InitiativeTarget.id, InitiativeTarget.target,
                                 InitiativeTarget.row_version)).all()
    assert sorted(before) == sorted(after)


def test_needs_the_demo_units(app_db):
    with pytest.raises(UserError, match="dữ liệu mẫu"):
        load_demo_targets(app_db)
