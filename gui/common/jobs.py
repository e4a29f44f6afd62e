"""Background jobs: long work off the GUI thread, with progress, cancel and callbacks.

The idea of Anki's ``aqt.operations``: the work is a plain callable that never touches a
widget; it runs on a worker thread and gets a :class:`JobContext` to report progress and
to ask whether the user cancelled. Its result (or exception) comes back to the GUI thread
through a queued signal, where the callbacks run. A job that touches the database opens
its own transaction inside the callable by calling a core use case (``core/<feature>/ops.py``)
and returns plain values, never ORM objects.

    job = run_with_progress(
        parent, tr("Checking the workbook…"),
        lambda ctx: import_units(db, path, dry_run=True,
                                 progress=ctx.progress, is_cancelled=ctx.is_cancelled),
        on_success=show_preview,
    )
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.common import crash, widgets

log = logging.getLogger(__name__)

# A progress report is passed on at most this often (a loop may report 100,000 times).
PROGRESS_INTERVAL_S = 0.05


class JobContext:
    """What the work sees of the job: ``progress(done, total)``, ``say(text)`` (a new label
    for the step under way, its bar busy until the next report) and ``is_cancelled()``.

    All are safe to call from the worker thread; none touches a widget.
    """

    def __init__(self, report: Callable[[int, int], None], cancel_event: threading.Event,
                 say: Callable[[str], None] | None = None):
        self._report = report
        self._cancel = cancel_event
        self._say = say
        self._last = 0.0

    def say(self, text: str) -> None:
        if self._say is not None:
            self._say(text)

    def progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL_S:
            self._last = now
            self._report(int(done), int(total))

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job

    def run(self) -> None:  # worker thread: no widgets, only signals
        job = self._job
        try:
            result = job._fn(job.context)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            if job.context.is_cancelled():
                job._outcome.emit("cancelled", exc)
            else:
                job._outcome.emit("failed", exc)
        else:
            job._outcome.emit("succeeded", result)


class Job(QObject):
    """One piece of background work. Signals arrive on the GUI thread.

    Exactly one of ``succeeded(result)``, ``failed(exception)`` or ``cancelled()`` is
    emitted, then ``finished()``. Work that ends normally after a cancel request still
    counts as succeeded (it did finish: nothing is pretended away); work that raises after
    a cancel request counts as cancelled.
    """

    progressed = Signal(int, int)
    relabelled = Signal(str)  # the step under way changed (JobContext.say)
    ending = Signal()  # just before the outcome: progress displays close here
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    _outcome = Signal(str, object)
    _progress = Signal(int, int)
    _label = Signal(str)

    # Jobs keep themselves alive until their outcome is delivered.
    _active: set[Job] = set()

    def __init__(self, fn: Callable[[JobContext], Any]) -> None:
        super().__init__()
        self._fn = fn
        self._cancel = threading.Event()
        self.context = JobContext(self._progress.emit, self._cancel, self._label.emit)
        self._outcome.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self.progressed, Qt.ConnectionType.QueuedConnection)
        self._label.connect(self.relabelled, Qt.ConnectionType.QueuedConnection)
        self.running = False
        self.outcome: str | None = None

    def start(self, pool: QThreadPool | None = None) -> Job:
        self.running = True
        Job._active.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancel_requested(self) -> bool:
        return self._cancel.is_set()

    @Slot(str, object)
    def _deliver(self, outcome: str, value: object) -> None:
        self.running = False
        self.outcome = outcome
        try:
            self.ending.emit()
            if outcome == "succeeded":
                self.succeeded.emit(value)
            elif outcome == "failed":
                self.failed.emit(value)
            else:
                self.cancelled.emit()
        finally:
            self.finished.emit()
            Job._active.discard(self)


def cancel_all_jobs(wait_ms: int = 10_000) -> None:
    """Ask every running job to stop and wait for the workers (on quit)."""
    for job in list(Job._active):
        job.cancel()
    QThreadPool.globalInstance().waitForDone(wait_ms)


def _connect_callbacks(job, owner, on_success, on_failure, on_cancelled) -> None:
    def alive() -> bool:
        return owner is None or shiboken6.isValid(owner)

    def succeeded(result):
        if on_success and alive():
            on_success(result)

    def failed(exc):
        if not alive():
            if crash.is_unexpected(exc):
                crash.log_exception(exc, "background job, its window closed")
            else:
                log.warning("job failed after its window closed: %s", exc)
            return
        if on_failure:
            on_failure(exc)
        else:
            widgets.report_error(owner, exc)

    def cancelled():
        if on_cancelled and alive():
            on_cancelled()

    job.succeeded.connect(succeeded)
    job.failed.connect(failed)
    job.cancelled.connect(cancelled)


def run_job(
    fn: Callable[[JobContext], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    owner: QWidget | None = None,
) -> Job:
    """Start ``fn`` in the background; callbacks run on the GUI thread.

    A failure without ``on_failure`` is shown in a message box (an unexpected one in the
    crash dialog, see gui.common.crash). If ``owner`` (a widget)
    has been destroyed by the time the job ends, the callbacks are skipped.
    """
    job = Job(fn)
    _connect_callbacks(job, owner, on_success, on_failure, on_cancelled)
    return job.start()


class ProgressDialog(QDialog):
    """Modal progress for one job, with a "Hủy" button (Esc does the same).

    Shown only if the job takes longer than ``delay_ms``, so quick jobs do not flash.
    It cannot be closed while the job runs: cancelling asks the work to stop and waits.
    """

    def __init__(self, job: Job, label: str, parent: QWidget | None = None, delay_ms: int = 250):
        super().__init__(parent)
        self._job = job
        self.setWindowTitle(self.tr("Please wait"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(380)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first report
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.request_cancel)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addLayout(row)
        job.progressed.connect(self.set_progress)
        job.relabelled.connect(self.set_label)
        job.ending.connect(self._job_finished)
        self._show_timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._show_timer.timeout.connect(self._show_if_running)
        self._show_timer.start()

    @Slot(int, int)
    def set_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.bar.setRange(0, 0)
            return
        self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))

    @Slot(str)
    def set_label(self, text: str) -> None:
        """A new step: its label, the bar busy until the step reports progress."""
        if self._job.is_cancel_requested():
            return  # "Cancelling…" stays
        self.label.setText(text)
        self.bar.setRange(0, 0)

    def request_cancel(self) -> None:
        if not self._job.running:
            return
        self._job.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling… nothing will be saved."))

    def reject(self) -> None:  # Esc
        self.request_cancel()

    def closeEvent(self, event) -> None:
        if self._job.running:
            self.request_cancel()
            event.ignore()
        else:
            super().closeEvent(event)

    def _show_if_running(self) -> None:
        if self._job.running:
            self.open()

    def _job_finished(self) -> None:
        self._show_timer.stop()
        self.done(QDialog.DialogCode.Accepted)
        self.deleteLater()


def run_with_progress(
    parent: QWidget | None,
    label: str,
    fn: Callable[[JobContext], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    delay_ms: int = 250,
) -> Job:
    """:func:`run_job` with a modal :class:`ProgressDialog` over ``parent``."""
    job = Job(fn)
    dialog = ProgressDialog(job, label, parent, delay_ms=delay_ms)
    job.dialog = dialog  # for tests and callers that want to cancel through the UI
    _connect_callbacks(job, parent, on_success, on_failure, on_cancelled)
    return job.start()
