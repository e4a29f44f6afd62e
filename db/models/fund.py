"""Mutual-aid fund ledger (Quỹ tương hỗ Công đoàn): funds and their settings, a double-entry
journal (entries and postings, immutable once posted), loans with their schedules, and cash
counts. Money is integer đồng. Balances and loan states are never stored: core.fund computes
them from the postings. The triggers that guard the journal are in migration 0007
(:data:`FUND_TRIGGERS` below holds their SQL, shared with the migration and ``fund check``).
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import text

from db.models.base import Base, SyncedMixin

# Accounts of every fund (code → Vietnamese name). Debits are positive, credits negative.
ACCOUNTS = {
    "cash": "Tiền mặt",
    "bank": "Tiền gửi ngân hàng",
    "loans": "Cho vay đoàn viên",
    "contrib": "Vốn góp của đoàn viên",
    "fee": "Thu phí/lãi",
    "credit": "Tiền trả thừa của đoàn viên",
    "writeoff": "Xóa nợ",
    "discrepancy": "Chênh lệch kiểm kê",
    "equity": "Vốn quỹ",
}


class Fund(SyncedMixin, Base):
    """One CĐCS's mutual-aid fund and its rules (every limit is a setting)."""

    __tablename__ = "fund"
    __sync_owner__ = "origin"

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"), unique=True)
    code: Mapped[str] = mapped_column(String(48), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    started_on: Mapped[date] = mapped_column(Date)
    guidance: Mapped[str] = mapped_column(String(255), default="")
    ceiling: Mapped[int] = mapped_column(Integer)  # largest loan, đồng
    max_term_months: Mapped[int] = mapped_column(Integer)
    rate_bp: Mapped[int] = mapped_column(Integer, default=0)  # yearly fee/interest, 1/100 %
    rounding: Mapped[int] = mapped_column(Integer, default=1000)  # instalments multiple
    grace_days: Mapped[int] = mapped_column(Integer, default=0)
    buckets: Mapped[str] = mapped_column(String(64), default="30,90")  # upper bounds, days
    allocation: Mapped[str] = mapped_column(String(16), default="fee_first")  # | principal_first
    allow_second_loan: Mapped[bool] = mapped_column(Boolean, default=False)
    locked_through: Mapped[date | None] = mapped_column(Date, default=None)


class FundLoan(SyncedMixin, Base):
    """A loan from application to its end. ``status`` is the decision taken
    (applied, approved, rejected, withdrawn, disbursed, written_off, rescheduled); whether a
    disbursed loan is repaid is computed from the journal, never stored."""

    __tablename__ = "fund_loan"
    __sync_owner__ = "origin"
    __table_args__ = (Index("ix_fund_loan_fund_status", "fund_id", "status"),)

    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fund.id"))
    number: Mapped[str] = mapped_column(String(48), unique=True)
    borrower_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("member.id"), index=True)
    guarantor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("member.id"), default=None)
    purpose: Mapped[str] = mapped_column(String(500), default="")
    amount: Mapped[int] = mapped_column(Integer)
    term_months: Mapped[int] = mapped_column(Integer)
    rate_bp: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="applied")
    applied_on: Mapped[date] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date, default=None)
    disbursed_on: Mapped[date | None] = mapped_column(Date, default=None)
    ended_on: Mapped[date | None] = mapped_column(Date, default=None)
    note: Mapped[str] = mapped_column(String(500), default="")
    rescheduled_from_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("fund_loan.id"), default=None)


class FundInstalment(SyncedMixin, Base):
    """One line of a loan's schedule, made at disbursement and never rewritten."""

    __tablename__ = "fund_instalment"
    __sync_owner__ = "origin"
    __table_args__ = (
        UniqueConstraint("loan_id", "seq"),
        # covering: the schedules of many loans are read from the index alone (migration 0011)
        Index("ix_fund_instalment_schedule", "loan_id", "seq", "due_on", "principal", "fee"),
    )

    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fund_loan.id"))
    seq: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date)
    principal: Mapped[int] = mapped_column(Integer)
    fee: Mapped[int] = mapped_column(Integer, default=0)


class FundEntry(SyncedMixin, Base):
    """A journal entry: written as ``draft`` with its postings, then flipped to ``posted``
    (a trigger checks that the postings sum to zero and the date is not locked); a posted
    entry is never changed or deleted. A correction is a reversing entry
    (``reverses_id``, unique: at most one reversal per entry, with a reason)."""

    __tablename__ = "fund_entry"
    __sync_owner__ = "origin"
    __table_args__ = (
        UniqueConstraint("fund_id", "voucher_kind", "year", "voucher_no"),
        Index("ix_fund_entry_fund_on", "fund_id", "on"),
        Index("ix_fund_entry_loan", "loan_id"),
        # the entries not posted (none in a sound journal): what every sum leaves out
        Index("ix_fund_entry_unposted", "id", sqlite_where=text("status != 'posted'")),
    )

    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fund.id"))
    on: Mapped[date] = mapped_column(Date)
    year: Mapped[int] = mapped_column(Integer)
    voucher_kind: Mapped[str] = mapped_column(String(4))  # PT thu, PC chi, KT other
    voucher_no: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    memo: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(8), default="draft")
    member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("member.id"), default=None)
    loan_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("fund_loan.id"), default=None)
    reverses_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("fund_entry.id"), unique=True, default=None)
    reason: Mapped[str] = mapped_column(String(500), default="")
    allocation: Mapped[str] = mapped_column(Text, default="")  # JSON: how a repayment was applied
    source_key: Mapped[str | None] = mapped_column(String(128), unique=True, default=None)


class FundPosting(SyncedMixin, Base):
    """One line of an entry: ``amount`` đồng to ``account`` (debit > 0, credit < 0), with the
    member or loan it concerns. Fund and date repeat the entry's (a trigger checks) so a fund
    book or a balance is one indexed sum."""

    __tablename__ = "fund_posting"
    __sync_owner__ = "origin"
    __table_args__ = (
        # covering: a book or a balance reads the index alone (migration 0011)
        Index("ix_fund_posting_book", "fund_id", "account", "on", "entry_id", "amount"),
        Index("ix_fund_posting_loan", "loan_id", "account", "on", "amount", "entry_id"),
        Index("ix_fund_posting_member", "member_id", "account"),
        Index("ix_fund_posting_entry", "entry_id"),
    )

    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fund_entry.id"))
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fund.id"))
    on: Mapped[date] = mapped_column(Date)
    account: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)
    member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("member.id"), default=None)
    loan_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("fund_loan.id"), default=None)


class FundCashCount(SyncedMixin, Base):
    """"Counted X đồng on date D": the book balance then, and the entry that posted the
    difference to the discrepancy account (none when they agree). Never changed."""

    __tablename__ = "fund_cash_count"
    __sync_owner__ = "origin"

    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fund.id"), index=True)
    on: Mapped[date] = mapped_column(Date)
    account: Mapped[str] = mapped_column(String(16), default="cash")
    counted: Mapped[int] = mapped_column(Integer)
    book: Mapped[int] = mapped_column(Integer)
    entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("fund_entry.id"), default=None)
    note: Mapped[str] = mapped_column(String(500), default="")


def _refuse(message: str) -> str:
    return f"SELECT RAISE(ABORT, '{message}')"


# Rows arriving from another office (core.sync, while sync_applying holds a row) come in their
# final state: the triggers that would refuse that let them pass (migration 0009), and the
# import checks the journal's balance once the package is applied.
_APPLYING = "NOT EXISTS (SELECT 1 FROM sync_applying)"

# name → CREATE TRIGGER statement. Messages start with "fund:" so db/faults and core.fund can
# recognise them; core.fund words them in Vietnamese.
FUND_TRIGGERS: dict[str, str] = {
    "fund_entry_insert_draft": f"""
CREATE TRIGGER fund_entry_insert_draft BEFORE INSERT ON fund_entry
WHEN NEW.status != 'draft' AND {_APPLYING}
BEGIN {_refuse("fund: an entry is written as draft, then posted")}; END""",
    "fund_entry_posted_frozen": f"""
CREATE TRIGGER fund_entry_posted_frozen BEFORE UPDATE ON fund_entry
WHEN OLD.status = 'posted' AND {_APPLYING}
BEGIN {_refuse("fund: a posted entry cannot be changed")}; END""",
    "fund_entry_posted_kept": f"""
CREATE TRIGGER fund_entry_posted_kept BEFORE DELETE ON fund_entry
WHEN OLD.status = 'posted'
BEGIN {_refuse("fund: a posted entry cannot be deleted")}; END""",
    "fund_entry_post_balanced": f"""
CREATE TRIGGER fund_entry_post_balanced BEFORE UPDATE OF status ON fund_entry
WHEN NEW.status = 'posted' AND (
  (SELECT COUNT(*) FROM fund_posting WHERE entry_id = NEW.id) < 2
  OR (SELECT COALESCE(SUM(amount), 0) FROM fund_posting WHERE entry_id = NEW.id) != 0)
BEGIN {_refuse("fund: the postings of an entry must sum to zero")}; END""",
    "fund_entry_post_unlocked": f"""
CREATE TRIGGER fund_entry_post_unlocked BEFORE UPDATE OF status ON fund_entry
WHEN NEW.status = 'posted' AND NEW."on" <= COALESCE(
  (SELECT locked_through FROM fund WHERE id = NEW.fund_id), '0000-00-00')
BEGIN {_refuse("fund: the period is locked")}; END""",
    "fund_posting_insert_open": f"""
CREATE TRIGGER fund_posting_insert_open BEFORE INSERT ON fund_posting
WHEN NOT EXISTS (SELECT 1 FROM fund_entry e WHERE e.id = NEW.entry_id AND e.status = 'draft'
                 AND e.fund_id = NEW.fund_id AND e."on" = NEW."on") AND {_APPLYING}
BEGIN {_refuse("fund: a posting belongs to a draft entry of the same fund and date")}; END""",
    "fund_posting_frozen": f"""
CREATE TRIGGER fund_posting_frozen BEFORE UPDATE ON fund_posting
WHEN ((SELECT status FROM fund_entry WHERE id = OLD.entry_id) = 'posted'
  OR (SELECT status FROM fund_entry WHERE id = NEW.entry_id) = 'posted') AND {_APPLYING}
BEGIN {_refuse("fund: a posted posting cannot be changed")}; END""",
    "fund_posting_kept": f"""
CREATE TRIGGER fund_posting_kept BEFORE DELETE ON fund_posting
WHEN (SELECT status FROM fund_entry WHERE id = OLD.entry_id) = 'posted'
BEGIN {_refuse("fund: a posted posting cannot be deleted")}; END""",
    "fund_lock_forward": f"""
CREATE TRIGGER fund_lock_forward BEFORE UPDATE OF locked_through ON fund
WHEN OLD.locked_through IS NOT NULL
 AND (NEW.locked_through IS NULL OR NEW.locked_through < OLD.locked_through)
BEGIN {_refuse("fund: a closed period cannot be reopened")}; END""",
    "fund_instalment_frozen": f"""
CREATE TRIGGER fund_instalment_frozen BEFORE UPDATE ON fund_instalment
WHEN {_APPLYING}
BEGIN {_refuse("fund: a schedule is never rewritten")}; END""",
    "fund_instalment_kept": f"""
CREATE TRIGGER fund_instalment_kept BEFORE DELETE ON fund_instalment
BEGIN {_refuse("fund: a schedule is never rewritten")}; END""",
    "fund_cash_count_frozen": f"""
CREATE TRIGGER fund_cash_count_frozen BEFORE UPDATE ON fund_cash_count
WHEN {_APPLYING}
BEGIN {_refuse("fund: a cash count cannot be changed")}; END""",
    "fund_cash_count_kept": f"""
CREATE TRIGGER fund_cash_count_kept BEFORE DELETE ON fund_cash_count
BEGIN {_refuse("fund: a cash count cannot be deleted")}; END""",
}
