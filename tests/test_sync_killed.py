"""The process killed at many points during an import (SIGKILL, no clean-up): afterwards
the database passes ``check``, holds nothing of the package, and a re-import succeeds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.common.database import open_app_database
from core.common.integrity import check_database
from db.models import Initiative
from tests.sync_offices import PASS, make_offices, register, snapshot

ROOT = Path(__file__).resolve().parents[1]

# (function in core.sync to wrap, after how many calls the process kills itself)
# (new rows are inserted a run at a time: the kill also comes in the middle of a run, with
# the triggers set aside)
POINTS = [("package.open_file", 1), ("package.read_member", 2), ("exchange._prepare", 1)] + [
    ("exchange._prepare", n) for n in (2, 3, 5, 8, 13, 21, 34, 55)] + [
    ("exchange._insert_new", 1), ("exchange._insert_new", 2),
    ("exchange.insert_triggers_deferred", 1), ("exchange._prune", 1)]

_KILLER = textwrap.dedent("""
    import os, signal, sys
    from core.sync import exchange, package
    module_name, function, after = sys.argv[1], sys.argv[2], int(sys.argv[3])
    module = {"exchange": exchange, "package": package}[module_name]
    original = getattr(module, function)
    calls = [0]
    def wrapped(*args, **kwargs):
        calls[0] += 1
        if calls[0] >= after:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)
    setattr(module, function, wrapped)
    from core.cli import main
    sys.exit(main(sys.argv[4:]))
""")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    root = tmp_path_factory.mktemp("killed")
    o = make_offices(root)
    register(o.db("VL"), "VL-01", [f"Sáng kiến số {i}" for i in range(30)])
    package = o.send("VL", "QT")
    for db in (o.province, *o.districts.values()):
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    o.close()
    return root / "QT.sqlite", package


@pytest.mark.parametrize(("where", "after"), POINTS)
def test_killed_import_leaves_a_sound_database_and_a_reimport_succeeds(prepared, tmp_path,
                                                                      where, after):
    template, package = prepared
    db_path = tmp_path / "QT.sqlite"
    db_path.write_bytes(template.read_bytes())
    module_name, function = where.split(".")
    env = {**os.environ, "SOCONGDOAN_PASSPHRASE": PASS, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", _KILLER, module_name, function, str(after), "--db", str(db_path),
         "sync", "import", str(package)], cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()[-2000:]
    db = open_app_database(db_path)
    db.auto_backups = False
    try:
        assert check_database(db) == []
        with db.reading() as s:
            assert s.scalar(select(func.count()).select_from(Initiative)) == 0
        before = snapshot(db)
        from core.sync import ops

        [outcome] = ops.import_packages(db, [package], PASS).value
        assert outcome.state == "applied" and outcome.rejected == 0, outcome
        assert snapshot(db) != before
        with db.reading() as s:
            assert s.scalar(select(func.count()).select_from(Initiative)) == 30
        assert check_database(db) == []
    finally:
        db.close()
