"""Issue 10 point 11: on a machine without the xcb plugin's libraries, starting the window
says in Vietnamese what is missing and how to install it (exit 1), instead of Qt's English
"could not load the Qt platform plugin" abort; installer/debian-deps.sh installs them all."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from gui.common import platform_check
from tests.gui.conftest import ROOT

START_WITHOUT_CURSOR_LIB = """
import sys
from pathlib import Path
from gui.common import platform_check
real = platform_check._load
platform_check._load = lambda name: name != "libxcb-cursor.so.0" and real(name)
from gui.app import run_gui
sys.exit(run_gui(Path(sys.argv[1])))
"""


def test_start_with_a_missing_xcb_library_explains_in_vietnamese(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":97"  # an X display is asked for: Qt would use xcb
    run = subprocess.run([sys.executable, "-c", START_WITHOUT_CURSOR_LIB, str(tmp_path / "db.sqlite")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "libxcb-cursor.so.0 (gói libxcb-cursor0)" in run.stderr
    assert "sudo apt-get install libxcb-cursor0" in run.stderr
    assert "thiếu thư viện" in run.stderr
    assert "could not load" not in run.stderr.lower()
    assert not (tmp_path / "db.sqlite").exists()  # nothing was started


def test_the_check_only_runs_where_xcb_would_be_used():
    missing = lambda name: False  # noqa: E731 — every library "missing"
    assert platform_check.check_platform({"DISPLAY": ":0"}, ["main.py"], missing) is not None
    assert platform_check.check_platform({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, ["main.py"], missing) is None
    assert platform_check.check_platform({"DISPLAY": ":0"}, ["main.py", "-platform", "offscreen"], missing) is None
    assert platform_check.check_platform({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, ["main.py"], missing) is None
    assert platform_check.check_platform({}, ["main.py"], missing) is None  # no display: Qt's own message
    assert platform_check.check_platform({"DISPLAY": ":0"}, ["main.py"], lambda name: True) is None


def test_debian_deps_installs_every_library_of_the_xcb_plugin():
    script = (ROOT / "installer" / "debian-deps.sh").read_text(encoding="utf-8")
    listed = set(re.search(r'PKGS="([^"]*)"', script, re.S)[1].split())
    assert set(platform_check.XCB_LIBRARIES.values()) <= listed


def test_the_list_matches_what_the_plugin_links_to():
    """Every library ldd shows for the plugin (outside Qt's own and the C runtime) is listed."""
    import shutil

    import PySide6

    if shutil.which("ldd") is None:
        pytest.skip("no ldd on this machine")
    qt = os.path.join(os.path.dirname(PySide6.__file__), "Qt")
    found: set[str] = set()
    for lib in (os.path.join(qt, "plugins", "platforms", "libqxcb.so"), os.path.join(qt, "lib", "libQt6XcbQpa.so.6")):
        out = subprocess.run(["ldd", lib], capture_output=True, text=True).stdout
        found |= {line.split()[0] for line in out.splitlines() if "=>" in line}
    runtime = re.compile(r"lib(c|m|dl|pthread|stdc\+\+|gcc_s|z|icu\w+|Qt6\w+|expat|bsd|md|systemd|cap|gcrypt|gpg-error|"
                         r"lzma|lz4|zstd|brotli\w+|pcre2-8)\.so")
    wanted = {name for name in found if not runtime.match(name)}
    assert wanted <= set(platform_check.XCB_LIBRARIES)
