"""The fund book (sổ quỹ): entries in the order they were written within a day, a running
balance, the full landscape width, a place–date line that is never a future day, and the
book's four signatures."""

from __future__ import annotations

import re
import subprocess
from datetime import date

from openpyxl import load_workbook

from core.fund import documents, ops
from tests.fund_helpers import START, make_world
from tests.test_reports_support import HAS_POPPLER, flat, pdf_text

D = date(2026, 2, 3)


def _day_with_a_reversal(app_db) -> dict:
    world = make_world(app_db, members=3, capital=10_000_000)  # PT-2026-0001 on START
    fid = world["fund_id"]
    for i in range(3):  # PT-2026-0002 … 0004
        ops.contribute(app_db, fid, world["members"][i], 1_000_000 * (i + 1), D)
    last = ops.entries(app_db, fid)[0]
    assert last.voucher == "PT-2026-0004"
    ops.reverse(app_db, last.id, "Ghi nhầm số tiền", D)  # KT-2026-0001 (no phiếu chi number), after what it reverses
    return world


def test_the_book_lists_a_day_in_the_order_it_was_written(app_db, tmp_path):
    world = _day_with_a_reversal(app_db)
    book = documents.fund_book(app_db, world["fund_id"], tmp_path / "so-quy.xlsx",
                               start=START, end=date(2026, 2, 28))
    rows = [[c for c in row if c is not None]
            for row in load_workbook(book).active.iter_rows(values_only=True)]
    vouchers = [r[1] for r in rows if len(r) > 1 and isinstance(r[1], str) and r[1][:3] in ("PT-", "PC-", "KT-")]
    assert vouchers == ["PT-2026-0001", "PT-2026-0002", "PT-2026-0003", "PT-2026-0004", "KT-2026-0001"]
    balances = [r[-1] for r in rows if len(r) > 1 and r[1] in vouchers]
    assert balances == [10_000_000, 11_000_000, 13_000_000, 16_000_000, 13_000_000]
    flat_cells = [c for r in rows for c in r]
    for signer in ("Người ghi sổ", "Kế toán", "Thủ quỹ", "Chủ tịch"):
        assert signer in flat_cells


def test_the_screen_book_has_the_same_order_and_a_running_balance(app_db):
    world = _day_with_a_reversal(app_db)
    lines = ops.entries(app_db, world["fund_id"])  # newest first
    assert [e.voucher for e in lines] == ["KT-2026-0001", "PT-2026-0004", "PT-2026-0003",
                                          "PT-2026-0002", "PT-2026-0001"]
    assert [e.balance for e in lines] == [13_000_000, 16_000_000, 13_000_000, 11_000_000, 10_000_000]


def test_the_book_date_is_never_after_today():
    assert documents.book_date(date(2026, 12, 31), today=date(2026, 12, 6)) == date(2026, 12, 6)
    assert documents.book_date(date(2026, 3, 31), today=date(2026, 12, 6)) == date(2026, 3, 31)


def test_the_book_pdf_uses_the_width_and_signs(app_db, tmp_path):
    world = _day_with_a_reversal(app_db)
    pdf = documents.fund_book(app_db, world["fund_id"], tmp_path / "so-quy.pdf",
                              start=START, end=date(2026, 2, 28))
    if not HAS_POPPLER:
        return
    text = flat(pdf_text(pdf))
    assert text.index("PT-2026-0004") < text.index("KT-2026-0001")
    assert "Người ghi sổ Kế toán Thủ quỹ Chủ tịch" in text
    # the table spans the landscape text width (257 mm): its right edge is near the margin
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    right = max(float(m) for m in re.findall(r'xMax="([\d.]+)"', bbox))
    assert right > 841.9 - 20 / 25.4 * 72 - 20  # within 20 pt of the right margin
