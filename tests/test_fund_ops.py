"""core.fund.ops: what the window and the CLI call, one transaction per use case."""

from __future__ import annotations

from datetime import date

import pytest

from core.common.errors import UserError
from core.fund import ops
from core.org.members import MemberInput, add_member
from core.org.units import UnitInput, create_unit
from db.models import UnitKind


@pytest.fixture
def fund(app_db):
    with app_db.transaction() as s:
        unit = create_unit(s, UnitInput(code="VL07", name="CĐCS Trạm Y tế Vĩnh Long",
                                        kind=UnitKind.GRASSROOTS, parent_code="VL"))
        people = [add_member(s, MemberInput(full_name=n, unit_id=unit.id))
                  for n in ("Lê Văn Bình", "Trần Thị Cúc", "Phạm Văn Dũng")]
        s.flush()
        ids = [p.id for p in people]
    done = ops.create_fund(app_db, "VL07", date(2026, 1, 1),
                           ops.FundSettings(ceiling=30_000_000, max_term_months=12),
                           capital=50_000_000)
    assert done.changes.fund
    return done.value, ids


def test_create_fund_by_unit_code_once(app_db, fund):
    info, _ = fund
    assert info.code == "VL-QTH-VL07" and info.money == 50_000_000 and info.unit_code == "VL07"
    with pytest.raises(UserError, match="đã có quỹ"):
        ops.create_fund(app_db, "VL07", date(2026, 1, 1))
    with pytest.raises(UserError, match="không phải công đoàn cơ sở"):
        ops.create_fund(app_db, "VL", date(2026, 1, 1))
    assert [f.code for f in ops.list_funds(app_db)] == ["VL-QTH-VL07"]


def test_lend_repay_and_the_lists(app_db, fund):
    info, people = fund
    ops.contribute(app_db, info.id, people[1], 300_000, date(2026, 1, 10))
    done = ops.lend(app_db, info.id, ops.LoanRequest(people[0], 25_500_000, 12, "Sửa nhà",
                                                     applied_on=date(2026, 1, 15)))
    loan = done.value
    assert loan.number == "VL-VV-2026-00001" and loan.status == "disbursed"
    assert loan.state is not None and loan.state.outstanding == 25_500_000
    plan = ops.plan_repayment(app_db, loan.id, 2_125_000, date(2026, 2, 15))
    assert (plan.principal, plan.credit) == (2_125_000, 0)
    entry = ops.repay(app_db, loan.id, 2_125_000, date(2026, 2, 15)).value
    assert entry.voucher == "PT-2026-0003" and entry.amount == 2_125_000
    keys = ops.loan_keys(app_db, info.id)
    assert keys is not None and len(keys) == 1 and ops.loan_key_of(app_db, loan.id) == keys[0]
    assert ops.loan_count(app_db, info.id) == 1
    [row] = ops.loan_rows(app_db, keys, date(2026, 6, 1))
    assert row is not None and row.borrower == "Lê Văn Bình"
    # instalments due 15/3, 15/4 and 15/5 are unpaid on 1/6: 78 days since the oldest
    assert row.state is not None
    assert (row.state.days_past_due, row.state.overdue_principal) == (78, 6_375_000)
    behind = ops.arrears(app_db, date(2026, 6, 1))
    assert [(a.borrower, a.bucket_label) for a in behind] == [("Lê Văn Bình", "31–90 ngày")]
    [totals] = ops.fund_totals_for(app_db, date(2026, 6, 1))
    assert (totals.borrowers, totals.lent, totals.repaid, totals.outstanding) == (
        1, 25_500_000, 2_125_000, 23_375_000)
    assert totals.balance == 50_000_000 + 300_000 - 25_500_000 + 2_125_000
    report = ops.check(app_db)
    assert report.ok and report.trial_balance == 0 and report.missing_triggers == []


def test_stop_at_applied_then_decide(app_db, fund):
    info, people = fund
    loan = ops.lend(app_db, info.id, ops.LoanRequest(people[2], 1_000_000, 3,
                                                     applied_on=date(2026, 2, 1)),
                    stop_at="applied").value
    assert loan.status == "applied" and loan.state is None
    with pytest.raises(UserError, match="lý do"):  # a rejection says why
        ops.decide(app_db, loan.id, "reject", date(2026, 2, 2))
    rejected = ops.decide(app_db, loan.id, "reject", date(2026, 2, 2), "Chưa đủ điều kiện").value
    assert rejected.status_label == "Không duyệt"
    rules = ops.check_loan(app_db, info.id, ops.LoanRequest(people[2], 31_000_000, 3))
    assert [r.ok for r in rules] == [True, False, True, True]


def test_open_loans_leave_out_repaid_ones(app_db, fund):
    info, people = fund
    loan = ops.lend(app_db, info.id, ops.LoanRequest(people[0], 3_000_000, 3,
                                                     applied_on=date(2026, 1, 5))).value
    assert ops.get_fund(app_db, info.id).loans_open == 1
    ops.repay(app_db, loan.id, 3_000_000, date(2026, 2, 1))
    assert ops.get_fund(app_db, info.id).loans_open == 0
