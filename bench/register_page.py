"""The initiatives page on 1,000,000 initiatives (bench/register_data.py's cached database).

Each measurement is a fresh process (offscreen Qt, the Vietnamese translation loaded):

- **ours**: from constructing ``RegisterPage`` to the page painted with its first rows
  (one page of ``core.initiatives.register.page`` through the lazy model; the count and benefit total
  and the keys of the whole list follow in the background and are timed separately), then scrolling: 50 screens of
  "scroll bar to the bottom, the view asks for more, paint" (time per step), then the
  whole list to its end (``fetchMore`` until there is no more, jump to the last row, paint)
  and the peak RSS of the process (``VmHWM`` in /proc/self/status) with the page open and
  scrolled to the end;
- **bare**: in the same run, a plain ``QTableView`` over a ``QStandardItemModel`` holding the
  same 100 rows fetched with one raw SQL statement (stdlib sqlite3), from the query to the
  view painted.

Targets: first rows ≤ 300 ms; peak RSS ≤ 300 MB. The database is used as it is when it
exists (it takes minutes to build: ``python -m bench.register_data``); without it the
benchmark is skipped.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

from bench.report import ROOT, write_section

RUNS = 5
FIRST_ROWS_TARGET_MS = 300
RSS_TARGET_MB = 300

_COMMON = """
import json, resource, sys, time
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])

def rss_mb():
    # Peak RSS of this process. Linux keeps ru_maxrss across exec, so a child of a big parent
    # (one that built the database) would report the parent's peak; VmHWM is this process's.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB

def settle():
    for _ in range(3):
        app.processEvents()
"""

_OURS = _COMMON + """
from gui.app import setup_application
setup_application(app)
from core.common.database import open_app_database
from gui.initiatives.page import RegisterPage
db = open_app_database(sys.argv[1])
out = {"rss_start_mb": rss_mb()}

started = time.perf_counter()
page = RegisterPage(db)
page.resize(1064, 720)
page.show()
settle()
page.grab()  # painted, first rows included
out["first_rows_ms"] = (time.perf_counter() - started) * 1000
out["rows_after_first"] = page.model.rowCount()
model = page.model
while model.totals is None:
    app.processEvents()
    time.sleep(0.002)
out["totals_ms"] = (time.perf_counter() - started) * 1000
out["total"] = model.totals.count
while not model.complete:  # the keys of the whole list (gui.common.table_model)
    app.processEvents()
    time.sleep(0.002)
out["keys_ms"] = (time.perf_counter() - started) * 1000
out["rss_open_mb"] = rss_mb()

bar = page.table.verticalScrollBar()
steps = []
for _ in range(50):  # the user drags to the bottom; the view asks for the next page
    step = time.perf_counter()
    bar.setValue(bar.maximum())
    settle()
    page.table.viewport().grab()
    steps.append((time.perf_counter() - step) * 1000)
out["scroll_steps_ms"] = steps
out["rows_after_scroll"] = model.rowCount()

step = time.perf_counter()
while model.canFetchMore():
    model.fetchMore()
out["fetch_to_end_ms"] = (time.perf_counter() - step) * 1000
step = time.perf_counter()
page.table.scrollToBottom()
settle()
page.table.viewport().grab()  # the last rows: read from the other end of the list
out["paint_end_ms"] = (time.perf_counter() - step) * 1000
out["last_row"] = model.index(model.rowCount() - 1, 0).data()
step = time.perf_counter()
bar.setValue(bar.maximum() // 2)
settle()
page.table.viewport().grab()  # the middle: the slowest place to read a page
out["paint_middle_ms"] = (time.perf_counter() - step) * 1000
out["rows_at_end"] = model.rowCount()
out["pages_kept"] = len(model.loaded_pages())
out["page_queries"] = model.queries
out["rss_end_mb"] = rss_mb()
print(json.dumps(out))
"""

_BARE = _COMMON + """
import sqlite3
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
out = {"rss_start_mb": rss_mb()}
started = time.perf_counter()
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute(
    "SELECT i.number, i.name, i.authors_text, u.name, i.kind, i.field, i.registered_on, "
    "i.phase_number, i.economic_benefit, i.status, i.confidential, i.portal_uploaded "
    "FROM initiative i JOIN unit u ON u.id = i.unit_id WHERE i.deleted_at IS NULL "
    "ORDER BY i.seq DESC LIMIT 100"
).fetchall()
model = QStandardItemModel(len(rows), 12)
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        model.setItem(r, c, QStandardItem("" if value is None else str(value)))
view = QTableView()
view.setModel(model)
view.resize(1064, 720)
view.show()
settle()
view.grab()
out["first_rows_ms"] = (time.perf_counter() - started) * 1000
out["rss_end_mb"] = rss_mb()
print(json.dumps(out))
"""


def _spawn(code: str, db: str) -> dict:
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code, db], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _ms(values) -> str:
    return f"{statistics.median(values):.0f} ms"


def run(runs: int = RUNS) -> dict:
    from bench import register_data

    if not register_data.DB.exists():
        print("skipped: no bench/out/register-1m.sqlite (python -m bench.register_data)", file=sys.stderr)
        return {"skipped": True}
    db = str(register_data.DB)
    _spawn(_BARE, db)
    _spawn(_OURS, db)  # warm the page cache for both
    ours, bare = [], []
    for _ in range(runs):  # interleaved, so drift affects both alike
        bare.append(_spawn(_BARE, db))
        ours.append(_spawn(_OURS, db))

    def med(key: str, rows=ours) -> float:
        return statistics.median(r[key] for r in rows)

    steps = [s for r in ours for s in r["scroll_steps_ms"]]
    result = {
        "initiatives": ours[0]["total"],
        "first_rows_ms": med("first_rows_ms"),
        "bare_first_rows_ms": med("first_rows_ms", bare),
        "totals_ms": med("totals_ms"),
        "keys_ms": med("keys_ms"),
        "scroll_step_median_ms": statistics.median(steps),
        "scroll_step_p95_ms": sorted(steps)[int(len(steps) * 0.95)],
        "fetch_to_end_ms": med("fetch_to_end_ms"),
        "paint_end_ms": med("paint_end_ms"),
        "paint_middle_ms": med("paint_middle_ms"),
        "rss_open_mb": med("rss_open_mb"),
        "rss_end_mb": max(r["rss_end_mb"] for r in ours),
        "bare_rss_mb": med("rss_end_mb", bare),
        "pages_kept": max(r["pages_kept"] for r in ours),
        "page_queries": med("page_queries"),
        "rows_at_end": ours[0]["rows_at_end"],
    }
    result["ratio"] = result["first_rows_ms"] / result["bare_first_rows_ms"]
    stale = register_data.info().get("stamp") != register_data._stamp()
    count = f"{result['initiatives']:,}".replace(",", ".")
    rows = f"{result['rows_at_end']:,}".replace(",", ".")
    write_section(
        "Initiatives page",
        f"""Database: {count} initiatives (`bench/register_data.py`{", built by an older generator" if stale else ""}); `bench/register_page.py`, {runs} runs each in new processes, interleaved; medians.

| what | ours | bare |
|---|---|---|
| page constructed → painted with its first rows (target ≤ {FIRST_ROWS_TARGET_MS} ms) | **{result['first_rows_ms']:.0f} ms** | {result['bare_first_rows_ms']:.0f} ms (raw SQL → QStandardItemModel → QTableView) |
| **ratio** | **{result['ratio']:.1f}×** | |
| … count and benefit total in the footer (background) | {result['totals_ms']:.0f} ms | |
| … the keys of the whole list (background; then any row is one window read away) | {result['keys_ms']:.0f} ms | |
| one scroll step (bar to the bottom → next page → painted, twice: event loop and a grab), median / 95th percentile | {result['scroll_step_median_ms']:.1f} / {result['scroll_step_p95_ms']:.1f} ms | |
| the rest of the list made scrollable (`fetchMore` to the end, {rows} rows) | {result['fetch_to_end_ms']:.0f} ms | |
| jump to the last row and paint it | {result['paint_end_ms']:.0f} ms | |
| jump to the middle and paint it | {result['paint_middle_ms']:.0f} ms | |
| peak RSS, page open | {result['rss_open_mb']:.0f} MB | {result['bare_rss_mb']:.0f} MB |
| **peak RSS, scrolled to the end** (target ≤ {RSS_TARGET_MB} MB) | **{result['rss_end_mb']:.0f} MB** | |

The model (`gui.common.table_model`) keeps the keys of the whole list (8 bytes a row, read
in the background) and rows as compact tuples in windows of 100, only the
{result['pages_kept']} most recently used (dropped windows are read again when shown).
Rows are read by key, so the middle and the end of the list cost what the start costs;
`bench/table_scroll.py` measures jumps in detail.
""",
    )
    return result


if __name__ == "__main__":
    print(run())
