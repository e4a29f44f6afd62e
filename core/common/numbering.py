"""The office's numbering book (sổ đăng ký văn bản), shared by every feature that issues
documents: a number is taken once per office, year and symbol ("05/TTr-LĐLĐ", "12/QĐ-LĐLĐ"),
so an initiative recognition decision and a commendation decision never carry the same number.

:func:`take` runs inside the caller's transaction: when the document then fails to be
written, the transaction rolls back and the number is free again. Taking a number already
given to a document with the same title and feature is a reprint and returns it unchanged.

A number once issued is never given again (an official book is never renumbered): when the
document holding it is deleted (its row tombstoned, here or through sync) the entry stays,
marked cancelled (đã hủy) in :func:`entries`; :func:`next_free` counts it, and asking for it
by hand is refused naming the cancelled document. Only a number never issued (its
transaction rolled back) is free again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.common.errors import UserError
from core.common.text import clean
from db.models import DocumentNumber

__all__ = ["Entry", "entries", "next_free", "take"]


@dataclass(frozen=True)
class Entry:
    year: int
    symbol: str
    number: int
    title: str
    issued_on: date
    feature: str
    cancelled: bool = False  # its document was deleted; the number stays used


def _office(session: Session) -> str:
    return session.info.get("office_code", "") or ""


def next_free(session: Session, symbol: str, year: int) -> int:
    """The number the next document of ``symbol`` in ``year`` would get (last issued + 1,
    cancelled ones included: a number is never given twice)."""
    last = session.scalar(select(func.max(DocumentNumber.number)).where(
        DocumentNumber.office_code == _office(session), DocumentNumber.year == year,
        DocumentNumber.symbol == clean(symbol)))
    return (last or 0) + 1


def take(session: Session, *, symbol: str, issued_on: date, title: str, feature: str,
         number: int | None = None) -> int:
    """Record a document in the book and return its number: the next free one, or ``number``
    when it is free (or already this very document: a reprint). A number held by another
    document, or issued to a document since deleted (cancelled), is refused (UserError naming
    that document)."""
    symbol, title = clean(symbol), clean(title)[:500]
    if not symbol:
        raise UserError("Thiếu ký hiệu văn bản (ví dụ QĐ-LĐLĐ).")
    year = issued_on.year
    if number is None:
        number = next_free(session, symbol, year)
    elif not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise UserError(f"Số văn bản phải là số nguyên từ 1 trở lên: {number}")
    held = session.scalar(select(DocumentNumber).where(
        DocumentNumber.office_code == _office(session), DocumentNumber.year == year,
        DocumentNumber.symbol == symbol, DocumentNumber.number == number))
    if held is not None and held.deleted_at is not None:
        raise UserError(
            f"Số {number:02d}/{symbol} năm {year} đã cấp cho văn bản «{held.title}» ngày "
            f"{held.issued_on:%d/%m/%Y} và đã hủy; số đã cấp không dùng lại. Hãy dùng số "
            f"{next_free(session, symbol, year)} (số tiếp theo còn trống) hoặc để trống cho "
            "chương trình tự cấp.")
    if held is not None:
        if held.title == title and held.feature == feature:
            return number
        raise UserError(
            f"Số {number:02d}/{symbol} năm {year} đã cấp cho văn bản «{held.title}» ngày "
            f"{held.issued_on:%d/%m/%Y}; hãy dùng số {next_free(session, symbol, year)} "
            "(số tiếp theo còn trống) hoặc để trống cho chương trình tự cấp.")
    session.add(DocumentNumber(office_code=_office(session), year=year, symbol=symbol,
                               number=number, title=title, issued_on=issued_on, feature=feature))
    session.flush()
    return number


def entries(session: Session, year: int | None = None) -> list[Entry]:
    """The book (this office), by year, symbol and number; numbers whose document was
    deleted are listed, marked ``cancelled``."""
    query = select(DocumentNumber).where(DocumentNumber.office_code == _office(session))
    if year is not None:
        query = query.where(DocumentNumber.year == year)
    rows = session.scalars(query.order_by(DocumentNumber.year, DocumentNumber.symbol,
                                          DocumentNumber.number))
    return [Entry(r.year, r.symbol, r.number, r.title, r.issued_on, r.feature, r.deleted_at is not None)
            for r in rows]
