"""Charts of the dashboard: progress over time against the target, and benefit value totals as
horizontal bars, both painted directly with QPainter (no Qt Charts: deprecated since Qt 6.10,
and one module and library less in the bundle; see docs/decisions/charts.md). Numbers are
shown the Vietnamese way ("." thousands), months as MM/yyyy."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gui.common.formatting import format_date, format_int
from gui.common.widgets import elide_middle

ACHIEVED_COLOUR = QColor("#1f5f99")
TARGET_COLOUR = QColor("#c62828")
EXPECTED_COLOUR = QColor("#7a8794")
BAR_COLOUR = QColor("#1f5f99")
TEXT_COLOUR = QColor("#1b2733")
AXIS_COLOUR = QColor("#7a8794")
GRID_COLOUR = QColor("#e3e8ee")
HOVER_RADIUS = 8  # px: how near a point the pointer must be for its tooltip


def _end_of_month(d: date) -> date:
    following = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def nice_step(span: float, ticks: int = 5) -> int:
    """A round step (1, 2 or 5 × 10ⁿ, at least 1) giving at most about ``ticks`` intervals."""
    raw = max(span / max(ticks, 1), 1e-9)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return max(int(factor * power), 1)
    return max(int(10 * power), 1)  # pragma: no cover - the loop always returns


def month_ticks(first: date, last: date, fits: int) -> list[date]:
    """First days of months between ``first`` and ``last``, every 1, 2, 3, 6, 12… months so
    that no more than ``fits`` labels are shown."""
    start = first if first.day == 1 else _add_months(first.replace(day=1), 1)
    months = (last.year - start.year) * 12 + last.month - start.month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60, 120) if (months - 1) // s + 1 <= max(fits, 2)), 120)
    if step >= 12 and start.month != 1:  # whole years: January (or the first month shown)
        start = _add_months(start, (13 - start.month) % 12) if months > 12 else start
    ticks, current = [], start
    while current <= last:
        ticks.append(current)
        current = _add_months(current, step)
    return ticks


class ProgressOverTimeChart(QWidget):
    """Cumulative counted initiatives by month (a line with a dot at the end of each month),
    the target (dashed) and the pro-rata line from the start of the phase to the target at its
    end (dotted), over axes of months (MM/yyyy) and counts ("." thousands); a legend below and
    a tooltip on each point ("Đến ngày 31/10/2021: 120")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Progress over time")
        self.points: list[tuple[date, int]] = []  # (end of month, cumulative count)
        self.target: int | None = None
        self.starts: date | None = None
        self.ends: date | None = None
        self.first = self.last = date.today()
        self.top = 1  # the top of the count axis
        self.step = 1  # between the count axis' labels
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.set_data([], None, None, None)

    def sizeHint(self) -> QSize:
        return QSize(380, 280)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 180)

    # --- data -------------------------------------------------------------------------
    def set_data(self, months: Sequence, target: int | None, starts: date | None, ends: date | None) -> None:
        """``months``: core MonthCount (month, count, cumulative) in order; ``target`` of the unit
        shown (None: not set); ``starts``/``ends``: the phase (or programme) window."""
        first = starts or (months[0].month if months else date.today())
        last = ends or (_end_of_month(months[-1].month) if months else first + timedelta(days=30))
        if months:
            first = min(first, months[0].month)
            last = max(last, _end_of_month(months[-1].month))
        self.first, self.last = first, max(last, first + timedelta(days=1))
        points = [(first, 0)] if not months or months[0].month > first else []
        for m in months:  # flat through months without registrations, up within a month
            before = m.month - timedelta(days=1)
            if points and points[-1][0] < before:
                points.append((before, points[-1][1]))
            points.append((_end_of_month(m.month), m.cumulative))
        self.points = points
        self.target = target or None
        self.starts, self.ends = starts, ends
        highest = max([value for _, value in self.points] + [self.target or 0, 1])
        self.step = nice_step(highest * 1.05)
        self.top = math.ceil(highest * 1.05 / self.step) * self.step
        self.update()

    def series(self) -> list[tuple[str, QPen]]:
        """The legend: (label, pen) of each line shown."""
        achieved = QPen(ACHIEVED_COLOUR, 2.5)
        shown = [(self.tr("Achieved"), achieved)]
        if self.target:
            pen = QPen(TARGET_COLOUR, 1.5)
            pen.setStyle(Qt.PenStyle.DashLine)
            shown.append((self.tr("Target {0}").format(format_int(self.target)), pen))
            if self.starts and self.ends:
                pen = QPen(EXPECTED_COLOUR, 1.2)
                pen.setStyle(Qt.PenStyle.DotLine)
                shown.append((self.tr("Pro-rata"), pen))
        return shown

    # --- geometry ---------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont]:
        bold, small = QFont(self.font()), QFont(self.font())
        bold.setBold(True)
        small.setPointSizeF(max(small.pointSizeF() - 1, 7))
        return bold, small

    def value_ticks(self) -> list[int]:
        return list(range(0, self.top + 1, self.step))

    _SAMPLE, _GAP = 16, 10  # the legend: a line sample, and the space between entries

    def legend_rows(self) -> list[list[tuple[str, QPen, int]]]:
        """The legend's entries (label, pen, width) in rows that fit the width."""
        metrics = QFontMetrics(self._fonts()[1])
        rows: list[list[tuple[str, QPen, int]]] = [[]]
        used = 0
        for label, pen in self.series():
            width = self._SAMPLE + 4 + metrics.horizontalAdvance(label)
            if rows[-1] and used + self._GAP + width > self.width() - 8:
                rows.append([])
                used = 0
            used += (self._GAP if rows[-1] else 0) + width
            rows[-1].append((label, pen, width))
        return rows

    def plot_rect(self) -> QRect:
        """Where the lines are drawn, inside the axes."""
        bold, small = self._fonts()
        metrics = self.fontMetrics()
        label_width = max(metrics.horizontalAdvance(format_int(v)) for v in self.value_ticks())
        top = 6 + QFontMetrics(bold).height() + 8
        legend = len(self.legend_rows()) * (QFontMetrics(small).height() + 2)
        bottom = self.height() - 6 - legend - 8 - metrics.height() - 6
        half_label = metrics.horizontalAdvance("00/0000") // 2
        left = max(8 + label_width + 8, half_label + 6)
        right = self.width() - max(half_label, 10) - 4
        return QRect(left, top, max(right - left, 10), max(bottom - top, 10))

    def month_ticks(self) -> list[date]:
        # Labels are centred on their month: one needs its width and a gap on the axis.
        fits = self.plot_rect().width() // (self.fontMetrics().horizontalAdvance("00/0000") + 16)
        return month_ticks(self.first, self.last, fits)

    def x_of(self, day: date) -> float:
        plot = self.plot_rect()
        span = (self.last - self.first).days or 1
        return plot.left() + (day - self.first).days / span * plot.width()

    def y_of(self, value: float) -> float:
        plot = self.plot_rect()
        return plot.bottom() - value / (self.top or 1) * plot.height()

    def point_positions(self) -> list[QPointF]:
        return [QPointF(self.x_of(day), self.y_of(value)) for day, value in self.points]

    # --- painting ---------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        bold, small = self._fonts()
        metrics = self.fontMetrics()
        plot = self.plot_rect()

        painter.setFont(bold)
        painter.setPen(TEXT_COLOUR)
        painter.drawText(QRect(4, 6, self.width() - 8, QFontMetrics(bold).height()),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), self.title)

        # Grid and axis labels.
        painter.setFont(self.font())
        for value in self.value_ticks():
            y = round(self.y_of(value))
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(plot.left(), y, plot.right(), y)
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRect(4, y - metrics.height() // 2, plot.left() - 12, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), format_int(value))
        for day in self.month_ticks():
            x = round(self.x_of(day))
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(x, plot.top(), x, plot.bottom())
            painter.setPen(AXIS_COLOUR)
            painter.drawLine(x, plot.bottom(), x, plot.bottom() + 4)
            label = f"{day:%m/%Y}"
            width = metrics.horizontalAdvance(label)
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRect(x - width // 2 - 2, plot.bottom() + 6, width + 4, metrics.height()),
                             int(Qt.AlignmentFlag.AlignCenter), label)
        painter.setPen(QPen(AXIS_COLOUR, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

        # The lines, inside the plot.
        painter.save()
        painter.setClipRect(plot.adjusted(-6, -6, 6, 1))
        legend = self.series()
        pens = {i: pen for i, (_label, pen) in enumerate(legend)}
        if self.target:
            painter.setPen(pens[1])
            y = self.y_of(self.target)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            if self.starts and self.ends:
                painter.setPen(pens[2])
                painter.drawLine(QPointF(self.x_of(self.starts), self.y_of(0)),
                                 QPointF(self.x_of(self.ends), self.y_of(self.target)))
        positions = self.point_positions()
        line = QPen(pens[0])
        line.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(line)
        painter.drawPolyline(QPolygonF(positions))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ACHIEVED_COLOUR)
        for position in positions:
            painter.drawEllipse(position, 3.5, 3.5)
        painter.restore()

        # The legend, centred below (in more rows when narrow).
        painter.setFont(small)
        small_metrics = QFontMetrics(small)
        rows = self.legend_rows()
        line_height = small_metrics.height() + 2
        y = self.height() - 6 - len(rows) * line_height
        for row in rows:
            x = (self.width() - sum(w for *_, w in row) - self._GAP * (len(row) - 1)) / 2
            mid = y + small_metrics.height() / 2
            for label, pen, width in row:
                painter.setPen(pen)
                painter.drawLine(QPointF(x, mid), QPointF(x + self._SAMPLE, mid))
                painter.setPen(TEXT_COLOUR)
                painter.drawText(QRectF(x + self._SAMPLE + 4, y, width - self._SAMPLE - 4, small_metrics.height()),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)
                x += width + self._GAP
            y += line_height
        painter.end()

    # --- tooltips ---------------------------------------------------------------------
    def point_at(self, pos: QPoint | QPointF) -> int | None:
        """The index of the point nearest ``pos`` within a few pixels."""
        best, nearest = None, HOVER_RADIUS ** 2
        for i, point in enumerate(self.point_positions()):
            distance = (point.x() - pos.x()) ** 2 + (point.y() - pos.y()) ** 2
            if distance <= nearest:
                best, nearest = i, distance
        return best

    def tooltip_for(self, index: int) -> str:
        day, value = self.points[index]
        return self.tr("By {0}: {1}").format(format_date(day), format_int(value))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.point_at(event.pos())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(index), self)
            return True
        return super().event(event)


class BenefitBars(QWidget):
    """Benefit value totals (đồng) per category as horizontal bars, painted directly: the
    label (cut in the middle, whole in the tooltip), the bar and the amount with "." thousands. Long
    Vietnamese labels stay readable at any height (Qt Charts elides them to "…")."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.totals: list = []
        self.setMouseTracking(True)
        self.setMinimumHeight(self._row_height() * 4)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def set_data(self, totals: Sequence) -> None:
        self.totals = list(totals)
        self.setMinimumHeight(self._row_height() * (len(self.totals) + 1) + 12)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, self._row_height() * (len(self.totals) + 1) + 12)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self._row_height() * (min(len(self.totals), 7) + 1) + 12)

    def _layout(self) -> tuple[QRect, list[QRect]]:
        """The title's rect and each row's rect."""
        h = self._row_height()
        title = QRect(8, 4, self.width() - 16, h)
        rows = [QRect(8, 4 + h * (i + 1), self.width() - 16, h) for i in range(len(self.totals))]
        return title, rows

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        metrics = self.fontMetrics()
        title_rect, rows = self._layout()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#1b2733"))
        painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.title)
        painter.setFont(self.font())
        if not self.totals:
            return
        label_width = self._label_width()
        labels = self.shown_labels()
        value_width = max(metrics.horizontalAdvance(format_int(t.benefit)) for t in self.totals) + 10
        biggest = max(t.benefit for t in self.totals) or 1
        for total, label, rect in zip(self.totals, labels, rows, strict=True):
            painter.setPen(QColor("#1b2733"))
            painter.drawText(QRect(rect.left(), rect.top(), label_width - 8, rect.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
            span = max(rect.width() - label_width - value_width, 10)
            length = round(span * total.benefit / biggest)
            bar = QRect(rect.left() + label_width, rect.top() + 4, length, rect.height() - 8)
            painter.fillRect(QRect(bar.left(), bar.top(), span, bar.height()), QColor("#eef3f8"))
            if length:
                painter.fillRect(bar, BAR_COLOUR)
            painter.setPen(QColor("#1b2733") if total.benefit else QColor("#7a8794"))
            painter.drawText(QRect(bar.left() + max(length, 0) + 6, rect.top(), value_width + span, rect.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             format_int(total.benefit))
        painter.end()

    def _label_width(self) -> int:
        if not self.totals:
            return 0
        metrics = self.fontMetrics()
        return min(max(metrics.horizontalAdvance(t.label) for t in self.totals) + 8,
                   int(self.width() * 0.42))

    def shown_labels(self) -> list[str]:
        """Each bar's label as painted: a long one cut in the middle as the tables cut unit
        names ("CĐCS Trường … Nậm Cha": its start and its distinctive end), whole in the
        tooltip."""
        width = self._label_width() - 8
        return [elide_middle(t.label, self.fontMetrics(), width) for t in self.totals]

    def row_at(self, y: int) -> int | None:
        _title, rows = self._layout()
        for i, rect in enumerate(rows):
            if rect.top() <= y < rect.bottom():
                return i
        return None

    def tooltip_for(self, row: int) -> str:
        total = self.totals[row]
        return self.tr("{0}\n{1} initiatives, {2} with an economic benefit\nBenefit value: {3} đồng").format(
            total.label, format_int(total.count), format_int(total.with_benefit), format_int(total.benefit)
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            row = self.row_at(event.pos().y())
            if row is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(row), self)
            return True
        return super().event(event)
