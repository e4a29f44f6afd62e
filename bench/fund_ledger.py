"""The mutual-aid fund ledger (issue 11), against the raw library doing the same work in
the same run:

* the fund book (sổ quỹ) of one fund over a year with 100,000 cash postings
  (``core.fund.documents.build_fund_book``: rows, running balance, totals) against
  sqlite3 running the hand-written query that reads the same postings with a running
  ``SUM() OVER`` — limits ≤ 0,5 s and ≤ 2× raw;
* the state of 10,000 loans as of a date (``core.fund.loans.states``) — limit ≤ 1 s;
* the arrears list of the whole demo province (``core.fund.ops.arrears``) — limit ≤ 0,5 s.

The ledger is written with the demo's bulk writer (``core.demo.fund``): 10,000 loans of 12
monthly instalments, 9 paid, in one fund. Medians of 5 runs, alternating ours and raw.
``python -m bench fund_ledger`` writes its section of docs/PERFORMANCE.md.
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

from bench.report import write_section

RUNS = 5
LOANS = 10_000


def _ledger(path: Path):
    from core.common.database import open_app_database
    from core.demo.fund import _Writer
    from core.org.office import init_office
    from core.org.units import UnitInput, create_unit
    from db.models import Member, UnitKind, new_row_stamp, table_of

    db = open_app_database(path)
    db.auto_backups = False
    db.set_office_code("VL")
    rng = random.Random(11)
    with db.transaction() as s:
        init_office(s, code="VL", name="LĐLĐ huyện Vĩnh Linh", level="upper", parent_code="QT",
                    parent_name="LĐLĐ tỉnh Quảng Trị", place="Vĩnh Linh", chair_name="")
        unit = create_unit(s, UnitInput(code="VL01", name="CĐCS Bench", kind=UnitKind.GRASSROOTS,
                                        parent_code="VL"))
        stamp = new_row_stamp("VL")
        members = [{**stamp, "id": uuid.uuid4(), "full_name": f"Đoàn viên {i}",
                    "name_folded": f"doan vien {i}", "sort_key": f"{i:06d}", "gender": None,
                    "date_of_birth": None, "unit_id": unit.id, "position": "",
                    "member_since": None} for i in range(LOANS)]
        s.execute(table_of(Member).insert(), members)
        writer = _Writer(s, "VL")
        fund_id = uuid.uuid4()
        writer.fund(fund_id, unit, date(2025, 1, 1))
        writer.entry(fund_id, date(2025, 1, 1), "capital", "Vốn",
                     [("cash", 200_000_000_000, None, None), ("equity", -200_000_000_000, None, None)])
        import core.demo.fund as demo_fund

        old_end = demo_fund.LEDGER_END
        demo_fund.LEDGER_END = date(2025, 12, 31)
        try:
            for m in members:
                on = date(2025, 1, 1) + timedelta(days=rng.randrange(90))
                writer.loan(fund_id, m["id"], rng.randrange(100, 600) * 50_000, 12, on, "", 9)
        finally:
            demo_fund.LEDGER_END = old_end
        writer.flush()
    return db, fund_id


RAW_BOOK = """
SELECT e."on", e.voucher_kind, e.year, e.voucher_no, e.memo, p.amount,
       SUM(p.amount) OVER (ORDER BY p."on", e.year, e.voucher_no, e.voucher_kind
                           ROWS UNBOUNDED PRECEDING)
FROM fund_posting p JOIN fund_entry e ON e.id = p.entry_id
WHERE p.fund_id = ? AND p.account IN ('cash', 'bank') AND p."on" BETWEEN ? AND ?
ORDER BY p."on", e.year, e.voucher_no, e.voucher_kind
"""


def run() -> str:
    from core.fund import documents, loans, ops
    from db.models import Fund, FundLoan

    tmp = Path(tempfile.mkdtemp(prefix="bench-fund-"))
    db, fund_id = _ledger(tmp / "fund.sqlite")
    start, end = date(2025, 1, 1), date(2025, 12, 31)
    raw = sqlite3.connect(tmp / "fund.sqlite")
    fid = fund_id.hex
    ours_book, raw_book, states_t = [], [], []
    rows = 0
    with db.reading() as s:
        fund = s.get(Fund, fund_id)
        ids = list(s.scalars(FundLoan.__table__.select().with_only_columns(FundLoan.id)))
        for _ in range(RUNS):
            t = time.perf_counter()
            report = documents.build_fund_book(s, fund, start, end)
            ours_book.append(time.perf_counter() - t)
            rows = len(report.tables[0].rows) - 1
            t = time.perf_counter()
            got = raw.execute(RAW_BOOK, (fid, start.isoformat(), end.isoformat())).fetchall()
            raw_book.append(time.perf_counter() - t)
            assert len(got) == rows
            t = time.perf_counter()
            found = loans.states(s, ids, date(2025, 11, 15))
            states_t.append(time.perf_counter() - t)
            assert len(found) == LOANS
    raw.close()
    db.close()

    # the demo province's arrears
    from core.common.database import open_app_database
    from core.demo.fund import load_demo_funds
    from core.demo.org import load_demo

    demo = open_app_database(tmp / "demo.sqlite")
    demo.auto_backups = False
    load_demo(demo)
    load_demo_funds(demo)
    arrears_t = []
    for _ in range(RUNS):
        t = time.perf_counter()
        behind = ops.arrears(demo, date(2026, 12, 1))
        arrears_t.append(time.perf_counter() - t)
    demo.close()

    book, rawb = statistics.median(ours_book), statistics.median(raw_book)
    st, ar = statistics.median(states_t), statistics.median(arrears_t)
    ok = lambda good: "✓" if good else "✗"  # noqa: E731
    load = os.getloadavg()[0]
    body = f"""
One fund, {LOANS:,} loans of 12 instalments with 9 paid (`bench/fund_ledger.py`, medians of
{RUNS}, wall time; load average {load:.1f} on the machine's cores while it ran). The book
covers {rows:,} cash postings.

| what | seconds | limit | |
|---|---:|---:|---|
| fund book, `build_fund_book` (rows, running balance, totals) | {book:.3f} | 0,5 | {ok(book <= 0.5)} |
| the same postings, hand-written SQL with `SUM() OVER`, sqlite3 | {rawb:.3f} | | |
| ours ÷ raw | {book / rawb:.2f}× | 2× | {ok(book <= 2 * rawb)} |
| state of {LOANS:,} loans on a date, `loans.states` | {st:.3f} | 1 | {ok(st <= 1.0)} |
| arrears of the demo province ({len(behind)} loans behind), `ops.arrears` | {ar:.3f} | 0,5 | {ok(ar <= 0.5)} |
"""
    write_section("Mutual-aid fund ledger", body)
    return f"book {book:.3f}s raw {rawb:.3f}s states {st:.3f}s arrears {ar:.3f}s"
