"""Shared little widgets and message boxes whose buttons are always in Vietnamese.

Qt ships no Vietnamese translation of its own standard buttons, so every button text is
set here from our translation file. Other modules call these helpers through the module
(``widgets.confirm(...)``) so tests can replace them.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyle,
    QStyleOptionFrame,
    QTableWidget,
    QToolTip,
    QWidget,
)

from core.common.text import fold
from core.common.vnformat import parse_date
from gui.common import completion
from gui.common.formatting import format_date

log = logging.getLogger(__name__)



class ReportedText(str):
    """A message saying an unexpected error was reported in the crash dialog (which is
    already on screen, so :func:`show_error` shows no second box for it)."""


def error_text(exc: BaseException) -> str:
    """The message to show for ``exc``.

    Refusals (UserError, DatabaseError) are Vietnamese already; file errors get a
    Vietnamese message. Anything else is a bug: it is reported (log and crash dialog, see
    gui.common.crash) and the text only says so; the exception's own English text is never
    shown. Prefer :func:`report_error` where the message would go into a message box.
    """
    from gui.common import crash

    if not crash.is_unexpected(exc):
        if isinstance(exc, OSError):
            return file_error_text(exc)
        return str(exc)
    crash.report(exc, where="error_text")
    return ReportedText(QCoreApplication.translate(
        "Common", "An unexpected error occurred; its details are in the error message and the log."))


def file_error_text(exc: OSError) -> str:
    """A file that could not be read or written, in Vietnamese, with its path."""
    import errno

    if isinstance(exc, FileNotFoundError):
        text = QCoreApplication.translate("Common", "The file does not exist or has been moved.")
    elif isinstance(exc, PermissionError):
        text = QCoreApplication.translate(
            "Common", "The file cannot be used: it may be open in another program (such as "
            "Excel), or you may not have permission. Close it and try again.")
    elif exc.errno == errno.ENOSPC:
        text = QCoreApplication.translate("Common", "The disk is full.")
    else:
        # strerror is the operating system's own text (in Vietnamese on a Vietnamese Windows).
        text = QCoreApplication.translate("Common", "The file could not be read or written: {0}").format(
            exc.strerror or type(exc).__name__)
    if exc.filename:
        text += "\n" + QCoreApplication.translate("Common", "File: {0}").format(exc.filename)
    return text


def report_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Tell the user about ``exc``: a refusal or a file error in a message box, anything
    else in the crash dialog (logged with its traceback)."""
    from gui.common import crash

    if crash.is_unexpected(exc):
        crash.report(exc, parent)
    else:
        show_error(parent, error_text(exc), title)


def dialog_buttons(ok_text: str, cancel_text: str | None = None) -> QDialogButtonBox:
    """Ok/Cancel buttons with our texts; Enter presses Ok, Esc presses Cancel."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setDefault(True)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(cancel_text or QCoreApplication.translate("Common", "Cancel"))
    cancel.setAutoDefault(False)  # focus on Cancel never makes Enter cancel
    QWidget.setTabOrder(ok, cancel)  # "Lưu" before "Hủy"
    return box


def close_buttons() -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    box.button(QDialogButtonBox.StandardButton.Close).setText(QCoreApplication.translate("Common", "Close"))
    return box


def _message(parent, icon, title: str, text: str) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.addButton(QCoreApplication.translate("Common", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_error(parent: QWidget | None, text: str, title: str | None = None) -> None:
    if isinstance(text, ReportedText):
        return  # the crash dialog says it already
    _message(parent, QMessageBox.Icon.Critical, title or QCoreApplication.translate("Common", "Error"), text)


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> None:
    _message(parent, QMessageBox.Icon.Information, title or QCoreApplication.translate("Common", "Information"), text)


def confirm(parent: QWidget | None, title: str, text: str, yes_text: str,
            no_text: str | None = None) -> bool:
    """Ask before doing something that cannot be undone; the safe answer (``no_text``,
    default "Hủy") is the default button and Esc's."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(no_text or QCoreApplication.translate("Common", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def select_row(view: QAbstractItemView, index: QModelIndex, *, scroll: bool = True) -> None:
    """Make ``index``'s row the one current, selected row of ``view`` (and show it)."""
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    if scroll:
        view.scrollTo(index)


def page_action(owner: QWidget, text: str, shortcut: str | QKeySequence.StandardKey | None,
                slot, tip: str = "") -> QAction:
    """An action of a page: its shortcut works while the focus is inside the page, the
    tooltip shows what it does and its keys, and it is added to ``owner``."""
    action = QAction(text, owner)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    if tip or shortcut:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip((tip or text.replace("&", "").rstrip("…")) + (f" ({keys})" if keys else ""))
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


class ValueCombo(QComboBox):
    """A combo box whose values stay on the Python side.

    Item data is not used on purpose: ``findData`` compares Python objects such as UUIDs by
    identity and enums of str come back as plain str.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[object] = []
        # Long unit names must not make the dialog as wide as the longest one.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)

    def add(self, text: str, value: object) -> None:
        self._values.append(value)
        self.addItem(text)

    def clear(self) -> None:
        super().clear()
        self._values = []

    def value(self) -> object:
        """The chosen value (None when nothing is chosen)."""
        return self.value_at(self.currentIndex())

    def value_at(self, index: int) -> object:
        return self._values[index] if 0 <= index < len(self._values) else None

    def values(self) -> list[object]:
        return list(self._values)

    def index_of(self, value: object) -> int:
        for index, candidate in enumerate(self._values):
            if candidate == value:
                return index
        return -1

    def set_value(self, value: object) -> bool:
        index = self.index_of(value)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0


class UnitCombo(ValueCombo):
    """An editable unit chooser: items "Name (CODE)", offered as you type like the register's
    search (gui.common.completion: tones and đ ignored, any word, its start), and the unit
    typed found by its label, name or code, or as the one unit matching the words typed;
    leaving the box shows that unit's full label."""

    def __init__(self, units, parent: QWidget | None = None) -> None:
        """``units``: (id, name, code) of the units to offer."""
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for unit_id, name, code in units:
            self.add(f"{name} ({code})", unit_id)
        self.folded_completer = completion.attach(self)
        self.lineEdit().editingFinished.connect(self._settle)

    def select(self, unit_id) -> None:
        """Show ``unit_id`` (or an empty box), from the start of a long name."""
        index = self.index_of(unit_id) if unit_id else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        self.lineEdit().setCursorPosition(0)

    def _index_chosen(self) -> int:
        text = fold(self.currentText())
        if not text:
            return -1
        index = self.currentIndex()
        if index >= 0 and fold(self.itemText(index)) == text:
            return index
        for i in range(self.count()):
            label = self.itemText(i)
            name, _, code = label.rpartition(" (")
            if text in (fold(label), fold(name), fold(code.rstrip(")"))):
                return i
        found = [i for i in range(self.count()) if completion.matches(text, self.itemText(i))]
        return found[0] if len(found) == 1 else -1

    def chosen(self):
        """The unit whose label, name or code matches the box, or the only unit matching
        the words typed (None: none, or several, do)."""
        return self.value_at(self._index_chosen())

    def _settle(self) -> None:
        index = self._index_chosen()
        if index >= 0 and self.currentText() != self.itemText(index):
            self.setCurrentIndex(index)
            self.lineEdit().setCursorPosition(0)


def elide_middle(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` cut in the middle to fit ``width`` pixels, as the tables show long names
    (``setTextElideMode(Qt.TextElideMode.ElideMiddle)``): the start and the distinctive end
    of a unit's name stay, "CĐCS Trường … Nậm Cha"."""
    return metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, max(width, 0))


class ElidingLineEdit(QLineEdit):
    """A line edit that shows a text too long for it cut in the middle (:func:`elide_middle`)
    while it does not have the focus, whole in its tooltip; with the focus it is an ordinary
    line edit holding the whole text."""

    def _text_rect(self):
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        rect = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        return rect.adjusted(margins.left() + 2, margins.top(), -margins.right() - 2, -margins.bottom())

    def is_elided(self) -> bool:
        """Whether the text does not fit (and is shown cut in the middle when left)."""
        text = self.displayText()
        return bool(text) and self.fontMetrics().horizontalAdvance(text) > self._text_rect().width()

    def shown_text(self) -> str:
        """What the box shows: the whole text with the focus, else cut in the middle."""
        text = self.displayText()
        if self.hasFocus() or not self.is_elided():
            return text
        return elide_middle(text, self.fontMetrics(), self._text_rect().width())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.hasFocus() or not self.is_elided():
            super().paintEvent(event)
            return
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, QPalette.ColorRole.Text))
        painter.drawText(self._text_rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self.shown_text())
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.toolTip() and self.is_elided():
            QToolTip.showText(event.globalPos(), self.text(), self)  # type: ignore[attr-defined]
            return True
        return super().event(event)


class ErrorLabel(QLabel):
    """An inline validation message (red, wraps, hidden when there is nothing to say).

    ``reserve_lines``: keep that many lines' height even when empty, so what sits below
    (a button) does not jump when a message appears."""

    def __init__(self, parent: QWidget | None = None, *, reserve_lines: int = 0) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._reserve = reserve_lines
        if reserve_lines:
            margins = self.contentsMargins()
            self.setMinimumHeight(self.fontMetrics().lineSpacing() * reserve_lines
                                  + margins.top() + margins.bottom())
        else:
            self.hide()

    def set_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text) or bool(self._reserve))


class DateField(QLineEdit):
    """A date typed as dd/mm/yyyy (also 6-3-2023 or 6.3.2023); empty means no date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(QCoreApplication.translate("Common", "dd/mm/yyyy"))
        self.setMaxLength(10)
        self.setClearButtonEnabled(True)

    def value(self) -> date | None:
        """Raises ValueError with a Vietnamese message naming the text when it is not a date
        ("Ngày không hợp lệ: …") or is a day the month does not have ("Ngày không tồn tại: …")."""
        return parse_date(self.text().strip() or None)

    def set_value(self, value: date | None) -> None:
        self.setText(format_date(value))


def small_table(headers: list[str], stretch: int = -1) -> QTableWidget:
    """A small read-only table of whole rows (hundreds of rows, not millions: those use
    gui.common.table_model): one row selected at a time, no row numbers, columns sized to
    their content and column ``stretch`` (the last by default) taking the room left."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch < 0:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
