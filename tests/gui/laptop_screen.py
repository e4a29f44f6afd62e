"""Run as ``python -m tests.gui.laptop_screen DB OUT.json SHOTS_DIR`` with
QT_QPA_PLATFORM="offscreen:configfile=…" describing a 1366×768 screen: opens the window on a
demo database as a clerk's laptop would show it, sorts the register by benefit (a header
click), opens the initiative form (Ctrl+N) and writes what it measured as JSON, with
screenshots. Used by tests/gui/test_laptop_screen.py (the screen size is fixed when Qt starts,
so this runs in its own process)."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(db_path: str, out: str, shots: str) -> int:
    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from core.common.database import open_app_database
    from gui.app import setup_application
    from gui.initiatives.form import InitiativeDialog
    from gui.initiatives.register_table import COL_BENEFIT
    from gui.main_window import MainWindow

    setup_application(app)
    db = open_app_database(Path(db_path))
    result: dict = {}
    window = MainWindow(db)
    window.show()
    QTest.qWaitForWindowExposed(window)
    screen = window.screen().availableGeometry()
    result["screen"] = [screen.width(), screen.height()]
    page = window.show_page("initiatives")
    for _ in range(200):
        if page.model.complete and page.model.totals is not None:
            break
        QTest.qWait(50)
    QTest.qWait(200)
    result["window"] = [window.frameGeometry().width(), window.frameGeometry().height()]
    result["maximised"] = bool(window.windowState() & Qt.WindowState.WindowMaximized)
    header = page.table.horizontalHeader()
    for _ in range(2):  # descending: the largest amounts on top
        if header.sortIndicatorSection() == COL_BENEFIT and header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
            break
        x = header.sectionViewportPosition(COL_BENEFIT) + header.sectionSize(COL_BENEFIT) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, 5))
        QTest.qWait(600)
    metrics = page.table.fontMetrics()
    cells = []
    for row in range(min(20, page.model.rowCount())):
        index = page.model.index(row, COL_BENEFIT)
        text = index.data() or ""
        if text:
            cells.append([text, metrics.horizontalAdvance(text), page.table.visualRect(index).width()])
    result["benefit_cells"] = cells
    window.grab().save(str(Path(shots) / "register-1366x768.png"))

    def grab_form() -> None:
        form = next((w for w in QApplication.topLevelWidgets() if isinstance(w, InitiativeDialog) and w.isVisible()), None)
        if form is None:
            QTimer.singleShot(50, grab_form)
            return
        QTest.qWait(100)
        result["form"] = [form.frameGeometry().width(), form.frameGeometry().height()]
        result["form_minimum"] = [form.minimumSizeHint().width(), form.minimumSizeHint().height()]
        form.grab().save(str(Path(shots) / "form-1366x768.png"))
        form.reject()

    QTimer.singleShot(50, grab_form)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    for _ in range(100):  # the form may be shown without a modal loop of its own
        if "form" in result:
            break
        QTest.qWait(50)
    dashboard = window.show_page("targets")
    for _ in range(200):
        if dashboard.context is not None and not dashboard.busy:
            break
        QTest.qWait(50)
    QTest.qWait(300)
    window.grab().save(str(Path(shots) / "dashboard-1366x768.png"))
    from PySide6.QtWidgets import QLabel

    cut = []
    for label in dashboard.findChildren(QLabel):
        text = label.text()
        shown = label.isVisible() and text and not label.wordWrap() and "<" not in text
        if shown and label.fontMetrics().horizontalAdvance(text.replace("&", "")) > label.contentsRect().width() + 1:
            cut.append(text)
    result["dashboard_cut_labels"] = cut
    Path(out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
