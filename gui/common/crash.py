"""Unexpected errors: the traceback goes to the log, the clerk gets a Vietnamese dialog.

:func:`install` (called by ``gui.app.run_gui``) sends to :func:`report`:

- exceptions that reach ``sys.excepthook`` (a slot, an event handler or a paint event of
  ours that raised; PySide hands those to the hook and the program goes on),
- exceptions of Python threads (``threading.excepthook``),

and Qt's own messages (warnings and worse) to the log through ``qInstallMessageHandler``.
Background jobs (gui.common.jobs) and ``widgets.error_text`` report the unexpected errors
they meet here too. Errors whose message is for the user (UserError, DatabaseError) and
file errors (OSError) are not unexpected: they get their own message box.

Every report is logged (the full traceback the first few times an error repeats, one line
after that). The dialog is shown on the next turn of the event loop, never inside the
handler that failed, and at most once per kind of error (type and place): an exception in a
paint event repeats on every repaint, and one dialog is enough. While a dialog is open, later
errors are only logged and counted in it.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QThread,
    QTimer,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from core.common import logs

log = logging.getLogger("socongdoan.crash")
qt_log = logging.getLogger("qt")

# The first this many reports of one kind of error are logged with their traceback.
FULL_TRACEBACKS = 10
# At most this many crash dialogs in one session (each kind of error once).
MAX_DIALOGS = 5

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class _State:
    def __init__(self) -> None:
        self.database: Path | None = None
        self.counts: Counter[tuple] = Counter()
        self.shown: set[tuple] = set()
        self.dialogs = 0
        self.dialog: CrashDialog | None = None
        self.pending = False
        self.more = 0
        self.after_close: list[Callable[[], None]] = []
        self.bridge: _Bridge | None = None
        self.hooks: _Hooks | None = None


_state = _State()


def set_database_path(path: Path | None) -> None:
    """The database the window works on (named in the details)."""
    _state.database = Path(path) if path else None


def is_unexpected(exc: BaseException) -> bool:
    """Not a refusal meant for the user (UserError, DatabaseError) nor a file error."""
    from core.common.errors import UserError

    if isinstance(exc, UserError | OSError):
        return False
    database_error = _database_error()
    return database_error is None or not isinstance(exc, database_error)


def _database_error() -> type[BaseException] | None:
    # Only a loaded database layer can have raised one; loading it here would slow the
    # report of an error at start-up for nothing.
    if "db.migrate" not in sys.modules:
        return None
    from core.common.database import DatabaseError

    return DatabaseError


def signature(exc: BaseException) -> tuple:
    """The kind of an error: its type and the innermost place it was raised."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    where = (tb.tb_frame.f_code.co_filename, tb.tb_lineno) if tb is not None else ("", 0)
    return (type(exc).__module__, type(exc).__qualname__, *where)


def log_exception(exc: BaseException, where: str = "") -> int:
    """Write ``exc`` to the log; how many times this kind of error has been seen."""
    key = signature(exc)
    _state.counts[key] += 1
    count = _state.counts[key]
    place = f" ({where})" if where else ""
    with contextlib.suppress(Exception):  # a failing log must not hide the error
        if count <= FULL_TRACEBACKS:
            log.error("Unexpected error%s\n%s", place, logs.format_exception(exc))
        else:
            log.error("Unexpected error%s, again (%d times so far): %s: %s",
                      place, count, type(exc).__qualname__, exc)
    return count


def details(exc: BaseException, where: str = "") -> str:
    """What "Copy details" copies: versions, machine, database, log and the traceback."""
    import PySide6

    extra: dict[str, object] = {
        "PySide6": PySide6.__version__,
        "Qt": qVersion(),
        "Database": _state.database or "-",
        "Log": logs.log_file() if logs.file_handler() else "-",
        "Time": datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    if where:
        extra["Where"] = where
    return "\n".join(logs.environment(**extra)) + "\n\n" + logs.format_exception(exc) + "\n"


def _log_path() -> Path | None:
    handler = logs.file_handler()
    return Path(handler.baseFilename) if handler is not None else None


def _in_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


def report(
    exc: BaseException,
    parent: QWidget | None = None,
    *,
    where: str = "",
    fatal: bool = False,
    on_closed: Callable[[], None] | None = None,
) -> None:
    """Log ``exc`` and tell the user in a :class:`CrashDialog` (shown a moment later).

    Safe from any thread (a worker's report is passed to the GUI thread). ``fatal``: the
    program stops after the dialog; it is always shown then. ``on_closed`` runs when the
    dialog is closed, or at once (on the next turn of the event loop) if none is shown.
    """
    try:
        log_exception(exc, where)
        if not isinstance(QCoreApplication.instance(), QApplication):
            if on_closed is not None:
                on_closed()
        elif not _in_gui_thread():
            if _state.bridge is not None:
                _state.bridge.request.emit(exc, (where, fatal, on_closed))
        else:
            _schedule(exc, parent, where, fatal, on_closed)
    except Exception:  # noqa: BLE001 - reporting an error must never raise another
        with contextlib.suppress(Exception):
            log.exception("The crash report itself failed")


def _schedule(exc, parent, where, fatal, on_closed) -> None:
    if on_closed is not None:
        _state.after_close.append(on_closed)
    if _state.dialog is not None or _state.pending:
        _state.more += 1
        if _state.dialog is not None:
            _state.dialog.set_more(_state.more)
        return
    key = signature(exc)
    if not fatal and (key in _state.shown or _state.dialogs >= MAX_DIALOGS):
        QTimer.singleShot(0, _closed)
        return
    _state.shown.add(key)
    _state.dialogs += 1
    _state.pending = True
    _state.more = 0
    text = details(exc, where)
    QTimer.singleShot(0, lambda: _show(text, parent, fatal))


def _show(text: str, parent, fatal: bool) -> None:
    import shiboken6

    _state.pending = False
    if parent is not None and not shiboken6.isValid(parent):
        parent = None
    dialog = CrashDialog(text, _log_path(), fatal=fatal, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    _state.dialog = dialog
    if _state.more:
        dialog.set_more(_state.more)
    dialog.finished.connect(_closed)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def _closed(_result: int = 0) -> None:
    """The dialog was closed (or none was shown): run what waited for it."""
    _state.dialog = None
    callbacks, _state.after_close = _state.after_close, []
    for callback in callbacks:
        callback()


def current_dialog() -> CrashDialog | None:
    """The crash dialog on screen, if any (for tests)."""
    return _state.dialog


class CrashDialog(QDialog):
    """What happened in plain Vietnamese, the log file's path, and "Copy details"."""

    def __init__(self, details_text: str, log_path: Path | None, *, fatal: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details_text = details_text
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(600)

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.heading = QLabel(self.tr("An unexpected error occurred in the program."))
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        if fatal:
            body = self.tr(
                "The program cannot go on and will close. The data saved earlier is not lost. "
                "Open the program again; if the error comes back, press “Copy details” and send "
                "them to whoever supports the program.")
        else:
            body = self.tr(
                "The data saved earlier is not lost: an operation interrupted by an error "
                "changes nothing in the database. You can go on working; if the error comes "
                "back, press “Copy details” and send them to whoever supports the program.")
        self.message = QLabel(body)
        self.message.setWordWrap(True)

        self.log_caption = QLabel()
        self.log_caption.setWordWrap(True)
        self.log_path = QLineEdit()
        self.log_path.setReadOnly(True)
        self.folder_button = QPushButton(self.tr("Open log folder"))
        if log_path is not None:
            self.log_caption.setText(self.tr("The details have also been written to the log file:"))
            self.log_path.setText(str(log_path))
            self.log_path.setCursorPosition(0)
            self.folder_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path.parent))))
        else:
            self.log_caption.setText(self.tr("The log file could not be written; copy the details instead."))
            self.log_path.hide()
            self.folder_button.hide()

        self.more = QLabel()
        self.more.setWordWrap(True)
        self.more.hide()
        self.copied = QLabel(self.tr("Copied. Paste them (Ctrl+V) into an email or a message."))
        self.copied.setWordWrap(True)
        self.copied.setStyleSheet("color: #1b5e20;")
        self.copied.hide()

        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)

        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.message)
        text.addSpacing(6)
        text.addWidget(self.log_caption)
        text.addWidget(self.log_path)
        text.addWidget(self.more)
        text.addWidget(self.copied)
        top = QHBoxLayout()
        top.addWidget(icon, 0)
        top.addLayout(text, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(6)
        layout.addLayout(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text)
        self.copied.show()

    def set_more(self, count: int) -> None:
        self.more.setText(self.tr("More errors occurred meanwhile: {0}. They are in the log too.").format(count))
        self.more.show()


class _Bridge(QObject):
    """Carries a report from a worker thread to the GUI thread."""

    request = Signal(object, object)

    @Slot(object, object)
    def show(self, exc: BaseException, args: tuple) -> None:
        where, fatal, on_closed = args
        _schedule(exc, None, where, fatal, on_closed)


class _Hooks:
    def __init__(self) -> None:
        self.sys_hook = sys.excepthook
        self.thread_hook = threading.excepthook
        self.qt_handler = None
        self.log_path: Path | None = None
        self.own_logging = False


def _excepthook(exc_type, exc, tb) -> None:
    hooks = _state.hooks
    if exc is None:
        exc = exc_type()
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    if not issubclass(exc_type, KeyboardInterrupt):
        report(exc, where="event handler")
    _chain(hooks.sys_hook if hooks else None, exc_type, exc, tb)


def _thread_excepthook(args) -> None:
    hooks = _state.hooks
    if args.exc_type is not SystemExit and args.exc_value is not None:
        name = args.thread.name if args.thread is not None else "?"
        report(args.exc_value, where=f"thread {name}")
    if hooks is not None and hooks.thread_hook is not None:
        with contextlib.suppress(Exception):
            hooks.thread_hook(args)


def _chain(previous, *args) -> None:
    if previous is None or (previous is sys.__excepthook__ and sys.stderr is None):
        return  # the windowed program has no console
    with contextlib.suppress(Exception):
        previous(*args)


def _qt_message(mode, context, message: str) -> None:
    try:
        level = _QT_LEVELS.get(mode, logging.WARNING)
        category = context.category or "default"
        place = f" ({context.file}:{context.line})" if context.file else ""
        qt_log.log(level, "%s: %s%s", category, message, place)
        hooks = _state.hooks
        if hooks is not None and hooks.qt_handler is not None:
            hooks.qt_handler(mode, context, message)
        elif level >= logging.WARNING and sys.stderr is not None:
            sys.stderr.write(f"{message}\n")
    except Exception:  # noqa: BLE001 - Qt calls this from anywhere; it must not raise
        pass


def install(log_directory: Path | None = None) -> Path | None:
    """Log to the rotating file and catch unexpected errors; the log file's path.

    Idempotent. Call from the GUI thread once a QApplication exists.
    """
    if _state.hooks is not None:
        return _state.hooks.log_path
    hooks = _Hooks()
    hooks.own_logging = logs.file_handler() is None
    hooks.log_path = logs.setup_logging(log_directory)
    _state.bridge = _Bridge()
    _state.bridge.request.connect(_state.bridge.show)
    _state.hooks = hooks
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    hooks.qt_handler = qInstallMessageHandler(_qt_message)
    log.info("Started: %s", "; ".join(logs.environment(Qt=qVersion())))
    return hooks.log_path


def uninstall() -> None:
    """Put back the hooks :func:`install` replaced (the end of run_gui, tests)."""
    hooks = _state.hooks
    if hooks is None:
        return
    if sys.excepthook is _excepthook:
        sys.excepthook = hooks.sys_hook
    if threading.excepthook is _thread_excepthook:
        threading.excepthook = hooks.thread_hook
    qInstallMessageHandler(hooks.qt_handler)
    _state.hooks = None
    if hooks.own_logging:
        logs.remove_logging()


def reset() -> None:
    """Forget which errors were shown (tests); closes a dialog still open."""
    dialog = _state.dialog
    if dialog is not None:
        dialog.close()
    _state.counts.clear()
    _state.shown.clear()
    _state.dialogs = _state.more = 0
    _state.dialog = None
    _state.pending = False
    _state.after_close = []
