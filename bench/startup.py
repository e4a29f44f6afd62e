"""Start-up to the main window shown, on a database of 1,000,000 members, against a bare
PySide6 window in the same run (target: median ≤ 3× the bare window).

Each measurement is a fresh process (interpreter start included for both), timed from spawn
until the process exits; the child quits as soon as its window has been shown and painted.
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
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1200, 800); w.show()
QTimer.singleShot(0, lambda: (w.grab(), app.quit()))
app.exec()
"""

_OURS = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
def done():
    for w in app.topLevelWidgets():
        if w.isVisible():
            w.grab()
    app.quit()
QTimer.singleShot(0, done)
from gui.app import run_gui
from pathlib import Path
sys.exit(run_gui(Path(sys.argv[1])))
"""


def ensure_database() -> None:
    if DB.exists():
        return
    from core.database import open_app_database
    from core.demo import load_demo

    OUT.mkdir(parents=True, exist_ok=True)
    tmp = DB.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    db = open_app_database(tmp)
    per_unit = MEMBERS // 782
    summary = load_demo(db, members_per_unit=(per_unit, per_unit + 1))
    db.close()
    print(f"generated {summary}", file=sys.stderr)
    tmp.rename(DB)


def _spawn(code: str, *args: str) -> float:
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


def run(runs: int = 7) -> dict:
    ensure_database()
    from core.database import open_app_database
    from core.members import MemberQuery, count_members

    db = open_app_database(DB)
    with db.reading() as s:
        members = count_members(s, MemberQuery())
    db.close()
    _spawn(_BARE)
    _spawn(_OURS, str(DB))  # warm the page cache for both
    bare, ours = [], []
    for _ in range(runs):  # interleaved, so drift affects both alike
        bare.append(_spawn(_BARE))
        ours.append(_spawn(_OURS, str(DB)))
    result = {"members": members, "bare": statistics.median(bare), "ours": statistics.median(ours)}
    result["ratio"] = result["ours"] / result["bare"]
    members_text = f"{members:,}".replace(",", ".")
    write_section(
        "Start-up to main window",
        f"""Database: {members_text} members in 782 CĐCS (`bench/startup.py`, {runs} runs each, interleaved).

| what | median |
|---|---|
| bare PySide6 window (new process) | {result['bare']:.3f} s |
| Sổ Công đoàn main window on that database (new process) | {result['ours']:.3f} s |
| **ratio** (target ≤ 3×) | **{result['ratio']:.2f}×** |
""",
    )
    return result


if __name__ == "__main__":
    print(run())
