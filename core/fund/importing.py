"""Workbook import of ledgers kept in Excel: one row per loan (CĐCS, borrower, amount,
disbursement date, term, principal repaid so far), through the shared workbook engine.

For each accepted row: the CĐCS's fund (made with the default rules, starting on the
earliest disbursement of the file for that CĐCS, when it has none yet), the loan with its
schedule, a "Số dư chuyển sang" entry bringing the loan into the books (loans receivable
against the fund's capital: the money left the old books, not this cash box), and, when the
row says some principal was repaid, one repayment entry on the date given (or the
disbursement date) allocated as any repayment. A row is imported whole or not at all
(a savepoint per row): nothing is posted for a rejected row. The loan entry carries a key
made from the row (unit, borrower, date, amount), so importing the same file again skips
what is already there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.common.database import AppDatabase
from core.common.errors import Cancelled, UserError
from core.common.text import clean, fold
from core.common.vnformat import format_date, format_money, parse_date, parse_money
from core.common.workbook import Column, ImportResult, ParsedRow, parse_rows, read_rows
from core.fund import funds as fund_rules
from core.fund import ledger, loans
from core.fund.schedule import make_schedule
from core.org import units as org_units
from db.models import Fund, FundEntry, FundInstalment, FundLoan, Member, UnitKind


def _positive_int(value) -> int:
    n = parse_money(value)
    if n is None or n <= 0:
        raise ValueError("phải là số nguyên dương")
    return n


def _money(value) -> int:
    n = parse_money(value)
    if n is None or n < 0:
        raise ValueError("số tiền không hợp lệ")
    return n


COLUMNS = (
    Column("unit", ("Mã CĐCS", "Mã đơn vị", "CĐCS", "Đơn vị"), required=True, label="CĐCS"),
    Column("borrower", ("Người vay", "Họ và tên", "Họ tên"), required=True, label="Người vay"),
    Column("amount", ("Số tiền vay", "Số tiền"), parse=_positive_int, required=True,
           label="Số tiền vay", money=True),
    Column("disbursed_on", ("Ngày giải ngân", "Ngày vay"), parse=parse_date, required=True,
           label="Ngày giải ngân"),
    Column("term", ("Thời hạn (tháng)", "Thời hạn", "Số tháng"), parse=_positive_int,
           required=True, label="Thời hạn (tháng)"),
    Column("repaid", ("Đã trả gốc", "Đã trả", "Gốc đã trả"), parse=_money, label="Đã trả gốc",
           money=True),
    Column("repaid_on", ("Ngày trả", "Ngày trả gần nhất"), parse=parse_date, label="Ngày trả"),
    Column("purpose", ("Mục đích vay", "Mục đích"), label="Mục đích vay"),
)


def import_loans(db: AppDatabase, path: Path, *, dry_run: bool,
                 progress: Callable[[int, int], None] | None = None,
                 is_cancelled: Callable[[], bool] | None = None) -> ImportResult:
    if not db.office_code:
        raise UserError("Chưa khởi tạo đơn vị của văn phòng (lệnh init).")
    read = read_rows(Path(path), COLUMNS, progress=progress, is_cancelled=is_cancelled)
    parsed, rejected = parse_rows(read, COLUMNS)
    first: dict[str, date] = {}
    for row in parsed:
        key = clean(row.data["unit"]).upper()
        first[key] = min(first.get(key, row.data["disbursed_on"]), row.data["disbursed_on"])

    def work(session: Session) -> ImportResult:
        result = ImportResult(rejected=list(rejected))
        for row in parsed:
            if is_cancelled and is_cancelled():
                raise Cancelled
            savepoint = session.begin_nested()
            try:
                outcome = _import_row(session, row, first, db.office_code)
            except UserError as exc:
                savepoint.rollback()
                result.rejected.append(row.reject(str(exc)))
                continue
            savepoint.commit()
            (result.accepted if outcome == "added" else result.skipped).append(row)
        result.rejected.sort(key=lambda r: r.number)
        return result

    return db.run(work, dry_run=dry_run)


def _fund_for(session: Session, unit_text: str, start: date, office: str) -> Fund:
    unit = org_units.find_unit(session, unit_text)
    if unit is None or not unit.is_active:
        raise UserError(f"Không có đơn vị “{unit_text}”.")
    if unit.kind != UnitKind.GRASSROOTS:
        raise UserError(f"{unit.name} không phải công đoàn cơ sở.")
    fund = session.scalar(select(Fund).where(Fund.unit_id == unit.id))
    if fund is None:
        fund = fund_rules.create_fund(session, unit.id, start, office_code=office)
    return fund


def _import_row(session: Session, row: ParsedRow, first: dict[str, date], office: str) -> str:
    d = row.data
    unit_text = clean(d["unit"])
    amount, term, on = d["amount"], d["term"], d["disbursed_on"]
    repaid = d.get("repaid") or 0
    fund = _fund_for(session, unit_text, first.get(unit_text.upper(), on), office)
    name = clean(d["borrower"])
    people = session.scalars(select(Member).where(
        Member.unit_id == fund.unit_id, Member.name_folded == fold(name),
        Member.deleted_at.is_(None))).all()
    if not people:
        raise UserError(f"Không có đoàn viên “{name}” trong CĐCS của quỹ.")
    if len(people) > 1:
        raise UserError(f"Có {len(people)} đoàn viên tên “{name}” trong CĐCS; không biết là ai.")
    member = people[0]
    key = f"import:{fund.id}:{member.id}:{on.isoformat()}:{amount}"
    if session.scalar(select(FundEntry.id).where(FundEntry.source_key == key)) is not None:
        return "skipped"
    if on < fund.started_on:
        raise UserError(f"Ngày giải ngân {format_date(on)} trước ngày thành lập quỹ "
                        f"({format_date(fund.started_on)}).")
    if repaid > amount:
        raise UserError(f"Đã trả gốc {format_money(repaid)} lớn hơn số tiền vay "
                        f"{format_money(amount)}.")
    repaid_on = d.get("repaid_on") or on
    if repaid_on < on:
        raise UserError("Ngày trả trước ngày giải ngân.")
    loan = FundLoan(fund_id=fund.id, number=loans.next_number(session, office, on.year),
                    borrower_id=member.id, purpose=clean(d.get("purpose") or "")[:500],
                    amount=amount, term_months=term, rate_bp=fund.rate_bp, status="disbursed",
                    applied_on=on, decided_on=on, disbursed_on=on,
                    note=f"Nhập từ bảng tính, dòng {row.number}")
    session.add(loan)
    session.flush()
    ledger.post(session, fund, on, "import",
                [ledger.Line("loans", amount, member.id, loan.id), ledger.Line("equity", -amount)],
                memo=f"Số dư chuyển sang: khoản vay {loan.number} của {member.full_name}",
                member_id=member.id, loan_id=loan.id, source_key=key)
    try:
        schedule = make_schedule(amount, term, on, rate_bp=fund.rate_bp, rounding=fund.rounding)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    for line in schedule:
        session.add(FundInstalment(loan_id=loan.id, seq=line.seq, due_on=line.due_on,
                                   principal=line.principal, fee=line.fee))
    session.flush()
    if repaid:
        loans.repay(session, loan, repaid, repaid_on,
                    memo=f"Gốc đã trả trước khi nhập sổ: khoản vay {loan.number}")
    return "added"
