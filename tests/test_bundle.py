"""The PyInstaller bundle builds from installer/socongdoan.spec and starts: `--self-test` opens
the main window offscreen on a temporary database and prints "self-test ok".

Takes about half a minute (the build). Set SOCONGDOAN_SKIP_BUNDLE=1 to skip it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    os.environ.get("SOCONGDOAN_SKIP_BUNDLE") == "1",
    reason="SOCONGDOAN_SKIP_BUNDLE=1: the PyInstaller build is skipped",
)


def test_bundle_builds_and_passes_its_self_test(tmp_path):
    dist, work = tmp_path / "dist", tmp_path / "build"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "installer" / "socongdoan.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    shutil.rmtree(work, ignore_errors=True)

    app = dist / "SoCongDoan"
    internal = app / "_internal"
    for data in (
        "resources/fonts/LiberationSerif-Regular.ttf",
        "resources/fonts/LICENSE-LiberationSerif.txt",
        "db/migrations/env.py",
        "db/migrations/script.py.mako",
    ):
        assert (internal / data).is_file(), data
    assert list((internal / "db" / "migrations" / "versions").glob("*.py"))
    assert not list(internal.rglob("*Qt6WebEngine*")), "QtWebEngine must not be bundled"

    # On Windows the window program has no console; its twin socongdoan-cli.exe has one.
    exe = app / ("socongdoan-cli.exe" if sys.platform == "win32" else "SoCongDoan")
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree
    run = subprocess.run(
        [str(exe), "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-4000:]
    assert "self-test ok" in run.stdout, output[-4000:]
    shutil.rmtree(dist, ignore_errors=True)
