"""core.commendations.ops: rounds, nominees, the criteria checklist and the rule-by-rule checks
(Creative Labour thresholds, two awards at one level in one year, a linked initiative that is
not valid), approval with the decision number and date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.commendations import ops, rules
from core.commendations.ops import (
    AwardForm,
    NomineeInput,
    NomineeKind,
    NomineeStatus,
    RoundInput,
    RoundLevel,
    Thresholds,
    Tier,
)
from core.common.errors import UserError
from core.initiatives import ops as initiative_ops
from core.initiatives.ops import AuthorInput, InitiativeInput, InitiativeKind, InitiativeStatus
from core.org import units as org
from db.models import UnitKind


@pytest.fixture
def world(app_db):
    with app_db.transaction() as s:
        school = org.create_unit(s, org.UnitInput(code="VL-0001", name="CĐCS Trường THCS Hồ Xuân Hương",
                                                  kind=UnitKind.GRASSROOTS, parent_code="VL"))
        school_id = school.id
    programme = next(p for p in initiative_ops.programmes(app_db) if p.code == "1TRIEU-SK")

    def initiative(name: str, benefit: int, year: int, status=InitiativeStatus.VALID):
        done = initiative_ops.save_initiative(app_db, InitiativeInput(
            name=name, kind=InitiativeKind.TECHNICAL, unit_id=school_id,
            programme_id=programme.id, authors=[AuthorInput("Lê Thị Hương", share=100)],
            registered_on=date(year, 3, 15), economic_benefit=benefit))
        if status != InitiativeStatus.UNDER_REVIEW:
            initiative_ops.set_status(app_db, [done.value], status)
        return done.value

    r = ops.create_round(app_db, RoundInput(rules.default_round_name(2023), 2023)).value
    return app_db, r, school_id, initiative


def test_round_and_nominee_are_plain_values_and_say_what_changed(world):
    db, r, school_id, _ = world
    assert r.name == "Tổng kết phong trào Lao động giỏi, lao động sáng tạo năm 2023"
    assert r.level == RoundLevel.UPPER and AwardForm.LAO_DONG_SANG_TAO in r.forms
    done = ops.add_nominee(db, r.id, NomineeInput(NomineeKind.COLLECTIVE, AwardForm.BANG_KHEN,
                                                  unit_id=school_id))
    assert done.changes.commendations and done.changes.kinds() == ["commendations"]
    assert done.value.full_name == "CĐCS Trường THCS Hồ Xuân Hương" and done.value.seq == 1
    assert ops.get_round(db, r.id).nominees == 1
    assert ops.find_round(db, "tong ket phong trao lao dong gioi, lao dong sang tao nam 2023") == \
        ops.get_round(db, r.id)
    with pytest.raises(UserError, match="Đã có đợt khen thưởng"):
        ops.create_round(db, RoundInput(r.name, 2023))


def test_collective_checklist_explains_each_unmet_criterion(world):
    db, r, school_id, _ = world
    n = ops.add_nominee(db, r.id, NomineeInput(NomineeKind.COLLECTIVE, AwardForm.GIAY_KHEN,
                                               unit_id=school_id)).value
    findings = ops.check_nominee(db, n.id)
    unmet = [f.message for f in findings if f.rule == "criteria" and not f.ok]
    assert len(unmet) == 6
    assert "Chưa đạt tiêu chuẩn: Được xếp loại vững mạnh hoặc tốt." in unmet
    ops.set_criterion(db, n.id, "rating", True, "Xếp loại vững mạnh năm 2023")
    messages = [f.message for f in ops.check_nominee(db, n.id) if f.ok]
    assert "Đạt: Được xếp loại vững mạnh hoặc tốt (minh chứng: Xếp loại vững mạnh năm 2023)." in messages
    # The evidence box has several lines: they are kept, and the check reads them on one.
    ops.set_criterion(db, n.id, "rating", True, " Xếp loại vững mạnh năm 2023 \n\n\nQĐ 15/QĐ-LĐLĐ ")
    notes = {c.key: c.note for c in ops.nominee_detail(db, n.id).criteria}
    assert notes["rating"] == "Xếp loại vững mạnh năm 2023\n\nQĐ 15/QĐ-LĐLĐ"
    messages = [f.message for f in ops.check_nominee(db, n.id) if f.ok]
    assert ("Đạt: Được xếp loại vững mạnh hoặc tốt (minh chứng: Xếp loại vững mạnh năm 2023; "
            "QĐ 15/QĐ-LĐLĐ).") in messages
    with pytest.raises(UserError, match="Không có tiêu chuẩn"):
        ops.set_criterion(db, n.id, "initiative", True)


def test_creative_labour_from_the_linked_initiatives_benefit(world):
    db, r, _school, initiative = world
    small = initiative("Số hóa hồ sơ đoàn viên", 50_000_000, 2023)
    n = ops.add_nominee(db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.LAO_DONG_SANG_TAO,
                                               full_name="Nguyễn Thị Ngọc Ánh", unit_name="CĐCS Trường THCS",
                                               initiative_ids=(small,))).value
    lab = [f for f in ops.check_nominee(db, n.id) if f.rule == "creative_labour"]
    assert lab[0].ok is False
    assert "cần 80.000.000 đồng" in lab[0].message and "50.000.000 đồng" in lab[0].message
    # 50 + 40 + 35 = 125 million over 2021–2023: the three-year rule (120 million) is met.
    more = (initiative("Sổ tay công đoàn điện tử", 40_000_000, 2022),
            initiative("Quy trình thăm hỏi đoàn viên ốm đau", 35_000_000, 2021))
    ops.update_nominee(db, n.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.LAO_DONG_SANG_TAO,
                                              full_name="Nguyễn Thị Ngọc Ánh", unit_name="CĐCS Trường THCS",
                                              initiative_ids=(small, *more)))
    lab = [f for f in ops.check_nominee(db, n.id) if f.rule == "creative_labour"]
    assert lab[0].ok and "ba năm liên tiếp 2021–2023 là 125.000.000 đồng" in lab[0].message
    # The thresholds are configurable: raise the three-year one and it fails again.
    ops.set_thresholds(db, Thresholds(worker_three_years=130_000_000))
    assert ops.thresholds(db).worker_three_years == 130_000_000
    assert not [f for f in ops.check_nominee(db, n.id) if f.rule == "creative_labour"][0].ok
    # A leader needs 200 million in one year.
    ops.update_nominee(db, n.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.LAO_DONG_SANG_TAO,
                                              full_name="Nguyễn Thị Ngọc Ánh", tier=Tier.LEADER,
                                              initiative_ids=(initiative("Phần mềm quản lý quỹ", 210_000_000, 2023),)))
    lab = [f for f in ops.check_nominee(db, n.id) if f.rule == "creative_labour"][0]
    assert lab.ok and "cán bộ lãnh đạo, quản lý" in lab.message and "200.000.000 đồng" in lab.message


def test_a_linked_initiative_that_is_not_valid_is_flagged(world):
    db, r, _school, initiative = world
    pending = initiative("Tủ sách pháp luật cho công nhân", 90_000_000, 2023,
                         status=InitiativeStatus.UNDER_REVIEW)
    n = ops.add_nominee(db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.LAO_DONG_SANG_TAO,
                                               full_name="Trần Văn Đức", initiative_ids=(pending,))).value
    flagged = [f for f in ops.check_nominee(db, n.id) if f.rule == "initiative"]
    assert len(flagged) == 1 and not flagged[0].ok
    assert "“Tủ sách pháp luật cho công nhân” chưa hợp lệ (đang xem xét)" in flagged[0].message
    # …and a pending initiative does not count towards Creative Labour either.
    assert not [f for f in ops.check_nominee(db, n.id) if f.rule == "creative_labour"][0].ok


def test_two_awards_at_the_same_level_in_the_same_year_are_warned(world):
    db, r, school_id, _ = world
    other = ops.create_round(db, RoundInput("Khen thưởng chuyên đề an toàn vệ sinh lao động", 2023)).value
    province = ops.create_round(db, RoundInput("Đề nghị LĐLĐ tỉnh khen", 2023,
                                               level=RoundLevel.PROVINCE)).value
    first = ops.add_nominee(db, r.id, NomineeInput(NomineeKind.COLLECTIVE, AwardForm.GIAY_KHEN,
                                                   unit_id=school_id)).value
    assert not [f for f in ops.check_nominee(db, first.id) if f.rule == "duplicate"]
    ops.add_nominee(db, province.id, NomineeInput(NomineeKind.COLLECTIVE, AwardForm.BANG_KHEN,
                                                  unit_id=school_id))
    assert not [f for f in ops.check_nominee(db, first.id) if f.rule == "duplicate"]  # other level
    # Saving the second one at the same level warns first (DuplicateNominee) …
    with pytest.raises(ops.DuplicateNominee, match="đã được đề nghị Giấy khen trong đợt «Tổng kết"):
        ops.add_nominee(db, other.id, NomineeInput(NomineeKind.COLLECTIVE, AwardForm.BANG_KHEN,
                                                   unit_id=school_id))
    ops.add_nominee(db, other.id, NomineeInput(NomineeKind.COLLECTIVE, AwardForm.BANG_KHEN,
                                               unit_id=school_id), allow_duplicate=True)
    # … and the check comes first among the findings, not last behind the criteria.
    findings = ops.check_nominee(db, first.id)
    assert findings[0].rule == "duplicate"
    dup = [f for f in findings if f.rule == "duplicate"]
    assert len(dup) == 1 and "Bằng khen" in dup[0].message
    assert "Khen thưởng chuyên đề an toàn vệ sinh lao động" in dup[0].message
    # A typed name in another unit is another person.
    a = ops.add_nominee(db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                               full_name="Lê Văn Bình", unit_name="CĐCS A")).value
    ops.add_nominee(db, other.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                               full_name="Lê Văn Bình", unit_name="CĐCS B"))
    assert not [f for f in ops.check_nominee(db, a.id) if f.rule == "duplicate"]
    ops.add_nominee(db, other.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                               full_name="Le Van Binh", unit_name="CĐCS A"),
                    allow_duplicate=True)
    assert [f for f in ops.check_nominee(db, a.id) if f.rule == "duplicate"]


def test_approve_all_proposed_and_search_ignoring_tone_marks(world):
    db, r, school_id, _ = world
    ops.add_nominee(db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                           full_name="Phạm Thị Thu Hường", unit_name="CĐCS Bệnh viện"))
    b = ops.add_nominee(db, r.id, NomineeInput(NomineeKind.COLLECTIVE, AwardForm.BANG_KHEN,
                                               unit_id=school_id)).value
    assert [n.full_name for n in ops.nominees(db, r.id, search="huong")] == ["Phạm Thị Thu Hường",
                                                                            "CĐCS Trường THCS Hồ Xuân Hương"]
    assert [n.full_name for n in ops.nominees(db, r.id, search="benh vien")] == ["Phạm Thị Thu Hường"]
    ops.reject(db, r.id, "15/QĐ-LĐLĐ", date(2023, 12, 20), [b.id])
    assert ops.approve(db, r.id, "15/QĐ-LĐLĐ", date(2023, 12, 20)).value == 1
    rows = ops.nominees(db, r.id)
    assert [(n.status, n.decision_number, n.decision_date) for n in rows] == [
        (NomineeStatus.APPROVED, "15/QĐ-LĐLĐ", date(2023, 12, 20)),
        (NomineeStatus.NOT_APPROVED, "15/QĐ-LĐLĐ", date(2023, 12, 20))]
    with pytest.raises(UserError, match="đã được khen thưởng"):
        ops.delete_nominee(db, rows[0].id)
    with pytest.raises(UserError, match="Thiếu số quyết định"):
        ops.approve(db, r.id, "  ", date(2023, 12, 20))


def test_award_not_offered_by_the_round_is_an_error(world):
    db, _r, _school, _ = world
    r = ops.create_round(db, RoundInput("Biểu dương", 2024, forms=(AwardForm.BIEU_DUONG,))).value
    n = ops.add_nominee(db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.BANG_KHEN,
                                               full_name="Hồ Thị Lý")).value
    award = [f for f in ops.check_nominee(db, n.id) if f.rule == "award"]
    assert award and "Đợt này không xét hình thức Bằng khen (các hình thức của đợt: Biểu dương)" in award[0].message


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(2015, 2025), st.integers(0, 300_000_000)), max_size=6),
       st.sampled_from(list(Tier)))
def test_creative_labour_rule_matches_its_definition(values, tier):
    linked = [rules.LinkedInitiative(i, f"SK-{i}", "x", InitiativeStatus.VALID, b, y)
              for i, (y, b) in enumerate(values)]
    t = Thresholds()
    window = range(2021, 2024)
    by_year = [sum(b for y, b in values if y == w) for w in window]
    if tier == Tier.WORKER:
        expected = max(by_year) >= t.worker or sum(by_year) >= t.worker_three_years
    else:
        expected = max(by_year) >= (t.university if tier == Tier.UNIVERSITY else t.leader)
    if not any(b for y, b in values if y in window):
        expected = False
    assert rules.creative_labour(tier, 2023, linked, t).ok is expected


def test_the_same_unit_twice_in_a_round_warns_at_saving_and_is_listed_once(world, tmp_path):
    db, r, school_id, _ = world
    ops.add_nominee(db, r.id, NomineeInput(NomineeKind.COLLECTIVE, AwardForm.GIAY_KHEN, unit_id=school_id))
    second = NomineeInput(NomineeKind.COLLECTIVE, AwardForm.GIAY_KHEN, unit_id=school_id)
    with pytest.raises(ops.DuplicateNominee, match="CĐCS Trường THCS Hồ Xuân Hương đã được đề nghị Giấy khen"):
        ops.add_nominee(db, r.id, second)
    assert len(ops.nominees(db, r.id)) == 1
    ops.add_nominee(db, r.id, second, allow_duplicate=True)
    with db.reading() as s:
        assert len(ops._entries(s, r.id, None)) == 1  # the Tờ trình's list names it once


def test_the_initiative_criterion_is_met_only_by_a_valid_linked_initiative(world):
    db, r, _school_id, initiative = world
    draft = initiative("Sáng kiến chưa duyệt", 10_000_000, 2023, status=InitiativeStatus.UNDER_REVIEW)
    n = ops.add_nominee(db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                               full_name="Lê Thị Hương", initiative_ids=(draft,))).value
    ops.set_criterion(db, n.id, "initiative", True, "Biên bản nghiệm thu")
    found = [f for f in ops.check_nominee(db, n.id) if f.rule == "criteria"]
    assert not found[0].ok
    assert found[0].message == ("Chưa đạt tiêu chuẩn: Có đề tài, sáng kiến được nghiệm thu và ứng dụng trong "
                                "thực tế — đã đánh dấu đạt nhưng chưa có sáng kiến hợp lệ nào được gắn.")
    valid = initiative("Sáng kiến đã công nhận", 10_000_000, 2023)
    ops.update_nominee(db, n.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                              full_name="Lê Thị Hương", initiative_ids=(draft, valid)))
    found = [f for f in ops.check_nominee(db, n.id) if f.rule == "criteria"]
    assert found[0].ok and found[0].message.startswith("Đạt: Có đề tài, sáng kiến được nghiệm thu")
