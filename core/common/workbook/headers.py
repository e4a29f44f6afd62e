"""Finding the header row of a sheet and matching its cells to the expected columns.

Header texts are compared in their :func:`normalise_header` form: folded (lower case, no tone
marks, đ → d) with punctuation turned into spaces, so "Họ và tên (*)", "HO VA TEN" and
"họ  và  tên:" are the same header.

A synonym matches a header cell when the normalised texts are equal; failing that (for no
column of the sheet), when the header starts with the synonym followed by more words, so
"Giá trị làm lợi (đồng)" is matched by the synonym "Giá trị làm lợi". Exact matches are
assigned first for all columns, then prefix matches, so a prefix can never steal a cell that
another column names exactly. Each header cell serves at most one column; when several cells
match, the leftmost wins.

Two-row headers: a group cell merged across several columns ("Số đoàn viên" over "Tổng số" |
"Nữ") names its columns "<group> <sub-header>" ("Số đoàn viên Tổng số"); the sub-header alone
("Nữ") is tried only after the combined text. A cell merged down over both rows (text on the
first row, blank below) names its column by itself. calamine reports merged ranges for
.xlsx/.xls only; for .ods a group is inferred from the layout (a text followed by blank
cells on the first row, with sub-headers under all of them).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.common.text import clean, fold
from core.common.workbook.columns import Column

# The header row is looked for among the first rows of a sheet (title rows, the issuing
# unit, the date line… come above it).
HEADER_SCAN_ROWS = 30

# Serial-number headers: only a column that names them exactly may take such a cell.
STT_HEADERS = frozenset({"stt", "tt", "so tt", "so thu tu", "thu tu"})

_NOT_WORD = re.compile(r"[\W_]+")

Merge = tuple[tuple[int, int], tuple[int, int]]


def cell_text(value: object) -> str:
    """The text a cell shows, cleaned (NFC, single spaces); "" for an empty cell."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M") if value.time() else value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return clean(value)


def normalise_header(value: object) -> str:
    """Comparison form of a header text: folded, punctuation removed, single spaces.

    >>> normalise_header("Giá trị làm lợi (đồng):")
    'gia tri lam loi dong'
    """
    return " ".join(_NOT_WORD.sub(" ", fold(cell_text(value))).split())


@dataclass(frozen=True)
class HeaderMatch:
    """Where the header is and which sheet column (0-based index) holds each field."""

    row: int  # 0-based index of the (first) header row
    height: int  # 1 or 2 header rows
    columns: dict[str, int]  # field key → 0-based column index
    texts: dict[str, str]  # field key → header text as written in the sheet

    @property
    def data_start(self) -> int:
        """0-based index of the first row below the header."""
        return self.row + self.height


@dataclass
class _Cell:
    col: int
    text: str  # as shown in the sheet (group and sub-header joined by " ")
    variants: list[str]  # normalised names, most specific first


def _row(grid: Sequence[Sequence[object]], r: int) -> Sequence[object]:
    return grid[r] if 0 <= r < len(grid) else ()


def _text_at(grid: Sequence[Sequence[object]], r: int, c: int) -> str:
    row = _row(grid, r)
    return cell_text(row[c]) if c < len(row) else ""


def _single_row_cells(grid: Sequence[Sequence[object]], r: int) -> list[_Cell]:
    cells = []
    for c, value in enumerate(_row(grid, r)):
        text = cell_text(value)
        if text:
            cells.append(_Cell(c, text, [normalise_header(text)]))
    return cells


def _groups(
    grid: Sequence[Sequence[object]], r: int, merges: Sequence[Merge]
) -> tuple[dict[int, tuple[int, int]], bool]:
    """Group cells on row ``r`` with sub-headers on row ``r + 1``.

    Returns {column: (first, last) column of its group} and whether any cell of row ``r``
    is merged down over row ``r + 1``.
    """
    width = max(len(_row(grid, r)), len(_row(grid, r + 1)))
    groups: dict[int, tuple[int, int]] = {}
    covered: set[int] = set()
    tall = False
    for (r0, c0), (r1, c1) in merges:
        if r0 != r:
            continue
        covered.update(range(c0, c1 + 1))
        if r1 >= r + 1:
            tall = True
        elif c1 > c0 and any(_text_at(grid, r + 1, c) for c in range(c0, c1 + 1)):
            for c in range(c0, c1 + 1):
                groups[c] = (c0, c1)
    # Layout inference where no merge is known (.ods, or "centre across selection"); not on
    # a row with a single text (a title), which would make a group of the header below it.
    if sum(1 for v in _row(grid, r) if cell_text(v)) < 2:
        return groups, tall
    c = 0
    while c < width:
        if c in covered or not _text_at(grid, r, c) or not _text_at(grid, r + 1, c):
            c += 1
            continue
        end = c
        while (
            end + 1 < width
            and end + 1 not in covered
            and not _text_at(grid, r, end + 1)
            and _text_at(grid, r + 1, end + 1)
        ):
            end += 1
        if end > c:
            for k in range(c, end + 1):
                groups[k] = (c, end)
        c = end + 1
    return groups, tall


def _two_row_cells(
    grid: Sequence[Sequence[object]], r: int, groups: dict[int, tuple[int, int]]
) -> list[_Cell]:
    width = max(len(_row(grid, r)), len(_row(grid, r + 1)))
    cells = []
    for c in range(width):
        child = _text_at(grid, r + 1, c)
        if c in groups:
            first, _last = groups[c]
            parent = _text_at(grid, r, first)
            if child:
                text = f"{parent} {child}"
                cells.append(_Cell(c, text, [normalise_header(text), normalise_header(child)]))
            elif c == first:
                cells.append(_Cell(c, parent, [normalise_header(parent)]))
            continue
        parent = _text_at(grid, r, c)
        if parent and child:  # a header with a note under it ("Ghi chú" / "(nếu có)")
            text = f"{parent} {child}"
            cells.append(_Cell(c, text, [normalise_header(text), normalise_header(parent)]))
        elif parent or child:
            cells.append(_Cell(c, parent or child, [normalise_header(parent or child)]))
    return cells


def _match(cells: list[_Cell], columns: Sequence[Column]) -> tuple[dict[str, _Cell], int]:
    """{field key: cell}, and how many matched only by a fallback name (a sub-header alone)."""
    synonyms = {
        col.key: [s for s in (normalise_header(x) for x in col.synonyms) if s] for col in columns
    }
    found: dict[str, _Cell] = {}
    used: set[int] = set()
    fallbacks = 0
    for prefix in (False, True):
        for level in (0, 1):
            for col in columns:
                if col.key in found:
                    continue
                for cell in cells:
                    if cell.col in used or len(cell.variants) <= level:
                        continue
                    name = cell.variants[level]
                    if prefix and name in STT_HEADERS:  # "Số TT" is no "Số …" column
                        continue
                    if any(
                        name.startswith(s + " ") if prefix else name == s for s in synonyms[col.key]
                    ):
                        found[col.key] = cell
                        used.add(cell.col)
                        fallbacks += level
                        break
    return found, fallbacks


def _looks_like_sub_header(
    grid: Sequence[Sequence[object]],
    r: int,
    groups: dict[int, tuple[int, int]],
    single: dict[str, _Cell],
) -> bool:
    """Row ``r + 1`` reads as sub-headers, not data: only text, and blank under every
    column that is not part of a group (those headers are merged down over it)."""
    if any(v != "" and not isinstance(v, str) for v in _row(grid, r + 1)):
        return False
    return all(
        not _text_at(grid, r + 1, cell.col) for cell in single.values() if cell.col not in groups
    )


@dataclass
class HeaderSearch:
    """Outcome of :func:`find_header`: the match, or the nearest miss for the message."""

    match: HeaderMatch | None
    near_row: int | None = None  # 0-based row that had some columns but not the required ones
    near_missing: list[Column] = field(default_factory=list)


def find_header(
    grid: Sequence[Sequence[object]],
    columns: Sequence[Column],
    merges: Sequence[Merge] = (),
    scan_rows: int = HEADER_SCAN_ROWS,
) -> HeaderSearch:
    """The row among the first ``scan_rows`` that names the most columns, all required ones
    included; on a tie, the one naming more of them directly (not by a sub-header alone),
    then the earliest."""
    required = [c for c in columns if c.required]
    best: tuple[int, int, tuple[int, int], dict[str, _Cell]] | None = None
    near: tuple[int, int, list[Column]] | None = None
    for r in range(min(scan_rows, len(grid))):
        cells = _single_row_cells(grid, r)
        if not cells:
            continue
        found, fallbacks = _match(cells, columns)
        height = 1
        groups, tall = _groups(grid, r, merges)
        if groups or tall:
            cells2 = _two_row_cells(grid, r, groups)
            found2, fallbacks2 = _match(cells2, columns)
            if len(found2) > len(found) or (
                len(found2) == len(found) and _looks_like_sub_header(grid, r, groups, found)
            ):
                found, fallbacks, height = found2, fallbacks2, 2
        missing = [c for c in required if c.key not in found]
        if missing:
            if found and (near is None or len(found) > near[1]):
                near = (r, len(found), missing)
            continue
        score = (len(found), -fallbacks)
        if found and (best is None or score > best[2]):
            best = (r, height, score, found)
    if best is None:
        if near is None:
            return HeaderSearch(None)
        return HeaderSearch(None, near[0], near[2])
    r, height, _score, found = best
    return HeaderSearch(
        HeaderMatch(
            row=r,
            height=height,
            columns={key: cell.col for key, cell in found.items()},
            texts={key: cell.text for key, cell in found.items()},
        )
    )
