"""A sync package of N initiatives and N/2 support payments (the stand-in for ledger
postings until the fund's tables land): export at the district, verify and import at the
province, against sqlite3 ``executemany`` of the same rows into a copy of the same province
database in the same run. Export and import run as the command line does, each in its own
process, so their peak memory (VmHWM, read by the process itself) is their own.

    python -m bench sync_package            # N = 100,000 (the issue's size)
    python -m bench.sync_package 20000      # a smaller run

Limits (issue 13): export ≤ 10 s; verify and import ≤ 15 s and at least a third of the
raw throughput; peak memory ≤ 300 MB.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from bench.report import OUT, write_section

ROOT = Path(__file__).resolve().parents[1]
N = 100_000


def _fill(db, n: int) -> None:
    from sqlalchemy import func, select

    from core.org import units as org
    from db.bulk import bulk_insert, insert_triggers_deferred
    from db.models import (
        Initiative,
        InitiativePayment,
        Programme,
        UnitKind,
        new_row_stamp,
        table_of,
    )

    with db.transaction() as s:
        unit = org.create_unit(s, org.UnitInput(code="VL-01", name="CĐCS VL-01",
                                                kind=UnitKind.GRASSROOTS, parent_code="VL"))
        programme = s.scalar(select(Programme.id))
        first = (s.scalar(select(func.max(Initiative.seq))) or 0) + 1
        ids = [uuid.uuid4() for _ in range(n)]
        rows = [{"id": ids[i], "seq": first + i, "number": f"VL-SK-2026-{i + 1:06d}",
                 "name": f"Sáng kiến cải tiến số {i}", "kind": "technical", "field": None,
                 "programme_id": programme, "phase_number": 1, "unit_id": unit.id,
                 "registered_on": date(2026, 5, 4), "objective": "", "steps": "", "scope": "",
                 "description": "Mô tả " * 20, "conditions": "", "first_applied_on": None,
                 "trial_only": False, "economic_benefit": 1_000_000 + i, "social_benefit": "",
                 "recognised_by": None, "decision_number": "", "decision_date": None,
                 "status": "under_review", "rejection_reason": "", "new_in_unit": True,
                 "ip_protected": False, "unlawful": False, "confidential": False,
                 "portal_uploaded": False, "portal_uploaded_on": None, "awards": "",
                 "authors_text": "Nguyễn Văn An (100%)", "lead_author": "Nguyễn Văn An",
                 "name_folded": f"sang kien cai tien so {i}", "authors_folded": "nguyen van an",
                 "description_folded": "mo ta", "unit_folded": "cdcs vl-01",
                 **new_row_stamp("VL")} for i in range(n)]
        conn = s.connection()
        with insert_triggers_deferred(conn, first):
            bulk_insert(conn, table_of(Initiative), rows)
        bulk_insert(conn, table_of(InitiativePayment), [
            {"id": uuid.uuid4(), "initiative_id": ids[i], "amount": 100_000,
             "paid_on": date(2026, 6, 1), "payer": "LĐLĐ huyện", **new_row_stamp("VL")}
            for i in range(0, n, 2)])


#: runs main.py and writes the process's own peak memory (VmHWM, KiB) to the file named by
#: the first argument. Not getrusage: Linux records, when a child execs, the resident size of
#: the memory it was forked from — this benchmark's own, with the rows it generated — as the
#: child's max RSS (both RUSAGE_SELF and RUSAGE_CHILDREN), which is not the command's.
_MEASURED = """
import runpy, sys
out = sys.argv.pop(1)
sys.argv[0] = sys.argv[1]
del sys.argv[1]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
finally:
    with open("/proc/self/status") as fh:
        peak = next(line.split()[1] for line in fh if line.startswith("VmHWM:"))
    with open(out, "w") as fh:
        fh.write(peak)
"""


def _cli(db: Path, *args: str) -> tuple[float, int]:
    """Seconds, and peak memory in MB, of the command line doing ``args``."""
    env = {**os.environ, "SOCONGDOAN_PASSPHRASE": "mat-khau-tinh-2026", "PYTHONPATH": str(ROOT)}
    peak = db.with_name(db.name + ".peak")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", _MEASURED, str(peak), str(ROOT / "main.py"),
                    "--db", str(db), *args], check=True, env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    return seconds, int(peak.read_text()) // 1024


def _raw(province: Path, district: Path) -> float:
    """sqlite3 executemany of the same rows (initiative, payment) into a copy of the province."""
    src = sqlite3.connect(district)
    tables = {}
    for table in ("initiative", "initiative_payment"):
        cur = src.execute(f"SELECT * FROM {table} WHERE origin_office = 'VL' ORDER BY rowid")
        tables[table] = ([d[0] for d in cur.description], cur.fetchall())
    unit = src.execute("SELECT * FROM unit WHERE code = 'VL-01'")
    unit_cols, unit_rows = [d[0] for d in unit.description], unit.fetchall()
    src.close()
    conn = sqlite3.connect(province, isolation_level=None)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL"):
        conn.execute(f"PRAGMA {pragma}")
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute("INSERT INTO sync_applying (id) VALUES (1)")  # same triggers, same silence
    for table, (cols, rows) in [("unit", (unit_cols, unit_rows)), *tables.items()]:
        conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                         f"({', '.join('?' * len(cols))})", rows)
    conn.execute("DELETE FROM sync_applying")
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def run(n: int = N) -> dict:
    sys.path.insert(0, str(ROOT))
    from tests.sync_offices import make_offices

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=OUT, prefix="sync-") as tmp:
        folder = Path(tmp)
        offices = make_offices(folder)
        _fill(offices.db("VL"), n)
        province, district = offices.province.path, offices.db("VL").path
        offices.close()
        raw_copy = folder / "raw.sqlite"
        shutil.copyfile(province, raw_copy)
        out = folder / "usb"
        out.mkdir()
        export_s, export_rss = _cli(district, "sync", "export", str(out), "--to", "QT")
        package = next(out.iterdir())
        import_s, import_rss = _cli(province, "sync", "import", str(package))
        raw_s = _raw(raw_copy, district)
        size = package.stat().st_size
    ratio = raw_s / import_s
    judged = n == N
    mark = lambda ok: ("✓" if ok else "**✗**") if judged else "not judged"  # noqa: E731
    num = lambda v: f"{v:,}".replace(",", ".")  # noqa: E731
    rss = max(import_rss, export_rss)
    write_section(
        "Sync package",
        f"""{num(n)} initiatives and {num(n // 2)} payments in one package (`bench/sync_package.py`,
one run; export and import through the command line, each in its own process, so the times
include starting Python and opening the database). Raw: sqlite3 `executemany` of the same rows
into a copy of the province's database (same schema and triggers, capture silenced the same
way). The limits are the issue's, for 100.000 initiatives; a smaller run is not judged.

| what | value | limit (100.000) |
|---|---:|---|
| package size | {size / 1e6:.1f} MB | |
| export (district) | {export_s:.1f} s | ≤ 10 s: {mark(export_s <= 10)} |
| verify and import (province) | {import_s:.1f} s | ≤ 15 s: {mark(import_s <= 15)} |
| raw sqlite3, the same rows | {raw_s:.1f} s | |
| import throughput ÷ raw | {ratio:.2f} | ≥ 0,33: {mark(ratio >= 1 / 3)} |
| peak memory (VmHWM of export / import) | {export_rss} / {import_rss} MB | ≤ 300 MB: {mark(rss <= 300)} |
""",
    )
    return {"n": n, "export_s": round(export_s, 2), "import_s": round(import_s, 2),
            "raw_s": round(raw_s, 2), "ratio": round(ratio, 3), "rss_mb": [export_rss, import_rss]}


if __name__ == "__main__":
    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else N))
