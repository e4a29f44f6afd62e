"""`demo` adds the 2023 round: approved, six Bằng Lao động sáng tạo linked to demo initiatives
that meet the threshold, and certificates whose longest names stay inside their boxes."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape

import pytest

from core.commendations import certificates as certs
from core.commendations import ops, rules
from core.commendations.ops import AwardForm, NomineeStatus
from core.demo.commendations import load_demo_commendations
from core.demo.org import load_demo
from core.demo.register import load_demo_register


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from core.common.database import open_app_database

    db = open_app_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    db.auto_backups = False
    load_demo(db, seed=2023)
    load_demo_register(db, seed=2023)
    assert load_demo_commendations(db) > 6
    assert load_demo_commendations(db) == 0  # once
    yield db
    db.close()


def test_demo_round_has_six_eligible_creative_labour_awards(demo_db):
    r = ops.rounds(demo_db)[0]
    assert r.year == 2023 and r.nominees == r.approved
    rows = ops.nominees(demo_db, r.id)
    lab = [n for n in rows if n.award == AwardForm.LAO_DONG_SANG_TAO]
    assert len(lab) == 6 and all(n.status == NomineeStatus.APPROVED for n in rows)
    for n in lab:
        detail = ops.nominee_detail(demo_db, n.id)
        assert detail.initiatives and all(f.ok for f in detail.findings), detail.findings


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_longest_demo_names_stay_inside_their_boxes(demo_db, tmp_path):
    r = ops.rounds(demo_db)[0]
    out = tmp_path / "demo.pdf"
    result = ops.print_certificates(demo_db, r.id, out, stock=True).value
    # The round prints only the forms its level awards; the Tổng Liên đoàn's are skipped, said why.
    every = ops.nominees(demo_db, r.id)
    rows = [n for n in every if rules.is_own(n.award, r.level)]
    assert len(result.skipped) == len(every) - len(rows) > 0
    assert all("do Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam tặng" in s
               for s in result.skipped if "Bằng Lao động sáng tạo" in s)
    longest = max(range(len(rows)), key=lambda i: len(rows[i].full_name))
    html = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = html.split("<page ")[1:]
    assert len(pages) == result.count == len(rows)
    for i in {longest, max(range(len(rows)), key=lambda i: len(rows[i].unit_name))}:
        t = certs.load_template(certs.DEFAULT_TEMPLATES[rows[i].award])
        box = next(b for b in t.boxes if b.name == "recipient")
        words = [(float(a), float(b), float(c), float(d), unescape(w)) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', pages[i])]
        name = [w for w in words if box.y * certs.MM <= w[1] <= (box.y + box.h) * certs.MM]
        assert " ".join(w[4] for w in name) == rows[i].full_name
        for x0, _y0, x1, y1, _ in name:
            assert box.x * certs.MM - 0.01 <= x0 and x1 <= (box.x + box.w) * certs.MM + 0.01
            assert y1 <= (box.y + box.h) * certs.MM + 0.01
