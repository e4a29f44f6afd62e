"""The double-entry journal of the funds (session level; core.fund.ops wraps it for the
window). Money is integer đồng; a posting's amount is positive for a debit, negative for a
credit; every entry's postings sum to zero.

An entry is written as a draft with its postings and then flipped to ``posted``; the
database's triggers (migration 0007) refuse the flip when the postings do not balance or
the date is in a closed period, and refuse any later UPDATE or DELETE of the entry or its
postings. The checks here come first so that the user reads a Vietnamese reason; the
triggers make sure a hand-typed SQL statement cannot get round them.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnClause, ColumnElement

from core.common import limits
from core.common.errors import NotFound, UserError
from core.common.text import clean
from core.common.vnformat import format_date, format_money
from db.models import Fund, FundCashCount, FundEntry, FundPosting
from db.models.fund import ACCOUNTS, FUND_TRIGGERS

MONEY_ACCOUNTS = ("cash", "bank")
#: the order entries were written in (SQLite's rowid of fund_entry): within a day, the book
#: lists entries in this order
ENTRY_ORDER: ColumnClause[Any] = literal_column("fund_entry.rowid")

KIND_LABELS = {
    "capital": "Vốn ban đầu",
    "contribution": "Đóng góp",
    "refund": "Hoàn trả vốn góp",
    "disbursement": "Giải ngân",
    "repayment": "Thu nợ",
    "writeoff": "Xóa nợ",
    "reschedule": "Gia hạn/cơ cấu lại",
    "count": "Kiểm kê quỹ",
    "reversal": "Bút toán đảo",
    "import": "Số dư chuyển sang",
    "credit_refund": "Hoàn trả tiền thừa",
}
VOUCHER_LABELS = {"PT": "Phiếu thu", "PC": "Phiếu chi", "KT": "Chứng từ kế toán"}
# Messages of the triggers, in Vietnamese (a refusal that slipped past the checks in code).
_TRIGGER_WORDS = {
    "must sum to zero": "Bút toán không cân (tổng các dòng phải bằng 0).",
    "period is locked": "Kỳ kế toán đã khoá sổ; không ghi được vào ngày đó.",
    "cannot be changed": "Bút toán đã ghi sổ không được sửa; hãy lập bút toán đảo.",
    "cannot be deleted": "Bút toán đã ghi sổ không được xóa; hãy lập bút toán đảo.",
    "never rewritten": "Lịch trả nợ đã lập không được sửa.",
    "cannot be reopened": "Không mở lại kỳ đã khoá sổ.",
}


def trigger_message(exc: Exception) -> str | None:
    """The Vietnamese reason for a refusal by one of the fund's triggers, or None."""
    text = str(getattr(exc, "orig", exc))
    if "fund:" not in text:
        return None
    for key, words in _TRIGGER_WORDS.items():
        if key in text:
            return words
    return "Sổ quỹ từ chối thao tác này."


@dataclass(frozen=True)
class Line:
    account: str
    amount: int
    member_id: uuid.UUID | None = None
    loan_id: uuid.UUID | None = None


def _int(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise UserError(f"{what} phải là số nguyên đồng.")
    return value


def get_fund(session: Session, fund_id: uuid.UUID) -> Fund:
    fund = session.get(Fund, fund_id)
    if fund is None or fund.deleted_at is not None:
        raise NotFound("Không tìm thấy quỹ.")
    return fund


def check_open(fund: Fund, on: date) -> None:
    if fund.locked_through is not None and on <= fund.locked_through:
        raise UserError(f"Sổ quỹ {fund.name} đã khoá đến hết ngày {format_date(fund.locked_through)}; "
                        f"không ghi được bút toán ngày {format_date(on)}.")


def voucher_kind(lines: list[Line]) -> str:
    money = sum(line.amount for line in lines if line.account in MONEY_ACCOUNTS)
    return "PT" if money > 0 else "PC" if money < 0 else "KT"


def _next_voucher(session: Session, fund_id: uuid.UUID, kind: str, year: int) -> int:
    last = session.scalar(select(func.max(FundEntry.voucher_no)).where(
        FundEntry.fund_id == fund_id, FundEntry.voucher_kind == kind, FundEntry.year == year))
    return (last or 0) + 1


def post(session: Session, fund: Fund, on: date, kind: str, lines: list[Line], *,
         memo: str = "", member_id: uuid.UUID | None = None, loan_id: uuid.UUID | None = None,
         reverses_id: uuid.UUID | None = None, reason: str = "", allocation: dict | None = None,
         source_key: str | None = None, voucher: str | None = None) -> FundEntry:
    """Write and post one balanced entry; UserError (nothing written) when it cannot be.
    ``voucher``: the voucher series ("KT" for an accounting entry that is not a cash voucher,
    such as a reversal or a cash count's difference); by default PT, PC or KT from the money
    the entry moves."""
    if not isinstance(on, date):
        raise UserError("Ngày bút toán không hợp lệ.")
    if kind not in KIND_LABELS:
        raise UserError(f"Loại bút toán không hợp lệ: {kind}.")
    lines = [line for line in lines if _int(line.amount, "Số tiền") != 0]
    if len(lines) < 2:
        raise UserError("Bút toán phải có ít nhất hai dòng khác 0.")
    for line in lines:
        if line.account not in ACCOUNTS:
            raise UserError(f"Tài khoản không hợp lệ: {line.account}.")
    total = sum(line.amount for line in lines)
    if total != 0:
        raise UserError(f"Bút toán không cân: tổng các dòng là {format_money(total)} đồng, "
                        "phải bằng 0.")
    check_open(fund, on)
    memo = limits.check("Diễn giải", clean(memo), 500)
    reason = limits.check("Lý do", clean(reason), 500)
    vkind = voucher or voucher_kind(lines)
    entry = FundEntry(
        fund_id=fund.id, on=on, year=on.year, voucher_kind=vkind,
        voucher_no=_next_voucher(session, fund.id, vkind, on.year), kind=kind, memo=memo,
        status="draft", member_id=member_id, loan_id=loan_id, reverses_id=reverses_id,
        reason=reason, allocation=json.dumps(allocation, ensure_ascii=False) if allocation else "",
        source_key=source_key,
    )
    session.add(entry)
    try:
        session.flush()
        session.add_all(FundPosting(entry_id=entry.id, fund_id=fund.id, on=on,
                                    account=line.account, amount=line.amount,
                                    member_id=line.member_id, loan_id=line.loan_id)
                        for line in lines)
        session.flush()
        entry.status = "posted"
        session.flush()
    except IntegrityError as exc:
        words = trigger_message(exc)
        if words:
            raise UserError(words) from exc
        raise
    return entry


def get_entry(session: Session, entry_id: uuid.UUID) -> FundEntry:
    entry = session.get(FundEntry, entry_id)
    if entry is None or entry.status != "posted":
        raise NotFound("Không tìm thấy bút toán.")
    return entry


_VOUCHER = re.compile(r"(PT|PC|KT)-(\d{4})-(\d{1,6})", re.IGNORECASE)


def find_entry(session: Session, text: str, fund_id: uuid.UUID | None = None) -> FundEntry:
    """An entry by its id (the 32-hex "mã bút toán" shown by ``--json``) or by the number
    printed on its voucher ("PT-2026-0003"; vouchers are numbered per fund, so ``fund_id`` is
    needed when several funds have that number)."""
    text = text.strip()
    found = _VOUCHER.fullmatch(text)
    if found is None:
        try:
            return get_entry(session, uuid.UUID(text))
        except ValueError:
            raise NotFound(f"“{text}” không phải số phiếu (ví dụ PT-2026-0003) hay mã bút "
                           "toán.") from None
    kind, year, number = found.group(1).upper(), int(found.group(2)), int(found.group(3))
    q = select(FundEntry).where(FundEntry.voucher_kind == kind, FundEntry.year == year,
                                FundEntry.voucher_no == number, FundEntry.status == "posted")
    if fund_id is not None:
        q = q.where(FundEntry.fund_id == fund_id)
    entries = list(session.scalars(q.limit(2)))
    if not entries:
        raise NotFound(f"Không tìm thấy phiếu {text.upper()}.")
    if len(entries) > 1:
        raise UserError(f"Nhiều quỹ có phiếu {text.upper()}; hãy ghi thêm --fund (mã quỹ hoặc "
                        "mã CĐCS).")
    return entries[0]


def entry_lines(session: Session, entry_id: uuid.UUID) -> list[FundPosting]:
    return list(session.scalars(select(FundPosting).where(FundPosting.entry_id == entry_id)
                                .order_by(FundPosting.amount.desc())))


def reversal_of(session: Session, entry_id: uuid.UUID) -> FundEntry | None:
    return session.scalar(select(FundEntry).where(FundEntry.reverses_id == entry_id))


def reverse(session: Session, entry_id: uuid.UUID, reason: str, on: date | None = None
            ) -> FundEntry:
    """A reversing entry (every posting negated), dated ``on`` (default: the original's date,
    or today when that is in a closed period). Refused without a reason, for a reversal
    itself, or for an entry already reversed."""
    entry = get_entry(session, entry_id)
    reason = clean(reason)
    if not reason:
        raise UserError("Phải ghi lý do đảo bút toán.")
    if entry.reverses_id is not None:
        raise UserError("Đây là một bút toán đảo; không đảo lại được.")
    if reversal_of(session, entry.id) is not None:
        raise UserError("Bút toán này đã được đảo (mỗi bút toán chỉ đảo một lần).")
    if entry.kind in ("disbursement", "writeoff", "reschedule"):
        raise UserError(f"Không đảo được bút toán {KIND_LABELS[entry.kind].lower()} (khoản vay đã "
                        "có lịch trả nợ); hãy ghi thu hồi, xóa nợ hoặc cơ cấu lại khoản vay.")
    fund = get_fund(session, entry.fund_id)
    if on is None:
        on = entry.on
        if fund.locked_through is not None and on <= fund.locked_through:
            on = date.today()
    if on < entry.on:
        raise UserError("Ngày đảo không được trước ngày của bút toán gốc.")
    lines = [Line(p.account, -p.amount, p.member_id, p.loan_id)
             for p in entry_lines(session, entry.id)]
    label = f"{VOUCHER_LABELS[entry.voucher_kind]} {voucher_number(entry)}"
    # a reversal is an accounting entry (chứng từ kế toán) that names the voucher it reverses;
    # it takes no phiếu thu/chi number of its own
    return post(session, fund, on, "reversal", lines, memo=f"Đảo {label}: {reason}",
                member_id=entry.member_id, loan_id=entry.loan_id, reverses_id=entry.id,
                reason=reason, voucher="KT")


def voucher_number(entry: FundEntry) -> str:
    """``PT-2026-0003``: the voucher kind, year and number within the fund."""
    return f"{entry.voucher_kind}-{entry.year}-{entry.voucher_no:04d}"


def posted_only() -> ColumnElement[bool]:
    """Only the postings of posted entries. This office posts an entry in the transaction
    that writes it, but a draft can stay behind otherwise (another office's package lets its
    rows in as they are; a hand-typed statement): its postings count in no balance. Read
    from the partial index ix_fund_entry_unposted (empty in a sound journal), so the sums
    keep their covering indexes."""
    return FundPosting.entry_id.not_in(select(FundEntry.id).where(FundEntry.status != "posted"))


def balance(session: Session, fund_id: uuid.UUID, account: str, *, through: date | None = None,
            before: date | None = None, member_id: uuid.UUID | None = None,
            loan_id: uuid.UUID | None = None) -> int:
    """The sum of the posted postings of ``account`` (debit positive)."""
    q = select(func.coalesce(func.sum(FundPosting.amount), 0)).where(
        FundPosting.fund_id == fund_id, FundPosting.account == account, posted_only())
    if through is not None:
        q = q.where(FundPosting.on <= through)
    if before is not None:
        q = q.where(FundPosting.on < before)
    if member_id is not None:
        q = q.where(FundPosting.member_id == member_id)
    if loan_id is not None:
        q = q.where(FundPosting.loan_id == loan_id)
    return int(session.scalar(q) or 0)


def money_on_hand(session: Session, fund_id: uuid.UUID, through: date | None = None) -> int:
    return sum(balance(session, fund_id, a, through=through) for a in MONEY_ACCOUNTS)


def trial_balance(session: Session, fund_id: uuid.UUID | None = None) -> dict[str, int]:
    """Account → balance over the posted postings (of one fund, or all); the values sum to 0."""
    q = (select(FundPosting.account, func.sum(FundPosting.amount)).where(posted_only())
         .group_by(FundPosting.account))
    if fund_id is not None:
        q = q.where(FundPosting.fund_id == fund_id)
    return {account: int(total) for account, total in session.execute(q)}


def unbalanced_entries(session: Session) -> list[uuid.UUID]:
    q = (select(FundPosting.entry_id).group_by(FundPosting.entry_id)
         .having(func.sum(FundPosting.amount) != 0))
    return list(session.scalars(q))


def missing_triggers(session: Session) -> list[str]:
    rows = session.connection().exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fund_%'")
    names = {row[0] for row in rows}
    return [name for name in FUND_TRIGGERS if name not in names]


def lock_period(session: Session, fund: Fund, through: date) -> None:
    """Close the books of ``fund`` up to and including ``through``; never reopened."""
    if fund.locked_through is not None and through < fund.locked_through:
        raise UserError(f"Sổ đã khoá đến {format_date(fund.locked_through)}; không mở lại kỳ đã khoá.")
    fund.locked_through = through
    session.flush()


def count_cash(session: Session, fund: Fund, on: date, counted: int, *, account: str = "cash",
               note: str = "") -> FundCashCount:
    """Record "counted ``counted`` đồng on ``on``"; a difference from the book is posted to
    the discrepancy account by its own entry, never absorbed."""
    _int(counted, "Số tiền kiểm kê")
    if counted < 0:
        raise UserError("Số tiền kiểm kê không được âm.")
    if account not in MONEY_ACCOUNTS:
        raise UserError("Chỉ kiểm kê tiền mặt hoặc tiền gửi.")
    book = balance(session, fund.id, account, through=on)
    entry_id = None
    difference = counted - book
    if difference:
        word = "thừa" if difference > 0 else "thiếu"
        entry = post(session, fund, on, "count",
                     [Line(account, difference), Line("discrepancy", -difference)],
                     memo=f"Kiểm kê ngày {format_date(on)}: {word} {format_money(abs(difference))} đồng",
                     voucher="KT")  # no cash changed hands: not a phiếu thu/chi
        entry_id = entry.id
    row = FundCashCount(fund_id=fund.id, on=on, account=account, counted=counted, book=book,
                        entry_id=entry_id, note=limits.check("Ghi chú", clean(note), 500))
    session.add(row)
    session.flush()
    return row
