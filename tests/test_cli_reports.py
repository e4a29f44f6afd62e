"""The ``targets`` and ``report`` commands through a subprocess: outputs and exit codes
(0 done, 1 rejected with "Lỗi: …" in Vietnamese on stderr, 2 usage).

:func:`run_cli` registers the commands from core.cli.targets itself (they are also
wired in core/cli/__init__.py); the last tests run the real ``python main.py``.
"""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from tests import test_reports_support as support
from tests.test_reports_support import (
    HAS_POPPLER,
    flat,
    pdf_text,
    run_cli,
    run_main_py,
)
from tests.test_target_import import seed_book

# Fixtures shared with the other report tests.
demo_path = support.demo_path
demo_template = support.demo_template


def test_targets_set_then_progress_report(db_path, tmp_path):
    out = run_cli("targets", "set", "--unit", "VL", "--programme", "1TRIEU-SK", "--phase", "1",
                  "--initiatives", "12", "--json", db=db_path)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"unit": "VL", "name": "LĐLĐ huyện Vĩnh Linh",
                                      "programme": "1TRIEU-SK", "phase": 1, "target": 12}
    whole = run_cli("targets", "set", "--unit", "LĐLĐ huyện Vĩnh Linh", "--programme",
                    "1TRIEU-SK", "--phase", "0", "--initiatives", "20", db=db_path)
    assert whole.returncode == 0 and "cả chương trình" in whole.stdout

    xlsx = tmp_path / "tien-do.xlsx"
    made = run_cli("report", "progress", xlsx, "--programme", "1TRIEU-SK", "--phase", "1",
                   "--as-of", "31/01/2022", db=db_path)
    assert made.returncode == 0, made.stderr
    assert "Đã ghi" in made.stdout
    row = next(r for r in load_workbook(xlsx).active.iter_rows()
               if r[1].value == "LĐLĐ huyện Vĩnh Linh")
    assert [c.value for c in row[2:6]] == [12, 0, 0, 12]

    pdf = tmp_path / "tien-do.pdf"
    made = run_cli("report", "progress", pdf, "--programme", "1TRIEU-SK", "--rule", "valid",
                   "--number", "3", "--date", "2023-03-06", "--json", db=db_path)
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout) == {"file": str(pdf)}
    if HAS_POPPLER:
        text = flat(pdf_text(pdf))
        assert "Số: 03/BC-LĐLĐ" in text and "Cả chương trình" in text
        assert "Vĩnh Linh, ngày 06 tháng 3 năm 2023" in text


def test_summary_report_with_both_date_forms(db_path, tmp_path):
    out = tmp_path / "tong-hop.xlsx"
    made = run_cli("report", "summary", out, "--from", "01/01/2023", "--to", "2023-06-30",
                   db=db_path)
    assert made.returncode == 0, made.stderr
    texts = [c.value for row in load_workbook(out).active.iter_rows() for c in row if c.value]
    assert "Tổng hợp kết quả sáng kiến 6 tháng đầu năm 2023" in texts


def test_targets_import_and_fund_model_report_on_the_demo(demo_path, tmp_path):
    book = seed_book(tmp_path / "chi-tieu.xlsx")
    dry = run_cli("targets", "import", book, "--dry-run", "--json", db=demo_path)
    assert dry.returncode == 0, dry.stderr
    data = json.loads(dry.stdout)  # the demo targets are there already: all the same
    assert (data["kind"], data["year"], data["accepted"], data["skipped"], data["dry_run"]) == \
        ("fund_model", 2023, 0, 11, True)
    assert [r["row"] for r in data["rejected"]] == [17, 18, 19]
    text = run_cli("targets", "import", book, "--year", "2023", db=demo_path)
    assert text.returncode == 0
    assert "chỉ tiêu mô hình Quỹ tương hỗ năm 2023" in text.stdout and "Dòng 17:" in text.stdout
    demo = run_cli("targets", "demo", "--json", db=demo_path)
    assert demo.returncode == 0 and json.loads(demo.stdout)["fund_model"] == 0
    pdf = tmp_path / "chi-tieu.pdf"
    made = run_cli("report", "fund-model", pdf, "--year", "2023", "--note", "Kèm theo Giải pháp",
                   db=demo_path)
    assert made.returncode == 0, made.stderr
    if HAS_POPPLER:
        assert "Tổng 782 41 48" in flat(pdf_text(pdf))


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("report", "progress", "x.docx", "--programme", "1TRIEU-SK"), 1, "định dạng «.docx»"),
        (("report", "summary", "x", "--from", "01/01/2023", "--to", "30/06/2023"), 1,
         "không có đuôi"),
        (("report", "progress", "x.pdf", "--programme", "KHONG-CO"), 1, "Không tìm thấy chương trình"),
        (("report", "progress", "x.pdf", "--programme", "1TRIEU-SK", "--phase", "9"), 1,
         "không có giai đoạn 9"),
        (("report", "fund-model", "x.xlsx", "--year", "2023"), 1, "Chưa có chỉ tiêu"),
        (("report", "summary", "x.pdf", "--from", "30/06/2023", "--to", "01/01/2023"), 1,
         "sau ngày kết thúc"),
        (("targets", "set", "--unit", "ZZ", "--programme", "1TRIEU-SK", "--phase", "1",
          "--initiatives", "5"), 1, "Không tìm thấy đơn vị"),
        (("targets", "set", "--unit", "VL", "--programme", "1TRIEU-SK", "--phase", "1",
          "--initiatives", "-5"), 1, "không âm"),
        (("targets", "import", "khong-co.xlsx"), 1, "Không tìm thấy tệp"),
        (("report", "summary", "x.pdf", "--from", "31/02/2023", "--to", "01/03/2023"), 2,
         "Ngày không tồn tại: 31/02/2023"),
        (("report", "fund-model", "x.pdf"), 2, "--year"),
        (("report",), 2, ""),
        (("targets", "frobnicate"), 2, ""),
    ],
)

def test_exit_codes(db_path, tmp_path, args, code, message):
    args = [str(tmp_path / a) if a.startswith("x") or a.startswith("khong") else a for a in args]
    out = run_cli(*args, db=db_path)
    assert out.returncode == code, (out.stdout, out.stderr)
    if code == 1:
        assert out.stderr.startswith("Lỗi: ")
    assert message in out.stderr
    assert not any(p.name.startswith("x") for p in tmp_path.iterdir())


def test_main_py_runs_the_report_commands(db_path, tmp_path):
    out = tmp_path / "tong-hop.pdf"
    made = run_main_py("report", "summary", out, "--from", "01/01/2023", "--to", "31/12/2023",
                       db=db_path)
    assert made.returncode == 0, made.stderr
    assert out.is_file() and out.read_bytes().startswith(b"%PDF")


def test_whole_demo_reproduces_the_seed_progress_figures(tmp_path):
    """``demo`` loads units, register and targets: seed 000's 1,775/1,200 = 148% at the end of
    phase 1 and 2,412/2,300 = 105% for the whole programme, and the fund-model table."""
    db = tmp_path / "demo.sqlite"
    loaded = run_main_py("demo", "--json", db=db)
    assert loaded.returncode == 0, loaded.stderr
    summary = json.loads(loaded.stdout)
    assert (summary["grassroots_units"], summary["initiatives"], summary["fund_model_targets"]) \
        == (782, 2712, 11)

    def province_row(*phase: str) -> list:
        out = tmp_path / f"tien-do{''.join(phase)}.xlsx"
        made = run_main_py("report", "progress", out, "--programme", "1TRIEU-SK", *phase, db=db)
        assert made.returncode == 0, made.stderr
        row = next(r for r in load_workbook(out).active.iter_rows(values_only=True)
                   if r[1] == "LĐLĐ tỉnh Lai Châu")
        return list(row[2:6])  # target, achieved, %, shortfall

    assert province_row("--phase", "1") == [1200, 1775, 148, 0]
    assert province_row() == [2300, 2412, 105, 0]
    table = tmp_path / "quy.xlsx"
    assert run_main_py("report", "fund-model", table, "--year", "2023", db=db).returncode == 0
    last = [r for r in load_workbook(table).active.iter_rows(values_only=True) if any(r)]
    assert any(r[1] == "Tổng" and list(r[2:5]) == [782, 41, 48] for r in last)
