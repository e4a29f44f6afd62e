"""The demo's funds (seed 000): 54 funds, 251 borrowers, 3.031.150.000 đồng lent, read back
from the summary PDF; the books balance; a few loans in arrears."""

from __future__ import annotations

from datetime import date

import pytest

from core.common.database import open_app_database
from core.common.errors import UserError
from core.demo.fund import load_demo_funds
from core.demo.org import load_demo
from core.fund import documents, ops
from tests.test_reports_support import HAS_POPPLER, flat, pdf_text


@pytest.fixture(scope="module")
def demo_funds_db(tmp_path_factory):
    db = open_app_database(tmp_path_factory.mktemp("fund-demo") / "demo.sqlite")
    db.auto_backups = False
    load_demo(db)
    summary = load_demo_funds(db)
    yield db, summary
    db.close()


def test_demo_funds_match_the_seed(demo_funds_db, tmp_path):
    db, summary = demo_funds_db
    assert (summary.funds, summary.borrowers, summary.lent) == (54, 251, 3_031_150_000)
    totals = ops.fund_totals_for(db, date(2026, 12, 1))
    assert len(totals) == 54
    assert sum(t.borrowers for t in totals) == 251
    assert sum(t.lent for t in totals) == 3_031_150_000
    assert all(t.outstanding >= 0 and t.repaid + t.outstanding == t.lent for t in totals)
    report = ops.check(db)
    assert report.bad_schedules == []
    assert report.ok and report.funds == 54
    # each fund's loans receivable (journal) is the sum of its loans' states (schedules)
    from sqlalchemy import select

    from core.fund import loans as loan_rules
    from db.models import FundLoan

    with db.reading() as s:
        rows = s.execute(select(FundLoan.id, FundLoan.fund_id)).all()
        states = loan_rules.states(s, [r.id for r in rows], date(2026, 12, 1))
    by_fund: dict = {}
    for r in rows:
        by_fund[r.fund_id] = by_fund.get(r.fund_id, 0) + states[r.id].outstanding
    assert by_fund == {t.fund_id: t.outstanding for t in totals}
    behind = ops.arrears(db, date(2026, 12, 1))
    assert 0 < len({a.loan_id for a in behind}) == summary.in_arrears < 30
    with pytest.raises(UserError, match="Đã có quỹ"):
        load_demo_funds(db)
    pdf = documents.summary_report(db, tmp_path / "tong-hop.pdf", as_of=date(2026, 12, 1))
    if HAS_POPPLER:
        text = flat(pdf_text(pdf))
        assert "Tình hình hoạt động Quỹ tương hỗ Công đoàn" in text
        assert "LĐLĐ tỉnh Lai Châu 54 251 3.031.150.000" in text
        assert "Tổng cộng 54 251 3.031.150.000" in text


def test_fund_model_report_counts_the_funds_kept_here(demo_funds_db):
    from core.demo.targets import load_demo_targets
    from core.targets.fund_model_targets import fund_model_lines
    from db.models import Fund, Unit

    db, _ = demo_funds_db
    load_demo_targets(db)
    with db.reading() as s:
        lines = {line.code: line for line in fund_model_lines(s, 2023)}
        # the demo's funds that started in 2022 are the seed's "running in 2022" figures
        assert sum(line.running_before for line in lines.values()) == 41
        parents = {u.parent_id for u in s.query(Unit).join(Fund, Fund.unit_id == Unit.id)}
        assert len(parents) == len(lines)
    # one fund started in 2022 is moved to 2023: its union's count drops by one
    with db.transaction() as s:
        fund = s.query(Fund).filter(Fund.started_on < date(2023, 1, 1)).order_by(Fund.code).first()
        upper = s.get(Unit, s.get(Unit, fund.unit_id).parent_id).code
        fund.started_on = date(2023, 1, 2)
    with db.reading() as s:
        assert fund_model_lines(s, 2023)[[x.code for x in fund_model_lines(s, 2023)].index(upper)] \
            .running_before == lines[upper].running_before - 1
