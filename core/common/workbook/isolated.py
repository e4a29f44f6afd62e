"""Running calamine in a child process, so that an abort (a failed huge allocation, a Rust
panic that is not caught) kills the child and not the window.

The child (started with multiprocessing's "spawn" context; ``main.py`` calls
``multiprocessing.freeze_support()`` for the frozen app) opens the workbook, picks the sheets
and sends each one back over a pipe: its name, then its rows in chunks of :data:`CHUNK_ROWS`,
then its merged ranges. The parent polls the pipe, checks ``is_cancelled`` while it waits
(cancelling kills the child), and turns a child that died into a :class:`WorkbookError`.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Generator
from multiprocessing.connection import Connection
from pathlib import Path

from core.common.workbook.errors import WorkbookError
from core.common.workbook.limits import WorkbookLimits
from core.common.workbook.progress import Ticker

CHUNK_ROWS = 2_000
POLL_SECONDS = 0.1

Sheet = tuple[str, list[list[object]], list[tuple[tuple[int, int], tuple[int, int]]]]


def _child(path: str, sheet: str | int | None, limits: WorkbookLimits, conn: Connection) -> None:
    from core.common.workbook import reader

    try:
        book = reader.open_book(Path(path))
        try:
            for name in reader.sheet_names(book, sheet):
                sheet_obj = reader.get_sheet(book, name, Path(path).name)
                reader.check_extent(sheet_obj, limits, Path(path).name)
                conn.send(("sheet", name))
                start_col = sheet_obj.start[1] if sheet_obj.start else 0
                pad = [""] * start_col
                chunk: list[list[object]] = []
                for row in sheet_obj.iter_rows():
                    chunk.append(pad + list(row) if pad else list(row))
                    if len(chunk) >= CHUNK_ROWS:
                        conn.send(("rows", chunk))
                        chunk = []
                if chunk:
                    conn.send(("rows", chunk))
                conn.send(("end", list(sheet_obj.merged_cell_ranges or [])))
        finally:
            book.close()
        conn.send(("done", None))
    except WorkbookError as exc:
        conn.send(("error", str(exc)))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # noqa: BLE001 - calamine errors and panics: the file is broken
        conn.send(("error", str(reader.corrupt(f"«{Path(path).name}»"))))
    finally:
        conn.close()


def _died(name: str) -> WorkbookError:
    return WorkbookError(
        f"Không đọc được tệp «{name}» (trình đọc bảng tính bị dừng đột ngột). Tệp có thể quá "
        "lớn hoặc bị hỏng; hãy mở tệp bằng Excel hoặc LibreOffice, xóa các dòng, cột thừa, "
        "lưu lại rồi nhập lại."
    )


def read_sheets_isolated(
    path: Path, sheet: str | int | None, limits: WorkbookLimits, ticker: Ticker
) -> Generator[Sheet, None, None]:
    """Yield ``(name, grid, merges)`` for each candidate sheet, read by a child process.

    Closing the generator early (the caller found its sheet) or a cancellation kills the
    child."""
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(str(path), sheet, limits, send), daemon=True)
    process.start()
    send.close()
    try:
        name: str | None = None
        grid: list[list[object]] = []
        while True:
            while not receive.poll(POLL_SECONDS):
                ticker.check()
                if not process.is_alive() and not receive.poll(0):
                    raise _died(path.name)
            ticker.check()
            try:
                kind, payload = receive.recv()
            except (EOFError, OSError) as exc:
                raise _died(path.name) from exc
            if kind == "sheet":
                name, grid = payload, []
            elif kind == "rows":
                grid.extend(payload)
            elif kind == "end":
                assert name is not None
                yield name, grid, payload
                name, grid = None, []
            elif kind == "error":
                raise WorkbookError(payload)
            else:  # done
                return
    finally:
        receive.close()
        if process.is_alive():
            process.kill()
        process.join(5)
        process.close()
