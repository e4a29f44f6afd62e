"""What a report is, independent of how it is written: titles, tables, text, and the
document details (number, date, recipients) that the Decree 30 layout needs.

A report module (:mod:`.fund_model`, :mod:`.initiative_progress`, :mod:`.period_summary`)
builds a :class:`Report` from the database; :func:`core.common.report.render.write_report` writes it
as a workbook (``.xlsx``) or a PDF (``.pdf``) chosen by the output file's suffix. Neither
openpyxl nor reportlab is imported here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from core.common.errors import UserError
from core.common.vnformat import format_money

SUFFIXES = (".xlsx", ".pdf")

LEFT, CENTER, RIGHT = "left", "center", "right"
TWO_DIGITS = "00"  # counts as the seed prints them: "02", "06"; 782 stays 782
THOUSANDS = "#,##0"  # Excel shows the locale's separator ("." on a Vietnamese Windows)


@dataclass(frozen=True)
class Column:
    """One table column. ``width_mm`` is its width on the PDF page; the workbook column is
    ``xlsx_width`` characters wide (default: about ``width_mm / 2``). ``number_format`` is
    the Excel format of integer cells and also decides how the PDF prints them."""

    header: str
    width_mm: float
    align: str = LEFT
    number_format: str | None = None
    xlsx_width: float | None = None

    @property
    def excel_width(self) -> float:
        return self.xlsx_width if self.xlsx_width is not None else round(self.width_mm / 2, 1)

    def text(self, value: object) -> str:
        """The value as printed in the PDF."""
        if value is None:
            return ""
        if isinstance(value, int) and not isinstance(value, bool):
            if self.number_format == TWO_DIGITS:
                return f"{value:02d}"
            return format_money(value)
        return str(value)


@dataclass
class Row:
    """A table row. ``indent`` indents the table's ``indent_column`` (the unit tree)."""

    cells: list[object]
    bold: bool = False
    indent: int = 0


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row]
    totals: Row | None = None  # printed bold
    heading: str = ""  # e.g. "II. THEO LOẠI GIẢI PHÁP", above the table
    unit_note: str = ""  # e.g. "Đơn vị tính: đồng", right-aligned above the table
    indent_column: int = 1
    font_size: float = 12


@dataclass
class Text:
    """A paragraph between tables: ``style`` is "body", "heading", "plain" or "italic"."""

    text: str
    style: str = "body"


@dataclass
class Report:
    """A whole report. ``title`` is the document type ("BÁO CÁO", "CHỈ TIÊU"), ``subtitle``
    its summary, ``notes`` italic lines centred under them ("(Kèm theo …)")."""

    title: str
    subtitle: str
    notes: list[str]
    blocks: list[Table | Text]
    sheet_name: str
    landscape: bool = False
    #: signatures in a row across the page instead of the office's one signature block
    #: (title, name): e.g. a fund book's Người ghi sổ, Kế toán, Thủ quỹ, Chủ tịch
    signers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


@dataclass
class DocumentInfo:
    """Details of the issued document. ``number`` prints "Số: 08/BC-LĐLĐ" (blank for the
    clerk to fill in when None); ``on`` is the date of the place–date line (today when None);
    ``recipients`` the "Nơi nhận:" list (a default list when None)."""

    number: int | None = None
    on: date | None = None
    recipients: list[str] | None = None
    kind_symbol: str = "BC"  # BC = báo cáo
    #: the number line as printed ("Số: PT-2026-0001") when the document has its own
    #: numbering rather than the office's "Số: 08/BC-LĐLĐ"
    number_text: str = ""
    default_recipients: list[str] = field(default_factory=list)

    @property
    def date(self) -> date:
        return self.on or date.today()


def check_suffix(out_path: str | os.PathLike[str]) -> str:
    """The output format ("xlsx" or "pdf") from the file name, or a UserError in Vietnamese."""
    suffix = Path(out_path).suffix.lower()
    if suffix not in SUFFIXES:
        shown = f"«{suffix}»" if suffix else "không có đuôi"
        raise UserError(
            f"Không xuất được báo cáo ra tệp «{Path(out_path).name}»: định dạng {shown} không "
            "được hỗ trợ. Hãy đặt tên tệp kết thúc bằng .xlsx (bảng tính) hoặc .pdf."
        )
    return suffix[1:]


@contextmanager
def reading(source) -> Iterator[Session]:
    """A Session from a Session (used as is) or an AppDatabase (a read-only session)."""
    if isinstance(source, Session):
        yield source
        return
    with source.reading() as session:
        yield session
