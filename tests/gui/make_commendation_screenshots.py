"""Render docs/screenshots/commendations*.png (the Khen thưởng page, certificate printing and
two certificates), as tests/gui/make_screenshots.py renders the others:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.make_commendation_screenshots [folder]

The page and the printing dialog at 1366×768 on the Lai Châu demo (units, register, its 2023
commendation round); the certificates rendered with pdftoppm (80 dpi) from the page with the
longest name (the test office "LĐLĐ huyện Vĩnh Linh"), the full design and the pre-printed
stock shifted by a calibration of +3 mm, -2 mm. Not a test: a person looks at the pictures.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.gui.make_screenshots import ROOT, _save, _settle  # noqa: E402


def _page_and_printing(out: Path, tmp: Path) -> None:
    from PySide6.QtCore import Qt

    from core.common.database import open_app_database
    from core.demo.commendations import load_demo_commendations
    from core.demo.org import load_demo
    from core.demo.register import load_demo_register
    from gui.commendations.printing import CertificateDialog
    from gui.common import widgets
    from gui.main_window import MainWindow

    db = open_app_database(tmp / "demo.sqlite")
    try:
        load_demo(db)
        load_demo_register(db)
        load_demo_commendations(db)
        window = MainWindow(db)
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(1366, 768)
        window.show()
        page = window.show_page("commendations")
        _settle(lambda: page._detail is not None)
        widgets.select_row(page.table, page.model.index(1, 1))
        page._show_current()
        _settle(lambda: page._detail is not None and page._detail.row.seq == 2)
        _save(window, out / "commendations.png")

        rid = page.round_id()
        assert rid is not None
        dialog = CertificateDialog(db, rid, window)
        dialog.resize(1366, 768)
        dialog.stock.setChecked(True)
        dialog.dx.setValue(3.0)
        dialog.dy.setValue(-2.0)
        dialog.show()
        job = dialog.preview()
        _settle(lambda: job is not None and not job.running and dialog.document.pageCount() > 0, 60)
        _settle(lambda: _drawn(dialog.view), 20)  # QPdfView draws its pages in the background
        _save(dialog, out / "commendations-print.png")
        dialog.done(0)
        window.close()
    finally:
        db.close()


def _drawn(view) -> bool:
    """Whether the PDF view shows some ink (its pages are drawn, not blank sheets yet)."""
    image = view.viewport().grab().toImage()
    w, h = image.width(), image.height()
    return any(image.pixelColor(x, y).lightness() < 100
               for y in range(0, h, 4) for x in range(0, w, 4))


def _certificates(out: Path, tmp: Path) -> None:
    from core.commendations import ops
    from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput, RoundLevel
    from core.common.database import open_app_database
    from core.org.office import init_office
    from tests.test_commendation_certificates import PEOPLE

    db = open_app_database(tmp / "vinh-linh.sqlite")
    try:
        db.set_office_code("VL")
        with db.transaction() as s:
            init_office(s, code="VL", name="LĐLĐ huyện Vĩnh Linh", level="upper", parent_code="QT",
                        parent_name="LĐLĐ tỉnh Quảng Trị", place="Vĩnh Linh", chair_name="Nguyễn Văn An")
        r = ops.create_round(db, RoundInput("Tổng kết phong trào Lao động giỏi, lao động sáng tạo năm 2023",
                                            2023, level=RoundLevel.NATIONAL)).value
        for kind, award, name, unit, position in PEOPLE:
            ops.add_nominee(db, r.id, NomineeInput(NomineeKind(kind), AwardForm(award), full_name=name,
                                                   unit_name=unit, position=position))
        ops.approve(db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28))
        for name, stock in (("commendations-certificate-full", False),
                            ("commendations-certificate-stock", True)):
            pdf = tmp / f"{name}.pdf"
            ops.print_certificates(db, r.id, pdf, stock=stock, dx_mm=3 if stock else 0,
                                   dy_mm=-2 if stock else 0, record=False)
            subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", "2", "-l", "2",
                            str(pdf), str(out / name)], check=True)
            print(out / f"{name}.png")
    finally:
        db.close()


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from gui.app import setup_application

    if not setup_application(app):
        print("translation missing: run `make translations` first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        _page_and_printing(out, tmp)
        _certificates(out, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
