"""The page at 1366×768 and from the keyboard (issue 12 follow-up): Tình trạng and Quyết định
visible without scrolling sideways; the page's mnemonics clash neither with each other nor
with the menu bar (Tệp, Đi tới, Trợ giúp); F5 refreshes, and so does showing the page again."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput


def _letter(text: str) -> str | None:
    m = re.search(r"&([^&])", text.replace("&&", ""))
    return m[1].lower() if m else None


def test_page_keys_columns_and_refresh(qtbot, window, app_db):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    ops.add_nominee(app_db, r.id, NomineeInput(
        NomineeKind.INDIVIDUAL, AwardForm.LAO_DONG_SANG_TAO, full_name="Tôn Nữ Hoàng Thị Huyền Trân Nguyễn Phước",
        unit_name="Công đoàn cơ sở Trường Trung học phổ thông chuyên Lê Quý Đôn"))
    window.setWindowState(Qt.WindowState.WindowNoState)  # offscreen 800×600 opens it maximised
    window.resize(1366, 768)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["commendations"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    qtbot.waitUntil(lambda: page.table.viewport().width() > 0)
    qtbot.wait(50)  # the columns are sized once the page is laid out at 1366×768

    # Status and decision columns end inside the table's viewport.
    header = page.table.horizontalHeader()
    right = header.sectionViewportPosition(5) + header.sectionSize(5)
    assert right <= page.table.viewport().width(), (right, page.table.viewport().width())
    # Every column's header is read whole (bold, with the section's margins).
    model = page.table.model()
    font = header.font()
    font.setBold(True)
    from PySide6.QtGui import QFontMetrics
    metrics = QFontMetrics(font)
    cut = [(model.headerData(c, Qt.Orientation.Horizontal), header.sectionSize(c))
           for c in range(model.columnCount())
           if metrics.horizontalAdvance(model.headerData(c, Qt.Orientation.Horizontal)) + 12 > header.sectionSize(c)]
    assert cut == []

    # Mnemonics: the page's and the menu bar's letters are all different.
    menu = [_letter(a.text()) for a in window.menuBar().actions()]
    mine = [_letter(w.text()) for kind in (QAbstractButton, QLabel) for w in page.findChildren(kind)
            if w.isVisibleTo(page) and _letter(w.text())]
    assert len(set(menu)) == len(menu) and not set(menu) & set(mine), (menu, sorted(mine))
    assert len(mine) == len(set(mine)), sorted(mine)

    # F5 reads again what changed elsewhere (here: the core, as the command line would).
    ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN, full_name="Đặng Hữu Lộc"))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert "2 tập thể, cá nhân" in page.round_info.text()

    # Shown again after another page: read again too.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN, full_name="Võ Văn Đông"))
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
