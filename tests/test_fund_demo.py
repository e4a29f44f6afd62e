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
    assert report.ok and report.funds == 54
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
