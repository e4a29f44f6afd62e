"""A generic, declarative workbook import engine (no Qt, no domain knowledge).

An importer describes the columns it expects and gets typed rows back::

    from core.common.vnformat import parse_date, parse_money
    from core.common.workbook import Column, ImportResult, parse_rows, read_rows, write_report

    COLUMNS = (
        Column("name", ("Họ và tên", "Họ tên"), required=True),
        Column("born", ("Ngày sinh",), parse=parse_date, label="Ngày sinh"),
        Column("amount", ("Số tiền", "Giá trị làm lợi"), parse=parse_money),
    )
    read = read_rows(path, COLUMNS, progress=job.progress, is_cancelled=job.is_cancelled)
    ok, rejected = parse_rows(read, COLUMNS)
    result = ImportResult(rejected=rejected)
    for row in ok:                       # row.number is the Excel row, row.data the fields
        ...                              # accepted / skipped / row.reject("why")
    write_report(result, "ket_qua.xlsx", title="Kết quả nhập đoàn viên", columns=COLUMNS)

Modules: :mod:`.columns` (the spec), :mod:`.headers` (header detection and matching),
:mod:`.reader` (calamine reading, row skipping), :mod:`.rows` (parsing and rejection),
:mod:`.result` (the shared result), :mod:`.report` (the report workbook),
:mod:`.progress` (progress and cancellation: :class:`core.common.errors.Cancelled`),
:mod:`.errors`, :mod:`.limits` (:class:`WorkbookLimits`), :mod:`.inspect` (refusing workbook
bombs before calamine sees them), :mod:`.isolated` (calamine in a child process).
"""

from core.common.workbook.columns import Column
from core.common.workbook.errors import WorkbookError
from core.common.workbook.headers import HEADER_SCAN_ROWS, normalise_header
from core.common.workbook.limits import DEFAULT_LIMITS, WorkbookLimits
from core.common.workbook.reader import SUPPORTED_EXTENSIONS, ReadResult, SourceRow, read_rows
from core.common.workbook.report import write_report
from core.common.workbook.result import NOTES_SHOWN, ImportResult, shown_notes
from core.common.workbook.rows import (
    ParsedRow,
    RejectedRow,
    iter_parsed,
    join_reasons,
    parse_row,
    parse_rows,
)

__all__ = [
    "DEFAULT_LIMITS",
    "HEADER_SCAN_ROWS",
    "NOTES_SHOWN",
    "SUPPORTED_EXTENSIONS",
    "Column",
    "ImportResult",
    "ParsedRow",
    "ReadResult",
    "RejectedRow",
    "SourceRow",
    "WorkbookError",
    "WorkbookLimits",
    "normalise_header",
    "iter_parsed",
    "join_reasons",
    "parse_row",
    "parse_rows",
    "read_rows",
    "shown_notes",
    "write_report",
]
