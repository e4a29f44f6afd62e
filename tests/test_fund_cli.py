"""The ``fund`` commands (in process through core.cli.main) and the documents they write:
PDFs read back with pdftotext, workbooks with openpyxl."""

from __future__ import annotations

import json
import sqlite3
import uuid

import pytest
from openpyxl import load_workbook

from core.cli import main
from tests.fund_helpers import make_world
from tests.test_reports_support import HAS_POPPLER, assert_page_renders, flat, pdf_text


def run(capsys, db_path, *args) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def world(app_db):
    w = make_world(app_db, capital=0)
    app_db.close()
    return w


def test_create_contribute_lend_repay_reverse_check(capsys, db_path, world, tmp_path):
    code, out, err = run(capsys, db_path, "fund", "create", "--unit", "VL", "--json")
    assert code == 1 and "không phải công đoàn cơ sở" in err
    code, out, _ = run(capsys, db_path, "fund", "list", "--json")
    [fund] = json.loads(out)
    assert fund["code"] == "VL-QTH-VL01" and fund["settings"]["ceiling"] == 30_000_000
    for i in range(3):
        code, out, err = run(capsys, db_path, "fund", "contribute", "--fund", "VL01", "--member",
                             f"Nguyễn Thị Hoà {i}", "--amount", "10.000.000", "--date", "10/01/2026")
        assert code == 0, err
    code, out, err = run(capsys, db_path, "fund", "lend", "--fund", "VL01", "--member",
                         "nguyen thi hoa 0", "--amount", "25.500.000", "--term", "12",
                         "--purpose", "Sửa chữa nhà ở", "--date", "15/01/2026", "--json")
    assert code == 0, err
    loan = json.loads(out)
    assert loan["number"] == "VL-VV-2026-00001" and loan["state"]["outstanding"] == 25_500_000
    code, out, err = run(capsys, db_path, "fund", "lend", "--fund", "VL01", "--member",
                         "Nguyễn Thị Hoà 1", "--amount", "31000000", "--term", "12")
    assert code == 1 and "Mức vay" in err
    code, out, err = run(capsys, db_path, "fund", "repay", loan["number"], "--amount", "2125000",
                         "--date", "15/02/2026", "--json")
    assert code == 0, err
    paid = json.loads(out)
    assert paid["voucher"] == "PT-2026-0004" and paid["allocation"]["principal"] == 2_125_000
    code, out, err = run(capsys, db_path, "fund", "reverse", paid["id"], "--reason", "")
    assert code == 1 and "lý do" in err
    code, out, err = run(capsys, db_path, "fund", "reverse", paid["id"], "--reason", "Thu nhầm")
    assert code == 0 and "bút toán đảo KT-2026-0001" in out
    code, out, err = run(capsys, db_path, "fund", "check", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["trial_balance"] == 0
    assert report["missing_triggers"] == []

    # a hand-made UPDATE of a posted posting is refused by the database itself
    con = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="posted posting cannot be changed"):
        con.execute("UPDATE fund_posting SET amount = 1")
    con.close()

    contract = tmp_path / "hop-dong.pdf"
    code, out, err = run(capsys, db_path, "fund", "contract", loan["number"], contract)
    assert code == 0, err
    book = tmp_path / "so-quy.xlsx"
    code, out, err = run(capsys, db_path, "fund", "statement", book, "--fund", "VL01",
                         "--from", "01/01/2026", "--to", "31/03/2026")
    assert code == 0, err
    cells = [[c for c in row if c is not None] for row in load_workbook(book).active.iter_rows(values_only=True)]
    flat_cells = [c for row in cells for c in row]
    assert "Số dư đầu kỳ" in flat_cells and "PT-2026-0004" in flat_cells
    closing = next(row for row in cells if "Cộng phát sinh / Số dư cuối kỳ" in row)
    assert closing[-3:] == [32_125_000, 2_125_000 + 25_500_000, 4_500_000]
    if HAS_POPPLER:
        text = flat(pdf_text(contract))
        assert "HỢP ĐỒNG VAY VỐN" in text and "25.500.000 đồng" in text
        assert "Bằng chữ: Hai mươi lăm triệu năm trăm nghìn đồng" in text
        assert "Nguyễn Thị Hoà 0" in text and "CĐCS Trường Tiểu học VL01" in text
        assert_page_renders(contract, tmp_path)
        voucher = tmp_path / "phieu-thu.pdf"
        code, out, err = run(capsys, db_path, "fund", "voucher", paid["id"], voucher)
        assert code == 0, err
        text = flat(pdf_text(voucher))
        assert "PHIẾU THU" in text and "PT-2026-0004" in text
        assert "Bằng chữ: Hai triệu một trăm hai mươi lăm nghìn đồng" in text


def test_arrears_and_summary_documents(capsys, db_path, world, tmp_path):
    run(capsys, db_path, "fund", "create", "--unit", "VL01")  # already there: refused
    code, out, err = run(capsys, db_path, "fund", "contribute", "--fund", "VL01", "--member",
                         "Nguyễn Thị Hoà 2", "--amount", "20000000", "--date", "06/01/2026")
    assert code == 0, err
    code, out, err = run(capsys, db_path, "fund", "lend", "--fund", "VL01", "--member",
                         "Nguyễn Thị Hoà 1", "--amount", "12000000", "--term", "12",
                         "--date", "10/01/2026")
    assert code == 0, err
    xlsx = tmp_path / "no-qua-han.xlsx"
    code, out, err = run(capsys, db_path, "fund", "arrears", xlsx, "--as-of", "01/04/2026")
    assert code == 0, err
    values = [c for row in load_workbook(xlsx).active.iter_rows(values_only=True) for c in row]
    assert "Quá hạn 31–90 ngày" in values and "Nguyễn Thị Hoà 1" in values
    # on 1/4 the instalments of 10/2 and 10/3 are unpaid: 2.000.000 overdue for 50 days
    row = next(r for r in load_workbook(xlsx).active.iter_rows(values_only=True)
               if "Nguyễn Thị Hoà 1" in r)
    assert [c for c in row if isinstance(c, int)][-3:] == [12_000_000, 2_000_000, 50]
    pdf = tmp_path / "tong-hop.pdf"
    code, out, err = run(capsys, db_path, "fund", "summary", pdf, "--as-of", "01/06/2026")
    assert code == 0, err
    if HAS_POPPLER:
        text = flat(pdf_text(pdf))
        assert "Tình hình hoạt động Quỹ tương hỗ Công đoàn" in text
        assert "LĐLĐ huyện Vĩnh Linh" in text and "12.000.000" in text


def test_check_finds_a_schedule_that_does_not_match_its_loan(capsys, db_path, world):
    code, out, err = run(capsys, db_path, "fund", "contribute", "--fund", "VL01", "--member",
                         "Nguyễn Thị Hoà 1", "--amount", "10.000.000", "--date", "10/01/2026")
    assert code == 0, err
    code, out, err = run(capsys, db_path, "fund", "lend", "--fund", "VL01", "--member",
                         "Nguyễn Thị Hoà 0", "--amount", "5.600.000", "--term", "24",
                         "--date", "15/01/2026", "--json")
    assert code == 0, err
    number = json.loads(out)["number"]
    code, out, err = run(capsys, db_path, "fund", "check", "--json")
    assert code == 0 and json.loads(out)["bad_schedules"] == []
    # by hand: one instalment too many (the schedule's triggers refuse only UPDATE/DELETE)
    con = sqlite3.connect(db_path)
    [loan_id] = con.execute("SELECT id FROM fund_loan WHERE number = ?", (number,)).fetchone()
    row = con.execute("SELECT * FROM fund_instalment WHERE loan_id = ? AND seq = 24",
                      (loan_id,)).fetchone()
    cols = [d[0] for d in con.execute("SELECT * FROM fund_instalment").description]
    extra = dict(zip(cols, row, strict=True))
    extra.update(id=uuid.uuid4().bytes if isinstance(extra["id"], bytes) else uuid.uuid4().hex,
                 seq=25)
    con.execute(f"INSERT INTO fund_instalment ({', '.join(cols)}) VALUES "
                f"({', '.join('?' * len(cols))})", list(extra.values()))
    con.commit()
    con.close()
    code, out, err = run(capsys, db_path, "fund", "check", "--json")
    report = json.loads(out)
    assert code == 1 and not report["ok"]
    [problem] = report["bad_schedules"]
    assert problem.startswith(number + ": ")
    assert "khác số tiền vay 5.600.000 đồng" in problem and "25 kỳ trả, khác thời hạn 24 tháng" in problem
    code, out, err = run(capsys, db_path, "fund", "check")
    assert code == 1 and "Khoản vay có lịch trả nợ sai: 1." in out and "SỔ QUỸ CÓ LỖI" in out


def test_an_application_is_approved_rejected_withdrawn_or_disbursed(capsys, db_path, world):
    code, out, err = run(capsys, db_path, "fund", "contribute", "--fund", "VL01", "--member",
                         "Nguyễn Thị Hoà 2", "--amount", "20.000.000", "--date", "10/01/2026")
    assert code == 0, err

    def apply(member: int) -> str:
        code, out, err = run(capsys, db_path, "fund", "lend", "--fund", "VL01", "--member",
                             f"Nguyễn Thị Hoà {member}", "--amount", "6.000.000", "--term", "6",
                             "--date", "12/01/2026", "--stop-at", "applied", "--json")
        assert code == 0, err
        loan = json.loads(out)
        assert loan["status"] == "applied" and loan["voucher"] is None
        return loan["number"]

    first = apply(0)
    code, out, err = run(capsys, db_path, "fund", "disburse", first, "--date", "13/01/2026")
    assert code == 1 and "Chỉ giải ngân khoản vay đã duyệt" in err
    code, out, err = run(capsys, db_path, "fund", "approve", first, "--date", "13/01/2026")
    assert code == 0 and "Đã duyệt" in out, err
    code, out, err = run(capsys, db_path, "fund", "disburse", first, "--date", "14/01/2026")
    assert code == 0, err
    assert out.strip() == (f"Khoản vay {first} của Nguyễn Thị Hoà 0: 6.000.000 đồng, 6 tháng — "
                           "Đang vay. Phiếu chi giải ngân: PC-2026-0001.")

    second = apply(1)
    code, out, err = run(capsys, db_path, "fund", "reject", second)
    assert code == 2 and "--reason" in err  # argparse: the reason is required
    code, out, err = run(capsys, db_path, "fund", "reject", second, "--reason", " ",
                         "--date", "13/01/2026")
    assert code == 1 and "lý do" in err
    code, out, err = run(capsys, db_path, "fund", "reject", second, "--reason", "Chưa đủ điều kiện",
                         "--date", "13/01/2026", "--json")
    assert code == 0 and json.loads(out)["status"] == "rejected", err

    third = apply(2)
    code, out, err = run(capsys, db_path, "fund", "withdraw", third, "--date", "13/01/2026")
    assert code == 0 and "Đã rút đơn" in out, err
    # the member is no longer stuck with an open application: a new one is accepted
    apply(2)


def test_refund_credit_and_the_card_shows_it(capsys, db_path, world, tmp_path):
    code, out, err = run(capsys, db_path, "fund", "contribute", "--fund", "VL01", "--member",
                         "Nguyễn Thị Hoà 2", "--amount", "20.000.000", "--date", "10/01/2026")
    code, out, err = run(capsys, db_path, "fund", "lend", "--fund", "VL01", "--member",
                         "Nguyễn Thị Hoà 0", "--amount", "19.000.000", "--term", "12",
                         "--date", "12/01/2026", "--json")
    number = json.loads(out)["number"]
    code, out, err = run(capsys, db_path, "fund", "repay", number, "--amount", "25.000.000",
                         "--date", "12/02/2026")
    assert code == 0 and "trả thừa 6.000.000" in out, err
    if HAS_POPPLER:
        card = tmp_path / "the.pdf"
        assert run(capsys, db_path, "fund", "card", number, card, "--as-of", "13/02/2026")[0] == 0
        card_text = flat(pdf_text(card))
        assert "tiền trả thừa 6.000.000 đồng" in card_text
        assert card_text.count("Số:") == 1 and f"Số: {number}" in card_text  # one number
    code, out, err = run(capsys, db_path, "fund", "refund-credit", number, "--amount", "7.000.000",
                         "--date", "13/02/2026")
    assert code == 1 and "Chỉ có 6.000.000 đồng trả thừa" in err
    code, out, err = run(capsys, db_path, "fund", "refund-credit", number, "--date", "13/02/2026")
    assert code == 0, err
    assert out.strip() == (f"Đã ghi PC-2026-0002: Hoàn trả tiền trả thừa khoản vay {number} cho "
                           "Nguyễn Thị Hoà 0, 6.000.000 đồng.")
    code, out, err = run(capsys, db_path, "fund", "check", "--json")
    assert code == 0 and json.loads(out)["ok"]


def test_amount_messages(capsys, db_path, world):
    code, out, err = run(capsys, db_path, "fund", "lend", "--fund", "VL01", "--member",
                         "Nguyễn Thị Hoà 1", "--amount", "31000000", "--term", "30",
                         "--date", "12/01/2026")
    assert code == 1 and ".;" not in err and "đồng; " in err and err.strip().endswith(".")
    code, out, err = run(capsys, db_path, "fund", "contribute", "--fund", "VL01", "--member",
                         "Nguyễn Thị Hoà 1", "--amount", "-500000")
    assert code == 2 and "số tiền phải lớn hơn 0" in err
    code, out, err = run(capsys, db_path, "fund", "contribute", "--fund", "VL01", "--member",
                         "Nguyễn Thị Hoà 1", "--amount", "abc2x0")
    assert code == 2 and "Số tiền không hợp lệ: abc2x0" in err


def test_a_voucher_is_found_by_the_number_printed_on_it(capsys, db_path, world, tmp_path):
    from tests.fund_helpers import make_world as more_world  # a second fund, same numbers

    code, out, err = run(capsys, db_path, "fund", "contribute", "--fund", "VL01", "--member",
                         "Nguyễn Thị Hoà 0", "--amount", "500.000", "--date", "10/01/2026", "--json")
    number = json.loads(out)["voucher"]
    assert number == "PT-2026-0001"
    code, out, err = run(capsys, db_path, "fund", "voucher", "pt-2026-0001", tmp_path / "a.pdf")
    assert code == 0, err
    code, out, err = run(capsys, db_path, "fund", "voucher", "PT-2026-0009", tmp_path / "b.pdf")
    assert code == 1 and "Không tìm thấy phiếu PT-2026-0009" in err
    code, out, err = run(capsys, db_path, "fund", "voucher", "abc", tmp_path / "b.pdf")
    assert code == 1 and "không phải số phiếu" in err

    from core.common.database import open_app_database

    db = open_app_database(db_path)
    try:
        more_world(db, code="VL02", capital=1_000_000)  # its capital is PT-2026-0001 too
    finally:
        db.close()
    code, out, err = run(capsys, db_path, "fund", "voucher", "PT-2026-0001", tmp_path / "c.pdf")
    assert code == 1 and "--fund" in err
    code, out, err = run(capsys, db_path, "fund", "reverse", "PT-2026-0001", "--fund", "VL01",
                         "--reason", "Thu nhầm", "--json")
    assert code == 0 and json.loads(out)["voucher"] == "KT-2026-0001", err
    code, out, err = run(capsys, db_path, "fund", "voucher", "--help")
    assert "PT-2026-0002" in out and "mã bút toán" in out


def test_zero_is_refused_where_it_makes_no_sense_and_kept_where_it_does(capsys, db_path, world):
    """A loan, repayment, contribution, refund, ceiling or rounding of 0 đồng is refused
    before anything is opened (usage error, exit 2, Vietnamese reason); an opening capital
    of 0 and a cash count that finds 0 đồng are accepted."""
    refused = [
        ("lend", "--fund", "VL01", "--member", "Nguyễn Thị Hoà 1", "--amount", "0", "--term", "6"),
        ("repay", "VL-VV-2026-00001", "--amount", "00"),
        ("contribute", "--fund", "VL01", "--member", "Nguyễn Thị Hoà 1", "--amount", "0.000"),
        ("refund", "--fund", "VL01", "--member", "Nguyễn Thị Hoà 1", "--amount", "0"),
        ("refund-credit", "VL-VV-2026-00001", "--amount", "0"),
        ("create", "--unit", "VL01", "--ceiling", "0"),
        ("create", "--unit", "VL01", "--rounding", "0"),
    ]
    for args in refused:
        code, out, err = run(capsys, db_path, "fund", *args)
        assert code == 2 and "số tiền phải lớn hơn 0" in err, (args, code, err)
    code, out, err = run(capsys, db_path, "fund", "create", "--unit", "VL01", "--capital", "-1")
    assert code == 2 and "số tiền không được âm: -1" in err
    code, out, err = run(capsys, db_path, "fund", "count", "--fund", "VL01", "--counted", "0",
                         "--date", "10/01/2026")
    assert code == 0 and "khớp sổ quỹ" in out, err  # the fund's capital is 0: nothing differs
    code, out, err = run(capsys, db_path, "fund", "list", "--json")
    assert code == 0 and json.loads(out)[0]["money"] == 0


def test_the_rate_is_typed_in_percent_a_year_as_in_the_window(capsys, db_path, world):
    """``--rate 6,5%`` is 6,5 %/năm (650 hundredths of a percent), read by the same parser as
    the window's field; a script still giving hundredths (600) is told what to write."""
    from core.common.database import open_app_database
    from core.org.units import UnitInput, create_unit
    from db.models import UnitKind

    db = open_app_database(db_path)
    with db.transaction() as s:
        for code in ("VL02", "VL03"):
            create_unit(s, UnitInput(code=code, name=f"CĐCS {code}", kind=UnitKind.GRASSROOTS,
                                     parent_code="VL"))
    db.close()
    code, out, err = run(capsys, db_path, "fund", "create", "--unit", "VL02", "--rate", "6,5%")
    assert code == 0 and "phí/lãi 6,5 %/năm" in out, err
    code, out, err = run(capsys, db_path, "fund", "create", "--unit", "VL03", "--rate", "600")
    assert code == 2 and "600 phần vạn là --rate 6." in err
    code, out, err = run(capsys, db_path, "fund", "create", "--unit", "VL03", "--rate", "6")
    assert code == 0, err
    code, out, err = run(capsys, db_path, "fund", "list", "--json")
    rates = {f["unit"]: f["settings"]["rate_bp"] for f in json.loads(out)}
    assert rates == {"VL01": 0, "VL02": 650, "VL03": 600}
    code, out, err = run(capsys, db_path, "fund", "create", "--help")
    assert "%/NĂM" in out and "6,5" in out
