"""core.targets.ops: what the window reads and writes for targets and the dashboard — plain frozen
values out, one transaction per saving use case, and what changed."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

import pytest

from core.common.changes import Changes
from core.common.errors import UserError
from core.initiatives import records as initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from core.org import units as org
from core.targets import ops, progress, settings, targets
from core.targets.progress import CountRule
from core.targets.targets import FundModelFigures
from db.models import InitiativeField, InitiativeStatus, UnitKind


@pytest.fixture
def office(app_db):
    """Under VL: A (5 initiatives, 3 valid; target 4 in phase 1) and B (1 under review)."""
    with app_db.transaction() as s:
        a = org.create_unit(s, org.UnitInput("VL-0001", "CĐCS A", UnitKind.GRASSROOTS, "VL"))
        b = org.create_unit(s, org.UnitInput("VL-0002", "CĐCS B", UnitKind.GRASSROOTS, "VL"))
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        for n, (unit, status) in enumerate([(a, InitiativeStatus.VALID)] * 3
                                           + [(a, InitiativeStatus.UNDER_REVIEW)] * 2
                                           + [(b, InitiativeStatus.UNDER_REVIEW)]):
            item = initiatives.create_initiative(s, InitiativeInput(
                name=f"Sáng kiến {n}", kind="management", unit_id=unit.id,
                authors=[AuthorInput("Lê Văn Tám")], programme_id=programme.id,
                registered_on=date(2021, 10 + n % 2, 3), field=InitiativeField.EDUCATION,
                economic_benefit=1_000_000))
            initiatives.set_status(s, item.id, status)
        targets.set_initiative_target(s, a.id, programme.id, 1, 4)
        org.set_member_count(s, a.id, 2022, 31)
        ids = {"A": a.id, "B": b.id, "VL": org.find_by_code(s, "VL").id, "programme": programme.id}
    return app_db, ids


def _frozen(value) -> None:
    assert dataclasses.is_dataclass(value) and value.__dataclass_params__.frozen, type(value)


def test_dashboard_context_is_plain_values(office):
    db, ids = office
    context = ops.dashboard_context(db)
    _frozen(context)
    assert (context.office_unit_id, context.office_unit_code) == (ids["VL"], "VL")
    assert context.rule == CountRule.REGISTERED and context.fund_model_years == ()
    programme = next(p for p in context.programmes if p.id == ids["programme"])
    _frozen(programme)
    assert programme.code == "1TRIEU-SK"
    assert [ph.number for ph in programme.phases] == [1, 2]
    assert programme.phases[0].starts_on == date(2021, 9, 1)
    assert all(isinstance(p.phases, tuple) for p in context.programmes)


def test_unit_progress_matches_core_progress(office):
    db, ids = office
    view = ops.unit_progress(db, ids["programme"], 1, as_of=date(2022, 5, 31), root_code="VL")
    _frozen(view)
    with db.reading() as s:
        table = progress.progress(s, ids["programme"], 1, as_of=date(2022, 5, 31), root_code="VL")
    assert [r.code for r in view.rows] == [r.code for r in table.rows]
    for mine, theirs in zip(view.rows, table.rows, strict=True):
        _frozen(mine)
        assert (mine.target, mine.achieved, mine.valid, mine.under_review, mine.expected,
                mine.percent, mine.shortfall, mine.behind, mine.own_target, mine.depth) == (
            theirs.target, theirs.achieved, theirs.valid, theirs.under_review, theirs.expected,
            theirs.percent, theirs.shortfall, theirs.behind, theirs.own_target, theirs.depth)
    a = view.by_code("VL-0001")
    assert (a.target, a.achieved, a.percent, a.shortfall, a.behind) == (4, 5, 125, 0, False)
    valid = ops.unit_progress(db, ids["programme"], 1, as_of=date(2022, 5, 31),
                              rule=CountRule.VALID, root_code="VL")
    assert valid.by_code("VL-0001").achieved == 3 and valid.by_code("VL").achieved == 3


def test_chart_figures_for_a_unit(office):
    db, ids = office
    everyone = ops.chart_figures(db, ids["programme"], None)
    _frozen(everyone)
    assert [(m.month, m.count, m.cumulative) for m in everyone.months] == [
        (date(2021, 10, 1), 3, 3), (date(2021, 11, 1), 3, 6)]
    only_b = ops.chart_figures(db, ids["programme"], None, unit_id=ids["B"])
    assert only_b.months[-1].cumulative == 1
    assert sum(t.benefit for t in only_b.by_field) == 1_000_000
    valid = ops.chart_figures(db, ids["programme"], None, rule=CountRule.VALID)
    assert valid.months[-1].cumulative == 3
    with pytest.raises(UserError):
        ops.chart_figures(db, ids["programme"], None, unit_id=uuid.uuid4())


def test_count_rule_is_saved_and_says_targets_changed(office):
    db, _ids = office
    assert ops.save_count_rule(db, CountRule.VALID) == Changes(targets=True)
    assert ops.dashboard_context(db).rule == CountRule.VALID
    with db.reading() as s:
        assert settings.load_count_rule(s) == CountRule.VALID


def test_target_grid_and_saving(office):
    db, ids = office
    grid = ops.target_grid(db, ids["programme"], 1, ids["VL"], 2022)
    assert isinstance(grid, tuple)
    _frozen(grid[0])
    assert [(r.code, r.members, r.suggested, r.target) for r in grid] == [
        ("VL-0001", 31, 4, 4), ("VL-0002", 0, 0, None)]
    done = ops.save_targets(db, ids["programme"], 1, {ids["A"]: None, ids["B"]: 2})
    assert (done.value, done.changes) == (2, Changes(targets=True))
    assert [r.target for r in ops.target_grid(db, ids["programme"], 1, ids["VL"], 2022)] == [None, 2]
    nothing = ops.save_targets(db, ids["programme"], 1, {ids["B"]: 2})
    assert (nothing.value, bool(nothing.changes)) == (0, False)


def test_saving_targets_is_one_transaction(office):
    db, ids = office
    with pytest.raises(UserError):
        ops.save_targets(db, ids["programme"], 1, {ids["B"]: 7, ids["A"]: -1})
    with db.reading() as s:  # B's target was not kept either
        assert targets.initiative_targets(s, ids["programme"], 1) == {ids["A"]: 4}


def test_reports_are_written(office, tmp_path):
    db, ids = office
    with db.transaction() as s:
        targets.set_fund_model_target(s, ids["VL"], 2024, FundModelFigures(10, 4, 3))
    assert ops.fund_model_years(db) == (2024,)
    assert ops.dashboard_context(db).fund_model_years == (2024,)
    written = ops.write_progress_report(db, tmp_path / "tien-do.xlsx", programme_id=ids["programme"],
                                        phase=1, rule=CountRule.REGISTERED, as_of=date(2022, 5, 31),
                                        root="VL")
    assert written == tmp_path / "tien-do.xlsx" and written.stat().st_size > 3000
    summary = ops.write_summary_report(db, tmp_path / "tong-hop.xlsx", date_from=date(2021, 9, 1),
                                       date_to=date(2022, 5, 31), root="VL")
    assert summary.stat().st_size > 3000
    fund = ops.write_fund_model_report(db, tmp_path / "quy.xlsx", year=2024)
    assert fund.stat().st_size > 3000
