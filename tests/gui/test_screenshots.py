"""A person must be able to look at it: render the window offscreen and check the picture.

Set SOCONGDOAN_SCREENSHOTS=<folder> to keep the pictures (docs/screenshots is made with
``python -m tests.gui.make_screenshots``, on the bigger demo organisation).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QColor, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication


def distinct_colours(image: QImage, step: int = 4) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


def dark_pixels(image: QImage, step: int = 2) -> int:
    count = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if QColor(image.pixel(x, y)).lightness() < 90:
                count += 1
    return count


def test_main_window_screenshot_is_not_blank(sample_units, window, tmp_path):
    window.resize(1280, 800)
    page = window.show_page("organisation")
    page.select_unit(sample_units["VL-0001"])
    page.select_unit(page.current_unit().parent_id)
    QApplication.processEvents()

    pixmap = window.grab()
    out = tmp_path / "main-window.png"
    assert pixmap.save(str(out))
    assert out.stat().st_size > 10_000
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert distinct_colours(image) > 50

    # The members list has text in it (dark glyphs on a light background).
    table = page.table.viewport().grab().toImage()
    assert dark_pixels(table) > 500
    # The font in use has the Vietnamese letters (no empty boxes instead of ệ, ữ, đ).
    metrics = QFontMetrics(page.table.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "ệữđĐơưẫỹ₫")

    folder = os.environ.get("SOCONGDOAN_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        pixmap.save(str(Path(folder) / "test-main-window.png"))
