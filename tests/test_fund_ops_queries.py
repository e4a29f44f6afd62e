"""The window's fund list and book (``ops.list_funds``, ``ops.entries``) read what they show
with grouped queries: the number of SQL statements does not grow with the number of funds
or entries, and what they return is the same as one entry or fund read on its own."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from datetime import date

from sqlalchemy import event

from core.fund import ops
from tests.fund_helpers import make_world

D = date(2026, 2, 1)


@contextmanager
def _counted(app_db):
    seen: list[str] = []

    def capture(_conn, _cursor, statement, _parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(app_db.engine, "before_cursor_execute", capture)
    try:
        yield seen
    finally:
        event.remove(app_db.engine, "before_cursor_execute", capture)


def _busy_fund(app_db, code: str, contributions: int) -> dict:
    world = make_world(app_db, code=code, members=3, capital=50_000_000)
    fid = world["fund_id"]
    loan = ops.lend(app_db, fid, ops.LoanRequest(world["members"][0], 6_000_000, 6, "Sửa nhà",
                                                 applied_on=D)).value
    ops.repay(app_db, loan.id, 1_000_000, date(2026, 3, 1))
    for i in range(contributions):
        ops.contribute(app_db, fid, world["members"][1 + i % 2], 100_000 * (i + 1), D)
    return world


def test_the_book_tab_reads_its_entries_with_the_same_queries_for_3_or_30(app_db):
    few = _busy_fund(app_db, "VL01", 1)["fund_id"]
    many = _busy_fund(app_db, "VL02", 28)["fund_id"]
    reversed_one = ops.entries(app_db, many)[0]
    ops.reverse(app_db, reversed_one.id, "Ghi nhầm")
    with _counted(app_db) as a:
        shown_few = ops.entries(app_db, few)
    with _counted(app_db) as b:
        shown_many = ops.entries(app_db, many)
    assert len(shown_few) == 4 and len(shown_many) == 32
    assert len(b) == len(a)
    # the same as each entry read on its own (money, size, names, reversed, running balance)
    for info in shown_many:
        alone = ops.get_entry(app_db, info.id)
        assert (alone.amount, alone.money, alone.member_name, alone.loan_number, alone.reversed,
                alone.reverses) == (info.amount, info.money, info.member_name, info.loan_number,
                                    info.reversed, info.reverses)
    assert [e.reversed for e in shown_many].count(True) == 1
    assert shown_many[0].balance == ops.get_fund(app_db, many).money
    assert any(e.loan_number and e.member_name for e in shown_many)


def test_the_fund_list_takes_the_same_queries_for_one_fund_or_three(app_db):
    _busy_fund(app_db, "VL01", 2)
    with _counted(app_db) as one:
        [only] = ops.list_funds(app_db)
    _busy_fund(app_db, "VL02", 3)
    _busy_fund(app_db, "VL03", 0)
    with _counted(app_db) as three:
        listed = ops.list_funds(app_db)
    assert len(listed) == 3
    assert len(three) == len(one)
    for info in listed:
        assert info == ops.get_fund(app_db, info.id)
    assert listed[0] == only
    assert (only.money, only.outstanding, only.contributions, only.loans_open) == (
        50_000_000 - 6_000_000 + 1_000_000 + 300_000, 5_000_000, 300_000, 1)


def test_a_loan_read_alone_is_its_row_in_the_loans_list(app_db):
    """ops.get_loan and the lazy list (ops.loan_page) build LoanInfo the same way: names of
    borrower and guarantor, a repaid loan shown as closed, the state on the day asked."""
    world = make_world(app_db, members=3, capital=50_000_000)
    fid, people = world["fund_id"], world["members"]
    guaranteed = ops.lend(app_db, fid, ops.LoanRequest(
        people[0], 3_000_000, 3, "Sửa nhà", guarantor_id=people[1], applied_on=D)).value
    repaid = ops.lend(app_db, fid, ops.LoanRequest(people[2], 1_000_000, 1, "Học phí",
                                                   applied_on=D)).value
    ops.repay(app_db, repaid.id, 1_000_000, date(2026, 2, 20))
    on = date(2026, 3, 1)
    rows = ops.loan_page(app_db, fid, 0, 10, on)
    assert {r.id for r in rows} == {guaranteed.id, repaid.id}
    for row in rows:
        alone = ops.get_loan(app_db, row.id, on)
        assert alone == replace(row, key=0)
    by_id = {r.id: r for r in rows}
    assert by_id[guaranteed.id].guarantor == "Nguyễn Thị Hoà 1"
    assert by_id[repaid.id].status == "closed" and by_id[guaranteed.id].status == "disbursed"
