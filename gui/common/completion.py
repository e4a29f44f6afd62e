"""Completion that matches like the register's search (issue 10, point 2): tones and đ are
ignored, case too, and every word typed is the start of some word of the item, in any order —
"truong", "ho xuan", "tran", "Tran", "vl-0001" find "CĐCS Trường THCS Hồ Xuân Hương (VL-0001)"
and "Trần Thị Ánh".

:class:`FoldedCompleter` is the one completer of the window: a :class:`FoldedFilter` over
any list model filters what is offered, and the popup shows what is left (Qt's own
completer filtering knows neither tones nor words). :func:`attach` puts one on a line edit
or an editable combo box.
"""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from core.common.text import fold

_WORD = re.compile(r"[0-9a-z]+")


def words(text: str) -> list[str]:
    """The folded words of ``text`` ("Hồ Xuân-Hương" → ["ho", "xuan", "huong"])."""
    return _WORD.findall(fold(text))


def matches(typed: str, label: str) -> bool:
    """Whether every word of ``typed`` starts some word of ``label`` (tones, đ and case
    ignored). Nothing typed matches everything."""
    wanted = words(typed)
    if not wanted:
        return True
    have = words(label)
    return all(any(word.startswith(w) for word in have) for w in wanted)


class FoldedFilter(QSortFilterProxyModel):
    """The rows of a list model whose text :func:`matches` what was typed.

    What is typed is folded once per change, each row's text once per source row: the
    folded words are kept by source row until the source model says its rows changed
    (reset, data changed, rows inserted, removed or moved, layout changed) or another
    model is set."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._wanted: list[str] = []
        self._words: dict[int, list[str]] = {}
        self._watched: QAbstractItemModel | None = None

    def set_typed(self, text: str) -> None:
        if text != self._typed:
            self.beginFilterChange()
            self._typed = text
            self._wanted = words(text)
            self.endFilterChange()

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 (Qt's name)
        old = self._watched
        if old is not None:
            for signal in self._signals(old):
                signal.disconnect(self._forget)
        self._words.clear()
        self._watched = model
        # Connected before the proxy's own handlers (Qt calls slots in the order they were
        # connected): the cache is gone before the proxy filters the changed rows again.
        for signal in self._signals(model):
            signal.connect(self._forget)
        super().setSourceModel(model)

    @staticmethod
    def _signals(model: QAbstractItemModel) -> tuple:
        return (model.modelReset, model.rowsInserted, model.rowsRemoved, model.rowsMoved,
                model.dataChanged, model.layoutChanged)

    def _forget(self, *_args) -> None:
        self._words.clear()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        wanted = self._wanted
        if not wanted:
            return True
        have = self._words.get(row)
        if have is None:
            text = self.sourceModel().index(row, 0, parent).data(Qt.ItemDataRole.DisplayRole) or ""
            have = self._words[row] = words(str(text))
        return all(any(word.startswith(w) for word in have) for w in wanted)


class FoldedCompleter(QCompleter):
    """A popup of the items that match what is typed, tone-free (see the module)."""

    def __init__(self, model: QAbstractItemModel, parent: QObject | None = None) -> None:
        self.filter = FoldedFilter(parent)
        self.filter.setSourceModel(model)
        super().__init__(self.filter, parent)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(12)

    def typed(self, text: str) -> None:
        """What the user typed: offer what matches (nothing when nothing does)."""
        self.filter.set_typed(text)
        popup = self.popup()
        if not text.strip() or self.filter.rowCount() == 0:
            popup.hide()
            return
        self.complete()
        popup.setCurrentIndex(QModelIndex())  # nothing picked until Down or a click

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt's name)
        return [""]  # the filter chose the rows; Qt's prefix matching must not hide them


def attach(widget: QLineEdit | QComboBox, model: QAbstractItemModel | None = None) -> FoldedCompleter:
    """Put a :class:`FoldedCompleter` over ``model`` (a combo box: its own items) on
    ``widget``, following what is typed into it."""
    if isinstance(widget, QComboBox):
        edit = widget.lineEdit()
        if edit is None:
            raise ValueError("attach() needs an editable combo box")
        completer = FoldedCompleter(model or widget.model(), widget)
        widget.setCompleter(completer)
    else:
        edit = widget
        if model is None:
            raise ValueError("attach() needs a model for a line edit")
        completer = FoldedCompleter(model, widget)
        widget.setCompleter(completer)
    edit.textEdited.connect(completer.typed)
    return completer
