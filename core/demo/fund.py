"""Demo mutual-aid funds for the Lai Châu demo (:mod:`core.demo.org`), from seed 000: "đã có
54 mô hình và giúp đỡ cho 251 đoàn viên NLĐ được vay vốn với tổng số tiền 3.031.150.000
đồng" (Hướng dẫn 53/HD-LĐLĐ of 19/01/2022).

54 funds: each upper-level union's CĐCS running the model in 2022 (the seed's table, 41 in
all), started during 2022, and 13 more started in the first weeks of 2023; in each, the
CĐCS with the most members. 251 borrowers (one loan each) share exactly 3.031.150.000 đồng
(multiples of 50.000 đồng, 5 to 30 million), disbursed from February 2022 to March 2023 for
12 to 24 months, 0 % interest. Each fund starts with capital from the union's budget and
members' contributions. Borrowers repay each instalment on its due date up to
:data:`LEDGER_END`, except a few who stop paying at some point (the loans in arrears).

The journal is written in bulk (Core inserts: entries as drafts, their postings, then one
UPDATE posting them all — the database's triggers check every entry's balance and lock as
usual); the ledger is the same as the one the window would write entry by entry.
"""

from __future__ import annotations

import json
import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from core.common.database import AppDatabase
from core.common.errors import UserError
from core.demo.org import FUND_MODEL_2023, MARKER_CODE, OFFICE_CODE
from core.fund.schedule import add_months, make_schedule
from db.bulk import bulk_insert
from db.models import (
    Fund,
    FundEntry,
    FundInstalment,
    FundLoan,
    FundPosting,
    Member,
    Unit,
    UnitKind,
    new_row_stamp,
    table_of,
)

FUNDS = 54
BORROWERS = 251
LENT = 3_031_150_000
LEDGER_END = date(2026, 11, 30)  # repayments are simulated up to this day
STEP = 50_000
GUIDANCE = "Hướng dẫn 53/HD-LĐLĐ ngày 19/01/2022"
PURPOSES = ["Phát triển kinh tế gia đình", "Chăn nuôi lợn, gà", "Trồng chè, cây ăn quả",
            "Sửa chữa nhà ở", "Mua máy nông nghiệp", "Chữa bệnh cho người thân",
            "Buôn bán nhỏ", "Nuôi cá lồng"]


@dataclass(frozen=True)
class DemoFundSummary:
    funds: int
    borrowers: int
    lent: int
    entries: int
    in_arrears: int


def _amounts(rng: random.Random, n: int, total: int) -> list[int]:
    """``n`` amounts, multiples of STEP between 5 and 30 million, summing to ``total``."""
    low, high = 5_000_000 // STEP, 30_000_000 // STEP
    units = [rng.randint(low, high) for _ in range(n)]
    want = total // STEP
    while sum(units) != want:
        i = rng.randrange(n)
        if sum(units) < want and units[i] < high:
            units[i] += 1
        elif sum(units) > want and units[i] > low:
            units[i] -= 1
    return [u * STEP for u in units]


def _pick_units(session: Session, rng: random.Random) -> list[tuple[Unit, bool]]:
    """(unit, started in 2022) for the 54 funds."""
    extra = FUNDS - sum(r.running_2022 for r in FUND_MODEL_2023)
    order = sorted(FUND_MODEL_2023, key=lambda r: -r.new_2023)
    more: dict[str, int] = defaultdict(int)
    for i in range(max(0, extra)):
        more[order[i % len(order)].code] += 1
    counts = dict(session.execute(select(Member.unit_id, func.count()).where(
        Member.deleted_at.is_(None)).group_by(Member.unit_id)).all())
    chosen: list[tuple[Unit, bool]] = []
    for row in FUND_MODEL_2023:
        upper = session.scalar(select(Unit).where(Unit.code == row.code))
        if upper is None:
            continue
        units = session.scalars(select(Unit).where(Unit.parent_id == upper.id,
                                                   Unit.kind == UnitKind.GRASSROOTS,
                                                   Unit.merged_into_id.is_(None))).all()
        units = sorted(units, key=lambda u: (-counts.get(u.id, 0), u.code))
        n_old, n_new = row.running_2022, more[row.code]
        chosen += [(u, True) for u in units[:n_old]] + [(u, False) for u in units[n_old:n_old + n_new]]
    return chosen


def load_demo_funds(db: AppDatabase, *, seed: int = 2023) -> DemoFundSummary:
    """Add the seed's 54 funds with their loans and repayments (one transaction). Refused
    without the demo units, or when they already have funds."""
    rng = random.Random(seed * 31 + 7)
    office = db.office_code or OFFICE_CODE
    with db.transaction() as s:
        if s.scalar(select(Unit.id).where(Unit.code == MARKER_CODE)) is None:
            raise UserError("Chưa có dữ liệu mẫu (lệnh demo).")
        if s.scalar(select(func.count()).select_from(Fund)):
            raise UserError("Đã có quỹ tương hỗ; không nạp thêm quỹ mẫu.")
        picked = _pick_units(s, rng)
        if len(picked) != FUNDS:
            raise UserError(f"Dữ liệu mẫu chỉ đủ cho {len(picked)} quỹ.")
        members = defaultdict(list)
        for mid, uid in s.execute(select(Member.id, Member.unit_id).where(
                Member.unit_id.in_([u.id for u, _ in picked]), Member.deleted_at.is_(None))
                .order_by(Member.sort_key)):
            members[uid].append(mid)
        share = [1] * FUNDS
        for _ in range(BORROWERS - FUNDS):
            share[rng.randrange(FUNDS)] += 1
        amounts = _amounts(rng, BORROWERS, LENT)
        writer = _Writer(s, office)
        stopped = 0
        k = 0
        for (unit, old), n in zip(picked, share, strict=True):
            start = (date(2022, 2, 1) + timedelta(days=rng.randrange(300)) if old
                     else date(2023, 1, 3) + timedelta(days=rng.randrange(45)))
            people = members[unit.id]
            if len(people) < n + 1:
                raise UserError(f"{unit.name} không đủ đoàn viên cho dữ liệu mẫu.")
            loans = amounts[k:k + n]
            k += n
            fund_id = uuid.uuid4()
            writer.fund(fund_id, unit, start)
            capital = -(-sum(loans) // 10_000_000) * 10_000_000
            writer.entry(fund_id, start, "capital", "Vốn ban đầu từ quỹ Công đoàn cơ sở",
                         [("cash", capital, None, None), ("equity", -capital, None, None)])
            contributors = rng.sample(people, min(len(people), 10))
            for mid in contributors:
                writer.entry(fund_id, start, "contribution", "Đoàn viên góp vốn",
                             [("cash", 500_000, mid, None), ("contrib", -500_000, mid, None)],
                             member_id=mid)
            borrowers = rng.sample(people, n)
            last = date(2023, 3, 6)
            for amount, mid in zip(loans, borrowers, strict=True):
                on = start + timedelta(days=rng.randrange(max(1, (last - start).days)))
                term = rng.choice([12, 12, 18, 24, 24])
                stops = None
                if rng.random() < 0.05:
                    stops = rng.randrange(3, term)
                    stopped += 1
                writer.loan(fund_id, mid, amount, term, on, rng.choice(PURPOSES), stops)
        writer.flush()
        return DemoFundSummary(FUNDS, BORROWERS, LENT, writer.entries, stopped)


class _Writer:
    """Rows for Core inserts, with voucher and loan numbers counted as the app does."""

    def __init__(self, session: Session, office: str) -> None:
        self.s, self.office = session, office
        self.stamp = new_row_stamp(office)
        self.funds: list[dict] = []
        self.loans: list[dict] = []
        self.instalments: list[dict] = []
        self.entry_rows: list[dict] = []
        self.postings: list[dict] = []
        self.vouchers: dict[tuple, int] = defaultdict(int)
        self.loan_no: dict[int, int] = defaultdict(int)
        self.entries = 0

    def fund(self, fund_id: uuid.UUID, unit: Unit, start: date) -> None:
        self.funds.append({**self.stamp, "id": fund_id, "unit_id": unit.id,
                           "code": f"{self.office}-QTH-{unit.code}".upper(),
                           "name": f"Quỹ tương hỗ {unit.name}", "started_on": start,
                           "guidance": GUIDANCE, "ceiling": 30_000_000, "max_term_months": 24,
                           "rate_bp": 0, "rounding": 1000, "grace_days": 0, "buckets": "30,90",
                           "allocation": "fee_first", "allow_second_loan": False,
                           "locked_through": None})

    def entry(self, fund_id, on: date, kind: str, memo: str, lines, *, member_id=None,
              loan_id=None, allocation: dict | None = None) -> None:
        money = sum(a for acc, a, _m, _l in lines if acc in ("cash", "bank"))
        vkind = "PT" if money > 0 else "PC" if money < 0 else "KT"
        self.vouchers[(fund_id, vkind, on.year)] += 1
        entry_id = uuid.uuid4()
        self.entry_rows.append({**self.stamp, "id": entry_id, "fund_id": fund_id, "on": on,
                                "year": on.year, "voucher_kind": vkind,
                                "voucher_no": self.vouchers[(fund_id, vkind, on.year)],
                                "kind": kind, "memo": memo, "status": "draft",
                                "member_id": member_id, "loan_id": loan_id, "reverses_id": None,
                                "reason": "", "source_key": None,
                                "allocation": json.dumps(allocation) if allocation else ""})
        for account, amount, mid, lid in lines:
            self.postings.append({**self.stamp, "id": uuid.uuid4(), "entry_id": entry_id,
                                  "fund_id": fund_id, "on": on, "account": account,
                                  "amount": amount, "member_id": mid, "loan_id": lid})
        self.entries += 1

    def loan(self, fund_id, member_id, amount: int, term: int, on: date, purpose: str,
             stops: int | None) -> None:
        loan_id = uuid.uuid4()
        self.loan_no[on.year] += 1
        number = f"{self.office}-VV-{on.year}-{self.loan_no[on.year]:05d}"
        self.loans.append({**self.stamp, "id": loan_id, "fund_id": fund_id, "number": number,
                           "borrower_id": member_id, "guarantor_id": None, "purpose": purpose,
                           "amount": amount, "term_months": term, "rate_bp": 0,
                           "status": "disbursed", "applied_on": on, "decided_on": on,
                           "disbursed_on": on, "ended_on": None, "note": "",
                           "rescheduled_from_id": None})
        self.entry(fund_id, on, "disbursement", f"Giải ngân khoản vay {number}",
                   [("loans", amount, member_id, loan_id), ("cash", -amount, None, None)],
                   member_id=member_id, loan_id=loan_id)
        schedule = make_schedule(amount, term, on, rounding=1000)
        for line in schedule:
            self.instalments.append({**self.stamp, "id": uuid.uuid4(), "loan_id": loan_id,
                                     "seq": line.seq, "due_on": line.due_on,
                                     "principal": line.principal, "fee": 0})
            # the whole schedule is stored; only the repayments stop (at the ledger's end,
            # or where a borrower in arrears stopped paying)
            if line.due_on > LEDGER_END or (stops is not None and line.seq > stops):
                continue
            self.entry(fund_id, line.due_on, "repayment", f"Trả nợ khoản vay {number}",
                       [("cash", line.principal, member_id, loan_id),
                        ("loans", -line.principal, member_id, loan_id)],
                       member_id=member_id, loan_id=loan_id,
                       allocation={"principal": line.principal, "fee": 0, "credit": 0,
                                   "lines": [[line.seq, line.principal, 0]]})
        assert add_months(on, term) == schedule[-1].due_on

    def flush(self) -> None:
        s = self.s
        for model, rows in ((Fund, self.funds), (FundLoan, self.loans),
                            (FundInstalment, self.instalments), (FundEntry, self.entry_rows),
                            (FundPosting, self.postings)):
            bulk_insert(s.connection(), table_of(model), rows)
        ids = [row["id"] for row in self.entry_rows]
        for i in range(0, len(ids), 900):
            s.execute(update(table_of(FundEntry)).where(table_of(FundEntry).c.id.in_(ids[i:i + 900]))
                      .values(status="posted"))
