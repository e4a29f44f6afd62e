"""Inspecting an untrusted workbook before python-calamine sees it.

A few kilobytes can make a spreadsheet reader allocate gigabytes (one cell at XFD1048576,
a 2-million-row sheet packed into a zip bomb, an .ods row repeated a million times), and
calamine aborts the whole process when an allocation fails. :func:`inspect_workbook` looks
at the container and the sheet data with bounded memory and refuses, with a Vietnamese
:class:`WorkbookError`, what is beyond :class:`WorkbookLimits`:

- zip (.xlsx, .xlsm, .xlsb, .ods): member count, each member's declared unpacked size, the
  total, the packing ratio per member and overall;
- .xlsx/.xlsm sheets: the declared ``<dimension ref>`` and every ``<row r>``/``<c r>`` seen
  while streaming the sheet XML out of the zip (chunks, a byte budget, never the whole part);
- .ods: ``content.xml`` streamed through expat (no DTD, no entities), counting repeated rows
  and cells (``number-rows-repeated``/``number-columns-repeated``) that hold content;
- .xls, .xlsb: the file size (their cells are binary; they are read in a child process).

It returns an :class:`Inspection` saying whether the file is *proven* within the limits
(then calamine may read it in-process) and how many bytes it decompressed.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from core.common.workbook.errors import WorkbookError, corrupt
from core.common.workbook.limits import MB, WorkbookLimits

CHUNK = 1 << 20  # bytes decompressed at a time
_MAX_TAG = 4 * CHUNK  # a tag longer than this is not followed across chunks

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s[^>]*?\bref="\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?"')
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\s[^>]*>")
_TYPE = re.compile(rb'\sType="([^"]*)"')
_TARGET = re.compile(rb'\sTarget="([^"]*)"')
_SHEET_TYPES = (b"/worksheet", b"/dialogsheet", b"/macrosheet", b"/xlMacrosheet")
_ROOT = re.compile(rb"<(\w+:)?worksheet[\s>]")


@dataclass(frozen=True)
class Inspection:
    """``proven``: the file is shown to be within the limits (safe to read in-process)."""

    proven: bool
    bytes_read: int  # bytes decompressed (or read) while inspecting


def _n(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _mb(n: int) -> str:
    return f"{_n(max(1, round(n / MB)))} MB"


def column_number(letters: str) -> int:
    """1-based column number of Excel letters ("A" → 1, "XFD" → 16384)."""
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def column_letters(number: int) -> str:
    """Excel letters of a 1-based column number (16384 → "XFD")."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_refusal(name: str, row: int, col: int | None, limits: WorkbookLimits
                 ) -> WorkbookError:
    """The refusal of a sheet with a cell beyond the limits, named as Excel shows it
    ("ô XFD1048576") and in words (its row, its column); ``col`` None when only the row is
    known (a row element met before its cells)."""
    where = []
    if row > limits.max_rows:
        where.append(f"dòng {_n(row)}")
    if col is not None and col > limits.max_columns:
        where.append(f"cột {_n(col)}")
    cell = f"ô {column_letters(col)}{row} ({', '.join(where)})" if col else f"ô ở {where[0]}"
    return WorkbookError(
        f"Tệp {name} có {cell} — vượt giới hạn {_n(limits.max_rows)} dòng, "
        f"{_n(limits.max_columns)} cột; hãy xóa các ô thừa rồi nhập lại."
    )


def _too_big(name: str, what: str) -> WorkbookError:
    return WorkbookError(
        f"Tệp {name} {what}; tệp có thể là «bom nén» hoặc chứa rất nhiều ô thừa. Hãy mở tệp "
        "bằng Excel hoặc LibreOffice, xóa các dòng, cột thừa, lưu lại rồi nhập lại."
    )


def _part(filename: str) -> str:
    """A zip member as a clerk would call it: a sheet is "một trang tính", not its XML path."""
    if filename.startswith("xl/worksheets/") or filename == "content.xml":
        return "một trang tính"
    return f"phần «{filename}»"


def _broken(name: str) -> WorkbookError:
    return corrupt(name)


class _Budget:
    """Bytes that may still be decompressed in this inspection."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0


def _stream(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget, name: str
) -> Iterator[bytes]:
    """The member's bytes in chunks, never more than its declared size or the budget."""
    left = info.file_size
    try:
        with zf.open(info) as f:
            while True:
                chunk = f.read(min(CHUNK, max(left, 0) + 1))
                if not chunk:
                    return
                left -= len(chunk)
                budget.used += len(chunk)
                if left < 0:  # more data than declared (zipfile stops at the size; belt and braces)
                    raise _broken(name)
                if budget.used > budget.limit:
                    raise _too_big(
                        name, f"giải nén ra hơn {_mb(budget.limit)} — vượt giới hạn "
                        f"{_mb(budget.limit)}"
                    )
                yield chunk
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
        raise _broken(name) from exc
    except NotImplementedError as exc:  # an unsupported compression method
        raise _broken(name) from exc


def _check_zip(
    zf: zipfile.ZipFile, path: Path, limits: WorkbookLimits, name: str
) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise _too_big(
            name, f"chứa {_n(len(infos))} tệp con — vượt giới hạn {_n(limits.max_members)}"
        )
    total = 0
    for info in infos:
        if info.file_size > limits.max_uncompressed:
            raise _too_big(
                name, f"có {_part(info.filename)} giải nén ra {_mb(info.file_size)} — vượt "
                f"giới hạn {_mb(limits.max_uncompressed)}"
            )
        total += info.file_size
        if info.file_size >= limits.ratio_floor and (
            info.file_size > limits.max_ratio * max(info.compress_size, 1)
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            raise _too_big(
                name, f"có {_part(info.filename)} nén với tỉ lệ {_n(ratio)}:1 — vượt giới hạn "
                f"{limits.max_ratio}:1"
            )
    if total > limits.max_uncompressed:
        raise _too_big(
            name, f"giải nén ra {_mb(total)} — vượt giới hạn {_mb(limits.max_uncompressed)}"
        )
    packed = max(path.stat().st_size, 1)
    if total >= limits.ratio_floor and total > limits.max_ratio * packed:
        raise _too_big(
            name, f"nén với tỉ lệ {_n(total // packed)}:1 — vượt giới hạn {limits.max_ratio}:1"
        )
    return infos


class _SheetScan:
    """Fast scans (literal searches, counts) over complete tags of a sheet's XML.

    Rows and cells whose reference is their first attribute (as Excel, LibreOffice and
    openpyxl write them) are checked against the limits; a row or cell written any other way
    (no reference, another attribute first) makes the extent unknown: the sheet is then not
    *proven* and calamine reads it in a child process."""

    def __init__(self, limits: WorkbookLimits, name: str) -> None:
        self.limits, self.name = limits, name
        self.referenced = True
        self.prefix(b"")

    def prefix(self, ns: bytes) -> None:
        """Build the search for tags written with namespace prefix ``ns`` (b"x:" or b"").

        One pass finds: a row number long enough to pass the row limit (group 1); a cell in
        column AA or beyond (2: letters, 3: row); a cell in A–Z with a long row number (4);
        a row or cell whose first attribute is not its reference (5)."""
        digits = len(str(self.limits.max_rows))  # only numbers this long can pass the limit
        self.search = re.compile(
            rb'<%s(?:row r="(\d{%d,})"|c r="([A-Z]{2,})(\d+)"|c r="[A-Z](\d{%d,})"'
            rb'|(row|c)(?:[>/]|\s(?!r=")))' % (re.escape(ns), digits, digits)
        )
        # Rows or cells written with another prefix than the root's are not followed.
        self.strays = (b"<row", b"<c ", b"<c>") if ns else (b":row", b":c ", b":c>")

    def start(self, data: bytes) -> None:
        root = _ROOT.search(data, 0, 1 << 16)
        if root and root.group(1):
            self.prefix(root.group(1))
        dim = _DIMENSION.search(data, 0, 1 << 16)
        if not dim:
            return
        for letters, digits in ((dim.group(1), dim.group(2)), (dim.group(3), dim.group(4))):
            if letters is not None:
                self.check(int(digits), column_number(letters.decode()))

    def check(self, row: int, col: int | None) -> None:
        if row > self.limits.max_rows or (col or 0) > self.limits.max_columns:
            raise cell_refusal(self.name, row, col, self.limits)

    def part(self, data: bytes) -> None:
        for row, letters, wide_row, narrow_row, bare in self.search.findall(data):
            if row:
                self.check(int(row), None)
            elif letters:
                self.check(int(wide_row), column_number(letters.decode()))
            elif narrow_row:
                self.check(int(narrow_row), None)
            elif bare:
                self.referenced = False
        if self.referenced and any(stray in data for stray in self.strays):
            self.referenced = False  # rows or cells written with another prefix: unknown


def _scan_xlsx_sheet(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget, limits: WorkbookLimits,
    name: str,
) -> bool:
    """Refuse a sheet whose dimension or cells go beyond the limits; True when every row and
    cell carried a reference (so the sheet's extent is known exactly)."""
    scan = _SheetScan(limits, name)
    tail = b""
    first = True
    for chunk in _stream(zf, info, budget, name):
        data = tail + chunk
        if first:
            first = False
            scan.start(data)
        # Scan up to the last tag that is complete; carry the rest into the next chunk.
        cut = data.rfind(b"<")
        if cut < 0 or data.find(b">", cut) >= 0:
            cut = len(data)
        scan.part(data[:cut])
        tail = data[cut:]
        if len(tail) > _MAX_TAG:  # a "tag" of megabytes: whatever it is, the extent is unknown
            scan.referenced = False
            tail = b""
    scan.part(tail)
    return scan.referenced


_ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ODS_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


class _OdsScan:
    """Expat handlers following the last row and column of each table that hold content."""

    def __init__(self, limits: WorkbookLimits, name: str) -> None:
        self.limits, self.name = limits, name
        self.row = 0  # rows before the current one
        self.row_repeat = 1
        self.row_has_content = False
        self.col = 0
        self.cell_repeat = 1
        self.cell_has_content = False
        self.in_cell = 0
        self.last_col = 0
        self.tables = 0  # depth of table:table elements
        self.nested = False  # a table inside a table: its rows are not followed

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == f"{_ODS_TABLE} table":
            self.tables += 1
            self.nested |= self.tables > 1
            self.row = 0
        elif tag == f"{_ODS_TABLE} table-row":
            self.row_repeat = _repeat(attrs.get(f"{_ODS_TABLE} number-rows-repeated"))
            self.row_has_content = False
            self.col = 0
            self.last_col = 0
        elif tag in (f"{_ODS_TABLE} table-cell", f"{_ODS_TABLE} covered-table-cell"):
            self.cell_repeat = _repeat(attrs.get(f"{_ODS_TABLE} number-columns-repeated"))
            self.cell_has_content = f"{_ODS_OFFICE} value-type" in attrs
            self.in_cell += 1
        elif self.in_cell and tag.startswith(_ODS_TEXT):
            self.cell_has_content = True

    def end(self, tag: str) -> None:
        if tag == f"{_ODS_TABLE} table":
            self.tables -= 1
        elif tag in (f"{_ODS_TABLE} table-cell", f"{_ODS_TABLE} covered-table-cell"):
            self.in_cell = max(self.in_cell - 1, 0)
            if self.cell_has_content:
                self.last_col = self.col + self.cell_repeat
                self.row_has_content = True
                if self.last_col > self.limits.max_columns:
                    raise cell_refusal(self.name, self.row + 1, self.last_col, self.limits)
            self.col += self.cell_repeat
        elif tag == f"{_ODS_TABLE} table-row":
            if self.row_has_content:
                last_row = self.row + self.row_repeat
                if last_row > self.limits.max_rows:
                    raise cell_refusal(self.name, last_row, self.last_col, self.limits)
            self.row += self.row_repeat


def _repeat(value: str | None) -> int:
    if not value:
        return 1
    try:
        return max(int(value), 1)
    except ValueError:
        return 1


def _forbidden(*_: object) -> None:
    raise ValueError("DTD/entity declarations are not allowed in a workbook")


def _scan_ods(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget, limits: WorkbookLimits,
    name: str,
) -> bool:
    """Refuse content.xml whose rows or cells with content go beyond the limits; True when
    its extent is known (no table nested in another)."""
    scan = _OdsScan(limits, name)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.StartDoctypeDeclHandler = _forbidden
    parser.EntityDeclHandler = _forbidden
    parser.ExternalEntityRefHandler = _forbidden  # type: ignore[assignment]
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        for chunk in _stream(zf, info, budget, name):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except (expat.ExpatError, ValueError) as exc:
        raise _broken(name) from exc
    return not scan.nested


def _sheet_targets(
    zf: zipfile.ZipFile, names: set[str], budget: _Budget, name: str
) -> set[str] | None:
    """The members the workbook's relationships name as sheets; None when they cannot be
    told (no relationships part, one that is too big, a sheet outside the zip)."""
    rels = "xl/_rels/workbook.xml.rels"
    if rels not in names or zf.getinfo(rels).file_size > CHUNK:
        return None
    data = b"".join(_stream(zf, zf.getinfo(rels), budget, name))
    targets: set[str] = set()
    for tag in _RELATIONSHIP.findall(data):
        kind = _TYPE.search(tag)
        target = _TARGET.search(tag)
        if kind is None or target is None or not kind.group(1).endswith(_SHEET_TYPES):
            continue
        path = target.group(1).decode("utf-8", "replace")
        path = path[1:] if path.startswith("/") else posixpath.normpath(f"xl/{path}")
        if path not in names:
            return None
        targets.add(path)
    return targets


def inspect_workbook(
    path: Path, limits: WorkbookLimits, *, on_read: Callable[[int], None] | None = None
) -> Inspection:
    """Refuse ``path`` (a :class:`WorkbookError`) when it is beyond ``limits``; say whether it
    was proven within them. The file's type is taken from its first bytes."""
    name = f"«{path.name}»"
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(8)
    if not head.startswith(b"PK\x03\x04"):  # .xls (OLE2) or anything calamine will reject
        if size > limits.max_uncompressed:
            raise _too_big(
                name, f"nặng {_mb(size)} — vượt giới hạn {_mb(limits.max_uncompressed)}"
            )
        return Inspection(proven=False, bytes_read=0)
    if size > limits.max_uncompressed:
        raise _too_big(name, f"nặng {_mb(size)} — vượt giới hạn {_mb(limits.max_uncompressed)}")
    budget = _Budget(limits.max_uncompressed)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise _broken(name) from exc
    with zf:
        infos = _check_zip(zf, path, limits, name)
        names = {i.filename for i in infos}
        proven = True
        if "content.xml" in names:  # OpenDocument
            proven &= _scan_ods(zf, zf.getinfo("content.xml"), budget, limits, name)
        if "xl/workbook.bin" in names:  # .xlsb: binary sheets, read in a child process
            proven = False
        elif "xl/workbook.xml" in names:
            targets = _sheet_targets(zf, names, budget, name)
            if targets is None:
                proven = False
                targets = set()
            targets |= {
                n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")
            }
            for member in sorted(targets):
                proven &= _scan_xlsx_sheet(zf, zf.getinfo(member), budget, limits, name)
            proven &= bool(targets)
        elif "content.xml" not in names:
            proven = False
    if on_read is not None:
        on_read(budget.used)
    return Inspection(proven=proven, bytes_read=budget.used)
