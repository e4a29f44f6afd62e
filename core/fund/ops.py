"""What the window (and the CLI) calls for the mutual-aid fund: functions taking the open
:class:`AppDatabase`, each one read or one transaction, plain frozen dataclasses in and out.
Mutations return :class:`Done` with ``Changes(fund=True)``."""

from __future__ import annotations

import json
import uuid
from array import array
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import case, func, literal_column, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnClause

from core.common.changes import Changes, Done
from core.common.database import AppDatabase
from core.common.errors import UserError
from core.common.lists import read_keys
from core.common.vnformat import format_money
from core.fund import funds as fund_rules
from core.fund import ledger
from core.fund import loans as loan_rules
from core.fund.funds import DEFAULT_SETTINGS, FundSettings
from core.fund.loans import LoanRequest, Rule
from core.fund.schedule import Allocation, Instalment, LoanState, bucket_labels, parse_buckets
from core.org import units as org_units
from db.models import Fund, FundEntry, FundInstalment, FundLoan, FundPosting, Member, Unit

FUND = Changes(fund=True)
__all__ = ["Allocation", "FundSettings", "Instalment", "LoanRequest", "LoanState", "Rule"]


@dataclass(frozen=True)
class FundInfo:
    id: uuid.UUID
    code: str
    name: str
    unit_id: uuid.UUID
    unit_code: str
    unit_name: str
    started_on: date
    settings: FundSettings
    locked_through: date | None
    money: int  # cash and bank
    outstanding: int  # loans receivable
    contributions: int
    loans_open: int


@dataclass(frozen=True)
class EntryInfo:
    id: uuid.UUID
    fund_id: uuid.UUID
    on: date
    voucher: str  # PT-2026-0003
    voucher_kind: str
    kind: str
    kind_label: str
    memo: str
    amount: int  # money in (+) or out (−), or the entry's size when no money moves
    member_name: str
    loan_number: str
    reversed: bool
    reverses: bool
    allocation: dict | None
    money: int = 0  # cash and bank moved: + in, − out, 0 when no money moves
    balance: int | None = None  # money on hand after this entry (the book's "Tồn")


@dataclass(frozen=True)
class LoanInfo:
    id: uuid.UUID
    fund_id: uuid.UUID
    number: str
    borrower_id: uuid.UUID
    borrower: str
    guarantor: str
    purpose: str
    amount: int
    term_months: int
    rate_bp: int
    status: str
    status_label: str
    applied_on: date
    disbursed_on: date | None
    state: LoanState | None
    key: int = 0
    #: the phiếu chi of the disbursement, when this info comes back from disbursing
    voucher: str = ""


@dataclass(frozen=True)
class MemberChoice:
    id: uuid.UUID
    name: str
    contributed: int


def _info(session: Session, fund: Fund) -> FundInfo:
    return _infos(session, [fund])[0]


def _infos(session: Session, funds: list[Fund]) -> list[FundInfo]:
    """FundInfo of each fund with a fixed number of queries however many funds: balances
    grouped per fund and account (as :func:`fund_totals`), the loans' states in one call."""
    if not funds:
        return []
    ids = [f.id for f in funds]
    units = {u.id: u for u in session.scalars(select(Unit).where(
        Unit.id.in_({f.unit_id for f in funds})))}
    held = account_balances(session, fund_ids=ids)
    disbursed: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for loan_id, fund_id in session.execute(select(FundLoan.id, FundLoan.fund_id).where(
            FundLoan.fund_id.in_(ids), FundLoan.status == "disbursed")):
        disbursed[fund_id].append(loan_id)
    today = date.today()
    as_of = {f.id: max(today, f.started_on) for f in funds}
    open_loans: dict[uuid.UUID, int] = defaultdict(int)
    for day in set(as_of.values()):  # today, unless a fund starts later
        loan_ids = [loan for f in funds if as_of[f.id] == day for loan in disbursed[f.id]]
        fund_of = {loan: f.id for f in funds if as_of[f.id] == day for loan in disbursed[f.id]}
        for loan_id, st in loan_rules.states(session, loan_ids, day).items():
            if not st.closed:
                open_loans[fund_of[loan_id]] += 1
    out = []
    for fund in funds:
        unit = units[fund.unit_id]
        bal = held.get(fund.id, {})
        out.append(FundInfo(
            fund.id, fund.code, fund.name, unit.id, unit.code, unit.name, fund.started_on,
            fund_rules.settings_of(fund), fund.locked_through,
            sum(bal.get(a, 0) for a in ledger.MONEY_ACCOUNTS), bal.get("loans", 0),
            -bal.get("contrib", 0), open_loans[fund.id]))
    return out


def _entry_info(session: Session, entry: FundEntry) -> EntryInfo:
    return _entry_infos(session, [entry])[0]


def _entry_infos(session: Session, entries: Sequence[FundEntry]) -> list[EntryInfo]:
    """EntryInfo of each entry with four grouped queries however many entries: the money
    each moves and its size, the members' names, the loans' numbers, which are reversed."""
    if not entries:
        return []
    ids = [e.id for e in entries]
    money_of = case((FundPosting.account.in_(list(ledger.MONEY_ACCOUNTS)), FundPosting.amount),
                    else_=0)
    size_of = case((FundPosting.amount > 0, FundPosting.amount), else_=0)
    moved = {entry_id: (int(money or 0), int(size or 0)) for entry_id, money, size in session.execute(
        select(FundPosting.entry_id, func.sum(money_of), func.sum(size_of))
        .where(FundPosting.entry_id.in_(ids)).group_by(FundPosting.entry_id))}
    member_ids = {e.member_id for e in entries if e.member_id}
    names = dict(session.execute(select(Member.id, Member.full_name)
                                 .where(Member.id.in_(member_ids))).all()) if member_ids else {}
    loan_ids = {e.loan_id for e in entries if e.loan_id}
    numbers = dict(session.execute(select(FundLoan.id, FundLoan.number)
                                   .where(FundLoan.id.in_(loan_ids))).all()) if loan_ids else {}
    reversed_ids = set(session.scalars(select(FundEntry.reverses_id)
                                       .where(FundEntry.reverses_id.in_(ids))))
    out = []
    for entry in entries:
        money, size = moved.get(entry.id, (0, 0))
        out.append(EntryInfo(
            entry.id, entry.fund_id, entry.on, ledger.voucher_number(entry), entry.voucher_kind,
            entry.kind, ledger.KIND_LABELS[entry.kind], entry.memo, money or size,
            names.get(entry.member_id, "") if entry.member_id else "",
            numbers.get(entry.loan_id, "") if entry.loan_id else "",
            entry.id in reversed_ids, entry.reverses_id is not None,
            json.loads(entry.allocation) if entry.allocation else None, money))
    return out


def _loan_info(session: Session, loan: FundLoan, as_of: date) -> LoanInfo:
    return _loan_infos(session, [(0, loan)], as_of)[0]


def _loan_infos(s: Session, keyed: Sequence[tuple[int, FundLoan]], as_of: date) -> list[LoanInfo]:
    """LoanInfo of each (list key, loan) with two queries however many loans: the loans'
    states on ``as_of`` and the borrowers' and guarantors' names. A disbursed loan whose
    state is closed is shown as closed."""
    if not keyed:
        return []
    loan_states = loan_rules.states(s, [loan.id for _, loan in keyed], as_of)
    names = dict(s.execute(select(Member.id, Member.full_name).where(Member.id.in_(
        {loan.borrower_id for _, loan in keyed} |
        {loan.guarantor_id for _, loan in keyed if loan.guarantor_id}))).all())
    out = []
    for k, loan in keyed:
        state = loan_states.get(loan.id)
        status = "closed" if loan.status == "disbursed" and state and state.closed else loan.status
        out.append(LoanInfo(loan.id, loan.fund_id, loan.number, loan.borrower_id,
                            names.get(loan.borrower_id, ""),
                            names.get(loan.guarantor_id, "") if loan.guarantor_id else "",
                            loan.purpose, loan.amount, loan.term_months, loan.rate_bp, status,
                            loan_rules.STATUS_LABELS[status], loan.applied_on, loan.disbursed_on,
                            state, k))
    return out


# ---- funds ------------------------------------------------------------------------------------

def list_funds(db: AppDatabase) -> list[FundInfo]:
    with db.reading() as s:
        rows = s.scalars(select(Fund).join(Unit, Unit.id == Fund.unit_id)
                         .where(Fund.deleted_at.is_(None)).order_by(Unit.name_folded)).all()
        return _infos(s, list(rows))


def get_fund(db: AppDatabase, fund_id: uuid.UUID) -> FundInfo:
    with db.reading() as s:
        return _info(s, ledger.get_fund(s, fund_id))


def find_fund(db: AppDatabase, text: str) -> FundInfo:
    with db.reading() as s:
        return _info(s, fund_rules.find_fund(s, text))


def units_without_fund(db: AppDatabase) -> list[tuple[uuid.UUID, str, str]]:
    """CĐCS that keep no fund here yet: (id, code, name)."""
    with db.reading() as s:
        have = select(Fund.unit_id)
        rows = s.execute(select(Unit.id, Unit.code, Unit.name).where(
            Unit.kind == "grassroots", Unit.merged_into_id.is_(None), Unit.deleted_at.is_(None),
            Unit.id.not_in(have)).order_by(Unit.name_folded)).all()
        return [(r.id, r.code, r.name) for r in rows]


def create_fund(db: AppDatabase, unit: str | uuid.UUID, started_on: date,
                settings: FundSettings = DEFAULT_SETTINGS, *, capital: int = 0, name: str = ""
                ) -> Done[FundInfo]:
    with db.transaction() as s:
        if isinstance(unit, uuid.UUID):
            unit_id = unit
        else:
            found = org_units.find_unit(s, unit)
            if found is None:
                raise UserError(f"Không tìm thấy đơn vị “{unit}”.")
            unit_id = found.id
        fund = fund_rules.create_fund(s, unit_id, started_on, settings, name=name, capital=capital,
                                      office_code=db.office_code)
        return Done(_info(s, fund), FUND)


def update_settings(db: AppDatabase, fund_id: uuid.UUID, settings: FundSettings) -> Done[FundInfo]:
    with db.transaction() as s:
        fund = ledger.get_fund(s, fund_id)
        fund_rules.update_settings(s, fund, settings)
        return Done(_info(s, fund), FUND)


def lock_period(db: AppDatabase, fund_id: uuid.UUID, through: date) -> Done[FundInfo]:
    with db.transaction() as s:
        fund = ledger.get_fund(s, fund_id)
        ledger.lock_period(s, fund, through)
        return Done(_info(s, fund), FUND)


def members(db: AppDatabase, fund_id: uuid.UUID) -> list[MemberChoice]:
    """The CĐCS's members with what each has contributed."""
    with db.reading() as s:
        fund = ledger.get_fund(s, fund_id)
        held = dict(s.execute(select(FundPosting.member_id, func.sum(FundPosting.amount)).where(
            FundPosting.fund_id == fund.id, FundPosting.account == "contrib", ledger.posted_only())
            .group_by(FundPosting.member_id)).all())
        rows = s.execute(select(Member.id, Member.full_name).where(
            Member.unit_id == fund.unit_id, Member.deleted_at.is_(None)).order_by(Member.sort_key))
        return [MemberChoice(r.id, r.full_name, -int(held.get(r.id) or 0)) for r in rows]


# ---- the journal ------------------------------------------------------------------------------

def contribute(db: AppDatabase, fund_id: uuid.UUID, member_id: uuid.UUID, amount: int, on: date,
               *, via: str = "cash", memo: str = "") -> Done[EntryInfo]:
    with db.transaction() as s:
        entry = fund_rules.contribute(s, ledger.get_fund(s, fund_id), member_id, amount, on,
                                      via=via, memo=memo)
        return Done(_entry_info(s, entry), FUND)


def refund(db: AppDatabase, fund_id: uuid.UUID, member_id: uuid.UUID, on: date,
           amount: int | None = None) -> Done[EntryInfo]:
    with db.transaction() as s:
        entry = fund_rules.refund(s, ledger.get_fund(s, fund_id), member_id, on, amount)
        return Done(_entry_info(s, entry), FUND)


def add_capital(db: AppDatabase, fund_id: uuid.UUID, amount: int, on: date) -> Done[EntryInfo]:
    with db.transaction() as s:
        entry = fund_rules.add_capital(s, ledger.get_fund(s, fund_id), on, amount)
        return Done(_entry_info(s, entry), FUND)


def reverse(db: AppDatabase, entry_id: uuid.UUID, reason: str, on: date | None = None
            ) -> Done[EntryInfo]:
    with db.transaction() as s:
        return Done(_entry_info(s, ledger.reverse(s, entry_id, reason, on)), FUND)


def count_cash(db: AppDatabase, fund_id: uuid.UUID, on: date, counted: int, note: str = ""
               ) -> Done[EntryInfo | None]:
    with db.transaction() as s:
        row = ledger.count_cash(s, ledger.get_fund(s, fund_id), on, counted, note=note)
        entry = s.get(FundEntry, row.entry_id) if row.entry_id else None
        return Done(_entry_info(s, entry) if entry else None, FUND)


def cash_in_book(db: AppDatabase, fund_id: uuid.UUID, on: date, account: str = "cash") -> int:
    """The book's cash (or bank) balance at the end of ``on`` (what a cash count compares with)."""
    with db.reading() as s:
        return ledger.balance(s, fund_id, account, through=on)


def entries(db: AppDatabase, fund_id: uuid.UUID, *, limit: int = 500) -> list[EntryInfo]:
    """The fund's latest entries, newest first (by date, then the reverse of the order they
    were written in), each with the money on hand after it."""
    with db.reading() as s:
        rows = s.scalars(select(FundEntry).where(FundEntry.fund_id == fund_id,
                                                 FundEntry.status == "posted")
                         .order_by(FundEntry.on.desc(), ledger.ENTRY_ORDER.desc()).limit(limit))
        out = _entry_infos(s, list(rows))
        after = ledger.money_on_hand(s, fund_id)
        with_balance = []
        for info in out:
            with_balance.append(replace(info, balance=after))
            after -= info.money
        return with_balance


def find_entry(db: AppDatabase, text: str, fund: str | None = None) -> EntryInfo:
    """An entry by its voucher number ("PT-2026-0003", within ``fund`` when given) or id."""
    fund_id = find_fund(db, fund).id if fund else None
    with db.reading() as s:
        return _entry_info(s, ledger.find_entry(s, text, fund_id))


def get_entry(db: AppDatabase, entry_id: uuid.UUID) -> EntryInfo:
    with db.reading() as s:
        return _entry_info(s, ledger.get_entry(s, entry_id))


# ---- loans ------------------------------------------------------------------------------------

def check_loan(db: AppDatabase, fund_id: uuid.UUID, request: LoanRequest) -> list[Rule]:
    with db.reading() as s:
        return loan_rules.eligibility(s, ledger.get_fund(s, fund_id), request)


def preview_schedule(db: AppDatabase, fund_id: uuid.UUID, amount: int, term_months: int,
                     on: date) -> list[Instalment]:
    with db.reading() as s:
        fund = ledger.get_fund(s, fund_id)
        try:
            return loan_rules.preview_schedule(fund, amount, term_months, on)
        except (TypeError, ValueError):
            raise UserError("Số tiền và thời hạn vay phải là số nguyên dương.") from None


STOPS = ("applied", "approved", "disbursed")


def lend(db: AppDatabase, fund_id: uuid.UUID, request: LoanRequest, *, stop_at: str = "disbursed",
         on: date | None = None, via: str = "cash") -> Done[LoanInfo]:
    """Apply, approve and disburse a loan in one transaction, or stop at ``stop_at``."""
    if stop_at not in STOPS:
        raise UserError(f"Trạng thái dừng không hợp lệ: {stop_at}.")
    on = on or request.applied_on or date.today()
    with db.transaction() as s:
        fund = ledger.get_fund(s, fund_id)
        loan = loan_rules.apply(s, fund, request)
        if stop_at != "applied":
            loan_rules.decide(s, loan, "approve", on)
        voucher = ""
        if stop_at == "disbursed":
            voucher = ledger.voucher_number(loan_rules.disburse(s, loan, on, via=via))
        return Done(replace(_loan_info(s, loan, on), voucher=voucher), FUND)


DECISIONS = ("approve", "reject", "withdraw")


def decide(db: AppDatabase, loan_id: uuid.UUID, decision: str, on: date, note: str = ""
           ) -> Done[LoanInfo]:
    """Approve, reject or withdraw an application (a rejection needs its reason)."""
    if decision == "reject" and not note.strip():
        raise UserError("Hãy ghi lý do không duyệt.")
    with db.transaction() as s:
        loan = loan_rules.get_loan(s, loan_id)
        loan_rules.decide(s, loan, decision, on, note)
        return Done(_loan_info(s, loan, on), FUND)


def disburse(db: AppDatabase, loan_id: uuid.UUID, on: date, via: str = "cash") -> Done[LoanInfo]:
    """Pay an approved loan out; the LoanInfo returned carries its phiếu chi number."""
    with db.transaction() as s:
        loan = loan_rules.get_loan(s, loan_id)
        entry = loan_rules.disburse(s, loan, on, via=via)
        return Done(replace(_loan_info(s, loan, on), voucher=ledger.voucher_number(entry)), FUND)


def plan_repayment(db: AppDatabase, loan_id: uuid.UUID, amount: int, on: date) -> Allocation:
    with db.reading() as s:
        return loan_rules.plan_repayment(s, loan_rules.get_loan(s, loan_id), amount, on)


def repay(db: AppDatabase, loan_id: uuid.UUID, amount: int, on: date, *, via: str = "cash"
          ) -> Done[EntryInfo]:
    with db.transaction() as s:
        entry = loan_rules.repay(s, loan_rules.get_loan(s, loan_id), amount, on, via=via)
        return Done(_entry_info(s, entry), FUND)


def refund_credit(db: AppDatabase, loan_id: uuid.UUID, on: date, amount: int | None = None
                  ) -> Done[EntryInfo]:
    """Pay back a loan's overpayment (all of it unless ``amount``) as a phiếu chi."""
    with db.transaction() as s:
        entry = loan_rules.refund_credit(s, loan_rules.get_loan(s, loan_id), on, amount)
        return Done(_entry_info(s, entry), FUND)


def write_off(db: AppDatabase, loan_id: uuid.UUID, on: date, reason: str) -> Done[EntryInfo]:
    with db.transaction() as s:
        entry = loan_rules.write_off(s, loan_rules.get_loan(s, loan_id), on, reason)
        return Done(_entry_info(s, entry), FUND)


def reschedule(db: AppDatabase, loan_id: uuid.UUID, on: date, term_months: int, reason: str
               ) -> Done[LoanInfo]:
    with db.transaction() as s:
        new = loan_rules.reschedule(s, loan_rules.get_loan(s, loan_id), on, term_months, reason)
        return Done(_loan_info(s, new, on), FUND)


def get_loan(db: AppDatabase, loan_id: uuid.UUID, as_of: date | None = None) -> LoanInfo:
    with db.reading() as s:
        return _loan_info(s, loan_rules.get_loan(s, loan_id), as_of or date.today())


def find_loan(db: AppDatabase, text: str, as_of: date | None = None) -> LoanInfo:
    with db.reading() as s:
        return _loan_info(s, loan_rules.find_loan(s, text), as_of or date.today())


def loan_schedule(db: AppDatabase, loan_id: uuid.UUID) -> list[Instalment]:
    with db.reading() as s:
        return loan_rules.schedule_of(s, loan_id)


# Loans list (the window's lazy table): keys are the table's rowids, in list order.
_ROWID: ColumnClause[Any] = literal_column("fund_loan.rowid")


def _loan_query(fund_id: uuid.UUID | None):
    q = select(_ROWID).select_from(FundLoan).where(FundLoan.deleted_at.is_(None))
    if fund_id is not None:
        q = q.where(FundLoan.fund_id == fund_id)
    return q.order_by(FundLoan.applied_on.desc(), FundLoan.number.desc())


def loan_page(db: AppDatabase, fund_id: uuid.UUID | None, offset: int, limit: int,
              as_of: date | None = None) -> list[LoanInfo]:
    with db.reading() as s:
        keys = list(s.scalars(_loan_query(fund_id).offset(offset).limit(limit)))
        return _loan_rows(s, keys, as_of or date.today())


def loan_keys(db: AppDatabase, fund_id: uuid.UUID | None, is_cancelled=None) -> array | None:
    """The key of every loan of the list, in list order (None if cancelled meanwhile)."""
    with db.reading() as s:
        return read_keys(s, _loan_query(fund_id), is_cancelled)


def loan_count(db: AppDatabase, fund_id: uuid.UUID | None) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(_loan_query(fund_id).subquery())) or 0


def loan_rows(db: AppDatabase, keys: Sequence[int], as_of: date | None = None
              ) -> list[LoanInfo | None]:
    with db.reading() as s:
        found = {row.key: row for row in _loan_rows(s, list(keys), as_of or date.today())}
        return [found.get(k) for k in keys]


def loan_key_of(db: AppDatabase, loan_id: uuid.UUID) -> int | None:
    with db.reading() as s:
        return s.scalar(select(_ROWID).select_from(FundLoan).where(FundLoan.id == loan_id))


def _loan_rows(s: Session, keys: list[int], as_of: date) -> list[LoanInfo]:
    """LoanInfo of the loans of these list keys, in the keys' order (one gone meanwhile is
    left out)."""
    if not keys:
        return []
    by_key = {k: loan for k, loan in s.execute(select(_ROWID.label("k"), FundLoan)
                                               .where(_ROWID.in_(keys))).all()}
    return _loan_infos(s, [(k, by_key[k]) for k in keys if k in by_key], as_of)


# ---- arrears, summary, check ----------------------------------------------------------------

@dataclass(frozen=True)
class ArrearsLine:
    fund_id: uuid.UUID
    unit_name: str
    loan_id: uuid.UUID
    loan_number: str
    borrower: str
    outstanding: int
    overdue: int
    days_past_due: int
    bucket: int
    bucket_label: str


def arrears(db: AppDatabase, as_of: date) -> list[ArrearsLine]:
    """Every disbursed loan behind on ``as_of`` (beyond its fund's grace days), worst first."""
    with db.reading() as s:
        return arrears_in(s, as_of)


def arrears_in(s: Session, as_of: date) -> list[ArrearsLine]:
    rows = s.execute(select(FundLoan.id, FundLoan.number, FundLoan.fund_id, Member.full_name,
                            Unit.name, Fund.buckets)
                     .join(Member, Member.id == FundLoan.borrower_id)
                     .join(Fund, Fund.id == FundLoan.fund_id).join(Unit, Unit.id == Fund.unit_id)
                     .where(FundLoan.status == "disbursed", FundLoan.disbursed_on <= as_of,
                            FundLoan.deleted_at.is_(None))).all()
    loan_states = loan_rules.states(s, [r.id for r in rows], as_of)
    out = []
    for r in rows:
        st = loan_states.get(r.id)
        if st is None or st.bucket is None:
            continue
        labels = bucket_labels(parse_buckets(r.buckets))
        out.append(ArrearsLine(r.fund_id, r.name, r.id, r.number, r.full_name, st.outstanding,
                               st.overdue, st.days_past_due, st.bucket, labels[st.bucket]))
    out.sort(key=lambda a: (-a.days_past_due, a.unit_name, a.loan_number))
    return out


@dataclass(frozen=True)
class FundTotals:
    fund_id: uuid.UUID
    unit_id: uuid.UUID
    unit_name: str
    borrowers: int
    lent: int
    repaid: int
    outstanding: int
    balance: int  # money on hand
    in_arrears: int


def account_balances(s: Session, *, as_of: date | None = None,
                     fund_ids: Sequence[uuid.UUID] | None = None) -> dict[uuid.UUID, dict[str, int]]:
    """Fund → account → balance of the posted postings (up to ``as_of``; of ``fund_ids``):
    one grouped query for every fund."""
    q = (select(FundPosting.fund_id, FundPosting.account, func.sum(FundPosting.amount))
         .where(ledger.posted_only()).group_by(FundPosting.fund_id, FundPosting.account))
    if as_of is not None:
        q = q.where(FundPosting.on <= as_of)
    if fund_ids is not None:
        q = q.where(FundPosting.fund_id.in_(list(fund_ids)))
    out: dict[uuid.UUID, dict[str, int]] = defaultdict(dict)
    for fund_id, account, total in s.execute(q):
        out[fund_id][account] = int(total)
    return out


def fund_totals(s: Session, as_of: date) -> list[FundTotals]:
    """Per fund on ``as_of``: borrowers, lent, principal repaid, outstanding, money on hand."""
    funds = s.execute(select(Fund.id, Fund.unit_id, Unit.name).join(Unit, Unit.id == Fund.unit_id)
                      .where(Fund.deleted_at.is_(None)).order_by(Unit.name_folded)).all()
    lent = dict(s.execute(select(FundPosting.fund_id, func.sum(FundPosting.amount))
                          .join(FundEntry, FundEntry.id == FundPosting.entry_id)
                          .where(FundPosting.account == "loans", FundPosting.amount > 0,
                                 FundEntry.status == "posted",
                                 FundEntry.kind.in_(["disbursement", "import"]),
                                 FundPosting.on <= as_of)
                          .group_by(FundPosting.fund_id)).all())
    balances = account_balances(s, as_of=as_of)
    borrowers = dict(s.execute(select(FundLoan.fund_id, func.count(func.distinct(FundLoan.borrower_id)))
                               .where(FundLoan.disbursed_on <= as_of, FundLoan.deleted_at.is_(None))
                               .group_by(FundLoan.fund_id)).all())
    behind: dict[uuid.UUID, int] = {}
    for line in arrears_in(s, as_of):
        behind[line.fund_id] = behind.get(line.fund_id, 0) + 1
    out = []
    for fid, unit_id, name in funds:
        lent_total = int(lent.get(fid) or 0)
        held = balances.get(fid, {})
        outstanding = held.get("loans", 0)
        written = held.get("writeoff", 0)
        out.append(FundTotals(fid, unit_id, name, int(borrowers.get(fid) or 0), lent_total,
                              lent_total - outstanding - written, outstanding,
                              held.get("cash", 0) + held.get("bank", 0),
                              behind.get(fid, 0)))
    return out


def fund_totals_for(db: AppDatabase, as_of: date) -> list[FundTotals]:
    with db.reading() as s:
        return fund_totals(s, as_of)


@dataclass(frozen=True)
class CheckReport:
    funds: int
    entries: int
    postings: int
    trial_balance: int
    unbalanced: list[str]
    missing_triggers: list[str]
    cash_counts: int
    count_differences: int
    #: "LC-VV-2022-00100: …" for every disbursed loan whose stored schedule does not add up to
    #: its principal or has not one instalment per month of its term.
    bad_schedules: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (self.trial_balance == 0 and not self.unbalanced and not self.missing_triggers
                and not self.bad_schedules)


def bad_schedules(s: Session) -> list[str]:
    """Every disbursed loan whose schedule's principal differs from the loan's amount, or
    whose number of instalments differs from its term, explained in Vietnamese."""
    rows = s.execute(
        select(FundLoan.number, FundLoan.amount, FundLoan.term_months,
               func.count(FundInstalment.id), func.coalesce(func.sum(FundInstalment.principal), 0))
        .outerjoin(FundInstalment, FundInstalment.loan_id == FundLoan.id)
        .where(FundLoan.disbursed_on.is_not(None), FundLoan.deleted_at.is_(None))
        .group_by(FundLoan.id).order_by(FundLoan.number)).all()
    out = []
    for number, amount, term, count, total in rows:
        wrong = []
        if int(total) != amount:
            wrong.append(f"lịch trả nợ cộng {format_money(int(total))} đồng, "
                         f"khác số tiền vay {format_money(amount)} đồng")
        if count != term:
            wrong.append(f"lịch có {count} kỳ trả, khác thời hạn {term} tháng")
        if wrong:
            out.append(f"{number}: " + "; ".join(wrong))
    return out


def check(db: AppDatabase) -> CheckReport:
    with db.reading() as s:
        from db.models import FundCashCount

        tb = ledger.trial_balance(s)
        counts = s.execute(select(func.count(), func.sum(
            (FundCashCount.counted != FundCashCount.book).cast(FundPosting.amount.type)))).one()
        return CheckReport(
            funds=s.scalar(select(func.count()).select_from(Fund)) or 0,
            entries=s.scalar(select(func.count()).select_from(FundEntry)
                             .where(FundEntry.status == "posted")) or 0,
            postings=s.scalar(select(func.count()).select_from(FundPosting)) or 0,
            trial_balance=sum(tb.values()),
            unbalanced=[str(e) for e in ledger.unbalanced_entries(s)],
            missing_triggers=ledger.missing_triggers(s),
            cash_counts=int(counts[0] or 0), count_differences=int(counts[1] or 0),
            bad_schedules=bad_schedules(s))
