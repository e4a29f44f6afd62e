"""core.initiatives.ops: the register's use cases as the window calls them — plain values in
and out, one transaction each, and what each change touched."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

import pytest

from core.common.changes import Changes
from core.common.errors import NotFound, UserError
from core.initiatives import ops
from core.initiatives.ops import (
    AuthorInput,
    InitiativeInput,
    InitiativeKind,
    InitiativeStatus,
    Recogniser,
)
from core.org import units as org
from db.models import UnitKind


@pytest.fixture
def setup(app_db):
    with app_db.transaction() as s:
        upper = org.find_by_code(s, "VL")  # this office (LĐLĐ huyện)
        school = org.create_unit(s, org.UnitInput(code="VL-0001", name="CĐCS Trường THCS Hồ Xuân Hương",
                                                  kind=UnitKind.GRASSROOTS, parent_code="VL"))
        clinic = org.create_unit(s, org.UnitInput(code="VL-0002", name="CĐCS Trung tâm Y tế huyện",
                                                  kind=UnitKind.GRASSROOTS, parent_code="VL"))
        ids = {"upper": upper.id, "school": school.id, "clinic": clinic.id}
    programme = next(p for p in ops.programmes(app_db) if p.code == "1TRIEU-SK")
    return app_db, ids, programme


def _count(db) -> int:
    """How many initiatives the register lists (no filter)."""
    from core.initiatives import register

    with db.reading() as session:
        return register.totals(session, ops.RegisterFilter()).count


def draft(unit_id, programme_id, **kw) -> InitiativeInput:
    values = dict(
        name="Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 4",
        kind=InitiativeKind.TECHNICAL,
        unit_id=unit_id,
        programme_id=programme_id,
        authors=[AuthorInput("Lê Thị Hương", share=60), AuthorInput("Nguyễn Văn Hùng", share=40)],
        registered_on=date(2022, 3, 15),
        first_applied_on=date(2021, 10, 1),
        economic_benefit=15_000_000,
        recognised_by=Recogniser.COUNCIL,
        decision_number="12/QĐ-HĐSK",
        decision_date=date(2022, 3, 20),  # after the registration (issue 10, 13)
    )
    values.update(kw)
    return InitiativeInput(**values)


def test_programmes_are_plain_values_with_their_phases(setup):
    db, _ids, programme = setup
    assert dataclasses.is_dataclass(programme) and programme.name
    assert [p.number for p in programme.phases] == sorted(p.number for p in programme.phases)
    first = programme.phases[0]
    assert (first.starts_on, first.ends_on) == (date(2021, 9, 1), date(2022, 5, 31))
    assert programme.window == ops.Window(programme.eligible_from, programme.eligible_to)
    with pytest.raises(dataclasses.FrozenInstanceError):
        programme.name = "x"


def test_filter_units_subtrees_and_form_units(setup):
    db, ids, _programme = setup
    units = ops.filter_units(db)
    by_id = {u.id: u for u in units}
    assert {ids["upper"], ids["school"], ids["clinic"]} <= set(by_id)
    assert by_id[ids["school"]].grassroots and not by_id[ids["upper"]].grassroots
    order = [u.id for u in units]
    assert order.index(ids["upper"]) < order.index(ids["school"])  # parents before children
    assert ops.unit_and_below(db, ids["upper"]) == {ids["upper"], ids["school"], ids["clinic"]}
    assert ops.unit_and_below(db, ids["school"]) == {ids["school"]}
    form = ops.form_data(db)
    assert {u.id for u in form.units} == {ids["school"], ids["clinic"]}  # grassroots unions only
    assert form.record is None and form.programmes


def test_save_returns_the_id_and_initiative_changes_and_the_form_reads_it_back(setup):
    db, ids, programme = setup
    done = ops.save_initiative(db, draft(ids["school"], programme.id))
    assert done.changes == Changes(initiatives=True)
    detail = ops.initiative_detail(db, done.value)
    assert detail.number.startswith("VL-SK-2022-")
    assert detail.unit.id == ids["school"] and detail.unit.name == "CĐCS Trường THCS Hồ Xuân Hương"
    assert detail.phase_number == 1 and detail.status == InitiativeStatus.UNDER_REVIEW
    assert [(a.full_name, a.share) for a in detail.authors] == [("Lê Thị Hương", 60), ("Nguyễn Văn Hùng", 40)]
    assert [(h.action, h.changes) for h in detail.history] == [("created", ())]
    assert ops.check_eligibility(detail, programme) == ops.check_eligibility(detail, programme)
    assert all(r.passed for r in ops.check_eligibility(detail, programme))

    edited = ops.save_initiative(db, draft(ids["school"], programme.id, awards="Giấy khen"), done.value)
    assert edited.value == done.value and edited.changes == Changes(initiatives=True)
    history = ops.initiative_history(db, done.value)
    assert [h.action for h in history] == ["created", "updated"]
    assert history[-1].changes == (ops.FieldChange("awards", "", "Giấy khen"),)


def test_a_record_of_a_unit_the_form_does_not_offer_brings_its_unit(setup):
    db, ids, programme = setup
    done = ops.save_initiative(db, draft(ids["upper"], programme.id))
    form = ops.form_data(db, done.value)
    assert form.record is not None and form.record.unit.id == ids["upper"]
    assert ids["upper"] in {u.id for u in form.units}


def test_refused_save_writes_nothing(setup):
    db, ids, programme = setup
    with pytest.raises(UserError, match="lý do"):
        ops.save_initiative(db, draft(ids["school"], programme.id, status=InitiativeStatus.REJECTED))
    assert _count(db) == 0
    with pytest.raises(NotFound):
        ops.form_data(db, uuid.uuid4())


def test_duplicates_of_a_draft_and_not_of_itself(setup):
    db, ids, programme = setup
    saved = ops.save_initiative(db, draft(ids["school"], programme.id)).value
    # Retyped without tones, one author in common: the same initiative.
    twin = draft(ids["school"], programme.id, name="Su dung so do tu duy trong day hoc mon Toan lop 4",
                 authors=[AuthorInput("Lê Thị Hương")])
    found = ops.duplicates(db, twin)
    assert [c.id for c in found] == [saved] and found[0].similarity >= 85
    # Another class (a different number) by someone else: a different initiative.
    other = draft(ids["school"], programme.id, name="Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 5",
                  authors=[AuthorInput("Trần Thị Ánh")])
    assert ops.duplicates(db, other) == []
    assert ops.duplicates(db, draft(ids["school"], programme.id), exclude_id=saved) == []


def test_status_delete_restore_and_payments_announce_initiatives(setup):
    db, ids, programme = setup
    first = ops.save_initiative(db, draft(ids["school"], programme.id)).value
    second = ops.save_initiative(db, draft(ids["clinic"], programme.id, name="Số hóa hồ sơ bệnh án")).value

    done = ops.set_status(db, [first, second], InitiativeStatus.REJECTED, "Không có tính mới.")
    assert (done.value, done.changes) == (2, Changes(initiatives=True))
    assert {ops.initiative_detail(db, i).rejection_reason for i in (first, second)} == {"Không có tính mới."}
    with pytest.raises(UserError):
        ops.set_status(db, [first], InitiativeStatus.REJECTED, "  ")

    paid = ops.add_payment(db, first, 100_000, date(2022, 4, 1), "LĐLĐ huyện Vĩnh Linh")
    assert paid.changes == Changes(initiatives=True)
    assert paid.value == (ops.PaymentInfo(date(2022, 4, 1), 100_000, "LĐLĐ huyện Vĩnh Linh"),)
    assert ops.initiative_detail(db, first).payments == paid.value
    with pytest.raises(UserError):
        ops.add_payment(db, first, 0, date(2022, 4, 1), "")

    deleted = ops.delete_initiatives(db, [first, second])
    assert (deleted.value, deleted.changes) == (2, Changes(initiatives=True))
    assert _count(db) == 0
    restored = ops.restore_initiatives(db, [first])
    assert (restored.value, restored.changes) == (1, Changes(initiatives=True))
    assert _count(db) == 1
    assert ops.initiative_history(db, first)[-1].action == "restored"


def test_phase_dates_announce_programmes_and_initiatives(setup):
    db, ids, programme = setup
    late = ops.save_initiative(db, draft(ids["school"], programme.id, registered_on=date(2022, 5, 15))).value
    assert ops.phase_of(db, programme.id, date(2022, 5, 15)) == 1
    done = ops.set_phase_dates(db, programme.id, 1, date(2021, 9, 1), date(2022, 4, 30))
    assert done.changes == Changes(programmes=True, initiatives=True)
    assert done.value == 1
    assert ops.initiative_detail(db, late).phase_number is None
    phase = next(p for p in ops.programmes(db) if p.id == programme.id).phases[0]
    assert phase.ends_on == date(2022, 4, 30)
    with pytest.raises(UserError):
        ops.set_phase_dates(db, programme.id, 1, date(2022, 4, 30), date(2021, 9, 1))


def test_decision_data_and_years(setup):
    db, ids, programme = setup
    saved = ops.save_initiative(db, draft(ids["school"], programme.id)).value
    ops.set_status(db, [saved], InitiativeStatus.VALID)
    assert ops.decision_defaults(db).symbol == "QĐ-LĐLĐ"
    assert ops.registration_years(db) == [2022]


def test_members_offered_as_authors(setup):
    from core.org import members

    db, ids, _programme = setup
    with db.transaction() as s:
        members.add_member(s, members.MemberInput(full_name="Lê Thị Hương", unit_id=ids["school"]))
        members.add_member(s, members.MemberInput(full_name="Võ Văn Đông", unit_id=ids["clinic"]))
    offered = ops.unit_members(db, ids["school"])
    assert [(m.full_name, m.unit_name) for m in offered] == [("Lê Thị Hương", "CĐCS Trường THCS Hồ Xuân Hương")]
