"""Unexpected errors: logged with their traceback, explained in a Vietnamese dialog with
"Sao chép chi tiết"; never the exception's own text on screen; one dialog per kind of error."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEventLoop, QTimer, qCritical, qWarning
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget

from core.common import logs
from core.common.errors import UserError
from core.common.version import __version__
from gui.common import crash, jobs, widgets
from tests.gui.test_translations import (
    REAL_SHOW_ERROR,
    _english_patterns,
    english_on_screen,
    visible_texts,
)

HEADING = "Đã xảy ra lỗi ngoài dự kiến trong chương trình."


@pytest.fixture
def reporter(tmp_path, monkeypatch, qapp):
    """The hooks of the window installed, logging into a folder of this test."""
    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(folder))
    logs.remove_logging()
    crash.reset()
    path = crash.install()
    crash.set_database_path(tmp_path / "so-cong-doan.sqlite")
    assert path == folder / "socongdoan.log"
    yield path
    crash.reset()
    crash.uninstall()
    crash.set_database_path(None)
    logs.remove_logging()


def log_text(path) -> str:
    logs.file_handler().flush()
    return path.read_text(encoding="utf-8")


def wait_for_dialog(qtbot) -> crash.CrashDialog:
    qtbot.waitUntil(lambda: crash.current_dialog() is not None and crash.current_dialog().isVisible(), timeout=5000)
    return crash.current_dialog()


def assert_explained_in_vietnamese(dialog: crash.CrashDialog, *hidden: str) -> None:
    texts = visible_texts(dialog)
    assert dialog.windowTitle() == "Lỗi ngoài dự kiến"
    assert dialog.heading.text() == HEADING
    assert "Dữ liệu đã lưu trước đó không bị mất" in dialog.message.text()
    assert english_on_screen(dialog, _english_patterns()) == []
    assert [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()] == [
        "Sao chép chi tiết", "Mở thư mục nhật ký", "Đóng"]
    for text in hidden:  # the exception's own (English) words are not shown
        assert not any(text in t for t in texts), text


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_logged_and_explained(qtbot, reporter, tmp_path):
    button = QPushButton("Lưu")
    qtbot.addWidget(button)

    def save_the_form():
        raise ValueError("invalid literal for int() with base 10: 'abc'")

    button.clicked.connect(save_the_form)
    button.click()

    text = log_text(reporter)
    assert "Unexpected error (event handler)\nTraceback (most recent call last):" in text
    assert "in save_the_form" in text and "ValueError: invalid literal for int()" in text

    dialog = wait_for_dialog(qtbot)
    assert_explained_in_vietnamese(dialog, "ValueError", "invalid literal", "Traceback")
    assert dialog.log_path.text() == str(reporter) and dialog.log_path.isReadOnly()

    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"Sổ Công đoàn {__version__}\nOS: ")
    for expected in ("\nPython: 3.11", "\nPySide6: ", "\nQt: 6.", f"\nDatabase: {tmp_path / 'so-cong-doan.sqlite'}\n",
                     f"\nLog: {reporter}\n", "Traceback (most recent call last):", "in save_the_form",
                     "ValueError: invalid literal for int() with base 10: 'abc'"):
        assert expected in copied
    assert dialog.copied.isVisible()
    assert dialog.copied.text().startswith("Đã sao chép.")

    # Nothing is cut: every wrapped label has the height its text needs.
    qtbot.waitExposed(dialog)
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    image = dialog.grab()
    assert not image.isNull() and image.width() >= 600
    image.save(str(tmp_path / "crash.png"))

    dialog.close_button.click()
    qtbot.waitUntil(lambda: crash.current_dialog() is None)


@pytest.mark.qt_no_exception_capture
def test_an_error_repeating_in_paint_events_shows_one_dialog_and_logs_every_one(qtbot, reporter):
    class Broken(QWidget):
        def paintEvent(self, event):  # noqa: N802
            raise ZeroDivisionError("division by zero")

    def paint_again(times: int) -> None:  # through the event loop, as a window repaints
        for _ in range(times):
            widget.update()
            QApplication.processEvents()

    widget = Broken()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    paint_again(3)
    dialog = wait_for_dialog(qtbot)
    paint_again(crash.FULL_TRACEBACKS + 5)
    qtbot.wait(50)
    dialogs = [w for w in QGuiApplication.topLevelWindows() if w.isVisible() and w.title() == dialog.windowTitle()]
    assert len(dialogs) == 1
    assert dialog.more.isVisible()
    seen = crash._state.counts[next(iter(crash._state.shown))]
    assert seen >= 3 + crash.FULL_TRACEBACKS + 5
    assert dialog.more.text() == f"Sau đó còn xảy ra thêm {seen - 1} lỗi; các lỗi này cũng đã được ghi vào nhật ký."

    text = log_text(reporter)
    assert text.count("Traceback (most recent call last)") == crash.FULL_TRACEBACKS
    assert text.count("Unexpected error (event handler), again (") == seen - crash.FULL_TRACEBACKS

    # Closed, the same error again is logged but not shown again.
    dialog.close_button.click()
    qtbot.waitUntil(lambda: crash.current_dialog() is None)
    paint_again(1)
    qtbot.wait(50)
    assert crash.current_dialog() is None
    assert log_text(reporter).count("Unexpected error (event handler)") == seen + 1


def test_a_failing_background_job_shows_the_crash_dialog_not_its_text(qtbot, reporter, messages):
    def work(ctx):
        return {"a": 1}["b"]

    job = jobs.run_job(work)
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    dialog = wait_for_dialog(qtbot)
    assert messages.errors == []  # no second message box
    assert_explained_in_vietnamese(dialog, "KeyError", "'b'")
    text = log_text(reporter)
    assert "Traceback (most recent call last):" in text and "in work" in text and "KeyError: 'b'" in text

    # A refusal from a job is still its own Vietnamese message, not the crash dialog.
    dialog.close()
    job = jobs.run_job(lambda ctx: (_ for _ in ()).throw(UserError("Tệp không đúng mẫu.")))
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    assert messages.errors == ["Tệp không đúng mẫu."]
    assert crash.current_dialog() is None


def test_error_text_reports_an_unexpected_error_and_shows_no_second_box(qtbot, reporter, monkeypatch):
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: boxes.append(self) or 0)
    try:
        raise RuntimeError("cursor needed to be reset")
    except RuntimeError as exc:
        text = widgets.error_text(exc)
    assert text == "Đã xảy ra lỗi ngoài dự kiến; chi tiết có trong thông báo lỗi và tệp nhật ký."
    REAL_SHOW_ERROR(None, text)  # callers that put error_text into a message box
    assert boxes == []
    dialog = wait_for_dialog(qtbot)
    assert_explained_in_vietnamese(dialog, "RuntimeError", "cursor needed")
    assert "RuntimeError: cursor needed to be reset" in log_text(reporter)

    # Refusals and file errors keep their Vietnamese messages.
    assert widgets.error_text(UserError("Mã đơn vị đã có.")) == "Mã đơn vị đã có."
    assert widgets.error_text(PermissionError(13, "Permission denied", "D:\\so.xlsx")) == (
        "Không dùng được tệp: có thể tệp đang mở trong một chương trình khác (như Excel), hoặc "
        "bạn không có quyền với tệp. Hãy đóng tệp rồi thử lại.\nTệp: D:\\so.xlsx")
    assert widgets.error_text(FileNotFoundError(2, "No such file", "a.xlsx")).startswith("Tệp không tồn tại")
    assert crash.current_dialog() is dialog


def test_qt_messages_reach_the_log(qtbot, reporter):
    qWarning("Cảnh báo thử của Qt")
    qCritical("Lỗi nghiêm trọng thử của Qt")
    text = log_text(reporter)
    assert "WARNING [" in text and "] qt: default: Cảnh báo thử của Qt" in text
    assert "ERROR [" in text and "] qt: default: Lỗi nghiêm trọng thử của Qt" in text
    assert crash.current_dialog() is None  # Qt's messages are logged, not shown


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_an_error_in_a_thread_is_logged_and_shown_on_the_gui_thread(qtbot, reporter):
    def run():
        raise LookupError("backup thread")

    thread = threading.Thread(target=run, name="sao-luu")
    thread.start()
    thread.join()
    dialog = wait_for_dialog(qtbot)
    assert_explained_in_vietnamese(dialog, "LookupError")
    assert "Unexpected error (thread sao-luu)" in log_text(reporter)
    assert "LookupError: backup thread" in log_text(reporter)


def test_an_unexpected_error_opening_the_database_is_explained_then_the_app_stops(
        qtbot, tmp_path, monkeypatch):
    import core.common.database
    from gui import app as gui_app

    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "logs"))
    logs.remove_logging()
    crash.reset()
    critical = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: critical.append(a)))

    def broken(path):
        raise AttributeError("'NoneType' object has no attribute 'execute'")

    monkeypatch.setattr(core.common.database, "open_app_database", broken)
    seen = []

    def close_dialog():
        dialog = crash.current_dialog()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, close_dialog)
            return
        seen.append(dialog.message.text())
        seen.extend(visible_texts(dialog))
        dialog.close_button.click()

    QTimer.singleShot(20, close_dialog)
    try:
        assert gui_app.run_gui(tmp_path / "so.sqlite") == 1
    finally:
        crash.reset()
        logs.remove_logging()
    # The window is gone and left nothing behind that would end the next event loops (a
    # Quit event still queued: each later loop would return -1 at once).
    QApplication.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(20, lambda: loop.exit(7))
    assert loop.exec() == 7
    assert critical == []
    assert seen[0].startswith("Chương trình không thể tiếp tục và sẽ đóng lại.")
    assert not any("NoneType" in t or "AttributeError" in t for t in seen)
    text = (tmp_path / "logs" / "socongdoan.log").read_text(encoding="utf-8")
    assert "Unexpected error (opening the database)" in text and "in broken" in text
    assert "Started: Sổ Công đoàn" in text
