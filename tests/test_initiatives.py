"""Initiative records, authors' shares, phases, history, eligibility, duplicates, register."""

from datetime import date

import pytest

from core.common.errors import UserError
from core.initiatives import eligibility, register
from core.initiatives import records as initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from core.org import units as org
from db.models import InitiativeKind, InitiativeStatus, Recogniser, UnitKind


@pytest.fixture
def setup(app_db):
    with app_db.transaction() as s:
        unit = org.create_unit(s, org.UnitInput(code="VL-0001", name="CĐCS Bệnh viện Đa khoa Vĩnh Linh",
                                                kind=UnitKind.GRASSROOTS, parent_code="VL"))
        other = org.create_unit(s, org.UnitInput(code="VL-0002", name="CĐCS Trường THPT Cửa Tùng",
                                                 kind=UnitKind.GRASSROOTS, parent_code="VL"))
        programme = initiatives.find_programme(s, "1TRIEU-SK")
    return app_db, unit.id, other.id, programme.id


def _input(unit_id, programme_id, **kw):
    base = dict(
        name="Ứng dụng phần mềm quản lý hồ sơ bệnh án điện tử",
        kind=InitiativeKind.TECHNICAL,
        unit_id=unit_id,
        programme_id=programme_id,
        authors=[AuthorInput("Lê Thị Hương", share=60), AuthorInput("Trần Văn Đức", share=40)],
        registered_on=date(2022, 3, 15),
        first_applied_on=date(2021, 10, 1),
        economic_benefit=150_000_000,
        recognised_by=Recogniser.COUNCIL,
        decision_number="12/QĐ-BV",
        decision_date=date(2022, 3, 20),  # after the registration (issue 10, 13)
    )
    base.update(kw)
    return InitiativeInput(**base)


def test_shares_equal_when_missing_and_must_sum_to_100():
    three = initiatives.normalise_shares([AuthorInput("A"), AuthorInput("B"), AuthorInput("C")])
    assert [a.share for a in three] == [34, 33, 33]
    mixed = initiatives.normalise_shares([AuthorInput("A", share=50), AuthorInput("B"), AuthorInput("C")])
    assert [a.share for a in mixed] == [50, 25, 25]
    with pytest.raises(UserError, match="bằng 100% \\(hiện là 90%\\)"):
        initiatives.normalise_shares([AuthorInput("A", share=50), AuthorInput("B", share=40)])
    with pytest.raises(UserError, match="ít nhất một tác giả"):
        initiatives.normalise_shares([AuthorInput("  ")])
    lead = initiatives.lead_author([AuthorInput("A", share=30), AuthorInput("B", share=40), AuthorInput("C", share=30)])
    assert lead.full_name == "B"
    tie = initiatives.lead_author([AuthorInput("A", share=50), AuthorInput("B", share=50)])
    assert tie.full_name == "A"


def test_create_derives_phase_number_and_number_and_history(setup):
    db, unit_id, _, programme_id = setup
    with db.transaction() as s:
        item = initiatives.create_initiative(s, _input(unit_id, programme_id), by="thu.ky")
    with db.reading() as s:
        item = initiatives.get_initiative(s, item.id)
        assert item.number == "VL-SK-2022-00001"
        assert item.phase_number == 1
        assert item.lead_author == "Lê Thị Hương"
        assert item.authors_text == "Lê Thị Hương (60%), Trần Văn Đức (40%)"
        assert [a.share for a in item.authors] == [60, 40]
        assert item.name_folded.startswith("ung dung phan mem")
        assert [h.action for h in initiatives.history(s, item.id)] == ["created"]
    with db.transaction() as s:
        initiatives.update_initiative(
            s, item.id, _input(unit_id, programme_id, registered_on=date(2022, 7, 1),
                               economic_benefit=200_000_000), by="thu.ky")
    with db.reading() as s:
        item = initiatives.get_initiative(s, item.id)
        assert item.phase_number == 2
        change = initiatives.history(s, item.id)[-1]
        assert change.changed_by == "thu.ky" and '"economic_benefit": [150000000, 200000000]' in change.changes


def test_adjusting_phase_dates_rederives_phases(setup):
    db, unit_id, _, programme_id = setup
    with db.transaction() as s:
        item = initiatives.create_initiative(s, _input(unit_id, programme_id, registered_on=date(2022, 1, 20)))
    with db.transaction() as s:
        changed = initiatives.set_phase_dates(s, programme_id, 1, date(2022, 1, 24), date(2022, 5, 31))
    assert changed == 1
    with db.reading() as s:
        assert initiatives.get_initiative(s, item.id).phase_number is None


def test_eligibility_explains_each_failed_rule(setup):
    db, unit_id, _, programme_id = setup
    window = eligibility.Window(date(2021, 9, 1), date(2023, 9, 1))
    good = _input(unit_id, programme_id)
    assert eligibility.is_eligible(good, window)
    bad = _input(unit_id, programme_id, first_applied_on=date(2021, 8, 15), recognised_by=None,
                 economic_benefit=None, social_benefit="", ip_protected=True)
    reasons = eligibility.reasons(bad, window)
    assert reasons == [
        "Chưa được cấp có thẩm quyền công nhận.",
        "Chưa xác định giá trị làm lợi hoặc hiệu quả xã hội.",
        "Ngày áp dụng lần đầu 15/08/2021 ngoài thời gian của Chương trình (01/09/2021 – 01/09/2023).",
        "Sáng kiến đang được bảo hộ quyền sở hữu trí tuệ.",
    ]
    social_only = _input(unit_id, programme_id, economic_benefit=None,
                         social_benefit="Giảm thời gian chờ khám của người bệnh")
    assert eligibility.is_eligible(social_only, window)


def test_rejection_needs_reason_and_failed_save_changes_nothing(setup):
    db, unit_id, _, programme_id = setup
    with db.transaction() as s:
        item = initiatives.create_initiative(s, _input(unit_id, programme_id))
    with pytest.raises(UserError, match="lý do"), db.transaction() as s:
        initiatives.set_status(s, item.id, InitiativeStatus.REJECTED, "")
    with db.transaction() as s:
        initiatives.set_status(s, item.id, InitiativeStatus.REJECTED, "Trùng với sáng kiến năm 2021")
    with db.reading() as s:
        item = initiatives.get_initiative(s, item.id)
        assert item.status == InitiativeStatus.REJECTED
        assert item.rejection_reason == "Trùng với sáng kiến năm 2021"


def test_duplicates_are_the_same_title_unit_and_an_author(setup):
    db, unit_id, other_id, programme_id = setup
    with db.transaction() as s:
        item = initiatives.create_initiative(s, _input(unit_id, programme_id))
    with db.reading() as s:
        tone_less = initiatives.find_duplicates(
            s, "Ung dung phan mem quan ly ho so benh an dien tu", unit_id, [])
        assert [c.number for c in tone_less] == [item.number] and tone_less[0].similarity == 100
        assert tone_less[0].unit_name == "CĐCS Bệnh viện Đa khoa Vĩnh Linh"
        by_author = initiatives.find_duplicates(
            s, "Ứng dụng phần mềm quản lý hồ sơ bệnh án điện tử.", unit_id, ["Le Thi Huong"])
        assert len(by_author) == 1
        typo = initiatives.find_duplicates(
            s, "Ứng dụng phần mềm quản lí hồ sơ bệnh án điện tủ", unit_id, ["Trần Văn Đức"])
        assert len(typo) == 1 and typo[0].similarity >= 95
        # the same title from another unit, or by other authors, is another initiative
        assert initiatives.find_duplicates(
            s, "Ứng dụng phần mềm quản lý hồ sơ bệnh án điện tử", other_id, ["Lê Thị Hương"]) == []
        assert initiatives.find_duplicates(
            s, "Ứng dụng phần mềm quản lý hồ sơ bệnh án điện tử", unit_id, ["Ai Khác"]) == []
        assert initiatives.find_duplicates(
            s, "Ứng dụng phần mềm quản lý hồ sơ bệnh án điện tử", None, ["Lê Thị Hương"]) != []
        assert initiatives.find_duplicates(
            s, "Ứng dụng phần mềm quản lý hồ sơ bệnh án điện tử số 2", unit_id, []) == []
        assert initiatives.find_duplicates(s, "Sơ đồ tư duy trong dạy học", unit_id, []) == []
        # editing the record itself finds nothing
        assert initiatives.find_duplicates(
            s, "Ứng dụng phần mềm quản lý hồ sơ bệnh án điện tử", unit_id, ["Lê Thị Hương"],
            exclude_id=item.id) == []


def test_register_search_ignores_tones_and_d_and_filters(setup):
    db, unit_id, other_id, programme_id = setup
    with db.transaction() as s:
        initiatives.create_initiative(s, _input(unit_id, programme_id))
        initiatives.create_initiative(s, _input(
            other_id, programme_id, name="Sơ đồ tư duy trong dạy học môn Ngữ văn",
            authors=[AuthorInput("Hoàng Thị Đường")], economic_benefit=None,
            social_benefit="Học sinh hứng thú", registered_on=date(2022, 8, 1)))
        initiatives.create_initiative(s, _input(
            other_id, programme_id, name="Tổ chức Công đoàn đồng hành cùng người lao động",
            kind=InitiativeKind.UNION_WORK, economic_benefit=5_000_000, registered_on=date(2023, 2, 1)))
    with db.reading() as s:
        names = lambda f, **kw: [r.name for r in register.page(s, f, **kw)]  # noqa: E731
        assert names(register.RegisterFilter(text="duong")) == ["Sơ đồ tư duy trong dạy học môn Ngữ văn"]
        assert names(register.RegisterFilter(text="cong doan")) == ["Tổ chức Công đoàn đồng hành cùng người lao động"]
        assert names(register.RegisterFilter(text="ĐỒNG HÀNH")) == ["Tổ chức Công đoàn đồng hành cùng người lao động"]
        assert len(names(register.RegisterFilter())) == 3
        assert names(register.RegisterFilter(phase=2, unit_ids=frozenset({other_id}))) == [
            "Tổ chức Công đoàn đồng hành cùng người lao động", "Sơ đồ tư duy trong dạy học môn Ngữ văn"]
        assert names(register.RegisterFilter(), sort="benefit", descending=True)[0].startswith("Ứng dụng")
        assert register.totals(s, register.RegisterFilter()) == register.Totals(3, 155_000_000)
        assert register.totals(s, register.RegisterFilter(text="khong co dau")) == register.Totals(0, 0)
        assert register.totals(s, register.RegisterFilter(year=2023)).count == 1
        assert register.page(s, register.RegisterFilter(text='"; DROP')) == []


def test_deleted_initiatives_leave_the_register_and_come_back(setup):
    db, unit_id, _, programme_id = setup
    with db.transaction() as s:
        item = initiatives.create_initiative(s, _input(unit_id, programme_id))
    with db.transaction() as s:
        initiatives.delete_initiative(s, item.id)
    with db.reading() as s:
        assert register.totals(s, register.RegisterFilter(text="benh an")).count == 0
    with db.transaction() as s:
        initiatives.restore_initiative(s, item.id)
    with db.reading() as s:
        assert register.totals(s, register.RegisterFilter(text="benh an")).count == 1


def test_numbers_keep_counting_past_99999_in_a_year(setup):
    db, unit_id, _, programme_id = setup
    with db.transaction() as s:
        first = initiatives.create_initiative(s, _input(unit_id, programme_id))
        prefix = first.number.rsplit("-", 1)[0]
        first.number = f"{prefix}-99999"
        s.flush()
        second = initiatives.create_initiative(s, _input(unit_id, programme_id, name="Giải pháp B"))
        assert second.number == f"{prefix}-100000"
        third = initiatives.create_initiative(s, _input(unit_id, programme_id, name="Giải pháp C"))
        assert third.number == f"{prefix}-100001"  # not "…-100000" again: text max is "…-99999"
