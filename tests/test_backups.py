"""Backups: naming and rotation per kind, the daily copy, the copy before every import,
restore (round trip, refusals) and salvage of a damaged file."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core.cli import main as cli
from core.common import backups
from core.common.database import open_app_database
from core.common.errors import UserError
from db import backup as files

T0 = datetime(2026, 12, 6, 9, 12)


def kinds_in(db_path: Path) -> list[str]:
    return [b.kind for b in backups.list_backups(db_path)]


def test_names_are_readable_and_listed_newest_first(db_path):
    made = files.make_backup(db_path, files.IMPORT, now=T0)
    assert made.name == "so-cong-doan-2026-12-06-0912-truoc-khi-nhap.sqlite"
    assert made.parent == db_path.parent / "backups"
    files.make_backup(db_path, files.DAILY, now=T0 + timedelta(hours=1))
    files.make_backup(db_path, files.MANUAL, now=T0 - timedelta(days=1))
    found = backups.list_backups(db_path)
    assert [b.kind for b in found] == ["daily", "import", "manual"]
    assert found[0].taken == T0 + timedelta(hours=1)
    assert all(b.size > 0 for b in found)
    assert not list(made.parent.glob("*.part"))


def test_rotation_keeps_n_per_kind_and_drops_the_oldest(db_path):
    for day in range(5):
        files.make_backup(db_path, files.IMPORT, keep=3, now=T0 + timedelta(days=day))
    files.make_backup(db_path, files.DAILY, keep=3, now=T0 - timedelta(days=30))
    for day in range(2):
        files.make_backup(db_path, files.UPGRADE, keep=3, now=T0 + timedelta(days=day))
    found = backups.list_backups(db_path)
    imports = [b.taken for b in found if b.kind == "import"]
    assert imports == [T0 + timedelta(days=d) for d in (4, 3, 2)]  # the two oldest went
    assert [b.kind for b in found].count("daily") == 1  # other kinds untouched
    assert [b.kind for b in found].count("upgrade") == 2


def test_same_minute_backups_do_not_overwrite(db_path):
    a = files.make_backup(db_path, files.MANUAL, now=T0)
    b = files.make_backup(db_path, files.MANUAL, now=T0)
    assert a != b and a.exists() and b.exists()
    assert backups.list_backups(db_path)[0].path == b


def test_keep_counts_come_from_settings(app_db):
    assert backups.keep_counts(app_db)["import"] == files.DEFAULT_KEEP["import"]
    backups.set_keep_count(app_db, "import", 2)
    assert backups.keep_counts(app_db)["import"] == 2
    with pytest.raises(UserError):
        backups.set_keep_count(app_db, "import", 0)


def test_daily_backup_once_a_day(app_db):
    assert backups.daily_backup(app_db, now=T0) is not None
    assert backups.daily_backup(app_db, now=T0 + timedelta(hours=5)) is None
    assert backups.daily_backup(app_db, now=T0 + timedelta(days=1)) is not None
    assert kinds_in(app_db.path).count("daily") == 2


def test_first_write_of_the_day_takes_the_daily_backup(db_path):
    db = open_app_database(db_path)
    try:
        assert "daily" not in kinds_in(db_path)
        with db.transaction():
            pass
        assert kinds_in(db_path).count("daily") == 1
        with db.transaction():
            pass
        assert kinds_in(db_path).count("daily") == 1
    finally:
        db.close()


def test_failed_daily_backup_only_logs(app_db, monkeypatch, caplog):
    def full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.sqlite, "copy_database", full)
    assert backups.daily_backup(app_db, now=T0) is None
    assert "daily backup" in caplog.text
    with app_db.transaction():  # the user's work goes on
        pass


def _units_workbook(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"])
    ws.append(["VL-0101", "CĐCS Trường Tiểu học Vĩnh Long", "Cơ sở", "VL"])
    wb.save(path)
    return path


def test_import_takes_a_backup_first_and_a_dry_run_does_not(app_db, tmp_path):
    from core.org.importing import import_units

    book = _units_workbook(tmp_path / "units.xlsx")
    import_units(app_db, book, dry_run=True)
    assert "import" not in kinds_in(app_db.path)
    result = import_units(app_db, book, dry_run=False)
    assert len(result.accepted) == 1
    assert kinds_in(app_db.path).count("import") == 1


def test_import_stops_when_its_backup_cannot_be_written(app_db, tmp_path, monkeypatch):
    from sqlalchemy import func, select

    from core.org.importing import import_units
    from db.models import Unit

    def count_units() -> int:
        with app_db.reading() as s:
            return s.scalar(select(func.count()).select_from(Unit))

    book = _units_workbook(tmp_path / "units.xlsx")
    before = count_units()

    def full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.sqlite, "copy_database", full)
    with pytest.raises(UserError) as exc:
        import_units(app_db, book, dry_run=False)
    assert "sao lưu trước khi nhập" in str(exc.value)
    assert "chưa bị thay đổi" in str(exc.value)
    assert count_units() == before
    assert not list((app_db.path.parent / "backups").glob("*truoc-khi-nhap*"))


def _office_name(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT value FROM setting WHERE key='office.name'").fetchone()
    conn.close()
    return row[0]


def _rename_office(path: Path, name: str) -> None:
    db = open_app_database(path)
    db.auto_backups = False
    try:
        with db.transaction() as s:
            from sqlalchemy import update

            from db.models import Setting

            s.execute(update(Setting).where(Setting.key == "office.name").values(value=name))
    finally:
        db.close()


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    code = cli(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_and_restore_round_trip(db_path, capsys):
    old_name = _office_name(db_path)
    code, out, _ = run_cli(capsys, "--db", str(db_path), "backup", "--json")
    assert code == 0
    saved = Path(json.loads(out)["backup"])
    _rename_office(db_path, "Tên mới")
    assert _office_name(db_path) == "Tên mới"

    code, out, _ = run_cli(capsys, "--db", str(db_path), "backup", "--list", "--json")
    listed = json.loads(out)
    assert code == 0 and saved.name in [b["name"] for b in listed]
    assert listed == sorted(listed, key=lambda b: b["date"], reverse=True)
    assert {"name", "kind", "date", "size"} <= set(listed[0])

    code, out, err = run_cli(capsys, "--db", str(db_path), "restore", str(saved))
    assert code == 0, err
    assert "Đã khôi phục" in out
    assert _office_name(db_path) == old_name
    kept = [b for b in backups.list_backups(db_path) if b.kind == "restore"]
    assert len(kept) == 1
    assert _office_name(kept[0].path) == "Tên mới"  # the replaced database is kept
    db = open_app_database(db_path)  # and the restored one opens
    db.close()


def test_restore_refuses_a_non_database_and_a_newer_schema(db_path, tmp_path, capsys):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    before = db_path.read_bytes()
    code, _, err = run_cli(capsys, "--db", str(db_path), "restore", str(junk))
    assert code == 1 and "không phải cơ sở dữ liệu" in err

    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(db_path, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.close()
    code, _, err = run_cli(capsys, "--db", str(db_path), "restore", str(newer))
    assert code == 1 and "mới hơn" in err

    plain = tmp_path / "plain.sqlite"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE t(a)")
    conn.close()
    code, _, err = run_cli(capsys, "--db", str(db_path), "restore", str(plain))
    assert code == 1 and "Sổ Công đoàn" in err
    assert db_path.read_bytes() == before
    assert "restore" not in kinds_in(db_path)


def test_upgrade_copy_joins_the_rotation(db_path, monkeypatch):
    for day in range(7):
        files.make_backup(db_path, files.UPGRADE, now=T0 + timedelta(days=day))
    assert kinds_in(db_path).count("upgrade") == files.DEFAULT_KEEP["upgrade"]


needs_shell = pytest.mark.skipif(files.sqlite_shell() is None, reason="sqlite3 shell missing (make sysdeps)")


@needs_shell
def test_salvage_recovers_most_rows_of_a_damaged_database(db_path, capsys):
    with sqlite3.connect(db_path) as conn:  # enough rows that the middle of the file is data
        conn.executemany("INSERT INTO setting(key, value) VALUES (?, ?)",
                         [(f"test.{i:05}", "Đoàn viên " + "x" * 80) for i in range(20_000)])
    conn.close()
    total = 20_000 + 8
    size = db_path.stat().st_size
    with db_path.open("r+b") as fh:  # three pages in the middle overwritten
        fh.seek(size // 2 // 4096 * 4096)
        fh.write(os.urandom(3 * 4096))
    original = db_path.read_bytes()

    code, out, err = run_cli(capsys, "--db", str(db_path), "backup", "--salvage", "--json")
    assert code == 0, err
    report = json.loads(out)
    rescued = Path(report["salvaged"])
    assert rescued.parent == db_path.parent and rescued != db_path
    assert report["ok"] and report["integrity"] == ["ok"]
    assert report["revision"] is not None
    rows = report["recovered"]["setting"]
    assert total * 0.9 <= rows < total  # most rows back, the overwritten ones lost
    assert report["recovered"]["unit"] >= 1
    assert db_path.read_bytes() == original  # the original is never modified
    assert not list(db_path.parent.glob("*.part"))

    code, out, _ = run_cli(capsys, "--db", str(rescued), "check", "--json")
    assert json.loads(out)["ok"] or json.loads(out)["problems"]  # it opens as our database
    db = open_app_database(rescued)
    from core.org.ops import load_office

    assert load_office(db).name == "LĐLĐ huyện Vĩnh Linh"
    db.close()


def test_salvage_without_the_shell_says_what_to_install(db_path, monkeypatch, capsys):
    monkeypatch.setattr(files, "sqlite_shell", lambda: None)
    code, _, err = run_cli(capsys, "--db", str(db_path), "backup", "--salvage")
    assert code == 1 and "sqlite3" in err


def test_restore_refuses_while_another_program_is_writing(db_path, capsys):
    """Replacing the file under a transaction of another program sent its commit into the
    replaced, deleted file: the restore is refused and nothing changes."""
    db = open_app_database(db_path)
    saved = backups.back_up_now(db).path
    db.close()
    _rename_office(db_path, "Tên mới")
    other = sqlite3.connect(db_path, isolation_level=None)  # another program, mid-write
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE setting SET value='Ghi sau' WHERE key='office.name'")
        with pytest.raises(UserError, match="chương trình khác ghi"):
            backups.restore(db_path, saved)
        code, _out, err = run_cli(capsys, "--db", str(db_path), "restore", str(saved))
        assert code == 1 and "chờ chương trình đó ghi xong" in err
        assert "restore" not in kinds_in(db_path)
        other.execute("COMMIT")  # its work lands in the database everybody sees
    finally:
        other.close()
    assert _office_name(db_path) == "Ghi sau"
    run_cli(capsys, "--db", str(db_path), "restore", str(saved))  # once it is done: restored
    assert _office_name(db_path) != "Ghi sau"


def test_a_backup_before_an_import_names_the_file_imported(db_path, tmp_path, capsys):
    """`backup --list` (and the window's list, from the same `list_backups`) says which file
    each "before import" backup was taken for; the note goes when its backup is rotated."""
    book = _units_workbook(tmp_path / "Danh sách CĐCS quý 4.xlsx")
    code, _out, err = run_cli(capsys, "--db", str(db_path), "units", "import", str(book))
    assert code == 0, err
    (taken,) = [b for b in backups.list_backups(db_path) if b.kind == "import"]
    assert taken.source == "Danh sách CĐCS quý 4.xlsx"
    code, out, _ = run_cli(capsys, "--db", str(db_path), "backup", "--list")
    line = next(x for x in out.splitlines() if "trước khi nhập" in x)
    assert line.endswith(f"{taken.name}  (nhập tệp «Danh sách CĐCS quý 4.xlsx»)")
    code, out, _ = run_cli(capsys, "--db", str(db_path), "backup", "--list", "--json")
    assert [b["source"] for b in json.loads(out) if b["kind"] == "import"] == [taken.source]
    # another backup of the kind, none kept beyond it: the old one and its note both go
    files.make_backup(db_path, files.IMPORT, keep=1, now=T0 + timedelta(days=400))
    assert not taken.path.exists() and not files.source_path(taken.path).exists()
    assert [b.source for b in backups.list_backups(db_path) if b.kind == "import"] == [None]
