"""One preview-then-commit import flow for every importer (units, members, initiatives,
targets; fund ledgers, nominee lists and sync packages the same way).

    file dialog → dry run in the background (progress, cancel) → preview (counts, rejected
    rows with reasons, the import's own sections and options, "save report") → the real
    import in the background → a message → ``bus.notify(changes)``

A feature describes its import with an :class:`ImportSpec` and starts a flow::

    spec = ImportSpec(
        what=self.tr("members"), title=self.tr("Import members from a workbook"),
        run=core.org.importing.import_members,     # run(db, path, *, dry_run, progress,
        changes=Changes(units=True, members=True), #     is_cancelled, **options) -> ImportResult
    )
    flow = ImportFlow(self, db, spec, show_message=self.message_bar.show_message)
    flow.imported.connect(self.reload)             # the page's own refresh, if it wants one
    flow.start()                                   # or flow.check(path) without the file dialog

The importer runs its own transaction: the dry run does the same work and rolls back, so
cancelling at any step — the file dialog, the check, the preview, the import — saves nothing.
A failure (not a workbook, a missing sheet…) is shown once, in Vietnamese, through
:mod:`gui.common.widgets`; no preview opens. Only the GUI thread touches widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from core.common.changes import Changes
from core.common.database import BACKING_UP, IMPORTING
from gui.common import file_dialogs, jobs, widgets
from gui.common.formatting import format_int
from gui.common.import_preview import ImportOptions, ImportPreviewDialog, PreviewSection

if TYPE_CHECKING:  # core.common.workbook is imported when an import runs
    from core.common.workbook.columns import Column


__all__ = ["ImportFlow", "ImportOptions", "ImportSpec", "PreviewSection", "find_bus"]


@dataclass(frozen=True)
class ImportSpec:
    """What one import is; everything but ``run`` is for the screens.

    ``run(db, path, *, dry_run, progress, is_cancelled, **options)`` is the core importer
    (returns an ``ImportResult``; raises ``core.common.errors.Cancelled`` when ``is_cancelled()`` turns
    true, ``UserError`` with a Vietnamese message for a bad file).
    """

    what: str  # what the rows are, plural and translated: "đơn vị", "sáng kiến"
    title: str  # the file dialog's title: "Nhập đơn vị từ bảng tính"
    run: Callable[..., Any]
    changes: Changes | Callable[[Any], Changes]  # what a real import changed (of its result)
    file_filter: str = ""  # "" = workbooks (*.xlsx *.xls *.ods)
    options: Mapping[str, Any] = field(default_factory=dict)  # keywords for ``run``
    # The preview's extra content, from the dry run's result:
    sections: Callable[[Any], Sequence[PreviewSection]] | None = None
    # Option controls above the preview, made from the current options; changing one
    # checks the file again with ``ImportOptions.values()`` merged into ``options``.
    option_controls: Callable[[Mapping[str, Any]], ImportOptions] | None = None
    # The importer's columns (core.common.workbook.Column), to name the values of rejected
    # rows in the preview and the report; a callable when they depend on the result.
    columns: Sequence[Column] | Callable[[Any], Sequence[Column]] | None = None
    # A sentence added after "Imported N …; N skipped, N rejected." (e.g. duplicates).
    done_note: Callable[[Any], str] | None = None


def find_bus(widget: QWidget | None):
    """The change bus of ``widget`` or of the nearest parent that has one, and that widget."""
    while widget is not None:
        bus = getattr(widget, "bus", None)
        if bus is not None:
            return bus, widget
        widget = widget.parentWidget()
    return None, None


class ImportFlow(QObject):
    """One import, from choosing the file to the change notice.

    Signals (GUI thread): ``job_started(job)`` for each background step, ``previewed(dialog)``
    when the preview opens, ``imported(result)`` after the real import (before the notice),
    ``cancelled()`` when the user cancels a running step, ``failed(exception)`` after the
    error was shown.
    """

    job_started = Signal(object)
    previewed = Signal(object)
    imported = Signal(object)
    cancelled = Signal()
    failed = Signal(object)

    def __init__(self, parent: QWidget, db, spec: ImportSpec, *, bus=None, source: object | None = None,
                 show_message: Callable[[str], None] | None = None) -> None:
        """``bus``/``source``: where the change notice goes and who sends it (default: the
        nearest widget from ``parent`` up that has a ``bus``). ``show_message``: how the
        outcome is told (default: an information box over ``parent``)."""
        super().__init__(parent)
        self._parent = parent
        self._db = db
        self.spec = spec
        found_bus, owner = find_bus(parent)
        self.bus = bus if bus is not None else found_bus
        self.source = source if source is not None else (owner if owner is not None else parent)
        self._show_message = show_message
        self.options: dict[str, Any] = dict(spec.options)
        self.path: Path | None = None
        self.result = None  # the last dry run's result, then the real import's
        self.preview_dialog: ImportPreviewDialog | None = None
        self.last_job: jobs.Job | None = None

    # --- steps -------------------------------------------------------------------------------
    def start(self) -> jobs.Job | None:
        """Ask for the file, then check it (None: the user chose no file)."""
        path = file_dialogs.open_file(
            self._parent, self.spec.title, file_dialogs.FileKind.IMPORT,
            [self.spec.file_filter or self.tr("Workbooks (*.xlsx *.xls *.ods)")])
        return self.check(path) if path else None

    def check(self, path: Path | str, **options: Any) -> jobs.Job:
        """The dry run in the background, then the preview; ``options`` update the importer's."""
        self.path = Path(path)
        self.options.update(options)
        return self._run(dry_run=True, label=self.tr("Checking {0}…"), on_success=self._show_preview)

    def commit(self) -> jobs.Job:
        """The real import of the file last checked, with the same options."""
        if self.path is None:
            raise RuntimeError("commit() before check()")
        return self._run(dry_run=False, label=self.tr("Importing {0}…"), on_success=self._done)

    def _run(self, *, dry_run: bool, label: str, on_success) -> jobs.Job:
        run, db, path, options = self.spec.run, self._db, self.path, dict(self.options)
        label = label.format(path.name)
        # A real import first copies the database ("before import" backup, core): seconds on
        # a large file, said as such rather than "Importing … 0%".
        phases = {BACKING_UP: self.tr("Backing up before the import…"), IMPORTING: label}

        def work(ctx: jobs.JobContext):
            def on_phase(phase: str) -> None:
                ctx.say(phases.get(phase, label))

            with db.importing(path, on_phase=on_phase):
                return run(db, path, dry_run=dry_run, progress=ctx.progress,
                           is_cancelled=ctx.is_cancelled, **options)

        self.last_job = jobs.run_with_progress(
            self._parent, label, work,
            on_success=on_success, on_failure=self._failed, on_cancelled=self._cancelled,
        )
        self.job_started.emit(self.last_job)
        return self.last_job

    # --- outcomes ----------------------------------------------------------------------------
    def _show_preview(self, result) -> None:
        self.result = result
        spec = self.spec
        options = spec.option_controls(dict(self.options)) if spec.option_controls else None
        sections = list(spec.sections(result)) if spec.sections else []
        columns = spec.columns(result) if callable(spec.columns) else spec.columns
        old = self.preview_dialog
        dialog = ImportPreviewDialog(result, self.path, spec.what, parent=self._parent,
                                     sections=sections, options=options, columns=columns)
        dialog.accepted.connect(self.commit)
        if options is not None:
            options.changed.connect(lambda: self._recheck(dialog))
        self.preview_dialog = dialog
        if old is not None and shiboken6.isValid(old):
            old.deleteLater()
        dialog.open()
        self.previewed.emit(dialog)

    def _recheck(self, dialog: ImportPreviewDialog) -> None:
        """An option changed in the preview: check the file again with it."""
        if dialog is not self.preview_dialog:
            return
        values = dialog.options.values()
        dialog.done(QDialog.DialogCode.Rejected)
        self.check(self.path, **values)

    def _done(self, result) -> None:
        self.result = result
        self.imported.emit(result)
        text = self.tr("Imported {0} {1}; {2} skipped, {3} rejected.").format(
            format_int(len(result.accepted)), self.spec.what,
            format_int(len(result.skipped)), format_int(len(result.rejected)),
        )
        note = self.spec.done_note(result) if self.spec.done_note else ""
        text = f"{text} {note}" if note else text
        undo = self._undo_hint() if len(result.accepted) else ""
        self._tell(f"{text} {undo}" if undo else text)
        changes = self.spec.changes(result) if callable(self.spec.changes) else self.spec.changes
        if self.bus is not None:
            self.bus.notify(changes, source=self.source)

    def _undo_hint(self) -> str:
        """How to take the import back (it has no undo): the copy core took just before it."""
        path = getattr(self._db, "path", None)
        if path is None:
            return ""
        from core.common import backups

        try:
            taken = [b for b in backups.list_backups(path) if b.kind == "import"]
        except OSError:
            return ""
        if not taken:
            return ""
        return self.tr("To undo it: File ▸ Restore from a backup…, the copy “Before an import” of {0}.").format(
            f"{taken[0].taken:%H:%M %d/%m/%Y}")

    def _cancelled(self) -> None:
        self._tell(self.tr("Import cancelled; nothing was saved."))
        self.cancelled.emit()

    def _failed(self, exc: BaseException) -> None:
        widgets.report_error(self._parent, exc)
        self.failed.emit(exc)

    def _tell(self, text: str) -> None:
        if self._show_message is not None:
            self._show_message(text)
        else:
            widgets.show_info(self._parent, text)

    def dispose(self) -> None:
        """Let go of an idle flow (its preview too) when a new import starts."""
        if self.last_job is not None and self.last_job.running:
            return
        if self.preview_dialog is not None and shiboken6.isValid(self.preview_dialog):
            self.preview_dialog.deleteLater()
        self.preview_dialog = None
        self.deleteLater()
