"""Turning :class:`~core.common.workbook.reader.SourceRow` cells into typed field values.

Each column's ``parse`` is applied to its non-empty cell. A ``ValueError`` (or a
:class:`core.common.errors.UserError`) becomes part of the row's reason, prefixed with the column's
label ("Ngày sinh: Ngày không hợp lệ: 31/02/2023 (dùng dạng dd/mm/yyyy)"); an empty required
cell gives "Thiếu <label>". All problems of a row are joined with "; " into one reason, so the
user can fix a row in one go.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.common.errors import UserError
from core.common.workbook.columns import Column
from core.common.workbook.headers import cell_text
from core.common.workbook.progress import IsCancelled, Progress, Ticker
from core.common.workbook.reader import ReadResult


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """A row that was not imported: its sheet row number, why, and what it held."""

    number: int
    reason: str
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ParsedRow:
    """A row whose cells all parsed: ``data`` maps field keys to typed values (``None`` for
    empty optional cells). ``source`` keeps the cell values for :meth:`reject`."""

    number: int
    data: dict[str, Any]  # parsed values, typed by each Column (str, int, date, enum …)
    source: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def reject(self, reason: str) -> RejectedRow:
        """Turn this row into a rejected one (for checks an importer makes after parsing,
        e.g. "Không có đơn vị mã CD01")."""
        return RejectedRow(self.number, reason, dict(self.source))


def join_reasons(reasons: Sequence[str]) -> str:
    """A row's problems as one reason: joined with "; ", the full stop of a problem that is
    not the last dropped ("… (hiện là 90%); Đơn vị: …", not "….; Đơn vị")."""
    return "; ".join([r.rstrip(". ") for r in reasons[:-1]] + list(reasons[-1:]))


def _problem(column: Column, raw: object, exc: Exception) -> str:
    message = str(exc).strip()
    if not message or isinstance(exc, TypeError):
        message = f"Giá trị không hợp lệ: {cell_text(raw)}"
    return f"{column.label}: {message}"


def parse_row(values: dict[str, object], columns: Sequence[Column]) -> tuple[dict, list[str]]:
    """(field values, problems) for one row's cell values."""
    return _parse(values, columns, {})


def _parse(values: dict[str, object], columns: Sequence[Column], absent: dict[str, None]
           ) -> tuple[dict, list[str]]:
    """:func:`parse_row` for the ``columns`` the sheet has; ``absent`` holds the keys of the
    optional columns it has not (``None`` each, nothing to parse)."""
    data: dict[str, object] = dict(absent)
    problems: list[str] = []
    get = values.get
    for column in columns:
        raw = get(column.key)
        if raw is None or (raw.__class__ is str and not raw.strip()):
            value = None
        elif column.parse is None:
            value = raw
        else:
            try:
                value = column.parse(raw)
            except (ValueError, TypeError, UserError) as exc:
                problems.append(_problem(column, raw, exc))
                continue
        if value is None and column.required:
            problems.append(f"Thiếu {column.label}")
        data[column.key] = value
    return data, problems


def parse_rows(
    read_result: ReadResult,
    columns: Sequence[Column],
    *,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> tuple[list[ParsedRow], list[RejectedRow]]:
    """Parse every row of ``read_result``: (rows that parsed, rows rejected with a reason).

    ``progress(done, total)`` counts rows; ``is_cancelled()`` is polled and
    :class:`~core.common.errors.Cancelled` raised when it returns true. Only the columns the
    sheet has are looked at in each row (the others are ``None``); a parsed row keeps its
    cell values (``source``) without copying them.
    """
    ok: list[ParsedRow] = []
    rejected: list[RejectedRow] = []
    ticker = Ticker(len(read_result.rows), progress, is_cancelled)
    ticker.start()
    for done, row in enumerate(iter_parsed(read_result, columns), start=1):
        if isinstance(row, ParsedRow):
            ok.append(row)
        else:
            rejected.append(row)
        ticker.tick(done)
    ticker.finish()
    return ok, rejected


def iter_parsed(read_result: ReadResult, columns: Sequence[Column]
                ) -> Iterator[ParsedRow | RejectedRow]:
    """:func:`parse_rows` one row at a time, in sheet order, for an importer that parses
    as it writes (no progress or cancel checks: the caller's loop makes them)."""
    here = [c for c in columns if c.key in read_result.columns]
    absent = {c.key: None for c in columns if c.key not in read_result.columns}
    if any(c.required for c in columns if c.key in absent):  # "Thiếu …" on every row
        here, absent = list(columns), {}
    for row in read_result.rows:
        data, problems = _parse(row.values, here, absent)
        if problems:
            yield RejectedRow(row.number, join_reasons(problems), dict(row.values))
        else:
            yield ParsedRow(row.number, data, row.values)
