"""The one writer of xlsx cells: every value an export puts into a workbook goes through here.

openpyxl guesses a cell's type from its value: a ``str`` starting with "=" becomes a live
formula (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``) and "#N/A" an error. A user's text must
never be anything but text, so every ``str`` is stored with data type "s" (Excel shows it,
never evaluates it), whatever it starts with ("=", "+", "-", "@", a tab, a line break).
Text is also made storable: characters XML cannot hold are dropped, a carriage return
becomes the line feed every reader gets back anyway, and the length is cut to Excel's
32,767. Other values keep openpyxl's typing (numbers, dates, booleans).

Use (the register export, the official reports and the import report do; so must the
coming fund and commendation exports):

- :func:`put` — a value into an existing cell (a normal worksheet's ``ws.cell(r, c)``,
  or a styled write-only cell reused row after row);
- :func:`cell` — a new write-only cell holding a value, optionally styled;
- :func:`write` — ``ws.cell(row, column)`` of a normal worksheet, then :func:`put`;
- :class:`Rows` — the fast path for long write-only sheets: one reusable styled cell per
  styled column, other values passed bare to openpyxl (its fastest way), a row's text
  checked with one regular expression and only text openpyxl would misread wrapped in a
  text cell.

Printing (issue 10, point 12), for every workbook the app writes: :func:`print_layout`
chooses the paper (A4 landscape, A3 when A4 would print text below 9 pt) and the column
widths, :func:`apply_print_setup` sets the page up (one page wide, margins, title rows), and
:meth:`PrintLayout.row_height` / :func:`set_row_height` (or ``Rows(…, layout, first_row)``)
give each row whose wrapped text takes several lines its height.

openpyxl is imported by the modules that write workbooks, never at start-up: import this
module where a workbook is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

MAX_TEXT = 32_767  # characters Excel keeps in a cell

# Anything text() must change, or that openpyxl would not store as text when passed bare:
# XML-illegal characters, a carriage return, a leading "=" (formula) or "#" (error code).
# Rows joins a row's texts with "\n", so "\n=" or "\n#" inside one text also matches (a
# harmless slow path for that row).
_SUSPECT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\r]|(?:\A|\n)[=#]")
_FIX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\r]")


def text(value: str) -> str:
    """``value`` as it can be stored and read back: XML-illegal characters dropped, "\\r\\n"
    and a lone "\\r" made "\\n", at most :data:`MAX_TEXT` characters."""
    if _FIX.search(value) is not None:
        value = ILLEGAL_CHARACTERS_RE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value[:MAX_TEXT] if len(value) > MAX_TEXT else value


def put(target: Cell, value: object) -> Cell:
    """Store ``value`` in ``target``: a ``str`` always as text (data type "s"), never a
    formula or an error; anything else as openpyxl types it. Returns ``target``."""
    if isinstance(value, str):
        target._value = text(value)
        target.data_type = "s"
    elif value.__class__ is int or value.__class__ is float:  # what openpyxl would do, minus its look-ups (money
        target._value = value           # columns of a 100,000-row export)
        target.data_type = "n"
    else:
        target.value = value
    return target


def cell(ws, value: object = None, *, font=None, alignment=None, border=None, fill=None,
         number_format: str | None = None) -> Cell:
    """A new write-only cell of ``ws`` holding ``value`` (see :func:`put`), with the given
    styles (shared style objects: pass the same ones for every cell)."""
    made = WriteOnlyCell(ws)
    if font is not None:
        made.font = font
    if alignment is not None:
        made.alignment = alignment
    if border is not None:
        made.border = border
    if fill is not None:
        made.fill = fill
    if number_format is not None:
        made.number_format = number_format
    return put(made, value)


class _StyledCell(Cell):
    """A reusable styled write-only cell whose style id is worked out once: openpyxl looks
    it up in the workbook's style list for every cell it writes (a hash of the style array
    each time), which for one style reused row after row always gives the same number."""

    __slots__ = ("_style_id",)

    @property
    def style_id(self) -> int:
        return self._style_id


def _reusable(ws, styled: Cell) -> _StyledCell:
    """A copy of ``styled`` (a cell made by :func:`cell`) as a :class:`_StyledCell`."""
    made = _StyledCell(ws)
    made._style = styled._style
    made._style_id = styled.style_id
    return made


def _write_cells_directly(ws) -> None:
    """A write-only sheet's rows handed to its writer without openpyxl's detour for cells:
    its own ``_values_to_row`` first tries a ``Cell`` as a value, which raises (after
    formatting the cell's repr into the message) and then makes a new cell, for every
    styled cell of every row. Same cells, same order, same XML (tests/test_xlsx_rows.py
    compares the files byte for byte)."""
    plain = WriteOnlyCell(ws)

    def values_to_row(values, row_idx):
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                target = value
            else:
                plain.value = value
                target = plain
            target.column = col_idx
            target.row = row_idx
            yield target

    ws._values_to_row = values_to_row


def write(ws, row: int, column: int, value: object) -> Cell:
    """``value`` into the cell at ``row``, ``column`` of a normal (not write-only) sheet."""
    return put(ws.cell(row, column), value)


class Rows:
    """Rows of a write-only sheet, written fast and safely.

    ``styled`` maps a column index (0-based) to a styled cell made with :func:`cell`; that
    one cell is reused for every row (no style object per cell), its value set by
    :func:`put`. Values of the other columns are passed bare to openpyxl unless they are
    text it would misread or cannot store, which go as text cells. ``None`` writes no cell.
    """

    def __init__(self, ws, styled: dict[int, Cell] | None = None,
                 layout: PrintLayout | None = None, first_row: int = 1):
        self.ws = ws
        self.styled = [(i, _reusable(ws, c)) for i, c in sorted((styled or {}).items())]
        if getattr(ws, "_values_to_row", None) is not None and self.styled:
            _write_cells_directly(ws)  # a write-only sheet
        self.count = 0
        # With a layout, each row whose text wraps gets its height; ``first_row`` is the
        # sheet row (1-based) of the first append (a write-only sheet does not count them).
        self.layout = layout
        self.row = first_row

    def append(self, values: Sequence[object]) -> None:
        row = list(values)
        texts = [v for v in row if v.__class__ is str]
        if texts and _SUSPECT.search("\n".join(texts)) is not None:
            styled = {i for i, _c in self.styled}
            for i, v in enumerate(row):
                if isinstance(v, str) and i not in styled:
                    row[i] = cell(self.ws, v)
        if self.layout is not None:
            set_row_height(self.ws, self.row, self.layout.row_height(values))
            self.row += 1
        for i, reused in self.styled:
            value = row[i]
            if value is not None:
                row[i] = put(reused, value)
        self.ws.append(row)
        self.count += 1


# ---- printing -------------------------------------------------------------------------------
#
# Every workbook the app writes prints readably (issue 10, point 12): on A4 landscape, or A3
# when A4 would print its text smaller than MIN_PRINT_POINTS; one page wide, as many pages
# long as it takes; the header row repeated on every page; wrapped text in long columns, and
# an explicit height on every row whose text wraps (LibreOffice and Excel do not size rows
# of a written file themselves: without it a wrapped name overlaps the next row).

MIN_PRINT_POINTS = 9.0  # the smallest printed text size allowed
_AIM_POINTS = 9.5  # what layouts aim at: office suites round their fit-to-page scale down
PAPERS = {"A4": (9, 297, 210), "A3": (8, 420, 297)}  # openpyxl paperSize, long and short side mm
MARGIN_MM = 15.0  # left and right; top and bottom
_POINTS_PER_MM = 72 / 25.4
MIN_WRAP_WIDTH = 8.0  # a wrapped column is never narrowed below this (character widths)
_NARROW_WIDTH = 14.0  # columns at most this wide hold short values (codes, dates, marks)


def column_points(width: float) -> float:
    """Points an Excel column ``width`` (character widths of the default font) takes."""
    return (width * 7 + 5) * 0.75  # 7 pixels a character, 5 of padding; 0.75 pt a pixel


@dataclass(frozen=True)
class PrintLayout:
    """How a sheet prints: its column ``widths`` (character widths), which columns wrap,
    the paper, and the scale at which one page wide prints it; ``font_size`` is the size of
    its body text (points), ``header_size`` of its header row."""

    widths: tuple[float, ...]
    wrap: tuple[bool, ...]
    paper: str = "A4"
    landscape: bool = True
    scale: float = 1.0
    font_size: float = 11.0
    header_size: float = 12.0

    @property
    def printed_size(self) -> float:
        """Points the smallest text prints at."""
        return self.scale * min(self.font_size, self.header_size)

    def row_height(self, values: Sequence[object], size: float | None = None,
                   first_column: int = 0, *, every_column: bool = False) -> float | None:
        """The height (points) of a row holding ``values`` (from column ``first_column``,
        0-based) when the text of a wrapped column (of any column, ``every_column``: a
        header row, bold, wraps throughout) takes more lines than one; ``None`` otherwise."""
        size = size or self.font_size
        lines = 1
        wrap, widths = self.wrap, self.widths
        for i, value in enumerate(values, start=first_column):
            if not isinstance(value, str) or i >= len(widths) or not (every_column or wrap[i]):
                continue
            if len(value) <= _per_line(widths[i], size, every_column) and "\n" not in value:
                continue  # one line: nothing to count
            lines = max(lines, text_lines(value, widths[i], size, bold=every_column))
        return line_height(lines, size) if lines > 1 else None


def _per_line(width: float, size: float, bold: bool = False) -> float:
    """Characters a line of a column ``width`` wide holds at ``size`` points (an estimate
    on the safe side, checked by printing through LibreOffice: Vietnamese letters with their
    marks in Calibri, Times New Roman or their metric twins; bold ones wider)."""
    return max((width - 1) * 11 / size * (0.9 if bold else 1.2), 1.0)


def text_lines(value: str, width: float, size: float = 11.0, *, bold: bool = False) -> int:
    """Lines ``value`` takes wrapped in a column ``width`` wide, at ``size`` points: an
    estimate on the safe side (Vietnamese letters with their marks, a substitute font
    slightly wider than Calibri or Times New Roman)."""
    per_line = _per_line(width, size, bold)
    lines = 0
    for part in value.split("\n"):
        if len(part) <= per_line:
            lines += 1
            continue
        # Words are not broken: a line ends at the last space that fits (a word longer
        # than a line is broken where the line ends).
        count, used = 0, -1.0
        for word in part.split(" "):
            if used >= 0 and used + 1 + len(word) <= per_line:
                used += 1 + len(word)
                continue
            count += 1
            used = float(len(word))
            while used > per_line:
                count += 1
                used -= per_line
        lines += count
    return max(lines, 1)


def line_height(lines: int, size: float = 11.0) -> float:
    """Points ``lines`` lines of ``size``-point text take in a row (with its padding)."""
    return round(lines * size * 1.28 + 4, 1)


def print_layout(widths: Sequence[float], wrap: Sequence[bool], *, font_size: float = 11.0,
                 header_size: float = 12.0, landscape: bool = True,
                 papers: Sequence[str] = ("A4", "A3"),
                 side_margins_mm: float = 2 * MARGIN_MM) -> PrintLayout:
    """A layout printing columns of these ``widths`` one page wide with no text below
    :data:`MIN_PRINT_POINTS` between side margins of ``side_margins_mm`` together: the first
    of ``papers`` on which they fit; when none fits, the
    wrapped columns (and the other wide ones, which start wrapping) are narrowed in
    proportion until the sheet fits the last paper."""
    widths = [float(w) for w in widths]
    wrapped = list(wrap)
    smallest = min(font_size, header_size)

    def scale(paper: str) -> float:
        _code, long_mm, short_mm = PAPERS[paper]
        page_mm = (long_mm if landscape else short_mm) - side_margins_mm
        total = sum(column_points(w) for w in widths)
        return min(1.0, page_mm * _POINTS_PER_MM / total)

    for paper in papers:
        if scale(paper) * smallest >= _AIM_POINTS:
            return PrintLayout(tuple(widths), tuple(wrapped), paper, landscape, scale(paper),
                               font_size, header_size)
    paper = papers[-1]
    for i, w in enumerate(widths):  # wide text columns wrap rather than being cut
        if w > _NARROW_WIDTH * 1.5:
            wrapped[i] = True
    # The wrapped columns shrink in proportion (the widest stays the widest), none below
    # MIN_WRAP_WIDTH, until the sheet prints at MIN_PRINT_POINTS.
    original = list(widths)
    factor = 1.0
    while scale(paper) * smallest < _AIM_POINTS and factor > 0.05:
        factor -= 0.01
        widths = [max(MIN_WRAP_WIDTH, round(w * factor, 1)) if wrapped[i] and w > MIN_WRAP_WIDTH
                  else w for i, w in enumerate(original)]
    return PrintLayout(tuple(widths), tuple(wrapped), paper, landscape, scale(paper),
                       font_size, header_size)


def set_row_height(ws, row: int, height: float | None) -> None:
    """An explicit height for sheet row ``row`` (1-based); for a write-only sheet, before
    the row is appended."""
    if height is not None:
        ws.row_dimensions[row].height = height


def apply_print_setup(ws, layout: PrintLayout, *, title_rows: tuple[int, int] | None = None,
                      set_widths: bool = True) -> None:
    """Page setup of ``ws`` for ``layout``: paper and orientation, one page wide and as many
    long as needed, margins, ``title_rows`` (first, last; 1-based) repeated on every page,
    and (``set_widths``) the column widths. Call before any row of a write-only sheet is
    written."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    if set_widths:
        for i, width in enumerate(layout.widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
    ws.page_setup.paperSize = PAPERS[layout.paper][0]
    ws.page_setup.orientation = "landscape" if layout.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    else:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    margins = ws.page_margins
    margins.left = margins.right = margins.top = margins.bottom = MARGIN_MM / 25.4
    margins.header = margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    if title_rows is not None:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
