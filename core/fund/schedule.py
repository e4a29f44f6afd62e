"""Pure arithmetic of loans, in integer đồng: the repayment schedule, how a repayment is
applied to it, and a loan's state on any date. No database here; core.fund.loans feeds
these functions from the journal.

* Schedule (:func:`make_schedule`): without interest, equal principal rounded down to the
  fund's multiple with the remainder in the last instalment; with interest, equal
  instalments (annuity, rounded up to the multiple), interest on the balance each month,
  the last instalment taking what is left. Principal always sums exactly to the amount and
  no instalment is negative.
* Allocation (:func:`allocate`): a repayment goes instalment by instalment, oldest first,
  fee before principal (``fee_first``) or principal before fee (``principal_first``); what is
  left once everything is paid is the borrower's credit.
* State (:func:`loan_state`): from the schedule and the cumulative principal and fee repaid
  up to a date — so it does not depend on the order payments were typed in.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import NamedTuple

ALLOCATIONS = ("fee_first", "principal_first")


class Instalment(NamedTuple):
    seq: int
    due_on: date
    principal: int
    fee: int = 0

    @property
    def total(self) -> int:
        return self.principal + self.fee


def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` months, the day clamped to the month's end (31/1 + 1 → 28/2)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _round_down(n: int, multiple: int) -> int:
    return n // multiple * multiple


def _round_up(n: int, multiple: int) -> int:
    return -(-n // multiple) * multiple


def monthly_fee(balance: int, rate_bp: int) -> int:
    """A month's fee on ``balance`` at ``rate_bp`` hundredths of a percent a year, rounded
    half up to the đồng (the one rounding rule)."""
    return (balance * rate_bp * 2 + 120_000) // 240_000


def make_schedule(amount: int, term_months: int, start: date, *, rate_bp: int = 0,
                  rounding: int = 1000) -> list[Instalment]:
    """The schedule of a loan of ``amount`` đồng disbursed on ``start``, one instalment a
    month for ``term_months`` months."""
    for value, what in ((amount, "amount"), (term_months, "term"), (rate_bp, "rate"),
                        (rounding, "rounding")):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{what} must be an int")
    if amount <= 0 or term_months <= 0 or rate_bp < 0 or rounding <= 0:
        raise ValueError("amount, term and rounding must be positive; rate not negative")
    dues = [add_months(start, k) for k in range(1, term_months + 1)]
    if rate_bp == 0:
        base = _round_down(amount // term_months, rounding)
        principals = [base] * (term_months - 1) + [amount - base * (term_months - 1)]
        return [Instalment(k + 1, dues[k], p, 0) for k, p in enumerate(principals)]
    rate = Fraction(rate_bp, 120_000)
    exact = amount * rate / (1 - (1 + rate) ** -term_months)
    payment = _round_up(-(-exact.numerator // exact.denominator), rounding)
    balance, lines = amount, []
    for k in range(term_months):
        fee = monthly_fee(balance, rate_bp)
        principal = balance if k == term_months - 1 else max(0, min(balance, payment - fee))
        lines.append(Instalment(k + 1, dues[k], principal, fee))
        balance -= principal
    return lines


@dataclass(frozen=True)
class Allocation:
    """How one repayment was applied: per instalment (seq, principal, fee), and the credit."""

    principal: int
    fee: int
    credit: int
    lines: tuple[tuple[int, int, int], ...]

    def as_json(self) -> dict:
        return {"principal": self.principal, "fee": self.fee, "credit": self.credit,
                "lines": [list(line) for line in self.lines]}


def remaining(schedule: list[Instalment], principal_paid: int, fee_paid: int
              ) -> list[tuple[Instalment, int, int]]:
    """Each instalment with the principal and fee still owed on it, the amounts already paid
    applied oldest first."""
    return list(_owed(schedule, principal_paid, fee_paid))


def _owed(schedule: list[Instalment], p: int, f: int) -> Iterator[tuple[Instalment, int, int]]:
    """:func:`remaining`, one instalment at a time (a caller that stops early computes no
    more; the state of thousands of loans is computed in one call)."""
    for line in schedule:
        owe_p, owe_f = line.principal, line.fee
        take_p = p if p < owe_p else owe_p
        take_f = f if f < owe_f else owe_f
        p -= take_p
        f -= take_f
        yield line, owe_p - take_p, owe_f - take_f


def allocate(schedule: list[Instalment], principal_paid: int, fee_paid: int, amount: int,
             order: str = "fee_first") -> Allocation:
    """Apply a repayment of ``amount`` to the schedule in the fund's ``order``."""
    if order not in ALLOCATIONS:
        raise ValueError(f"unknown allocation order {order!r}")
    if amount <= 0:
        raise ValueError("a repayment is positive")
    left, lines, total_p, total_f = amount, [], 0, 0
    for line, owe_p, owe_f in _owed(schedule, principal_paid, fee_paid):
        if left == 0:
            break
        if order == "fee_first":
            f = min(left, owe_f)
            p = min(left - f, owe_p)
        else:
            p = min(left, owe_p)
            f = min(left - p, owe_f)
        if p or f:
            lines.append((line.seq, p, f))
            left -= p + f
            total_p, total_f = total_p + p, total_f + f
    return Allocation(total_p, total_f, left, tuple(lines))


@dataclass(frozen=True)
class LoanState:
    as_of: date
    principal: int  # lent
    principal_paid: int
    fee_paid: int
    written_off: int
    outstanding: int  # principal still owed
    fee_outstanding: int
    overdue_principal: int
    overdue_fee: int
    days_past_due: int
    bucket: int | None  # index into the fund's buckets; None = not in arrears
    credit: int
    closed: bool

    @property
    def overdue(self) -> int:
        return self.overdue_principal + self.overdue_fee


def parse_buckets(text: str) -> tuple[int, ...]:
    """"30,90" → (30, 90): the upper bounds (days) of every bucket but the last."""
    bounds = tuple(int(part) for part in text.replace(" ", "").split(",") if part)
    if any(b <= 0 for b in bounds) or list(bounds) != sorted(set(bounds)):
        raise ValueError("buckets are increasing positive day counts")
    return bounds


def bucket_labels(bounds: tuple[int, ...]) -> list[str]:
    """(30, 90) → ["1–30 ngày", "31–90 ngày", "trên 90 ngày"]."""
    labels, low = [], 1
    for high in bounds:
        labels.append(f"{low}–{high} ngày")
        low = high + 1
    labels.append(f"trên {low - 1} ngày" if bounds else "quá hạn")
    return labels


def bucket_of(days: int, bounds: tuple[int, ...], grace_days: int = 0) -> int | None:
    if days <= grace_days or days <= 0:
        return None
    for index, high in enumerate(bounds):
        if days <= high:
            return index
    return len(bounds)


def loan_state(schedule: list[Instalment], as_of: date, *, principal_paid: int, fee_paid: int,
               written_off: int = 0, credit: int = 0, bounds: tuple[int, ...] = (30, 90),
               grace_days: int = 0) -> LoanState:
    """A disbursed loan's state on ``as_of`` from its schedule and the cumulative amounts
    posted up to that date (principal repaid, fee paid, written off, credit held)."""
    lent = sum(line.principal for line in schedule)
    settled = principal_paid + written_off
    outstanding = lent - settled
    fee_total = sum(line.fee for line in schedule)
    fee_outstanding = 0 if written_off else fee_total - fee_paid
    overdue_p = overdue_f = dpd = 0
    if outstanding > 0:
        for line, owe_p, owe_f in _owed(schedule, settled, fee_paid):
            if line.due_on >= as_of:
                break
            overdue_p += owe_p
            overdue_f += 0 if written_off else owe_f
            if (owe_p or (owe_f and not written_off)) and dpd == 0:
                dpd = (as_of - line.due_on).days
    return LoanState(
        as_of=as_of, principal=lent, principal_paid=principal_paid, fee_paid=fee_paid,
        written_off=written_off, outstanding=outstanding, fee_outstanding=max(0, fee_outstanding),
        overdue_principal=overdue_p, overdue_fee=overdue_f, days_past_due=dpd,
        bucket=bucket_of(dpd, bounds, grace_days), credit=credit,
        closed=outstanding == 0 and max(0, fee_outstanding) == 0,
    )
