"""What an import would do (a dry run's result): counts, the rejected rows with reasons,
a report workbook to save, and the button that really imports.

Each import may add what only it has: :class:`PreviewSection` lists under the rejected rows
(units to be created, likely duplicates, notes) and an :class:`ImportOptions` widget above
them (options that change what the dry run does: changing one checks the file again —
see :mod:`gui.common.import_flow`, which builds this dialog).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.common import file_dialogs, jobs, widgets
from gui.common.formatting import format_int

if TYPE_CHECKING:  # core.common.workbook is imported when an import runs
    from core.common.workbook.columns import Column

COL_ROW, COL_REASON, COL_VALUES = range(3)
_Index = QModelIndex | QPersistentModelIndex


def _values_text(values, labels: Mapping[str, str]) -> str:
    if not values:
        return ""
    if isinstance(values, dict):
        return "; ".join(f"{labels.get(k, k)}: {v}" for k, v in values.items() if v not in (None, ""))
    return str(values)


@dataclass(frozen=True)
class PreviewSection:
    """A heading over a list of lines, shown in the preview when there are lines.

    ``key`` names the section for code and tests (``dialog.section_lines("created_units")``);
    ``title`` and ``lines`` are shown as they are (translated / Vietnamese from core).
    """

    key: str
    title: str
    lines: Sequence[str]


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


class RejectedRowsModel(QAbstractTableModel):
    """Rejected rows of an import: sheet row number, reason (Vietnamese, from core), data."""

    def __init__(self, rejected: list, parent=None, labels: Mapping[str, str] | None = None) -> None:
        """``labels``: the sheet's column names by field key (the values are keyed by field)."""
        super().__init__(parent)
        self._rows = list(rejected)
        self._labels = dict(labels or {})
        self._headers = [self.tr("Row"), self.tr("Reason"), self.tr("Data in the row")]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

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
            return _values_text(getattr(row, "values", None), self._labels)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_ROW:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class ImportPreviewDialog(QDialog):
    """Accepting the dialog means "import for real" (the caller runs it)."""

    def __init__(self, result, source: Path, what: str, parent: QWidget | None = None, *,
                 sections: Sequence[PreviewSection] = (), options: ImportOptions | None = None,
                 columns: Sequence[Column] | None = None) -> None:
        """``columns``: the importer's column specs (core.common.workbook.Column), which name
        the values of rejected rows here and in the report."""
        super().__init__(parent)
        self.result = result
        self.source = Path(source)
        self.what = what
        self.options = options
        self.columns = list(columns) if columns is not None else None
        self.setWindowTitle(self.tr("Import preview — {0}").format(self.source.name))
        extra = options is not None or any(section.lines for section in sections)
        self.resize(*((900, 560) if extra else (820, 480)))
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
        self.rejected_model = RejectedRowsModel(result.rejected, self, labels)
        self.table = QTableView()
        self.table.setModel(self.rejected_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ROW, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(COL_REASON, 420)
        rejected_label = QLabel(
            self.tr("Rejected rows (fix them in the workbook and import it again):")
            if rejected
            else self.tr("No row was rejected.")
        )

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
        layout.addWidget(rejected_label)
        layout.addWidget(self.table, 1)
        self.section_lists: dict[str, QListWidget] = {}
        for section in sections:
            if not section.lines:
                continue
            label = QLabel(section.title)
            label.setWordWrap(True)
            lines = QListWidget()
            lines.addItems([str(line) for line in section.lines])
            lines.setMaximumHeight(140)
            lines.setObjectName(section.key)
            layout.addWidget(label)
            layout.addWidget(lines)
            self.section_lists[section.key] = lines
        layout.addWidget(self.buttons)
        self.table.setVisible(rejected > 0)
        self.report_job: jobs.Job | None = None

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
