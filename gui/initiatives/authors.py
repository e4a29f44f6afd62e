"""The authors of an initiative: one row per person — name (typed, or picked from the
members of the initiative's unit), their unit, % contribution — with the live total.

A handful of rows, so each row is plain widgets (no model). Until the user types a share
the rows split 100% equally; after that a new author starts at what is left (40% after a
typed 60%); "Equal shares" splits again at any time.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, QStringListModel, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.common import limits
from core.common.text import clean, fold
from core.initiatives.records import AuthorInput
from gui.common import completion, forms, widgets

MAX_AUTHORS = 50


class _AuthorRow:
    """The widgets of one author and the member picked for it (kept on the Python side)."""

    def __init__(self, editor: AuthorsEditor) -> None:
        self.name = QLineEdit()
        self.name.setMaxLength(limits.PERSON_NAME)
        self.name.setPlaceholderText(QCoreApplication.translate("AuthorsEditor", "Full name"))
        self.unit = widgets.ElidingLineEdit()  # a long unit name cut in the middle, as elsewhere
        self.unit.setMaxLength(limits.AUTHOR_UNIT)
        self.unit.setPlaceholderText(QCoreApplication.translate("AuthorsEditor", "Unit or workplace"))
        self.share = QSpinBox()
        self.share.setRange(0, 100)
        self.share.setSuffix(" %")
        self.share.setAccelerated(True)
        self.remove = QToolButton()
        self.remove.setText("×")
        self.remove.setToolTip(QCoreApplication.translate("AuthorsEditor", "Remove this author"))
        self.remove.setAutoRaise(True)
        self.member_id: uuid.UUID | None = None
        self.member_name = ""

    def widgets(self) -> tuple[QWidget, ...]:
        return self.name, self.unit, self.share, self.remove


class AuthorsEditor(QWidget):
    changed = Signal()
    left = Signal()  # the user left a name, unit or share (its problems may show now)
    row_added = Signal()  # the user asked for a new row (its problems wait until it is left)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[_AuthorRow] = []
        self._shares_typed = False
        self._setting = False
        self._members: dict[str, tuple[uuid.UUID, str]] = {}  # folded name → (id, unit text)
        self._default_unit = ""
        self._completion_model = QStringListModel(self)

        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(1, 2)
        self._grid.addWidget(QLabel(self.tr("Full name")), 0, 0)
        self._grid.addWidget(QLabel(self.tr("Unit")), 0, 1)
        self._grid.addWidget(QLabel(self.tr("Share")), 0, 2)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.addLayout(self._grid)
        inner_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(inner)

        self.add_button = QPushButton(self.tr("&Add author"))
        self.add_button.setToolTip(self.tr("Add a row for another author (Alt+A)"))
        self.equal_button = QPushButton(self.tr("E&qual shares"))
        self.equal_button.setToolTip(self.tr("Split 100% equally between the authors"))
        self.total_label = QLabel()
        self.hint = QLabel(
            self.tr("Type a name, or pick one of the unit's members from the list that appears. "
                    "Credit goes to the author with the highest share.")
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555555;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.equal_button)
        buttons.addStretch(1)
        buttons.addWidget(self.total_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)

        self.add_button.clicked.connect(lambda: self.add_author(focus=True))
        self.equal_button.clicked.connect(self.equal_shares)
        self._update_total()

    # --- members of the unit ---------------------------------------------------------
    def set_members(self, members: list[tuple[uuid.UUID, str, str]], unit_text: str) -> None:
        """Members to pick from: (id, full name, unit name); ``unit_text`` fills the unit of
        a new row."""
        self._members = {}
        names = []
        for member_id, name, unit_name in members:
            key = fold(name)
            if key not in self._members:
                self._members[key] = (member_id, unit_name)
                names.append(name)
        self._completion_model.setStringList(names)
        self._default_unit = unit_text

    # --- rows --------------------------------------------------------------------------
    def add_author(self, name: str = "", unit_text: str | None = None, share: int | None = None,
                   member_id: uuid.UUID | None = None, focus: bool = False) -> _AuthorRow | None:
        if len(self.rows) >= MAX_AUTHORS:
            return None
        row = _AuthorRow(self)
        # Tone-free, any word, as the register's search ("tran" offers "Trần Thị Ánh").
        completer = completion.attach(row.name, self._completion_model)
        self._setting = True
        try:
            row.name.setText(name)
            row.unit.setText(self._default_unit if unit_text is None else unit_text)
            row.member_id = member_id
            row.member_name = name if member_id else ""
            if share is not None:
                row.share.setValue(share)
            row.name.setCursorPosition(0)
            row.unit.setCursorPosition(0)
        finally:
            self._setting = False
        number = len(self.rows) + 1
        for column, widget in enumerate(row.widgets()):
            self._grid.addWidget(widget, number, column)
            widget.show()  # shown now (not when the layout next runs): the focus can go there
        self.rows.append(row)
        completer.activated[str].connect(lambda text, r=row: self._picked(r, text))
        row.name.textChanged.connect(lambda _t, r=row: self._name_changed(r))
        row.unit.textChanged.connect(lambda _t: self._changed())
        row.share.valueChanged.connect(lambda _v: self._share_typed())
        row.remove.clicked.connect(lambda _c=False, r=row: self.remove_author(r))
        for edit in (row.name, row.unit, row.share):
            forms.on_leave(edit, self.left)
        if share is None and not self._shares_typed:
            self._split_equally()
        elif share is None:  # shares typed (60%): the new author starts at what is left (40%)
            rest = 100 - sum(r.share.value() for r in self.rows if r is not row)
            self._setting = True
            try:
                row.share.setValue(max(0, rest))
            finally:
                self._setting = False
        self._fix_tab_order()
        self._update_total()
        if focus:
            row.name.setFocus()
            self.scroll.ensureWidgetVisible(row.name)
            self.row_added.emit()
        self.changed.emit()
        return row

    def remove_author(self, row: _AuthorRow) -> None:
        if row not in self.rows:
            return
        index = self.rows.index(row)
        self.rows.remove(row)
        for widget in row.widgets():
            self._grid.removeWidget(widget)
            widget.deleteLater()
        # Move the rows below up one line.
        for number, other in enumerate(self.rows[index:], start=index + 1):
            for column, widget in enumerate(other.widgets()):
                self._grid.addWidget(widget, number, column)
        if not self._shares_typed:
            self._split_equally()
        self._fix_tab_order()
        self._update_total()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].name.setFocus()
        else:
            self.add_button.setFocus()
        self.changed.emit()

    def set_authors(self, authors: list[AuthorInput]) -> None:
        for row in list(self.rows):
            self.remove_author(row)
        self._shares_typed = any(a.share is not None for a in authors)
        for author in authors:
            self.add_author(author.full_name, author.unit_text, author.share, author.member_id)
        self._shares_typed = False if not authors else self._shares_typed

    def authors(self) -> list[AuthorInput]:
        """The named rows, as core takes them."""
        return [
            AuthorInput(clean(r.name.text()), clean(r.unit.text()), r.share.value(), r.member_id)
            for r in self.rows
            if clean(r.name.text())
        ]

    def names(self) -> list[str]:
        return [a.full_name for a in self.authors()]

    # --- shares ------------------------------------------------------------------------
    def equal_shares(self) -> None:
        self._split_equally()
        self._shares_typed = False
        self._update_total()
        self.changed.emit()

    def _split_equally(self) -> None:
        if not self.rows:
            return
        base, extra = divmod(100, len(self.rows))
        self._setting = True
        try:
            for i, row in enumerate(self.rows):
                row.share.setValue(base + (1 if i < extra else 0))
        finally:
            self._setting = False

    def total(self) -> int:
        return sum(r.share.value() for r in self.rows if clean(r.name.text()))

    def problem(self) -> str:
        """What keeps the authors from being saved ("" when nothing)."""
        named = [r for r in self.rows if clean(r.name.text())]
        if not named:
            return self.tr("Add at least one author.")
        for number, row in enumerate(self.rows, start=1):
            if not clean(row.name.text()) and row.share.value() and len(self.rows) > 1:
                return self.tr("Author {0}: enter the name, or remove the row.").format(number)
            if clean(row.name.text()) and row.share.value() == 0:
                return self.tr("Author {0}: the share must be from 1% to 100%.").format(number)
        total = self.total()
        if total != 100:
            return self.tr("The shares add up to {0}%; they must add up to 100%.").format(total)
        return ""

    # --- reacting ------------------------------------------------------------------------
    def _picked(self, row: _AuthorRow, text: str) -> None:
        found = self._members.get(fold(text))
        if found is None:
            return
        member_id, unit_name = found
        row.member_id, row.member_name = member_id, clean(text)
        if not clean(row.unit.text()) or row.unit.text() == self._default_unit:
            row.unit.setText(unit_name)
            row.unit.setCursorPosition(0)
        self._changed()

    def _name_changed(self, row: _AuthorRow) -> None:
        if self._setting:
            return
        if row.member_id is not None and fold(row.name.text()) != fold(row.member_name):
            row.member_id, row.member_name = None, ""  # typed over a picked member: free text
        self._changed()

    def _share_typed(self) -> None:
        if self._setting:
            return
        self._shares_typed = True
        self._changed()

    def _changed(self) -> None:
        if self._setting:
            return
        self._update_total()
        self.changed.emit()

    def _update_total(self) -> None:
        total = self.total()
        if total == 100:
            self.total_label.setText(self.tr("Total: {0}% ✓").format(total))
            self.total_label.setStyleSheet("color: #1b7a3a; font-weight: bold;")
        else:
            self.total_label.setText(self.tr("Total: {0}% — must be 100%").format(total))
            self.total_label.setStyleSheet("color: #b00020; font-weight: bold;")

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = []
        for row in self.rows:
            chain += [row.name, row.unit, row.share, row.remove]
        chain += [self.add_button, self.equal_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
