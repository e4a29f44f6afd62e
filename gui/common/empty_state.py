"""A hint over an empty list: what is missing and buttons for the actions that fill it
("Chưa có sáng kiến — Thêm sáng kiến (Ctrl+N) hoặc Nhập từ bảng tính").

Any page can put one over its view (fund, commendations, sync included):

    EmptyState(view, text, [act_new, act_import], is_empty=lambda: ...)

It follows the view's model (resets, inserted and removed rows, and the lazy model's
``keys_ready``/``restarted``) and its ``is_empty`` test (by default: no rows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class EmptyState(QWidget):
    def __init__(self, view: QAbstractItemView, text: str, actions: Sequence[QAction] = (),
                 is_empty: Callable[[], bool] | None = None) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyState")
        self._view = view
        self._is_empty = is_empty or (lambda: view.model() is not None and view.model().rowCount() == 0)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet("color: #4a5866; font-size: 11pt;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.buttons: list[QPushButton] = []
        for action in actions:
            keys = action.shortcut().toString()
            button = QPushButton(action.text().replace("&", "&&") + (f" ({keys})" if keys else ""))
            button.clicked.connect(lambda _checked=False, action=action: action.trigger())
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        view.viewport().installEventFilter(self)
        model = view.model()
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
                signal.connect(self.refresh)
            for name in ("keys_ready", "restarted"):
                extra = getattr(model, name, None)
                if extra is not None:
                    extra.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        self.setGeometry(self._view.viewport().rect())
        self.setVisible(bool(self._is_empty()))
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self._view.viewport().rect())
        return False
