"""Workbooks out of the initiative register: the register itself, the list for the national
portal, and a blank import template.

All three are written with openpyxl's write-only mode to a temporary file in the target's
folder, then renamed into place, so an interrupted export never leaves half a file. The
register and the portal list stream their rows from SQL in chunks (never all in memory).

Every cell goes through :mod:`core.common.xlsx`: user text ("Đơn vị", "Hiệu quả xã hội",
"Số QĐ công nhận" …) is stored as text even when it starts with "=", never as a formula.

Speed: only the cells that need a style carry one (money ``#,##0`` — Vietnamese Excel shows
``3.031.150.000`` —, dates as real dates shown ``dd/mm/yyyy``, wrapped long text), and each
column reuses one styled write-only cell, its value replaced row by row: no style objects
per cell (:class:`core.common.xlsx.Rows`). Other values are written bare and empty cells not
at all, as openpyxl does fastest; the sheet prints with grid lines. Header and totals rows
are fully styled.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from core.common import errors, xlsx
from core.common.database import AppDatabase
from core.common.files import write_atomically
from core.common.vnformat import format_date, format_money
from core.common.workbook import WorkbookError
from core.initiatives import register
from core.initiatives.records import (
    FIELD_LABELS,
    KIND_LABELS,
    RECOGNISER_LABELS,
    STATUS_LABELS,
    grassroots_units,
)
from core.initiatives.register import RegisterFilter
from core.org.office import load_office
from db.models import Initiative, InitiativeField, InitiativeKind, InitiativeStatus, Programme, Unit

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None

CHUNK = 5_000  # rows fetched from SQL at a time
MONEY_FORMAT = "#,##0"
DATE_FORMAT = "dd/mm/yyyy"
MARK = "x"  # a ticked yes/no cell
CONFIDENTIAL = "Mật"

REGISTER_TITLE = "SỔ THEO DÕI SÁNG KIẾN"
PORTAL_TITLE = "DANH SÁCH SÁNG KIẾN ĐĂNG TẢI LÊN CỔNG THÔNG TIN SÁNG KIẾN"


# ---- shared styles (one object each, reused by every cell) ---------------------------------

_THIN = Side(style="thin", color="808080")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TITLE_FONT = Font(name="Times New Roman", bold=True, size=14)
_BOLD = Font(name="Times New Roman", bold=True, size=12)
_ITALIC = Font(name="Times New Roman", italic=True, size=11)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_TOP = Alignment(vertical="top")
_TOP_CENTRE = Alignment(horizontal="center", vertical="top")


@dataclass(frozen=True)
class _Col:
    """One output column: header, width, and how its cells look."""

    header: str
    width: float
    kind: str = "text"  # text | wrap | money | date | int | mark


REGISTER_COLUMNS: tuple[_Col, ...] = (
    _Col("STT", 6, "int"),
    _Col("Số", 18),
    _Col("Tên sáng kiến", 45, "wrap"),
    _Col("Loại giải pháp", 24),  # the importer's name for it: the register imports back
    _Col("Lĩnh vực", 24),
    _Col("Tác giả", 32, "wrap"),
    _Col("Đơn vị", 34),
    _Col("Ngày đăng ký", 12, "date"),
    # The programme's code, as the importer matches it: the register imports back into
    # another database with each initiative under its own programme.
    _Col("Chương trình", 13),
    _Col("Giai đoạn", 9, "int"),
    _Col("Ngày áp dụng lần đầu", 12, "date"),
    _Col("Giá trị làm lợi (đồng)", 17, "money"),
    _Col("Hiệu quả xã hội", 32),
    _Col("Tình trạng", 14),
    _Col("Số QĐ công nhận", 16),
    _Col("Ngày công nhận", 12, "date"),
    _Col("Mật", 6, "mark"),
    _Col("Đã đăng tải Cổng", 10, "mark"),
)

PORTAL_COLUMNS: tuple[_Col, ...] = (
    _Col("STT", 6, "int"),
    _Col("Số", 18),
    _Col("Tên sáng kiến", 45, "wrap"),
    _Col("Loại", 22, "wrap"),
    _Col("Lĩnh vực", 22, "wrap"),
    _Col("Tác giả (tỷ lệ đóng góp)", 32, "wrap"),
    _Col("Đơn vị", 30, "wrap"),
    _Col("Ngày áp dụng lần đầu", 12, "date"),
    _Col("Tóm tắt nội dung", 45, "wrap"),
    _Col("Giá trị làm lợi (đồng)", 17, "money"),
    _Col("Hiệu quả xã hội", 32, "wrap"),
    _Col("Cấp công nhận", 18, "wrap"),
    _Col("Số QĐ công nhận", 16),
    _Col("Ngày công nhận", 12, "date"),
    _Col("Tình trạng", 14, "wrap"),
    _Col("Khen thưởng", 25, "wrap"),
    _Col("Mật", 6, "mark"),
)


# ---- temporary file, renamed into place -----------------------------------------------------

def _save(wb: Workbook, out_path: str | os.PathLike[str]) -> Path:
    """Save ``wb`` next to ``out_path`` under a temporary name, then rename it into place."""
    return write_atomically(out_path, wb.save, error=WorkbookError)


def _check_folder(out_path: str | os.PathLike[str]) -> Path:
    out = Path(out_path)
    if not out.parent.is_dir():
        raise WorkbookError(f"Không có thư mục {out.parent}.")
    if out.suffix.lower() != ".xlsx":
        raise WorkbookError(f"Tệp xuất phải có đuôi .xlsx: «{out.name}».")
    return out


# ---- the streamed list ---------------------------------------------------------------------

def _iso(column):
    """A date column read as its stored ISO text (turned into a date by :func:`_date`, far
    cheaper than SQLAlchemy's per-value parsing for SQLite)."""
    return type_coerce(column, String).label(column.key)


_FIELDS = (
    Initiative.seq, Initiative.number, Initiative.name, Initiative.kind, Initiative.field,
    Initiative.authors_text, Unit.name, _iso(Initiative.registered_on), Initiative.phase_number,
    _iso(Initiative.first_applied_on), Initiative.economic_benefit, Initiative.social_benefit,
    Initiative.status, Initiative.decision_number, _iso(Initiative.decision_date),
    Initiative.confidential, Initiative.portal_uploaded, Initiative.description,
    Initiative.recognised_by, Initiative.awards, Initiative.rejection_reason, Programme.code,
)


_MONEY = 10  # position of economic_benefit in _FIELDS


def _date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])


def _stream(session: Session, f: RegisterFilter) -> Iterator:
    """The filtered register in registration order, fetched :data:`CHUNK` rows at a time."""
    base = (select(*_FIELDS).select_from(Initiative).join(Unit, Unit.id == Initiative.unit_id)
            .outerjoin(Programme, Programme.id == Initiative.programme_id))
    query = register.apply_filter(base, f)
    if query is None:
        return iter(())
    result = session.execute(query.order_by(Initiative.seq), execution_options={"yield_per": CHUNK})
    return iter(result)


def _describe_filter(session: Session, f: RegisterFilter) -> str:
    parts = []
    if f.programme_id is not None:
        programme = session.get(Programme, f.programme_id)
        if programme is not None:
            parts.append(f"Chương trình: {programme.name}")
    if f.phase is not None:
        parts.append(f"Giai đoạn {f.phase}")
    if f.year is not None:
        parts.append(f"Năm {f.year}")
    if f.statuses:
        parts.append("Tình trạng: " + ", ".join(STATUS_LABELS[s] for s in sorted(f.statuses)))
    if f.kind is not None:
        parts.append(f"Loại: {KIND_LABELS[f.kind]}")
    if f.field is not None:
        parts.append(f"Lĩnh vực: {FIELD_LABELS[f.field]}")
    if f.text:
        parts.append(f"Tìm: “{f.text}”")
    return "; ".join(parts)


class _Sheet:
    """A write-only sheet with a title block, a frozen header row with an auto-filter, and
    data rows whose cells reuse one styled cell per column."""

    def __init__(self, wb: Workbook, title: str, columns: Sequence[_Col], heading: list[str]):
        self.ws = ws = wb.create_sheet(title)
        # Printable: one page wide at 9 pt or more (A3 for the 17 columns), long text
        # wrapped, each wrapped row as tall as its text (core.common.xlsx.print_layout).
        self.layout = layout = xlsx.print_layout(
            [c.width for c in columns], [c.kind == "wrap" for c in columns])
        self.columns = columns = [
            _Col(c.header, layout.widths[i], "wrap" if layout.wrap[i] and c.kind == "text"
                 else c.kind) for i, c in enumerate(columns)]
        width = len(columns)
        self.last_letter = get_column_letter(width)
        self.header_row = len(heading) + 2
        ws.freeze_panes = f"A{self.header_row + 1}"
        xlsx.apply_print_setup(ws, layout, title_rows=(self.header_row, self.header_row))
        ws.print_options.gridLines = True
        page_width = sum(layout.widths)
        for r, text in enumerate(heading, start=1):
            font = _TITLE_FONT if r == 2 else (_ITALIC if r > 2 else _BOLD)
            size = font.sz or 11
            xlsx.set_row_height(ws, r, xlsx.line_height(
                xlsx.text_lines(text, page_width, size), size))
            ws.append([xlsx.cell(ws, text, font=font, alignment=_CENTRE)])
            ws.merged_cells.add(f"A{r}:{self.last_letter}{r}")
        ws.append([])
        headers = [c.header for c in columns]
        xlsx.set_row_height(ws, self.header_row,
                            layout.row_height(headers, size=12, every_column=True))
        ws.append([xlsx.cell(ws, h, font=_BOLD, alignment=_CENTRE, border=_GRID,
                             fill=_HEADER_FILL) for h in headers])
        styled = {i: cell for i, cell in enumerate(self._data_cell(c) for c in columns)
                  if cell is not None}
        self.data = xlsx.Rows(ws, styled, layout, first_row=self.header_row + 1)

    @property
    def rows(self) -> int:
        return self.data.count

    def _data_cell(self, col: _Col) -> Cell | None:
        """The reusable styled cell of a column (no borders: the sheet prints with grid
        lines instead)."""
        if col.kind == "money":
            return xlsx.cell(self.ws, number_format=MONEY_FORMAT, alignment=_TOP)
        if col.kind == "date":
            return xlsx.cell(self.ws, number_format=DATE_FORMAT, alignment=_TOP_CENTRE)
        if col.kind == "wrap":
            return xlsx.cell(self.ws, alignment=_WRAP)
        if col.kind == "mark":
            return xlsx.cell(self.ws, alignment=_TOP_CENTRE)
        # Top-aligned like the wrapped text beside it (a tall row would leave it at the foot).
        return xlsx.cell(self.ws, alignment=_TOP)

    def append(self, values: Sequence[object]) -> None:
        """One data row (see :class:`core.common.xlsx.Rows`): text stays text, a bad
        character is dropped, and empty cells are not written at all."""
        self.data.append(values)

    def totals(self, values: Sequence[object]) -> None:
        """The closing "Tổng cộng" row, bold, and the auto-filter over header and data."""
        cells = []
        for col, value in zip(self.columns, values, strict=True):
            number_format = MONEY_FORMAT if col.kind == "money" else None
            cells.append(xlsx.cell(self.ws, value, font=_BOLD, border=_GRID,
                                   number_format=number_format,
                                   alignment=_WRAP if col.kind == "wrap" else _TOP))
        last = self.header_row + max(self.rows, 1)
        self.ws.auto_filter.ref = f"A{self.header_row}:{self.last_letter}{last}"
        xlsx.set_row_height(self.ws, self.header_row + self.rows + 1,
                            self.layout.row_height(values, size=12))
        self.ws.append(cells)


class _Ticker:
    def __init__(self, total: int, progress: Progress, is_cancelled: Cancelled):
        self.total, self.progress, self.is_cancelled = total, progress, is_cancelled

    def __call__(self, done: int) -> None:
        if done % 1000 == 0 or done == self.total:
            if self.is_cancelled is not None and self.is_cancelled():
                raise errors.Cancelled
            if self.progress is not None:
                self.progress(done, self.total)


def _heading(session: Session, title: str, f: RegisterFilter) -> list[str]:
    office = load_office(session)
    described = _describe_filter(session, f)
    return [
        (office.name or "").upper(),
        title,
        *([described] if described else []),
        f"(Xuất ngày {format_date(date.today())})",
    ]


def _label(labels: dict, value) -> str:
    return labels.get(value, str(value)) if value else ""


def _export(db: AppDatabase, out_path, f: RegisterFilter, *, sheet_name: str, title: str,
            columns: Sequence[_Col], values: Callable[[int, tuple], Sequence[object]],
            progress: Progress, is_cancelled: Cancelled) -> int:
    """Stream the filtered register through ``values(n, row)`` into a new sheet, close it
    with the totals row, save it in place; returns the number of rows. On any failure or
    cancel the half-written workbook is dropped and ``out_path`` is left as it was."""
    out = _check_folder(out_path)
    money_at = next(i for i, c in enumerate(columns) if c.kind == "money")
    wb = Workbook(write_only=True)
    try:
        with db.reading() as session:
            tick = _Ticker(register.totals(session, f).count, progress, is_cancelled)
            tick(0)
            sheet = _Sheet(wb, sheet_name, columns, _heading(session, title, f))
            benefit = 0
            for n, row in enumerate(_stream(session, f), start=1):
                if row[_MONEY]:
                    benefit += row[_MONEY]
                sheet.append(values(n, row))
                tick(n)
            count = sheet.rows
            totals: list[object] = [None] * len(columns)
            totals[0:3] = ["", "Tổng cộng", f"{format_money(count)} sáng kiến"]
            totals[money_at] = benefit
            sheet.totals(totals)
        _save(wb, out)
    except BaseException:
        _discard(wb)
        raise
    return count


def _discard(wb: Workbook) -> None:
    """Remove the temporary files openpyxl keeps for an unsaved write-only workbook."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None or not isinstance(writer.out, str):
            continue
        with contextlib.suppress(Exception):  # a broken stream is being thrown away anyway
            if getattr(ws, "_rows", None) is not None:
                ws._rows.close()  # end the row stream before the file under it
                ws._rows = None
            writer.close()
        with contextlib.suppress(OSError, ValueError):
            writer.cleanup()


def _register_values(n: int, row) -> tuple:
    (_seq, number, name, kind, field, authors, unit, registered, phase, applied, money,
     social, status, decision, decided, confidential, uploaded, *_rest, reason, programme) = row
    status_text = STATUS_LABELS.get(status, status)
    if status == InitiativeStatus.REJECTED and reason:  # as the importer reads it back
        status_text = f"{status_text}: {reason}"
    return (
        n, number, name, KIND_LABELS.get(kind, kind), FIELD_LABELS.get(field, field) if field else None,
        authors, unit, _date(registered), programme, phase, _date(applied), money, social or None,
        status_text, decision or None, _date(decided),
        MARK if confidential else None, MARK if uploaded else None,
    )


def export_register(db: AppDatabase, out_path: str | os.PathLike[str], f: RegisterFilter,
                    progress: Progress = None, is_cancelled: Cancelled = None) -> int:
    """The register ("Sổ theo dõi sáng kiến") for filter ``f`` as a formatted workbook, in
    registration order with a totals row; returns the number of initiatives written. Raises
    :class:`WorkbookError` when the file cannot be written and :class:`core.common.errors.Cancelled`
    (nothing written) on cancel."""
    return _export(db, out_path, f, sheet_name="Sổ theo dõi", title=REGISTER_TITLE,
                   columns=REGISTER_COLUMNS, values=_register_values, progress=progress,
                   is_cancelled=is_cancelled)


_BLANK_PORTAL_ROW = (None,) * len(PORTAL_COLUMNS)


def _portal_values(n: int, row) -> Sequence[object]:
    (_seq, number, name, kind, field, authors, unit, _registered, _phase, applied, money,
     social, status, decision, decided, confidential, _uploaded, description,
     recogniser, awards, _reason, _programme) = row
    if confidential:  # name, effect and awards only (seed 002)
        values: list[object] = list(_BLANK_PORTAL_ROW)
        values[0], values[2], values[9], values[10] = n, name, money, social or None
        values[15], values[16] = awards or None, CONFIDENTIAL
        return values
    return (
        n, number, name, _label(KIND_LABELS, kind), _label(FIELD_LABELS, field) or None,
        authors, unit, _date(applied), description or None, money, social or None,
        _label(RECOGNISER_LABELS, recogniser) or None, decision or None, _date(decided),
        _label(STATUS_LABELS, status), awards or None, None,
    )


def portal_filter(f: RegisterFilter, *, include_under_review: bool = False) -> RegisterFilter:
    """``f`` narrowed to what the office sends up: recognised (valid) initiatives, and those
    under review only when asked. Never a rejected one or a draft, whatever ``f`` says."""
    sent = {InitiativeStatus.VALID}
    if include_under_review:
        sent.add(InitiativeStatus.UNDER_REVIEW)
    statuses = frozenset(sent if f.statuses is None else sent & set(f.statuses))
    return replace(f, statuses=statuses)


def export_portal_list(db: AppDatabase, out_path: str | os.PathLike[str], f: RegisterFilter,
                       progress: Progress = None, is_cancelled: Cancelled = None, *,
                       include_under_review: bool = False) -> int:
    """The list to upload to the national initiative portal: only what the office sends up
    (:func:`portal_filter`: recognised initiatives; those under review only with
    ``include_under_review``); every field of a normal initiative; a confidential one keeps
    only its name, effect (benefit value and social effect) and awards, marked "Mật" (seed
    002). Returns the number of rows written."""
    f = portal_filter(f, include_under_review=include_under_review)
    return _export(db, out_path, f, sheet_name="Danh sách", title=PORTAL_TITLE,
                   columns=PORTAL_COLUMNS, values=_portal_values, progress=progress,
                   is_cancelled=is_cancelled)


# ---- the import template -------------------------------------------------------------------

TEMPLATE_COLUMNS: tuple[tuple[str, float, str], ...] = (
    ("STT", 6, "Số thứ tự (không bắt buộc)."),
    ("Tên sáng kiến", 45, "Bắt buộc. Tên sáng kiến, giải pháp hoặc đề tài."),
    ("Tác giả", 36, "Bắt buộc. Một hoặc nhiều người, cách nhau bằng dấu phẩy, chấm phẩy hoặc "
     "xuống dòng trong ô; ghi tỷ lệ đóng góp sau tên, ví dụ “Lê Thị Hương (60%), Trần Văn Đức "
     "(40%)”. Không ghi tỷ lệ thì chia đều; đã ghi thì tổng phải bằng 100%."),
    ("Đơn vị", 32, "Bắt buộc. Mã hoặc tên công đoàn cơ sở như trong danh mục đơn vị (không "
     "phân biệt hoa thường, có dấu hay không dấu)."),
    ("Lĩnh vực", 28, "Chọn trong danh sách: " + "; ".join(FIELD_LABELS.values()) + "."),
    ("Loại giải pháp", 30, "Chọn trong danh sách: " + "; ".join(KIND_LABELS.values())
     + ". Để trống: Giải pháp kỹ thuật."),
    ("Ngày đăng ký", 13, "Ngày đăng ký tham gia chương trình, dạng dd/mm/yyyy; giai đoạn được "
     "tính theo ngày này. Để trống: lấy ngày áp dụng lần đầu."),
    ("Ngày áp dụng lần đầu", 13, "Ngày áp dụng hoặc áp dụng thử lần đầu, dạng dd/mm/yyyy."),
    ("Giá trị làm lợi (đồng)", 18, "Số tiền làm lợi mỗi năm, số nguyên đồng, ví dụ 150.000.000."),
    ("Hiệu quả xã hội", 32, "Mô tả hiệu quả xã hội (nếu có)."),
    ("Tình trạng", 16, "Chọn: " + "; ".join(STATUS_LABELS.values())
     + ". Để trống: Đang xem xét."),
    ("Lý do không hợp lệ", 28, "Bắt buộc khi Tình trạng là “Không hợp lệ”."),
    ("Số quyết định công nhận", 18, "Số quyết định của Hội đồng sáng kiến, ví dụ 12/QĐ-HĐSK."),
    ("Ngày công nhận", 13, "Ngày của quyết định công nhận, dạng dd/mm/yyyy."),
    ("Tóm tắt nội dung", 45, "Tóm tắt nội dung, cách thực hiện của sáng kiến."),
    ("Chương trình", 22, "Mã hoặc tên chương trình; để trống: chương trình chọn khi nhập "
     "(mặc định 1TRIEU-SK)."),
    ("Mật", 7, "Ghi x nếu là sáng kiến mật (khi đăng tải chỉ công bố tên, hiệu quả và khen "
     "thưởng)."),
    ("Khen thưởng", 25, "Hình thức khen thưởng đã nhận (nếu có)."),
)


def _example_row(unit: str) -> list[object]:
    return [
        1,
        "Ứng dụng phần mềm quản lý hồ sơ đoàn viên công đoàn",
        "Lê Thị Hương (60%), Trần Văn Đức (40%)",
        unit,
        FIELD_LABELS[InitiativeField.IT_ELECTRONICS_TELECOM],
        KIND_LABELS[InitiativeKind.TECHNICAL],
        date(2022, 11, 1),
        date(2022, 10, 15),
        150_000_000,
        "Rút ngắn thời gian tra cứu hồ sơ đoàn viên",
        "Hợp lệ",
        None,
        "12/QĐ-HĐSK",
        date(2022, 12, 20),
        "Xây dựng phần mềm quản lý hồ sơ đoàn viên trên máy tính của công đoàn cơ sở.",
        "1TRIEU-SK",
        None,
        None,
    ]


def write_template(out_path: str | os.PathLike[str], *, unit: str = "") -> Path:
    """A blank import template: the recognised headers, one example row (its unit is
    ``unit`` — a code or name the database knows — or a placeholder name), drop-down lists
    for kind, field and status, and a "Hướng dẫn" sheet explaining every column."""
    out = _check_folder(out_path)
    wb = Workbook(write_only=True)
    headers = [h for h, _w, _n in TEMPLATE_COLUMNS]
    ws = wb.create_sheet("Danh sách sáng kiến")
    # Printable like every export (core.common.xlsx): the 18 columns on A3 landscape.
    layout = xlsx.print_layout([w for _h, w, _n in TEMPLATE_COLUMNS],
                               [w > 20 for _h, w, _n in TEMPLATE_COLUMNS])
    xlsx.apply_print_setup(ws, layout, title_rows=(3, 3))
    ws.freeze_panes = "A4"
    last = get_column_letter(len(headers))

    def cell(value, **style) -> Cell:
        return xlsx.cell(ws, value, **style)

    xlsx.set_row_height(ws, 1, xlsx.line_height(1, 14))
    ws.append([cell("DANH SÁCH SÁNG KIẾN ĐĂNG KÝ", font=_TITLE_FONT, alignment=_CENTRE)])
    ws.merged_cells.add(f"A1:{last}1")
    ws.append([cell("(Xoá dòng ví dụ trước khi nhập; xem trang “Hướng dẫn”)", font=_ITALIC,
                    alignment=_CENTRE)])
    ws.merged_cells.add(f"A2:{last}2")
    xlsx.set_row_height(ws, 3, layout.row_height(headers, size=12, every_column=True))
    ws.append([cell(h, font=_BOLD, alignment=_CENTRE, border=_GRID, fill=_HEADER_FILL)
               for h in headers])
    formats = {6: DATE_FORMAT, 7: DATE_FORMAT, 8: MONEY_FORMAT, 13: DATE_FORMAT}
    example = _example_row(unit or "CĐCS Trường Tiểu học số 1")
    xlsx.set_row_height(ws, 4, layout.row_height(example))
    ws.append([cell(v, font=_ITALIC, border=_GRID, number_format=formats.get(i, "General"),
                    alignment=_WRAP if layout.wrap[i] else _TOP)
               for i, v in enumerate(example)])

    # Drop-down lists from a hidden sheet (labels contain commas, so no inline lists).
    lists = {"Loại giải pháp": list(KIND_LABELS.values()),
             "Lĩnh vực": list(FIELD_LABELS.values()),
             "Tình trạng": list(STATUS_LABELS.values())}
    for col, (header, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(col)
        target = get_column_letter(headers.index(header) + 1)
        dv = DataValidation(
            type="list", formula1=f"'Danh mục'!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True, showErrorMessage=True, errorTitle="Giá trị không hợp lệ",
            error=f"Chọn {header.lower()} trong danh sách.",
        )
        dv.add(f"{target}4:{target}5000")
        ws.data_validations.append(dv)

    notes = wb.create_sheet("Hướng dẫn")
    guide = xlsx.print_layout([26, 100], [True, True])
    xlsx.apply_print_setup(notes, guide, title_rows=(4, 4))
    notes.append([xlsx.cell(notes, "HƯỚNG DẪN ĐIỀN DANH SÁCH SÁNG KIẾN", font=_BOLD)])
    intro = ("Mỗi dòng là một sáng kiến. Có thể thêm dòng tiêu đề, dòng STT, dòng “Tổng "
             "cộng”: chương trình tự bỏ qua. Dòng sai được báo lại kèm số dòng và lý do; các "
             "dòng đúng vẫn được nhập. Nhập lại cùng tệp không tạo bản trùng.")
    xlsx.set_row_height(notes, 2, xlsx.line_height(xlsx.text_lines(intro, sum(guide.widths))))
    notes.append([xlsx.cell(notes, intro, alignment=_WRAP)])
    notes.merged_cells.add("A2:B2")
    notes.append([])
    notes.append([xlsx.cell(notes, v, font=_BOLD) for v in ("Cột", "Cách ghi")])
    for row, (header, _w, note) in enumerate(TEMPLATE_COLUMNS, start=5):
        xlsx.set_row_height(notes, row, guide.row_height([header, note]))
        notes.append([xlsx.cell(notes, header, font=_BOLD, alignment=_WRAP),
                      xlsx.cell(notes, note, alignment=_WRAP)])

    choices = wb.create_sheet("Danh mục")
    choices.sheet_state = "hidden"
    listed = xlsx.Rows(choices)
    listed.append(list(lists))
    for i in range(max(len(v) for v in lists.values())):
        listed.append([v[i] if i < len(v) else None for v in lists.values()])
    return _save(wb, out)


def default_template_unit(session: Session) -> str:
    """A unit the example row of the template can name: the first grassroots union, else
    this office's own unit (by code)."""
    units = grassroots_units(session)
    if units:
        return units[0].name
    return load_office(session).unit_code
