"""Organisation (Tổ chức): the unit tree on the left, the members of the chosen unit and its
sub-units on the right (a lazy list), and the actions on both."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.common.changes import Changes, Done
from core.common.database import AppDatabase
from core.common.errors import UserError
from core.org import ops
from core.org.ops import MemberQuery, UnitKind
from gui.common import jobs, widgets
from gui.common.changes import ChangeBus
from gui.common.empty_state import EmptyState
from gui.common.formatting import format_int
from gui.common.import_flow import ImportFlow, ImportSpec
from gui.common.undo import TombstoneCommand
from gui.org.history_dialog import HistoryDialog
from gui.org.member_dialog import MemberDialog
from gui.org.member_table import (
    COL_BIRTH,
    COL_GENDER,
    COL_NAME,
    COL_POSITION,
    COL_SINCE,
    COL_UNIT,
    MemberTableModel,
)
from gui.org.merge_dialog import MergeDialog
from gui.org.unit_dialog import UnitDialog
from gui.org.unit_tree import COL_CODE, UnitFilterProxy, UnitIdRole, UnitTreeModel

SEARCH_DELAY_MS = 250


class MessageBar(QFrame):
    """A one-line message above the members list, with an optional Undo button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("MessageBar { background: #fff8d6; border: 1px solid #e0c96b; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Hide this message"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.close_button)
        self.hide()

    def show_message(self, text: str, undo: bool = False) -> None:
        self.label.setText(text)
        self.undo_button.setVisible(undo)
        self.show()


class OrganisationPage(QWidget):
    def __init__(self, db: AppDatabase, parent: QWidget | None = None,
                 bus: ChangeBus | None = None) -> None:
        super().__init__(parent)
        self.bus = bus if bus is not None else ChangeBus(self)  # change notices (gui.common.changes)
        self._db = db
        self.undo_stack = QUndoStack(self)
        self.import_flow: ImportFlow | None = None
        self.last_job: jobs.Job | None = None
        self._selected_unit: uuid.UUID | None = None
        self._own_unit: uuid.UUID | None = None
        self._rebuilding = False

        # --- left: units --------------------------------------------------------------
        self.unit_search = QLineEdit()
        self.unit_search.setPlaceholderText(self.tr("Find a unit (Ctrl+Shift+F)"))
        self.unit_search.setClearButtonEnabled(True)
        self.show_merged = QCheckBox(self.tr("Show &merged units"))
        self.unit_model = UnitTreeModel(self)
        self.unit_proxy = UnitFilterProxy(self)
        self.unit_proxy.setSourceModel(self.unit_model)
        self.tree = QTreeView()
        self.tree.setModel(self.unit_proxy)
        self.tree.setUniformRowHeights(True)
        # The distinctive part of a CĐCS name comes first ("CĐCS Trạm Y tế xã …").
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long names: the full text on hover
        self.tree.setIndentation(14)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(COL_CODE, QHeaderView.ResizeMode.ResizeToContents)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.unit_search)
        left_layout.addWidget(self.show_merged)
        left_layout.addWidget(self.tree)

        # --- right: members -----------------------------------------------------------
        self.member_model = MemberTableModel(db, self)
        self.member_search = QLineEdit()
        self.member_search.setPlaceholderText(self.tr("Search members by name, with or without tone marks (Ctrl+F)"))
        self.member_search.setClearButtonEnabled(True)
        self.scope_label = QLabel()
        self.count_label = QLabel()
        self.table = self.member_model.make_view()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        header.setSectionsClickable(True)
        header.setStretchLastSection(False)
        self._size_columns()
        header.setSectionResizeMode(COL_UNIT, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.message_bar = MessageBar()
        self.message_bar.undo_button.clicked.connect(self.undo_stack.undo)
        search_row = QHBoxLayout()
        search_row.addWidget(self.member_search, 1)
        search_row.addWidget(self.count_label)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(search_row)
        right_layout.addWidget(self.scope_label)
        right_layout.addWidget(self.message_bar)
        right_layout.addWidget(self.table)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([380, 820])

        self._make_actions()
        self.units_empty = EmptyState(
            self.tree, self.tr("No units yet — add the grassroots unions or import them from a workbook."),
            [self.act_new_unit, self.act_import_units], is_empty=self._no_units)
        self.members_empty = EmptyState(
            self.table, self.tr("No members here yet — add one or import a list from a workbook."),
            [self.act_new_member, self.act_import_members],
            is_empty=lambda: self.member_model.total == 0 and not self.member_search.text().strip())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_member_search)
        self.member_search.textChanged.connect(self._search_timer.start)
        self.unit_search.textChanged.connect(self._filter_units)
        self.show_merged.toggled.connect(lambda _on: self.reload_units())
        self.tree.selectionModel().currentRowChanged.connect(self._unit_changed)
        self.tree.customContextMenuRequested.connect(self._unit_menu)
        self.table.customContextMenuRequested.connect(self._member_menu)
        self.table.activated.connect(lambda _index: self.edit_member())
        self.tree.activated.connect(lambda _index: self.edit_unit())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.member_model.modelReset.connect(self._update_count)
        self.member_model.totalChanged.connect(self._update_count)
        self.undo_stack.indexChanged.connect(self._update_actions)

        self.reload_units()
        if self._selected_unit is None:
            self._apply_member_query()
        self._update_actions()

    def _size_columns(self) -> None:
        """Widths that fit a date, a gender and the (translated) headers; the rest share."""
        metrics = self.table.fontMetrics()
        em = metrics.horizontalAdvance("M")
        header_fm = self.table.horizontalHeader().fontMetrics()
        model = self.member_model

        def fits(column: int, sample: str) -> int:
            title = model.headerData(column, Qt.Orientation.Horizontal) or ""
            return max(metrics.horizontalAdvance(sample), header_fm.horizontalAdvance(title) + em) + em

        self.table.setColumnWidth(COL_NAME, 12 * em)
        self.table.setColumnWidth(COL_GENDER, fits(COL_GENDER, "Nam"))
        self.table.setColumnWidth(COL_BIRTH, fits(COL_BIRTH, "00/00/0000"))
        self.table.setColumnWidth(COL_UNIT, 16 * em)
        self.table.setColumnWidth(COL_POSITION, 9 * em)
        self.table.setColumnWidth(COL_SINCE, fits(COL_SINCE, "00/00/0000"))

    # --- actions --------------------------------------------------------------------
    def _action(self, text: str, shortcut, slot, tip: str = "") -> QAction:
        return widgets.page_action(self, text, shortcut, slot, tip)

    def _no_units(self) -> bool:
        """No unit under the office yet (the tree shows only the office and those above it)."""
        if not hasattr(self, "_office_code"):
            self._office_code = ops.load_office(self._db).unit_code
        nodes = self.unit_model.nodes.values()
        office = next((n for n in nodes if n.code == self._office_code), None)
        return office is None or not any(n.parent_id == office.id for n in nodes)

    def _make_actions(self) -> None:
        self.act_new_unit = self._action(self.tr("New unit…"), "Ctrl+Shift+N", self.add_unit)
        self.act_edit_unit = self._action(self.tr("Edit unit…"), "Ctrl+Shift+E", self.edit_unit)
        self.act_merge_unit = self._action(self.tr("Merge unit…"), "Ctrl+Shift+M", self.merge_unit)
        self.act_history = self._action(self.tr("Unit history"), "Ctrl+H", self.show_history)
        self.act_new_member = self._action(self.tr("New member…"), "Ctrl+N", self.add_member)
        self.act_edit_member = self._action(self.tr("Edit member…"), "Ctrl+E", self.edit_member)
        self.act_delete_member = self._action(self.tr("Delete member"), QKeySequence.StandardKey.Delete, self.delete_members)
        # Delete only when the list has the focus (not while typing in a search box).
        self.removeAction(self.act_delete_member)
        self.act_delete_member.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.act_delete_member)
        self.act_import_units = self._action(self.tr("Import units…"), "Ctrl+Shift+I", lambda: self.import_workbook("units"))
        self.act_import_members = self._action(self.tr("Import members…"), "Ctrl+I", lambda: self.import_workbook("members"))
        self.act_undo = self._action(self.tr("Undo"), QKeySequence.StandardKey.Undo, self.undo_stack.undo)
        self.act_redo = self._action(self.tr("Redo"), QKeySequence.StandardKey.Redo, self.undo_stack.redo)
        self._action(self.tr("Find member"), QKeySequence.StandardKey.Find, self._focus_member_search)
        self._action(self.tr("Find unit"), "Ctrl+Shift+F", self._focus_unit_search)

        self.toolbar = QToolBar(self.tr("Organisation"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.act_new_unit, self.act_edit_unit, self.act_merge_unit, self.act_history):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.act_new_member, self.act_edit_member, self.act_delete_member, self.act_undo):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        import_menu = QMenu(self)
        import_menu.addAction(self.act_import_units)
        import_menu.addAction(self.act_import_members)
        self.import_button = QToolButton()
        self.import_button.setText(self.tr("Import from a workbook"))
        self.import_button.setMenu(import_menu)
        self.import_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(self.import_button)

    def _focus_member_search(self) -> None:
        self.member_search.setFocus()
        self.member_search.selectAll()

    def _focus_unit_search(self) -> None:
        self.unit_search.setFocus()
        self.unit_search.selectAll()

    def _update_actions(self, *_args) -> None:
        node = self.current_unit()
        active = node is not None and node.merged_into_id is None
        self.act_edit_unit.setEnabled(active)
        self.act_merge_unit.setEnabled(active and node.kind != UnitKind.PROVINCE)
        self.act_history.setEnabled(node is not None)
        has_member = bool(self.selected_member_ids())
        self.act_edit_member.setEnabled(has_member)
        self.act_delete_member.setEnabled(has_member)
        self.act_undo.setEnabled(self.undo_stack.canUndo())
        self.act_redo.setEnabled(self.undo_stack.canRedo())

    def _unit_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.act_new_unit, self.act_edit_unit, self.act_merge_unit, self.act_history):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.act_new_member)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def _member_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.act_new_member, self.act_edit_member, self.act_delete_member):
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # --- units ----------------------------------------------------------------------
    def current_unit(self) -> ops.UnitNode | None:
        return self.unit_model.nodes.get(self._selected_unit) if self._selected_unit else None

    def reload_units(self, select: uuid.UUID | None = None) -> None:
        wanted = select or self._selected_unit
        tree = ops.unit_tree(self._db, include_merged=self.show_merged.isChecked())
        self._own_unit = tree.own_unit_id
        if wanted is None:
            wanted = self._own_unit
        self._rebuilding = True
        try:
            self.unit_model.set_nodes(list(tree.nodes))
        finally:
            self._rebuilding = False
        self._expand_defaults()
        if wanted not in self.unit_model.nodes:
            wanted = None
        self._selected_unit = None
        if wanted is not None:
            self.select_unit(wanted)
        else:
            self._apply_member_query()
        self._update_actions()

    def _expand_defaults(self) -> None:
        """The path to this office's own unit and its direct sub-units; the rest folded."""
        self.tree.collapseAll()
        if self._own_unit is None:
            self.tree.expandToDepth(0)
            return
        index = self.unit_proxy.mapFromSource(self.unit_model.index_of(self._own_unit))
        while index.isValid():
            self.tree.expand(index)
            index = index.parent()

    def select_unit(self, unit_id: uuid.UUID) -> None:
        source = self.unit_model.index_of(unit_id)
        index = self.unit_proxy.mapFromSource(source)
        if not index.isValid():
            return
        widgets.select_row(self.tree, index)

    def _filter_units(self, text: str) -> None:
        self.unit_proxy.set_text(text)
        if text:
            self.tree.expandAll()
        else:
            self._expand_defaults()
            if self._selected_unit:
                self.select_unit(self._selected_unit)

    def _unit_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._rebuilding:
            return
        unit_id = current.data(UnitIdRole) if current.isValid() else None
        if unit_id == self._selected_unit:
            return
        self._selected_unit = unit_id
        self._apply_member_query()
        self._update_actions()

    def add_unit(self) -> UnitDialog:
        dialog = UnitDialog(self._db, self.unit_model.nodes, default_parent_id=self._selected_unit, parent=self)
        dialog.accepted.connect(lambda: self._unit_saved(dialog, self.tr("Unit created.")))
        dialog.open()
        return dialog

    def edit_unit(self) -> UnitDialog | None:
        node = self.current_unit()
        if node is None or node.merged_into_id is not None:
            return None
        dialog = self._open_dialog(lambda: UnitDialog(self._db, self.unit_model.nodes, unit_id=node.id, parent=self))
        if dialog is not None:
            dialog.accepted.connect(lambda: self._unit_saved(dialog, self.tr("Unit saved.")))
            dialog.open()
        return dialog

    def _open_dialog(self, make):
        """``make()``, or None after saying why (the unit or member was deleted or merged
        meanwhile: the tree and the list are read again)."""
        try:
            return make()
        except UserError as exc:
            widgets.show_error(self, str(exc))
            self.reload_units()
            return None

    def _unit_saved(self, dialog: UnitDialog, message: str) -> None:
        self.reload_units(select=dialog.unit_id)
        self.member_model.reload(keep_loaded=True)
        self.message_bar.show_message(message)
        self._notify(dialog.outcome)

    def _notify(self, done: Done | None) -> None:
        """Tell the other pages what this page (or its dialog) changed."""
        if done is not None:
            self.bus.notify(done.changes, source=self)

    def merge_unit(self) -> MergeDialog | None:
        node = self.current_unit()
        if node is None or node.merged_into_id is not None:
            return None
        dialog = self._open_dialog(lambda: MergeDialog(self._db, node.id, parent=self))
        if dialog is not None:
            dialog.accepted.connect(lambda: self._merged(dialog))
            dialog.open()
        return dialog

    def _merged(self, dialog: MergeDialog) -> None:
        self.reload_units(select=dialog.target_id)
        self.message_bar.show_message(
            self.tr("{0} was merged; {1} members moved.").format(
                dialog.source.name, format_int(dialog.moved or 0)
            )
        )
        self._notify(dialog.outcome)

    def show_history(self) -> HistoryDialog | None:
        node = self.current_unit()
        if node is None:
            return None
        dialog = self._open_dialog(lambda: HistoryDialog(self._db, node, parent=self))
        if dialog is not None:
            dialog.open()
        return dialog

    def apply_changes(self, changes: Changes, source: object) -> None:
        """A notice from the bus: refresh what another page or a sync changed (this page
        refreshes itself after its own changes)."""
        if source is self:
            return
        if changes.units:
            self.reload_units()  # (re-reads the members too)
        elif changes.members:
            self.member_model.reload(keep_loaded=True)

    # --- members --------------------------------------------------------------------
    def _apply_member_query(self) -> None:
        unit_ids = None
        node = self.current_unit()
        if node is not None:
            unit_ids = ops.unit_subtree(self._db, node.id)
        # One unit without sub-units: its name in every row says nothing.
        single = node is not None and len(unit_ids or ()) == 1
        if unit_ids is not None and self._covers_every_unit(unit_ids):
            # Same rows, but without the filter SQLite can walk the sort index and stop
            # after one page instead of sorting every member for every page.
            unit_ids = None
        if node is None:
            self.scope_label.setText(self.tr("Members of all units"))
        elif single:
            self.scope_label.setText(self.tr("Members of {0}").format(node.name))
        else:
            self.scope_label.setText(self.tr("Members of {0} and its sub-units").format(node.name))
        self.table.setColumnHidden(COL_UNIT, single)
        self.table.horizontalHeader().setSectionResizeMode(
            COL_POSITION, QHeaderView.ResizeMode.Stretch if single else QHeaderView.ResizeMode.Interactive
        )
        if not single:
            self._size_columns()
        self.member_model.set_query(MemberQuery(unit_ids=unit_ids, text=self.member_search.text()))

    def _covers_every_unit(self, unit_ids: frozenset[uuid.UUID]) -> bool:
        """Whether ``unit_ids`` holds every active unit (members only belong to those)."""
        active = [n.id for n in self.unit_model.nodes.values() if n.merged_into_id is None]
        return all(unit_id in unit_ids for unit_id in active)

    def apply_member_search(self) -> None:
        """Run the search now (normally SEARCH_DELAY_MS after the last keystroke)."""
        self._search_timer.stop()
        query = self.member_model.query
        if query.text != self.member_search.text():
            self.member_model.set_query(MemberQuery(unit_ids=query.unit_ids, text=self.member_search.text()))

    def _update_count(self) -> None:
        counted = self.member_model.total
        total = "…" if counted is None else format_int(counted)
        text = self.member_model.query.text.strip()
        if text:
            self.count_label.setText(self.tr("{0} members match “{1}”").format(total, text))
        else:
            self.count_label.setText(self.tr("{0} members").format(total))
        self._update_actions()

    def selected_member_ids(self) -> list[uuid.UUID]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.member_model.member_at(row).id for row in rows]

    def _default_unit_for_member(self) -> uuid.UUID | None:
        node = self.current_unit()
        return node.id if node is not None and node.merged_into_id is None else None

    def add_member(self) -> MemberDialog:
        dialog = MemberDialog(
            self._db,
            list(self.unit_model.nodes.values()),
            default_unit_id=self._default_unit_for_member(),
            parent=self,
        )
        dialog.accepted.connect(lambda: self._member_saved(dialog, self.tr("Member added.")))
        dialog.open()
        return dialog

    def edit_member(self) -> MemberDialog | None:
        ids = self.selected_member_ids()
        index = self.table.currentIndex()
        member_id = self.member_model.member_at(index.row()).id if index.isValid() else (ids[0] if ids else None)
        if member_id is None:
            return None
        dialog = self._open_dialog(
            lambda: MemberDialog(self._db, list(self.unit_model.nodes.values()), member_id=member_id, parent=self)
        )
        if dialog is not None:
            dialog.accepted.connect(lambda: self._member_saved(dialog, self.tr("Member saved.")))
            dialog.open()
        return dialog

    def _member_saved(self, dialog: MemberDialog, message: str) -> None:
        self.member_model.reload(keep_loaded=True)
        self.message_bar.show_message(message)
        if dialog.member_id is not None:
            self.select_member(dialog.member_id)
        self._notify(dialog.outcome)

    def select_member(self, member_id: uuid.UUID) -> bool:
        row = self.member_model.row_of(member_id)
        if row is None:
            return False
        index = self.member_model.index(row, COL_NAME)
        widgets.select_row(self.table, index)
        return True

    def delete_members(self) -> None:
        ids = self.selected_member_ids()
        if not ids:
            return
        names = [self.member_model.member_at(self.member_model.row_of(i)).full_name for i in ids]
        if not self.run_member_change(ops.delete_members, ids):
            return
        if len(ids) == 1:
            text = self.tr("Deleted member {0}.").format(names[0])
        else:
            text = self.tr("Deleted {0} members.").format(format_int(len(ids)))
        self.undo_stack.push(TombstoneCommand(
            text, ids, apply=self.run_member_change, delete=ops.delete_members,
            restore=ops.restore_members))
        self.message_bar.show_message(text, undo=True)

    def run_member_change(self, change, ids: list[uuid.UUID]) -> bool:
        """Run ``change(db, ids)`` (``ops.delete_members`` or ``ops.restore_members``: one
        transaction), then refresh and tell the other pages."""
        try:
            done = change(self._db, ids)
        except Exception as exc:
            widgets.report_error(self, exc)
            return False
        self.member_model.reload(keep_loaded=True)
        self._notify(done)
        if change is ops.restore_members:
            self.message_bar.show_message(self.tr("Restored {0} members.").format(format_int(len(ids))))
            if ids:
                self.select_member(ids[0])
        return True

    # --- import ---------------------------------------------------------------------
    def _import_spec(self, kind: str) -> ImportSpec:
        from core.org import importing

        if kind == "units":
            return ImportSpec(what=self.tr("units"), title=self.tr("Import units from a workbook"),
                              run=importing.import_units, columns=importing.UNIT_COLUMNS,
                              changes=Changes(units=True))
        return ImportSpec(what=self.tr("members"), title=self.tr("Import members from a workbook"),
                          run=importing.import_members, columns=importing.MEMBER_COLUMNS,
                          changes=Changes(units=True, members=True))

    def _new_import(self, kind: str) -> ImportFlow:
        if self.import_flow is not None:
            self.import_flow.dispose()
        flow = ImportFlow(self, self._db, self._import_spec(kind), bus=self.bus, source=self,
                          show_message=self.message_bar.show_message)
        flow.job_started.connect(lambda job: setattr(self, "last_job", job))
        flow.imported.connect(self._imported)
        self.import_flow = flow
        return flow

    def import_workbook(self, kind: str) -> jobs.Job | None:
        """Choose a workbook, check it, preview, import (gui.common.import_flow)."""
        return self._new_import(kind).start()

    def check_import(self, kind: str, path: Path) -> jobs.Job:
        """The import without the file dialog: dry run, then the preview."""
        return self._new_import(kind).check(path)

    @property
    def preview_dialog(self):
        return self.import_flow.preview_dialog if self.import_flow is not None else None

    def _imported(self, _result) -> None:
        self.reload_units()
        self.member_model.reload()

    # --- for the window -------------------------------------------------------------
    def focus_default(self) -> None:
        self.table.setFocus()
