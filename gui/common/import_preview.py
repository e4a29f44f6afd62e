"""What an import would do (a dry run's result): counts, then three tabs — the rows to be
imported ("Sẽ nhập"), the rejected rows with their reasons ("Bị từ chối") and the notes
("Ghi chú") — a report workbook to save, and the button that really imports.

Columns are named with the import spec's Vietnamese labels (core.common.workbook.Column);
reasons wrap, so they read whole without hovering; both row lists are filled lazily (a
hundred thousand rows cost nothing until scrolled to). Each import may add what only it has:
:class:`PreviewSection` lists — on the "Sẽ nhập" tab (``tab=ACCEPTED_TAB``: the units to be
created) or the "Ghi chú" tab (likely duplicates, notes) — and an :class:`ImportOptions`
widget above the tabs (options that change what the dry run does: changing one checks the
file again — see :mod:`gui.common.import_flow`, which builds this dialog).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.common import file_dialogs, jobs, widgets
from gui.common.formatting import format_date, format_int

if TYPE_CHECKING:  # core.common.workbook is imported when an import runs
    from core.common.workbook.columns import Column

COL_ROW, COL_REASON, COL_VALUES = range(3)
ACCEPTED_TAB, REJECTED_TAB, NOTES_TAB = "accepted", "rejected", "notes"
FETCH = 200  # rows added to a list at a time, as it is scrolled
_Index = QModelIndex | QPersistentModelIndex


def cell_text(value: object) -> str:
    """A cell's value as the sheet shows it (dates dd/mm/yyyy, whole numbers without ".0")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return format_date(value.date())
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def field_text(value: object, money: bool = False) -> str:
    """:func:`cell_text`, with an amount of money in a money field shown as the app shows
    money everywhere (``3.031.150.000``, :func:`core.common.vnformat.format_money`) however
    it was typed (1000000, "1,000,000"); a value that is no amount stays as typed."""
    if money and value is not None and not isinstance(value, bool):
        from core.common.vnformat import format_money, parse_money

        try:
            amount = parse_money(value)
        except (ValueError, TypeError):
            amount = None
        if amount is not None:
            return format_money(amount)
    return cell_text(value)


def _is_code_name(key: object) -> bool:
    """A field's name in code ("name", "unit_code"), never shown to the clerk."""
    return isinstance(key, str) and key.isascii() and key.isidentifier()


def _values_text(values, labels: Mapping[str, str], money: Collection[str] = ()) -> str:
    """"Tên sáng kiến: …; Tác giả: …" — the spec's Vietnamese label of each field; a field
    without one shows its value only when its key is a code name (never "name:"); the
    ``money`` fields as amounts (:func:`field_text`)."""
    if not values:
        return ""
    if isinstance(values, dict):
        parts = []
        for key, value in values.items():
            text = field_text(value, key in money)
            if text:
                label = labels.get(key) or ("" if _is_code_name(key) else str(key))
                parts.append(f"{label}: {text}" if label else text)
        return "; ".join(parts)
    return str(values)


def _row_values(row) -> dict:
    """What a row held, by field: the cells as written (``source``), else the parsed data."""
    for name in ("source", "values", "data"):
        values = getattr(row, name, None)
        if isinstance(values, dict) and values:
            return values
    return {}


@dataclass(frozen=True)
class PreviewSection:
    """A heading over a list of lines, shown in the preview when there are lines.

    ``key`` names the section for code and tests (``dialog.section_lines("created_units")``);
    ``title`` and ``lines`` are shown as they are (translated / Vietnamese from core).
    ``tab``: ``NOTES_TAB`` (default; counted in "Ghi chú (N)") or ``ACCEPTED_TAB`` (its own
    list above the rows to be imported: the units an import creates). ``count``: how many
    notes the lines stand for when they are capped ("… và 198 ghi chú khác").
    """

    key: str
    title: str
    lines: Sequence[str]
    tab: str = NOTES_TAB
    count: int | None = None

    @property
    def size(self) -> int:
        return len(self.lines) if self.count is None else self.count


class ImportOptions(QWidget):
    """Options of one import shown at the top of its preview (a programme, a year, "create
    the missing units"…). ``values()`` are the importer's keyword options; emit ``changed``
    when the user changes one, and the flow checks the file again with the new values.

    The options' public attributes are reachable through the dialog too
    (``dialog.create_units`` is ``dialog.options.create_units``).
    """

    changed = Signal()

    def values(self) -> dict[str, Any]:
        return {}


class _LazyRows(QAbstractTableModel):
    """Rows shown ``FETCH`` at a time: the view asks for more as it is scrolled."""

    def __init__(self, rows: Sequence, parent=None) -> None:
        super().__init__(parent)
        self._rows = rows
        self._shown = min(len(rows), FETCH)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def total(self) -> int:
        return len(self._rows)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(FETCH, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()


class RejectedRowsModel(_LazyRows):
    """Rejected rows of an import: sheet row number, reason (Vietnamese, from core), data."""

    def __init__(self, rejected: Sequence, parent=None, labels: Mapping[str, str] | None = None,
                 money: Collection[str] = ()) -> None:
        """``labels``: the sheet's column names by field key (the values are keyed by field);
        ``money``: the keys of the fields holding amounts of money."""
        super().__init__(list(rejected), parent)
        self._labels = dict(labels or {})
        self._money = frozenset(money)
        self._headers = [self.tr("Row"), self.tr("Reason"), self.tr("Data in the row")]

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == COL_ROW:
                return str(getattr(row, "number", ""))
            if index.column() == COL_REASON:
                return getattr(row, "reason", "")
            return _values_text(_row_values(row), self._labels, self._money)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.column() == COL_ROW:
                return Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def _filled_fields(rows: Sequence, keys: Sequence[str]) -> set[str]:
    """Which of ``keys`` some row fills (not only the rows shown first: a column filled
    from row 240 on is still a column). Each row is asked only for the keys not found yet,
    and the walk stops once every key is found."""
    missing = set(keys)
    for row in rows:
        if not missing:
            break
        values = _row_values(row)
        missing -= {key for key in missing if cell_text(values.get(key))}
    return set(keys) - missing


class AcceptedRowsModel(_LazyRows):
    """The rows an import would write: the sheet row number, then one column per field the
    sheet has, headed with the field's Vietnamese label; the cells as written."""

    def __init__(self, accepted: Sequence, columns: Sequence[Column] | None, parent=None, *,
                 money: Collection[str] = ()) -> None:
        super().__init__(list(accepted), parent)
        self._money = frozenset(money)
        if columns:
            present = _filled_fields(self._rows, [c.key for c in columns])
            self._fields = [(c.key, c.label) for c in columns if c.key in present]
        else:  # no spec: the values in one column, without field names
            self._fields = []
        self._headers = [self.tr("Row")] + (
            [label for _key, label in self._fields] if self._fields else [self.tr("Data in the row")])

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return str(getattr(row, "number", ""))
            values = _row_values(row)
            if not self._fields:
                return _values_text(values, {})
            key = self._fields[index.column() - 1][0]
            return field_text(values.get(key), key in self._money)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.TextAlignmentRole and self._fields \
                and self._fields[index.column() - 1][0] in self._money:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def _lines_list(lines: Sequence[str], name: str) -> QListWidget:
    """A list whose long lines wrap (read whole, no sideways scrolling)."""
    box = QListWidget()
    box.setObjectName(name)
    box.setWordWrap(True)
    box.setUniformItemSizes(False)
    box.setResizeMode(QListView.ResizeMode.Adjust)
    box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    box.setTextElideMode(Qt.TextElideMode.ElideNone)
    box.addItems([str(line) for line in lines])
    return box


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class ImportPreviewDialog(QDialog):
    """Accepting the dialog means "import for real" (the caller runs it)."""

    def __init__(self, result, source: Path, what: str, parent: QWidget | None = None, *,
                 sections: Sequence[PreviewSection] = (), options: ImportOptions | None = None,
                 columns: Sequence[Column] | None = None) -> None:
        """``columns``: the importer's column specs (core.common.workbook.Column), which name
        the values of the rows here and in the report; those marked ``money`` are shown as
        ``3.031.150.000``."""
        super().__init__(parent)
        self.result = result
        self.source = Path(source)
        self.what = what
        self.options = options
        self.columns = list(columns) if columns is not None else None
        money = frozenset(c.key for c in self.columns or () if c.money)
        self.setWindowTitle(self.tr("Import preview — {0}").format(self.source.name))
        self.resize(960, 600)
        accepted, skipped, rejected = len(result.accepted), len(result.skipped), len(result.rejected)
        self.summary = summary = QLabel(
            self.tr(
                "Checked {what} in “{file}”. Nothing has been saved yet.\n"
                "• Ready to import: {accepted}\n"
                "• Skipped (already present or empty): {skipped}\n"
                "• Rejected: {rejected}"
            ).format(
                what=what,
                file=self.source.name,
                accepted=format_int(accepted),
                skipped=format_int(skipped),
                rejected=format_int(rejected),
            )
        )
        summary.setWordWrap(True)
        labels = {column.key: column.label for column in self.columns or ()}
        self.section_lists: dict[str, QListWidget] = {}
        self.tabs = QTabWidget()

        # "Sẽ nhập": the units to be created (their own list), then the rows.
        accepted_page = QWidget()
        accepted_layout = QVBoxLayout(accepted_page)
        for section in sections:
            if section.tab == ACCEPTED_TAB and section.lines:
                lines = _lines_list(section.lines, section.key)
                line = lines.fontMetrics().height() + 2
                lines.setMaximumHeight(min(120, line * len(section.lines) + 2 * lines.frameWidth() + 6))
                accepted_layout.addWidget(_heading(section.title))
                accepted_layout.addWidget(lines)
                self.section_lists[section.key] = lines
        self.accepted_model = AcceptedRowsModel(result.accepted, self.columns, self, money=money)
        self.accepted_table = self._table(self.accepted_model)
        self.accepted_table.setWordWrap(False)
        self.accepted_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.accepted_table.horizontalHeader().setStretchLastSection(True)
        self.accepted_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # Columns as wide as the rows listed first need, at most 320 px (full text on hover).
        self.accepted_table.resizeColumnsToContents()
        for column in range(1, self.accepted_model.columnCount()):
            self.accepted_table.setColumnWidth(column, min(320, self.accepted_table.columnWidth(column) + 8))
        accepted_layout.addWidget(_heading(
            self.tr("Rows to be imported:") if accepted else self.tr("No row can be imported.")))
        accepted_layout.addWidget(self.accepted_table, 1)
        self.accepted_table.setVisible(accepted > 0)
        if not accepted:
            accepted_layout.addStretch(1)

        # "Bị từ chối": row, reason (wrapped), the row's data (wrapped).
        rejected_page = QWidget()
        rejected_layout = QVBoxLayout(rejected_page)
        self.rejected_model = RejectedRowsModel(result.rejected, self, labels, money)
        self.table = self._table(self.rejected_model)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ROW, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_VALUES, QHeaderView.ResizeMode.Stretch)
        # Each row as tall as its wrapped text: rows sized as they are listed (not the header's
        # ResizeToContents, which measures every row on every change), all again after the
        # columns' widths settle.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(50)
        self._fit_timer.timeout.connect(self._fit_rejected_rows)
        self.rejected_model.rowsInserted.connect(self._fit_new_rows)
        header.sectionResized.connect(lambda *_a: self._fit_timer.start())
        rejected_layout.addWidget(_heading(
            self.tr("Rejected rows (fix them in the workbook and import it again):")
            if rejected
            else self.tr("No row was rejected.")
        ))
        rejected_layout.addWidget(self.table, 1)
        self.table.setVisible(rejected > 0)
        if not rejected:
            rejected_layout.addStretch(1)

        # "Ghi chú": every note section, wrapped.
        notes_page = QWidget()
        notes_layout = QVBoxLayout(notes_page)
        notes = 0
        for section in sections:
            if section.tab != ACCEPTED_TAB and section.lines:
                lines = _lines_list(section.lines, section.key)
                notes_layout.addWidget(_heading(section.title))
                notes_layout.addWidget(lines, 1)
                self.section_lists[section.key] = lines
                notes += section.size
        if not notes:
            notes_layout.addWidget(_heading(self.tr("No notes.")))
            notes_layout.addStretch(1)

        self.tabs.addTab(accepted_page, self.tr("To import ({0})").format(format_int(accepted)))
        self.tabs.addTab(rejected_page, self.tr("Rejected ({0})").format(format_int(rejected)))
        self.tabs.addTab(notes_page, self.tr("Notes ({0})").format(format_int(notes)))
        self.tabs.setCurrentIndex(1 if rejected else 0)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(accepted > 0)
        self.import_button.setDefault(accepted > 0)
        self.report_button = QPushButton(self.tr("Save report…"))
        self.buttons.addButton(self.report_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.report_button.setAutoDefault(False)
        self.report_button.clicked.connect(self.save_report)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if options is not None:
            layout.addWidget(options)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.report_job: jobs.Job | None = None

    def _fit_new_rows(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.table.resizeRowToContents(row)

    def _fit_rejected_rows(self) -> None:
        self.table.resizeRowsToContents()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._fit_timer.start()

    @staticmethod
    def _table(model: QAbstractTableModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.verticalHeader().hide()
        return table

    def __getattr__(self, name: str):
        # Only called when normal lookup fails: the options' controls (dialog.create_units).
        options = self.__dict__.get("options")
        if options is not None and not name.startswith("_"):
            return getattr(options, name)
        raise AttributeError(name)

    def section_lines(self, key: str) -> list[str]:
        """The lines shown under section ``key`` (none when it is not shown)."""
        lines = self.section_lists.get(key)
        return [] if lines is None else [lines.item(i).text() for i in range(lines.count())]

    def default_report_path(self) -> Path:
        return self.source.with_name(f"bao-cao-nhap-{self.source.stem}.xlsx")

    def save_report(self) -> None:
        default = self.default_report_path()
        path = file_dialogs.save_file(
            self, self.tr("Save import report"), file_dialogs.FileKind.IMPORT_REPORT, default.name,
            [(self.tr("Excel workbook (*.xlsx)"), ".xlsx")], fallback=default.parent,
        )
        if path is None:
            return
        self.write_report(path)

    def write_report(self, path: Path) -> jobs.Job:
        result, columns = self.result, self.columns
        title = self.tr("Import report: {0}").format(self.source.name)

        def work(ctx):
            from core.common.workbook import write_report

            write_report(result, path, title=title, columns=columns)
            return path

        self.report_job = jobs.run_with_progress(
            self,
            self.tr("Writing the report…"),
            work,
            on_success=lambda p: widgets.show_info(self, self.tr("The report was saved to {0}.").format(p)),
        )
        return self.report_job
