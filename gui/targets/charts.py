"""Charts of the dashboard: progress over time against the target (Qt Charts), and benefit
value totals as horizontal bars. Numbers are shown the Vietnamese way ("." thousands)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QEvent, QLocale, QMargins, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gui.common.formatting import format_date, format_int

VI = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
ACHIEVED_COLOUR = QColor("#1f5f99")
TARGET_COLOUR = QColor("#c62828")
EXPECTED_COLOUR = QColor("#7a8794")
BAR_COLOUR = QColor("#1f5f99")


def _msecs(d: date) -> float:
    return float(QDateTime(datetime.combine(d, time(12))).toMSecsSinceEpoch())


def _end_of_month(d: date) -> date:
    following = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return following - timedelta(days=1)


class ProgressOverTimeChart(QChartView):
    """Cumulative counted initiatives by month, the target line and the pro-rata line.

    The series and axes are made once and only their points change (Qt Charts leaves stale
    axis labels behind when axes are removed and added again)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setLocalizeNumbers(True)
        chart.setLocale(VI)
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setBackgroundRoundness(2)
        font = QFont(chart.titleFont())
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setTitle(self.tr("Progress over time"))
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(180)
        legend = chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        small = QFont(legend.font())
        small.setPointSizeF(max(small.pointSizeF() - 1, 7))
        legend.setFont(small)
        self.points: list[tuple[date, int]] = []

        self.achieved = QLineSeries()
        self.achieved.setName(self.tr("Achieved"))
        self.achieved.setPen(QPen(ACHIEVED_COLOUR, 2.5))
        self.achieved.setPointsVisible(True)
        self.target_line = QLineSeries()
        self.target_line.setName(self.tr("Target"))
        pen = QPen(TARGET_COLOUR, 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.target_line.setPen(pen)
        self.pro_rata = QLineSeries()
        self.pro_rata.setName(self.tr("Pro-rata"))
        pen = QPen(EXPECTED_COLOUR, 1.2)
        pen.setStyle(Qt.PenStyle.DotLine)
        self.pro_rata.setPen(pen)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("MM/yyyy")
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%.0f")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.achieved, self.target_line, self.pro_rata):
            chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.achieved.hovered.connect(self._hovered)

    def set_data(self, months: list, target: int | None, starts: date | None, ends: date | None) -> None:
        first = starts or (months[0].month if months else date.today())
        last = ends or (_end_of_month(months[-1].month) if months else first + timedelta(days=30))
        if months:
            first = min(first, months[0].month)
            last = max(last, _end_of_month(months[-1].month))
        self.points = [(first, 0)] if not months or months[0].month > first else []
        self.points += [(_end_of_month(m.month), m.cumulative) for m in months]
        self.achieved.replace([QPointF(_msecs(day), value) for day, value in self.points])
        self.target_line.replace(
            [QPointF(_msecs(first), target), QPointF(_msecs(last), target)] if target else [])
        self.pro_rata.replace(
            [QPointF(_msecs(starts), 0), QPointF(_msecs(ends), target)] if target and starts and ends else [])
        self.target_line.setName(self.tr("Target {0}").format(format_int(target)) if target else self.tr("Target"))
        for series in (self.target_line, self.pro_rata):
            visible = series.count() > 0
            series.setVisible(visible)
            for marker in self.chart().legend().markers(series):
                marker.setVisible(visible)
        top = max([value for _, value in self.points] + [target or 0, 1])
        self.x_axis.setRange(QDateTime(datetime.combine(first, time(0))),
                             QDateTime(datetime.combine(last, time(23))))
        self.x_axis.setTickCount(min(5, max(2, (last - first).days // 60 + 2)))
        self.y_axis.setRange(0, top * 1.05)
        self.y_axis.setTickCount(6)
        self.y_axis.applyNiceNumbers()

    def _hovered(self, point, state: bool) -> None:
        if not state:
            QToolTip.hideText()
            return
        day = QDateTime.fromMSecsSinceEpoch(int(point.x())).date().toPython()
        QToolTip.showText(
            QCursor.pos(),
            self.tr("By {0}: {1}").format(format_date(day), format_int(round(point.y()))),
            self,
        )


class BenefitBars(QWidget):
    """Benefit value totals (đồng) per category as horizontal bars, painted directly: the
    label (elided, whole in the tooltip), the bar and the amount with "." thousands. Long
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

    def set_data(self, totals: list) -> None:
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
        label_width = min(max(metrics.horizontalAdvance(t.label) for t in self.totals) + 8,
                          int(self.width() * 0.42))
        value_width = max(metrics.horizontalAdvance(format_int(t.benefit)) for t in self.totals) + 10
        biggest = max(t.benefit for t in self.totals) or 1
        for total, rect in zip(self.totals, rows, strict=True):
            label = metrics.elidedText(total.label, Qt.TextElideMode.ElideRight, label_width - 8)
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
