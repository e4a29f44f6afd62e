"""Loading the default Lai Châu demo (794 units, about 30,000 members) into an empty database,
against sqlite3 inserting the very same rows into the same empty database in the same run.

Ours is ``core.demo.org.load_demo`` with its defaults: generating names, dates and counts,
and writing them with Core bulk inserts in one transaction. Raw is the lower bound of the
writing alone: the rows ours wrote, read back beforehand, inserted with ``executemany``
through sqlite3 in one transaction, on a copy of the same empty, migrated database (same
schema, indexes and triggers: the member search index fills itself) with the app's pragmas.
Runs alternate between the two so machine load affects both alike. The limit (was a timed
test, tests/test_demo.py): median ≤ 10 s (about 1.5 s on an idle developer machine).

``python -m bench demo_load`` writes its section of docs/PERFORMANCE.md.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench.report import OUT, write_section

RUNS = 5
LIMIT_S = 10.0
# What load_demo writes, parents first (unit rows are read back in insertion order).
TABLES = ["setting", "unit", "unit_event", "member", "unit_member_count"]


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _rows(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    with sqlite3.connect(path) as conn:
        found = {}
        for table in TABLES:
            cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            found[table] = ([d[0] for d in cursor.description], cursor.fetchall())
        return found


def _raw_insert(path: Path, rows: dict[str, tuple[list[str], list[tuple]]]) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL"):
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("DELETE FROM setting")  # the empty database's defaults; ours replaced them
        start = time.perf_counter()
        conn.execute("BEGIN")
        for table in TABLES:
            columns, values = rows[table]
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()


def _ours(path: Path):
    from core.common.database import open_app_database
    from core.demo.org import load_demo

    db = open_app_database(path)
    try:
        start = time.perf_counter()
        summary = load_demo(db)
        return time.perf_counter() - start, summary
    finally:
        db.close()


def run(runs: int = RUNS) -> dict:
    from core.common.database import open_app_database

    OUT.mkdir(parents=True, exist_ok=True)
    ours_times, raw_times = [], []
    with tempfile.TemporaryDirectory(dir=OUT, prefix="demo-load-") as tmp:
        folder = Path(tmp)
        empty = folder / "empty.sqlite"
        open_app_database(empty).close()  # migrated, nothing loaded
        before = _counts(empty)
        for i in range(runs):
            ours_db, raw_db = folder / f"ours-{i}.sqlite", folder / f"raw-{i}.sqlite"
            shutil.copyfile(empty, ours_db)
            shutil.copyfile(empty, raw_db)
            seconds, summary = _ours(ours_db)
            ours_times.append(seconds)
            after = _counts(ours_db)
            written = {t for t in after if after[t] != before[t] and not t.startswith("member_fts")}
            assert written == set(TABLES), written
            raw_times.append(_raw_insert(raw_db, _rows(ours_db)))
            assert _counts(raw_db) == after  # the same rows, the search index filled alike
            ours_db.unlink()
            raw_db.unlink()
    ours, raw = statistics.median(ours_times), statistics.median(raw_times)
    ratio = ours / raw
    ok = "✓" if ours <= LIMIT_S else "**✗**"
    n = lambda v: f"{v:,}".replace(",", ".")  # noqa: E731
    write_section(
        "Demo data (Lai Châu, default size)",
        f"""`core.demo.org.load_demo` with its defaults into an empty database: {summary.upper_units + summary.grassroots_units + 1} units,
{n(summary.members)} members, {n(summary.member_counts)} yearly member counts, {summary.unit_events} unit events
(`bench/demo_load.py`, {runs} runs alternating with raw; medians, range in brackets). Raw: the rows
ours wrote, inserted with sqlite3 `executemany` in one transaction into a copy of the same
empty database (same schema, indexes, triggers and pragmas) — the writing alone, with no
generating.

| what | median |
|---|---:|
| ours (`load_demo`: generate and write) | {ours:.2f} s ({min(ours_times):.2f}–{max(ours_times):.2f} s) |
| raw sqlite3, the same rows | {raw:.2f} s ({min(raw_times):.2f}–{max(raw_times):.2f} s) |
| **ratio** | **{ratio:.1f}×** |
| limit (was a timed test): ≤ {LIMIT_S:.0f} s | {ok} |
""",
    )
    return {"members": summary.members, "ours": round(ours, 2), "raw": round(raw, 2),
            "ratio": round(ratio, 2)}


if __name__ == "__main__":
    print(run())
