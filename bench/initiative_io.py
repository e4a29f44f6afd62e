"""Initiative workbook import and export of 100,000 rows against the raw libraries.

Import: a real-style workbook of ROWS initiatives (title row, STT column, totals row, dates
as Excel dates and as text, money as numbers and as "1.200.000 đ", one to three authors per
cell with or without "(60%)") for the CĐCS of the Lai Châu demo. Ours is
``core.initiatives.importing.import_initiatives`` into a database holding the demo units
(reading, validation, duplicate check, insert, search index, sync change capture:
everything); raw is python-calamine reading the same sheet into Python values. Target ≤ 4×
(issue 9). The second yardstick: the rows our import wrote (initiatives, authors, history),
already as the driver's values, inserted into the same database of units by a plain
``sqlite3`` executemany per table on one thread, the search index and the tally filled once
afterwards and the sync outbox written once (the triggers set aside meanwhile, as our
import does), one transaction, same pragmas. Target ≤ 2×. Where SQLite's
pages go in the imported database (``dbstat``) is recorded with the load of the machine.

Export: ``core.initiatives.export.export_register`` of a register of ROWS initiatives (the
demo register generator) against openpyxl's write-only mode writing the same values with
no formatting. Target ≤ 1.3×.

Medians of RUNS interleaved runs, wall time. ``python -m bench initiative_io``.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from bench.report import OUT, write_section

ROWS = int(os.environ.get("BENCH_IO_ROWS", "100000"))
RUNS = 3
SEED = 7


def _cached(path: Path, fill, template: Path | None = None) -> Path:
    """``path``, built once: ``fill(db)`` on a fresh database (or a copy of ``template``),
    folded into one file and renamed into place."""
    from core.common.database import open_app_database

    if path.exists():
        return path
    part = path.with_suffix(".part")
    part.unlink(missing_ok=True)
    if template is not None:
        shutil.copyfile(template, part)
    db = open_app_database(part)
    try:
        fill(db)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    os.replace(part, path)
    return path


def _units_db() -> Path:
    """The demo units (no register), cached."""
    from core.demo.org import load_demo

    return _cached(OUT / "io-units.sqlite", lambda db: load_demo(db, members_per_unit=(1, 2)))


def _register_db(units: Path) -> Path:
    """The demo units with a generated register of ROWS initiatives, cached."""
    from core.demo.register import load_demo_register

    return _cached(OUT / f"io-register-{ROWS}.sqlite",
                   lambda db: load_demo_register(db, count=ROWS, yearly=0, seed=SEED), units)


_VERBS = ["Ứng dụng", "Cải tiến", "Đổi mới", "Nâng cao hiệu quả", "Xây dựng", "Hoàn thiện",
          "Số hóa", "Tối ưu hóa", "Thiết kế", "Chế tạo", "Áp dụng", "Rút ngắn thời gian"]
_OBJECTS = ["quy trình quản lý hồ sơ", "phần mềm theo dõi", "phương pháp giảng dạy",
            "hệ thống tưới tiêu", "mô hình chăm sóc", "công tác tuyên truyền",
            "kỹ thuật sửa chữa", "bài giảng điện tử", "sổ sách kế toán", "bếp ăn bán trú"]
_SUBJECTS = ["môn Toán", "môn Ngữ văn", "lớp 5", "khoa Nội", "khoa Nhi", "tổ Kỹ thuật",
             "phòng Kế toán", "bộ phận một cửa", "trạm y tế", "điểm trường"]
_KINDS = ["Giải pháp kỹ thuật", "Giải pháp quản lý", "Giải pháp tác nghiệp",
          "Giải pháp trong hoạt động công đoàn", "kỹ thuật"]
_FIELDS = ["Giáo dục và đào tạo", "Y tế – chăm sóc sức khỏe", "Lĩnh vực khác",
           "Công nghệ thông tin, điện tử, viễn thông"]
_STATUSES = ["Hợp lệ", "Đang xem xét", "Hợp lệ"]


def _workbook(units: Path) -> Path:
    """The real-style import workbook for the demo's CĐCS, cached."""
    from openpyxl import Workbook

    from core.demo.names import FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES

    path = OUT / f"io-import-{ROWS}.xlsx"
    if path.exists():
        return path
    import sqlite3

    with sqlite3.connect(units) as conn:
        unit_names = [r[0] for r in conn.execute(
            "SELECT name FROM unit WHERE kind = 'grassroots' ORDER BY code")]
    conn.close()
    rnd = random.Random(SEED)
    family = [n for n, _ in FAMILY_NAMES["kinh"]]
    middle = [n for n, _ in MIDDLE_NAMES["male"]] + [n for n, _ in MIDDLE_NAMES["female"]]
    given = list(GIVEN_NAMES["male"]) + list(GIVEN_NAMES["female"])

    def person() -> str:
        return f"{rnd.choice(family)} {rnd.choice(middle)} {rnd.choice(given)}"

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("DS")
    ws.append(["DANH SÁCH SÁNG KIẾN THAM GIA CHƯƠNG TRÌNH 01 TRIỆU SÁNG KIẾN"])
    ws.append([])
    ws.append(["STT", "Tên sáng kiến", "Tác giả, nhóm tác giả", "Đơn vị", "Lĩnh vực",
               "Loại giải pháp", "Ngày áp dụng", "Ngày đăng ký", "Giá trị làm lợi (đồng)",
               "Hiệu quả xã hội", "Tình trạng", "Số quyết định công nhận", "Ngày công nhận",
               "Tóm tắt nội dung"])
    start = date(2021, 9, 1)
    for i in range(ROWS):
        n = rnd.choice([1, 1, 2, 3])
        authors = (person() if n == 1 else f"{person()} (60%), {person()} (40%)" if n == 2
                   else f"{person()}; {person()}; {person()}")
        applied = start + timedelta(days=rnd.randrange(700))
        registered = applied + timedelta(days=rnd.randrange(60))
        name = (f"{rnd.choice(_VERBS)} {rnd.choice(_OBJECTS)} {rnd.choice(_SUBJECTS)} "
                f"({i + 1})")
        money = (rnd.randrange(0, 500) * 1_000_000 if i % 3
                 else f"{rnd.randrange(1, 900) * 100_000:,} đ".replace(",", "."))
        ws.append([i + 1, name, authors, rnd.choice(unit_names), rnd.choice(_FIELDS),
                   rnd.choice(_KINDS), applied.strftime("%d/%m/%Y") if i % 2 else applied,
                   registered, money,
                   "Giảm thời gian xử lý hồ sơ" if i % 4 == 0 else None, rnd.choice(_STATUSES),
                   f"{i % 200 + 1}/QĐ-HĐSK", registered + timedelta(days=10),
                   f"Giải pháp {name.lower()} giúp giảm {rnd.randrange(5, 60)}% thời gian"])
    ws.append([None, "Tổng cộng"])
    part = path.with_suffix(".part.xlsx")
    wb.save(part)
    os.replace(part, path)
    return path


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


_TABLES = ("initiative", "initiative_author", "initiative_change")


def _written_rows(target: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """The rows an import wrote into ``target``, per table: (columns, value tuples)."""
    import sqlite3

    conn = sqlite3.connect(target)
    try:
        written = {}
        for table in _TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")  # noqa: S608 (fixed names)
            columns = [d[0] for d in cursor.description]
            written[table] = (columns, cursor.fetchall())
        return written
    finally:
        conn.close()


def _plain_executemany(units: Path, target: Path,
                       written: dict[str, tuple[list[str], list[tuple]]]) -> float:
    """Seconds to insert ``written`` into a copy of ``units``: one plain ``sqlite3``
    executemany per table on one thread, between the app's own setting aside and filling of
    the insert triggers (:class:`db.bulk.DeferredInsertTriggers`: search index, tally, sync
    outbox filled once), one transaction, the app's engine pragmas and bulk page cache."""
    from core.initiatives.importing import BULK_CACHE_KIB
    from db.bulk import DeferredInsertTriggers, larger_cache
    from db.engine import make_engine, sqlite_url

    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(units, target)
    engine = make_engine(sqlite_url(target))
    try:
        with engine.connect() as conn:
            first = (conn.exec_driver_sql("SELECT max(seq) FROM initiative").scalar() or 0) + 1
            conn.rollback()  # the read above began a transaction
            start = time.perf_counter()
            with conn.begin(), larger_cache(conn, BULK_CACHE_KIB):
                triggers = DeferredInsertTriggers(conn, first)
                triggers.drop()
                cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
                for table in _TABLES:
                    columns, rows = written[table]
                    cursor.executemany(
                        f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608 (fixed)
                        f"VALUES ({', '.join('?' * len(columns))})", rows)
                triggers.fill()
                triggers.restore()
            return time.perf_counter() - start
    finally:
        engine.dispose()


def measure_import(units: Path, book: Path) -> dict:
    import python_calamine

    from core.common.database import open_app_database
    from core.initiatives.importing import import_initiatives

    target = OUT / "io-import-target.sqlite"

    def raw() -> None:
        wb = python_calamine.CalamineWorkbook.from_path(str(book))
        rows = wb.get_sheet_by_name(wb.sheet_names[0]).to_python()
        wb.close()
        assert len(rows) > ROWS

    accepted = []

    def ours(db) -> None:
        result = import_initiatives(db, book, dry_run=False)
        accepted.append((len(result.accepted), len(result.rejected)))

    raw_times, our_times, plain_times = [], [], []
    written: dict[str, tuple[list[str], list[tuple]]] = {}
    pages: dict[str, float] = {}
    loads = []
    for _ in range(RUNS):
        loads.append(os.getloadavg()[0])
        raw_times.append(_time(raw))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(units, target)
        db = open_app_database(target)
        try:
            our_times.append(_time(lambda db=db: ours(db)))
        finally:
            db.close()
        if not written:
            written = _written_rows(target)
            pages = storage_shares(target)
        plain_times.append(_plain_executemany(units, OUT / "io-import-plain.sqlite", written))
    return {"raw": statistics.median(raw_times), "ours": statistics.median(our_times),
            "plain": statistics.median(plain_times),
            "accepted": accepted[-1][0], "rejected": accepted[-1][1],
            "pages": pages, "load": (min(loads), max(loads))}


def storage_shares(path: Path) -> dict[str, float]:
    """MB of pages per table of the database an import wrote (indexes with their table,
    the search index's tables as one), from SQLite's ``dbstat``; empty where it is missing."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT coalesce(m.tbl_name, d.name), sum(d.pgsize) FROM dbstat AS d "
            "LEFT JOIN sqlite_master AS m ON m.name = d.name GROUP BY 1").fetchall()
    except sqlite3.OperationalError:
        return {}
    finally:
        conn.close()
    shares: dict[str, float] = {}
    for name, size in rows:
        key = "initiative_fts" if name.startswith("initiative_fts") else name
        shares[key] = shares.get(key, 0) + size / 1e6
    return shares


def measure_peak_memory(units: Path, book: Path) -> int:
    """Peak resident memory (bytes) of ``main.py initiatives import`` of ``book`` into a copy
    of ``units``, run as a user runs it: a new process, measured by a parent whose only child
    it is (``getrusage(RUSAGE_CHILDREN)``, what ``/usr/bin/time -v`` reports)."""
    import subprocess
    import sys

    from bench.report import ROOT

    target = OUT / "io-import-memory.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(units, target)
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, sys.executable, str(ROOT / "main.py"), "--db",
         str(target), "initiatives", "import", str(book)],
        check=True, capture_output=True, text=True, cwd=ROOT)
    return int(done.stdout.split()[-1]) * 1024  # Linux reports KiB


def measure_export(register: Path) -> dict:
    from openpyxl import Workbook

    from core.common.database import open_app_database
    from core.initiatives.export import _register_values, _stream, export_register
    from core.initiatives.register import RegisterFilter

    db = open_app_database(register)
    try:
        with db.reading() as session:
            values = [_register_values(n, row)
                      for n, row in enumerate(_stream(session, RegisterFilter()), start=1)]
        raw_path, our_path = OUT / "io-export-raw.xlsx", OUT / "io-export-ours.xlsx"

        def raw() -> None:
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Sổ theo dõi")
            for row in values:
                ws.append(row)
            wb.save(raw_path)

        written = []
        raw_times, our_times = [], []
        for _ in range(RUNS):
            raw_times.append(_time(raw))
            our_times.append(_time(
                lambda: written.append(export_register(db, our_path, RegisterFilter()))))
    finally:
        db.close()
    return {"raw": statistics.median(raw_times), "ours": statistics.median(our_times),
            "rows": written[-1], "values": len(values)}


def run() -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    units = _units_db()
    book = _workbook(units)
    register = _register_db(units)
    imported = measure_import(units, book)
    peak = measure_peak_memory(units, book)
    exported = measure_export(register)
    from core.common.vnformat import format_money as n

    ratio_i = imported["ours"] / imported["raw"]
    ratio_p = imported["ours"] / imported["plain"]
    peak_mb = peak / 1e6
    ratio_e = exported["ours"] / exported["raw"]
    total_mb = sum(imported["pages"].values())
    biggest = sorted(imported["pages"].items(), key=lambda kv: -kv[1])[:5]
    shares = ", ".join(f"`{name}` {size / total_mb:.0%}" for name, size in biggest) or "—"
    mark = lambda ok: "✓" if ok else "**✗**"  # noqa: E731
    body = f"""
Import: a real-style workbook of {n(ROWS)} rows × 14 columns (title row, STT, totals row,
text dates, money as text, one to three authors per cell) for the 782 CĐCS of the Lai Châu
demo, into a database holding those units (`bench/initiative_io.py`, medians of {RUNS},
wall time). Export: the register of {n(ROWS)} initiatives generated by `core.demo.register`.

| what | ours | raw library, same work | ratio | target |
|---|---:|---:|---:|---|
| import (`import_initiatives`: read, validate, duplicates, insert, search index) vs python-calamine reading the sheet | {imported['ours']:.2f} s | {imported['raw']:.2f} s | {ratio_i:.2f}× | ≤ 4×: {mark(ratio_i <= 4)} |
| the same import vs a plain `sqlite3` executemany of the rows it wrote into the app's tables (search index, tally and sync outbox filled once, same run) | {imported['ours']:.2f} s | {imported['plain']:.2f} s | {ratio_p:.2f}× | ≤ 2×: {mark(ratio_p <= 2)} |
| export (`export_register`: formatted workbook) vs openpyxl write-only, same values, no formatting | {exported['ours']:.2f} s | {exported['raw']:.2f} s | {ratio_e:.2f}× | ≤ 1.3×: {mark(ratio_e <= 1.3)} |

Import accepted {n(imported['accepted'])} rows and rejected {n(imported['rejected'])}; export
wrote {n(exported['rows'])} initiatives. **Peak memory** of the same import run as a user runs
it (`main.py --db … initiatives import …`, a new process; the maximum resident set size that
`/usr/bin/time -v` reports): **{n(round(peak_mb))} MB** (target ≤ 500 MB:
{mark(peak_mb <= 500)}).

The yardsticks against each other: the plain executemany alone takes
{imported['plain'] / imported['raw']:.1f}× calamine's bare read. What SQLite writes for
100.000 rows ({n(round(total_mb))} MB of pages): {shares}. The sync outbox — a copy of every new
row, kept until the province has it (issue 13) — is the largest part. Whatever the Python
side does, the import cannot take less than SQLite's share, so the ≤ 4× target is out of
reach while the import writes what the register and sync need; the ≤ 2× target measures
what the import adds on top. The load average during the runs was
{imported['load'][0]:.1f}–{imported['load'][1]:.1f} on {os.cpu_count()} cores (the ratios,
not the seconds, are what to compare).

How the import is built for time (issue 9, item 9). Same file, same machine, 2026-12-06:
at 06:47 UTC (load ≈ 2) the import took 49,2 s against the plain executemany's 23,3 s and
calamine's 2,07 s. Then:

- **The sync capture deferred like the search index** (`db.bulk.DeferredInsertTriggers`):
  the register tables' capture triggers are set aside during the insert and the outbox
  gets the same entries from one `INSERT … SELECT` per table afterwards
  (`db.outbox.capture_inserts_sql`; tests/test_bulk_writer.py compares them with what the
  per-row triggers write). SQLite's own work for the 100.000 rows went from 21 s to 10 s of
  CPU (the per-row trigger programs were two thirds of it). The plain yardstick above does
  the same, so it got cheaper too.
- **A writer thread** (`db.bulk.BackgroundWriter`): rows are parsed, checked and converted
  on one thread while the previous chunks of 2.500 go into SQLite on another (Python's
  `sqlite3` lets go of the interpreter lock while SQLite works); the search index, the tally
  and the outbox are filled there while the duplicates are looked for in memory. Measured
  against the same code run serially (07:41 UTC, load ≈ 1,3, two runs each): 25,3 / 25,6 s
  serially, 23,4 / 22,5 s with the writer — about 10 %, not the halving two free cores would
  give: the writer was busy 16 s of the 22 s for SQLite work that takes 10 s on its own,
  slowed by the other processes on the two cores and by taking the interpreter lock back
  for every row's values. Handing it each chunk as one JSON statement, or 50 rows per
  `VALUES`, cost more CPU than it saved and was dropped.
- **Parsing as the rows are reached** (`workbook.iter_parsed`), each author's name
  cleaned once, a 32 MiB page cache and one chunk of 2.500 rows waiting for the writer
  (peak memory 471–494 MB in four runs; a 40 MiB cache and two chunks of 5.000 waiting
  went to 505–515 MB when the writer fell behind).

What is left above the plain executemany is the Python work per row (parsing the authors
and shares, folding four texts for search, the record and its driver values: about 15 s of
the 22 s on one thread). Cancelled or failing half-way, the import still writes nothing:
one transaction, the writer stopped before the rollback (tests/test_bulk_writer.py).

The export (issue 10, point 12: every workbook prints readably) gives every data cell an
alignment (top, wrapped for long text) and every row whose text wraps a height. openpyxl's
public path costs a styled cell dearly: for each one it first tries the cell as a value,
which raises (after formatting the cell's repr into the message), then makes a new cell, and
it looks the style up in the workbook's list again; that took the export from 1.29× to
1.95× (20.000 rows, same minutes). `core.common.xlsx.Rows` now reuses each column's styled
cell with its style id worked out once and hands cells to the writer directly — the same
file byte for byte (tests/test_xlsx_rows.py) — which brought 20.000 rows back to 1.30×;
what is left is openpyxl's own XML writer (the same for both) and the row heights.
"""
    write_section("Initiative import and export (100,000 rows)", body)
    return {"import_ratio": round(ratio_i, 2), "export_ratio": round(ratio_e, 2),
            "import_peak_mb": round(peak_mb),
            **{f"import_{k}": v for k, v in imported.items()},
            **{f"export_{k}": v for k, v in exported.items()}}
