"""Handlers of the headless commands. Each returns an exit code; output goes to stdout
(human-readable Vietnamese, or JSON with --json); rejections raise UserError."""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from datetime import date
from pathlib import Path

from core.common.database import AppDatabase, open_app_database
from core.common.vnformat import format_money as n

# Heavy modules (workbook engine, demo) are imported inside the handlers that use them.


def _open(args) -> AppDatabase:
    return open_app_database(args.db)


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def written(args, path: Path, **extra) -> int:
    """A command that wrote a file: its path (``--json``: with ``extra``), exit 0."""
    if args.json:
        _print_json({"file": str(path), **extra})
    else:
        print(f"Đã ghi {path}")
    return 0


def date_arg(text: str) -> date:
    """argparse type: dd/mm/yyyy or ISO (core.common.vnformat.parse_date)."""
    from core.common.vnformat import parse_date

    try:
        value = parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if value is None:
        raise argparse.ArgumentTypeError("thiếu ngày")
    return value


def init(args) -> int:
    from core.org.office import init_office

    db = _open(args)
    try:
        db.set_office_code(args.code.strip().upper())
        with db.transaction() as s:
            settings = init_office(
                s,
                code=args.code,
                name=args.name,
                level=args.level,
                parent_code=args.parent,
                parent_name=args.parent_name,
                place=args.place,
                chair_name=args.chair,
            )
    finally:
        db.close()
    if args.json:
        _print_json({"office": settings.unit_code, "name": settings.name, "db": str(db.path)})
    else:
        print(f"Đã khởi tạo {settings.name} ({settings.unit_code}) trong {db.path}")
    return 0


def demo(args) -> int:
    """The whole demo: units and members, the initiative register, then the targets."""
    from core.common.vnformat import format_money
    from core.demo.commendations import load_demo_commendations
    from core.demo.fund import load_demo_funds
    from core.demo.org import load_demo
    from core.demo.register import load_demo_register
    from core.demo.targets import load_demo_targets

    db = _open(args)
    try:
        summary = load_demo(db, seed=args.seed)
        initiatives = load_demo_register(db, seed=args.seed)
        targets = load_demo_targets(db)
        nominees = load_demo_commendations(db)
        funds = load_demo_funds(db, seed=args.seed)
    finally:
        db.close()
    if args.json:
        _print_json({**vars(summary), "initiatives": initiatives,
                     "fund_model_targets": targets.fund_model,
                     "initiative_targets": targets.initiative, "commendation_nominees": nominees,
                     "funds": funds.funds, "fund_borrowers": funds.borrowers,
                     "fund_lent": funds.lent})
    else:
        print(
            f"Đã nạp dữ liệu mẫu LĐLĐ tỉnh Lai Châu: {summary.upper_units} công đoàn cấp trên "
            f"cơ sở, {summary.grassroots_units} CĐCS, {format_money(summary.members)} đoàn viên, "
            f"{format_money(initiatives)} sáng kiến, {targets.fund_model + targets.initiative} chỉ tiêu, "
            f"{funds.funds} quỹ tương hỗ ({funds.borrowers} người vay, {format_money(funds.lent)} đồng), "
            f"{nominees} người/tập thể được khen thưởng năm 2023."
        )
    return 0


def units_list(args) -> int:
    from core.org.units import KIND_LABELS, unit_tree
    from db.models import UnitKind

    db = _open(args)
    try:
        with db.reading() as s:
            nodes = unit_tree(s, include_merged=args.all)
            codes: dict[uuid.UUID | None, str] = {n.id: n.code for n in nodes}
    finally:
        db.close()
    rows = [
        {
            "code": n.code,
            "name": n.name,
            "kind": str(n.kind),
            "parent": codes.get(n.parent_id),
            "sector": n.sector and str(n.sector),
            "merged_into": codes.get(n.merged_into_id),
        }
        for n in nodes
    ]
    if args.json:
        _print_json(rows)
        return 0
    depth: dict[str | None, int] = {}
    for row in rows:
        level = depth.get(row["parent"], -1) + 1
        depth[row["code"]] = level
        merged = f" (đã sáp nhập vào {row['merged_into']})" if row["merged_into"] else ""
        print(f"{'  ' * level}{row['code']}\t{row['name']}\t{KIND_LABELS[UnitKind(str(row['kind']))]}{merged}")
    print(f"Tổng: {len(rows)} đơn vị")
    return 0


def run_import(args, importer, *, columns=None, noun="dòng", unchanged="dòng đã có",
               details=None) -> int:
    """An import command: ``importer(db, path, dry_run=…)`` (preview with ``--dry-run``), the
    report workbook with ``--report``, then the summary — ``--json`` or a few Vietnamese lines:
    counts, every rejected row with its reason, then ``details(result)`` lines. ``noun`` names
    what was accepted (a string, or made from the result)."""
    from core.common.vnformat import format_money as n
    from core.common.workbook import write_report

    db = _open(args)
    try:
        with db.importing(Path(args.file)):  # its name goes with the "before import" backup
            result = importer(db, Path(args.file), dry_run=args.dry_run)
    finally:
        db.close()
    if args.report:
        write_report(result, Path(args.report), title=f"Kết quả nhập {Path(args.file).name}",
                     columns=columns)
    if args.json:
        _print_json({**result.to_json(), "dry_run": args.dry_run})
        return 0
    verb = "Sẽ nhập" if args.dry_run else "Đã nhập"
    what = noun(result) if callable(noun) else noun
    print(f"{verb} {n(len(result.accepted))} {what}; bỏ qua {n(len(result.skipped))} "
          f"{unchanged}; từ chối {n(len(result.rejected))} dòng.")
    for row in result.rejected:
        print(f"  Dòng {row.number}: {row.reason}")
    for line in details(result) if details else ():
        print(f"  {line}")
    return 0


def units_import(args) -> int:
    from core.org.importing import import_units

    return run_import(args, import_units)


def members_import(args) -> int:
    from core.org.importing import import_members

    return run_import(args, import_members)


def check(args) -> int:
    from core.common.integrity import check_database, recount

    db = _open(args)
    try:
        if args.repair:
            recount(db)
        problems = check_database(db)
    finally:
        db.close()
    if args.json:
        _print_json({"ok": not problems, "problems": problems})
    elif problems:
        print("\n".join(problems))
    else:
        print(f"Cơ sở dữ liệu {db.path} không có lỗi.")
    return 0 if not problems else 1


KIND_NAMES = {
    "daily": "hằng ngày",
    "import": "trước khi nhập",
    "upgrade": "trước khi nâng cấp",
    "restore": "trước khi khôi phục",
    "manual": "thủ công",
}


def _db_file(args) -> Path:
    """The database's path without opening it (it may be damaged, or about to be replaced)."""
    from core.common.paths import default_db_path

    return Path(args.db) if args.db else default_db_path()


def backup(args) -> int:
    from core.common import backups

    if args.list:
        return _backup_list(args)
    if args.salvage:
        return _salvage(args)
    db = _open(args)
    try:
        made = backups.back_up_now(db, Path(args.to) if args.to else None)
    finally:
        db.close()
    if args.json:
        _print_json({"backup": str(made.path), "kind": made.kind, "size": made.size})
    else:
        print(f"Đã sao lưu vào {made.path}")
    return 0


def _backup_list(args) -> int:
    from core.common import backups

    found = backups.list_backups(_db_file(args))
    if args.json:
        _print_json([
            {"name": b.name, "path": str(b.path), "kind": b.kind,
             "date": b.taken.isoformat(timespec="minutes"), "size": b.size,
             "source": b.source}
            for b in found
        ])
    elif not found:
        print("Chưa có bản sao lưu nào.")
    else:
        for b in found:
            imported = f"  (nhập tệp «{b.source}»)" if b.source else ""
            print(f"{b.taken:%d/%m/%Y %H:%M}  {KIND_NAMES.get(b.kind, b.kind):<20} "
                  f"{n(b.size):>14} byte  {b.name}{imported}")
    return 0


def _salvage(args) -> int:
    from core.common import backups

    source = _db_file(args)
    result = backups.salvage(source, Path(args.to) if args.to else None)
    sound = result.integrity == ["ok"]
    if args.json:
        _print_json({
            "salvaged": str(result.path), "original": str(source), "integrity": result.integrity,
            "ok": sound, "revision": result.revision, "recovered": result.recovered,
            "readable_in_original": result.original, "lost_and_found": result.lost_and_found,
            "method": result.method,
        })
        return 0 if sound else 1
    print(f"Đã cứu dữ liệu từ {source} vào {result.path} (tệp gốc không bị thay đổi).")
    print("Kiểm tra toàn vẹn tệp mới: " + ("tốt." if sound else "; ".join(result.integrity[:5])))
    if result.revision is None:
        print("Không tìm thấy phiên bản lược đồ: tệp mới chưa mở được như cơ sở dữ liệu Sổ Công đoàn.")
    print("Số dòng cứu được theo bảng (trong ngoặc: số dòng còn đọc được ở tệp gốc):")
    for table, count in result.recovered.items():
        before = result.original.get(table)
        print(f"  {table}: {n(count)} ({'không đọc được' if before is None else n(before)})")
    if result.lost_and_found:
        print(f"  {n(result.lost_and_found)} dòng không xác định được bảng, để trong bảng lost_and_found.")
    print(f"Xem lại tệp mới (main.py --db {result.path} check --repair) trước khi dùng nó thay tệp hỏng "
          f"(main.py restore {result.path}).")
    return 0 if sound else 1


def restore(args) -> int:
    from core.common import backups

    done = backups.restore(_db_file(args), Path(args.file))
    if args.json:
        _print_json({"restored": str(done.database), "source": str(done.source),
                     "kept": str(done.kept) if done.kept else None})
    else:
        print(f"Đã khôi phục {done.database} từ {done.source}.")
        if done.kept:
            print(f"Cơ sở dữ liệu trước khi khôi phục được giữ ở {done.kept}.")
    return 0
