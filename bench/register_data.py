"""The benchmark database of the initiative register: 1,000,000 initiatives over the Lai Châu
demo units (``load_demo`` + ``load_demo_register(count=1_000_000)``), then ``ANALYZE``.

Built once and cached in bench/out/ (git-ignored); rebuilt when the generator's sources
change. Several benchmarks use it, possibly at the same time: a build holds a lock file,
writes to a file of its own and moves it into place at the end, so a reader never sees a
half-built database and two builds never remove each other's files.
``python -m bench.register_data`` builds it and prints how long that took.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.report import OUT, ROOT

COUNT = 1_000_000
SEED = 2023
WITH_AUTHORS = True
DB = OUT / "register-1m.sqlite"
INFO = OUT / "register-1m.json"  # how the cached database was built
LOCK = OUT / "register-1m.lock"
# The generator: its code, and its word lists (every file under resources/demo/).
_SOURCES = ("core/demo/data.py", "core/demo/names.py", "core/demo/org.py", "core/demo/register.py",
            "core/demo/wording.py")
_DATA = "resources/demo"


def _sources() -> list[Path]:
    return [ROOT / name for name in _SOURCES] + sorted(
        path for path in (ROOT / _DATA).rglob("*") if path.is_file())


def _stamp() -> str:
    """Changes when the generator, its word lists or the schema it writes change."""
    digest = hashlib.sha1(f"{COUNT}:{SEED}:{WITH_AUTHORS}".encode())
    for path in _sources():
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    for path in sorted((ROOT / "db" / "migrations" / "versions").glob("*.py")):
        digest.update(path.name.encode())
    return digest.hexdigest()


def info() -> dict:
    try:
        return json.loads(INFO.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _current(stamp: str) -> bool:
    return DB.exists() and info().get("stamp") == stamp


@contextmanager
def _locked() -> Iterator[None]:
    """One build at a time (other processes wait here, then find the database built)."""
    OUT.mkdir(parents=True, exist_ok=True)
    with LOCK.open("a") as fh:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no lock
            yield
            return
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def ensure_database() -> Path:
    """The cached database, built first if missing or stale (a few minutes)."""
    stamp = _stamp()
    if _current(stamp):
        return DB
    with _locked():
        if not _current(stamp):
            _build(stamp)
    return DB


def _build(stamp: str) -> None:
    from core.common.database import open_app_database
    from core.demo.org import load_demo
    from core.demo.register import load_demo_register
    from db.sqlite import remove_sidecars

    part = OUT / f"register-1m.{os.getpid()}.part"
    part.unlink(missing_ok=True)
    remove_sidecars(part)
    db = open_app_database(part)
    try:
        started = time.perf_counter()
        demo = load_demo(db, seed=SEED)
        demo_s = time.perf_counter() - started

        def progress(done: int, total: int) -> None:
            if done % 200_000 == 0 or done == total:
                elapsed = time.perf_counter() - started - demo_s
                print(f"  register {done:>9,}/{total:,}  {elapsed:6.1f} s", file=sys.stderr,
                      flush=True)

        started = time.perf_counter()
        count = load_demo_register(db, count=COUNT, seed=SEED, with_authors=WITH_AUTHORS,
                                   progress=progress)
        register_s = time.perf_counter() - started
        started = time.perf_counter()
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
        analyze_s = time.perf_counter() - started
    finally:
        db.close()
    # Fold the write-ahead log into the file, so the file alone is the database.
    with sqlite3.connect(part) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        found = conn.execute("SELECT count(*) FROM initiative").fetchone()[0]
    conn.close()
    remove_sidecars(part)
    if found != count:
        part.unlink(missing_ok=True)
        raise RuntimeError(f"built {found:,} initiatives, expected {count:,}")
    built = {
        "stamp": stamp,
        "initiatives": count,
        "with_authors": WITH_AUTHORS,
        "members": demo.members,
        "grassroots_units": demo.grassroots_units,
        "load_demo_s": round(demo_s, 1),
        "load_demo_register_s": round(register_s, 1),
        "analyze_s": round(analyze_s, 1),
        "size_mb": round(part.stat().st_size / 1e6),
    }
    remove_sidecars(DB)
    os.replace(part, DB)
    info_part = INFO.with_suffix(f".{os.getpid()}.part")
    info_part.write_text(json.dumps(built, indent=2), encoding="utf-8")
    os.replace(info_part, INFO)
    print(f"built {DB}: {built}", file=sys.stderr)


if __name__ == "__main__":
    ensure_database()
    print(info())
