"""Reading the data rows of a sheet (.xlsx, .xlsm, .xlsb, .xls, .ods) with python-calamine.

:func:`read_rows` opens the workbook, finds the header row (see :mod:`core.common.workbook.headers`)
and returns one :class:`SourceRow` per data row, numbered as Excel shows it. It skips:

- blank rows (no value in any recognised column; an STT number alone counts as blank);
- a column-numbering row directly under the header ("(1) (2) (3)…" or "1 2 3 4…");
- totals rows: the first text cell that is not a number reads "Tổng", "Cộng", "Tổng cộng…"
  or "Tổng số…" (but not "Tổng công ty…").

Text cells are cleaned (NFC, trimmed, single spaces); empty cells become ``None``; numbers,
dates and booleans are passed on as calamine gives them (whole numbers may be floats).
A cell merged down over several data rows (.xlsx/.xls) gives its value to each of them.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from core.common.text import clean, fold
from core.common.workbook.columns import Column
from core.common.workbook.errors import WorkbookError, corrupt
from core.common.workbook.headers import (
    HeaderMatch,
    Merge,
    cell_text,
    find_header,
    normalise_header,
)
from core.common.workbook.inspect import cell_refusal, inspect_workbook
from core.common.workbook.isolated import read_sheets_isolated
from core.common.workbook.limits import DEFAULT_LIMITS, WorkbookLimits
from core.common.workbook.progress import IsCancelled, Progress, Ticker

if TYPE_CHECKING:  # python_calamine is imported when a file is read, not at start-up
    from python_calamine import CalamineSheet, CalamineWorkbook

SUPPORTED_EXTENSIONS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NUMBERING_TOKEN = re.compile(r"^[(\[]?(\d{1,3}|[A-Za-z])[)\]]?\.?(\s*[=*+\-x/:].*)?$")
_NUMBER_LIKE = re.compile(r"^[\d\s.,()\[\]\-+*/=:]*$|^[IVXLC]+\.?$")

Value = object


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One data row: ``number`` is the 1-based sheet row as the user sees it in Excel."""

    number: int
    values: dict[str, Value]


@dataclass
class ReadResult:
    """The rows of one sheet and where their columns were found."""

    path: Path
    sheet: str
    header_row: int  # 1-based number of the (first) header row
    header_height: int  # 1, or 2 for a group/sub-header header
    columns: dict[str, int]  # field key → 0-based column index in the sheet
    headers: dict[str, str]  # field key → header text as written in the sheet
    missing: list[str]  # keys of optional columns the sheet does not have
    rows: list[SourceRow] = field(default_factory=list)
    ignored: list[tuple[int, str]] = field(default_factory=list)  # (row number, why) e.g. totals

    def column_letter(self, key: str) -> str:
        """Excel letter ("A", "AB") of the column holding field ``key``."""
        index, letters = self.columns[key] + 1, ""
        while index:
            index, rest = divmod(index - 1, 26)
            letters = chr(65 + rest) + letters
        return letters


def _fail(message: str) -> WorkbookError:
    return WorkbookError(message)


def _precheck(path: Path) -> bytes:
    """Refuse what is plainly not a workbook (missing, a folder, HTML…); the first bytes."""
    name = f"«{path.name}»"
    if not path.exists():
        raise _fail(f"Không tìm thấy tệp {path}.")
    if path.is_dir():
        raise _fail(f"{path} là một thư mục, không phải tệp bảng tính.")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        raise _fail(
            f"Tệp {name} không phải bảng tính được hỗ trợ. Hãy lưu tệp dưới dạng Excel "
            "(.xlsx, .xls) hoặc LibreOffice (.ods) rồi chọn lại."
        )
    try:
        with path.open("rb") as f:
            head = f.read(512)
    except PermissionError as exc:
        raise _fail(
            f"Không có quyền đọc tệp {name}, hoặc tệp đang bị chương trình khác giữ. "
            "Hãy đóng tệp trong Excel/LibreOffice rồi thử lại."
        ) from exc
    except OSError as exc:
        raise _fail(f"Không đọc được tệp {name}: {exc.strerror or exc}.") from exc
    if not head:
        raise _fail(f"Tệp {name} rỗng (0 byte); có thể tệp bị hỏng khi sao chép.")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<", b"\xff\xfe<", b"\xfe\xff\x00<")):
        raise _fail(
            f"Tệp {name} thực ra là trang web (HTML/XML) mang đuôi {suffix}, không phải bảng "
            "tính. Hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx."
        )
    if not head.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
        raise _corrupt(name)
    return head


def open_book(path: Path) -> CalamineWorkbook:
    """Open ``path`` with calamine (after :func:`_precheck`); Vietnamese errors."""
    import python_calamine

    name = f"«{path.name}»"
    head = _precheck(path)
    expected = _OLE_MAGIC if path.suffix.lower() == ".xls" else _ZIP_MAGIC
    try:
        if head.startswith(expected):
            return python_calamine.CalamineWorkbook.from_path(path)
        # Right content under the wrong extension (".xls" that is really .xlsx…):
        # let calamine detect the format from the content.
        with path.open("rb") as f:
            return python_calamine.CalamineWorkbook.from_filelike(f)
    except (KeyboardInterrupt, SystemExit):
        raise
    except python_calamine.PasswordError as exc:
        raise _fail(
            f"Tệp {name} có đặt mật khẩu. Hãy mở tệp, bỏ mật khẩu rồi lưu lại và chọn lại."
        ) from exc
    except BaseException as exc:  # calamine errors, and Rust panics (BaseException)
        raise _corrupt(name) from exc


def _corrupt(name: str) -> WorkbookError:
    return corrupt(name)


def sheet_names(book: CalamineWorkbook, sheet: str | int | None) -> list[str]:
    import python_calamine

    names = list(book.sheet_names)
    if not names:
        raise _fail("Tệp không có trang tính nào.")
    if sheet is None:
        visible = [
            m.name
            for m in book.sheets_metadata
            if m.typ == python_calamine.SheetTypeEnum.WorkSheet
            and m.visible == python_calamine.SheetVisibleEnum.Visible
        ]
        return visible or names
    if isinstance(sheet, int):
        if 0 <= sheet < len(names):
            return [names[sheet]]
    else:
        if sheet in names:
            return [sheet]
        folded = [n for n in names if fold(n) == fold(clean(sheet))]
        if folded:
            return folded[:1]
    listed = ", ".join(f"«{n}»" for n in names)
    raise _fail(f"Không có trang tính «{sheet}» trong tệp. Các trang có trong tệp: {listed}.")


def get_sheet(book: CalamineWorkbook, name: str, file_name: str) -> CalamineSheet:
    try:
        return book.get_sheet_by_name(name)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        raise _corrupt(f"«{file_name}» (trang «{name}»)") from exc


def check_extent(sheet: CalamineSheet, limits: WorkbookLimits, file_name: str) -> None:
    """Refuse a sheet whose last cell (as calamine loaded it) is beyond the limits."""
    end = sheet.end
    if end is None:
        return
    rows, cols = end[0] + 1, end[1] + 1
    if rows > limits.max_rows or cols > limits.max_columns:
        raise cell_refusal(f"«{file_name}» (trang «{sheet.name}»)", rows, cols, limits)


def _load_sheet(
    book: CalamineWorkbook, name: str, file_name: str, limits: WorkbookLimits
) -> tuple[list[list[Value]], list[Merge]]:
    sheet = get_sheet(book, name, file_name)
    check_extent(sheet, limits, file_name)
    try:
        grid = sheet.to_python(skip_empty_area=False)
        merges = sheet.merged_cell_ranges or []
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        raise _corrupt(f"«{file_name}» (trang «{name}»)") from exc
    # calamine gives a list of lists: used as it is, not copied row by row
    return cast(list[list[Value]], grid), list(merges)


def _sheets_here(
    path: Path, sheet: str | int | None, limits: WorkbookLimits, ticker: Ticker
) -> Generator[tuple[str, list[list[Value]], list[Merge]], None, None]:
    book = open_book(path)
    try:
        for name in sheet_names(book, sheet):
            ticker.check()
            grid, merges = _load_sheet(book, name, path.name, limits)
            yield name, grid, merges
    finally:
        book.close()


_UNSEEN: Value = object()
_MEMO_LENGTH = 80  # longer texts (titles, descriptions) rarely repeat: not remembered
_MEMO_ENTRIES = 1 << 16


def _value(raw: Value) -> Value:
    if isinstance(raw, str):
        return clean(raw) or None
    return raw


def _is_numbering_row(cells: Sequence[Value]) -> bool:
    """ "(1) (2) (3)…", "1 2 3 4…", "A B 1 2…": column numbers printed under the header."""
    numbers: list[int] = []
    tokens = 0
    for raw in cells:
        if raw is None or raw == "":
            continue
        if isinstance(raw, bool):
            return False
        if isinstance(raw, int | float):
            if not float(raw).is_integer():
                return False
            numbers.append(int(raw))
        else:
            match = _NUMBERING_TOKEN.match(cell_text(raw))
            if not match:
                return False
            if match.group(1).isdigit():
                numbers.append(int(match.group(1)))
        tokens += 1
    return (
        tokens >= 2
        and bool(numbers)
        and numbers[0] == 1
        and all(b > a for a, b in zip(numbers, numbers[1:], strict=False))
    )


@functools.lru_cache(maxsize=512)
def _totals_start(start: str) -> bool:
    return fold(start) in ("to", "co")


def _is_totals_row(cells: Sequence[Value]) -> bool:
    for raw in cells:
        if not isinstance(raw, str):
            continue
        text = raw.strip()
        if not text or _NUMBER_LIKE.match(text):
            continue
        if text[0] not in "TtCc":  # cheap exit for the usual data row
            return False
        if not _totals_start(text[:2]):  # "Tổ…", "Cộ…", "TO…": rarely a data row's start
            return False
        name = normalise_header(text)
        if name in ("tong", "cong", "tong cong", "tong so"):
            return True
        if name.startswith("tong so "):
            return True
        return name.startswith("tong cong ") and not name.startswith("tong cong ty")
    return False


def _fill_down(grid: list[list[Value]], merges: Sequence[Merge], start: int) -> None:
    """Give a value merged down over data rows to every row it covers."""
    for (r0, c0), (r1, _c1) in merges:
        if r1 <= r0 or r0 < start or r0 >= len(grid) or c0 >= len(grid[r0]):
            continue
        value = grid[r0][c0]
        for r in range(r0 + 1, min(r1, len(grid) - 1) + 1):
            row = grid[r]
            if c0 < len(row) and row[c0] == "":
                row[c0] = value


def _expected(columns: Sequence[Column]) -> str:
    return "; ".join(c.describe() for c in columns)


def read_rows(
    path: str | os.PathLike[str],
    columns: Sequence[Column],
    *,
    sheet: str | int | None = None,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
    limits: WorkbookLimits | None = None,
) -> ReadResult:
    """Read the data rows of ``path`` for the given columns.

    ``sheet`` is a sheet name (exact, or the same ignoring tones/case) or a 0-based index;
    with ``None`` the visible sheets are tried in order and the first one with a header row
    is read. ``progress(done, total)`` is called as rows are read (``total`` = sheet rows
    below the header); ``is_cancelled()`` is polled and :class:`~core.common.errors.Cancelled` raised when
    it returns true. Raises :class:`WorkbookError` (Vietnamese message) when the file cannot
    be read, is beyond ``limits`` (default :data:`DEFAULT_LIMITS`; checked by
    :func:`~core.common.workbook.inspect.inspect_workbook` before calamine opens the file) or
    has no recognisable header row. A file the inspection cannot prove within the limits
    (.xls, .xlsb…) is read by calamine in a child process, so an abort cannot end this one.
    """
    path = Path(path)
    limits = limits or DEFAULT_LIMITS
    ticker = Ticker(0, progress, is_cancelled)
    ticker.check()
    _precheck(path)
    inspection = inspect_workbook(path, limits)
    ticker.check()
    isolate = limits.isolate == "always" or (limits.isolate == "auto" and not inspection.proven)
    sheets = (
        read_sheets_isolated(path, sheet, limits, ticker)
        if isolate
        else _sheets_here(path, sheet, limits, ticker)
    )
    misses: list[str] = []
    names: list[str] = []
    try:
        for name, grid, merges in sheets:
            names.append(name)
            search = find_header(grid, columns, merges)
            if search.match is not None:
                return _collect(path, name, grid, merges, search.match, columns, ticker)
            if search.near_row is not None:
                missing = ", ".join(c.label for c in search.near_missing)
                misses.append(
                    f"Dòng {search.near_row + 1} của trang «{name}» giống dòng tiêu đề nhưng "
                    f"thiếu cột bắt buộc: {missing}."
                )
    finally:
        sheets.close()
    where = f"trang «{names[0]}»" if len(names) == 1 else "các trang tính"
    message = (
        f"Không tìm thấy dòng tiêu đề cột trong {where} của tệp «{path.name}». Bảng cần có "
        f"một dòng tiêu đề với các cột: {_expected(columns)}."
    )
    raise _fail(" ".join([message, *misses]))


def _collect(
    path: Path,
    sheet: str,
    grid: list[list[Value]],
    merges: Sequence[Merge],
    header: HeaderMatch,
    columns: Sequence[Column],
    ticker: Ticker,
) -> ReadResult:
    start = header.data_start
    _fill_down(grid, merges, start)
    result = ReadResult(
        path=path,
        sheet=sheet,
        header_row=header.row + 1,
        header_height=header.height,
        columns=dict(header.columns),
        headers=dict(header.texts),
        missing=[c.key for c in columns if c.key not in header.columns],
    )
    mapped = [(key, col) for key, col in header.columns.items()]
    ticker.total = max(len(grid) - start, 0)
    ticker.start()
    first_content = True
    # Cells repeat (units, kinds, statuses, dates and amounts written as text): each short
    # text is cleaned once per read. clean() is pure and returns str, so sharing is safe.
    cleaned: dict[str, Value] = {}
    remembered = cleaned.get
    for done, r in enumerate(range(start, len(grid)), start=1):
        cells = grid[r]
        width = len(cells)
        values: dict[str, Value] = {}
        empty = True
        for key, col in mapped:
            raw = cells[col] if col < width else None
            if raw.__class__ is str:
                value = remembered(raw, _UNSEEN)
                if value is _UNSEEN:
                    value = clean(raw) or None
                    if len(raw) <= _MEMO_LENGTH and len(cleaned) < _MEMO_ENTRIES:
                        cleaned[raw] = value
            else:
                value = _value(raw) if isinstance(raw, str) else raw  # a str subclass
            values[key] = value
            if value is not None:
                empty = False
        if empty:
            ticker.tick(done)
            continue
        number = r + 1
        if first_content and _is_numbering_row(cells):
            result.ignored.append((number, "dòng đánh số cột"))
        elif _is_totals_row(cells):
            result.ignored.append((number, "dòng tổng cộng"))
        else:
            result.rows.append(SourceRow(number, values))
        first_content = False
        ticker.tick(done)
    ticker.finish()
    return result
