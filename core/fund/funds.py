"""Funds, their settings and members' contributions (session level)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.common import limits
from core.common.errors import NotFound, UserError
from core.common.text import clean
from core.common.vnformat import format_money, parse_percent
from core.fund import ledger
from core.fund.schedule import ALLOCATIONS, parse_buckets
from core.org import units as org_units
from db.models import Fund, Member, Unit, UnitKind

DEFAULT_GUIDANCE = "Hướng dẫn 53/HD-LĐLĐ"


@dataclass(frozen=True)
class FundSettings:
    """A fund's rules; every limit is a setting since they differ by province."""

    ceiling: int = 30_000_000
    max_term_months: int = 24
    rate_bp: int = 0  # fee or interest a year, hundredths of a percent (0 % by default)
    rounding: int = 1000
    grace_days: int = 0
    buckets: str = "30,90"
    allocation: str = "fee_first"
    allow_second_loan: bool = False
    guidance: str = DEFAULT_GUIDANCE

    def check(self) -> None:
        for name in ("ceiling", "max_term_months", "rate_bp", "rounding", "grace_days"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise UserError(f"Thiết lập {name} phải là số nguyên.")
        if self.ceiling <= 0:
            raise UserError("Mức cho vay tối đa phải lớn hơn 0.")
        if not 1 <= self.max_term_months <= 120:
            raise UserError("Thời hạn vay tối đa phải từ 1 đến 120 tháng.")
        if not 0 <= self.rate_bp <= 10_000:
            raise UserError("Phí/lãi suất phải từ 0 đến 100 %/năm.")
        if self.rounding <= 0:
            raise UserError("Bội số làm tròn kỳ trả phải lớn hơn 0.")
        if self.grace_days < 0:
            raise UserError("Số ngày ân hạn không được âm.")
        try:
            parse_buckets(self.buckets)
        except ValueError:
            raise UserError("Nhóm nợ quá hạn phải là các số ngày tăng dần, ví dụ 30,90.") from None
        if self.allocation not in ALLOCATIONS:
            raise UserError("Thứ tự phân bổ phải là fee_first hoặc principal_first.")


DEFAULT_SETTINGS = FundSettings()


def settings_of(fund: Fund) -> FundSettings:
    return FundSettings(fund.ceiling, fund.max_term_months, fund.rate_bp, fund.rounding,
                        fund.grace_days, fund.buckets, fund.allocation, fund.allow_second_loan,
                        fund.guidance)


def find_fund(session: Session, text: str) -> Fund:
    """A fund by its code or by its unit's code or name."""
    text = clean(text)
    fund = session.scalar(select(Fund).where(Fund.code == text.upper(), Fund.deleted_at.is_(None)))
    if fund is None:
        unit = org_units.find_unit(session, text)
        if unit is not None:
            fund = session.scalar(select(Fund).where(Fund.unit_id == unit.id,
                                                     Fund.deleted_at.is_(None)))
    if fund is None:
        raise NotFound(f"Không tìm thấy quỹ “{text}”.")
    return fund


def create_fund(session: Session, unit_id: uuid.UUID, started_on: date,
                settings: FundSettings = DEFAULT_SETTINGS, *, name: str = "",
                capital: int = 0, office_code: str = "") -> Fund:
    """A fund for a CĐCS (one per unit), with its opening capital posted if given."""
    settings.check()
    unit = session.get(Unit, unit_id)
    if unit is None or not unit.is_active:
        raise UserError("Đơn vị không tồn tại hoặc đã sáp nhập.")
    if unit.kind != UnitKind.GRASSROOTS:
        raise UserError(f"{unit.name} không phải công đoàn cơ sở; quỹ tương hỗ lập ở CĐCS.")
    if session.scalar(select(Fund.id).where(Fund.unit_id == unit.id)) is not None:
        raise UserError(f"{unit.name} đã có quỹ tương hỗ.")
    name = clean(name) or f"Quỹ tương hỗ {unit.name}"
    limits.check("Tên quỹ", name, 255)
    office = office_code or session.info.get("office_code", "")
    fund = Fund(unit_id=unit.id, code=f"{office}-QTH-{unit.code}".upper(), name=name,
                started_on=started_on, guidance=limits.check("Hướng dẫn", clean(settings.guidance), 255),
                ceiling=settings.ceiling, max_term_months=settings.max_term_months,
                rate_bp=settings.rate_bp, rounding=settings.rounding,
                grace_days=settings.grace_days, buckets=settings.buckets,
                allocation=settings.allocation, allow_second_loan=settings.allow_second_loan)
    session.add(fund)
    session.flush()
    if capital:
        add_capital(session, fund, started_on, capital)
    return fund


def update_settings(session: Session, fund: Fund, settings: FundSettings) -> None:
    """New rules apply to loans applied for from now on; schedules already made stay."""
    settings.check()
    fund.ceiling, fund.max_term_months = settings.ceiling, settings.max_term_months
    fund.rate_bp, fund.rounding, fund.grace_days = settings.rate_bp, settings.rounding, settings.grace_days
    fund.buckets, fund.allocation = settings.buckets, settings.allocation
    fund.allow_second_loan, fund.guidance = settings.allow_second_loan, clean(settings.guidance)
    session.flush()


def add_capital(session: Session, fund: Fund, on: date, amount: int, *, via: str = "cash",
                memo: str = "") -> ledger.FundEntry:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise UserError("Số vốn phải là số nguyên đồng lớn hơn 0.")
    return ledger.post(session, fund, on, "capital",
                       [ledger.Line(via, amount), ledger.Line("equity", -amount)],
                       memo=memo or "Vốn ban đầu của quỹ")


def _member_of(session: Session, fund: Fund, member_id: uuid.UUID, *, allow_left: bool = False
               ) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound("Không tìm thấy đoàn viên.")
    if member.unit_id != fund.unit_id:
        raise UserError(f"{member.full_name} không phải đoàn viên của đơn vị có quỹ này.")
    if member.deleted_at is not None and not allow_left:
        raise UserError(f"{member.full_name} đã ra khỏi danh sách đoàn viên.")
    return member


def contribute(session: Session, fund: Fund, member_id: uuid.UUID, amount: int, on: date, *,
               via: str = "cash", memo: str = "", source_key: str | None = None
               ) -> ledger.FundEntry:
    """A member's contribution (periodic or one-off): debit money, credit contributions."""
    member = _member_of(session, fund, member_id)
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise UserError("Số tiền góp phải là số nguyên đồng lớn hơn 0.")
    if on < fund.started_on:
        raise UserError("Ngày góp trước ngày thành lập quỹ.")
    return ledger.post(session, fund, on, "contribution",
                       [ledger.Line(via, amount), ledger.Line("contrib", -amount, member.id)],
                       memo=memo or f"{member.full_name} góp vốn", member_id=member.id,
                       source_key=source_key)


def contributed(session: Session, fund: Fund, member_id: uuid.UUID, through: date | None = None
                ) -> int:
    """What a member has in the fund (contributions less refunds)."""
    return -ledger.balance(session, fund.id, "contrib", member_id=member_id, through=through)


def refund(session: Session, fund: Fund, member_id: uuid.UUID, on: date, amount: int | None = None,
           *, via: str = "cash", memo: str = "") -> ledger.FundEntry:
    """Give back a member's contributions (all by default), e.g. when they leave. The
    history stays; a member who still owes a loan is refused."""
    member = _member_of(session, fund, member_id, allow_left=True)
    held = contributed(session, fund, member.id)
    amount = held if amount is None else amount
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise UserError(f"{member.full_name} không có vốn góp để hoàn trả.")
    if amount > held:
        raise UserError(f"{member.full_name} chỉ có {format_money(held)} đồng vốn góp.")
    from core.fund.loans import open_loans_of

    if open_loans_of(session, fund, member.id, on):
        raise UserError(f"{member.full_name} còn khoản vay chưa trả hết; chưa hoàn vốn góp được.")
    if ledger.balance(session, fund.id, via) < amount:
        raise UserError("Quỹ không đủ tiền để hoàn trả.")
    return ledger.post(session, fund, on, "refund",
                       [ledger.Line("contrib", amount, member.id), ledger.Line(via, -amount)],
                       memo=memo or f"Hoàn trả vốn góp cho {member.full_name}",
                       member_id=member.id)


def running_by_upper(session: Session, through: date) -> tuple[dict[uuid.UUID, int], set[uuid.UUID]]:
    """For the fund-model report: per upper-level union, how many of its CĐCS run a fund kept
    here that started on or before ``through``; and every upper-level union with at least one
    fund kept here (their typed figures give way to these counts)."""
    rows = session.execute(select(Unit.parent_id, Fund.started_on).join(Unit, Unit.id == Fund.unit_id)
                           .where(Fund.deleted_at.is_(None), Unit.parent_id.is_not(None))).all()
    running: dict[uuid.UUID, int] = {}
    kept: set[uuid.UUID] = set()
    for parent_id, started_on in rows:
        if parent_id is None:
            continue
        kept.add(parent_id)
        if started_on <= through:
            running[parent_id] = running.get(parent_id, 0) + 1
    return running, kept


def parse_rate(text: str) -> int:
    """A yearly fee or interest typed as a percentage with a decimal comma ("0,5", "6",
    "1,25 %", "6,5 %/năm") → hundredths of a percent (basis points: 50, 600, 125, 650);
    blank → 0. Read by core.common.vnformat.parse_percent (the window and the CLI alike);
    UserError when it is not a percentage with at most two decimals between 0 and 100."""
    try:
        return parse_percent(text) or 0
    except ValueError as exc:
        raise UserError(str(exc)) from None


def format_rate(rate_bp: int) -> str:
    """50 → "0,5"; 600 → "6"; 125 → "1,25" (a percentage with a decimal comma)."""
    whole, part = divmod(rate_bp, 100)
    return f"{whole},{part:02d}".rstrip("0") if part else str(whole)
