"""Property tests of the fund (hypothesis): schedules, allocations, balances, reversals,
order independence, payoff, and the database's refusals."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.common.database import open_app_database
from core.common.errors import UserError
from core.fund import funds, ledger, loans
from core.fund.schedule import allocate, make_schedule
from db.models import Fund
from tests.fund_helpers import make_world

START = date(2026, 1, 10)
amounts = st.integers(min_value=1, max_value=2_000_000_000)
terms = st.integers(min_value=1, max_value=120)
roundings = st.sampled_from([1, 100, 1000, 10_000, 50_000, 1_000_000])
rates = st.sampled_from([0, 0, 100, 600, 1200, 2400])


@given(amount=amounts, term=terms, rounding=roundings, rate=rates)
def test_schedule_sums_to_the_principal_with_no_negative_instalment(amount, term, rounding, rate):
    schedule = make_schedule(amount, term, START, rate_bp=rate, rounding=rounding)
    assert sum(line.principal for line in schedule) == amount
    assert all(line.principal >= 0 and line.fee >= 0 for line in schedule)
    assert all(isinstance(line.principal, int) and isinstance(line.fee, int) for line in schedule)
    assert len(schedule) == term
    assert [line.due_on for line in schedule] == sorted(line.due_on for line in schedule)
    if rate == 0 and term > 1:
        assert all(line.principal % rounding == 0 for line in schedule[:-1])


@given(amount=st.integers(1, 500_000_000), term=st.integers(1, 36), rate=rates,
       paid=st.lists(st.integers(1, 200_000_000), max_size=6),
       order=st.sampled_from(["fee_first", "principal_first"]))
def test_allocation_never_creates_or_loses_a_dong(amount, term, rate, paid, order):
    schedule = make_schedule(amount, term, START, rate_bp=rate, rounding=1000)
    p = f = 0
    for pay in paid:
        a = allocate(schedule, p, f, pay, order)
        assert a.principal + a.fee + a.credit == pay
        assert sum(x[1] for x in a.lines) == a.principal and sum(x[2] for x in a.lines) == a.fee
        assert min(a.principal, a.fee, a.credit) >= 0
        p, f = p + a.principal, f + a.fee
        assert p <= amount and f <= sum(line.fee for line in schedule)


# ---- against the database: one world, many examples ----------------------------------------

@pytest.fixture
def world_db(db_path):
    db = open_app_database(db_path)
    db.auto_backups = False
    world = make_world(db, members=4, capital=2_000_000_000,
                       settings=funds.FundSettings(ceiling=500_000_000, max_term_months=36,
                                                   allow_second_loan=True))
    yield db, world
    db.close()


class _Rollback(Exception):
    pass


def _in_rollback(db, work):
    """Run ``work(session)`` in a transaction that is always rolled back."""
    out = []
    try:
        with db.transaction() as s:
            out.append(work(s))
            raise _Rollback
    except _Rollback:
        pass
    return out[0]


_slow = settings(max_examples=15, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])
payments = st.lists(st.tuples(st.integers(1, 400), st.integers(1, 30_000_000)), max_size=6)


@_slow
@given(amount=st.integers(1_000, 300_000_000), term=st.integers(1, 24), pays=payments,
       rate=st.sampled_from([0, 600]))
def test_balances_outstanding_and_order_independence(world_db, amount, term, pays, rate):
    db, world = world_db

    def run(order):
        def work(s):
            fund = s.get(Fund, world["fund_id"])
            fund.rate_bp = rate
            loan = loans.apply(s, fund, loans.LoanRequest(world["members"][0], amount, term,
                                                          applied_on=START))
            loans.decide(s, loan, "approve", START)
            loans.disburse(s, loan, START)
            for days, pay in order:
                loans.repay(s, loan, pay, START + timedelta(days=days))
            tb = ledger.trial_balance(s, fund.id)
            assert sum(tb.values()) == 0 and ledger.unbalanced_entries(s) == []
            end = START + timedelta(days=800)
            state = loans.state(s, loan, end)
            assert state.outstanding == amount - state.principal_paid - state.written_off >= 0
            assert state.outstanding == ledger.balance(s, fund.id, "loans", loan_id=loan.id)
            return [loans.state(s, loan, START + timedelta(days=d)) for d in (0, 45, 200, 800)]
        return _in_rollback(db, work)

    assert run(pays) == run(list(reversed(pays)))


@_slow
@given(amount=st.integers(1_000, 100_000_000), term=st.integers(1, 24),
       pays=payments, which=st.integers(0, 10))
def test_an_entry_and_its_reversal_leave_everything_as_before(world_db, amount, term, pays, which):
    db, world = world_db

    def work(s):
        fund = s.get(Fund, world["fund_id"])
        loan = loans.apply(s, fund, loans.LoanRequest(world["members"][1], amount, term,
                                                      applied_on=START))
        loans.decide(s, loan, "approve", START)
        loans.disburse(s, loan, START)
        dates = [START + timedelta(days=d) for d in (0, 30, 100, 500)]
        before = ([loans.state(s, loan, d) for d in dates], ledger.trial_balance(s, fund.id))
        entries = [loans.repay(s, loan, pay, START + timedelta(days=days)) for days, pay in pays]
        entries.append(funds.contribute(s, fund, world["members"][1], 50_000, START))
        target = entries[which % len(entries)]
        ledger.reverse(s, target.id, "Kiểm thử", on=START + timedelta(days=600))
        for e in entries:
            if e is not target:
                ledger.reverse(s, e.id, "Kiểm thử", on=START + timedelta(days=600))
        later = [START + timedelta(days=d) for d in (600, 700)]
        after_tb = {k: v for k, v in ledger.trial_balance(s, fund.id).items() if v}
        assert after_tb == {k: v for k, v in before[1].items() if v}
        for d, old in zip(later, [loans.state(s, loan, d) for d in later], strict=True):
            fresh = loans.states(s, [loan.id], d)[loan.id]
            assert fresh == old
        assert loans.state(s, loan, START + timedelta(days=600)).outstanding == amount
        return True

    assert _in_rollback(db, work)


@_slow
@given(amount=st.integers(1_000, 200_000_000), term=st.integers(1, 24),
       first=st.integers(0, 200_000_000), rate=st.sampled_from([0, 600, 1200]))
def test_paying_exactly_the_outstanding_closes_and_one_dong_more_is_credit(
        world_db, amount, term, first, rate):
    db, world = world_db
    for extra in (0, 1):
        def work(s, extra=extra):
            fund = s.get(Fund, world["fund_id"])
            fund.rate_bp = rate
            loan = loans.apply(s, fund, loans.LoanRequest(world["members"][2], amount, term,
                                                          applied_on=START))
            loans.decide(s, loan, "approve", START)
            loans.disburse(s, loan, START)
            day = START + timedelta(days=20)
            if 0 < first < amount:
                loans.repay(s, loan, first, day)
            state = loans.state(s, loan, day)
            owed = state.outstanding + state.fee_outstanding
            loans.repay(s, loan, owed + extra, day)
            after = loans.state(s, loan, day)
            assert after.closed and after.outstanding == 0 and after.credit == extra
            return True
        assert _in_rollback(db, work)


@_slow
@given(sql=st.sampled_from([
    "UPDATE fund_posting SET amount = amount + 1",
    "UPDATE fund_posting SET account = 'bank'",
    "DELETE FROM fund_posting",
    "UPDATE fund_entry SET \"on\" = '2030-01-01'",
    "DELETE FROM fund_entry",
    "UPDATE fund_instalment SET principal = 0",
    "DELETE FROM fund_instalment",
]))
def test_update_or_delete_of_a_posted_row_fails_at_the_database(world_db, sql):
    db, world = world_db
    with db.transaction() as s:
        fund = s.get(Fund, world["fund_id"])
        if not loans.open_loans_of(s, fund, world["members"][3], START):
            loan = loans.apply(s, fund, loans.LoanRequest(world["members"][3], 1_000_000, 2,
                                                          applied_on=START))
            loans.decide(s, loan, "approve", START)
            loans.disburse(s, loan, START)
    con = sqlite3.connect(db.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="fund:"):
            con.execute(sql)
    finally:
        con.rollback()
        con.close()


@_slow
@given(days=st.integers(-40, 0))
def test_posting_into_a_locked_period_fails_at_the_database(world_db, days):
    db, world = world_db
    lock = date(2026, 6, 30)
    with db.transaction() as s:
        fund = s.get(Fund, world["fund_id"])
        if fund.locked_through is None:
            ledger.lock_period(s, fund, lock)
    on = (lock + timedelta(days=days)).isoformat()
    con = sqlite3.connect(db.path)
    fid = con.execute("SELECT id FROM fund").fetchone()[0]
    eid = uuid.uuid4().hex
    try:
        con.execute(
            "INSERT INTO fund_entry (id, fund_id, \"on\", year, voucher_kind, voucher_no, kind, "
            "memo, status, reason, allocation, origin_office, created_at, updated_at, row_version)"
            " VALUES (?, ?, ?, 2026, 'KT', 9999, 'capital', '', 'draft', '', '', 'VL', "
            "'2026-01-01', '2026-01-01', 1)", (eid, fid, on))
        for account, amount in (("cash", 5), ("equity", -5)):
            con.execute(
                "INSERT INTO fund_posting (id, entry_id, fund_id, \"on\", account, amount, "
                "origin_office, created_at, updated_at, row_version) VALUES "
                "(?, ?, ?, ?, ?, ?, 'VL', '2026-01-01', '2026-01-01', 1)",
                (uuid.uuid4().hex, eid, fid, on, account, amount))
        with pytest.raises(sqlite3.IntegrityError, match="locked"):
            con.execute("UPDATE fund_entry SET status = 'posted' WHERE id = ?", (eid,))
    finally:
        con.rollback()
        con.close()
    with pytest.raises(UserError, match="khoá"), db.transaction() as s:
        funds.contribute(s, s.get(Fund, world["fund_id"]), world["members"][0], 5,
                         date.fromisoformat(on))
