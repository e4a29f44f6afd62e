"""The eligibility panel of the initiative form: each rule (core.initiatives.ops.check_eligibility)
with ✓ or ✗ and, when it fails, the reason in Vietnamese; refreshed as the form changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from core.initiatives.ops import RuleResult

PASS_MARK = "✓"
FAIL_MARK = "✗"


class EligibilityPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Eligibility"), parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self._grid = QGridLayout()
        self._grid.setColumnStretch(1, 1)
        self._grid.setVerticalSpacing(6)
        self.marks: dict[str, QLabel] = {}
        self.titles: dict[str, QLabel] = {}
        self.reasons: dict[str, QLabel] = {}
        self.results: list[RuleResult] = []
        rule_box = QWidget()
        rule_box.setLayout(self._grid)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(line)
        layout.addWidget(rule_box)
        layout.addStretch(1)

    def _row(self, code: str) -> tuple[QLabel, QLabel, QLabel]:
        if code not in self.marks:
            row = len(self.marks) * 2
            mark, title, reason = QLabel(), QLabel(), QLabel()
            mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            mark.setMinimumWidth(mark.fontMetrics().horizontalAdvance("✓✓"))
            title.setWordWrap(True)
            reason.setWordWrap(True)
            reason.setStyleSheet("color: #b00020;")
            reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._grid.addWidget(mark, row, 0)
            self._grid.addWidget(title, row, 1)
            self._grid.addWidget(reason, row + 1, 1)
            self.marks[code], self.titles[code], self.reasons[code] = mark, title, reason
        return self.marks[code], self.titles[code], self.reasons[code]

    def show_results(self, results: list[RuleResult]) -> None:
        self.results = list(results)
        for result in results:
            mark, title, reason = self._row(result.code)
            mark.setText(PASS_MARK if result.passed else FAIL_MARK)
            mark.setStyleSheet("color: #1b7a3a; font-weight: bold;" if result.passed else "color: #b00020; font-weight: bold;")
            title.setText(result.title)
            reason.setText(result.reason)
            reason.setVisible(bool(result.reason) and not result.passed)
        failed = sum(1 for r in results if not r.passed)
        if failed:
            self.summary.setText(self.tr("Not eligible yet: {0} of {1} rules not met.").format(failed, len(results)))
            self.summary.setStyleSheet("color: #c06000;")
        else:
            self.summary.setText(self.tr("Meets every eligibility rule."))
            self.summary.setStyleSheet("color: #1b7a3a;")
