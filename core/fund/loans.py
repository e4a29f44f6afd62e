"""Loans (session level): application, eligibility rule by rule, decision, disbursement
with its schedule, repayments allocated in the fund's order, write-off, rescheduling, and
the state of any loan on any date computed from the schedule and the journal."""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, func, literal_column, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnClause

from core.common import limits
from core.common.errors import NotFound, UserError
from core.common.text import clean
from core.common.vnformat import format_date, format_money
from core.fund import ledger
from core.fund.schedule import (
    Allocation,
    Instalment,
    LoanState,
    allocate,
    loan_state,
    make_schedule,
    parse_buckets,
)
from db.models import Fund, FundInstalment, FundLoan, FundPosting, Member

STATUS_LABELS = {
    "applied": "Đã nộp đơn",
    "approved": "Đã duyệt",
    "rejected": "Không duyệt",
    "withdrawn": "Đã rút đơn",
    "disbursed": "Đang vay",
    "closed": "Đã trả hết",
    "written_off": "Đã xóa nợ",
    "rescheduled": "Đã cơ cấu lại",
}
OPEN_STATUSES = ("applied", "approved", "disbursed")


@dataclass(frozen=True)
class Rule:
    """One eligibility rule: its name, whether the loan meets it, and why."""

    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class LoanRequest:
    borrower_id: uuid.UUID
    amount: int
    term_months: int
    purpose: str = ""
    guarantor_id: uuid.UUID | None = None
    applied_on: date | None = None


def get_loan(session: Session, loan_id: uuid.UUID) -> FundLoan:
    loan = session.get(FundLoan, loan_id)
    if loan is None or loan.deleted_at is not None:
        raise NotFound("Không tìm thấy khoản vay.")
    return loan


def find_loan(session: Session, text: str) -> FundLoan:
    text = clean(text)
    loan = session.scalar(select(FundLoan).where(FundLoan.number == text.upper()))
    if loan is None:
        try:
            loan = session.get(FundLoan, uuid.UUID(text))
        except ValueError:
            loan = None
    if loan is None:
        raise NotFound(f"Không tìm thấy khoản vay “{text}”.")
    return loan


def open_loans_of(session: Session, fund: Fund, member_id: uuid.UUID, on: date,
                  exclude: uuid.UUID | None = None) -> list[FundLoan]:
    """The member's loans in this fund not yet ended: pending, or disbursed and not repaid."""
    loans = session.scalars(select(FundLoan).where(
        FundLoan.fund_id == fund.id, FundLoan.borrower_id == member_id,
        FundLoan.status.in_(OPEN_STATUSES), FundLoan.deleted_at.is_(None))).all()
    out = []
    for loan in loans:
        if loan.id == exclude:
            continue
        if loan.status == "disbursed" and states(session, [loan.id], max(on, loan.disbursed_on or on))[loan.id].closed:
            continue
        out.append(loan)
    return out


def eligibility(session: Session, fund: Fund, request: LoanRequest, *,
                exclude: uuid.UUID | None = None) -> list[Rule]:
    """The fund's rules, one by one, for this request."""
    on = request.applied_on or date.today()
    rules: list[Rule] = []
    member = session.get(Member, request.borrower_id)
    in_unit = member is not None and member.deleted_at is None and member.unit_id == fund.unit_id
    rules.append(Rule("Đoàn viên của CĐCS", in_unit,
                      "Là đoàn viên của đơn vị có quỹ." if in_unit else
                      "Người vay không phải đoàn viên (còn sinh hoạt) của đơn vị có quỹ."))
    amount, term = request.amount, request.term_months
    good_amount = isinstance(amount, int) and not isinstance(amount, bool) and 0 < amount <= fund.ceiling
    rules.append(Rule("Mức vay", good_amount,
                      f"{format_money(amount) if isinstance(amount, int) else amount} đồng, "
                      f"mức tối đa {format_money(fund.ceiling)} đồng."))
    good_term = isinstance(term, int) and not isinstance(term, bool) and 1 <= term <= fund.max_term_months
    rules.append(Rule("Thời hạn vay", good_term,
                      f"{term} tháng, tối đa {fund.max_term_months} tháng."))
    others = open_loans_of(session, fund, request.borrower_id, on, exclude) if member else []
    one_loan = fund.allow_second_loan or not others
    rules.append(Rule("Một khoản vay mỗi đoàn viên", one_loan,
                      "Không có khoản vay nào chưa tất toán." if not others else
                      (f"Đang có {len(others)} khoản vay chưa tất toán"
                       + ("; quỹ cho phép vay thêm." if fund.allow_second_loan else "."))))
    if request.guarantor_id is not None:
        g = session.get(Member, request.guarantor_id)
        good_g = g is not None and g.deleted_at is None and g.id != request.borrower_id
        rules.append(Rule("Người bảo lãnh", good_g,
                          f"{g.full_name}." if good_g and g else
                          "Người bảo lãnh phải là một đoàn viên khác người vay."))
    if on < fund.started_on:
        rules.append(Rule("Ngày nộp đơn", False, "Trước ngày thành lập quỹ."))
    return rules


def _explain(rules: list[Rule]) -> str:
    """"Chưa đủ điều kiện vay: Mức vay: …; Một khoản vay …: …." — each rule's own full stop
    dropped before the joiner, one at the end."""
    return "Chưa đủ điều kiện vay: " + "; ".join(
        f"{r.name}: {r.detail.rstrip('. ')}" for r in rules if not r.ok) + "."


def next_number(session: Session, office: str, year: int) -> str:
    prefix = f"{office}-VV-{year}-"
    last = session.scalar(select(func.max(FundLoan.number)).where(FundLoan.number.like(prefix + "%")))
    n = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{n:05d}"


def apply(session: Session, fund: Fund, request: LoanRequest) -> FundLoan:
    """Record an application; refused (rule by rule) when it does not meet the fund's rules."""
    on = request.applied_on or date.today()
    rules = eligibility(session, fund, request)
    if not all(r.ok for r in rules):
        raise UserError(_explain(rules))
    purpose = limits.check("Mục đích vay", clean(request.purpose), 500)
    loan = FundLoan(fund_id=fund.id, number=next_number(session, session.info.get("office_code", ""), on.year),
                    borrower_id=request.borrower_id, guarantor_id=request.guarantor_id,
                    purpose=purpose, amount=request.amount, term_months=request.term_months,
                    rate_bp=fund.rate_bp, status="applied", applied_on=on)
    session.add(loan)
    session.flush()
    return loan


def _request_of(loan: FundLoan, on: date) -> LoanRequest:
    return LoanRequest(loan.borrower_id, loan.amount, loan.term_months, loan.purpose,
                       loan.guarantor_id, on)


def decide(session: Session, loan: FundLoan, decision: str, on: date, note: str = "") -> None:
    """approve | reject | withdraw an application."""
    if loan.status not in ("applied", "approved") or (loan.status == "approved" and decision == "approve"):
        raise UserError(f"Khoản vay {loan.number} đang ở trạng thái “{STATUS_LABELS[loan.status]}”.")
    if on < loan.applied_on:
        raise UserError("Ngày quyết định trước ngày nộp đơn.")
    fund = session.get(Fund, loan.fund_id)
    assert fund is not None
    if decision == "approve":
        rules = eligibility(session, fund, _request_of(loan, on), exclude=loan.id)
        if not all(r.ok for r in rules):
            raise UserError(_explain(rules))
        loan.status = "approved"
    elif decision == "reject":
        loan.status = "rejected"
    elif decision == "withdraw":
        loan.status = "withdrawn"
    else:
        raise UserError(f"Quyết định không hợp lệ: {decision}.")
    loan.decided_on = on
    if note:
        loan.note = limits.check("Ghi chú", clean(note), 500)
    session.flush()


def preview_schedule(fund: Fund, amount: int, term_months: int, on: date) -> list[Instalment]:
    return make_schedule(amount, term_months, on, rate_bp=fund.rate_bp, rounding=fund.rounding)


def disburse(session: Session, loan: FundLoan, on: date, *, via: str = "cash") -> ledger.FundEntry:
    """Pay an approved loan out: its schedule is made now and never rewritten."""
    if loan.status != "approved":
        raise UserError(f"Chỉ giải ngân khoản vay đã duyệt ({loan.number}: "
                        f"{STATUS_LABELS[loan.status]}).")
    if on < (loan.decided_on or loan.applied_on):
        raise UserError("Ngày giải ngân trước ngày duyệt.")
    fund = session.get(Fund, loan.fund_id)
    assert fund is not None
    available = ledger.balance(session, fund.id, via, through=on)
    if available < loan.amount:
        raise UserError(f"Quỹ chỉ còn {format_money(available)} đồng "
                        f"{'tiền mặt' if via == 'cash' else 'tiền gửi'}; không đủ giải ngân "
                        f"{format_money(loan.amount)} đồng.")
    member = session.get(Member, loan.borrower_id)
    entry = ledger.post(session, fund, on, "disbursement",
                        [ledger.Line("loans", loan.amount, loan.borrower_id, loan.id),
                         ledger.Line(via, -loan.amount)],
                        memo=f"Giải ngân khoản vay {loan.number} cho {member.full_name if member else ''}",
                        member_id=loan.borrower_id, loan_id=loan.id)
    for line in make_schedule(loan.amount, loan.term_months, on, rate_bp=loan.rate_bp,
                              rounding=fund.rounding):
        session.add(FundInstalment(loan_id=loan.id, seq=line.seq, due_on=line.due_on,
                                   principal=line.principal, fee=line.fee))
    loan.status, loan.disbursed_on = "disbursed", on
    session.flush()
    return entry


def schedule_of(session: Session, loan_id: uuid.UUID) -> list[Instalment]:
    rows = session.execute(select(FundInstalment.seq, FundInstalment.due_on, FundInstalment.principal,
                                  FundInstalment.fee).where(FundInstalment.loan_id == loan_id)
                           .order_by(FundInstalment.seq))
    return [Instalment(*row) for row in rows]


def _hex(column):
    """A UUID column read as its stored 32-character text (no UUID object per row)."""
    return type_coerce(column, String)


def _among(column, hexes: list[str]):
    """``column IN`` the ids given by their hex, bound as one JSON array: one query however
    many loans (SQLite reads the array as a table and seeks the index once per id)."""
    value: ColumnClause[str] = literal_column("value")
    ids = select(value).select_from(func.json_each(json.dumps(hexes)))
    return _hex(column).in_(ids.scalar_subquery())


class _Dates(dict):
    """ISO text → date, each distinct day parsed once (a schedule repeats the same days)."""

    def __missing__(self, text: str) -> date:
        day = self[text] = date.fromisoformat(text)
        return day


def _sums(session: Session, hexes: list[str], as_of: date) -> dict[str, dict[str, int]]:
    """Per loan (by the hex of its id), up to ``as_of``: money received (repayments less
    their reversals), principal written off, and the loans account's balance. One grouped
    query, read from the covering index ix_fund_posting_loan."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: {"received": 0, "writeoff": 0, "loans": 0})
    q = (select(_hex(FundPosting.loan_id), FundPosting.account, func.sum(FundPosting.amount))
         .where(_among(FundPosting.loan_id, hexes),
                FundPosting.account.in_(["bank", "cash", "loans", "writeoff"]),
                FundPosting.on <= as_of, ledger.posted_only())
         .group_by(FundPosting.loan_id, FundPosting.account))
    for loan_hex, account, total in session.connection().execute(q).all():
        if loan_hex is None:
            continue
        key = "received" if account in ("cash", "bank") else account
        out[loan_hex][key] += int(total)
    return out


def states(session: Session, loan_ids: list[uuid.UUID], as_of: date) -> dict[uuid.UUID, LoanState]:
    """The state on ``as_of`` of disbursed loans (others are left out).

    Computed from each schedule and the posted entries dated up to ``as_of`` (a reversal nets
    its entry out): the money received is applied to the schedule in the fund's order as one
    total, so the state does not depend on the order the repayments were typed in. (Each
    repayment's own split, kept on its entry, is made the same way from everything received
    before it; a repayment typed with an earlier date than one already posted keeps the
    split it was given.) Principal moved to a new loan by rescheduling counts as settled.

    Three queries however many loans (the loans, their schedules, their sums per account),
    the last two answered from covering indexes; the rest is arithmetic in memory."""
    given = {loan_id.hex: loan_id for loan_id in loan_ids}
    if not given:
        return {}
    hexes = list(given)
    dates = _Dates()
    loans = {}
    conn = session.connection()  # Core rows: no ORM loading step for plain columns
    for row in conn.execute(select(_hex(FundLoan.id).label("key"), FundLoan.amount,
                                   _hex(FundLoan.fund_id).label("fund"),
                                   _hex(FundLoan.disbursed_on).label("disbursed_on"),
                                   FundLoan.status)
                            .where(_among(FundLoan.id, hexes))).all():
        if row.disbursed_on is not None and dates[row.disbursed_on] <= as_of:
            loans[row.key] = row
    if not loans:
        return {}
    hexes = list(loans)
    schedules: dict[str, list[Instalment]] = defaultdict(list)
    q = (select(_hex(FundInstalment.loan_id), FundInstalment.seq, _hex(FundInstalment.due_on),
                FundInstalment.principal, FundInstalment.fee)
         .where(_among(FundInstalment.loan_id, hexes))
         .order_by(FundInstalment.loan_id, FundInstalment.seq))
    for loan_hex, seq, due_on, principal, fee in conn.execute(q).all():
        schedules[loan_hex].append(Instalment(seq, dates[due_on], principal, fee))
    funds = {f.id.hex: f for f in session.scalars(select(Fund).where(
        Fund.id.in_([uuid.UUID(key) for key in {row.fund for row in loans.values()}])))}
    bounds = {key: parse_buckets(f.buckets) for key, f in funds.items()}
    sums = _sums(session, hexes, as_of)
    out = {}
    for loan_hex, row in loans.items():
        fund = funds[row.fund]
        s = sums[loan_hex]
        schedule = schedules[loan_hex]
        received = max(0, s["received"])
        split = (allocate(schedule, 0, 0, received, fund.allocation) if received
                 else Allocation(0, 0, 0, ()))
        settled = s["writeoff"]
        if row.status == "rescheduled":  # what the loans account lost beyond repayments
            settled = row.amount - split.principal - s["loans"]
        settled = max(0, min(settled, row.amount - split.principal))
        out[given[loan_hex]] = loan_state(
            schedule, as_of, principal_paid=split.principal, fee_paid=split.fee,
            written_off=settled, credit=split.credit, bounds=bounds[row.fund],
            grace_days=fund.grace_days)
    return out


def state(session: Session, loan: FundLoan, as_of: date) -> LoanState | None:
    return states(session, [loan.id], as_of).get(loan.id)


def plan_repayment(session: Session, loan: FundLoan, amount: int, on: date) -> Allocation:
    """How ``amount`` paid on ``on`` would be applied (shown before posting)."""
    if loan.status != "disbursed":
        raise UserError(f"Khoản vay {loan.number} không ở trạng thái đang vay.")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise UserError("Số tiền trả phải là số nguyên đồng lớn hơn 0.")
    if loan.disbursed_on is None or on < loan.disbursed_on:
        raise UserError("Ngày trả nợ trước ngày giải ngân.")
    fund = session.get(Fund, loan.fund_id)
    assert fund is not None
    now = states(session, [loan.id], date.max)[loan.id]  # every repayment so far, any date
    return allocate(schedule_of(session, loan.id), now.principal_paid, now.fee_paid, amount,
                    fund.allocation)


def repay(session: Session, loan: FundLoan, amount: int, on: date, *, via: str = "cash",
          memo: str = "", source_key: str | None = None) -> ledger.FundEntry:
    """Post a repayment, allocated in the fund's order; the allocation is kept on the entry
    and anything beyond the whole debt is held as the borrower's credit."""
    plan = plan_repayment(session, loan, amount, on)
    fund = session.get(Fund, loan.fund_id)
    assert fund is not None
    member = session.get(Member, loan.borrower_id)
    lines = [ledger.Line(via, amount, loan.borrower_id, loan.id),
             ledger.Line("loans", -plan.principal, loan.borrower_id, loan.id),
             ledger.Line("fee", -plan.fee, loan.borrower_id, loan.id),
             ledger.Line("credit", -plan.credit, loan.borrower_id, loan.id)]
    return ledger.post(session, fund, on, "repayment", lines,
                       memo=memo or f"{member.full_name if member else ''} trả nợ khoản vay {loan.number}",
                       member_id=loan.borrower_id, loan_id=loan.id, allocation=plan.as_json(),
                       source_key=source_key)


def refund_credit(session: Session, loan: FundLoan, on: date, amount: int | None = None, *,
                  via: str = "cash") -> ledger.FundEntry:
    """Pay the borrower back what they overpaid on this loan (all of it by default) with a
    phiếu chi: credit +X (the fund owes less), cash −X."""
    if loan.disbursed_on is None or on < loan.disbursed_on:
        raise UserError("Ngày hoàn trả trước ngày giải ngân.")
    now, ever = state(session, loan, on), state(session, loan, date.max)
    credit = min(now.credit if now else 0, ever.credit if ever else 0)
    if credit <= 0:
        raise UserError(f"Khoản vay {loan.number} không có tiền trả thừa đến ngày {format_date(on)}.")
    amount = credit if amount is None else amount
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise UserError("Số tiền hoàn trả phải là số nguyên đồng lớn hơn 0.")
    if amount > credit:
        raise UserError(f"Chỉ có {format_money(credit)} đồng trả thừa; không hoàn trả "
                        f"{format_money(amount)} đồng được.")
    fund = session.get(Fund, loan.fund_id)
    assert fund is not None
    available = ledger.balance(session, fund.id, via, through=on)
    if available < amount:
        raise UserError(f"Quỹ chỉ còn {format_money(available)} đồng; không đủ hoàn trả "
                        f"{format_money(amount)} đồng.")
    member = session.get(Member, loan.borrower_id)
    return ledger.post(session, fund, on, "credit_refund",
                       [ledger.Line("credit", amount, loan.borrower_id, loan.id),
                        ledger.Line(via, -amount, loan.borrower_id, loan.id)],
                       memo=f"Hoàn trả tiền trả thừa khoản vay {loan.number} cho "
                            f"{member.full_name if member else ''}",
                       member_id=loan.borrower_id, loan_id=loan.id)


def write_off(session: Session, loan: FundLoan, on: date, reason: str) -> ledger.FundEntry:
    """Write the principal still owed off (with a reason); the loan is ended."""
    reason = clean(reason)
    if not reason:
        raise UserError("Phải ghi lý do xóa nợ.")
    now = state(session, loan, on)
    if loan.status != "disbursed" or now is None or now.outstanding <= 0:
        raise UserError(f"Khoản vay {loan.number} không còn dư nợ để xóa.")
    fund = session.get(Fund, loan.fund_id)
    assert fund is not None
    entry = ledger.post(session, fund, on, "writeoff",
                        [ledger.Line("writeoff", now.outstanding, loan.borrower_id, loan.id),
                         ledger.Line("loans", -now.outstanding, loan.borrower_id, loan.id)],
                        memo=f"Xóa nợ khoản vay {loan.number}", member_id=loan.borrower_id,
                        loan_id=loan.id, reason=reason)
    loan.status, loan.ended_on = "written_off", on
    loan.note = limits.check("Lý do", reason, 500)
    session.flush()
    return entry


def reschedule(session: Session, loan: FundLoan, on: date, term_months: int, reason: str
               ) -> FundLoan:
    """A new loan for what is still owed, linked to the old one; the old schedule stays."""
    reason = clean(reason)
    if not reason:
        raise UserError("Phải ghi lý do cơ cấu lại khoản vay.")
    now = state(session, loan, on)
    if loan.status != "disbursed" or now is None or now.outstanding <= 0:
        raise UserError(f"Khoản vay {loan.number} không còn dư nợ để cơ cấu lại.")
    fund = session.get(Fund, loan.fund_id)
    assert fund is not None
    if not 1 <= term_months <= fund.max_term_months:
        raise UserError(f"Thời hạn mới phải từ 1 đến {fund.max_term_months} tháng.")
    new = FundLoan(fund_id=fund.id, number=next_number(session, session.info.get("office_code", ""), on.year),
                   borrower_id=loan.borrower_id, guarantor_id=loan.guarantor_id,
                   purpose=loan.purpose, amount=now.outstanding, term_months=term_months,
                   rate_bp=loan.rate_bp, status="disbursed", applied_on=on, decided_on=on,
                   disbursed_on=on, note=limits.check("Lý do", reason, 500),
                   rescheduled_from_id=loan.id)
    session.add(new)
    session.flush()
    ledger.post(session, fund, on, "reschedule",
                [ledger.Line("loans", now.outstanding, loan.borrower_id, new.id),
                 ledger.Line("loans", -now.outstanding, loan.borrower_id, loan.id)],
                memo=f"Cơ cấu lại khoản vay {loan.number} thành {new.number}",
                member_id=loan.borrower_id, loan_id=new.id, reason=reason)
    for line in make_schedule(new.amount, term_months, on, rate_bp=new.rate_bp,
                              rounding=fund.rounding):
        session.add(FundInstalment(loan_id=new.id, seq=line.seq, due_on=line.due_on,
                                   principal=line.principal, fee=line.fee))
    loan.status, loan.ended_on = "rescheduled", on
    session.flush()
    return new
