"""Start-up to the main window shown, on a database of 1,000,000 members, against a bare
PySide6 window in the same run (target: median ≤ 3× the bare window).

Each measurement is a fresh process (interpreter start included for both), timed from spawn
to the moment the window has been shown and painted (the child prints the wall-clock time
then). For ours, a second figure: until the organisation page is filled with the units and
the first page of members (the database layer loads in a worker after the window is shown).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from bench.report import OUT, ROOT, write_section

MEMBERS = 1_000_000
DB = OUT / "members-1m.sqlite"

_BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1280, 800); w.show()
def done():
    w.grab()
    print(time.time(), time.time())
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

_OURS = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
marks = []
def poll():
    from gui.main_window import MainWindow
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if windows and not marks:
        windows[0].grab()
        marks.append(time.time())
    page = windows and windows[0].pages.get("organisation")
    if page is not None:
        windows[0].grab()  # painted with the unit tree and the first members
        print(marks[0], time.time())
        app.quit()
        return
    QTimer.singleShot(2, poll)
QTimer.singleShot(0, poll)
from gui.app import run_gui
from pathlib import Path
run_gui(Path(sys.argv[1]))
"""


def ensure_database() -> None:
    if DB.exists():
        return
    from core.common.database import open_app_database
    from core.demo.org import load_demo

    OUT.mkdir(parents=True, exist_ok=True)
    tmp = DB.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    db = open_app_database(tmp)
    per_unit = -(-MEMBERS // 782)  # at least MEMBERS in all
    summary = load_demo(db, members_per_unit=(per_unit, per_unit + 1))
    db.close()
    print(f"generated {summary}", file=sys.stderr)
    tmp.rename(DB)


def _spawn(code: str, *args: str) -> tuple[float, float]:
    """(seconds until the window was shown, seconds until it was ready)."""
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    shown, ready = float(out[-2]), float(out[-1])
    return shown - start, ready - start


def run(runs: int = 7) -> dict:
    ensure_database()
    from core.common.database import open_app_database
    from core.org.members import MemberQuery, count_members

    db = open_app_database(DB)
    with db.reading() as s:
        members = count_members(s, MemberQuery())
    db.close()
    _spawn(_BARE)
    _spawn(_OURS, str(DB))  # warm the page cache for both
    bare, ours, ready = [], [], []
    for _ in range(runs):  # interleaved, so drift affects both alike
        bare.append(_spawn(_BARE)[0])
        shown_at, ready_at = _spawn(_OURS, str(DB))
        ours.append(shown_at)
        ready.append(ready_at)
    result = {"members": members, "bare": statistics.median(bare), "ours": statistics.median(ours),
              "ready": statistics.median(ready)}
    result["ratio"] = result["ours"] / result["bare"]
    result["ready_ratio"] = result["ready"] / result["bare"]
    members_text = f"{members:,}".replace(",", ".")
    write_section(
        "Start-up to main window",
        f"""Database: {members_text} members in 782 CĐCS (`bench/startup.py`, {runs} runs each, interleaved).

| what | median |
|---|---|
| bare PySide6 window shown (new process) | {result['bare']:.3f} s |
| Sổ Công đoàn main window shown on that database (new process) | {result['ours']:.3f} s |
| **ratio** (target ≤ 3×) | **{result['ratio']:.2f}×** |
| … until the organisation page is filled (units, first members page) | {result['ready']:.3f} s ({result['ready_ratio']:.1f}×) |

The window is shown before the database layer (SQLAlchemy, Alembic's version check, the
ORM) has loaded; that loads in a worker and the pages appear when it is ready. Importing
SQLAlchemy alone costs more than the whole bare window, so the second line cannot reach 3×.
""",
    )
    return result


if __name__ == "__main__":
    print(run())
