"""Units and members import from messy real-style workbooks, through core and the CLI."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from core.org import units as org
from core.org.importing import import_members, import_units
from core.org.members import MemberQuery, count_members, page_members
from db.models import Gender

ROOT = Path(__file__).resolve().parent.parent


def _units_book(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĨNH LINH"])
    ws.append(["DANH SÁCH CÔNG ĐOÀN CƠ SỞ TRỰC THUỘC NĂM 2023"])
    ws.append([])
    ws.append(["STT", "Mã đơn vị", "Tên công đoàn cơ sở", "Khối", "Số đoàn viên", None])
    ws.append([None, None, None, None, "Tổng số", "Nữ"])
    ws.append([1, "VL-0101", "CĐCS Trường THCS Hồ Xuân Hương", "Giáo dục", 45, 30])
    ws.append([2, "VL-0102", "CĐCS Trạm Y tế xã Vĩnh Thái", "Y tế", "12", 9])
    ws.append([3, None, "CĐCS Công ty TNHH Thủy sản Cửa Tùng", "Doanh nghiệp", 120, 60])
    ws.append([4, "VL-0104", "", "Giáo dục", 10, 5])  # no name
    ws.append([5, "VL-0105", "CĐCS UBND xã Vĩnh Tú", "Nông nghiệp", 20, 10])  # bad sector
    ws.append([None, None, "Tổng cộng", None, 207, 114])
    ws.merge_cells("A1:F1")
    ws.merge_cells("A2:F2")
    ws.merge_cells("E4:F4")
    for col in "ABCD":
        ws.merge_cells(f"{col}4:{col}5")
    wb.save(path)
    return path


def _members_book(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH ĐOÀN VIÊN"])
    ws.append(["TT", "Họ và tên", "Ngày, tháng, năm sinh", None, "Đơn vị", "Chức vụ", "Ngày vào công đoàn"])
    ws.append([None, None, "Nam", "Nữ", None, None, None])
    ws.append([1, "Lê Thị Hương", None, "06/3/1985", "CĐCS Trường THCS Hồ Xuân Hương", "Giáo viên", "01/9/2008"])
    ws.append([2, "Trần Văn Bình", date(1979, 12, 1), None, "VL-0101", "Hiệu trưởng", None])
    ws.append([3, "Nguyễn Văn Hùng", "31/02/1990", None, "VL-0101", "", None])  # bad date
    ws.append([4, "Phạm Thị Dung", None, "1/1/1992", "CĐCS Trường THCS Hồ Xuân Hưng", "", None])  # typo unit
    ws.append([5, "Đỗ Văn Dũng", "10/10/1988", None, "VL-0102", "Y sĩ", "05/5/2015"])
    ws.append([None, "Cộng", None, None, None, None, None])
    ws.merge_cells("C2:D2")
    wb.save(path)
    return path


def test_units_import_preview_then_commit_then_again(app_db, tmp_path):
    book = _units_book(tmp_path / "don_vi.xlsx")
    preview = import_units(app_db, book, dry_run=True)
    assert len(preview.accepted) == 3 and preview.skipped == []
    assert [(r.number, r.reason.split(":")[0]) for r in preview.rejected] == [(9, "Thiếu Tên đơn vị"), (10, "Khối")]
    with app_db.reading() as s:
        assert org.find_by_code(s, "VL-0101") is None  # the preview wrote nothing
    result = import_units(app_db, book, dry_run=False)
    assert len(result.accepted) == 3
    with app_db.reading() as s:
        unit = org.find_by_code(s, "VL-0101")
        assert unit.parent.code == "VL" and str(unit.sector) == "education"
        generated = org.find_unit(s, "cdcs cong ty tnhh thuy san cua tung")
        assert generated.code.startswith("VL-") and str(generated.sector) == "enterprise"
    again = import_units(app_db, book, dry_run=False)
    assert (len(again.accepted), len(again.skipped), len(again.rejected)) == (0, 3, 2)


def test_members_import_reports_rows_and_reasons(app_db, tmp_path):
    import_units(app_db, _units_book(tmp_path / "don_vi.xlsx"), dry_run=False)
    book = _members_book(tmp_path / "doan_vien.xlsx")
    result = import_members(app_db, book, dry_run=False)
    assert len(result.accepted) == 3
    reasons = {r.number: r.reason for r in result.rejected}
    assert set(reasons) == {6, 7}
    assert "31/02/1990" in reasons[6]
    assert "Có phải: CĐCS Trường THCS Hồ Xuân Hương" in reasons[7]
    with app_db.reading() as s:
        rows = {r.full_name: r for r in page_members(s, MemberQuery())}
        assert rows["Lê Thị Hương"].gender == Gender.FEMALE
        assert rows["Lê Thị Hương"].date_of_birth == date(1985, 3, 6)
        assert rows["Lê Thị Hương"].member_since == date(2008, 9, 1)
        assert rows["Trần Văn Bình"].gender == Gender.MALE
    again = import_members(app_db, book, dry_run=False)
    assert (len(again.accepted), len(again.skipped)) == (0, 3)
    with app_db.reading() as s:
        assert count_members(s, MemberQuery()) == 3


def _cli(*args, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_cli_init_and_imports_with_json_and_report(tmp_path):
    db = tmp_path / "office.sqlite"
    out = _cli("init", "--code", "VL", "--name", "LĐLĐ huyện Vĩnh Linh", "--level", "upper",
               "--parent", "QT", "--parent-name", "LĐLĐ tỉnh Quảng Trị", "--place", "Vĩnh Linh", db=db)
    assert out.returncode == 0, out.stderr
    units = _units_book(tmp_path / "units.xlsx")
    dry = _cli("units", "import", str(units), "--dry-run", "--json", db=db)
    assert dry.returncode == 0, dry.stderr
    data = json.loads(dry.stdout)
    assert (data["accepted"], data["skipped"], data["dry_run"]) == (3, 0, True)
    assert [r["row"] for r in data["rejected"]] == [9, 10]
    report = tmp_path / "bao_cao.xlsx"
    real = _cli("units", "import", str(units), "--json", "--report", str(report), db=db)
    assert json.loads(real.stdout)["accepted"] == 3
    ws = load_workbook(report).worksheets[0]
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert any("Thiếu Tên đơn vị" in str(c) for c in cells)
    members = _cli("members", "import", str(_members_book(tmp_path / "m.xlsx")), "--json", db=db)
    assert json.loads(members.stdout)["accepted"] == 3
    listed = json.loads(_cli("units", "list", "--json", db=db).stdout)
    assert {"VL-0101", "VL-0102", "VL", "QT"} <= {u["code"] for u in listed}
    assert _cli("check", db=db).returncode == 0


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("units", "import", "khong-co.xlsx"), 1, "Lỗi:"),
        (("units", "frobnicate"), 2, ""),
        (("init", "--code", "X"), 2, ""),
    ],
)
def test_cli_exit_codes(tmp_path, args, code, message):
    db = tmp_path / "x.sqlite"
    _cli("init", "--code", "VL", "--name", "LĐLĐ huyện Vĩnh Linh", "--level", "upper",
         "--parent", "QT", db=db)
    out = _cli(*args, db=db)
    assert out.returncode == code
    assert message in out.stderr


def test_cli_refuses_newer_database_without_changing_it(db_path):
    import hashlib
    import sqlite3

    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    con.commit()
    con.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    out = _cli("units", "list", db=db_path)
    assert out.returncode == 1 and "phiên bản Sổ Công đoàn mới hơn" in out.stderr
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
