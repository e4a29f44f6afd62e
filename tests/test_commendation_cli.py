"""`main.py commendations …` and `main.py certificates …`: the headless commands, each with
--json; a messy workbook of nominees sent up by a lower level imports idempotently."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from openpyxl import Workbook

from core.cli import main as cli_main

ROUND = "Tổng kết phong trào Lao động giỏi, lao động sáng tạo năm 2023"


def _run(capsys, *args) -> tuple[int, str, str]:
    code = cli_main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def messy_list(path):
    """Title rows, a merged two-row header, a column-numbering row, STT, a totals row and a
    bad row — as lower levels send them."""
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "LĐLĐ HUYỆN VĨNH LINH"
    ws["A2"] = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023"
    ws.merge_cells("A2:F2")
    ws.append([])
    ws.append(["STT", "Họ và tên", "Tên tập thể", "Đơn vị", "Chức vụ", "Hình thức khen thưởng",
               "Tóm tắt thành tích"])
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"])
    ws.append([1, "Nguyễn Thị Ngọc Ánh", None, "CĐCS Trường THCS Hồ Xuân Hương", "Tổ trưởng",
               "Bằng Lao động sáng tạo", "Sáng kiến số hóa hồ sơ đoàn viên"])
    ws.append([2, None, "CĐCS Bệnh viện Đa khoa Vĩnh Linh", "", "", "Giấy khen của BTV", "Vững mạnh 3 năm"])
    ws.append([3, "Đặng Hữu Lộc", None, "CĐCS UBND thị trấn Hồ Xá", "Chủ tịch CĐ", "huân chương", ""])
    ws.append([4, "Trương Thị Mỹ Lệ", None, "CĐCS X", "", "Bằng khen", ""])
    ws.append([None, "Tổng cộng: 4", None, None, None, None, None])
    wb.save(path)
    return path


def test_import_list_approve_check_documents_and_certificates(db_path, tmp_path, capsys):
    db = ["--db", str(db_path)]
    book = messy_list(tmp_path / "de-nghi.xlsx")
    code, out, _ = _run(capsys, *db, "commendations", "import", str(book), "--round", ROUND,
                        "--dry-run", "--json")
    assert code == 0 and json.loads(out)["accepted"] == 3 and json.loads(out)["dry_run"]
    code, out, _ = _run(capsys, *db, "commendations", "list", "--round", ROUND)
    assert code == 1 and out == ""  # the dry run created nothing, not even the round
    code, out, _ = _run(capsys, *db, "commendations", "import", str(book), "--round", ROUND, "--json")
    result = json.loads(out)
    assert result["accepted"] == 3
    assert result["rejected"] == [{"row": 8, "reason": "Hình thức khen thưởng: không rõ hình thức "
                                   "«huân chương» (Giấy khen, Bằng khen, Bằng Lao động sáng tạo hoặc Biểu dương)"}]
    code, out, _ = _run(capsys, *db, "commendations", "import", str(book), "--round", ROUND, "--json")
    assert json.loads(out)["accepted"] == 0 and json.loads(out)["skipped"] == 3  # idempotent

    code, out, _ = _run(capsys, *db, "commendations", "list", "--round", "tong ket phong trao lao dong "
                        "gioi, lao dong sang tao nam 2023", "--json")
    listed = json.loads(out)
    assert [(n["name"], n["award"], n["kind"]) for n in listed["nominees"]] == [
        ("Nguyễn Thị Ngọc Ánh", "Bằng Lao động sáng tạo", "individual"),
        ("CĐCS Bệnh viện Đa khoa Vĩnh Linh", "Giấy khen", "collective"),
        ("Trương Thị Mỹ Lệ", "Bằng khen", "individual"),
    ]
    code, out, _ = _run(capsys, *db, "commendations", "check", "--round", ROUND, "--json")
    checked = json.loads(out)
    assert code == 1 and not checked["file_complete"]
    assert "Thiếu: Trích biên bản họp xét chọn (kết quả bỏ phiếu)" in checked["missing"]
    anh = checked["nominees"][0]["findings"]
    assert any(f["rule"] == "initiative" and f["message"] == "Chưa gắn sáng kiến nào với cá nhân này."
               for f in anh)

    code, out, _ = _run(capsys, *db, "commendations", "summaries", "--round", ROUND, "--json")
    assert code == 0 and json.loads(out) == {"nominees": 0}  # nobody has a linked initiative yet
    third = listed["nominees"][2]["id"]
    code, out, _ = _run(capsys, *db, "commendations", "approve", "--round", ROUND, "--decision",
                        "25/QĐ-LĐLĐ", "--date", "28/12/2023", "--nominee", listed["nominees"][0]["id"],
                        "--nominee", listed["nominees"][1]["id"], "--json")
    assert code == 0 and json.loads(out)["approved"] == 2
    code, out, _ = _run(capsys, *db, "commendations", "totrinh", str(tmp_path / "tt.pdf"), "--round",
                        ROUND, "--date", "10/12/2023", "--json")
    assert code == 0 and json.loads(out)["number"] == "01/TTr-LĐLĐ"
    for name in ("qd.pdf", "qd.xlsx"):
        code, out, _ = _run(capsys, *db, "commendations", "decision", str(tmp_path / name), "--round",
                            ROUND, "--json")
        assert code == 0 and (tmp_path / name).stat().st_size > 1000
    code, out, _ = _run(capsys, *db, "certificates", "print", str(tmp_path / "gk.pdf"), "--round", ROUND,
                        "--stock", "--offset-x", "3", "--offset-y", "-2", "--json")
    printed = json.loads(out)
    # An upper-level round prints its own Giấy khen, not the Tổng Liên đoàn's Bằng Lao động sáng tạo.
    assert code == 0 and printed["numbers"] == ["01/2023"] and printed["reprints"] == 0
    assert printed["skipped"] == ["Nguyễn Thị Ngọc Ánh (Bằng Lao động sáng tạo do Đoàn Chủ tịch "
                                  "Tổng Liên đoàn Lao động Việt Nam tặng)"]
    code, out, _ = _run(capsys, *db, "certificates", "calibration", str(tmp_path / "cal.pdf"),
                        "--printer", "HP", "--offset-x", "1.5", "--offset-y", "-0.5", "--save", "--json")
    assert code == 0 and (tmp_path / "cal.pdf").is_file()
    # Unknown round, unknown nominee, half an offset: rejected with a Vietnamese message.
    code, _, err = _run(capsys, *db, "commendations", "list", "--round", "Không có")
    assert code == 1 and "Không tìm thấy đợt khen thưởng «Không có»" in err
    code, _, err = _run(capsys, *db, "certificates", "print", str(tmp_path / "x.pdf"), "--round", ROUND,
                        "--offset-x", "3")
    assert code == 1 and "Cần cả --offset-x và --offset-y" in err
    assert third


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_printed_batch_from_the_command_line_reads_back(db_path, tmp_path, capsys):
    db = ["--db", str(db_path)]
    _run(capsys, *db, "commendations", "import", str(messy_list(tmp_path / "a.xlsx")), "--round", ROUND,
         "--level", "national")
    code, _, err = _run(capsys, *db, "commendations", "approve", "--round", ROUND, "--decision",
                        "25/QĐ-LĐLĐ", "--date", "28/12/2023")
    assert code == 1 and "3 người/tập thể chưa đạt" in err  # nobody passes the checks yet
    _run(capsys, *db, "commendations", "approve", "--round", ROUND, "--decision", "25/QĐ-LĐLĐ",
         "--date", "28/12/2023", "--include-failing")
    code, out, _ = _run(capsys, *db, "certificates", "print", str(tmp_path / "all.pdf"), "--round", ROUND)
    assert code == 0 and "3 giấy khen/bằng khen" in out
    text = subprocess.run(["pdftotext", str(tmp_path / "all.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    for expected in ("Nguyễn Thị Ngọc Ánh", "Tổ trưởng, CĐCS Trường THCS Hồ Xuân Hương",
                     "BẰNG LAO ĐỘNG SÁNG TẠO", "Số vào sổ: 01/2023", "CĐCS Bệnh viện Đa khoa Vĩnh Linh",
                     "GIẤY KHEN", "Số vào sổ: 02/2023", "Trương Thị Mỹ Lệ", "BẰNG KHEN",
                     "Số vào sổ: 03/2023"):
        assert expected in text
