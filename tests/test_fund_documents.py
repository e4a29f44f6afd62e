"""What a clerk reads on the fund's documents (pdftotext, and the pages rendered): a voucher
with one number, in the header, in the usual layout and signatures; a contract whose lender's
signer is the one its text names, with the borrower's name under room to sign, and the
schedule's last rows kept with its total and the signatures."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from core.fund import documents, ops
from tests.fund_helpers import make_world
from tests.test_reports_support import HAS_POPPLER, assert_page_renders, flat, pdf_text

pytestmark = pytest.mark.skipif(not HAS_POPPLER, reason="needs pdftotext")


@pytest.fixture
def loan(app_db):
    world = make_world(app_db, capital=60_000_000)
    info = ops.lend(app_db, world["fund_id"], ops.LoanRequest(
        world["members"][0], 5_600_000, 24, "Chữa bệnh", applied_on=date(2026, 1, 16))).value
    return world, info


def test_a_voucher_has_one_number_in_its_header_and_the_usual_form(app_db, loan, tmp_path):
    world, info = loan
    paid = ops.repay(app_db, info.id, 233_000, date(2026, 2, 16)).value
    pdf = documents.voucher(app_db, paid.id, tmp_path / "phieu-thu.pdf")
    text = flat(pdf_text(pdf))
    assert text.count("Số:") == 1 and f"Số: {paid.voucher}" in text
    assert text.index(f"Số: {paid.voucher}") < text.index("PHIẾU THU")  # in the header
    for part in ("Mẫu số C40-BB", "Quyển số: 2026", "Nợ: Tiền mặt", "Có: Cho vay đoàn viên",
                 "Họ và tên người nộp tiền: Nguyễn Thị Hoà 0", "Lý do nộp:",
                 "Số tiền: 233.000 đồng.", "Bằng chữ: Hai trăm ba mươi ba nghìn đồng.",
                 "Kèm theo:", "chứng từ gốc",
                 "Chủ tịch Kế toán Người nộp tiền Người lập phiếu Thủ quỹ"):
        assert part in text, part
    assert "TM. BAN CHẤP HÀNH" not in text  # the voucher's own signatures instead
    assert_page_renders(pdf, tmp_path)


def test_the_contract_signer_matches_its_text_and_the_schedule_ends_with_its_rows(
        app_db, loan, tmp_path):
    world, info = loan
    pdf = documents.loan_contract(app_db, info.id, tmp_path / "hop-dong.pdf")
    text = flat(pdf_text(pdf))
    assert text.count("Số:") == 1 and f"Số: {info.number}" in text
    # the letterhead's chair title, in the text and over the lender's signature
    assert "đại diện là Chủ tịch Công đoàn cơ sở" in text
    signatures = text.split("Cộng 5.600.000 0 5.600.000")[-1]
    assert "ĐẠI DIỆN BÊN CHO VAY" in signatures and "TM. BAN CHẤP HÀNH CHỦ TỊCH" in signatures
    assert "PHÓ CHỦ TỊCH" not in text
    # the borrower signs with room, then the name printed
    assert "BÊN VAY" in signatures and signatures.rstrip().endswith("Nguyễn Thị Hoà 0")
    pages = int(subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                               check=True).stdout.split("Pages:")[1].split()[0])
    last = flat(pdf_text(pdf, "-f", str(pages), "-l", str(pages)))
    # the last page never holds the total alone: at least three instalments come with it
    assert "Cộng 5.600.000" in last
    assert sum(f" {seq} " in f" {last} " for seq in (22, 23, 24)) == 3
    for page in range(1, pages + 1):
        assert_page_renders(pdf, tmp_path, page)


def test_the_voucher_workbook_has_its_number_once_and_five_signatures(app_db, loan, tmp_path):
    from openpyxl import load_workbook

    world, info = loan
    paid = ops.repay(app_db, info.id, 233_000, date(2026, 2, 16)).value
    book = documents.voucher(app_db, paid.id, tmp_path / "phieu-thu.xlsx")
    rows = [[c for c in r if c is not None] for r in load_workbook(book).active.iter_rows(values_only=True)]
    cells = [c for r in rows for c in r]
    assert [c for c in cells if "Số:" in str(c)] == [f"Số: {paid.voucher}"]
    assert ["Chủ tịch", "Kế toán", "Người nộp tiền", "Người lập phiếu", "Thủ quỹ"] in rows


def test_the_contract_writes_its_rate_as_the_window_and_cli_do(app_db):
    """The contract's rate is core.fund.funds.format_rate's ("1,25 %/năm"), as the settings
    field and `fund create` show it."""
    from core.fund import loans
    from core.fund.funds import FundSettings

    world = make_world(app_db, capital=60_000_000, settings=FundSettings(rate_bp=125))
    info = ops.lend(app_db, world["fund_id"], ops.LoanRequest(
        world["members"][0], 5_600_000, 24, "Chữa bệnh", applied_on=date(2026, 1, 16))).value
    with app_db.reading() as s:
        report, _ = documents.build_contract(s, loans.get_loan(s, info.id))
    texts = [b.text for b in report.blocks if hasattr(b, "text")]
    assert any("phí/lãi: 1,25 %/năm;" in t for t in texts), texts
