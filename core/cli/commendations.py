"""Headless commands for commendations, added to the main parser by :func:`register`:

    main.py commendations import FILE --round R [--year YYYY] [--level L] [--dry-run] [--report OUT.xlsx]
    main.py commendations list --round R
    main.py commendations approve --round R --decision NUMBER --date DATE [--nominee ID …] [--include-failing]
    main.py commendations unapprove --nominee ID … --reason TEXT [--printed-ok]
    main.py commendations check --round R
    main.py commendations summaries --round R
    main.py commendations totrinh OUT.pdf --round R [--date DATE] [--number N]
    main.py commendations decision OUT.(pdf|xlsx) --round R [--decision NUMBER] [--date DATE]
    main.py certificates print OUT.pdf --round R [--stock] [--template T]
                                       [--offset-x MM --offset-y MM] [--printer NAME]
    main.py certificates calibration OUT.pdf [--template T] [--printer NAME]
                                       [--offset-x MM --offset-y MM] [--save]

Every command takes ``--json``. A round is named by its name (tone marks ignored) or id.
Exit codes as for the other commands: 0 success, 1 rejected input, 2 usage.
"""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path

from core.cli.org import _open, _print_json, date_arg, run_import, written
from core.common.errors import UserError


def _round(db, text: str):
    from core.commendations import ops

    r = ops.find_round(db, text)
    if r is None:
        names = "; ".join(f"«{x.name}» ({x.year})" for x in ops.rounds(db)[:10]) or "chưa có đợt nào"
        raise UserError(f"Không tìm thấy đợt khen thưởng «{text}» (các đợt: {names}).")
    return r


def import_(args) -> int:
    from core.commendations.importing import COLUMNS, import_nominees

    def importer(db, path, *, dry_run):
        from db.models import RoundLevel

        return import_nominees(db, path, round_name=args.round, year=args.year, dry_run=dry_run,
                               level=RoundLevel(args.level) if args.level else None)

    return run_import(args, importer, columns=COLUMNS, noun="người/tập thể được đề nghị",
                      unchanged="dòng đã có trong đợt")


def list_(args) -> int:
    from core.commendations import ops

    db = _open(args)
    try:
        r = _round(db, args.round)
        rows = ops.nominees(db, r.id, search=args.search or "")
    finally:
        db.close()
    if args.json:
        _print_json({"round": r.name, "year": r.year, "nominees": [
            {"id": str(n.id), "stt": n.seq, "kind": n.kind.value, "name": n.full_name,
             "unit": n.unit_name, "position": n.position, "award": ops.AWARD_LABELS[n.award],
             "status": n.status.value, "decision": n.decision_number,
             "decision_date": n.decision_date} for n in rows]})
        return 0
    print(f"{r.name} ({r.year}): {len(rows)} người/tập thể")
    for n in rows:
        decided = f" — QĐ {n.decision_number}" if n.decision_number else ""
        print(f"{n.seq:>3}. {n.full_name} | {n.unit_name} | {ops.AWARD_LABELS[n.award]} | "
              f"{ops.STATUS_LABELS[n.status]}{decided}  [{n.id}]")
    return 0


def approve(args) -> int:
    from core.commendations import ops

    db = _open(args)
    try:
        r = _round(db, args.round)
        skipped: list = []
        if args.nominee:
            try:
                ids = [uuid.UUID(x) for x in args.nominee]
            except ValueError:
                raise UserError("--nominee phải là mã (id) in ở lệnh list.") from None
        else:  # every proposed one — those failing a check only with --include-failing
            proposed = [c for c in ops.check_round(db, r.id) if c.row.status == ops.NomineeStatus.PROPOSED]
            skipped = [c for c in proposed if c.problems and not args.include_failing]
            ids = [c.row.id for c in proposed if c not in skipped]
            if not ids:
                raise UserError("Không có ai đang đề nghị đạt đủ điều kiện để duyệt"
                                + (f" ({len(skipped)} người/tập thể chưa đạt; xem lệnh check, hoặc "
                                   "dùng --include-failing)." if skipped else "."))
        count = ops.approve(db, r.id, args.decision, args.date, ids).value
    finally:
        db.close()
    if args.json:
        _print_json({"approved": count, "decision": args.decision, "date": args.date,
                     "skipped": [{"id": str(c.row.id), "name": c.row.full_name,
                                  "problems": [f.message for f in c.problems]} for c in skipped]})
    else:
        print(f"Đã duyệt khen thưởng {count} người/tập thể theo Quyết định số {args.decision}.")
        for c in skipped:
            print(f"  Chưa duyệt {c.row.full_name}: {'; '.join(f.message for f in c.problems)}")
    return 0


def unapprove(args) -> int:
    from core.commendations import ops

    try:
        ids = [uuid.UUID(x) for x in args.nominee]
    except ValueError:
        raise UserError("--nominee phải là mã (id) in ở lệnh list.") from None
    db = _open(args)
    try:
        count = ops.unapprove(db, ids, args.reason, printed_ok=args.printed_ok).value
    except ops.AlreadyPrinted as exc:
        raise UserError(f"{exc} Thêm --printed-ok để vẫn hủy duyệt.") from None
    finally:
        db.close()
    if args.json:
        _print_json({"unapproved": count, "reason": args.reason})
    else:
        print(f"Đã hủy duyệt {count} người/tập thể; trở lại trạng thái đề nghị.")
    return 0


def check(args) -> int:
    from core.commendations import ops

    db = _open(args)
    try:
        r = _round(db, args.round)
        checks = ops.check_round(db, r.id)
        files = ops.round_file(db, r.id)
    finally:
        db.close()
    problems = sum(len(c.problems) for c in checks)
    if args.json:
        _print_json({"round": r.name, "nominees": [
            {"id": str(c.row.id), "name": c.row.full_name,
             "findings": [{"rule": f.rule, "ok": f.ok, "message": f.message} for f in c.findings]}
            for c in checks], "file_complete": files.complete, "missing": files.missing()})
    else:
        for c in checks:
            print(f"{c.row.seq}. {c.row.full_name} ({ops.AWARD_LABELS[c.row.award]})")
            for f in c.findings:
                print(f"   {'✓' if f.ok else '✗'} {f.message}")
        print("Hồ sơ: đủ." if files.complete else "Hồ sơ còn thiếu:")
        for line in files.missing():
            print(f"   {line}")
    return 0 if not problems and files.complete else 1


def summaries(args) -> int:
    from core.commendations import ops

    db = _open(args)
    try:
        r = _round(db, args.round)
        count = ops.generate_initiative_summaries(db, r.id).value
    finally:
        db.close()
    if args.json:
        _print_json({"nominees": count})
    else:
        print(f"Đã lập tóm tắt sáng kiến vào hồ sơ của {count} cá nhân.")
    return 0


def totrinh(args) -> int:
    from core.commendations import ops

    db = _open(args)
    try:
        r = _round(db, args.round)
        number = ops.write_totrinh(db, r.id, args.out, signed_on=args.date, number=args.number).value
    finally:
        db.close()
    return written(args, args.out, number=number)


def decision(args) -> int:
    from core.commendations import ops

    db = _open(args)
    try:
        r = _round(db, args.round)
        try:
            path = ops.write_decision(db, r.id, args.out, decision_number=args.decision,
                                      signed_on=args.date)
        except ops.SeveralDecisions as exc:
            raise UserError(f"{exc} Dùng --decision SỐ (và --date khi một số có hai ngày).") from None
    finally:
        db.close()
    return written(args, path)


def certificates_print(args) -> int:
    from core.commendations import ops

    if (args.offset_x is None) != (args.offset_y is None):
        raise UserError("Cần cả --offset-x và --offset-y (mm).")
    db = _open(args)
    try:
        r = _round(db, args.round)
        result = ops.print_certificates(db, r.id, args.out, stock=args.stock, template=args.template,
                                        dx_mm=args.offset_x, dy_mm=args.offset_y,
                                        printer=args.printer or "", record=not args.proof).value
    finally:
        db.close()
    if args.json:
        _print_json({"file": str(result.path), "certificates": result.count,
                     "numbers": list(result.numbers), "reprints": result.reprints,
                     "skipped": list(result.skipped)})
    else:
        print(f"Đã ghi {result.path}: {result.count} giấy khen/bằng khen (số "
              f"{', '.join(result.numbers)}; in lại {result.reprints}).")
        for name in result.skipped:
            print(f"  Không in: {name}.")
    return 0


def certificates_calibration(args) -> int:
    from core.commendations import ops

    db = _open(args)
    try:
        if args.save:
            if args.offset_x is None or args.offset_y is None:
                raise UserError("--save cần --offset-x và --offset-y (mm).")
            ops.set_calibration(db, ops.Calibration(args.printer or "", args.offset_x, args.offset_y))
        path = ops.write_calibration_page(db, args.out, printer=args.printer or "",
                                          template=args.template or "giay_khen_a4",
                                          dx_mm=args.offset_x, dy_mm=args.offset_y)
    finally:
        db.close()
    return written(args, path)


def _out(suffixes: tuple[str, ...]):
    def check(text: str) -> Path:
        path = Path(text)
        if path.suffix.lower() not in suffixes:
            raise argparse.ArgumentTypeError(f"tệp kết quả phải có đuôi {' hoặc '.join(suffixes)}: {text}")
        return path
    return check


def _templates() -> list[str]:
    from core.commendations import certificates

    return certificates.templates()


_TEMPLATES = _templates()


def register(subparsers) -> None:
    """Add the ``commendations`` and ``certificates`` commands to the main parser."""
    c = subparsers.add_parser("commendations", help="khen thưởng: đợt, người được đề nghị, hồ sơ") \
        .add_subparsers(dest="action", metavar="ACTION")
    c.required = True

    p = c.add_parser("import", help="nhập danh sách đề nghị khen thưởng từ bảng tính")
    p.add_argument("file", help="tệp bảng tính .xlsx, .xls hoặc .ods")
    p.add_argument("--round", required=True, metavar="R", help="tên đợt (tạo mới nếu chưa có)")
    p.add_argument("--year", type=int, metavar="YYYY", help="năm của đợt mới")
    p.add_argument("--level", choices=("grassroots", "upper", "province", "national"),
                   help="cấp của đợt mới: grassroots (CĐCS), upper (công đoàn cấp trên trực tiếp "
                        "cơ sở, mặc định), province (LĐLĐ tỉnh), national (Tổng Liên đoàn)")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    p.add_argument("--report", metavar="OUT.xlsx", help="ghi báo cáo các dòng bị từ chối")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=import_)

    p = c.add_parser("list", help="danh sách người/tập thể của một đợt")
    p.add_argument("--round", required=True, metavar="R", help="đợt khen thưởng: tên đủ, năm, một phần tên (không dấu cũng được) hoặc mã")
    p.add_argument("--search", metavar="TEXT", help="tìm theo tên hoặc đơn vị (không dấu cũng được)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=list_)

    p = c.add_parser("approve", help="duyệt khen thưởng theo quyết định")
    p.add_argument("--round", required=True, metavar="R", help="đợt khen thưởng: tên đủ, năm, một phần tên (không dấu cũng được) hoặc mã")
    p.add_argument("--decision", required=True, metavar="NUMBER", help="số quyết định, ví dụ 25/QĐ-LĐLĐ")
    p.add_argument("--date", required=True, type=date_arg, metavar="DD/MM/YYYY", help="ngày ký quyết định")
    p.add_argument("--nominee", action="append", metavar="ID",
                   help="chỉ người này (lặp lại được); mặc định: mọi người đang đề nghị đạt các "
                        "điều kiện kiểm tra")
    p.add_argument("--include-failing", action="store_true",
                   help="khi không ghi --nominee: duyệt cả những người chưa đạt điều kiện kiểm tra")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=approve)

    p = c.add_parser("unapprove", help="hủy duyệt (duyệt nhầm): trở lại trạng thái đề nghị")
    p.add_argument("--nominee", action="append", required=True, metavar="ID",
                   help="mã (id) in ở lệnh list; lặp lại được")
    p.add_argument("--reason", required=True, metavar="TEXT", help="lý do hủy duyệt")
    p.add_argument("--printed-ok", action="store_true",
                   help="vẫn hủy duyệt khi đã in giấy khen/bằng khen")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=unapprove)

    p = c.add_parser("check", help="kiểm tra tiêu chuẩn và hồ sơ của một đợt")
    p.add_argument("--round", required=True, metavar="R", help="đợt khen thưởng: tên đủ, năm, một phần tên (không dấu cũng được) hoặc mã")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=check)

    p = c.add_parser("summaries", help="lập tóm tắt sáng kiến của từng cá nhân vào hồ sơ")
    p.add_argument("--round", required=True, metavar="R", help="đợt khen thưởng: tên đủ, năm, một phần tên (không dấu cũng được) hoặc mã")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=summaries)

    p = c.add_parser("totrinh", help="Tờ trình đề nghị khen thưởng (.pdf)")
    p.add_argument("out", type=_out((".pdf",)), metavar="OUT.pdf", help="tệp PDF sẽ ghi")
    p.add_argument("--round", required=True, metavar="R", help="đợt khen thưởng: tên đủ, năm, một phần tên (không dấu cũng được) hoặc mã")
    p.add_argument("--date", type=date_arg, metavar="DD/MM/YYYY", help="ngày ký (mặc định: hôm nay)")
    p.add_argument("--number", type=int, metavar="N", help="số Tờ trình (mặc định: số tiếp theo)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=totrinh)

    p = c.add_parser("decision", help="quyết định khen thưởng (.pdf) hoặc danh sách (.xlsx)")
    p.add_argument("out", type=_out((".pdf", ".xlsx")), metavar="OUT.(pdf|xlsx)", help="tệp PDF (quyết định) hoặc .xlsx (danh sách)")
    p.add_argument("--round", required=True, metavar="R", help="đợt khen thưởng: tên đủ, năm, một phần tên (không dấu cũng được) hoặc mã")
    p.add_argument("--decision", metavar="NUMBER", help="số quyết định, khi đợt có nhiều quyết định")
    p.add_argument("--date", type=date_arg, metavar="DD/MM/YYYY",
                   help="ngày ký, khi một số quyết định có hai ngày (dữ liệu cũ)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=decision)

    cert = subparsers.add_parser("certificates", help="in giấy khen, bằng khen") \
        .add_subparsers(dest="action", metavar="ACTION")
    cert.required = True
    p = cert.add_parser("print", help="in giấy khen, bằng khen của những người được khen thưởng")
    p.add_argument("out", type=_out((".pdf",)), metavar="OUT.pdf", help="tệp PDF sẽ ghi")
    p.add_argument("--round", required=True, metavar="R", help="đợt khen thưởng: tên đủ, năm, một phần tên (không dấu cũng được) hoặc mã")
    p.add_argument("--stock", action="store_true", help="in lên phôi in sẵn (chỉ in chữ)")
    p.add_argument("--template", metavar="T", choices=_TEMPLATES, help="mẫu: " + ", ".join(_TEMPLATES) + " (mặc định: theo hình thức khen thưởng)")
    p.add_argument("--offset-x", type=float, metavar="MM", help="lệch sang phải (mm, với --stock)")
    p.add_argument("--offset-y", type=float, metavar="MM", help="lệch xuống dưới (mm, với --stock)")
    p.add_argument("--printer", metavar="NAME", help="máy in (dùng độ lệch đã lưu của máy này)")
    p.add_argument("--proof", action="store_true",
                   help="bản xem thử: không ghi số vào sổ giấy khen/bằng khen")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=certificates_print)

    p = cert.add_parser("calibration", help="trang căn chỉnh máy in (lưới mm, dấu chữ thập)")
    p.add_argument("out", type=_out((".pdf",)), metavar="OUT.pdf", help="tệp PDF sẽ ghi")
    p.add_argument("--template", metavar="T", choices=_TEMPLATES, help="mẫu: " + ", ".join(_TEMPLATES) + " (mặc định: giay_khen_a4)")
    p.add_argument("--printer", metavar="NAME", help="máy in (dùng và lưu độ lệch của máy này)")
    p.add_argument("--offset-x", type=float, metavar="MM", help="lệch sang phải (mm)")
    p.add_argument("--offset-y", type=float, metavar="MM", help="lệch xuống dưới (mm)")
    p.add_argument("--save", action="store_true", help="lưu độ lệch cho máy in này")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=certificates_calibration)
