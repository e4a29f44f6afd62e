"""Printing from the PDF preview: the pages are rendered in a background job (progress,
"Hủy") and painted on the printer on the GUI thread (gui.common.pdf_preview.print_to)."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import time

import pytest
from PySide6.QtPrintSupport import QPrinter

from gui.common import jobs, pdf_preview
from gui.common.pdf_preview import PdfPreviewDialog

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")

PAGES = 4


def _pdf(tmp_path) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from core.common.pdf import FAMILY, register_fonts

    register_fonts()
    path = tmp_path / "bon-trang.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(1, PAGES + 1):
        c.setFont(FAMILY, 48)
        c.drawString(120, 600, f"Trang số {n}")
        c.showPage()
    c.save()
    return path.read_bytes()


def _printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setFullPage(True)
    printer.setResolution(96)  # quick to render; the preview renders at most PRINT_DPI
    return printer


def _page_count(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


@pytest.fixture
def preview(qtbot, tmp_path):
    dialog = PdfPreviewDialog(_pdf(tmp_path), title="Bốn trang", file_name="bon-trang.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_printing_renders_pages_off_the_gui_thread_with_progress(qtbot, preview, tmp_path, monkeypatch):
    threads: list[bool] = []
    render = pdf_preview.render_page

    def recorded(document, page, dpi):
        threads.append(threading.current_thread() is threading.main_thread())
        return render(document, page, dpi)
    monkeypatch.setattr(pdf_preview, "render_page", recorded)
    out = tmp_path / "in-ra.pdf"
    job = preview.print_to(_printer(out))
    assert isinstance(job, jobs.Job) and isinstance(job.dialog, jobs.ProgressDialog)
    reports: list[tuple[int, int]] = []
    job.progressed.connect(lambda done, total: reports.append((done, total)))
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    assert job.outcome == "succeeded"
    assert threads == [False] * PAGES  # every page rendered on the worker thread
    assert reports and reports[-1] == (PAGES, PAGES)
    assert preview.printed == PAGES and "4 trang" in preview.status.text()
    assert _page_count(out) == PAGES
    subprocess.run(["pdftoppm", "-r", "20", "-png", "-f", "2", "-l", "2", str(out), str(tmp_path / "p")],
                   check=True)
    from PySide6.QtGui import QImage

    [png] = tmp_path.glob("p-*2.png")
    image = QImage(str(png))
    dark = sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 20  # the page's text was painted, not a blank sheet


def test_cancelling_a_print_stops_rendering_and_aborts_the_run(qtbot, preview, tmp_path, monkeypatch):
    render = pdf_preview.render_page

    def slow(document, page, dpi):
        time.sleep(0.3)
        return render(document, page, dpi)
    monkeypatch.setattr(pdf_preview, "render_page", slow)
    job = preview.print_to(_printer(tmp_path / "huy.pdf"))
    assert job is not None
    qtbot.waitUntil(lambda: preview.printed >= 1, timeout=10_000)
    job.dialog.request_cancel()  # "Hủy" on the progress dialog
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert job.outcome == "cancelled"
    assert preview.printed < PAGES
    assert preview.status.text() == "Đã hủy in."
