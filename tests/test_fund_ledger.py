"""The journal: balanced entries, immutability at the database, reversals, period lock,
cash counts, and voucher numbers per fund and year."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import select

from core.common.errors import UserError
from core.fund import funds, ledger
from db.models import Fund, FundEntry, FundPosting
from tests.fund_helpers import START, make_world


def _fund(s, world) -> Fund:
    return s.get(Fund, world["fund_id"])


def test_capital_and_contribution_post_balanced_entries(app_db):
    world = make_world(app_db)
    with app_db.transaction() as s:
        fund = _fund(s, world)
        funds.contribute(s, fund, world["members"][0], 500_000, date(2026, 2, 1))
        tb = ledger.trial_balance(s, fund.id)
        assert sum(tb.values()) == 0
        assert tb["cash"] == 100_500_000
        assert funds.contributed(s, fund, world["members"][0]) == 500_000
        assert ledger.unbalanced_entries(s) == []


def test_unbalanced_entry_is_refused_in_code_and_nothing_is_written(app_db):
    world = make_world(app_db)
    with pytest.raises(UserError, match="không cân"), app_db.transaction() as s:
        ledger.post(s, _fund(s, world), START, "capital",
                    [ledger.Line("cash", 1000), ledger.Line("equity", -999)])
    with app_db.reading() as s:
        assert len(s.scalars(select(FundEntry)).all()) == 1  # the opening capital only


def test_float_money_is_refused(app_db):
    world = make_world(app_db)
    with pytest.raises(UserError, match="số nguyên"), app_db.transaction() as s:
        ledger.post(s, _fund(s, world), START, "capital",
                    [ledger.Line("cash", 10.0), ledger.Line("equity", -10)])  # type: ignore[arg-type]


def _raw(db_path):
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA foreign_keys = ON")
    return con


def test_database_refuses_update_and_delete_of_posted_rows(app_db, db_path):
    make_world(app_db)
    con = _raw(db_path)
    for sql in ("UPDATE fund_posting SET amount = amount + 1",
                "DELETE FROM fund_posting",
                "UPDATE fund_entry SET memo = 'sửa'",
                "UPDATE fund_entry SET status = 'draft'",
                "DELETE FROM fund_entry"):
        with pytest.raises(sqlite3.IntegrityError, match="fund:"):
            con.execute(sql)
    assert con.execute("SELECT SUM(amount), COUNT(*) FROM fund_posting").fetchone() == (0, 2)
    con.close()


def test_database_refuses_unbalanced_post_and_direct_posted_insert(app_db, db_path):
    world = make_world(app_db)
    con = _raw(db_path)
    fid = con.execute("SELECT id FROM fund").fetchone()[0]
    base = ("INSERT INTO fund_entry (id, fund_id, \"on\", year, voucher_kind, voucher_no, kind, "
            "memo, status, reason, allocation, origin_office, created_at, updated_at, row_version)"
            " VALUES (?, ?, '2026-03-01', 2026, 'KT', 99, 'capital', '', ?, '', '', 'VL', "
            "'2026-03-01', '2026-03-01', 1)")
    with pytest.raises(sqlite3.IntegrityError, match="draft"):
        con.execute(base, ("e" * 32, fid, "posted"))
    con.execute(base, ("d" * 32, fid, "draft"))
    posting = ("INSERT INTO fund_posting (id, entry_id, fund_id, \"on\", account, amount, "
               "origin_office, created_at, updated_at, row_version) VALUES "
               "(?, ?, ?, '2026-03-01', ?, ?, 'VL', '2026-03-01', '2026-03-01', 1)")
    con.execute(posting, ("1" * 32, "d" * 32, fid, "cash", 1000))
    con.execute(posting, ("2" * 32, "d" * 32, fid, "equity", -999))
    with pytest.raises(sqlite3.IntegrityError, match="sum to zero"):
        con.execute("UPDATE fund_entry SET status = 'posted' WHERE id = ?", ("d" * 32,))
    con.execute("UPDATE fund_posting SET amount = -1000 WHERE id = ?", ("2" * 32,))  # draft: ok
    con.execute("UPDATE fund_entry SET status = 'posted' WHERE id = ?", ("d" * 32,))
    with pytest.raises(sqlite3.IntegrityError, match="fund:"):
        con.execute(posting, ("3" * 32, "d" * 32, fid, "cash", 1))  # into a posted entry
    con.rollback()
    con.close()
    assert world


def test_reversal_negates_once_with_a_reason_and_restores_balances(app_db):
    world = make_world(app_db)
    with app_db.transaction() as s:
        fund = _fund(s, world)
        before = ledger.trial_balance(s, fund.id)
        entry = funds.contribute(s, fund, world["members"][1], 200_000, date(2026, 2, 1))
        entry_id = entry.id
    with pytest.raises(UserError, match="lý do"), app_db.transaction() as s:
        ledger.reverse(s, entry_id, "  ")
    with app_db.transaction() as s:
        rev = ledger.reverse(s, entry_id, "Ghi nhầm người góp")
        assert rev.reverses_id == entry_id and rev.voucher_kind == "KT"  # not a phiếu chi
        after = {k: v for k, v in ledger.trial_balance(s, world["fund_id"]).items()}
        assert {k: after.get(k, 0) for k in before} == before
        assert funds.contributed(s, _fund(s, world), world["members"][1]) == 0
    with pytest.raises(UserError, match="chỉ đảo một lần"), app_db.transaction() as s:
        ledger.reverse(s, entry_id, "lần nữa")


def test_period_lock_refuses_in_code_and_at_the_database(app_db, db_path):
    world = make_world(app_db)
    with app_db.transaction() as s:
        ledger.lock_period(s, _fund(s, world), date(2026, 3, 31))
    with pytest.raises(UserError, match="khoá"), app_db.transaction() as s:
        funds.contribute(s, _fund(s, world), world["members"][0], 1000, date(2026, 3, 31))
    with pytest.raises(UserError, match="không mở lại"), app_db.transaction() as s:
        ledger.lock_period(s, _fund(s, world), date(2026, 1, 1))
    con = _raw(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="reopened"):
        con.execute("UPDATE fund SET locked_through = NULL")
    con.close()
    with app_db.transaction() as s:  # the next day is open
        funds.contribute(s, _fund(s, world), world["members"][0], 1000, date(2026, 4, 1))


def test_cash_count_posts_the_difference_to_discrepancy(app_db):
    world = make_world(app_db, capital=1_000_000)
    with app_db.transaction() as s:
        fund = _fund(s, world)
        same = ledger.count_cash(s, fund, date(2026, 2, 1), 1_000_000)
        assert same.entry_id is None and same.book == 1_000_000
        short = ledger.count_cash(s, fund, date(2026, 2, 2), 990_000, note="thiếu tiền lẻ")
        assert short.book == 1_000_000 and short.counted == 990_000
        assert ledger.balance(s, fund.id, "cash") == 990_000
        assert ledger.balance(s, fund.id, "discrepancy") == 10_000
        entry = s.get(FundEntry, short.entry_id)
        assert "thiếu 10.000" in entry.memo
        # no cash changed hands: an accounting entry, not a phiếu chi number
        assert ledger.voucher_number(entry) == "KT-2026-0001"
        pay = funds.contribute(s, fund, world["members"][0], 5_000, date(2026, 2, 3))
        refund = funds.refund(s, fund, world["members"][0], date(2026, 2, 4))
        assert ledger.voucher_number(pay).startswith("PT-") and ledger.voucher_number(refund) == "PC-2026-0001"
        # a reversal names the voucher it reverses and takes no phiếu chi number either
        back = ledger.reverse(s, pay.id, "Thu nhầm")
        assert ledger.voucher_number(back) == "KT-2026-0002"
        assert f"Đảo Phiếu thu {ledger.voucher_number(pay)}" in back.memo


def test_vouchers_are_numbered_per_fund_kind_and_year(app_db):
    world = make_world(app_db)
    other = make_world(app_db, code="VL02")
    with app_db.transaction() as s:
        fund, fund2 = _fund(s, world), _fund(s, other)
        a = funds.contribute(s, fund, world["members"][0], 1000, date(2026, 2, 1))
        b = funds.contribute(s, fund, world["members"][0], 1000, date(2026, 2, 2))
        c = funds.contribute(s, fund2, other["members"][0], 1000, date(2026, 2, 2))
        d = funds.contribute(s, fund, world["members"][0], 1000, date(2027, 1, 2))
        # the opening capital is PT-2026-0001 of each fund
        assert [ledger.voucher_number(e) for e in (a, b, c, d)] == [
            "PT-2026-0002", "PT-2026-0003", "PT-2026-0002", "PT-2027-0001"]


def test_check_finds_every_trigger(app_db):
    with app_db.reading() as s:
        assert ledger.missing_triggers(s) == []
        assert s.scalars(select(FundPosting)).all() == []
