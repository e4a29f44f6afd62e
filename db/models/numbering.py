"""The office's numbering book (sổ đăng ký văn bản): one number per document, shared by every
feature that issues documents, so two documents of the same office, year and symbol never get
the same number (an initiative recognition decision and a commendation decision are both
"QĐ-…" and draw from the same sequence)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from sqlalchemy import Date, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, SyncedMixin


class DocumentNumber(SyncedMixin, Base):
    __tablename__ = "document_number"
    __table_args__ = (UniqueConstraint("office_code", "year", "symbol", "number",
                                       name="uq_document_number_entry"),)
    __sync_owner__: ClassVar[str] = "origin"

    office_code: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    symbol: Mapped[str] = mapped_column(String(64))  # "QĐ-LĐLĐ", "TTr-LĐLĐ"
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500), default="")  # trích yếu
    issued_on: Mapped[date] = mapped_column(Date)
    feature: Mapped[str] = mapped_column(String(32), default="")  # initiatives | commendations
