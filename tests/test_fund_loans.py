"""Loans: eligibility rule by rule, the life of a loan, repayments and their allocation,
state on any date, write-off and rescheduling."""

from __future__ import annotations

import json
from datetime import date

import pytest

from core.common.errors import UserError
from core.fund import funds, ledger, loans
from db.models import Fund, FundEntry, FundLoan
from tests.fund_helpers import make_world

D = date(2026, 2, 1)


def _lend(s, world, amount=12_000_000, term=12, who=0, on=D) -> FundLoan:
    fund = s.get(Fund, world["fund_id"])
    loan = loans.apply(s, fund, loans.LoanRequest(world["members"][who], amount, term,
                                                  "Sửa nhà", applied_on=on))
    loans.decide(s, loan, "approve", on)
    loans.disburse(s, loan, on)
    return loan


def test_eligibility_is_explained_rule_by_rule(app_db):
    world = make_world(app_db, settings=funds.FundSettings(ceiling=20_000_000, max_term_months=12))
    other = make_world(app_db, code="VL02")
    with app_db.transaction() as s:
        fund = s.get(Fund, world["fund_id"])
        rules = loans.eligibility(s, fund, loans.LoanRequest(other["members"][0], 25_500_000, 18,
                                                             applied_on=D))
        assert [(r.name, r.ok) for r in rules] == [
            ("Đoàn viên của CĐCS", False), ("Mức vay", False), ("Thời hạn vay", False),
            ("Một khoản vay mỗi đoàn viên", True)]
        assert "tối đa 20.000.000" in rules[1].detail
        with pytest.raises(UserError, match="Mức vay"):
            loans.apply(s, fund, loans.LoanRequest(world["members"][0], 25_500_000, 6,
                                                   applied_on=D))
        _lend(s, world, 5_000_000, 6)
        second = loans.eligibility(s, fund, loans.LoanRequest(world["members"][0], 1_000_000, 6,
                                                              applied_on=D))
        assert second[3].ok is False and "1 khoản vay" in second[3].detail


def test_disbursement_makes_the_schedule_and_moves_the_money(app_db):
    world = make_world(app_db)
    with app_db.transaction() as s:
        loan = _lend(s, world, 25_500_000, 12)
        schedule = loans.schedule_of(s, loan.id)
        assert sum(i.principal for i in schedule) == 25_500_000
        assert schedule[0].due_on == date(2026, 3, 1) and schedule[-1].due_on == date(2027, 2, 1)
        assert ledger.balance(s, world["fund_id"], "cash") == 100_000_000 - 25_500_000
        assert loan.status == "disbursed"


def test_disbursement_beyond_the_money_on_hand_is_refused(app_db):
    world = make_world(app_db, capital=1_000_000)
    with pytest.raises(UserError, match="không đủ"), app_db.transaction() as s:
        _lend(s, world, 5_000_000, 6)


def test_repayments_partial_late_and_exact_payoff(app_db):
    world = make_world(app_db)
    with app_db.transaction() as s:
        loan = _lend(s, world, 12_000_000, 12)
        loan_id = loan.id
        # nothing paid: on 15/4 two instalments are overdue, the oldest since 1/3
        st = loans.state(s, loan, date(2026, 4, 15))
        assert (st.overdue_principal, st.days_past_due, st.bucket) == (2_000_000, 45, 1)
        entry = loans.repay(s, loan, 1_500_000, date(2026, 4, 15))
        assert json.loads(entry.allocation) == {"principal": 1_500_000, "fee": 0, "credit": 0,
                                                "lines": [[1, 1_000_000, 0], [2, 500_000, 0]]}
        st = loans.state(s, loan, date(2026, 4, 15))
        assert (st.outstanding, st.overdue_principal, st.days_past_due) == (10_500_000, 500_000, 14)
        # the state on an earlier date ignores the later payment
        assert loans.state(s, loan, date(2026, 4, 14)).outstanding == 12_000_000
        loans.repay(s, loan, 10_500_000, date(2026, 5, 1))
        st = loans.state(s, loan, date(2026, 5, 1))
        assert st.closed and st.outstanding == 0 and st.credit == 0
    with pytest.raises(UserError, match="Khoản vay"), app_db.transaction() as s:
        loans.decide(s, s.get(FundLoan, loan_id), "approve", date(2026, 5, 2))


def test_one_dong_more_than_owed_becomes_credit(app_db):
    world = make_world(app_db)
    with app_db.transaction() as s:
        loan = _lend(s, world, 3_000_000, 3)
        entry = loans.repay(s, loan, 3_000_001, date(2026, 2, 10))
        assert json.loads(entry.allocation)["credit"] == 1
        st = loans.state(s, loan, date(2026, 2, 10))
        assert st.closed and st.credit == 1
        assert ledger.balance(s, world["fund_id"], "credit") == -1


def test_fee_first_allocation_with_interest(app_db):
    world = make_world(app_db, settings=funds.FundSettings(rate_bp=600, allocation="fee_first"))
    with app_db.transaction() as s:
        loan = _lend(s, world, 10_000_000, 12)
        first = loans.schedule_of(s, loan.id)[0]
        assert first.fee == 50_000
        plan = loans.plan_repayment(s, loan, 60_000, date(2026, 3, 1))
        assert (plan.fee, plan.principal) == (50_000, 10_000)
        entry = loans.repay(s, loan, 60_000, date(2026, 3, 1))
        assert ledger.balance(s, world["fund_id"], "fee") == -50_000
        assert entry.voucher_kind == "PT"


def test_reversed_repayment_restores_the_loan_state(app_db):
    world = make_world(app_db)
    with app_db.transaction() as s:
        loan = _lend(s, world, 6_000_000, 6)
        before = loans.state(s, loan, date(2026, 6, 1))
        entry = loans.repay(s, loan, 2_000_000, date(2026, 3, 1))
        assert loans.state(s, loan, date(2026, 6, 1)) != before
        ledger.reverse(s, entry.id, "Thu nhầm")
        assert loans.state(s, loan, date(2026, 6, 1)) == before


def test_write_off_and_reschedule(app_db):
    world = make_world(app_db)
    with app_db.transaction() as s:
        a = _lend(s, world, 6_000_000, 6, who=0)
        loans.repay(s, a, 1_000_000, date(2026, 3, 1))
        with pytest.raises(UserError, match="lý do"):
            loans.write_off(s, a, date(2026, 9, 1), "")
        loans.write_off(s, a, date(2026, 9, 1), "Đoàn viên mất")
        st = loans.state(s, a, date(2026, 9, 1))
        assert st.outstanding == 0 and st.written_off == 5_000_000 and st.bucket is None
        b = _lend(s, world, 6_000_000, 6, who=1)
        new = loans.reschedule(s, b, date(2026, 5, 1), 12, "Hoàn cảnh khó khăn")
        assert new.amount == 6_000_000 and new.rescheduled_from_id == b.id
        assert len(loans.schedule_of(s, b.id)) == 6  # the old schedule stays
        assert sum(i.principal for i in loans.schedule_of(s, new.id)) == 6_000_000
        assert b.status == "rescheduled"
        assert loans.state(s, new, date(2026, 5, 1)).outstanding == 6_000_000
        assert sum(ledger.trial_balance(s, world["fund_id"]).values()) == 0


def test_repayment_in_a_locked_period_is_refused(app_db):
    world = make_world(app_db)
    with app_db.transaction() as s:
        loan = _lend(s, world, 6_000_000, 6)
        ledger.lock_period(s, s.get(Fund, world["fund_id"]), date(2026, 3, 31))
        with pytest.raises(UserError, match="khoá"):
            loans.repay(s, loan, 1_000_000, date(2026, 3, 1))
        assert s.query(FundEntry).filter(FundEntry.kind == "repayment").count() == 0


def test_an_overpayment_is_kept_as_credit_and_refunded_with_a_payment_voucher(app_db):
    world = make_world(app_db)
    with app_db.transaction() as s:
        loan = _lend(s, world, amount=19_000_000, term=12)
        fund = s.get(Fund, world["fund_id"])
        cash_before = ledger.balance(s, fund.id, "cash")
        loans.repay(s, loan, 25_000_000, date(2026, 3, 1))
        st = loans.state(s, loan, date(2026, 3, 1))
        assert (st.outstanding, st.credit, st.closed) == (0, 6_000_000, True)
        assert ledger.balance(s, fund.id, "credit") == -6_000_000
        with pytest.raises(UserError, match="không có tiền trả thừa"):
            loans.refund_credit(s, loan, date(2026, 2, 15))  # not overpaid yet on that day
        with pytest.raises(UserError, match="Chỉ có 6.000.000 đồng trả thừa"):
            loans.refund_credit(s, loan, date(2026, 3, 2), 6_000_001)
        entry = loans.refund_credit(s, loan, date(2026, 3, 2), 2_000_000)
        assert ledger.voucher_number(entry).startswith("PC-2026-")
        assert loans.state(s, loan, date(2026, 3, 2)).credit == 4_000_000
        entry = loans.refund_credit(s, loan, date(2026, 3, 3))  # the rest
        st = loans.state(s, loan, date(2026, 3, 3))
        assert (st.outstanding, st.credit, st.closed) == (0, 0, True)
        assert ledger.balance(s, fund.id, "credit") == 0
        assert ledger.balance(s, fund.id, "cash") == cash_before + 19_000_000
        assert entry.kind == "credit_refund" and "Hoàn trả tiền trả thừa" in entry.memo
        with pytest.raises(UserError, match="không có tiền trả thừa"):
            loans.refund_credit(s, loan, date(2026, 3, 4))
