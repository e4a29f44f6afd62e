"""Issue 10, point 13: what goes upward must be right — the portal list holds only what the
office sends up, a recognition dated before the registration fails the eligibility check,
and the demo register never holds one."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from core.common.database import open_app_database
from core.demo.org import load_demo
from core.demo.register import load_demo_register
from core.initiatives import eligibility
from core.initiatives import records as initiatives
from core.initiatives.export import export_portal_list, portal_filter
from core.initiatives.records import AuthorInput, InitiativeInput
from core.initiatives.register import RegisterFilter
from core.org import units as org
from db.models import Initiative, InitiativeKind, InitiativeStatus, Recogniser, UnitKind

WINDOW = eligibility.Window(date(2021, 9, 1), date(2023, 9, 1))


@pytest.fixture
def four_statuses(app_db):
    """One initiative in each status, names saying which."""
    with app_db.transaction() as s:
        unit = org.create_unit(s, org.UnitInput(code="VL-0001", name="CĐCS Trường THCS Hồ Xuân Hương",
                                                kind=UnitKind.GRASSROOTS, parent_code="VL"))
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        for status, name in [(InitiativeStatus.VALID, "Hợp lệ: sổ điểm điện tử"),
                             (InitiativeStatus.UNDER_REVIEW, "Đang xem xét: thư viện số"),
                             (InitiativeStatus.REJECTED, "Không hợp lệ: bảng tin giấy"),
                             (InitiativeStatus.DRAFT, "Nháp: lịch trực")]:
            initiatives.create_initiative(s, InitiativeInput(
                name=name, kind=InitiativeKind.MANAGEMENT, authors=[AuthorInput("Lê Thị Hương")],
                unit_id=unit.id, programme_id=programme.id, registered_on=date(2022, 3, 1),
                first_applied_on=date(2022, 2, 1), recognised_by=Recogniser.COUNCIL,
                decision_number="03/QĐ-HĐSK", decision_date=date(2022, 4, 1),
                social_benefit="Giảm giấy tờ", status=status,
                rejection_reason="Không có tính mới" if status == InitiativeStatus.REJECTED else ""))
    return app_db


def _names(path) -> list[str]:
    ws = load_workbook(path)["Danh sách"]
    return sorted(str(v) for v in (row[2] for row in ws.iter_rows(values_only=True))
                  if isinstance(v, str) and ":" in v)


def test_portal_list_holds_recognised_initiatives_only(four_statuses, tmp_path):
    out = tmp_path / "cong.xlsx"
    assert export_portal_list(four_statuses, out, RegisterFilter()) == 1
    assert _names(out) == ["Hợp lệ: sổ điểm điện tử"]


def test_under_review_goes_up_only_when_asked(four_statuses, tmp_path):
    out = tmp_path / "cong.xlsx"
    assert export_portal_list(four_statuses, out, RegisterFilter(), include_under_review=True) == 2
    assert _names(out) == ["Hợp lệ: sổ điểm điện tử", "Đang xem xét: thư viện số"]


def test_a_filter_asking_for_rejected_ones_gets_nothing_rejected():
    asked = RegisterFilter(statuses=frozenset({InitiativeStatus.REJECTED, InitiativeStatus.VALID}))
    assert portal_filter(asked).statuses == {InitiativeStatus.VALID}
    only_rejected = RegisterFilter(statuses=frozenset({InitiativeStatus.REJECTED}))
    assert portal_filter(only_rejected, include_under_review=True).statuses == frozenset()


class _Item:
    recognised_by = Recogniser.COUNCIL
    decision_number = "03/QĐ-HĐSK"
    new_in_unit = True
    first_applied_on = date(2022, 2, 1)
    economic_benefit = 5_000_000
    social_benefit = ""
    unlawful = False
    ip_protected = False

    def __init__(self, registered_on, decision_date):
        self.registered_on = registered_on
        self.decision_date = decision_date


def test_recognition_before_registration_is_flagged():
    early = _Item(date(2022, 3, 15), date(2022, 3, 1))
    assert not eligibility.is_eligible(early, WINDOW)
    assert eligibility.reasons(early, WINDOW) == [
        "Ngày công nhận 01/03/2022 trước ngày đăng ký 15/03/2022: "
        "sáng kiến phải được đăng ký trước khi công nhận."]
    assert eligibility.is_eligible(_Item(date(2022, 3, 15), date(2022, 3, 15)), WINDOW)
    assert eligibility.is_eligible(_Item(None, date(2022, 3, 1)), WINDOW)  # a draft not dated yet


def test_demo_never_recognises_before_registration(tmp_path):
    db = open_app_database(tmp_path / "demo.sqlite")
    try:
        load_demo(db, members_per_unit=(1, 2))
        load_demo_register(db, count=1500, yearly=150, with_authors=False)
        with db.reading() as s:
            rows = s.execute(select(Initiative.number, Initiative.status, Initiative.registered_on,
                                    Initiative.decision_date)).all()
    finally:
        db.close()
    dated = [r for r in rows if r.decision_date is not None]
    assert len(dated) > 500
    early = [r for r in dated if r.decision_date < r.registered_on]
    assert early == []
    # Those under review that do carry a decision are recognised by their unit, after registering.
    assert any(r.status == InitiativeStatus.UNDER_REVIEW for r in dated)


def test_the_headless_command_sends_under_review_only_with_its_flag(four_statuses, tmp_path, capsys):
    import json

    from core.cli import main as cli_main

    path = str(four_statuses.path)
    four_statuses.close()
    out = tmp_path / "cong.xlsx"
    assert cli_main(["--db", path, "initiatives", "export", str(out), "--portal", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == 1
    assert cli_main(["--db", path, "initiatives", "export", str(out), "--portal", "--under-review", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == 2
    assert _names(out) == ["Hợp lệ: sổ điểm điện tử", "Đang xem xét: thư viện số"]
