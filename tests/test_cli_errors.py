"""The command line's last handler (core.cli.main): a fault that already carries a Vietnamese
message — wrapped by SQLAlchemy or raised ``from`` a refusal — is said once, as it is, exit 1;
anything else is a bug and goes on to main.py (logged, one line)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import exc as sa

from core.cli import main
from core.cli import org as org_commands
from core.common.errors import UserError
from db.faults import BUSY, DatabaseBusy

TOO_LONG = "Tên đơn vị quá dài (tối đa 255 ký tự)."


def _busy_wrapped() -> Exception:
    try:
        raise DatabaseBusy(BUSY)
    except DatabaseBusy as busy:
        try:
            raise RuntimeError("the worker stopped") from busy
        except RuntimeError as wrapped:
            return wrapped


FAULTS = {
    # a refusal raised inside a flush: SQLAlchemy wraps it (its English text around it)
    "wrapped_refusal": (lambda: sa.StatementError("flush", "INSERT INTO unit", {}, UserError(TOO_LONG)),
                        f"Lỗi: {TOO_LONG}"),
    # a database fault already worded, then raised from by other code
    "raised_from_a_fault": (_busy_wrapped, f"Lỗi: {BUSY}"),
    # a refusal worded with its own "Lỗi:" is not prefixed a second time
    "own_prefix": (lambda: UserError("Lỗi: tệp không đọc được."), "Lỗi: tệp không đọc được."),
    # SQLite's own English fault: worded once
    "sqlite_fault": (lambda: sa.OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked")),
                     f"Lỗi: {BUSY}"),
}


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_a_worded_fault_is_said_once_as_it_is(name, tmp_path, monkeypatch, capsys):
    # Failed before for wrapped_refusal and raised_from_a_fault (they left core.cli as
    # exceptions: "lỗi ngoài dự kiến", the message lost) and own_prefix ("Lỗi: Lỗi: …").
    make, said = FAULTS[name]

    def broken(_args):
        raise make()

    monkeypatch.setattr(org_commands, "units_list", broken)
    assert main(["--db", str(tmp_path / "so.sqlite"), "units", "list"]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == said
    assert captured.out == ""


def test_a_bug_still_leaves_for_the_log(tmp_path, monkeypatch):
    def broken(_args):
        raise KeyError("một khoá không có")

    monkeypatch.setattr(org_commands, "units_list", broken)
    with pytest.raises(KeyError):
        main(["--db", str(tmp_path / "so.sqlite"), "units", "list"])
