"""Dashboard figures (core.targets.figures), the targets grid (core.targets.targets) and the saved
counting rule (core.targets.settings) against values computed by hand on a small register."""

from __future__ import annotations

from datetime import date

import pytest

from core.initiatives import records as initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from core.org import units as org
from core.targets import figures as dashboard
from core.targets import progress, settings, targets
from core.targets.progress import CountRule
from db.models import InitiativeField, InitiativeStatus, Sector, UnitKind

F = InitiativeField
S = InitiativeStatus

# (unit, registered on, field, benefit, status); programme 1TRIEU-SK: phase 1 ends 31/5/2022.
RECORDS = [
    ("A", date(2022, 1, 5), F.EDUCATION, 10_000_000, S.VALID),
    ("A", date(2022, 1, 20), F.EDUCATION, 5_500_000, S.UNDER_REVIEW),
    ("A", date(2022, 2, 10), F.EDUCATION, 9_000_000, S.DRAFT),  # drafts never count
    ("A", date(2022, 3, 5), F.IT_ELECTRONICS_TELECOM, None, S.VALID),
    ("B", date(2022, 3, 15), F.HEALTH, 120_000_000, S.UNDER_REVIEW),
    ("B", date(2022, 4, 1), None, 700_000, S.UNDER_REVIEW),
    ("B", date(2022, 7, 1), F.HEALTH, 30_000_000, S.VALID),  # phase 2
    ("B", date(2022, 7, 2), None, 1_000_000, S.REJECTED),  # rejected never counts
    ("C", date(2022, 8, 10), F.OTHER, 2_000_000, S.UNDER_REVIEW),  # phase 2, unit without sector
]


@pytest.fixture
def register(app_db):
    """Under VL: A (education), B (health), C (no sector); the records above, one deleted
    record and one of another programme (neither counts)."""
    with app_db.transaction() as s:
        units = {
            "A": org.create_unit(s, org.UnitInput("VL-0001", "CĐCS A", UnitKind.GRASSROOTS, "VL", Sector.EDUCATION)),
            "B": org.create_unit(s, org.UnitInput("VL-0002", "CĐCS B", UnitKind.GRASSROOTS, "VL", Sector.HEALTH)),
            "C": org.create_unit(s, org.UnitInput("VL-0003", "CĐCS C", UnitKind.GRASSROOTS, "VL")),
        }
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        yearly = initiatives.find_programme(s, "LDG-LDST")

        def add(unit, on, field, benefit, status, programme_id=programme.id):
            return initiatives.create_initiative(s, InitiativeInput(
                name=f"Sáng kiến {on}", kind="management", unit_id=units[unit].id,
                authors=[AuthorInput("Lê Văn Tám")], programme_id=programme_id, registered_on=on,
                field=field, economic_benefit=benefit, status=status,
                rejection_reason="Trùng lặp" if status == S.REJECTED else ""))

        for record in RECORDS:
            add(*record)
        gone = add("A", date(2022, 2, 1), F.EDUCATION, 50_000_000, S.VALID)
        initiatives.delete_initiative(s, gone.id)
        add("A", date(2024, 3, 1), F.EDUCATION, 70_000_000, S.VALID, programme_id=yearly.id)
    ids = {key: unit.id for key, unit in units.items()}
    return app_db, programme.id, ids


def months(rows):
    return [(m.month.strftime("%Y-%m"), m.count, m.cumulative) for m in rows]


def test_monthly_registrations_are_cumulative_and_follow_the_rule(register):
    db, programme_id, ids = register
    with db.reading() as s:
        assert months(dashboard.monthly_registrations(s, programme_id, None)) == [
            ("2022-01", 2, 2), ("2022-02", 0, 2), ("2022-03", 2, 4), ("2022-04", 1, 5),
            ("2022-05", 0, 5), ("2022-06", 0, 5), ("2022-07", 1, 6), ("2022-08", 1, 7),
        ]
        assert months(dashboard.monthly_registrations(s, programme_id, None, rule=CountRule.VALID)) == [
            ("2022-01", 1, 1), ("2022-02", 0, 1), ("2022-03", 1, 2), ("2022-04", 0, 2),
            ("2022-05", 0, 2), ("2022-06", 0, 2), ("2022-07", 1, 3),
        ]
        assert months(dashboard.monthly_registrations(s, programme_id, 1)) == [
            ("2022-01", 2, 2), ("2022-02", 0, 2), ("2022-03", 2, 4), ("2022-04", 1, 5),
        ]
        scope = dashboard.scope_unit_ids(s, ids["B"])
        assert months(dashboard.monthly_registrations(s, programme_id, None, unit_ids=scope)) == [
            ("2022-03", 1, 1), ("2022-04", 1, 2), ("2022-05", 0, 2), ("2022-06", 0, 2),
            ("2022-07", 1, 3),
        ]
        # The last cumulative figure is what core.targets.progress counts for the unit.
        table = progress.progress(s, programme_id, None, as_of=date(2023, 9, 1))
        assert table.by_code("VL").achieved == 7 and table.by_code("VL-0002").achieved == 3
        empty = initiatives.find_programme(s, "DMST-HQ")
        assert dashboard.monthly_registrations(s, empty.id, None) == []


def totals(rows):
    return [(t.key, t.count, t.with_benefit, t.benefit) for t in rows]


def test_benefit_by_field(register):
    db, programme_id, ids = register
    with db.reading() as s:
        rows = dashboard.benefit_by_field(s, programme_id, None)
        assert totals(rows) == [
            ("agriculture_environment", 0, 0, 0),
            ("it_electronics_telecom", 1, 0, 0),
            ("materials_chemicals_energy", 0, 0, 0),
            ("health", 2, 2, 150_000_000),
            ("education", 2, 2, 15_500_000),
            ("other", 1, 1, 2_000_000),
            (None, 1, 1, 700_000),
        ]
        assert rows[3].label == "Y tế – chăm sóc sức khỏe" and rows[-1].label == "Chưa xác định"
        valid = dashboard.benefit_by_field(s, programme_id, None, rule=CountRule.VALID)
        assert [(t.key, t.count, t.benefit) for t in valid if t.count] == [
            ("it_electronics_telecom", 1, 0), ("health", 1, 30_000_000), ("education", 1, 10_000_000),
        ]
        assert None not in [t.key for t in valid]  # no "not set" line when none lacks a field
        phase_2 = dashboard.benefit_by_field(s, programme_id, 2)
        assert [(t.key, t.count, t.benefit) for t in phase_2 if t.count] == [
            ("health", 1, 30_000_000), ("other", 1, 2_000_000),
        ]


def test_benefit_by_sector_of_the_unit(register):
    db, programme_id, ids = register
    with db.reading() as s:
        assert totals(dashboard.benefit_by_sector(s, programme_id, None)) == [
            ("administration", 0, 0, 0),
            ("education", 3, 2, 15_500_000),
            ("health", 3, 3, 150_700_000),
            ("enterprise", 0, 0, 0),
            ("other", 0, 0, 0),
            (None, 1, 1, 2_000_000),
        ]
        valid = dashboard.benefit_by_sector(s, programme_id, 1, rule=CountRule.VALID)
        assert [(t.key, t.count, t.benefit) for t in valid if t.count] == [("education", 2, 10_000_000)]
        only_a = dashboard.benefit_by_sector(s, programme_id, None,
                                             unit_ids=dashboard.scope_unit_ids(s, ids["A"]))
        assert sum(t.benefit for t in only_a) == 15_500_000


def test_scope_follows_merges_and_is_open_at_the_top(register):
    db, programme_id, ids = register
    with db.transaction() as s:
        org.merge_units(s, ids["C"], ids["B"], date(2025, 7, 1))
    with db.reading() as s:
        vl = org.find_by_code(s, "VL")
        assert dashboard.scope_unit_ids(s, ids["B"]) == {ids["B"], ids["C"]}
        assert dashboard.scope_unit_ids(s, vl.id) == {vl.id, ids["A"], ids["B"], ids["C"]}
        assert dashboard.scope_unit_ids(s, vl.parent_id) is None  # the top: no filter
        assert dashboard.scope_unit_ids(s, None) is None
        scope = dashboard.scope_unit_ids(s, ids["B"])
        assert dashboard.monthly_registrations(s, programme_id, None, unit_ids=scope)[-1].cumulative == 4
        assert progress.progress(s, programme_id, None).by_code("VL-0002").achieved == 4


def test_target_grid_members_suggestion_and_saving(register):
    db, programme_id, ids = register
    with db.transaction() as s:
        org.set_member_count(s, ids["A"], 2021, 90)
        org.set_member_count(s, ids["A"], 2022, 101)
        org.set_member_count(s, ids["A"], 2024, 500)  # after the year asked: not used
        org.set_member_count(s, ids["B"], 2020, 40)
        targets.set_initiative_target(s, ids["B"], programme_id, 1, 7)
        vl = org.find_by_code(s, "VL")
        vl_id = vl.id
    with db.reading() as s:
        rows = targets.target_grid(s, programme_id, 1, vl_id, 2022)
        assert [(r.code, r.members, r.suggested, r.target) for r in rows] == [
            ("VL-0001", 101, 11, None), ("VL-0002", 40, 4, 7), ("VL-0003", 0, 0, None),
        ]
        qt = targets.target_grid(s, programme_id, 1, vl.parent_id, 2022)
        assert [(r.code, r.members, r.suggested) for r in qt] == [("VL", 141, 15)]
    with db.transaction() as s:
        changed = targets.save_targets(s, programme_id, 1, {ids["A"]: 11, ids["B"]: None, ids["C"]: None})
        assert changed == 2  # A set, B removed; C had none
    with db.reading() as s:
        assert targets.initiative_targets(s, programme_id, 1) == {ids["A"]: 11}
    with db.transaction() as s:
        assert targets.save_targets(s, programme_id, 1, {ids["A"]: 11, ids["B"]: 5}) == 1
        assert targets.save_targets(s, programme_id, None, {ids["C"]: 3}) == 1
    with db.reading() as s:
        assert targets.initiative_targets(s, programme_id, 1) == {ids["A"]: 11, ids["B"]: 5}
        assert targets.initiative_targets(s, programme_id, 0) == {ids["C"]: 3}


def test_member_count_falls_back_to_the_member_list(register):
    from core.org import members

    db, programme_id, ids = register
    with db.transaction() as s:
        for name in ("Lê Thị Hương", "Trần Văn Nam", "Phạm Thị Lan"):
            members.add_member(s, members.MemberInput(full_name=name, unit_id=ids["C"]))
    with db.reading() as s:
        assert targets.member_counts(s, 2022)[ids["C"]] == 3


def test_count_rule_setting_and_windows(register):
    db, programme_id, ids = register
    with db.reading() as s:
        assert settings.load_count_rule(s) == CountRule.REGISTERED
        assert dashboard.phase_window(s, programme_id, 1) == (date(2021, 9, 1), date(2022, 5, 31))
        assert dashboard.phase_window(s, programme_id, None) == (date(2021, 9, 1), date(2023, 9, 1))
        assert targets.fund_model_years(s) == []
    with db.transaction() as s:
        settings.save_count_rule(s, CountRule.VALID)
    with db.reading() as s:
        assert settings.load_count_rule(s) == CountRule.VALID


def test_figures_for_a_unit_gather_the_three(register):
    db, programme_id, ids = register
    with db.reading() as s:
        found = dashboard.figures(s, programme_id, None, unit_id=ids["B"])
        assert found.months[-1].cumulative == 3
        assert sum(t.benefit for t in found.by_field) == sum(t.benefit for t in found.by_sector) == 150_700_000
