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

openpyxl is imported by the modules that write workbooks, never at start-up: import this
module where a workbook is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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

    def __init__(self, ws, styled: dict[int, Cell] | None = None):
        self.ws = ws
        self.styled = sorted((styled or {}).items())
        self.count = 0

    def append(self, values: Sequence[object]) -> None:
        row = list(values)
        texts = [v for v in row if v.__class__ is str]
        if texts and _SUSPECT.search("\n".join(texts)) is not None:
            styled = {i for i, _c in self.styled}
            for i, v in enumerate(row):
                if isinstance(v, str) and i not in styled:
                    row[i] = cell(self.ws, v)
        for i, reused in self.styled:
            value = row[i]
            if value is not None:
                row[i] = put(reused, value)
        self.ws.append(row)
        self.count += 1
