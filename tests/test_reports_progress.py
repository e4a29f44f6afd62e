"""The initiative progress report: figures checked by hand on a small register, and against
direct SQL counts on the demo register; the workbook and the PDF."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from core.common.errors import UserError
from core.initiatives import records as initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from core.org import units as org
from core.targets import targets
from core.targets.progress import CountRule
from core.targets.progress_report import build_progress_report, progress_report, progress_rows
from db.models import Initiative, InitiativeKind, InitiativeStatus, InitiativeTarget, UnitKind
from tests import test_reports_support as support
from tests.test_reports_support import (
    assert_page_renders,
    flat,
    needs_poppler,
    pdf_text,
)

# Fixtures shared with the other report tests.
demo_db = support.demo_db
demo_path = support.demo_path
demo_template = support.demo_template

AS_OF = date(2022, 1, 31)  # phase 1 runs 01/09/2021–31/05/2022: day 153 of 273


@pytest.fixture
def register(app_db):
    """VL (target 12 for phase 1) with CĐCS A (target 4) and CĐCS B (target 6).

    A: 2 valid + 1 under review + 1 rejected + 1 draft in phase 1.
    B: 2 under review in phase 1, 1 valid in phase 2.
    """
    with app_db.transaction() as s:
        a = org.create_unit(s, org.UnitInput("VL-0001", "CĐCS A", UnitKind.GRASSROOTS, "VL"))
        b = org.create_unit(s, org.UnitInput("VL-0002", "CĐCS B", UnitKind.GRASSROOTS, "VL"))
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        plan = [
            (a, date(2021, 10, 5), InitiativeStatus.VALID),
            (a, date(2021, 11, 5), InitiativeStatus.VALID),
            (a, date(2021, 12, 5), InitiativeStatus.UNDER_REVIEW),
            (a, date(2021, 12, 6), InitiativeStatus.REJECTED),
            (a, date(2021, 12, 7), InitiativeStatus.DRAFT),
            (b, date(2022, 1, 10), InitiativeStatus.UNDER_REVIEW),
            (b, date(2022, 1, 11), InitiativeStatus.UNDER_REVIEW),
            (b, date(2022, 7, 1), InitiativeStatus.VALID),
        ]
        for i, (unit, registered, status) in enumerate(plan):
            item = initiatives.create_initiative(s, InitiativeInput(
                name=f"Sáng kiến {i + 1}", kind=InitiativeKind.MANAGEMENT, unit_id=unit.id,
                authors=[AuthorInput("Lê Văn Tám")], programme_id=programme.id,
                registered_on=registered,
                status=InitiativeStatus.DRAFT if status == InitiativeStatus.DRAFT
                else InitiativeStatus.UNDER_REVIEW))
            if status in (InitiativeStatus.VALID, InitiativeStatus.REJECTED):
                initiatives.set_status(s, item.id, status, "Trùng lặp")
        vl = org.find_by_code(s, "VL")
        targets.set_initiative_target(s, vl.id, programme.id, 1, 12)
        targets.set_initiative_target(s, a.id, programme.id, 1, 4)
        targets.set_initiative_target(s, b.id, programme.id, 1, 6)
    return app_db


def _figures(row):
    return (row.target, row.achieved, row.percent, row.shortfall, row.valid, row.under_review,
            row.expected, row.behind)


def test_figures_match_the_hand_computed_ones(register):
    with register.reading() as s:
        table = progress_rows(s, "1TRIEU-SK", 1, as_of=AS_OF)
    # The office's own unit is the root (QT above it is left out).
    assert [(r.code, r.depth) for r in table.rows] == [("VL", 0), ("VL-0001", 1), ("VL-0002", 1)]
    # expected = target × 153 / 273, half up: 4 → 2.24 → 2; 6 → 3.36 → 3; 12 → 6.73 → 7
    assert _figures(table.by_code("VL-0001")) == (4, 3, 75, 1, 2, 1, 2, False)
    assert _figures(table.by_code("VL-0002")) == (6, 2, 33, 4, 0, 2, 3, True)
    assert _figures(table.by_code("VL")) == (12, 5, 42, 7, 2, 3, 7, True)  # 41.7 → 42
    with register.reading() as s:
        valid = progress_rows(s, "1TRIEU-SK", 1, as_of=AS_OF, rule=CountRule.VALID)
        whole = progress_rows(s, "1TRIEU-SK", 0, as_of=date(2023, 9, 1))
    assert _figures(valid.by_code("VL"))[:4] == (12, 2, 17, 10)
    assert whole.by_code("VL").achieved == 6 and whole.by_code("VL").target is None


def test_workbook_shows_the_tree_the_figures_and_the_rule(register, tmp_path):
    out = progress_report(register, tmp_path / "tien-do.xlsx", programme="1TRIEU-SK", phase=1,
                          as_of=AS_OF)
    ws = load_workbook(out).active
    rows = {r[1].value: r for r in ws.iter_rows() if r[1].value in ("LĐLĐ huyện Vĩnh Linh",
                                                                     "CĐCS A", "CĐCS B")}
    vl, a, b = rows["LĐLĐ huyện Vĩnh Linh"], rows["CĐCS A"], rows["CĐCS B"]
    assert [c.value for c in vl] == [None, "LĐLĐ huyện Vĩnh Linh", 12, 5, 42, 7, 2, 3, 7, "Chậm"]
    assert [c.value for c in a] == ["1", "CĐCS A", 4, 3, 75, 1, 2, 1, 2, None]
    assert [c.value for c in b] == ["2", "CĐCS B", 6, 2, 33, 4, 0, 2, 3, "Chậm"]
    assert vl[1].font.bold and not a[1].font.bold
    assert (vl[1].alignment.indent, a[1].alignment.indent) == (0, 1)
    texts = [c.value for row in ws.iter_rows(max_row=8) for c in row if isinstance(c.value, str)]
    assert texts[0] == "BÁO CÁO"
    assert any("Giai đoạn 1" in t and "01 triệu sáng kiến" in t for t in texts)
    assert any(t.startswith("Cách tính: sáng kiến đã đăng ký") for t in texts)
    assert any("số liệu tính đến ngày 31/01/2022" in t for t in texts)
    header = next(r for r in ws.iter_rows() if r[0].value == "TT")
    assert [c.value for c in header][2:6] == ["Chỉ tiêu", "Đã đạt", "Tỷ lệ (%)", "Còn thiếu"]
    assert ws.page_setup.orientation == "landscape"


@needs_poppler
def test_pdf_lists_the_rows_and_the_counting_rule(register, tmp_path):
    out = progress_report(register, tmp_path / "tien-do.pdf", programme="1TRIEU-SK", phase=1,
                          as_of=AS_OF, rule="valid", number=12)
    text = flat(pdf_text(out))
    assert "LĐLĐ huyện Vĩnh Linh 12 2 17 10 2 3 7 Chậm" in text
    assert "1 CĐCS A 4 2 50 2 2 1 2" in text
    assert "2 CĐCS B 6 0 0 6 0 2 3 Chậm" in text
    assert "Cách tính: chỉ tính sáng kiến đã được đánh giá hợp lệ." in text
    assert "Số: 12/BC-LĐLĐ" in text and "Vĩnh Linh, ngày 31 tháng 01 năm 2022" in text
    assert "CHỦ TỊCH" in text and "Nguyễn Văn An" in text
    assert_page_renders(out, tmp_path)


def test_unknown_programme_phase_or_unit_is_refused(register, tmp_path):
    with pytest.raises(UserError, match="chương trình"):
        progress_report(register, tmp_path / "x.pdf", programme="KHONG-CO")
    with pytest.raises(UserError, match="không có giai đoạn 7"):
        progress_report(register, tmp_path / "x.pdf", programme="1TRIEU-SK", phase=7)
    with pytest.raises(UserError, match="Không tìm thấy đơn vị"):
        progress_report(register, tmp_path / "x.pdf", programme="1TRIEU-SK", root="ZZ-9")
    assert not (tmp_path / "x.pdf").exists()


def test_several_roots_get_a_totals_row(register):
    with register.reading() as s:
        table = progress_rows(s, "1TRIEU-SK", 1, as_of=AS_OF, root="VL")
    table.rows = [r for r in table.rows if r.depth == 1]  # A and B side by side
    for row in table.rows:
        row.depth = 0
    report = build_progress_report(table)
    totals = report.tables[0].totals.cells
    assert totals[1:9] == ["Tổng", 10, 5, 50, 5, 2, 3, 5]


# ---- the demo register -----------------------------------------------------------------

def _sql_count(s, programme_id, unit_ids, phase, statuses):
    return s.scalar(select(func.count()).select_from(Initiative).where(
        Initiative.programme_id == programme_id, Initiative.phase_number == phase,
        Initiative.unit_id.in_(unit_ids), Initiative.status.in_(statuses),
        Initiative.deleted_at.is_(None)))


def test_demo_progress_matches_direct_sql_counts(demo_db, tmp_path):
    from core.demo import register as demo_register
    demo_register.load_demo_register(demo_db, count=400, yearly=0)
    as_of = date(2023, 3, 6)
    with demo_db.reading() as s:
        table = progress_rows(s, "1TRIEU-SK", 1, as_of=as_of)
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        counted = (InitiativeStatus.VALID, InitiativeStatus.UNDER_REVIEW)
        for code in ("LC-PT", "LC-YT", "LC-SH-001"):
            unit = org.find_by_code(s, code)
            ids = org.subtree_ids(s, unit.id)
            row = table.by_code(code)
            assert row.achieved == _sql_count(s, programme.id, ids, 1, counted)
            assert row.valid == _sql_count(s, programme.id, ids, 1, [InitiativeStatus.VALID])
            target = s.scalar(select(InitiativeTarget.target).where(
                InitiativeTarget.unit_id == unit.id, InitiativeTarget.phase_number == 1))
            assert row.target == target
        province = table.by_code("LC")
        assert province.target == 1200 and province.depth == 0
        assert province.achieved == _sql_count(
            s, programme.id, org.subtree_ids(s, province.unit_id), 1, counted)
    out = progress_report(demo_db, tmp_path / "tien-do.xlsx", programme="1TRIEU-SK", phase=1,
                          as_of=as_of, max_depth=1)
    ws = load_workbook(out).active
    names = [str(c.value) for c in ws["B"] if c.value is not None]
    assert "LĐLĐ huyện Phong Thổ" in names and not any(str(n).startswith("CĐCS") for n in names)
