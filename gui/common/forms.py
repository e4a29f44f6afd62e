"""The keys every dialog that edits something keeps (issue 10, point 1).

``FormDialog`` is a QDialog with:

- Enter saves (the Save button is the only default button; the other push buttons never
  become default when they get the focus), or moves into the next line where a multi-line
  box has the focus (the box keeps Enter: a new line). Ctrl+S saves from anywhere.
  When Save is disabled because something is missing, Enter and Ctrl+S still call the
  dialog's save, which shows what is wrong.
- Esc, "Hủy" and the window's close button ask "Bỏ các thay đổi?" only when something
  changed since the dialog was filled (:meth:`FormDialog.mark_saved`); the question's
  buttons say what they do, "Bỏ thay đổi" and "Tiếp tục sửa" (the default).
- "Lưu" comes before "Hủy" in the tab order.

What "changed" means is, by default, the state of every field of the dialog (texts, chosen
items, ticks, numbers), taken by :func:`snapshot`; a dialog with its own notion overrides
:meth:`FormDialog.has_changes`.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from gui.common import widgets

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def snapshot(root: QWidget) -> tuple:
    """What the fields under ``root`` hold, to compare with a later snapshot."""
    state: list[object] = []
    for child in root.findChildren(QWidget):
        if isinstance(child, QLineEdit):
            if isinstance(child.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # the combo's or spin box's own value says it
            state.append(child.text())
        elif isinstance(child, (QPlainTextEdit, QTextEdit)):
            if not child.isReadOnly():
                state.append(child.toPlainText())
        elif isinstance(child, QComboBox):
            state.append((child.currentIndex(), child.currentText()))
        elif isinstance(child, QAbstractSpinBox):
            state.append(child.text())
        elif isinstance(child, QAbstractButton) and child.isCheckable():
            state.append(child.isChecked())
    return tuple(state)


def ask_discard(parent: QWidget | None, text: str | None = None) -> bool:
    """"Bỏ các thay đổi?" — True when the user chose to throw the changes away."""
    return widgets.confirm(
        parent,
        QCoreApplication.translate("Forms", "Discard changes?"),
        text or QCoreApplication.translate("Forms", "The changes have not been saved. Discard them?"),
        QCoreApplication.translate("Forms", "Discard changes"),
        no_text=QCoreApplication.translate("Forms", "Keep editing"),
    )


class _EnterFilter(QObject):
    """Enter in a one-line field of the dialog saves, even where the field would keep the
    key (the line of an editable combo box); an open completion list keeps its Enter."""

    def __init__(self, dialog: FormDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if _enter_for_field(watched, event) and isinstance(watched, QLineEdit) \
                and isinstance(watched.parent(), QComboBox):
            watched.editingFinished.emit()  # the combo takes what was typed first
            self._dialog.submit()
            return True
        return False


class _LeaveFilter(QObject):
    left = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusOut:
            self.left.emit()
        return False


def on_leave(widget: QWidget, slot) -> None:
    """Call ``slot()`` whenever the focus leaves ``widget`` (validation on leaving a field:
    a spin box says nothing when left unchanged by keys). ``slot`` may be a signal."""
    watcher = _LeaveFilter(widget)
    watcher.left.connect(slot)
    widget.installEventFilter(watcher)


class _EnterRuns(QObject):
    def __init__(self, parent: QObject, slot) -> None:
        super().__init__(parent)
        self._slot = slot

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if _enter_for_field(watched, event):
            self._slot()
            return True
        return False


def enter_runs(fields: tuple[QWidget, ...], slot) -> None:
    """Enter in these fields runs ``slot`` instead of saving the dialog (a part of a form
    that saves on its own, such as a payment line: Enter adds the payment)."""
    for field in fields:
        field.installEventFilter(_EnterRuns(field, slot))


def _modified(event: QKeyEvent) -> bool:
    return bool(event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)


def _enter_for_field(watched: QObject, event: QEvent) -> bool:
    """Whether ``event`` is a plain Enter (Return, or the keypad's Enter) pressed in
    ``watched`` that the field's own completion list does not take (an open list keeps its
    Enter to pick an item)."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) \
            or event.key() not in _ENTER or _modified(event):
        return False
    completer = watched.completer() if isinstance(watched, QLineEdit) else None
    popup = completer.popup() if completer is not None else None
    return popup is None or not popup.isVisible()


class FormDialog(QDialog):
    """A dialog that edits something; see the module's docstring."""

    discard_text: str | None = None  # the question's text (None: a general one)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form_save: QPushButton | None = None
        self._form_state: tuple = ()
        self._enter_filter = _EnterFilter(self)
        self._save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self._save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._save_shortcut.activated.connect(self.submit)

    # --- set-up (call once the widgets exist) ---------------------------------------------
    def use_buttons(self, buttons: QDialogButtonBox, save: QPushButton | None = None) -> None:
        """``save`` (default: the box's Ok button) is the one default button, before the
        box's Cancel button in the tab order; the other push buttons never take Enter."""
        save = save or buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._form_save = save
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(button is save)
        if save is not None:
            save.setDefault(True)
            cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
            if cancel is not None:
                QWidget.setTabOrder(save, cancel)
        self.watch_fields()

    def watch_fields(self) -> None:
        """Let Enter save from the editable combo boxes (call again after adding some)."""
        for combo in self.findChildren(QComboBox):
            edit = combo.lineEdit()
            if edit is not None:
                edit.removeEventFilter(self._enter_filter)
                edit.installEventFilter(self._enter_filter)
        for button in self.findChildren(QPushButton):
            if button is not self._form_save:
                button.setAutoDefault(False)

    def mark_saved(self) -> None:
        """What the fields hold now is what "no changes" means."""
        self._form_state = snapshot(self)

    # --- behaviour ----------------------------------------------------------------------
    def has_changes(self) -> bool:
        return snapshot(self) != self._form_state

    def alive(self) -> bool:
        """False while the dialog is being destroyed (its buttons may be gone already while
        a field still loses the focus)."""
        return shiboken6.isValid(self) and (self._form_save is None or shiboken6.isValid(self._form_save))

    def submit(self) -> None:
        """Save (Enter, Ctrl+S): the Save button's click, or — when Save is disabled because
        something is missing — the dialog's :meth:`save_anyway` that says what."""
        save = self._form_save
        if save is None or not self.alive() or not save.isVisible():
            return
        if save.isEnabled():
            save.click()
        else:
            self.save_anyway()

    def save_anyway(self) -> None:
        """Called by Enter/Ctrl+S while Save is disabled: show what keeps it disabled."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in _ENTER and not _modified(event):
            focus = self.focusWidget()
            if isinstance(focus, (QPushButton, QToolButton)) and focus is not self._form_save \
                    and focus.isEnabled():
                focus.click()  # Enter on a focused button presses it, as Space does
                return
            self.submit()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Esc, Cancel, the close button: ask first when something changed."""
        if self.has_changes() and not ask_discard(self, self.discard_text):
            return
        super().reject()

    def close_without_asking(self) -> None:
        super().reject()

