"""Targets and progress: counts from the records, roll-up, percent half up, pro-rata."""

from datetime import date

import pytest

from core.common.errors import UserError
from core.initiatives import records as initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from core.org import units as org
from core.targets import progress, targets
from db.models import InitiativeKind, InitiativeStatus, UnitKind


def test_suggested_target_is_ten_percent_rounded_up():
    assert targets.suggested_initiative_target(1200) == 120
    assert targets.suggested_initiative_target(1201) == 121
    assert targets.suggested_initiative_target(0) == 0


def test_expected_pro_rata_half_up():
    starts, ends = date(2022, 6, 1), date(2023, 9, 1)  # 458 days
    assert progress.expected_by(300, starts, ends, date(2022, 5, 1)) == 0
    assert progress.expected_by(300, starts, ends, date(2023, 9, 1)) == 300
    assert progress.expected_by(300, starts, ends, date(2022, 6, 1)) == 1  # 300/458 = 0.66 → 1
    assert progress.expected_by(458, starts, ends, date(2022, 12, 31)) == 214


def test_percent_matches_the_source_documents():
    row = progress.ProgressRow(None, "X", "X", UnitKind.UPPER, 0, None, target=1200, achieved=1775)
    assert (row.percent, row.shortfall) == (148, 0)
    row = progress.ProgressRow(None, "X", "X", UnitKind.UPPER, 0, None, target=2300, achieved=2412)
    assert row.percent == 105
    row = progress.ProgressRow(None, "X", "X", UnitKind.UPPER, 0, None, target=400, achieved=310)
    assert (row.percent, row.shortfall) == (78, 90)  # 77.5 → 78


@pytest.fixture
def register(app_db):
    """VL with two CĐCS; A has 3 initiatives in phase 1 (2 valid), B has 1 in phase 2."""
    with app_db.transaction() as s:
        a = org.create_unit(s, org.UnitInput("VL-0001", "CĐCS A", UnitKind.GRASSROOTS, "VL"))
        b = org.create_unit(s, org.UnitInput("VL-0002", "CĐCS B", UnitKind.GRASSROOTS, "VL"))
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        made = []
        for unit, registered in ((a, date(2022, 1, 5)), (a, date(2022, 2, 5)), (a, date(2022, 3, 5)),
                                 (b, date(2022, 7, 1))):
            made.append(initiatives.create_initiative(s, InitiativeInput(
                name=f"Sáng kiến {len(made) + 1}", kind=InitiativeKind.MANAGEMENT, unit_id=unit.id,
                authors=[AuthorInput("Lê Văn Tám")], programme_id=programme.id, registered_on=registered)))
        for item in made[:2]:
            initiatives.set_status(s, item.id, InitiativeStatus.VALID)
        initiatives.set_status(s, made[3].id, InitiativeStatus.REJECTED, "Trùng lặp")
        vl = org.find_by_code(s, "VL")
        targets.set_initiative_target(s, vl.id, programme.id, 1, 10)
        targets.set_initiative_target(s, a.id, programme.id, 1, 4)
    return app_db, programme.id, a.id, b.id


def test_progress_rolls_up_and_follows_the_counting_rule(register):
    db, programme_id, a_id, b_id = register
    with db.reading() as s:
        table = progress.progress(s, programme_id, 1, as_of=date(2022, 5, 31))
        vl, a = table.by_code("VL"), table.by_code("VL-0001")
        assert (a.target, a.achieved, a.valid, a.under_review, a.percent, a.shortfall) == (4, 3, 2, 1, 75, 1)
        assert (vl.target, vl.achieved, vl.own_target, vl.percent) == (10, 3, True, 30)
        assert table.by_code("QT").target == 10  # sum of the sub-units' targets
        valid_only = progress.progress(s, programme_id, 1, rule=progress.CountRule.VALID,
                                       as_of=date(2022, 5, 31))
        assert valid_only.by_code("VL").achieved == 2
        whole = progress.progress(s, programme_id, None, as_of=date(2023, 9, 1))
        assert whole.by_code("VL").achieved == 3 and whole.by_code("VL").rejected == 1
        mid = progress.progress(s, programme_id, 1, as_of=date(2022, 1, 31))
        assert mid.by_code("VL-0001").expected == 2 and not mid.by_code("VL-0001").behind
        assert [r.code for r in table.rows] == ["QT", "VL", "VL-0001", "VL-0002"]


def test_merged_unit_counts_for_the_absorbing_unit(register):
    db, programme_id, a_id, b_id = register
    with db.transaction() as s:
        org.merge_units(s, a_id, b_id, date(2025, 7, 1))
    with db.reading() as s:
        table = progress.progress(s, programme_id, 1, as_of=date(2022, 5, 31))
        assert table.by_code("VL-0002").achieved == 3 and table.by_code("VL-0002").target == 4
        assert "VL-0001" not in [r.code for r in table.rows]


def test_fund_model_target_checks_its_figures(app_db):
    with app_db.transaction() as s:
        vl = org.find_by_code(s, "VL")
        targets.set_fund_model_target(s, vl.id, 2023, targets.FundModelFigures(97, 2, 6))
        with pytest.raises(UserError, match="vượt tổng số CĐCS"):
            targets.set_fund_model_target(s, vl.id, 2024, targets.FundModelFigures(5, 3, 3))
