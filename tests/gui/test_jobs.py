"""Background jobs: work on a worker thread, outcomes and progress on the GUI thread."""

from __future__ import annotations

import threading
import time

import shiboken6

from core.common.errors import UserError
from core.org import units as org
from db.models import UnitKind
from gui.common import crash, jobs


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple] = []
        self.threads: set[str] = set()

    def __call__(self, name):
        def record(*args):
            self.threads.add(threading.current_thread().name)
            self.events.append((name, *args))

        return record

    def names(self) -> list[str]:
        return [e[0] for e in self.events]


def test_success_arrives_on_the_gui_thread(qtbot):
    worker_threads = []
    rec = Recorder()

    def work(ctx):
        worker_threads.append(threading.current_thread().name)
        return 6 * 7

    job = jobs.run_job(work, on_success=rec("ok"), on_failure=rec("failed"), on_cancelled=rec("cancelled"))
    job.finished.connect(rec("finished"))
    qtbot.waitUntil(lambda: "finished" in rec.names(), timeout=5000)
    assert rec.events == [("ok", 42), ("finished",)]
    assert rec.threads == {threading.main_thread().name}
    assert worker_threads and worker_threads[0] != threading.main_thread().name
    assert job.outcome == "succeeded" and not job.running


def test_failure_arrives_with_the_exception(qtbot, messages):
    rec = Recorder()

    def work(ctx):
        raise UserError("Tệp không đúng mẫu.")

    jobs.run_job(work, on_failure=rec("failed"))
    qtbot.waitUntil(lambda: bool(rec.events), timeout=5000)
    [(name, exc)] = rec.events
    assert name == "failed" and isinstance(exc, UserError)
    assert rec.threads == {threading.main_thread().name}

    # Without a failure callback the message is shown as is (it is Vietnamese already).
    job = jobs.run_job(work)
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    assert messages.errors == ["Tệp không đúng mẫu."]

    # An unexpected error goes to the crash dialog (tests/gui/test_crash.py), not a message box.
    crash.reset()
    job = jobs.run_job(lambda ctx: 1 / 0)
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    qtbot.waitUntil(lambda: crash.current_dialog() is not None, timeout=5000)
    assert messages.errors == ["Tệp không đúng mẫu."]
    crash.reset()


class Stopped(Exception):
    pass


def test_cancel_is_polled_and_reported(qtbot):
    rec = Recorder()
    started = threading.Event()

    def work(ctx):
        started.set()
        for i in range(1000):
            if ctx.is_cancelled():
                raise Stopped()
            ctx.progress(i, 1000)
            time.sleep(0.005)
        return "finished anyway"

    job = jobs.run_job(work, on_success=rec("ok"), on_failure=rec("failed"), on_cancelled=rec("cancelled"))
    job.progressed.connect(rec("progress"))
    assert started.wait(5)
    qtbot.waitUntil(lambda: "progress" in rec.names(), timeout=5000)
    job.cancel()
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    assert rec.names()[-1] == "cancelled"
    assert "ok" not in rec.names() and "failed" not in rec.names()
    assert rec.threads == {threading.main_thread().name}


def test_progress_is_throttled_but_the_last_report_arrives(qtbot):
    rec = Recorder()

    def work(ctx):
        for i in range(1, 100_001):
            ctx.progress(i, 100_000)

    job = jobs.run_job(work)
    job.progressed.connect(rec("progress"))
    qtbot.waitUntil(lambda: job.outcome == "succeeded", timeout=5000)
    qtbot.waitUntil(lambda: bool(rec.events) and rec.events[-1] == ("progress", 100_000, 100_000), timeout=2000)
    assert len(rec.events) < 1000


def test_progress_dialog_cancel_button(qtbot):
    rec = Recorder()
    release = threading.Event()

    def work(ctx):
        while not ctx.is_cancelled():
            ctx.progress(1, 10)
            time.sleep(0.01)
        release.wait(5)
        raise Stopped()

    job = jobs.run_with_progress(None, "Đang kiểm tra tệp…", work, on_cancelled=rec("cancelled"), delay_ms=0)
    dialog = job.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert dialog.windowTitle() == "Vui lòng chờ"
    assert dialog.cancel_button.text() == "Hủy"
    qtbot.waitUntil(lambda: dialog.bar.maximum() == 10, timeout=5000)
    dialog.cancel_button.click()
    assert job.is_cancel_requested()
    assert dialog.label.text() == "Đang hủy… sẽ không có gì được lưu."
    dialog.close()  # cannot close while the work is still stopping
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: rec.events == [("cancelled",)], timeout=5000)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_job_runs_a_use_case_in_its_own_transaction_on_the_worker(qtbot, app_db):
    def work(session):
        unit = org.create_unit(
            session, org.UnitInput(code="VL-0100", name="CĐCS Bưu điện huyện", kind=UnitKind.GRASSROOTS, parent_code="VL")
        )
        return unit.code

    job = jobs.run_job(lambda ctx: app_db.run(work))
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    assert job.outcome == "succeeded"
    with app_db.reading() as s:
        assert org.find_by_code(s, "VL-0100").name == "CĐCS Bưu điện huyện"

    def failing(session):
        org.create_unit(session, org.UnitInput(code="VL-0101", name="Sẽ không lưu", kind=UnitKind.GRASSROOTS, parent_code="VL"))
        raise UserError("Dừng giữa chừng.")

    job = jobs.run_job(lambda ctx: app_db.run(failing), on_failure=lambda exc: None)
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=5000)
    with app_db.reading() as s:
        assert org.find_by_code(s, "VL-0101") is None
