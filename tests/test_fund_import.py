"""Workbook import of existing ledgers: preview, row-level reasons, idempotent, nothing
posted for a rejected row."""

from __future__ import annotations

import json
from datetime import date

from openpyxl import Workbook
from sqlalchemy import func, select

from core.cli import main
from core.fund import ops
from core.fund.importing import import_loans
from db.models import FundEntry, FundLoan
from tests.fund_helpers import make_world


def _book(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["SỔ THEO DÕI CHO VAY QUỸ TƯƠNG HỖ"])
    ws.append(["STT", "Mã CĐCS", "Người vay", "Số tiền vay", "Ngày giải ngân", "Thời hạn (tháng)",
               "Đã trả gốc", "Ngày trả", "Mục đích"])
    for i, row in enumerate(rows, 1):
        ws.append([i, *row])
    wb.save(path)
    return path


ROWS = [
    ["VL02", "Nguyễn Thị Hoà 0", "12.000.000", "10/02/2026", 12, "3.000.000", "10/05/2026", "Chăn nuôi"],
    ["VL02", "Nguyễn Thị Hoà 1", 6_000_000, date(2026, 3, 1), 6, None, None, "Sửa nhà"],
    ["VL02", "Người Không Có", 5_000_000, "01/03/2026", 6, None, None, ""],
    ["VL02", "Nguyễn Thị Hoà 2", 5_000_000, "01/03/2026", 6, 6_000_000, "01/04/2026", ""],
    ["XX99", "Nguyễn Thị Hoà 2", 5_000_000, "01/03/2026", 6, None, None, ""],
    ["VL02", "Nguyễn Thị Hoà 2", "năm triệu", "01/03/2026", 6, None, None, ""],
]


def test_import_preview_then_real_then_again(app_db, tmp_path):
    make_world(app_db, code="VL02", capital=0)  # the fund exists; members 0..2
    path = _book(tmp_path / "so-cho-vay.xlsx", ROWS)
    preview = import_loans(app_db, path, dry_run=True)
    assert (len(preview.accepted), len(preview.skipped)) == (2, 0)
    reasons = {r.number: r.reason for r in preview.rejected}
    assert set(reasons) == {5, 6, 7, 8}
    assert "Không có đoàn viên “Người Không Có”" in reasons[5]
    assert "lớn hơn số tiền vay" in reasons[6]
    assert "Không có đơn vị “XX99”" in reasons[7]
    assert reasons[8].startswith("Số tiền vay:")
    with app_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(FundLoan)) == 0  # a preview writes nothing
    done = import_loans(app_db, path, dry_run=False)
    assert len(done.accepted) == 2 and len(done.rejected) == 4
    with app_db.reading() as s:
        # rejected rows left nothing behind: two loans, their two entries and one repayment
        assert s.scalar(select(func.count()).select_from(FundLoan)) == 2
        kinds = sorted(s.scalars(select(FundEntry.kind).where(FundEntry.kind != "capital")))
        assert kinds == ["import", "import", "repayment"]
    [fund] = ops.list_funds(app_db)
    assert fund.outstanding == 12_000_000 - 3_000_000 + 6_000_000
    totals = ops.fund_totals_for(app_db, date(2026, 6, 1))
    assert totals[0].lent == 18_000_000 and totals[0].borrowers == 2
    again = import_loans(app_db, path, dry_run=False)
    assert (len(again.accepted), len(again.skipped)) == (0, 2)
    assert ops.check(app_db).ok


def test_fund_import_command(app_db, db_path, tmp_path, capsys):
    make_world(app_db, code="VL02", capital=0)
    app_db.close()
    path = _book(tmp_path / "so.xlsx", ROWS[:2])
    assert main(["--db", str(db_path), "fund", "import", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["accepted"] == 2 and out["rejected"] == [] and out["dry_run"] is False
