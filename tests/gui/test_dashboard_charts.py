"""The dashboard's progress-over-time chart, painted with QPainter (no Qt Charts): what it
draws, where, its Vietnamese labels and tooltips."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from core.targets.figures import MonthCount
from gui.targets.charts import (
    ACHIEVED_COLOUR,
    ProgressOverTimeChart,
    month_ticks,
    nice_step,
)

ROOT = Path(__file__).resolve().parents[2]
MONTHS = [MonthCount(date(2021, 10, 1), 3, 3), MonthCount(date(2021, 11, 1), 5, 8),
          MonthCount(date(2021, 12, 1), 3, 1_100)]


def _chart(qtbot, *data, size=(520, 320)) -> ProgressOverTimeChart:
    chart = ProgressOverTimeChart()
    qtbot.addWidget(chart)
    chart.resize(*size)
    chart.set_data(*data)
    chart.show()
    QApplication.processEvents()
    return chart


def _near(image, x: int, y: int, colour, spread: int = 3) -> bool:
    for dx in range(-spread, spread + 1):
        for dy in range(-spread, spread + 1):
            c = image.pixelColor(x + dx, y + dy)
            if abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue()) < 60:
                return True
    return False


def _reddish(c) -> bool:
    return c.red() - c.green() > 50 and c.red() - c.blue() > 50


def test_the_chart_draws_the_target_and_the_cumulative_line(qtbot):
    chart = _chart(qtbot, MONTHS, 2_000, date(2021, 9, 1), date(2022, 5, 31))
    assert chart.points == [(date(2021, 9, 1), 0), (date(2021, 9, 30), 0), (date(2021, 10, 31), 3),
                            (date(2021, 11, 30), 8), (date(2021, 12, 31), 1_100)]
    assert chart.value_ticks() == [0, 500, 1_000, 1_500, 2_000, 2_500]
    assert [label for label, _pen in chart.series()] == ["Đã đạt (lũy kế)", "Chỉ tiêu 2.000", "Theo tiến độ"]
    image = chart.grab().toImage()
    plot = chart.plot_rect()
    y = round(chart.y_of(2_000))  # the target, dashed, across the plot (antialiased: ±1 px)
    reds = [x for x in range(plot.left(), plot.right())
            if any(_reddish(image.pixelColor(x, y + dy)) for dy in (-1, 0, 1))]
    assert len(reds) > plot.width() // 3
    assert not any(_reddish(image.pixelColor(x, y + 12)) for x in range(plot.left(), plot.right()))
    last = chart.point_positions()[-1]  # the last month's dot
    assert _near(image, round(last.x()), round(last.y()), ACHIEVED_COLOUR)
    assert last.x() < chart.x_of(date(2022, 5, 31)) and abs(last.y() - chart.y_of(1_100)) < 1


def test_the_point_tooltips_say_the_date_and_the_count(qtbot):
    chart = _chart(qtbot, MONTHS, None, date(2021, 9, 1), date(2022, 5, 31))
    november = chart.point_positions()[3]  # (01/9: 0), (30/9: 0: flat until October), 31/10, 30/11
    index = chart.point_at(QPoint(round(november.x()) + 3, round(november.y()) - 2))
    assert index == 3
    assert chart.tooltip_for(index) == "Đến ngày 30/11/2021: 8"
    assert chart.point_at(QPoint(chart.width() - 2, 2)) is None
    assert [label for label, _pen in chart.series()] == ["Đã đạt (lũy kế)"]  # no target: no lines for it


def test_axes_are_months_and_round_numbers():
    assert nice_step(1_155) == 500 and nice_step(11.55) == 5 and nice_step(1.05) == 1
    assert nice_step(2_532) == 1_000
    assert month_ticks(date(2021, 9, 1), date(2023, 9, 1), 5) == [
        date(2021, 9, 1), date(2022, 3, 1), date(2022, 9, 1), date(2023, 3, 1), date(2023, 9, 1)]
    assert month_ticks(date(2021, 9, 15), date(2022, 1, 31), 10) == [
        date(2021, 10, 1), date(2021, 11, 1), date(2021, 12, 1), date(2022, 1, 1)]
    yearly = month_ticks(date(2018, 1, 1), date(2031, 12, 31), 4)
    assert yearly[0] == date(2018, 1, 1) and len(yearly) <= 4
    assert all(d.month == 1 for d in yearly)


def test_an_empty_chart_still_has_its_axes(qtbot):
    chart = _chart(qtbot, [], None, date(2021, 9, 1), date(2022, 5, 31), size=(320, 180))
    assert chart.points == [(date(2021, 9, 1), 0)]
    assert chart.value_ticks()[0] == 0 and chart.month_ticks()[0] == date(2021, 9, 1)
    assert chart.plot_rect().height() > 40


def test_a_narrow_chart_wraps_its_legend(qtbot):
    chart = _chart(qtbot, MONTHS, 120_000, date(2021, 9, 1), date(2022, 5, 31), size=(300, 260))
    rows = chart.legend_rows()
    assert len(rows) >= 2 and sum(len(r) for r in rows) == 3
    assert all(sum(w for *_, w in row) <= chart.width() for row in rows)


def test_the_dashboard_does_not_load_qt_charts():
    code = ("import sys, gui.targets.page, gui.targets.charts, gui.main_window\n"
            "print('PySide6.QtCharts' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_one_year_labels_do_not_touch_and_a_late_month_rises_late(qtbot):
    """A yearly programme with every registration in December: the line stays at 0 until
    November, and the month labels keep a gap between them at a narrow width."""
    december = [MonthCount(date(2026, 12, 1), 3, 3)]
    chart = _chart(qtbot, december, None, date(2026, 1, 1), date(2026, 12, 31), size=(420, 300))
    assert chart.points == [(date(2026, 1, 1), 0), (date(2026, 11, 30), 0), (date(2026, 12, 31), 3)]
    label = chart.fontMetrics().horizontalAdvance("00/0000")
    for width in range(260, 900, 10):  # every width the dashboard's splitter may give
        chart.resize(width, 300)
        xs = [chart.x_of(day) for day in chart.month_ticks()]
        assert len(xs) >= 2
        assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= label + 8, width
