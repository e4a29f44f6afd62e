"""The log (core.common.logs), the version, and what the commands do with an unexpected error."""

from __future__ import annotations

import logging
import os
import tomllib
from pathlib import Path

import pytest

import main
from core.common import logs
from core.common.paths import APP_NAME
from core.common.version import __version__

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(folder))
    before = logs.file_handler()
    logs.remove_logging()
    yield folder
    logs.remove_logging()
    if before is not None:
        logging.getLogger().addHandler(before)


def test_version_is_the_one_in_pyproject():
    with open(ROOT / "pyproject.toml", "rb") as f:
        assert tomllib.load(f)["project"]["version"] == __version__


def test_the_log_lives_in_the_users_log_folder(monkeypatch):
    from platformdirs import user_log_path

    monkeypatch.delenv(logs.LOG_DIR_ENV, raising=False)
    assert logs.log_dir() == user_log_path(APP_NAME, appauthor=False)
    assert logs.log_file().name == "socongdoan.log"


def test_setup_is_idempotent_and_writes_utf8(log_folder):
    path = logs.setup_logging()
    assert path == log_folder / "socongdoan.log" == logs.log_file()
    assert logs.setup_logging() == path
    assert sum(1 for h in logging.getLogger().handlers if h is logs.file_handler()) == 1
    logging.getLogger("socongdoan.test").warning("Đoàn viên %s", "Nguyễn Thị Hương")
    logs.file_handler().flush()
    line = path.read_text(encoding="utf-8").strip()
    assert line.endswith(f"WARNING [{os.getpid()} MainThread] socongdoan.test: Đoàn viên Nguyễn Thị Hương")


def test_the_log_rotates(log_folder):
    path = logs.setup_logging(max_bytes=2_000, backups=3)
    record = logging.getLogger("socongdoan.test")
    for i in range(200):
        record.warning("dòng %03d %s", i, "x" * 40)
    logs.remove_logging()
    files = sorted(p.name for p in log_folder.iterdir())
    assert files == ["socongdoan.log", "socongdoan.log.1", "socongdoan.log.2", "socongdoan.log.3"]
    assert all((log_folder / name).stat().st_size <= 2_000 for name in files)
    assert "dòng 199" in path.read_text(encoding="utf-8")  # the newest is in the live file
    assert "dòng 000" not in "".join((log_folder / n).read_text(encoding="utf-8") for n in files)


def test_a_folder_that_cannot_be_made_means_no_log_not_a_crash(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert logs.setup_logging(blocker / "logs") is None
    assert logs.file_handler() is None or logs.file_handler().baseFilename != str(blocker / "logs")


def test_command_with_an_unexpected_error_logs_it_and_says_one_line(log_folder, monkeypatch, capsys):
    import core.cli

    def broken(argv):
        raise KeyError("một khoá không có")

    monkeypatch.setattr(core.cli, "main", broken)
    assert main.main(["units", "list"]) == 1
    err = capsys.readouterr().err
    log_path = log_folder / "socongdoan.log"
    assert err.strip() == f"Lỗi ngoài dự kiến, chương trình đã dừng; chi tiết đã được ghi vào {log_path}"
    assert "Traceback" not in err and "KeyError" not in err
    logs.file_handler().flush()
    text = log_path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "in broken" in text
    assert "KeyError: 'một khoá không có'" in text and f"Sổ Công đoàn {__version__}" in text


def test_command_refusals_are_unchanged(tmp_path, log_folder, capsys):
    # A refusal (UserError) is one "Lỗi: …" line and exit 1, with nothing logged.
    assert main.main(["--db", str(tmp_path / "x.sqlite"), "units", "import", str(tmp_path / "none.xlsx")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and "Lỗi ngoài dự kiến" not in err
    assert not (log_folder / "socongdoan.log").exists()
