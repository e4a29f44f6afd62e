"""Initiatives (Sáng kiến): the register as a lazy list with filters and full-text search,
the count and benefit total of what is shown, and the actions on it — add, edit, delete
with undo, review, import, export, print, programme phases."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.common.changes import Changes, Done
from core.common.database import AppDatabase
from core.common.text import fold
from core.common.vnformat import format_money, parse_money
from core.initiatives import ops
from core.initiatives.ops import InitiativeStatus, ProgrammeInfo, RegisterFilter, Totals, UnitChoice
from gui.common import completion, jobs, widgets
from gui.common.changes import ChangeBus
from gui.common.empty_state import EmptyState
from gui.common.formatting import format_int
from gui.common.undo import TombstoneCommand
from gui.initiatives.form import InitiativeDialog
from gui.initiatives.phases import PhasesDialog
from gui.initiatives.register_table import (
    COL_AUTHORS,
    COL_BENEFIT,
    COL_CONFIDENTIAL,
    COL_ELIGIBLE,
    COL_FIELD,
    COL_KIND,
    COL_NAME,
    COL_NUMBER,
    COL_PHASE,
    COL_PORTAL,
    COL_REGISTERED,
    COL_STATUS,
    COL_UNIT,
    RegisterTableModel,
)
from gui.initiatives.status import RejectDialog
from gui.initiatives.transfer import RegisterTransfers
from gui.org.page import MessageBar

SEARCH_DELAY_MS = 250
BACKGROUND_DELAY_MS = 400  # start the background reads by then even if nothing was painted
# Hidden until chosen from the header's menu (thirteen columns do not fit a laptop screen).
HIDDEN_COLUMNS = (COL_KIND, COL_FIELD)
# Columns sharing the width the others leave (weights), with their least widths in "M"s.
FLEXIBLE = {COL_NAME: (45, 16), COL_UNIT: (25, 9), COL_AUTHORS: (20, 8), COL_KIND: (10, 7), COL_FIELD: (10, 7)}
FILTER_CHARS = 7  # filter boxes shrink to this many characters (long names elide)


class RegisterPage(QWidget):
    def __init__(self, db: AppDatabase, parent: QWidget | None = None,
                 bus: ChangeBus | None = None) -> None:
        super().__init__(parent)
        # Change notices (gui.common.changes): the main window connects apply_changes to its
        # bus; a page on its own listens to its own.
        self.bus = bus if bus is not None else ChangeBus(self)
        if bus is None:
            self.bus.changed.connect(self.apply_changes)
        self._db = db
        self.undo_stack = QUndoStack(self)
        self.last_job: jobs.Job | None = None
        self.units_job: jobs.Job | None = None
        self.dialog: QWidget | None = None  # the last dialog opened (for tests and the walk)

        self.programmes: list[ProgrammeInfo] = ops.programmes(db)
        # Units (hundreds) arrive from a background read, so the first rows show sooner.
        self._nodes: list[UnitChoice] = []
        self._active_units: frozenset[uuid.UUID] = frozenset()
        self._subtrees: dict[uuid.UUID, frozenset[uuid.UUID]] = {}
        self._pending_unit: uuid.UUID | None = None  # asked for before the list was read

        self.model = RegisterTableModel(db, self)
        self.transfers = RegisterTransfers(self)
        self._build_filters()
        self._build_table()
        self._make_actions()
        self.empty_state = EmptyState(
            self.table, self.tr("No initiatives yet — add one or import a register from a workbook."),
            [self.act_new, self.act_import],
            is_empty=lambda: self.model.total == 0 and self.model.filter == RegisterFilter(),
        )

        self.message_bar = MessageBar()
        self.message_bar.undo_button.clicked.connect(self.undo_stack.undo)
        self.count_label = QLabel()
        self.benefit_label = QLabel()
        self.benefit_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.benefit_label)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.filter_button)
        search_row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.toolbar)
        layout.addLayout(search_row)
        layout.addWidget(self.filter_panel)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.model.modelReset.connect(self._counting)
        self.model.totals_ready.connect(self._show_totals)
        self.model.totals_failed.connect(self._totals_failed)
        self.undo_stack.indexChanged.connect(self._update_actions)

        # The first rows first: the count, the years and the units are read in the
        # background once the list has been painted (or after a moment if it is not shown).
        self._background_started = False
        self.model.hold_counts()
        self.model.set_filter(self.current_filter())
        QTimer.singleShot(BACKGROUND_DELAY_MS, self._start_background)
        self._update_actions()

    # --- building ----------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search names, authors, units and descriptions, with or without tone marks (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.filter_button = QToolButton()
        self.filter_button.setText(self.tr("Filters"))
        self.filter_button.setCheckable(True)
        self.filter_button.setChecked(True)
        self.filter_button.setToolTip(self.tr("Show or hide the filters (Ctrl+Shift+L)"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setAutoDefault(False)

        self.unit_filter = widgets.ValueCombo()
        self.unit_filter.setEditable(True)
        self.unit_filter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit_filter.add(self.tr("All units"), None)
        completion.attach(self.unit_filter)  # tone-free, any word, as the search
        self.unit_filter.setToolTip(self.tr("A unit and its sub-units"))
        self.unit_filter.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.unit_filter.currentIndexChanged.connect(self._show_unit_filter_start)
        self.programme_filter = widgets.ValueCombo()
        self._fill_programmes()
        self.phase_filter = widgets.ValueCombo()
        self.status_filter = widgets.ValueCombo()
        self.status_filter.add(self.tr("All statuses"), None)
        for status, label in ops.STATUS_LABELS.items():
            self.status_filter.add(label, status)
        self.kind_filter = widgets.ValueCombo()
        self.kind_filter.add(self.tr("All kinds"), None)
        for kind, label in ops.KIND_LABELS.items():
            self.kind_filter.add(label, kind)
        self.field_filter = widgets.ValueCombo()
        self.field_filter.add(self.tr("All fields"), None)
        for field, label in ops.FIELD_LABELS.items():
            self.field_filter.add(label, field)
        self.year_filter = widgets.ValueCombo()
        self.year_filter.add(self.tr("All years"), None)
        self.benefit_from = QLineEdit()
        self.benefit_from.setPlaceholderText(self.tr("from"))
        self.benefit_to = QLineEdit()
        self.benefit_to.setPlaceholderText(self.tr("to"))
        for edit in (self.benefit_from, self.benefit_to):
            edit.setClearButtonEnabled(True)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaximumWidth(150)
        self.benefit_error = widgets.ErrorLabel()
        self.confidential_filter = widgets.ValueCombo()
        self.confidential_filter.add(self.tr("All"), None)
        self.confidential_filter.add(self.tr("Confidential only"), True)
        self.confidential_filter.add(self.tr("Not confidential"), False)
        self.portal_filter = widgets.ValueCombo()
        self.portal_filter.add(self.tr("All"), None)
        self.portal_filter.add(self.tr("Uploaded"), True)
        self.portal_filter.add(self.tr("Not uploaded"), False)
        self._update_phases()
        for combo in (self.unit_filter, self.programme_filter, self.phase_filter, self.status_filter,
                      self.kind_filter, self.field_filter, self.year_filter, self.confidential_filter,
                      self.portal_filter):
            combo.setMinimumContentsLength(FILTER_CHARS)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        benefit_row = QHBoxLayout()
        benefit_row.setContentsMargins(0, 0, 0, 0)
        benefit_row.addWidget(self.benefit_from)
        benefit_row.addWidget(QLabel("–"))
        benefit_row.addWidget(self.benefit_to)
        benefit_row.addWidget(self.benefit_error, 1)
        benefit_row.addStretch(1)

        self.filter_panel = QFrame()
        self.filter_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.filter_panel.setAutoFillBackground(True)  # (a palette: a style sheet would restyle every box)
        palette = self.filter_panel.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#f4f7fa"))
        self.filter_panel.setPalette(palette)
        grid = QGridLayout(self.filter_panel)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)

        def put(row: int, column: int, text: str, widget: QWidget, span: int = 1) -> None:
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(widget, row, column * 2 + 1, 1, span)

        put(0, 0, self.tr("&Unit:"), self.unit_filter)
        put(0, 1, self.tr("&Programme:"), self.programme_filter)
        put(0, 2, self.tr("P&hase:"), self.phase_filter)
        put(0, 3, self.tr("Stat&us:"), self.status_filter)
        put(1, 0, self.tr("&Kind:"), self.kind_filter)
        put(1, 1, self.tr("F&ield:"), self.field_filter)
        put(1, 2, self.tr("&Year:"), self.year_filter)
        put(1, 3, self.tr("&Confidential:"), self.confidential_filter)
        put(2, 0, self.tr("&Benefit (đồng):"), self._wrap(benefit_row), span=3)
        put(2, 3, self.tr("P&ortal:"), self.portal_filter)
        for column, stretch in ((1, 4), (3, 4), (5, 3), (7, 3)):
            grid.setColumnStretch(column, stretch)

        for combo in (self.programme_filter, self.phase_filter, self.status_filter, self.kind_filter,
                      self.field_filter, self.year_filter, self.confidential_filter, self.portal_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.programme_filter.currentIndexChanged.connect(lambda _i: self._update_phases())
        self.unit_filter.activated.connect(lambda _i: self._unit_typed())
        self.unit_filter.lineEdit().textEdited.connect(lambda _t: setattr(self, "_pending_unit", None))
        self.unit_filter.lineEdit().editingFinished.connect(self.apply_filter)
        for edit in (self.benefit_from, self.benefit_to):
            edit.textChanged.connect(lambda _t: self._search_timer.start())
            edit.editingFinished.connect(self._format_benefits)
        self.filter_button.toggled.connect(self.filter_panel.setVisible)
        self.clear_button.clicked.connect(self.clear_filters)

    @staticmethod
    def _wrap(layout) -> QWidget:
        holder = QWidget()
        holder.setLayout(layout)
        return holder

    def _build_table(self) -> None:
        self.table = self.model.make_view()
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setStretchLastSection(False)
        header.setSortIndicator(COL_NUMBER, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setMinimumSectionSize(24)
        self._fitting = False
        self._fitted_for: tuple = ()
        self.columns_sized_by_user = False
        for column in HIDDEN_COLUMNS:
            self.table.setColumnHidden(column, True)
        self._size_columns()
        self.table.viewport().installEventFilter(self)
        self.search.installEventFilter(self)  # Down moves into the results
        header.sectionResized.connect(self._section_resized)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.activated.connect(lambda _index: self.edit_initiative())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)

    def _show_unit_filter_start(self, _index: int = -1) -> None:
        """A long unit name shows from its start (not its tail); the whole name on hover."""
        self.unit_filter.lineEdit().setCursorPosition(0)
        self.unit_filter.setToolTip(self.unit_filter.currentText() + "\n" + self.tr("A unit and its sub-units"))

    def _size_columns(self) -> None:
        """Columns of dates, numbers, money and marks fit their content and (translated)
        title; the text columns share what is left, the name getting the most. Done again
        when the list is resized, until the user sizes a column by hand."""
        if self.columns_sized_by_user:
            return
        shown = [c for c in range(self.model.columnCount()) if not self.table.isColumnHidden(c)]
        key = (self.table.viewport().width(), tuple(shown))
        if key == self._fitted_for:
            return
        self._fitted_for = key
        metrics = self.table.fontMetrics()
        em = metrics.horizontalAdvance("M")
        header_fm = self.table.horizontalHeader().fontMetrics()

        def fits(column: int, sample: str) -> int:
            title = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            arrow = 2 * em if self.model.is_sortable(column) else em // 2  # room for the sort arrow
            return max(metrics.horizontalAdvance(sample) + em, header_fm.horizontalAdvance(title) + arrow + em // 2)

        fixed = {
            COL_NUMBER: fits(COL_NUMBER, "LC-SK-2023-00000"),
            COL_REGISTERED: fits(COL_REGISTERED, "00/00/0000"),
            COL_PHASE: fits(COL_PHASE, "2025"),
            COL_BENEFIT: fits(COL_BENEFIT, "9.999.999.999"),  # "3.031.150.000" never elided
            COL_STATUS: fits(COL_STATUS, "Đang xem xét"),
            COL_ELIGIBLE: fits(COL_ELIGIBLE, "⚠"),
            COL_CONFIDENTIAL: fits(COL_CONFIDENTIAL, "✓"),
            COL_PORTAL: fits(COL_PORTAL, "✓"),
        }
        left = self.table.viewport().width() - sum(fixed[c] for c in shown if c in fixed)
        weights = {c: FLEXIBLE[c] for c in shown if c in FLEXIBLE}
        total = sum(w for w, _least in weights.values()) or 1
        self._fitting = True
        try:
            for column, width in fixed.items():
                self.table.setColumnWidth(column, width)
            for column, (weight, least) in weights.items():
                self.table.setColumnWidth(column, max(least * em, left * weight // total))
        finally:
            self._fitting = False

    def _section_resized(self, _column: int, _old: int, _new: int) -> None:
        if not self._fitting and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self.columns_sized_by_user = True  # dragged by hand: keep the user's widths

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            # Down in the search box goes into the results (the search typed is run first).
            if self._search_timer.isActive():
                self._search_timer.stop()
                self.apply_filter()
            self.focus_default()
            return True
        if watched is self.table.viewport():
            if event.type() == QEvent.Type.Resize:
                self._size_columns()
            elif event.type() == QEvent.Type.Paint and not self._background_started:
                QTimer.singleShot(0, self._start_background)
        return super().eventFilter(watched, event)

    def _start_background(self) -> None:
        if self._background_started:
            return
        self._background_started = True
        self.model.release_counts()
        self._load_years()
        self.reload_units()

    # --- actions -----------------------------------------------------------------------
    def _action(self, text: str, shortcut, slot, tip: str = "") -> QAction:
        return widgets.page_action(self, text, shortcut, slot, tip)

    def _make_actions(self) -> None:
        self.act_new = self._action(self.tr("New initiative…"), "Ctrl+N", self.add_initiative)
        self.act_edit = self._action(self.tr("Edit initiative…"), "Ctrl+E", self.edit_initiative)
        self.act_delete = self._action(self.tr("Delete initiative"), QKeySequence.StandardKey.Delete, self.delete_initiatives)
        # Delete only when the list has the focus (not while typing in the search box).
        self.removeAction(self.act_delete)
        self.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.act_delete)
        self.act_undo = self._action(self.tr("Undo"), QKeySequence.StandardKey.Undo, self.undo_stack.undo)
        self.act_redo = self._action(self.tr("Redo"), QKeySequence.StandardKey.Redo, self.undo_stack.redo)
        self.act_valid = self._action(self.tr("Mark valid"), "Ctrl+Shift+V", self.mark_valid)
        self.act_rejected = self._action(self.tr("Mark not valid…"), "Ctrl+Shift+R", self.mark_rejected)
        transfers = self.transfers
        self.act_import = self._action(self.tr("Import from a workbook…"), "Ctrl+I", transfers.import_workbook)
        self.act_export = self._action(self.tr("Register workbook…"), "Ctrl+Shift+X", transfers.export_register)
        self.act_portal = self._action(self.tr("List for the national portal (recognised initiatives)…"), None,
                                       transfers.export_portal_list)
        self.act_portal_review = self._action(
            self.tr("List for the national portal, with those under review…"), None,
            lambda: transfers.export_portal_list(include_under_review=True))
        self.act_template = self._action(self.tr("Blank import template…"), None, transfers.write_template)
        self.act_description = self._action(self.tr("Description report (PDF)…"), "Ctrl+P", transfers.print_description)
        self.act_decision = self._action(
            self.tr("Recognition decision for the valid initiatives (PDF)…"), "Ctrl+Shift+P", transfers.print_decision
        )
        self.act_phases = self._action(self.tr("Programme phases…"), None, self.edit_phases)
        self._action(self.tr("Find"), QKeySequence.StandardKey.Find, self._focus_search)
        self._action(self.tr("Show or hide the filters"), "Ctrl+Shift+L", self.filter_button.toggle)

        self.toolbar = QToolBar(self.tr("Initiatives"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.act_new, self.act_edit, self.act_delete, self.act_undo):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.review_menu = QMenu(self.tr("Review"), self)
        self.review_menu.addAction(self.act_valid)
        self.review_menu.addAction(self.act_rejected)
        self.review_button = self._menu_button(self.tr("Review"), self.review_menu)
        self.review_button.setToolTip(self.tr("Mark the selected initiatives valid or not valid"))
        self.toolbar.addWidget(self.review_button)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_import)
        self.export_menu = QMenu(self.tr("Export"), self)
        for action in (self.act_export, self.act_portal, self.act_portal_review, self.act_template):
            self.export_menu.addAction(action)
        self.export_button = self._menu_button(self.tr("Export"), self.export_menu)
        self.toolbar.addWidget(self.export_button)
        self.print_menu = QMenu(self.tr("Print"), self)
        for action in (self.act_description, self.act_decision):
            self.print_menu.addAction(action)
        self.print_button = self._menu_button(self.tr("Print"), self.print_menu)
        self.toolbar.addWidget(self.print_button)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_phases)

    @staticmethod
    def _menu_button(text: str, menu: QMenu) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        return button

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _update_actions(self, *_args) -> None:
        count = len(self.selected_ids())
        self.act_edit.setEnabled(count == 1 or self.table.currentIndex().isValid())
        for action in (self.act_delete, self.act_valid, self.act_rejected):
            action.setEnabled(count > 0)
        self.act_description.setEnabled(count >= 1)
        self.act_undo.setEnabled(self.undo_stack.canUndo())
        self.act_redo.setEnabled(self.undo_stack.canRedo())

    def _header_menu(self, pos) -> QMenu:
        """Right-click on the header: choose the columns shown."""
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            tip = self.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            action = menu.addAction(f"{title} — {tip}" if tip and tip != title else title)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(column != COL_NAME)
            action.toggled.connect(lambda on, column=column: self._show_column(column, on))
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))
        return menu

    def _show_column(self, column: int, shown: bool) -> None:
        self.table.setColumnHidden(column, not shown)
        self._size_columns()

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.act_new, self.act_edit, self.act_delete):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.act_valid)
        menu.addAction(self.act_rejected)
        menu.addSeparator()
        menu.addAction(self.act_description)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # --- filtering ---------------------------------------------------------------------
    def _fill_programmes(self) -> None:
        """The programme filter's choices from ``self.programmes``, keeping the one chosen
        (without signals)."""
        chosen = self.programme_filter.value()
        self.programme_filter.blockSignals(True)
        self.programme_filter.clear()
        self.programme_filter.add(self.tr("All programmes"), None)
        for programme in self.programmes:
            self.programme_filter.add(programme.name, programme.id)
        self.programme_filter.set_value(chosen)
        self.programme_filter.blockSignals(False)

    def _update_phases(self, keep: bool = False) -> None:
        """The phases of the chosen programme; with ``keep`` the chosen phase stays (when
        it still exists)."""
        chosen = self.phase_filter.value() if keep else None
        programme_id = self.programme_filter.value()
        programme = next((p for p in self.programmes if p.id == programme_id), None)
        self.phase_filter.blockSignals(True)
        self.phase_filter.clear()
        self.phase_filter.add(self.tr("All phases"), None)
        if programme is not None:
            for phase in programme.phases:
                self.phase_filter.add(phase.name or str(phase.number), phase.number)
        self.phase_filter.setEnabled(programme is not None)
        self.phase_filter.set_value(chosen)
        self.phase_filter.blockSignals(False)

    def _load_years(self) -> None:
        """Registration years for the year filter (a scan of the register: in the background)."""
        db = self._db

        def work(_ctx):
            return ops.registration_years(db)

        jobs.run_job(work, on_success=self._show_years, on_failure=lambda _exc: None, owner=self)

    def _show_years(self, found: list[int]) -> None:
        chosen = self.year_filter.value()
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.add(self.tr("All years"), None)
        for year in found:
            self.year_filter.add(str(year), year)
        self.year_filter.set_value(chosen)
        self.year_filter.blockSignals(False)

    def show_unit(self, unit_id: uuid.UUID, programme_id: uuid.UUID | None = None,
                  phase: int | None = None) -> None:
        """Show the initiatives of a unit and its sub-units (e.g. asked for by the dashboard),
        also before the unit list has been read; with a programme (and phase), only those the
        dashboard counted there."""
        self._pending_unit = None if self.unit_filter.set_value(unit_id) else unit_id
        self.programme_filter.blockSignals(True)
        self.programme_filter.set_value(programme_id)
        self.programme_filter.blockSignals(False)
        self._update_phases()
        self.phase_filter.set_value(phase)
        self.apply_filter()

    def _unit_typed(self) -> None:
        self._pending_unit = None
        self.apply_filter()

    def chosen_unit(self) -> uuid.UUID | None:
        if self._pending_unit is not None:
            return self._pending_unit
        text = fold(self.unit_filter.currentText())
        if not text:
            return None
        index = self.unit_filter.currentIndex()
        if index >= 0 and fold(self.unit_filter.itemText(index)) == text:
            return self.unit_filter.value_at(index)
        for i in range(self.unit_filter.count()):
            if fold(self.unit_filter.itemText(i)) == text:
                return self.unit_filter.value_at(i)
        return None

    def _unit_ids(self, unit_id: uuid.UUID | None) -> frozenset[uuid.UUID] | None:
        if unit_id is None:
            return None
        if unit_id not in self._subtrees:
            self._subtrees[unit_id] = ops.unit_and_below(self._db, unit_id)
        ids = self._subtrees[unit_id]
        if self._active_units and self._active_units <= ids:
            return None  # every unit: the same rows, and SQLite can use the order index
        return ids

    def _benefit_bound(self, edit: QLineEdit) -> tuple[int | None, str]:
        try:
            return parse_money(edit.text()), ""
        except ValueError as exc:
            return None, str(exc)

    def current_filter(self) -> RegisterFilter:
        low, low_error = self._benefit_bound(self.benefit_from)
        high, high_error = self._benefit_bound(self.benefit_to)
        self.benefit_error.set_error(low_error or high_error)
        status = self.status_filter.value()
        return RegisterFilter(
            text=self.search.text().strip(),
            unit_ids=self._unit_ids(self.chosen_unit()),
            programme_id=self.programme_filter.value(),
            phase=self.phase_filter.value(),
            statuses=frozenset({status}) if status is not None else None,
            kind=self.kind_filter.value(),
            field=self.field_filter.value(),
            year=self.year_filter.value(),
            benefit_min=low,
            benefit_max=high,
            confidential=self.confidential_filter.value(),
            portal_uploaded=self.portal_filter.value(),
        )

    def apply_filter(self) -> None:
        """Query with the filters and search text now (typing waits SEARCH_DELAY_MS)."""
        self._search_timer.stop()
        f = self.current_filter()
        if f != self.model.filter:
            self.model.set_filter(f)

    def _format_benefits(self) -> None:
        for edit in (self.benefit_from, self.benefit_to):
            value, error = self._benefit_bound(edit)
            if not error and value is not None and edit.text() != format_money(value):
                edit.setText(format_money(value))

    def clear_filters(self) -> None:
        combos = (self.programme_filter, self.phase_filter, self.status_filter, self.kind_filter,
                  self.field_filter, self.year_filter, self.confidential_filter, self.portal_filter)
        for widget in (*combos, self.search, self.benefit_from, self.benefit_to):
            widget.blockSignals(True)
        for combo in combos:
            combo.setCurrentIndex(0)
        self.unit_filter.setCurrentIndex(0)
        self.search.clear()
        self.benefit_from.clear()
        self.benefit_to.clear()
        for widget in (*combos, self.search, self.benefit_from, self.benefit_to):
            widget.blockSignals(False)
        self._update_phases()
        self.apply_filter()

    # --- sorting -----------------------------------------------------------------------
    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        """Columns without a sort key (marks) keep the indicator where the order really is."""
        if self.model.is_sortable(column):
            return
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(
            self.model.sort_column,
            Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(False)

    # --- footer ------------------------------------------------------------------------
    def _counting(self) -> None:
        totals = self.model.totals
        if totals is not None:
            self._show_totals(totals)
            return
        self.count_label.setText(self.tr("Counting…"))
        self.benefit_label.setText("")
        self._update_actions()

    def _show_totals(self, totals: Totals) -> None:
        f = self.model.filter
        filtered = f != RegisterFilter(text=f.text)
        if f.text:
            text = self.tr("{0} initiatives match “{1}”").format(format_int(totals.count), f.text)
        elif filtered:
            text = self.tr("{0} initiatives match the filters").format(format_int(totals.count))
        else:
            text = self.tr("{0} initiatives").format(format_int(totals.count))
        self.count_label.setText(text)
        self.benefit_label.setText(self.tr("Total benefit: {0} đồng").format(format_money(totals.benefit)))
        self._update_actions()

    def _totals_failed(self, message: str) -> None:
        self.count_label.setText(self.tr("The count failed: {0}").format(message))

    # --- selection -----------------------------------------------------------------------
    def selected_ids(self) -> list[uuid.UUID]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.id_at(row) for row in rows) if i is not None]

    def current_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        if index.isValid():
            return self.model.id_at(index.row())
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_initiative(self, initiative_id: uuid.UUID) -> bool:
        row = self.model.row_of(initiative_id)
        if row is None:
            return False
        index = self.model.index(row, COL_NAME)
        widgets.select_row(self.table, index)
        return True

    # --- add, edit, delete ----------------------------------------------------------------
    def _default_unit(self) -> uuid.UUID | None:
        unit_id = self.chosen_unit()
        node = next((n for n in self._nodes if n.id == unit_id), None)
        return unit_id if node is not None and node.grassroots else None

    def add_initiative(self) -> InitiativeDialog:
        dialog = InitiativeDialog(
            self._db,
            default_unit_id=self._default_unit(),
            default_programme_id=self.programme_filter.value(),
            parent=self,
            bus=self.bus,
        )
        dialog.accepted.connect(lambda: self._saved(dialog.initiative_id, self.tr("Initiative added.")))
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_initiative(self, initiative_id: uuid.UUID | None = None) -> InitiativeDialog | None:
        initiative_id = initiative_id or self.current_id()
        if initiative_id is None:
            return None
        try:
            dialog = InitiativeDialog(self._db, initiative_id=initiative_id, parent=self, bus=self.bus)
        except Exception as exc:
            widgets.report_error(self, exc)
            self.model.reload(keep_loaded=True)
            return None
        dialog.accepted.connect(lambda: self._saved(initiative_id, self.tr("Initiative saved.")))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, initiative_id: uuid.UUID | None, message: str) -> None:
        # The list was refreshed by the notice the dialog sent (apply_changes).
        self.message_bar.show_message(message)
        if initiative_id is not None:
            self.select_initiative(initiative_id)

    def delete_initiatives(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        first = self.model.row_at(self.model.row_of(ids[0]))
        if not self.run_change(ops.delete_initiatives, ids):
            return
        if len(ids) == 1 and first is not None:
            text = self.tr("Deleted initiative {0} “{1}”.").format(first.number, first.name)
        else:
            text = self.tr("Deleted {0} initiatives.").format(format_int(len(ids)))
        self.undo_stack.push(TombstoneCommand(
            text, ids, apply=self.run_change, delete=ops.delete_initiatives,
            restore=ops.restore_initiatives, restored=self._restored))
        self.message_bar.show_message(text, undo=True)

    def _restored(self, ids: list[uuid.UUID]) -> None:
        self.message_bar.show_message(
            self.tr("Restored {0} initiative(s).").format(format_int(len(ids))))
        self.select_initiative(ids[0])

    def run_change(self, change, ids: list[uuid.UUID], *args) -> bool:
        """Run ``change(db, ids, *args)`` (a core.initiatives.ops use case: one transaction)
        and announce what it changed; every page, this one too, refreshes from the notice."""
        try:
            done = change(self._db, ids, *args)
        except Exception as exc:
            widgets.report_error(self, exc)
            return False
        self._announce(done)
        return True

    def _announce(self, done: Done | Changes) -> None:
        self.bus.notify(done.changes if isinstance(done, Done) else done, source=self)

    # --- review ----------------------------------------------------------------------------
    def mark_valid(self) -> bool:
        ids = self.selected_ids()
        if not ids:
            return False
        not_eligible = []
        for initiative_id in ids:
            row = self.model.row_at(self.model.row_of(initiative_id))
            if row is not None and row.failed:
                not_eligible.append(row)
        if not_eligible:
            if len(not_eligible) == 1:
                reasons = "\n".join(f"• {r}" for r in not_eligible[0].failed)
                text = self.tr("{0} does not meet every eligibility rule:\n{1}\n\nMark it valid anyway?").format(
                    not_eligible[0].number, reasons
                )
            else:
                text = self.tr("{0} of the selected initiatives do not meet every eligibility rule. "
                               "Mark them valid anyway?").format(format_int(len(not_eligible)))
            if not widgets.confirm(self, self.tr("Mark valid"), text, self.tr("Mark valid")):
                return False
        if not self.run_change(ops.set_status, ids, InitiativeStatus.VALID):
            return False
        self.message_bar.show_message(self.tr("Marked {0} initiative(s) valid.").format(format_int(len(ids))))
        self.select_initiative(ids[0])
        return True

    def mark_rejected(self) -> RejectDialog | None:
        ids = self.selected_ids()
        if not ids:
            return None
        suggestion = ""
        if len(ids) == 1:
            row = self.model.row_at(self.model.row_of(ids[0]))
            if row is not None:
                suggestion = " ".join(row.failed)
        dialog = RejectDialog(len(ids), suggestion, parent=self)
        dialog.accepted.connect(lambda: self._rejected(ids, dialog.reason_text()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _rejected(self, ids: list[uuid.UUID], reason: str) -> None:
        if self.run_change(ops.set_status, ids, InitiativeStatus.REJECTED, reason):
            self.message_bar.show_message(
                self.tr("Marked {0} initiative(s) not valid.").format(format_int(len(ids)))
            )
            self.select_initiative(ids[0])

    # --- units for the filter -------------------------------------------------------------
    def reload_units(self) -> jobs.Job:
        """The unit filter's list, read in the background."""
        db = self._db

        def work(_ctx):
            return ops.filter_units(db)

        self.units_job = jobs.run_job(work, on_success=self._show_units, owner=self)
        return self.units_job

    def _show_units(self, nodes: list[UnitChoice]) -> None:
        self._nodes = nodes
        self._active_units = frozenset(n.id for n in nodes)
        self._subtrees.clear()
        chosen = self.unit_filter.value()
        text = self.unit_filter.currentText()
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.add(self.tr("All units"), None)
        for node in nodes:
            self.unit_filter.add(node.name if node.grassroots else f"{node.name} ({node.code})", node.id)
        if self._pending_unit is not None and self.unit_filter.set_value(self._pending_unit):
            self._pending_unit = None
        elif not self.unit_filter.set_value(chosen):
            self.unit_filter.setEditText(text)  # typed while the list was loading
        self.unit_filter.blockSignals(False)
        if self.model.filter.unit_ids is not None:
            self.apply_filter()  # the top unit may turn out to hold every unit: no filter needed

    # --- programme phases ----------------------------------------------------------------------
    def edit_phases(self) -> PhasesDialog:
        dialog = PhasesDialog(self.programmes, self.programme_filter.value(), parent=self)
        dialog.accepted.connect(lambda: self.set_phase_dates(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_phase_dates(self, dialog: PhasesDialog) -> jobs.Job | None:
        programme, phase = dialog.current_programme(), dialog.current_phase()
        starts, ends = dialog.dates()
        if programme is None or phase is None or starts is None or ends is None:
            return None
        db = self._db

        def work(_ctx: jobs.JobContext) -> Done[int]:
            return ops.set_phase_dates(db, programme.id, phase.number, starts, ends)

        def done(result: Done[int]) -> None:
            self._announce(result)  # the programmes and the list are read again
            self.message_bar.show_message(
                self.tr("{0}: {1} now runs {2} – {3}; {4} initiative(s) changed phase.").format(
                    programme.name, phase.name or phase.number, starts.strftime("%d/%m/%Y"),
                    ends.strftime("%d/%m/%Y"), format_int(result.value),
                )
            )

        self.last_job = jobs.run_with_progress(self, self.tr("Moving initiatives to their phases…"), work, on_success=done)
        return self.last_job

    # --- change notices ------------------------------------------------------------------------
    def apply_changes(self, changes: Changes, source: object | None = None) -> None:
        """Refresh what depends on what changed (a notice on the bus, from this page, one of
        its dialogs or another page): units → the unit filter (keeping the choice) and the
        list (unit names); initiatives or programmes → the programme choices, the list, its
        count and totals, the years."""
        if not (changes.units or changes.programmes or changes.initiatives):
            return
        if changes.programmes or changes.initiatives:
            self.refresh_programmes()
        if changes.units:
            self._subtrees.clear()  # a unit may have moved, merged or been added below another
            if self._background_started:
                self.reload_units()  # in the background; keeps the unit chosen
        if changes.initiatives and self._background_started:
            self._load_years()
        f = self.current_filter()
        if f != self.model.filter:
            self.model.set_filter(f)  # e.g. a programme or phase that is gone: no longer filtered
        else:
            self.model.reload(keep_loaded=True)  # the rows, their count and totals

    def refresh_programmes(self) -> None:
        """Read the programmes and their phases again; the filters keep their choices."""
        try:
            self.programmes = ops.programmes(self._db)
        except Exception as exc:  # the list still works with the programmes it had
            self.message_bar.show_message(widgets.error_text(exc))
            return
        self._fill_programmes()
        self._update_phases(keep=True)

    # --- for the window -------------------------------------------------------------------------
    def focus_default(self) -> None:
        self.table.setFocus()
        if not self.table.selectionModel().hasSelection() and self.model.rowCount():
            row = max(0, self.table.currentIndex().row())
            widgets.select_row(self.table, self.model.index(row, COL_NAME), scroll=False)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_actions()
