"""How the fund's big reads reach SQLite (issue 11's benchmark: a book of 100,000 postings,
the state of 10,000 loans): the postings of a book or a balance and the schedules and sums
of many loans are read from covering indexes, never from the table rows one by one, and
the state of many loans takes the same few queries however many loans there are."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

from sqlalchemy import event

from core.fund import documents, ledger, loans
from db.models import Fund, FundLoan
from tests.fund_helpers import make_world

D = date(2026, 2, 1)


@contextmanager
def _statements(session):
    """Every SQL statement the session runs inside the block, with its parameters."""
    seen: list[tuple[str, object]] = []
    conn = session.connection()

    def capture(_conn, _cursor, statement, parameters, _context, _many):
        if not statement.lstrip().upper().startswith("EXPLAIN"):
            seen.append((statement, parameters))

    event.listen(conn, "before_cursor_execute", capture)
    try:
        yield seen
    finally:
        event.remove(conn, "before_cursor_execute", capture)


def _plans(session, seen, table: str) -> list[str]:
    """The query plan of every statement that reads ``table``, as one line each."""
    conn = session.connection()
    out = []
    for statement, parameters in seen:
        if f"FROM {table}" not in statement and f"JOIN {table}" not in statement:
            continue
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
        out.append(" | ".join(row[-1] for row in rows))
    return out


def _world_with_loans(app_db, count: int) -> tuple[dict, list]:
    world = make_world(app_db, members=count, capital=500_000_000)
    with app_db.transaction() as s:
        fund = s.get(Fund, world["fund_id"])
        for who in range(count):
            loan = loans.apply(s, fund, loans.LoanRequest(world["members"][who], 6_000_000, 6,
                                                          "Sửa nhà", applied_on=D))
            loans.decide(s, loan, "approve", D)
            loans.disburse(s, loan, D)
            loans.repay(s, loan, 1_000_000, date(2026, 3, 1))
    with app_db.reading() as s:
        ids = list(s.scalars(FundLoan.__table__.select().with_only_columns(FundLoan.id)))
    return world, ids


def test_the_book_and_its_opening_balance_read_postings_from_a_covering_index(app_db):
    world, _ = _world_with_loans(app_db, 3)
    with app_db.reading() as s:
        fund = s.get(Fund, world["fund_id"])
        with _statements(s) as seen:
            report = documents.build_fund_book(s, fund, date(2026, 2, 1), date(2026, 3, 31))
            ledger.money_on_hand(s, fund.id, through=D)
        plans = _plans(s, seen, "fund_posting")
    assert len(report.tables[0].rows) == 1 + 3 + 3  # opening, 3 disbursements, 3 repayments
    assert plans, seen
    for plan in plans:
        assert "SCAN fund_posting" not in plan and "SCAN p" not in plan, plan
        assert "COVERING INDEX ix_fund_posting_book" in plan, plan


def test_the_state_of_many_loans_reads_schedules_and_sums_from_covering_indexes(app_db):
    _, ids = _world_with_loans(app_db, 4)
    with app_db.reading() as s:
        with _statements(s) as seen:
            found = loans.states(s, ids, date(2026, 4, 15))
        schedule_plans = _plans(s, seen, "fund_instalment")
        posting_plans = _plans(s, seen, "fund_posting")
    assert len(found) == 4 and all(st.principal_paid > 0 for st in found.values())
    assert schedule_plans and posting_plans
    for plan in schedule_plans:
        assert "COVERING INDEX ix_fund_instalment_schedule" in plan, plan
    for plan in posting_plans:
        assert "COVERING INDEX ix_fund_posting_loan" in plan, plan


def test_the_state_of_many_loans_takes_the_same_queries_as_the_state_of_one(app_db):
    _, ids = _world_with_loans(app_db, 4)
    with app_db.reading() as s:
        with _statements(s) as one:
            loans.states(s, ids[:1], date(2026, 4, 15))
        with _statements(s) as many:
            # more ids than SQLite takes as bound parameters of one statement in old builds
            found = loans.states(s, ids * 300, date(2026, 4, 15))
    assert len(found) == 4
    assert len(many) == len(one) <= 4
