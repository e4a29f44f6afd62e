"""Text already stored with characters :func:`core.common.text.clean` now removes.

Records written before ``clean`` dropped control characters, bidi controls and Unicode
non-characters, or written by other tools straight into the SQLite file, may still hold
them (a U+FFFE in one name makes the exported register invalid XML). :func:`problems`
finds them — table, column, row numbers and how many — for ``check``; :func:`repair`
cleans them in place for ``check --repair``, inside the caller's transaction (which then
rebuilds the search indexes from the cleaned columns).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import String, Table

from core.common.limits import MULTILINE_INITIATIVE_FIELDS
from core.common.text import FORBIDDEN, clean, name_sort_key
from db.models import Base

# Columns never scanned: sort keys hold \x01/\x02 separators by design (recomputed from the
# name they sort when that is repaired).
_SKIP = {("member", "sort_key")}
_RECOMPUTED = {("member", "full_name"): ("sort_key", name_sort_key)}
_SHOWN_ROWS = 10


@dataclass(frozen=True)
class Finding:
    table: str
    column: str
    rows: list[int]  # SQLite rowids


def _text_columns() -> Iterator[tuple[Table, list[str]]]:
    for table in Base.metadata.sorted_tables:
        if table.dialect_options["sqlite"].get("with_rowid") is False:
            continue  # counts kept by triggers (initiative_tally): codes, no text typed
        if table.info.get("verbatim"):
            continue  # copies of rows as they were (the sync outbox and conflicts)
        columns = [c.name for c in table.columns
                   if isinstance(c.type, String) and (table.name, c.name) not in _SKIP]
        if columns:
            yield table, columns


def _multiline(table: str, column: str) -> bool:
    return table == "initiative" and column in MULTILINE_INITIATIVE_FIELDS


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def find(connection) -> list[Finding]:
    """Every text column holding a forbidden code point, with the rows that hold one."""
    found: list[Finding] = []
    search = FORBIDDEN.search
    for table, columns in _text_columns():
        sql = f"SELECT rowid, {', '.join(map(_quote, columns))} FROM {_quote(table.name)}"
        hits: dict[str, list[int]] = {}
        for row in connection.exec_driver_sql(sql):
            for column, value in zip(columns, row[1:], strict=True):
                if isinstance(value, str) and search(value) is not None:
                    hits.setdefault(column, []).append(row[0])
        found += [Finding(table.name, c, rows) for c, rows in hits.items()]
    return found


def problems(connection) -> list[str]:
    """``check``'s lines, in Vietnamese, one per table and column."""
    lines = []
    for f in find(connection):
        shown = ", ".join(str(r) for r in f.rows[:_SHOWN_ROWS])
        more = f" và {len(f.rows) - _SHOWN_ROWS} dòng khác" if len(f.rows) > _SHOWN_ROWS else ""
        lines.append(
            f"Bảng {f.table}, cột {f.column}: {len(f.rows)} dòng chứa ký tự điều khiển, ký tự "
            f"đảo chiều hoặc ký tự không hợp lệ (dòng số {shown}{more}); chạy lệnh check "
            "--repair để làm sạch.")
    return lines


def repair(connection) -> int:
    """Clean every stored value :func:`find` reports, in place (no commit: the caller's
    transaction). Returns how many values changed."""
    changed = 0
    for f in find(connection):
        table, column = _quote(f.table), _quote(f.column)
        multiline = _multiline(f.table, f.column)
        derived = _RECOMPUTED.get((f.table, f.column))
        for rowid in f.rows:
            value = connection.exec_driver_sql(
                f"SELECT {column} FROM {table} WHERE rowid = ?", (rowid,)).scalar()
            cleaned = clean(value, multiline=multiline)
            connection.exec_driver_sql(
                f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (cleaned, rowid))
            if derived is not None:
                target, compute = derived
                connection.exec_driver_sql(
                    f"UPDATE {table} SET {_quote(target)} = ? WHERE rowid = ?",
                    (compute(cleaned), rowid))
            changed += 1
    return changed
