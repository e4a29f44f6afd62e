"""Issue 10 point 8: at 1366×768 the window fits the screen (maximised), the initiative form
fits with room for a taskbar, and the amounts in the register are never cut ("3.031.150…")."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from core.common.database import open_app_database
from tests.gui.conftest import ROOT

LAPTOP = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
          "screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


@pytest.fixture(scope="module")
def measured(tmp_path_factory, vi_qm):
    from core.demo.org import load_demo
    from core.demo.register import load_demo_register

    tmp = tmp_path_factory.mktemp("laptop")
    db = open_app_database(tmp / "demo.sqlite")
    load_demo(db, members_per_unit=(1, 2))
    load_demo_register(db, count=300, yearly=0)
    with db.engine.begin() as conn:  # one initiative worth billions, as in a province's register
        conn.exec_driver_sql("UPDATE initiative SET economic_benefit = 3031150000 "
                             "WHERE seq = (SELECT MIN(seq) FROM initiative WHERE economic_benefit > 0)")
    db.close()
    config = tmp / "screen.json"
    config.write_text(json.dumps(LAPTOP), encoding="utf-8")
    i18n = ROOT / "resources" / "i18n"
    for name in ("socongdoan_vi.qm", "qtbase_vi.qm"):  # the committed .ts, compiled afresh
        if not (i18n / name).exists():
            shutil.copyfile(vi_qm.with_name(name), i18n / name)
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    out = tmp / "measured.json"
    run = subprocess.run([sys.executable, "-m", "tests.gui.laptop_screen", str(tmp / "demo.sqlite"), str(out), str(tmp)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def test_window_fits_the_laptop_screen(measured):
    assert measured["screen"] == [1366, 768]
    assert measured["maximised"]
    width, height = measured["window"]
    assert width <= 1366 and height <= 768


def test_initiative_form_fits_with_a_taskbar(measured):
    width, height = measured["form"]
    assert width <= 1300 and height <= 690


def test_amounts_are_never_cut(measured):
    cells = measured["benefit_cells"]
    assert cells, "the demo register shows amounts"
    assert any(len(text) >= 13 for text, _w, _c in cells)  # billions: "3.031.150.000"
    for text, text_width, cell_width in cells:
        assert text_width + 6 <= cell_width, text


def test_dashboard_labels_are_not_cut(measured):
    assert measured["dashboard_cut_labels"] == []
