"""Shared helpers of the report, target import and report CLI tests (no tests here).

- :func:`demo_template`: the Lai Châu demo (1–2 members per CĐCS) with the demo targets,
  built once and copied for each test by :func:`demo_db` / :func:`demo_path`;
- :func:`pdf_text`, :func:`flat`, :func:`assert_page_renders`: reading PDFs back with poppler;
- :func:`run_cli`: the headless commands in a subprocess, with ``targets`` and ``report``
  registered from :mod:`core.cli.targets` even before core/cli/__init__.py wires them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from core.common.database import open_app_database

ROOT = Path(__file__).resolve().parent.parent
HAS_POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdftoppm") is not None
needs_poppler = pytest.mark.skipif(not HAS_POPPLER, reason="poppler-utils is not installed")


def build_demo(path: Path, *, targets: bool = True) -> Path:
    from core.demo.org import load_demo
    from core.demo.targets import load_demo_targets

    db = open_app_database(path)
    try:
        load_demo(db, members_per_unit=(1, 2))
        if targets:
            load_demo_targets(db)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return path


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite")


@pytest.fixture
def demo_path(demo_template, tmp_path) -> Path:
    target = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def demo_db(demo_path):
    db = open_app_database(demo_path)
    yield db
    db.close()


def pdf_text(pdf: Path, *extra: str) -> str:
    out = subprocess.run(["pdftotext", "-layout", *extra, str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return unicodedata.normalize("NFC", out)


def flat(text: str) -> str:
    """Whitespace collapsed to single spaces (table cells and wrapped lines)."""
    return re.sub(r"\s+", " ", text)


def assert_page_renders(pdf: Path, tmp_path: Path, page: int = 1) -> Path:
    """Render ``page`` at 50 dpi with pdftoppm and check the picture is not blank."""
    from PIL import Image

    stem = tmp_path / f"{pdf.stem}-page{page}"
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True, capture_output=True)
    png = stem.with_suffix(".png")
    with Image.open(png) as image:
        grey = image.convert("L")
        width, height = grey.size
        assert min(width, height) > 350  # A4 at 50 dpi: 413 × 585 (or landscape)
        dark = sum(grey.histogram()[:128])
    share = dark / (width * height)
    assert 0.005 < share < 0.3, share
    return png


_WRAPPER = (
    "import argparse, sys\n"
    "import core.cli as cli\n"
    "from core.cli.targets import register\n"
    "original = cli.build_parser\n"
    "def build():\n"
    "    parser = original()\n"
    "    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))\n"
    "    if 'report' not in sub.choices:\n"
    "        register(sub)\n"
    "    return parser\n"
    "cli.build_parser = build\n"
    "sys.exit(cli.main(sys.argv[1:]))\n"
)


def run_cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    """``main.py --db DB ARGS`` with the report commands registered (wired or not)."""
    return subprocess.run([sys.executable, "-c", _WRAPPER, "--db", str(db), *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def run_main_py(*args: str, db: Path) -> subprocess.CompletedProcess:
    """The real ``python main.py --db DB ARGS``."""
    return subprocess.run([sys.executable, "main.py", "--db", str(db), *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
