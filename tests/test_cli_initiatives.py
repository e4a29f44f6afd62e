"""`main.py initiatives …`: import, search, export, template, check; exit codes 0/1/2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.cli import main as cli_main
from core.common.database import open_app_database
from core.org import units as org
from db.models import UnitKind
from tests.test_initiative_import import messy_book

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def _run(capsys, *args) -> tuple[int, str, str]:
    code = cli_main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def office(db_path) -> Path:
    db = open_app_database(db_path)
    try:
        with db.transaction() as s:
            org.create_unit(s, org.UnitInput(code="VL-0001", name="CĐCS Bệnh viện Đa khoa Vĩnh "
                                             "Linh", kind=UnitKind.GRASSROOTS, parent_code="VL"))
            org.create_unit(s, org.UnitInput(code="VL-0002", name="CĐCS Trường THPT Cửa Tùng",
                                             kind=UnitKind.GRASSROOTS, parent_code="VL"))
    finally:
        db.close()
    return db_path


def test_import_and_search_through_main_py(office, tmp_path):
    book = messy_book(tmp_path / "ds.xlsx")
    dry = _cli("initiatives", "import", str(book), "--dry-run", "--json", db=office)
    assert dry.returncode == 0, dry.stderr
    data = json.loads(dry.stdout)
    assert {"accepted", "skipped", "rejected", "duplicates", "dry_run"} <= set(data)
    assert (data["accepted"], data["skipped"], data["dry_run"]) == (3, 0, True)
    assert [r["row"] for r in data["rejected"]] == [9, 10, 11, 12]
    assert "Có phải: CĐCS Trường THPT Cửa Tùng?" in data["rejected"][0]["reason"]
    assert data["duplicates"] == []

    report = tmp_path / "bao cao.xlsx"
    real = _cli("initiatives", "import", str(book), "--json", "--report", str(report), db=office)
    assert json.loads(real.stdout)["accepted"] == 3
    cells = [c for row in load_workbook(report).active.iter_rows(values_only=True) for c in row]
    assert any("hiện là 90%" in str(c) for c in cells if c)

    found = _cli("initiatives", "search", "cong doan", "--json", db=office)
    assert found.returncode == 0, found.stderr
    names = {r["name"] for r in json.loads(found.stdout)}
    assert "Ứng dụng phần mềm quản lý hồ sơ đoàn viên công đoàn" in names
    text = _cli("initiatives", "search", "duong", db=office)
    assert "Đường dây nóng hỗ trợ đoàn viên" in text.stdout
    assert "Võ Thị Duyên (60%), Đặng Văn Dương (40%)" in text.stdout
    assert "CĐCS Trường THPT Cửa Tùng" in text.stdout and "Không hợp lệ" in text.stdout


def test_import_options_and_text_output(office, tmp_path, capsys):
    book = messy_book(tmp_path / "ds.xlsx")
    code, out, _ = _run(capsys, "--db", str(office), "initiatives", "import", str(book),
                        "--create-units", "--programme", "1TRIEU-SK")
    assert code == 0
    assert "Đã nhập 4 sáng kiến; bỏ qua 0 dòng đã có; từ chối 3 dòng." in out
    assert "Dòng 10: Tác giả: Tổng tỷ lệ đóng góp" in out
    assert "Đã tạo đơn vị VL-0003 CĐCS Trường THPT Cửa Tùn" in out
    code, out, _ = _run(capsys, "--db", str(office), "initiatives", "import", str(book),
                        "--json")
    assert json.loads(out)["skipped"] == 4


def test_export_filters_and_portal(office, tmp_path, capsys):
    book = messy_book(tmp_path / "ds.xlsx")
    assert _run(capsys, "--db", str(office), "initiatives", "import", str(book))[0] == 0
    out = tmp_path / "so.xlsx"
    code, text, err = _run(capsys, "--db", str(office), "initiatives", "export", str(out),
                           "--programme", "1TRIEU-SK", "--phase", "2", "--unit", "VL",
                           "--json")
    assert code == 0, err
    assert json.loads(text) == {"file": str(out), "rows": 3, "portal": False}
    code, text, _ = _run(capsys, "--db", str(office), "initiatives", "export", str(out),
                         "--status", "Hợp lệ", "--unit", "VL-0001")
    assert code == 0 and "1 sáng kiến" in text
    code, text, _ = _run(capsys, "--db", str(office), "initiatives", "export", str(out),
                         "--status", "under_review,rejected")
    assert code == 0 and "2 sáng kiến" in text
    portal = tmp_path / "cong.xlsx"
    code, text, _ = _run(capsys, "--db", str(office), "initiatives", "export", str(portal),
                         "--portal")
    assert code == 0 and "danh sách đăng tải Cổng" in text
    assert load_workbook(portal)["Danh sách"]["A2"].value.startswith("DANH SÁCH SÁNG KIẾN")

    code, _, err = _run(capsys, "--db", str(office), "initiatives", "export", str(out),
                        "--status", "Chờ")
    assert code == 1 and err.startswith("Lỗi: Tình trạng: không rõ “Chờ”")
    code, _, err = _run(capsys, "--db", str(office), "initiatives", "export", str(out),
                        "--unit", "CĐCS Bệnh viện Đa khoa Vinh Lin")
    assert code == 1 and "Có phải: CĐCS Bệnh viện Đa khoa Vĩnh Linh?" in err


def test_template_then_import(office, tmp_path, capsys):
    template = tmp_path / "mau.xlsx"
    code, text, _ = _run(capsys, "--db", str(office), "initiatives", "template", str(template))
    assert code == 0 and "mau.xlsx" in text
    code, text, _ = _run(capsys, "--db", str(office), "initiatives", "import", str(template),
                         "--json")
    data = json.loads(text)
    assert (data["accepted"], data["rejected"]) == (1, [])


def test_check_json_shape(office, tmp_path, capsys):
    book = messy_book(tmp_path / "ds.xlsx")
    _run(capsys, "--db", str(office), "initiatives", "import", str(book))
    code, text, _ = _run(capsys, "--db", str(office), "initiatives", "check", "--json")
    assert code == 0
    data = json.loads(text)
    assert set(data) == {"total", "eligible", "not_eligible", "records"}
    assert (data["total"], data["eligible"], data["not_eligible"]) == (3, 1, 2)
    by_number = {r["number"]: r for r in data["records"]}
    assert set(by_number) == {"VL-SK-2023-00001", "VL-SK-2022-00001", "VL-SK-2023-00002"}
    first = by_number["VL-SK-2023-00001"]
    assert set(first) == {"number", "name", "eligible", "reasons"}
    assert (first["eligible"], first["reasons"]) == (True, [])  # recognised, applied in time
    fees = by_number["VL-SK-2022-00001"]
    assert "Chưa được cấp có thẩm quyền công nhận." in fees["reasons"]
    code, text, _ = _run(capsys, "--db", str(office), "initiatives", "check")
    assert code == 0 and "Tổng 3 sáng kiến" in text


def test_exit_codes(office, tmp_path, capsys):
    missing = _cli("initiatives", "import", str(tmp_path / "khong-co.xlsx"), db=office)
    assert missing.returncode == 1
    assert missing.stderr.startswith("Lỗi: Không tìm thấy tệp")
    code, _, err = _run(capsys, "--db", str(office), "initiatives", "import",
                        str(messy_book(tmp_path / "a.xlsx")), "--programme", "KHONG-CO")
    assert code == 1 and "Không có chương trình “KHONG-CO”" in err
    assert _run(capsys, "--db", str(office), "initiatives")[0] == 2
    assert _run(capsys, "--db", str(office), "initiatives", "export")[0] == 2
    assert _run(capsys, "--db", str(office), "initiatives", "export", "x.xlsx",
                "--phase", "hai")[0] == 2
    assert _run(capsys, "--db", str(office), "initiatives", "frobnicate")[0] == 2
