"""Headless commands of the mutual-aid fund, added to the main parser by :func:`register`:

    main.py fund create --unit CODE [--start D] [--ceiling N] [--term MONTHS] [--rate %/NĂM]
                        [--rounding N] [--grace DAYS] [--buckets 30,90]
                        [--allocation fee_first|principal_first] [--second-loan] [--capital N]
    main.py fund list
    main.py fund contribute --fund F --member NAME --amount N [--date D]
    main.py fund refund --fund F --member NAME [--amount N] [--date D]
    main.py fund lend --fund F --member NAME --amount N --term MONTHS [--purpose TEXT]
                      [--guarantor NAME] [--date D] [--stop-at applied|approved|disbursed]
    main.py fund approve|withdraw LOAN [--date D] [--reason TEXT]
    main.py fund reject LOAN --reason TEXT [--date D]
    main.py fund disburse LOAN [--date D]
    main.py fund repay LOAN --amount N [--date D]
    main.py fund refund-credit LOAN [--amount N] [--date D]
    main.py fund reverse ENTRY --reason TEXT [--date D]
    main.py fund lock --fund F --through D
    main.py fund count --fund F --counted N [--date D]
    main.py fund statement OUT.(xlsx|pdf) --fund F --from D --to D
    main.py fund arrears OUT.(xlsx|pdf) [--as-of D]
    main.py fund summary OUT.(xlsx|pdf) [--as-of D]
    main.py fund contract LOAN OUT.(xlsx|pdf)   ·   fund card LOAN OUT   ·   fund voucher ENTRY OUT
    main.py fund import FILE.xlsx [--dry-run] [--report OUT.xlsx]
    main.py fund check

Every command takes --json. Exit codes as elsewhere: 0 success, 1 rejected input (a
Vietnamese message on stderr), 2 usage; ``fund check`` exits 1 when the books are not sound.
Money is whole đồng ("25500000" or "25.500.000"), above 0 except ``--capital`` and
``--counted`` (where 0 means no capital, an empty till).
"""

from __future__ import annotations

import argparse
import uuid
from dataclasses import asdict
from datetime import date

from core.cli.org import _open, _print_json, date_arg, written
from core.common.errors import UserError


def _money(text: str) -> int:
    from core.common.vnformat import parse_money

    try:
        value = parse_money(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if value is None:
        raise argparse.ArgumentTypeError("thiếu số tiền")
    return value


def money_arg(text: str) -> int:
    """An amount where 0 makes no sense (a loan, a repayment, a contribution, a refund, a
    ceiling, a rounding multiple): whole đồng above zero."""
    value = _money(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"số tiền phải lớn hơn 0: {text}")
    return value


def money_or_zero_arg(text: str) -> int:
    """An amount where 0 means something (no opening capital, an empty till counted)."""
    value = _money(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"số tiền không được âm: {text}")
    return value


def rate_arg(text: str) -> int:
    """The fee or interest a year as the window takes it, a percentage: "6" or "6,5%" or
    "6,5 %/năm" (→ 600 or 650 hundredths of a percent), read by vnformat.parse_percent."""
    from core.common.vnformat import parse_percent
    from core.fund.funds import format_rate

    try:
        value = parse_percent(text)
    except ValueError as exc:
        hint = ""
        if text.strip().isdigit() and int(text) > 100:  # a script still written in phần vạn
            bp = int(text)
            hint = (f" --rate nay tính theo %/năm như trên cửa sổ: {bp} phần vạn là "
                    f"--rate {format_rate(bp)}.")
        raise argparse.ArgumentTypeError(f"{exc}{hint}") from None
    return value or 0


def _member(db, fund_id: uuid.UUID, text: str) -> uuid.UUID:
    from core.common.text import clean, fold
    from core.fund import ops

    wanted = fold(clean(text))
    found = [m for m in ops.members(db, fund_id) if fold(m.name) == wanted or str(m.id) == text]
    if not found:
        raise UserError(f"Không tìm thấy đoàn viên “{text}” trong đơn vị có quỹ.")
    if len(found) > 1:
        raise UserError(f"Có {len(found)} đoàn viên tên “{text}”; hãy dùng mã đoàn viên (UUID).")
    return found[0].id


def _fund_json(f) -> dict:
    return {"id": str(f.id), "code": f.code, "name": f.name, "unit": f.unit_code,
            "started_on": f.started_on.isoformat(), "money": f.money, "outstanding": f.outstanding,
            "contributions": f.contributions, "loans_open": f.loans_open,
            "locked_through": f.locked_through.isoformat() if f.locked_through else None,
            "settings": asdict(f.settings)}


def _entry_json(e) -> dict:
    return {"id": str(e.id), "voucher": e.voucher, "date": e.on.isoformat(), "kind": e.kind,
            "amount": e.amount, "memo": e.memo, "loan": e.loan_number or None,
            "allocation": e.allocation}


def _loan_json(loan) -> dict:
    st = loan.state
    return {"id": str(loan.id), "number": loan.number, "borrower": loan.borrower,
            "amount": loan.amount, "term_months": loan.term_months, "status": loan.status,
            "disbursed_on": loan.disbursed_on.isoformat() if loan.disbursed_on else None,
            "voucher": loan.voucher or None,
            "state": None if st is None else {
                "as_of": st.as_of.isoformat(), "outstanding": st.outstanding,
                "principal_paid": st.principal_paid, "fee_paid": st.fee_paid,
                "overdue": st.overdue, "days_past_due": st.days_past_due, "credit": st.credit,
                "closed": st.closed}}


def _run(args, work):
    db = _open(args)
    try:
        if not db.office_code:
            raise UserError("Chưa khởi tạo đơn vị của văn phòng (lệnh init).")
        return work(db)
    finally:
        db.close()


def _say(args, data: dict, text: str) -> int:
    if args.json:
        _print_json(data)
    else:
        print(text)
    return 0


def fund_create(args) -> int:
    from core.common.vnformat import format_money as n
    from core.fund import ops

    settings = ops.FundSettings(ceiling=args.ceiling, max_term_months=args.term, rate_bp=args.rate,
                                rounding=args.rounding, grace_days=args.grace, buckets=args.buckets,
                                allocation=args.allocation, allow_second_loan=args.second_loan,
                                guidance=args.guidance)
    info = _run(args, lambda db: ops.create_fund(db, args.unit, args.start or date.today(), settings,
                                                capital=args.capital).value)
    from core.fund.funds import format_rate

    return _say(args, _fund_json(info), f"Đã lập {info.name} ({info.code}); phí/lãi "
                f"{format_rate(info.settings.rate_bp)} %/năm; tồn quỹ {n(info.money)} đồng.")


def fund_list(args) -> int:
    from core.common.vnformat import format_money as n
    from core.fund import ops

    funds = _run(args, ops.list_funds)
    if args.json:
        _print_json([_fund_json(f) for f in funds])
        return 0
    for f in funds:
        print(f"{f.code}\t{f.name}\ttồn quỹ {n(f.money)}\tdư nợ {n(f.outstanding)}\t"
              f"{f.loans_open} khoản đang vay")
    print(f"{len(funds)} quỹ.")
    return 0


def fund_contribute(args) -> int:
    from core.common.vnformat import format_money as n
    from core.fund import ops

    def work(db):
        fund = ops.find_fund(db, args.fund)
        return ops.contribute(db, fund.id, _member(db, fund.id, args.member), args.amount,
                              args.date or date.today()).value
    e = _run(args, work)
    return _say(args, _entry_json(e), f"Đã ghi {e.voucher}: {e.memo}, {n(e.amount)} đồng.")


def fund_refund(args) -> int:
    from core.common.vnformat import format_money as n
    from core.fund import ops

    def work(db):
        fund = ops.find_fund(db, args.fund)
        return ops.refund(db, fund.id, _member(db, fund.id, args.member), args.date or date.today(),
                          args.amount).value
    e = _run(args, work)
    return _say(args, _entry_json(e), f"Đã ghi {e.voucher}: {e.memo}, {n(-e.amount)} đồng.")


def fund_lend(args) -> int:
    from core.common.vnformat import format_money as n
    from core.fund import ops

    def work(db):
        fund = ops.find_fund(db, args.fund)
        on = args.date or date.today()
        request = ops.LoanRequest(_member(db, fund.id, args.member), args.amount, args.term,
                                  args.purpose, _member(db, fund.id, args.guarantor)
                                  if args.guarantor else None, on)
        return ops.lend(db, fund.id, request, stop_at=args.stop_at, on=on).value
    loan = _run(args, work)
    return _say(args, _loan_json(loan), _loan_text(loan, n))


def _loan_text(loan, n) -> str:
    text = (f"Khoản vay {loan.number} của {loan.borrower}: {n(loan.amount)} đồng, "
            f"{loan.term_months} tháng — {loan.status_label}.")
    if loan.voucher:
        text += f" Phiếu chi giải ngân: {loan.voucher}."
    return text


def fund_decide(args) -> int:
    """approve | reject | withdraw | disburse an application (args.action)."""
    from core.common.vnformat import format_money as n
    from core.fund import ops

    def work(db):
        loan = ops.find_loan(db, args.loan)
        on = args.date or date.today()
        if args.action == "disburse":
            return ops.disburse(db, loan.id, on).value
        return ops.decide(db, loan.id, args.action, on, args.reason or "").value
    loan = _run(args, work)
    return _say(args, _loan_json(loan), _loan_text(loan, n))


def fund_repay(args) -> int:
    from core.common.vnformat import format_money as n
    from core.fund import ops

    def work(db):
        loan = ops.find_loan(db, args.loan)
        return ops.repay(db, loan.id, args.amount, args.date or date.today()).value
    e = _run(args, work)
    a = e.allocation or {}
    return _say(args, _entry_json(e), f"Đã ghi {e.voucher}: {n(e.amount)} đồng — gốc "
                f"{n(a.get('principal', 0))}, phí/lãi {n(a.get('fee', 0))}, trả thừa "
                f"{n(a.get('credit', 0))}.")


def fund_refund_credit(args) -> int:
    from core.common.vnformat import format_money as n
    from core.fund import ops

    def work(db):
        loan = ops.find_loan(db, args.loan)
        return ops.refund_credit(db, loan.id, args.date or date.today(), args.amount).value
    e = _run(args, work)
    return _say(args, _entry_json(e), f"Đã ghi {e.voucher}: {e.memo}, {n(-e.amount)} đồng.")


def fund_reverse(args) -> int:
    from core.fund import ops

    def work(db):
        entry = ops.find_entry(db, args.entry, args.fund)
        return ops.reverse(db, entry.id, args.reason, args.date).value
    e = _run(args, work)
    return _say(args, _entry_json(e), f"Đã ghi bút toán đảo {e.voucher}: {e.memo}.")


def fund_lock(args) -> int:
    from core.common.vnformat import format_date
    from core.fund import ops

    info = _run(args, lambda db: ops.lock_period(db, ops.find_fund(db, args.fund).id, args.through).value)
    return _say(args, _fund_json(info), f"Đã khoá sổ {info.name} đến hết ngày {format_date(args.through)}.")


def fund_count(args) -> int:
    from core.fund import ops

    e = _run(args, lambda db: ops.count_cash(db, ops.find_fund(db, args.fund).id,
                                             args.date or date.today(), args.counted).value)
    if e is None:
        return _say(args, {"difference": 0}, "Tiền kiểm kê khớp sổ quỹ.")
    return _say(args, {"difference": e.amount, "entry": _entry_json(e)}, f"{e.memo} ({e.voucher}).")


def fund_statement(args) -> int:
    from core.fund import documents, ops

    path = _run(args, lambda db: documents.fund_book(db, ops.find_fund(db, args.fund).id, args.out,
                                                     start=args.start, end=args.end))
    return written(args, path)


def fund_arrears(args) -> int:
    from core.fund import documents

    path = _run(args, lambda db: documents.arrears_report(db, args.out, as_of=args.as_of or date.today()))
    return written(args, path)


def fund_summary(args) -> int:
    from core.fund import documents

    path = _run(args, lambda db: documents.summary_report(db, args.out, as_of=args.as_of or date.today()))
    return written(args, path)


def fund_contract(args) -> int:
    from core.fund import documents, ops

    path = _run(args, lambda db: documents.loan_contract(db, ops.find_loan(db, args.loan).id, args.out))
    return written(args, path)


def fund_card(args) -> int:
    from core.fund import documents, ops

    path = _run(args, lambda db: documents.loan_card(db, ops.find_loan(db, args.loan).id, args.out,
                                                     as_of=args.as_of))
    return written(args, path)


def fund_voucher(args) -> int:
    from core.fund import documents, ops

    def work(db):
        entry = ops.find_entry(db, args.entry, args.fund)
        return documents.voucher(db, entry.id, args.out)
    return written(args, _run(args, work))


def fund_import(args) -> int:
    from core.cli.org import run_import
    from core.fund.importing import COLUMNS, import_loans

    return run_import(args, import_loans, columns=COLUMNS, noun="khoản vay",
                      unchanged="khoản vay đã có")


def fund_check(args) -> int:
    from core.fund import ops

    report = _run(args, ops.check)
    if args.json:
        _print_json({**asdict(report), "ok": report.ok})
    else:
        print(f"{report.funds} quỹ, {report.entries} bút toán, {report.postings} dòng; "
              f"tổng số dư các tài khoản: {report.trial_balance} (phải bằng 0).")
        print(f"Bút toán không cân: {len(report.unbalanced)}. Trigger bảo vệ sổ còn thiếu: "
              f"{', '.join(report.missing_triggers) or 'không'}.")
        print(f"Kiểm kê quỹ: {report.cash_counts} lần, {report.count_differences} lần có chênh lệch "
              "(đã hạch toán vào tài khoản chênh lệch).")
        print(f"Khoản vay có lịch trả nợ sai: {len(report.bad_schedules)}.")
        for line in report.bad_schedules:
            print(f"  {line}")
        print("Sổ quỹ đúng." if report.ok else "SỔ QUỸ CÓ LỖI.")
    return 0 if report.ok else 1


ENTRY_HELP = ("số phiếu in trên phiếu (ví dụ PT-2026-0002) hoặc mã bút toán (chuỗi 32 ký tự "
              "hex, trường id trong kết quả --json)")
FUND_OF_VOUCHER = "mã quỹ hoặc mã CĐCS, khi nhiều quỹ có cùng số phiếu"


def register(subparsers) -> None:
    """Add the ``fund`` command and its actions to the main parser."""
    fund = subparsers.add_parser("fund", help="Quỹ tương hỗ Công đoàn").add_subparsers(
        dest="action", metavar="ACTION")
    fund.required = True

    def add(name, handler, help_text):
        p = fund.add_parser(name, help=help_text)
        p.add_argument("--json", action="store_true", help="kết quả dạng JSON")
        p.set_defaults(handler=handler)
        return p

    p = add("create", fund_create, "lập quỹ cho một CĐCS")
    p.add_argument("--unit", required=True, metavar="CODE", help="mã (hoặc tên) CĐCS")
    p.add_argument("--start", type=date_arg, metavar="D", help="ngày thành lập (mặc định hôm nay)")
    p.add_argument("--ceiling", type=money_arg, default=30_000_000, metavar="N", help="mức vay tối đa (đồng)")
    p.add_argument("--term", type=int, default=24, metavar="MONTHS", help="thời hạn vay tối đa (tháng)")
    p.add_argument("--rate", type=rate_arg, default=0, metavar="%/NĂM",
                   help="phí/lãi một năm, phần trăm như trên cửa sổ: 6 hoặc 6,5 hoặc \"6,5%%\" "
                        "(mặc định 0)")
    p.add_argument("--rounding", type=money_arg, default=1000, metavar="N", help="làm tròn kỳ trả tới bội số")
    p.add_argument("--grace", type=int, default=0, metavar="DAYS", help="số ngày ân hạn")
    p.add_argument("--buckets", default="30,90", help="nhóm nợ quá hạn (ngày), mặc định 30,90")
    p.add_argument("--allocation", choices=["fee_first", "principal_first"], default="fee_first",
                   help="thứ tự thu: fee_first = phí/lãi trước rồi gốc (mặc định), principal_first = gốc trước")
    p.add_argument("--second-loan", action="store_true", help="cho phép vay khi chưa trả hết khoản trước")
    p.add_argument("--guidance", default="Hướng dẫn 53/HD-LĐLĐ", help="văn bản hướng dẫn áp dụng")
    p.add_argument("--capital", type=money_or_zero_arg, default=0, metavar="N",
                   help="vốn ban đầu (đồng; 0 = chưa có)")

    add("list", fund_list, "liệt kê các quỹ")

    for name, handler, text in (("contribute", fund_contribute, "ghi đoàn viên góp vốn"),
                                ("refund", fund_refund, "hoàn trả vốn góp")):
        p = add(name, handler, text)
        p.add_argument("--fund", required=True, metavar="F", help="mã quỹ hoặc mã CĐCS")
        p.add_argument("--member", required=True, metavar="NAME", help="họ tên (hoặc mã) đoàn viên")
        p.add_argument("--amount", type=money_arg, required=name == "contribute", metavar="N",
                       help="số tiền (đồng)" + ("" if name == "contribute" else "; mặc định toàn bộ vốn góp"))
        p.add_argument("--date", type=date_arg, metavar="D", help="ngày ghi sổ (mặc định hôm nay)")

    p = add("lend", fund_lend, "cho vay: nộp đơn, duyệt và giải ngân (hoặc dừng ở một bước)")
    p.add_argument("--fund", required=True, metavar="F", help="mã quỹ hoặc mã CĐCS")
    p.add_argument("--member", required=True, metavar="NAME", help="họ tên (hoặc mã) người vay")
    p.add_argument("--amount", type=money_arg, required=True, metavar="N", help="số tiền (đồng)")
    p.add_argument("--term", type=int, required=True, metavar="MONTHS", help="thời hạn vay (tháng)")
    p.add_argument("--purpose", default="", metavar="TEXT", help="mục đích vay")
    p.add_argument("--guarantor", metavar="NAME", help="họ tên (hoặc mã) người bảo lãnh")
    p.add_argument("--date", type=date_arg, metavar="D", help="ngày ghi sổ (mặc định hôm nay)")
    p.add_argument("--stop-at", choices=["applied", "approved", "disbursed"], default="disbursed",
                   help="dừng ở bước: applied = chỉ nộp đơn, approved = đã duyệt, disbursed = giải ngân (mặc định)")

    for name, text, reason in (
            ("approve", "duyệt một đơn vay", "ghi chú"),
            ("reject", "không duyệt một đơn vay (bắt buộc ghi lý do)", "lý do không duyệt"),
            ("withdraw", "ghi người vay rút đơn (đơn đã nộp hoặc đã duyệt)", "lý do rút đơn"),
            ("disburse", "giải ngân một khoản vay đã duyệt (lập phiếu chi và lịch trả nợ)", None)):
        p = add(name, fund_decide, text)
        p.add_argument("loan", help="số khoản vay, ví dụ VL-VV-2026-00001")
        p.add_argument("--date", type=date_arg, metavar="D", help="ngày quyết định (mặc định hôm nay)")
        if reason:
            p.add_argument("--reason", required=name == "reject", metavar="TEXT", help=reason)

    p = add("repay", fund_repay, "ghi trả nợ")
    p.add_argument("loan", help="số khoản vay, ví dụ VL-VV-2026-00001")
    p.add_argument("--amount", type=money_arg, required=True, metavar="N", help="số tiền (đồng)")
    p.add_argument("--date", type=date_arg, metavar="D", help="ngày ghi sổ (mặc định hôm nay)")

    p = add("refund-credit", fund_refund_credit,
            "hoàn trả người vay tiền trả thừa của một khoản vay (lập phiếu chi)")
    p.add_argument("loan", help="số khoản vay, ví dụ VL-VV-2026-00001")
    p.add_argument("--amount", type=money_arg, metavar="N",
                   help="số tiền hoàn trả (mặc định toàn bộ tiền trả thừa)")
    p.add_argument("--date", type=date_arg, metavar="D", help="ngày chi (mặc định hôm nay)")

    p = add("reverse", fund_reverse, "đảo một bút toán (bắt buộc ghi lý do)")
    p.add_argument("entry", metavar="ENTRY", help=ENTRY_HELP)
    p.add_argument("--fund", metavar="F", help=FUND_OF_VOUCHER)
    p.add_argument("--reason", required=True, metavar="TEXT", help="lý do đảo (bắt buộc)")
    p.add_argument("--date", type=date_arg, metavar="D",
                   help="ngày bút toán đảo (mặc định ngày của bút toán gốc)")

    p = add("lock", fund_lock, "khóa sổ đến hết một ngày")
    p.add_argument("--fund", required=True, metavar="F", help="mã quỹ hoặc mã CĐCS")
    p.add_argument("--through", type=date_arg, required=True, metavar="D", help="khóa sổ đến hết ngày này")

    p = add("count", fund_count, "ghi kết quả kiểm kê tiền mặt")
    p.add_argument("--fund", required=True, metavar="F", help="mã quỹ hoặc mã CĐCS")
    p.add_argument("--counted", type=money_or_zero_arg, required=True, metavar="N",
                   help="số tiền mặt đếm được (đồng; 0 khi két không còn tiền)")
    p.add_argument("--date", type=date_arg, metavar="D", help="ngày ghi sổ (mặc định hôm nay)")

    p = add("statement", fund_statement, "sổ quỹ của một kỳ (.xlsx hoặc .pdf)")
    p.add_argument("out", metavar="OUT", help="tệp ghi ra (.pdf hoặc .xlsx)")
    p.add_argument("--fund", required=True, metavar="F", help="mã quỹ hoặc mã CĐCS")
    p.add_argument("--from", dest="start", type=date_arg, required=True, metavar="D", help="từ ngày")
    p.add_argument("--to", dest="end", type=date_arg, required=True, metavar="D", help="đến ngày")

    for name, handler, text in (("arrears", fund_arrears, "danh sách nợ quá hạn theo nhóm"),
                                ("summary", fund_summary, "báo cáo tổng hợp các quỹ")):
        p = add(name, handler, text)
        p.add_argument("out", metavar="OUT", help="tệp ghi ra (.pdf hoặc .xlsx)")
        p.add_argument("--as-of", type=date_arg, metavar="D", help="tính đến ngày (mặc định hôm nay)")

    for name, handler, text in (("contract", fund_contract, "hợp đồng vay vốn"),
                                ("card", fund_card, "thẻ theo dõi khoản vay")):
        p = add(name, handler, text)
        p.add_argument("loan", help="số khoản vay, ví dụ VL-VV-2026-00001")
        p.add_argument("out", metavar="OUT", help="tệp ghi ra (.pdf hoặc .xlsx)")
        p.add_argument("--as-of", type=date_arg, metavar="D", help="tính đến ngày (mặc định hôm nay)")

    p = add("voucher", fund_voucher, "phiếu thu / phiếu chi của một bút toán (.pdf hoặc .xlsx)")
    p.add_argument("entry", metavar="ENTRY", help=ENTRY_HELP)
    p.add_argument("out", metavar="OUT", help="tệp ghi ra (.pdf hoặc .xlsx)")
    p.add_argument("--fund", metavar="F", help=FUND_OF_VOUCHER)

    p = add("import", fund_import, "nhập sổ cho vay đang giữ trên bảng tính (mỗi dòng một khoản vay)")
    p.add_argument("file", help="tệp bảng tính .xlsx, .xls hoặc .ods")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    p.add_argument("--report", metavar="OUT.xlsx", help="ghi báo cáo các dòng bị từ chối")

    add("check", fund_check, "kiểm tra sổ quỹ: cân đối, trigger bảo vệ, kiểm kê")
