"""Targets & reports (Chỉ tiêu & báo cáo): progress of the units against their targets.

The top bar chooses the programme, the phase (or the whole programme), the counting rule and
the date of the figures. Below: the units directly under the chosen unit (at first this
office's unit) with target, achieved, a progress bar, the pro-rata number expected by now and
the shortfall, those behind schedule in red; Enter or a double-click goes down to a unit's
own units, Backspace back up. Beside it the progress over time against the target, and below
the benefit value by field and by sector. Every figure is computed by core on a worker
thread; while it runs the page says "Đang tính…".
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QMetaMethod, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.common.changes import Changes
from core.common.database import AppDatabase
from core.targets import ops
from core.targets.ops import CountRule, DashboardContext, PhaseChoice, ProgrammeChoice
from gui.common import jobs, widgets
from gui.common.changes import ChangeBus
from gui.common.empty_state import EmptyState
from gui.common.formatting import format_date, format_int
from gui.targets.charts import BenefitBars, ProgressOverTimeChart
from gui.targets.models import (
    COL_ACHIEVED,
    COL_EXPECTED,
    COL_NAME,
    COL_PERCENT,
    COL_SHORTFALL,
    COL_TARGET,
    ProgressBarDelegate,
    ProgressSortProxy,
    UnitProgressModel,
)
from gui.targets.reports import ReportActions


@dataclass(frozen=True)
class Params:
    programme_id: uuid.UUID
    phase: int | None  # None: the whole programme
    rule: CountRule
    as_of: date


# Kinds of change that alter what the page shows (gui.common.changes): the unit tree and this
# office's unit, the programmes, the register, the targets and the counting rule; and members,
# on which the targets grid's suggestions rest.
AFFECTING = ("units", "members", "office", "programmes", "initiatives", "targets")
CONTEXT = ("units", "office", "programmes", "targets")  # the top bar and report menu too
_TODAY = object()  # _fill_phases: the phase of the date of the figures


class _Overlay(QLabel):
    """"Đang tính…" over the figures while they are computed."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(
            "background: rgba(255, 255, 255, 170); color: #1f5f99; font-size: 15pt; font-weight: bold;"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def show_over(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()


class DashboardPage(QWidget):
    open_register = Signal(object, object, object)  # unit, programme, phase (None: all)
    ready = Signal()  # the figures on screen are complete

    def __init__(self, db: AppDatabase, parent: QWidget | None = None,
                 bus: ChangeBus | None = None) -> None:
        super().__init__(parent)
        self.bus = bus if bus is not None else ChangeBus(self)  # change notices (gui.common.changes)
        self._db = db
        self.context: DashboardContext | None = None
        self.table_data: ops.ProgressView | None = None  # the office's unit and below
        self._table_params: Params | None = None
        self.figures: ops.Figures | None = None  # of the unit shown
        self._figures_key: tuple | None = None
        self.scope_id: uuid.UUID | None = None
        self._rows: dict[uuid.UUID, ops.UnitProgress] = {}
        self._children: dict[uuid.UUID | None, list[ops.UnitProgress]] = {}
        self._generations = {"context": 0, "progress": 0, "figures": 0}  # the latest job of each
        self._stale = Changes()  # changes noticed while hidden, caught up when shown
        self._pending: set[str] = set()
        self._filling = False
        self.last_job: jobs.Job | None = None

        # --- top bar --------------------------------------------------------------------
        self.programme_combo = widgets.ValueCombo()
        self.programme_combo.setMinimumContentsLength(30)  # "Lao động giỏi, lao động sáng tạo"
        self.programme_combo.currentTextChanged.connect(self.programme_combo.setToolTip)
        self.phase_combo = widgets.ValueCombo()
        self.phase_combo.setMinimumContentsLength(10)
        self.rule_combo = widgets.ValueCombo()
        self.rule_combo.setMinimumContentsLength(12)
        self.rule_combo.add(self.tr("Registered"), CountRule.REGISTERED)
        self.rule_combo.add(self.tr("Valid only"), CountRule.VALID)
        self.rule_combo.setToolTip(self.tr(
            "Registered: valid and under review (drafts and rejected ones never count). "
            "Valid only: only initiatives assessed as valid."))
        self.as_of_field = widgets.DateField()
        self.as_of_field.set_value(date.today())
        self.as_of_field.setFixedWidth(self.as_of_field.fontMetrics().horizontalAdvance("00/00/00000") + 40)
        self.as_of_field.setToolTip(self.tr("The date of the figures: what is expected by then is pro-rata"))
        self.date_error = widgets.ErrorLabel()
        top = QHBoxLayout()
        for text, field in (
            (self.tr("&Programme:"), self.programme_combo),
            (self.tr("P&hase:"), self.phase_combo),
            (self.tr("&Count:"), self.rule_combo),
            (self.tr("&As of:"), self.as_of_field),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            top.addWidget(label)
            top.addWidget(field, 3 if field is self.programme_combo else 0)
            top.addSpacing(6)
        top.addStretch(1)

        # --- where we are -----------------------------------------------------------------
        self.crumbs = QLabel()
        self.crumbs.setTextFormat(Qt.TextFormat.RichText)
        self.crumbs.linkActivated.connect(self._crumb_clicked)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel()
        self.status.setStyleSheet("color: #4a5866;")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # --- the units --------------------------------------------------------------------
        self.model = UnitProgressModel(self)
        self.proxy = ProgressSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(COL_PERCENT, ProgressBarDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # core's order (by name)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._size_columns()

        # --- charts -----------------------------------------------------------------------
        self.time_chart = ProgressOverTimeChart()
        self.time_chart.setMinimumWidth(320)
        self.field_chart = BenefitBars(self.tr("Benefit value by field (đồng)"))
        self.sector_chart = BenefitBars(self.tr("Benefit value by sector of the unit (đồng)"))

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.table)
        upper.addWidget(self.time_chart)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        upper.setSizes([700, 360])
        upper.setChildrenCollapsible(False)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.field_chart)
        lower.addWidget(self.sector_chart)
        lower.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.splitter)
        self.overlay = _Overlay(self.content)

        self.reports = ReportActions(self, db)
        self._make_actions()
        self.empty_state = EmptyState(
            self.table, self.tr("No units to follow yet — add units on the Organisation page, then set "
                                "targets or import them from a workbook."),
            [self.act_targets, self.act_import],
            is_empty=lambda: not self.busy and self.context is not None and self.model.rowCount() == 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.date_error)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.crumbs)
        layout.addWidget(self.summary)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.status)

        self.programme_combo.currentIndexChanged.connect(self._programme_changed)
        self.phase_combo.currentIndexChanged.connect(self._params_changed)
        self.rule_combo.currentIndexChanged.connect(self._rule_changed)
        self.as_of_field.editingFinished.connect(self._params_changed)
        self.table.activated.connect(self._activated)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())

        if bus is None:  # a page of its own (in the window, the window connects every page)
            self.bus.changed.connect(self.apply_changes)
        self._load_context()
        self._update_actions()

    # --- layout helpers ---------------------------------------------------------------
    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header_fm = header.fontMetrics()
        em = metrics.horizontalAdvance("M")

        def fits(column: int, sample: str) -> int:
            title = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            return max(metrics.horizontalAdvance(sample), header_fm.horizontalAdvance(title)) + 2 * em

        for column, sample in (
            (COL_TARGET, "00.000"), (COL_ACHIEVED, "00.000"), (COL_EXPECTED, "00.000"),
            (COL_SHORTFALL, "00.000"),
        ):
            self.table.setColumnWidth(column, fits(column, sample))
        self.table.setColumnWidth(COL_PERCENT, 10 * em)
        self.table.setColumnWidth(COL_NAME, 16 * em)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(3 * em)

    def _action(self, text: str, shortcut, slot, tip: str = "") -> QAction:
        return widgets.page_action(self, text, shortcut, slot, tip)

    def _make_actions(self) -> None:
        self.act_down = self._action(self.tr("Units under it"), None, self.drill_down_current,
                                     self.tr("Show the units under the chosen unit (Enter)"))
        self.act_up = self._action(self.tr("Up one level"), "Alt+Up", self.go_up,
                                   self.tr("Back to the unit above"))
        # Backspace only in the list (in a text field it deletes a character).
        self.act_up_key = QAction(self.tr("Up one level"), self.table)
        self.act_up_key.setShortcut(QKeySequence(Qt.Key.Key_Backspace))
        self.act_up_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_up_key.triggered.connect(lambda _checked=False: self.go_up())
        self.table.addAction(self.act_up_key)
        self.act_register = self._action(self.tr("View initiatives"), "Ctrl+Shift+R", self.view_initiatives,
                                         self.tr("Open the initiative register filtered to the chosen unit"))
        self.act_targets = self._action(self.tr("Set targets…"), "Ctrl+Shift+T", self.edit_targets,
                                        self.tr("Targets of the units shown, for the chosen phase"))
        self.act_import = self._action(self.tr("Import targets…"), "Ctrl+I", self.import_targets,
                                       self.tr("Import targets from a workbook"))
        self.act_refresh = self._action(self.tr("Refresh"), "F5", lambda: self.refresh(force=True),
                                        self.tr("Compute the figures again"))
        self.toolbar = QToolBar(self.tr("Targets & reports"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.act_refresh)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_up)
        self.toolbar.addAction(self.act_register)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_targets)
        self.toolbar.addAction(self.act_import)
        self.toolbar.addSeparator()
        self.report_button = QToolButton()
        self.report_button.setText(self.tr("Official reports"))
        self.report_button.setToolTip(self.tr("Write the tables sent to the level above (.xlsx or .pdf)"))
        self.report_button.setMenu(self.reports.menu)
        self.report_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(self.report_button)

    def _update_actions(self) -> None:
        current = self.current_row()
        self.act_down.setEnabled(current is not None and self.model.has_children(current.unit_id))
        root = self._root_id()
        self.act_up.setEnabled(self.scope_id is not None and self.scope_id != root)
        have = self.table_data is not None
        self.act_register.setEnabled(have and (current is not None or self.scope_id is not None))
        self.act_targets.setEnabled(have and self.scope_id is not None)
        self.act_import.setEnabled(self.context is not None and bool(self.context.programmes))
        self.reports.update(self)

    # --- choices ----------------------------------------------------------------------
    def _load_context(self) -> None:
        """What the top bar offers, read in the background; then the figures."""
        generation = self._next_generation("context")
        db = self._db
        self._set_busy("context")
        self.last_job = jobs.run_job(
            lambda ctx: ops.dashboard_context(db),
            on_success=lambda context: self._context_loaded(generation, context),
            on_failure=lambda exc: self._job_failed("context", generation, exc),
            owner=self,
        )

    def _context_loaded(self, generation: int, context: DashboardContext) -> None:
        if generation != self._generations["context"]:
            return
        self._pending.discard("context")
        before = self.context
        programme_id, phase = self.programme_combo.value(), self.phase_combo.value()
        self.context = context
        self._filling = True
        self.programme_combo.clear()
        for programme in context.programmes:
            self.programme_combo.add(programme.name, programme.id)
            self.programme_combo.setItemData(self.programme_combo.count() - 1, programme.name,
                                             Qt.ItemDataRole.ToolTipRole)
        # The list shows whole names even where the box (at 1366×768) cannot.
        view = self.programme_combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 16)
        if before is None:  # the first time: the saved rule, this office's unit
            self.rule_combo.set_value(context.rule)
        else:  # again after a change elsewhere: the same choices where they still exist
            self.programme_combo.set_value(programme_id)
        if before is None or before.office_unit_id != context.office_unit_id:
            self.scope_id = context.office_unit_id
        self._filling = False
        if not context.programmes:
            self._set_idle()
            self.status.setText(self.tr("There is no programme yet."))
            self._update_actions()
            return
        keep = before is not None and self.programme_combo.value() == programme_id
        self._fill_phases(phase if keep else _TODAY)
        self.refresh(force=before is not None)

    def programme(self) -> ProgrammeChoice | None:
        if self.context is None:
            return None
        wanted = self.programme_combo.value()
        return next((p for p in self.context.programmes if p.id == wanted), None)

    def phase(self) -> PhaseChoice | None:
        programme, number = self.programme(), self.phase_combo.value()
        if programme is None or number is None:
            return None
        return next((ph for ph in programme.phases if ph.number == number), None)

    def _fill_phases(self, chosen: object = _TODAY) -> None:
        """The phases of the programme chosen; ``chosen`` is selected, or by default (and when
        ``chosen`` is gone) the phase of the date of the figures."""
        programme = self.programme()
        self._filling = True
        self.phase_combo.clear()
        self.phase_combo.add(self.tr("Whole programme"), None)
        today = self.as_of()
        current = None
        for ph in programme.phases if programme else ():
            self.phase_combo.add(ph.name or self.tr("Phase {0}").format(ph.number), ph.number)
            if ph.starts_on <= today <= ph.ends_on:
                current = ph.number
        if chosen is _TODAY or not self.phase_combo.set_value(chosen):
            self.phase_combo.set_value(current)
        self._filling = False

    def _programme_changed(self, _index: int) -> None:
        if self._filling:
            return
        self._fill_phases()
        self._params_changed()

    def _rule_changed(self, _index: int) -> None:
        if self._filling:
            return
        rule = self.rule_combo.value()
        try:
            changes = ops.save_count_rule(self._db, CountRule(rule))  # one settings row
        except Exception as exc:  # noqa: BLE001 - the figures still follow the choice
            widgets.report_error(self, exc)
        else:
            self.bus.notify(changes, source=self)
        self._params_changed()

    def as_of(self) -> date:
        try:
            return self.as_of_field.value() or date.today()
        except ValueError:
            return self._table_params.as_of if self._table_params else date.today()

    def _params_changed(self, *_args) -> None:
        if self._filling:
            return
        try:
            self.as_of_field.value()
        except ValueError:
            self.date_error.set_error(
                self.tr("“{0}” is not a date: type it as dd/mm/yyyy.").format(self.as_of_field.text())
            )
            return
        self.date_error.set_error("")
        self.refresh()

    def params(self) -> Params | None:
        programme = self.programme()
        if programme is None:
            return None
        return Params(programme.id, self.phase_combo.value(), CountRule(self.rule_combo.value()), self.as_of())

    # --- computing --------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _set_busy(self, what: str) -> None:
        self._pending.add(what)
        self.overlay.setText(self.tr("Computing…"))
        self.overlay.show_over()
        self.act_refresh.setEnabled(False)

    def _set_idle(self) -> None:
        self._pending.clear()
        self.overlay.hide()
        self.act_refresh.setEnabled(True)
        self.empty_state.refresh()

    def refresh(self, force: bool = False) -> None:
        """Compute what the current choices need (in the background)."""
        params = self.params()
        if params is None:
            return
        db = self._db
        if force or params != self._table_params:
            generation = self._next_generation("progress")
            self._set_busy("progress")
            root = self.context.office_unit_code

            def progress_work(ctx):
                return ops.unit_progress(db, params.programme_id, params.phase, as_of=params.as_of,
                                         rule=params.rule, root_code=root)

            self.last_job = jobs.run_job(
                progress_work,
                on_success=lambda table: self._progress_ready(generation, params, table),
                on_failure=lambda exc: self._job_failed("progress", generation, exc),
                owner=self,
            )
        self._load_figures(force)
        self._update_actions()

    def _load_figures(self, force: bool = False) -> None:
        """The charts' figures for the unit shown (months, benefit by field and by sector),
        computed in the background."""
        params = self.params()
        if params is None:
            return
        key = (params.programme_id, params.phase, params.rule, self.scope_id)
        if not force and key == self._figures_key and "figures" not in self._pending:
            self._show_charts()
            return
        generation = self._next_generation("figures")
        self._figures_key, self.figures = key, None
        db, scope = self._db, self.scope_id

        def work(ctx):
            return ops.chart_figures(db, params.programme_id, params.phase, rule=params.rule,
                                     unit_id=scope)

        self._set_busy("figures")
        self.last_job = jobs.run_job(
            work,
            on_success=lambda result: self._figures_ready(generation, result),
            on_failure=lambda exc: self._job_failed("figures", generation, exc),
            owner=self,
        )

    def _next_generation(self, what: str) -> int:
        self._generations[what] += 1
        return self._generations[what]

    def _progress_ready(self, generation: int, params: Params, table: ops.ProgressView) -> None:
        if generation != self._generations["progress"]:
            return
        self._pending.discard("progress")
        self.table_data, self._table_params = table, params
        self._rows = {row.unit_id: row for row in table.rows}
        self._children = {}
        for row in table.rows:
            parent = row.parent_id if row.depth > 0 and row.parent_id in self._rows else None
            self._children.setdefault(parent, []).append(row)
        if self.scope_id not in self._rows:
            self.scope_id = None if len(self._children.get(None, [])) != 1 else self._children[None][0].unit_id
        self.show_scope()
        self._maybe_ready()

    def _figures_ready(self, generation: int, result: ops.Figures) -> None:
        if generation != self._generations["figures"]:
            return
        self._pending.discard("figures")
        self.figures = result
        self._show_charts()
        self._maybe_ready()

    def _job_failed(self, what: str, generation: int, exc: BaseException) -> None:
        if generation != self._generations[what]:
            return
        self._set_idle()
        widgets.report_error(self, exc)

    def _maybe_ready(self) -> None:
        if not self._pending:
            self._set_idle()
            self._update_actions()
            self.ready.emit()

    # --- showing ----------------------------------------------------------------------
    def _root_id(self) -> uuid.UUID | None:
        roots = self._children.get(None, [])
        return roots[0].unit_id if len(roots) == 1 else None

    def scope_row(self):
        return self._rows.get(self.scope_id) if self.scope_id is not None else None

    def shown_rows(self) -> list:
        """The rows listed: the units directly under the unit in scope."""
        if self.scope_id is None:
            return list(self._children.get(None, []))
        return list(self._children.get(self.scope_id, []))

    def show_scope(self) -> None:
        current = self.current_row()
        rows = self.shown_rows()
        has_children = {row.unit_id for row in rows if self._children.get(row.unit_id)}
        self.model.set_rows(rows, has_children)
        self._show_crumbs()
        self._show_summary()
        if rows:
            wanted = self.model.row_of(current.unit_id) if current is not None else None
            index = self.proxy.mapFromSource(self.model.index(wanted or 0, COL_NAME))
            self.table.setCurrentIndex(index)
        if not rows:
            self.status.setText(self.tr("No unit under {0}.").format(self._scope_name()))
        else:
            behind = sum(1 for row in rows if row.behind)
            self.status.setText(
                self.tr("{0} units; {1} behind schedule (in red). Enter: the units under one; Backspace: back up.").format(
                    format_int(len(rows)), format_int(behind)
                )
            )
        self._show_charts()
        self._update_actions()

    def _scope_name(self) -> str:
        row = self.scope_row()
        return row.name if row is not None else self.tr("all units")

    def _show_crumbs(self) -> None:
        parts = []
        row = self.scope_row()
        while row is not None:
            parts.append(row)
            row = self._rows.get(row.parent_id) if row.depth > 0 else None
        links = []
        for i, part in enumerate(reversed(parts)):
            if i == len(parts) - 1:
                links.append(f"<b>{_escape(part.name)}</b>")
            else:
                links.append(f'<a href="{part.unit_id}">{_escape(part.name)}</a>')
        everything = self.tr("All units")
        self.crumbs.setText(" › ".join(links) if links else f"<b>{_escape(everything)}</b>")

    def _show_summary(self) -> None:
        row, table = self.scope_row(), self.table_data
        if table is None:
            self.summary.setText("")
            return
        window = ""
        if table.starts_on and table.ends_on:
            window = self.tr("{0}, from {1} to {2}").format(
                table.phase_label if table.phase is not None else self.tr("Whole programme"),
                format_date(table.starts_on), format_date(table.ends_on),
            )
        if row is None:
            self.summary.setText(_escape(window))
            return
        if row.target is None:
            figures = self.tr("{0}: no target set; achieved {1} (valid {2}, under review {3}).").format(
                _escape(row.name), format_int(row.achieved), format_int(row.valid), format_int(row.under_review)
            )
        else:
            figures = self.tr(
                "{0}: target {1}, achieved {2} ({3}%), expected by {4}: {5}, shortfall {6}."
            ).format(
                _escape(row.name), format_int(row.target), format_int(row.achieved), row.percent,
                format_date(table.as_of), format_int(row.expected or 0), format_int(row.shortfall),
            )
        if row.behind:
            behind = self.tr("Behind schedule.")
            figures = f'<span style="color:#a01010"><b>{figures} {_escape(behind)}</b></span>'
        self.summary.setText(f"{_escape(window)}<br>{figures}" if window else figures)

    def _show_charts(self) -> None:
        params = self.params()
        if params is None or self._figures_key != (params.programme_id, params.phase, params.rule, self.scope_id):
            return
        if self.figures is not None:
            self.field_chart.set_data(self.figures.by_field)
            self.sector_chart.set_data(self.figures.by_sector)
        table, shown = self.table_data, self._table_params
        if self.figures is None or table is None or shown is None:
            return
        if (shown.programme_id, shown.phase) != (params.programme_id, params.phase):
            return
        row = self.scope_row()
        self.time_chart.set_data(self.figures.months, row.target if row else None, table.starts_on, table.ends_on)

    # --- navigation -------------------------------------------------------------------
    def current_row(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def select_unit(self, unit_id: uuid.UUID) -> bool:
        row = self.model.row_of(unit_id)
        if row is None:
            return False
        self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, COL_NAME)))
        return True

    def _activated(self, index: QModelIndex) -> None:
        """Enter or a double click: the units under a unit that has some, else (a CĐCS) its
        initiatives in the register."""
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        if row is None:
            return
        if self._children.get(row.unit_id):
            self.drill_down(row.unit_id)
        else:
            self.view_initiatives()

    def drill_down_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.drill_down(row.unit_id)

    def drill_down(self, unit_id: uuid.UUID) -> bool:
        """Show the units under ``unit_id`` (a unit without any stays as it is)."""
        if not self._children.get(unit_id):
            self.status.setText(self.tr("{0} has no units under it.").format(self._rows[unit_id].name)
                                if unit_id in self._rows else "")
            return False
        self.set_scope(unit_id)
        return True

    def go_up(self) -> bool:
        row = self.scope_row()
        if row is None or row.depth == 0 or row.unit_id == self._root_id():
            return False
        previous = row.unit_id
        self.set_scope(row.parent_id)
        self.select_unit(previous)
        return True

    def set_scope(self, unit_id: uuid.UUID | None) -> None:
        self.scope_id = unit_id
        self.table.setCurrentIndex(QModelIndex())
        self.show_scope()
        self._load_figures()

    def _crumb_clicked(self, link: str) -> None:
        try:
            unit_id = uuid.UUID(link)
        except ValueError:
            return
        if unit_id in self._rows:
            previous = self.scope_row()
            self.set_scope(unit_id)
            while previous is not None and previous.parent_id != unit_id:
                previous = self._rows.get(previous.parent_id)
            if previous is not None:
                self.select_unit(previous.unit_id)

    def _table_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.act_down, self.act_up, self.act_register, self.act_targets):
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # --- actions ----------------------------------------------------------------------
    def view_initiatives(self) -> uuid.UUID | None:
        """Ask the window to show the register filtered to the chosen unit (or the unit shown)."""
        row = self.current_row()
        unit_id = row.unit_id if row is not None else self.scope_id
        if unit_id is None:
            return None
        if not self.isSignalConnected(QMetaMethod.fromSignal(self.open_register)):
            self.status.setText(self.tr("The initiative register cannot be opened from here in this version."))
            return None
        params = self.params()
        self.open_register.emit(unit_id, params.programme_id if params else None,
                                params.phase if params else None)
        return unit_id

    def edit_targets(self):
        from gui.targets.grid import TargetsGridDialog

        params, scope = self.params(), self.scope_row()
        if params is None or scope is None:
            return None
        year = params.as_of.year  # members as counted by then, or by the end of the phase
        if self.table_data is not None and self.table_data.ends_on is not None:
            year = min(year, self.table_data.ends_on.year)
        dialog = TargetsGridDialog(
            self._db, self.programme(), params.phase, self.phase_combo.currentText(),
            scope.unit_id, scope.name, year, parent=self, bus=self.bus,
        )  # saving notifies the bus (targets changed): this page, among others, refreshes
        dialog.open()
        return dialog

    def import_targets(self):
        from gui.targets.importing import TargetImportFlow

        programme, params = self.programme(), self.params()
        flow = TargetImportFlow(self, self._db, programme.code if programme else None,
                                params.phase if params else None)
        # The flow tells the other pages (source: this page); this page refreshes itself.
        flow.imported.connect(lambda _result: self.apply_changes(Changes(targets=True), source=flow))
        flow.choose_file()
        return flow

    def focus_default(self) -> None:
        self.table.setFocus()

    # --- change notices ---------------------------------------------------------------
    def apply_changes(self, changes: Changes, source: object | None = None) -> None:
        """Recompute what the changes touch; a hidden page only notes them and catches up
        when shown (a big import elsewhere does not make it work in the background)."""
        if source is self or not any(getattr(changes, kind) for kind in AFFECTING):
            return
        self._stale = self._stale | changes
        if self.isVisible():
            self._catch_up()

    @property
    def stale(self) -> bool:
        """Changes were noticed while hidden and are not on screen yet."""
        return bool(self._stale)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._catch_up()

    def _catch_up(self) -> None:
        changes, self._stale = self._stale, Changes()
        if self.context is None or any(getattr(changes, kind) for kind in CONTEXT):
            self._load_context()  # then every figure, computed again
        else:
            self.refresh(force=True)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
