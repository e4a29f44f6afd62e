"""The period summary: counts by kind, field and sector against direct SQL, benefit value in
figures and words, portal uploads and awards; the workbook and the PDF."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from core.common.errors import UserError
from core.common.vnformat import amount_in_words, format_money
from core.initiatives import records as initiatives
from core.initiatives.records import FIELD_LABELS, KIND_LABELS, AuthorInput, InitiativeInput
from core.initiatives.summary_report import period_label, period_summary, summary_report
from core.org import units as org
from db.models import (
    Initiative,
    InitiativeField,
    InitiativeKind,
    InitiativeStatus,
    Sector,
    Unit,
    UnitKind,
)
from tests.test_reports_support import assert_page_renders, flat, needs_poppler, pdf_text

FIRST_HALF = (date(2023, 1, 1), date(2023, 6, 30))


@pytest.fixture
def register(app_db):
    """60 initiatives over 2022–2023 in four CĐCS (education, health, enterprise, no
    sector), random but fixed kinds, fields, statuses, benefits, uploads and awards; two
    of them deleted."""
    rng = random.Random(7)
    with app_db.transaction() as s:
        units = [
            org.create_unit(s, org.UnitInput(f"VL-000{i}", name, UnitKind.GRASSROOTS, "VL", sector))
            for i, (name, sector) in enumerate([
                ("CĐCS Trường THCS Vĩnh Thái", Sector.EDUCATION),
                ("CĐCS Trạm Y tế xã Vĩnh Tú", Sector.HEALTH),
                ("CĐCS Công ty Thủy sản Cửa Tùng", Sector.ENTERPRISE),
                ("CĐCS Hội Nông dân", None),
            ], start=1)
        ]
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        for i in range(60):
            registered = date(2022, 10, 1) + timedelta(days=rng.randrange(400))
            status = rng.choice([InitiativeStatus.VALID, InitiativeStatus.UNDER_REVIEW,
                                 InitiativeStatus.UNDER_REVIEW, InitiativeStatus.REJECTED,
                                 InitiativeStatus.DRAFT])
            uploaded = rng.random() < 0.5
            item = initiatives.create_initiative(s, InitiativeInput(
                name=f"Sáng kiến số {i + 1}", kind=rng.choice(list(InitiativeKind)),
                unit_id=rng.choice(units).id, authors=[AuthorInput("Trần Thị Bình")],
                programme_id=programme.id, registered_on=registered,
                field=rng.choice([*InitiativeField, None]),
                economic_benefit=rng.choice([None, 0, 1_500_000, 25_000_000, 130_750_000]),
                status=InitiativeStatus.DRAFT if status == InitiativeStatus.DRAFT
                else InitiativeStatus.UNDER_REVIEW,
                portal_uploaded=uploaded,
                portal_uploaded_on=registered + timedelta(days=rng.randrange(60)) if uploaded else None,
                awards=rng.choice(["", "", "", "Bằng Lao động sáng tạo", "Giấy khen LĐLĐ huyện"])))
            if status in (InitiativeStatus.VALID, InitiativeStatus.REJECTED):
                initiatives.set_status(s, item.id, status, "Không mới")
            if i in (3, 4):
                initiatives.delete_initiative(s, item.id)
    return app_db


def _in_period(query, first: date, last: date):
    return query.where(Initiative.deleted_at.is_(None), Initiative.status != "draft",
                       Initiative.registered_on.between(first, last))


def test_counts_match_direct_sql(register):
    first, last = FIRST_HALF
    with register.reading() as s:
        summary = period_summary(s, first, last)
        by_kind = dict(s.execute(_in_period(
            select(Initiative.kind, func.count()).group_by(Initiative.kind), first, last)).all())
        by_field = dict(s.execute(_in_period(
            select(Initiative.field, func.count()).group_by(Initiative.field), first, last)).all())
        by_sector = dict(s.execute(_in_period(
            select(Unit.sector, func.count()).select_from(Initiative)
            .join(Unit, Unit.id == Initiative.unit_id)
            .group_by(Unit.sector), first, last)).all())
        valid_by_kind = dict(s.execute(_in_period(
            select(Initiative.kind, func.count()).where(Initiative.status == "valid")
            .group_by(Initiative.kind), first, last)).all())
        benefit = s.scalar(_in_period(
            select(func.coalesce(func.sum(Initiative.economic_benefit), 0)), first, last))
        review = s.scalar(_in_period(select(func.count()).where(
            Initiative.status == "under_review"), first, last))
        awarded = s.scalar(_in_period(select(func.count()).where(Initiative.awards != ""),
                                      first, last))
        portal = s.scalar(select(func.count()).select_from(Initiative).where(
            Initiative.deleted_at.is_(None), Initiative.status != "draft",
            Initiative.portal_uploaded_on.between(first, last)))
    assert sum(by_kind.values()) == summary.totals.total > 10
    assert {k: c.total for k, c in summary.by_kind.items() if c.total} == by_kind
    assert {k: c.valid for k, c in summary.by_kind.items() if c.valid} == valid_by_kind
    assert {k: c.total for k, c in summary.by_field.items() if c.total} == by_field
    assert {k: c.total for k, c in summary.by_sector.items() if c.total} == by_sector
    assert None in by_sector and None in summary.by_sector  # the unit without a sector
    assert summary.totals.benefit == benefit > 0
    assert summary.totals.under_review == review
    assert (summary.awarded, summary.portal_uploaded) == (awarded, portal)
    t = summary.totals
    assert t.total == t.valid + t.under_review + t.rejected


def test_workbook_tables_and_total_in_words(register, tmp_path):
    first, last = FIRST_HALF
    out = summary_report(register, tmp_path / "tong-hop.xlsx", date_from=first, date_to=last)
    with register.reading() as s:
        summary = period_summary(s, first, last)
    ws = load_workbook(out).active
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Tổng hợp kết quả sáng kiến 6 tháng đầu năm 2023" in texts
    words = f"{format_money(summary.totals.benefit)} đồng (Bằng chữ: " \
            f"{amount_in_words(summary.totals.benefit)})"
    assert any(words in t for t in texts)
    rows = {r[1].value: [c.value for c in r] for r in ws.iter_rows() if r[1].value}
    for kind, counts in summary.by_kind.items():
        assert rows[KIND_LABELS[kind]][2:6] == [counts.total, counts.valid, counts.under_review,
                                                 counts.benefit]
    tech = rows[FIELD_LABELS[InitiativeField.HEALTH]]
    assert tech[2] == summary.by_field[InitiativeField.HEALTH].total
    totals = [r for r in ws.iter_rows() if r[1].value == "Tổng cộng"]
    assert len(totals) == 3 and all(r[2].value == summary.totals.total for r in totals)
    assert all(r[5].value == summary.totals.benefit and r[5].number_format == "#,##0"
               for r in totals)


@needs_poppler
def test_pdf_names_the_period_and_the_figures(register, tmp_path):
    first, last = date(2022, 1, 1), date(2022, 12, 31)
    out = summary_report(register, tmp_path / "tong-hop.pdf", date_from=first, date_to=last,
                         on=date(2023, 1, 10))
    with register.reading() as s:
        summary = period_summary(s, first, last)
    text = flat(pdf_text(out))
    assert "Tổng hợp kết quả sáng kiến năm 2022" in text
    assert f"Số sáng kiến đăng ký trong kỳ: {summary.totals.total}" in text
    assert f"Bằng chữ: {amount_in_words(summary.totals.benefit)}" in text
    assert f"Tổng cộng {summary.totals.total} {summary.totals.valid}" in text
    assert "Vĩnh Linh, ngày 10 tháng 01 năm 2023" in text and "Nguyễn Văn An" in text
    assert_page_renders(out, tmp_path)


def test_period_labels_and_bad_period():
    assert period_label(*FIRST_HALF) == "6 tháng đầu năm 2023"
    assert period_label(date(2023, 7, 1), date(2023, 12, 31)) == "6 tháng cuối năm 2023"
    assert period_label(date(2024, 1, 1), date(2024, 12, 31)) == "năm 2024"
    assert period_label(date(2024, 2, 1), date(2024, 3, 31)) == \
        "từ ngày 01/02/2024 đến ngày 31/03/2024"


def test_reversed_dates_are_refused(register, tmp_path):
    with pytest.raises(UserError, match="sau ngày kết thúc"):
        summary_report(register, tmp_path / "x.xlsx", date_from=date(2023, 6, 30),
                       date_to=date(2023, 1, 1))
    assert not (tmp_path / "x.xlsx").exists()


def test_a_unit_limits_the_summary_to_its_subtree(register):
    with register.reading() as s:
        whole = period_summary(s, *FIRST_HALF)
        one = period_summary(s, *FIRST_HALF, root="VL-0002")
    assert 0 < one.totals.total < whole.totals.total
    assert {k for k, c in one.by_sector.items() if c.total} == {Sector.HEALTH}
