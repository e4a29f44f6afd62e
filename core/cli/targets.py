"""Headless commands for targets and reports, added to the main parser by :func:`register`:

    main.py targets import FILE.xlsx [--dry-run] [--year YYYY] [--programme P] [--phase N]
                                     [--report OUT.xlsx] [--json]
    main.py targets set --unit CODE --programme P --phase N --initiatives K [--json]
    main.py targets demo [--json]
    main.py report progress OUT.(xlsx|pdf) --programme P [--phase N] [--rule registered|valid]
                                           [--as-of DATE] [--unit CODE] [--depth N]
    main.py report fund-model OUT.(xlsx|pdf) --year YYYY [--note TEXT]
    main.py report summary OUT.(xlsx|pdf) --from DATE --to DATE [--unit CODE]

Every report also takes --number N (document number) and --date DATE (date line). Dates are
dd/mm/yyyy or ISO. Exit codes as for the other commands: 0 success, 1 rejected input
(a Vietnamese message on stderr), 2 usage. Heavy modules are imported inside the handlers.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from core.cli.org import _open, _print_json, date_arg, run_import, written
from core.common.errors import UserError


def _out_path(text: str) -> Path:
    return Path(text)


# ---- targets ----------------------------------------------------------------------------

def targets_import(args) -> int:
    from core.targets.importing import import_targets

    def importer(db, path, *, dry_run):
        return import_targets(db, path, dry_run=dry_run, year=args.year,
                              programme=args.programme, phase=args.phase)

    def noun(result):
        return "dòng " + (f"chỉ tiêu mô hình Quỹ tương hỗ năm {result.year}"
                          if result.kind == "fund_model" else "chỉ tiêu sáng kiến")

    return run_import(args, importer, noun=noun, unchanged="dòng không đổi")


def targets_set(args) -> int:
    from core.org import units as org
    from core.targets.progress_report import check_phase, resolve_programme
    from core.targets.targets import WHOLE_PROGRAMME, set_initiative_target

    db = _open(args)
    try:
        if not db.office_code:
            raise UserError("Chưa khởi tạo đơn vị của văn phòng (lệnh init).")
        with db.transaction() as s:
            unit = org.find_unit(s, args.unit)
            if unit is None or not unit.is_active:
                raise UserError(f"Không tìm thấy đơn vị “{args.unit}”.")
            programme = resolve_programme(s, args.programme)
            phase = check_phase(s, programme, args.phase)
            number = WHOLE_PROGRAMME if phase is None else phase
            set_initiative_target(s, unit.id, programme.id, number, args.initiatives)
            shown = {"unit": unit.code, "name": unit.name, "programme": programme.code,
                     "phase": number, "target": args.initiatives}
    finally:
        db.close()
    if args.json:
        _print_json(shown)
    else:
        phase_text = "cả chương trình" if shown["phase"] == WHOLE_PROGRAMME else f"giai đoạn {shown['phase']}"
        print(f"Đã đặt chỉ tiêu {shown['target']} sáng kiến cho {shown['name']} ({shown['unit']}), "
              f"chương trình {shown['programme']}, {phase_text}.")
    return 0


def targets_demo(args) -> int:
    from core.demo.targets import load_demo_targets

    db = _open(args)
    try:
        summary = load_demo_targets(db)
    finally:
        db.close()
    if args.json:
        _print_json(vars(summary))
    else:
        print(f"Đã nạp chỉ tiêu mẫu: {summary.fund_model} chỉ tiêu mô hình Quỹ tương hỗ, "
              f"{summary.initiative} chỉ tiêu sáng kiến; giữ nguyên {summary.kept} chỉ tiêu đã có.")
    return 0


# ---- reports ----------------------------------------------------------------------------

def _run_report(args, write) -> int:
    from core.common.report.model import check_suffix

    check_suffix(args.out)  # before opening the database
    db = _open(args)
    try:
        path = write(db)
    finally:
        db.close()
    return written(args, path)


def report_progress(args) -> int:
    from core.targets.progress_report import progress_report

    return _run_report(args, lambda db: progress_report(
        db, args.out, programme=args.programme, phase=args.phase, rule=args.rule,
        as_of=args.as_of, root=args.unit, max_depth=args.depth, number=args.number,
        on=args.date))


def report_fund_model(args) -> int:
    from core.targets.fund_model_targets import fund_model_report

    return _run_report(args, lambda db: fund_model_report(
        db, args.out, year=args.year, note=args.note, number=args.number, on=args.date))


def report_summary(args) -> int:
    from core.initiatives.summary_report import summary_report

    return _run_report(args, lambda db: summary_report(
        db, args.out, date_from=args.date_from, date_to=args.date_to, root=args.unit,
        number=args.number, on=args.date))


def _document_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", type=_out_path, metavar="OUT", help="tệp kết quả .xlsx hoặc .pdf")
    p.add_argument("--number", type=int, metavar="N", help="số văn bản (in “Số: 08/BC-…”)")
    p.add_argument("--date", type=date_arg, metavar="DATE", help="ngày ghi ở dòng địa danh, ngày tháng")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")


def register(subparsers) -> None:
    """Add the ``targets`` and ``report`` commands to the main parser's sub-commands."""
    targets = subparsers.add_parser("targets", help="chỉ tiêu").add_subparsers(
        dest="action", metavar="ACTION")
    targets.required = True
    p = targets.add_parser("import", help="nhập chỉ tiêu từ bảng tính")
    p.add_argument("file", help="tệp bảng tính .xlsx, .xls hoặc .ods")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    p.add_argument("--year", type=int, help="năm của chỉ tiêu mô hình Quỹ tương hỗ (nếu tiêu đề không ghi)")
    p.add_argument("--programme", help="chương trình (mã hoặc tên), mặc định 1TRIEU-SK")
    p.add_argument("--phase", type=int, help="giai đoạn khi bảng không có cột Giai đoạn (0 = cả chương trình)")
    p.add_argument("--report", metavar="OUT.xlsx", help="ghi báo cáo các dòng bị từ chối")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    p.set_defaults(handler=targets_import)

    p = targets.add_parser("set", help="đặt chỉ tiêu sáng kiến cho một đơn vị")
    p.add_argument("--unit", required=True, metavar="CODE", help="mã (hoặc tên) đơn vị")
    p.add_argument("--programme", required=True, metavar="P", help="chương trình (mã hoặc tên)")
    p.add_argument("--phase", required=True, type=int, metavar="N", help="giai đoạn (0 = cả chương trình)")
    p.add_argument("--initiatives", required=True, type=int, metavar="K", help="số sáng kiến")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=targets_set)

    p = targets.add_parser("demo", help="nạp chỉ tiêu mẫu (sau lệnh demo)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=targets_demo)

    reports = subparsers.add_parser("report", help="báo cáo (.xlsx hoặc .pdf)").add_subparsers(
        dest="action", metavar="REPORT")
    reports.required = True
    p = reports.add_parser("progress", help="tiến độ thực hiện chỉ tiêu sáng kiến")
    _document_options(p)
    p.add_argument("--programme", required=True, metavar="P", help="chương trình (mã hoặc tên)")
    p.add_argument("--phase", type=int, metavar="N", help="giai đoạn (bỏ trống hoặc 0: cả chương trình)")
    p.add_argument("--rule", choices=["registered", "valid"], default="registered",
                   help="registered: hợp lệ và đang xem xét (mặc định); valid: chỉ hợp lệ")
    p.add_argument("--as-of", type=date_arg, metavar="DATE", help="số liệu tính đến ngày (mặc định hôm nay)")
    p.add_argument("--unit", metavar="CODE", help="chỉ đơn vị này và các đơn vị trực thuộc")
    p.add_argument("--depth", type=int, metavar="N", help="số cấp đơn vị trực thuộc hiển thị")
    p.set_defaults(handler=report_progress)

    p = reports.add_parser("fund-model", help="chỉ tiêu mô hình “Quỹ Tương hỗ Công đoàn”")
    _document_options(p)
    p.add_argument("--year", required=True, type=int, metavar="YYYY")
    p.add_argument("--note", default="", metavar="TEXT", help="dòng ghi chú “(Kèm theo …)”")
    p.set_defaults(handler=report_fund_model)

    p = reports.add_parser("summary", help="tổng hợp sáng kiến theo kỳ (6 tháng, năm)")
    _document_options(p)
    p.add_argument("--from", dest="date_from", required=True, type=date_arg, metavar="DATE")
    p.add_argument("--to", dest="date_to", required=True, type=date_arg, metavar="DATE")
    p.add_argument("--unit", metavar="CODE", help="chỉ đơn vị này và các đơn vị trực thuộc")
    p.set_defaults(handler=report_summary)
