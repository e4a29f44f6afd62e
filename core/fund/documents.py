"""Documents and reports of the fund, each a :class:`core.common.report.model.Report` written
as a PDF in the Decree 30/2020 layout or as a formatted workbook (by the file's suffix):
loan contract, receipt and payment vouchers, member loan card, fund book, arrears list,
and the summary of all funds rolled up CĐCS → upper-level union → province.

Printed documents are always Vietnamese; amounts in figures ("25.500.000") and, where a
document commits money, in words ("Bằng chữ: Hai mươi lăm triệu năm trăm nghìn đồng")."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from core.common.errors import UserError
from core.common.letterhead import OfficeSettings
from core.common.pdf.layout import text_width_mm
from core.common.report.model import (
    CENTER,
    RIGHT,
    THOUSANDS,
    Column,
    DocumentInfo,
    Report,
    Row,
    Table,
    Text,
    check_suffix,
    reading,
)
from core.common.report.render import write_report
from core.common.vnformat import amount_in_words, format_date, format_money
from core.fund import ledger, loans
from core.fund.funds import format_rate
from core.fund.ops import arrears_in, fund_totals
from core.fund.schedule import bucket_labels, parse_buckets
from core.org.office import load_office
from core.org.units import unit_tree
from db.models import Fund, FundEntry, FundLoan, FundPosting, Member, Unit, UnitKind
from db.models.fund import ACCOUNTS as ACCOUNT_LABELS

_Cancel = Callable[[], bool] | None


def _money_col(header: str, width: float = 30) -> Column:
    return Column(header, width, RIGHT, THOUSANDS, xlsx_width=16)


def _unkept(table: Table) -> list:
    """The table with its heading and unit note as plain paragraphs before it: a heading kept
    with a long table moves the whole table to the next page, leaving the first one empty."""
    blocks: list = []
    if table.heading:
        blocks.append(Text(table.heading, "plain"))
    if table.unit_note:
        blocks.append(Text(table.unit_note, "italic"))
    table.heading, table.unit_note = "", ""
    return [*blocks, table]


def _words(amount: int) -> str:
    return f"Bằng chữ: {amount_in_words(amount)}."


def _fund_letterhead(session: Session, fund: Fund) -> OfficeSettings:
    """The CĐCS that keeps the fund issues its contracts and vouchers."""
    office = load_office(session)
    unit = session.get(Unit, fund.unit_id)
    assert unit is not None
    parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    return replace(office, unit_code=unit.code, name=unit.name,
                   parent_name=parent.name if parent else office.name, doc_symbol="QTH",
                   on_behalf="TM. BAN CHẤP HÀNH", chair_name="")


def _write(report: Report, out: str | os.PathLike[str], office: OfficeSettings, info: DocumentInfo,
           is_cancelled: _Cancel) -> Path:
    return write_report(report, out, office, info, is_cancelled=is_cancelled)


# ---- loan contract and loan card -------------------------------------------------------------

def _schedule_table(schedule: list) -> Table:
    cols = [Column("Kỳ", 12, CENTER, xlsx_width=6), Column("Ngày đến hạn", 30, CENTER, xlsx_width=14),
            _money_col("Tiền gốc"), _money_col("Phí/lãi", 25), _money_col("Cộng")]
    rows = [Row([line.seq, format_date(line.due_on), line.principal, line.fee, line.total])
            for line in schedule]
    totals = Row([None, "Cộng", sum(x.principal for x in schedule), sum(x.fee for x in schedule),
                  sum(x.total for x in schedule)])
    return Table(cols, rows, totals, heading="Lịch trả nợ", unit_note="Đơn vị tính: đồng")


def build_contract(session: Session, loan: FundLoan) -> tuple[Report, OfficeSettings]:
    fund = session.get(Fund, loan.fund_id)
    assert fund is not None
    borrower = session.get(Member, loan.borrower_id)
    guarantor = session.get(Member, loan.guarantor_id) if loan.guarantor_id else None
    unit = session.get(Unit, fund.unit_id)
    assert borrower is not None and unit is not None
    on = loan.disbursed_on or loan.decided_on or loan.applied_on
    office = _fund_letterhead(session, fund)
    signer_title = _title_case(office.chair_title)
    schedule = loans.schedule_of(session, loan.id) or loans.preview_schedule(
        fund, loan.amount, loan.term_months, on)
    rate = f"{format_rate(loan.rate_bp)} %/năm" if loan.rate_bp else "0 % (không tính lãi)"
    blocks: list = [
        Text(f"Căn cứ {fund.guidance or 'quy chế Quỹ tương hỗ'} và quy chế hoạt động của "
             f"{fund.name};"),
        Text(f"Hôm nay, ngày {format_date(on)}, tại {unit.name}, chúng tôi gồm:"),
        Text(f"BÊN CHO VAY: {fund.name} ({unit.name}), đại diện là "
             + (f"Ông/Bà {office.chair_name}, " if office.chair_name.strip() else "")
             + f"{signer_title} Công đoàn cơ sở.",
             "plain"),
        Text(f"BÊN VAY: Ông/Bà {borrower.full_name}"
             + (f", {borrower.position}" if borrower.position else "") + f", đoàn viên {unit.name}.",
             "plain"),
    ]
    if guarantor:
        blocks.append(Text(f"NGƯỜI BẢO LÃNH: Ông/Bà {guarantor.full_name}.", "plain"))
    blocks += [
        Text("Hai bên thoả thuận ký hợp đồng vay vốn với các điều khoản sau:"),
        Text(f"Điều 1. Số tiền vay: {format_money(loan.amount)} đồng. {_words(loan.amount)}"),
        Text(f"Điều 2. Mục đích vay: {loan.purpose or 'phát triển kinh tế gia đình'}."),
        Text(f"Điều 3. Thời hạn vay: {loan.term_months} tháng; phí/lãi: {rate}; trả hằng tháng "
             "theo lịch trả nợ dưới đây."),
        Text("Điều 4. Bên vay sử dụng vốn đúng mục đích, trả nợ đúng hạn; trả chậm thì số tiền "
             "đến hạn chưa trả được theo dõi là nợ quá hạn. Bên vay được trả trước hạn."),
        Text("Hợp đồng lập thành 02 bản, mỗi bên giữ 01 bản."),
        *_unkept(_schedule_table(schedule)),
    ]
    # the borrower (and guarantor) sign with room and their names; the lender's signer is the
    # one the text names (the letterhead's title), so the two never disagree
    signers = [("BÊN VAY", borrower.full_name)] + (
        [("NGƯỜI BẢO LÃNH", guarantor.full_name)] if guarantor else []) + [
        (f"ĐẠI DIỆN BÊN CHO VAY\n{office.on_behalf.upper()}\n{signer_title.upper()}",
         office.chair_name)]
    report = Report("HỢP ĐỒNG VAY VỐN", f"Quỹ tương hỗ Công đoàn – khoản vay {loan.number}",
                    [], blocks, sheet_name="Hợp đồng vay vốn", signers=signers)
    return report, office


def _title_case(title: str) -> str:
    """"PHÓ CHỦ TỊCH" → "Phó Chủ tịch" (as written in a sentence); empty → "Chủ tịch"."""
    text = " ".join(title.split()).lower().replace("chủ tịch", "Chủ tịch")
    return (text[:1].upper() + text[1:]) if text else "Chủ tịch"


def loan_contract(source, loan_id: uuid.UUID, out: str | os.PathLike[str], *,
                  is_cancelled: _Cancel = None) -> Path:
    check_suffix(out)
    with reading(source) as s:
        loan = loans.get_loan(s, loan_id)
        on = loan.disbursed_on or loan.decided_on or loan.applied_on
        report, office = build_contract(s, loan)
    return _write(report, out, office,
                  DocumentInfo(None, on, [], "HĐ", number_text=f"Số: {loan.number}"), is_cancelled)


def loan_card(source, loan_id: uuid.UUID, out: str | os.PathLike[str], *, as_of: date | None = None,
              is_cancelled: _Cancel = None) -> Path:
    """The member's loan card: the schedule, every entry of the loan, and its state."""
    check_suffix(out)
    as_of = as_of or date.today()
    with reading(source) as s:
        loan = loans.get_loan(s, loan_id)
        fund = s.get(Fund, loan.fund_id)
        assert fund is not None
        borrower = s.get(Member, loan.borrower_id)
        state = loans.state(s, loan, as_of)
        entries = s.scalars(select(FundEntry).where(FundEntry.loan_id == loan.id,
                                                    FundEntry.status == "posted")
                            .order_by(FundEntry.on, FundEntry.created_at)).all()
        cols = [Column("Ngày", 26, CENTER, xlsx_width=12), Column("Chứng từ", 32, xlsx_width=16),
                Column("Nội dung", 62, xlsx_width=40), _money_col("Gốc"), _money_col("Phí/lãi", 25)]
        rows = []
        for e in entries:
            postings = ledger.entry_lines(s, e.id)
            principal = sum(p.amount for p in postings if p.account == "loans" and p.loan_id == loan.id)
            fee = -sum(p.amount for p in postings if p.account == "fee")
            rows.append(Row([format_date(e.on), ledger.voucher_number(e), e.memo, principal, fee]))
        blocks: list = [
            Text(f"Người vay: {borrower.full_name if borrower else ''}. Số tiền vay: "
                 f"{format_money(loan.amount)} đồng; thời hạn {loan.term_months} tháng; "
                 f"trạng thái: {loans.STATUS_LABELS[loan.status]}."),
            *_unkept(_schedule_table(loans.schedule_of(s, loan.id))),
            *_unkept(Table(cols, rows, heading="Các lần giải ngân, trả nợ (gốc: + cho vay, − thu về)",
                           unit_note="Đơn vị tính: đồng")),
        ]
        if state is not None:
            blocks.append(Text(
                f"Đến ngày {format_date(as_of)}: đã trả gốc {format_money(state.principal_paid)} "
                f"đồng, dư nợ {format_money(state.outstanding)} đồng, quá hạn "
                f"{format_money(state.overdue)} đồng ({state.days_past_due} ngày); "
                f"tiền trả thừa {format_money(state.credit)} đồng."))
        report = Report("THẺ THEO DÕI KHOẢN VAY", f"Khoản vay {loan.number}", [], blocks,
                        sheet_name="Thẻ khoản vay")
        office = _fund_letterhead(s, fund)
    return _write(report, out, office,
                  DocumentInfo(None, as_of, [], "TK", number_text=f"Số: {loan.number}"),
                  is_cancelled)


# ---- vouchers --------------------------------------------------------------------------------

def voucher(source, entry_id: uuid.UUID, out: str | os.PathLike[str], *,
            is_cancelled: _Cancel = None) -> Path:
    """Phiếu thu (money in) or phiếu chi (money out), numbered per fund and year."""
    check_suffix(out)
    with reading(source) as s:
        entry = ledger.get_entry(s, entry_id)
        if entry.voucher_kind not in ("PT", "PC"):
            raise UserError("Bút toán này không thu hay chi tiền; không có phiếu thu/chi.")
        fund = s.get(Fund, entry.fund_id)
        assert fund is not None
        postings = ledger.entry_lines(s, entry.id)
        amount = abs(sum(p.amount for p in postings if p.account in ledger.MONEY_ACCOUNTS))
        member = s.get(Member, entry.member_id) if entry.member_id else None
        unit = s.get(Unit, fund.unit_id)
        loan = s.get(FundLoan, entry.loan_id) if entry.loan_id else None
        receipt = entry.voucher_kind == "PT"
        person = member.full_name if member else ""
        debit = sorted({ACCOUNT_LABELS[p.account] for p in postings if p.amount > 0})
        credit = sorted({ACCOUNT_LABELS[p.account] for p in postings if p.amount < 0})
        blocks: list = [
            Text(f"Mẫu số {'C40-BB' if receipt else 'C41-BB'} · Quyển số: {entry.year} · "
                 f"Nợ: {', '.join(debit)} · Có: {', '.join(credit)}", "italic"),
            Text(f"Họ và tên người {'nộp' if receipt else 'nhận'} tiền: {person}", "plain"),
            Text(f"Địa chỉ: {unit.name if unit else ''}", "plain"),
            Text(f"Lý do {'nộp' if receipt else 'chi'}: {entry.memo}"
                 + (f" (khoản vay {loan.number})" if loan and loan.number not in entry.memo else ""),
                 "plain"),
            Text(f"Số tiền: {format_money(amount)} đồng.", "plain"),
            Text(_words(amount), "plain"),
        ]
        allocation = entry.allocation
        if allocation:
            a = json.loads(allocation)
            blocks.append(Text(f"Trong đó: gốc {format_money(a['principal'])} đồng, phí/lãi "
                               f"{format_money(a['fee'])} đồng, tiền trả thừa "
                               f"{format_money(a['credit'])} đồng.", "plain"))
        if entry.reverses_id:
            original = s.get(FundEntry, entry.reverses_id)
            if original is not None:
                blocks.append(Text(f"Đảo chứng từ {ledger.voucher_number(original)} ngày "
                                   f"{format_date(original.on)}.", "plain"))
        blocks.append(Text("Kèm theo: ........ chứng từ gốc.", "plain"))
        report = Report("PHIẾU THU" if receipt else "PHIẾU CHI",
                        f"{fund.name} – ngày {format_date(entry.on)}", [], blocks,
                        sheet_name="Phiếu thu" if receipt else "Phiếu chi",
                        signers=[("Chủ tịch", ""), ("Kế toán", ""),
                                 ("Người nộp tiền" if receipt else "Người nhận tiền", person),
                                 ("Người lập phiếu", ""), ("Thủ quỹ", "")])
        office = _fund_letterhead(s, fund)
    return _write(report, out, office,
                  DocumentInfo(None, entry.on, [], entry.voucher_kind,
                               number_text=f"Số: {ledger.voucher_number(entry)}"), is_cancelled)


# ---- fund book -------------------------------------------------------------------------------

def build_fund_book(session: Session, fund: Fund, start: date, end: date) -> Report:
    """Sổ quỹ: money in and out of cash and bank, opening and closing balances."""
    if end < start:
        raise UserError("Ngày cuối kỳ trước ngày đầu kỳ.")
    opening = ledger.money_on_hand(session, fund.id, through=start.fromordinal(start.toordinal() - 1))
    # within a day, in the order the entries were written (a reversal after what it
    # reverses, a cash count's difference after the day's earlier entries)
    rows_q = (select(type_coerce(FundEntry.on, String), FundEntry.voucher_kind, FundEntry.year, FundEntry.voucher_no,
                     FundEntry.memo, FundPosting.amount)
              .join(FundEntry, FundEntry.id == FundPosting.entry_id)
              .where(FundPosting.fund_id == fund.id, FundEntry.status == "posted",
                     FundPosting.account.in_(list(ledger.MONEY_ACCOUNTS)),
                     FundPosting.on >= start, FundPosting.on <= end)
              .order_by(FundPosting.on, ledger.ENTRY_ORDER, FundPosting.account))
    money = 34.0
    memo_width = text_width_mm(landscape=True) - 24 - 32 - 3 * money  # the page's full width
    cols = [Column("Ngày", 24, CENTER, xlsx_width=12), Column("Số phiếu", 32, xlsx_width=16),
            Column("Diễn giải", memo_width, xlsx_width=60), _money_col("Thu", money),
            _money_col("Chi", money), _money_col("Tồn", money)]
    rows = [Row([None, None, "Số dư đầu kỳ", None, None, opening], bold=True)]
    running, total_in, total_out = opening, 0, 0
    days: dict[str, str] = {}  # each day read once (a year's book repeats 365 of them)
    # Core rows (no ORM loading step); the postings come from the covering index
    # ix_fund_posting_book, the entry by its key
    for on, kind, year, no, memo, amount in session.connection().execute(rows_q).all():
        running += amount
        if amount > 0:
            total_in += amount
            cash_in, cash_out = amount, None
        else:
            total_out -= amount
            cash_in, cash_out = None, -amount
        day = days.get(on)
        if day is None:
            day = days[on] = format_date(date.fromisoformat(on))
        rows.append(Row([day, f"{kind}-{year}-{no:04d}", memo, cash_in, cash_out, running]))
    totals = Row([None, None, "Cộng phát sinh / Số dư cuối kỳ", total_in, total_out, running])
    return Report("SỔ QUỸ", f"{fund.name} – từ {format_date(start)} đến {format_date(end)}", [],
                  _unkept(Table(cols, rows, totals, unit_note="Đơn vị tính: đồng", font_size=11)),
                  sheet_name="Sổ quỹ", landscape=True, signers=BOOK_SIGNERS)


PERIODS = ("month", "quarter", "year")


def period(kind: str, year: int, number: int = 1) -> tuple[date, date]:
    """The first and last day of month ``number`` / quarter ``number`` / the year."""
    if kind == "month":
        first = date(year, number, 1)
        last = date(year + number // 12, number % 12 + 1, 1)
    elif kind == "quarter":
        first = date(year, 3 * number - 2, 1)
        last = date(year + number // 4, (3 * number) % 12 + 1, 1)
    elif kind == "year":
        first, last = date(year, 1, 1), date(year + 1, 1, 1)
    else:
        raise ValueError(f"unknown period {kind!r}")
    return first, date.fromordinal(last.toordinal() - 1)


#: who signs a fund book (sổ quỹ tiền mặt)
BOOK_SIGNERS = [("Người ghi sổ", ""), ("Kế toán", ""), ("Thủ quỹ", ""), ("Chủ tịch", "")]


def book_date(end: date, today: date | None = None) -> date:
    """The fund book's place–date line: the period's end when it is past, else today (never a
    day that has not come yet)."""
    today = today or date.today()
    return min(end, today)


def fund_book(source, fund_id: uuid.UUID, out: str | os.PathLike[str], *, start: date, end: date,
              is_cancelled: _Cancel = None) -> Path:
    check_suffix(out)
    with reading(source) as s:
        fund = ledger.get_fund(s, fund_id)
        report = build_fund_book(s, fund, start, end)
        office = _fund_letterhead(s, fund)
    return _write(report, out, office, DocumentInfo(None, book_date(end), [], "SQ"), is_cancelled)


# ---- arrears and summary (the office's reports) ---------------------------------------------

def build_arrears(session: Session, as_of: date) -> Report:
    lines = arrears_in(session, as_of)
    labels: list[str] = []
    for f in session.scalars(select(Fund.buckets).distinct()):
        for label in bucket_labels(parse_buckets(f)):
            if label not in labels:
                labels.append(label)
    cols = [Column("TT", 10, CENTER, xlsx_width=5), Column("Đơn vị", 55, xlsx_width=34),
            Column("Khoản vay", 36, xlsx_width=18), Column("Người vay", 45, xlsx_width=26),
            _money_col("Dư nợ", 28), _money_col("Quá hạn", 28),
            Column("Số ngày", 18, CENTER, xlsx_width=9)]
    blocks: list = []
    for label in labels:
        group = [a for a in lines if a.bucket_label == label]
        if not group:
            continue
        rows = [Row([i, a.unit_name, a.loan_number, a.borrower, a.outstanding, a.overdue,
                     a.days_past_due]) for i, a in enumerate(group, 1)]
        totals = Row([None, f"Cộng ({len(group)} khoản)", None, None,
                      sum(a.outstanding for a in group), sum(a.overdue for a in group), None])
        blocks += _unkept(Table(cols, rows, totals, heading=f"Quá hạn {label}",
                                unit_note="Đơn vị tính: đồng", font_size=11))
    if not blocks:
        blocks.append(Text(f"Đến ngày {format_date(as_of)} không có khoản vay quá hạn."))
    return Report("DANH SÁCH", f"Các khoản vay Quỹ tương hỗ quá hạn đến ngày {format_date(as_of)}",
                  [], blocks, sheet_name="Nợ quá hạn", landscape=True)


def arrears_report(source, out: str | os.PathLike[str], *, as_of: date,
                   is_cancelled: _Cancel = None) -> Path:
    check_suffix(out)
    with reading(source) as s:
        report = build_arrears(s, as_of)
        office = load_office(s)
    return _write(report, out, office, DocumentInfo(None, as_of, None, "DS",
                  default_recipients=["Các CĐCS có quỹ", "Lưu: VT"]), is_cancelled)


def build_summary(session: Session, as_of: date) -> Report:
    """All funds of the office on ``as_of``, rolled up CĐCS → upper-level union → province."""
    totals = fund_totals(session, as_of)
    if not totals:
        raise UserError("Chưa có quỹ tương hỗ nào.")
    by_unit = {t.unit_id: t for t in totals}
    nodes = unit_tree(session)
    children: dict[uuid.UUID | None, list] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)
    fields = ("borrowers", "lent", "repaid", "outstanding", "balance")

    def sums(node) -> tuple[int, list[int]]:
        own = by_unit.get(node.id)
        funds_n, acc = (1, [getattr(own, f) for f in fields]) if own else (0, [0] * len(fields))
        for child in children.get(node.id, []):
            n, vals = sums(child)
            funds_n += n
            acc = [a + b for a, b in zip(acc, vals, strict=True)]
        return funds_n, acc

    cols = [Column("Đơn vị", 78, xlsx_width=40), Column("Số quỹ", 16, CENTER, xlsx_width=8),
            Column("Số người vay", 20, CENTER, xlsx_width=10), _money_col("Đã cho vay", 32),
            _money_col("Đã thu nợ gốc", 32), _money_col("Dư nợ", 32), _money_col("Tồn quỹ", 32)]
    rows: list[Row] = []
    depth_of: dict[uuid.UUID, int] = {}
    for node in nodes:
        depth = depth_of.get(node.parent_id, -1) + 1 if node.parent_id else 0
        depth_of[node.id] = depth
        n, vals = sums(node)
        if n == 0:
            continue
        rows.append(Row([node.name, n, *vals], bold=node.kind != UnitKind.GRASSROOTS, indent=depth))
    grand = [sum(getattr(t, f) for t in totals) for f in fields]
    total_row = Row(["Tổng cộng", len(totals), *grand])
    return Report("BÁO CÁO", f"Tình hình hoạt động Quỹ tương hỗ Công đoàn đến ngày {format_date(as_of)}",
                  [], _unkept(Table(cols, rows, total_row, unit_note="Đơn vị tính: đồng",
                                    indent_column=0, font_size=11)),
                  sheet_name="Tổng hợp Quỹ tương hỗ", landscape=True)


def summary_report(source, out: str | os.PathLike[str], *, as_of: date,
                   is_cancelled: _Cancel = None) -> Path:
    check_suffix(out)
    with reading(source) as s:
        report = build_summary(s, as_of)
        office = load_office(s)
    parent = [f"{office.parent_name} (b/c)"] if office.parent_name else []
    return _write(report, out, office, DocumentInfo(None, as_of, None, "BC",
                  default_recipients=[*parent, "Các CĐCS có quỹ", "Lưu: VT"]), is_cancelled)
