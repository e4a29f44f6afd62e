"""Headless `initiatives` commands: import, export, search, template, check.

Same conventions as :mod:`core.cli.org`: each handler returns the exit code, prints
Vietnamese text (or JSON with ``--json``) on stdout and raises :class:`UserError` for input
it rejects (the caller prints "Lỗi: …" and exits with 1). Heavy modules are imported inside
the handlers.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from core.cli.org import _open, _print_json, run_import
from core.common.errors import UserError

PAGE = 5_000  # records per page when walking the whole register


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``initiatives …`` to the main parser's sub-commands."""
    group = sub.add_parser("initiatives", help="sổ theo dõi sáng kiến").add_subparsers(
        dest="action", metavar="ACTION")
    group.required = True

    p = group.add_parser("import", help="nhập sáng kiến từ bảng tính")
    p.add_argument("file", help="tệp bảng tính .xlsx, .xls hoặc .ods")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    p.add_argument("--report", metavar="OUT.xlsx", help="ghi báo cáo các dòng bị từ chối")
    p.add_argument("--create-units", action="store_true",
                   help="tạo công đoàn cơ sở chưa có trong danh mục")
    p.add_argument("--programme", default="1TRIEU-SK", metavar="P",
                   help="mã hoặc tên chương trình (mặc định 1TRIEU-SK)")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    p.set_defaults(handler=import_command)

    p = group.add_parser("export", help="xuất sổ theo dõi (hoặc danh sách đăng tải Cổng)")
    p.add_argument("out", metavar="OUT.xlsx", help="tệp xuất")
    p.add_argument("--programme", metavar="P", help="mã hoặc tên chương trình")
    p.add_argument("--phase", type=int, metavar="N", help="giai đoạn")
    p.add_argument("--status", action="append", metavar="S",
                   help="tình trạng (valid, under_review… hoặc “Hợp lệ”…); lặp lại được")
    p.add_argument("--unit", metavar="CODE", help="đơn vị (kể cả các đơn vị trực thuộc)")
    p.add_argument("--portal", action="store_true",
                   help="danh sách đăng tải Cổng thông tin: chỉ sáng kiến đã công nhận "
                        "(sáng kiến mật chỉ ghi tên, hiệu quả)")
    p.add_argument("--under-review", action="store_true",
                   help="với --portal: gửi kèm sáng kiến đang xem xét")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=export_command)

    p = group.add_parser("search", help="tìm sáng kiến (không phân biệt dấu)")
    p.add_argument("text", help="từ cần tìm, ví dụ “cong doan”")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="số kết quả (mặc định 20)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=search_command)

    p = group.add_parser("template", help="ghi mẫu bảng tính để nhập sáng kiến")
    p.add_argument("out", metavar="OUT.xlsx")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=template_command)

    p = group.add_parser("check", help="kiểm tra điều kiện công nhận của từng sáng kiến")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=check_command)


# ---- import ------------------------------------------------------------------------------

def import_command(args) -> int:
    from core.common.workbook import shown_notes
    from core.initiatives.importing import COLUMNS, import_initiatives

    def importer(db, path, *, dry_run):
        return import_initiatives(db, path, dry_run=dry_run, create_units=args.create_units,
                                  programme=args.programme)

    def details(result):
        # At most NOTES_SHOWN notes as text; the report workbook (--report) has them all.
        return ([f"Đã tạo đơn vị {name}" for name in result.created_units]
                + [f"Lưu ý: {note}" for note in shown_notes(result.warnings)])

    return run_import(args, importer, columns=COLUMNS, noun="sáng kiến", details=details)


# ---- filters -------------------------------------------------------------------------------

def _status(text: str):
    from core.initiatives.importing import parse_status

    try:
        status, _reason = parse_status(text)
    except ValueError as exc:
        raise UserError(f"Tình trạng: {exc}") from None
    return status


def _filter(session, args):
    from core.initiatives.records import find_programme, list_programmes
    from core.initiatives.register import RegisterFilter
    from core.org import units as org

    programme_id = None
    if args.programme:
        programme = find_programme(session, args.programme)
        if programme is None:
            known = ", ".join(p.code for p in list_programmes(session))
            raise UserError(f"Không có chương trình “{args.programme}” (có: {known}).")
        programme_id = programme.id
    unit_ids = None
    if args.unit:
        unit = org.find_unit(session, args.unit)
        if unit is None:
            hints = org.suggest_units(session, args.unit)
            hint = f" Có phải: {', '.join(hints)}?" if hints else ""
            raise UserError(f"Không tìm thấy đơn vị “{args.unit}”.{hint}")
        unit_ids = frozenset(org.subtree_ids(session, unit.id, merged=True))
    statuses = None
    if args.status:
        statuses = frozenset(_status(s) for text in args.status for s in text.split(",") if s.strip())
    return RegisterFilter(unit_ids=unit_ids, programme_id=programme_id, phase=args.phase,
                          statuses=statuses or None)


# ---- export --------------------------------------------------------------------------------

def export_command(args) -> int:
    from core.initiatives.export import export_portal_list, export_register

    db = _open(args)
    try:
        with db.reading() as s:
            f = _filter(s, args)
        if args.portal:
            count = export_portal_list(db, Path(args.out), f,
                                       include_under_review=args.under_review)
        else:
            count = export_register(db, Path(args.out), f)
    finally:
        db.close()
    if args.json:
        _print_json({"file": str(Path(args.out)), "rows": count, "portal": args.portal})
    else:
        what = "danh sách đăng tải Cổng" if args.portal else "sổ theo dõi sáng kiến"
        from core.common.vnformat import format_money

        print(f"Đã xuất {what}: {format_money(count)} sáng kiến vào {args.out}")
    return 0


# ---- search --------------------------------------------------------------------------------

def search_command(args) -> int:
    from core.initiatives.records import STATUS_LABELS
    from core.initiatives.register import RegisterFilter, page

    if args.limit < 1:
        raise UserError("--limit phải từ 1 trở lên.")
    db = _open(args)
    try:
        with db.reading() as s:
            rows = page(s, RegisterFilter(text=args.text), limit=args.limit)
    finally:
        db.close()
    found = [
        {"number": r.number, "name": r.name, "authors": r.authors_text, "unit": r.unit_name,
         "status": str(r.status), "status_label": STATUS_LABELS.get(r.status, str(r.status))}
        for r in rows
    ]
    if args.json:
        _print_json(found)
        return 0
    for r in found:
        print(f"{r['number']}\t{r['name']}\t{r['authors']}\t{r['unit']}\t{r['status_label']}")
    print(f"Tìm thấy {len(found)} sáng kiến" + (" (có thể còn nữa)" if len(found) == args.limit else ""))
    return 0


# ---- template ------------------------------------------------------------------------------

def template_command(args) -> int:
    from core.initiatives.export import default_template_unit, write_template

    db = _open(args)
    try:
        with db.reading() as s:
            unit = default_template_unit(s)
    finally:
        db.close()
    out = write_template(Path(args.out), unit=unit)
    if args.json:
        _print_json({"file": str(out)})
    else:
        print(f"Đã ghi mẫu nhập sáng kiến vào {out}")
    return 0


# ---- eligibility check ---------------------------------------------------------------------

def check_command(args) -> int:
    from core.initiatives.eligibility import check
    from core.initiatives.register import RegisterFilter, page

    records: list[dict[str, Any]] = []
    eligible = total = 0
    db = _open(args)
    try:
        with db.reading() as s:
            offset = 0
            while True:
                rows = page(s, RegisterFilter(), sort="number", offset=offset, limit=PAGE)
                for row in rows:
                    reasons = [r.reason for r in check(row, row.window) if not r.passed]
                    total += 1
                    eligible += not reasons
                    if args.json or reasons:
                        records.append({"number": row.number, "name": row.name,
                                        "eligible": not reasons, "reasons": reasons})
                if len(rows) < PAGE:
                    break
                offset += PAGE
    finally:
        db.close()
    summary = {"total": total, "eligible": eligible, "not_eligible": total - eligible}
    if args.json:
        _print_json({**summary, "records": records})
        return 0
    for record in records:
        print(f"{record['number']}\t{record['name']}")
        for reason in record["reasons"]:
            print(f"    - {reason}")
    print(f"Tổng {total} sáng kiến: {eligible} đủ điều kiện, {total - eligible} chưa đủ điều kiện.")
    return 0
