"""Headless commands (`python main.py [--db FILE] COMMAND …`): the same core functions the
window uses, for scripts and tests. Exit codes: 0 success, 1 rejected input (a Vietnamese
message on stderr), 2 usage."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from core.cli import commendations as commendation_commands
from core.cli import documents as document_commands
from core.cli import fund as fund_commands
from core.cli import initiatives as initiative_commands
from core.cli import org as commands
from core.cli import sync as sync_commands
from core.cli import targets as report_commands
from core.common.errors import UserError
from core.common.paths import default_db_path
from db.faults import translate
from db.migrate import DatabaseError

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def _import_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="tệp bảng tính .xlsx, .xls hoặc .ods")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    p.add_argument("--report", metavar="OUT.xlsx", help="ghi báo cáo các dòng bị từ chối")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Sổ Công đoàn. Không có lệnh: mở cửa sổ chương trình.",
    )
    parser.add_argument("--db", metavar="FILE", help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="khởi tạo đơn vị của văn phòng này")
    p.add_argument("--code", required=True, help="mã đơn vị, ví dụ VL")
    p.add_argument("--name", required=True, help="tên đơn vị, ví dụ “LĐLĐ huyện Vĩnh Linh”")
    p.add_argument("--level", required=True, choices=["province", "upper", "grassroots"])
    p.add_argument("--parent", metavar="CODE", help="mã đơn vị cấp trên")
    p.add_argument("--parent-name", metavar="NAME", help="tên đơn vị cấp trên (nếu chưa có)")
    p.add_argument("--place", help="địa danh ghi ở dòng ngày tháng")
    p.add_argument("--chair", default="", help="họ tên Chủ tịch")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=commands.init)

    p = sub.add_parser("demo", help="nạp dữ liệu mẫu (LĐLĐ tỉnh Lai Châu)")
    p.add_argument("--seed", type=int, default=2023)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=commands.demo)

    units = sub.add_parser("units", help="đơn vị").add_subparsers(dest="action", metavar="ACTION")
    units.required = True
    p = units.add_parser("list", help="liệt kê đơn vị")
    p.add_argument("--all", action="store_true", help="kể cả đơn vị đã sáp nhập")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=commands.units_list)
    p = units.add_parser("import", help="nhập đơn vị từ bảng tính")
    _import_options(p)
    p.set_defaults(handler=commands.units_import)

    members = sub.add_parser("members", help="đoàn viên").add_subparsers(dest="action", metavar="ACTION")
    members.required = True
    p = members.add_parser("import", help="nhập đoàn viên từ bảng tính")
    _import_options(p)
    p.set_defaults(handler=commands.members_import)

    p = sub.add_parser("check", help="kiểm tra toàn vẹn cơ sở dữ liệu")
    p.add_argument("--repair", action="store_true",
                   help="làm sạch ký tự điều khiển/đảo chiều/không hợp lệ trong dữ liệu, đếm lại "
                        "bảng đếm và lập lại chỉ mục tìm kiếm, rồi kiểm tra")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=commands.check)

    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu; liệt kê bản sao lưu; cứu dữ liệu")
    p.add_argument("--to", metavar="DIR|FILE",
                   help="thư mục đích (mặc định: thư mục sao lưu); với --salvage: tệp kết quả")
    p.add_argument("--list", action="store_true", help="liệt kê các bản sao lưu, mới nhất trước")
    p.add_argument("--salvage", action="store_true",
                   help="cứu những gì còn đọc được từ cơ sở dữ liệu bị hỏng vào một tệp mới")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=commands.backup)

    p = sub.add_parser("restore", help="khôi phục cơ sở dữ liệu từ một bản sao lưu")
    p.add_argument("file", help="tệp sao lưu (.sqlite)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=commands.restore)

    # initiatives import|export|search|template|check (core.cli.initiatives)
    initiative_commands.register(sub)
    # targets import|set|demo, report progress|fund-model|summary (core.cli.targets)
    report_commands.register(sub)
    # documents description|decision (core.cli.documents)
    document_commands.register(sub)
    # commendations import|list|approve|check|totrinh|decision, certificates print|calibration
    commendation_commands.register(sub)
    # fund create|list|contribute|lend|repay|reverse|statement|arrears|summary|check …
    fund_commands.register(sub)
    # keys init|enrol|import|rotate|revoke|show, sync export|import|status|conflicts|resolve
    sync_commands.register(sub)
    return parser


def main(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    if not getattr(args, "handler", None):
        parser.print_usage(sys.stderr)
        return EXIT_USAGE
    previous = _stop_on_sigterm()
    try:
        code = args.handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:  # output piped into `head` and the like: quietly done
        _discard_stdout()
        return EXIT_OK
    except (UserError, DatabaseError) as exc:
        _say(exc)
        return EXIT_REJECTED
    except KeyboardInterrupt:  # Ctrl+C, or SIGTERM (below): temporary files already removed
        print("Đã dừng theo yêu cầu; không có tệp hay dữ liệu nào được ghi dở.", file=sys.stderr)
        return EXIT_REJECTED
    except Exception as exc:
        refusal = _refusal(exc, Path(args.db) if args.db else default_db_path())
        if refusal is None:
            raise  # a bug: main.py logs it and says so in one line
        _say(refusal)
        return EXIT_REJECTED
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _refusal(exc: BaseException, path: Path) -> Exception | None:
    """The message ``exc`` stands for, in Vietnamese: along ``exc`` and what it wraps
    (SQLAlchemy's ``orig``, ``raise … from``), the first refusal that is worded already
    (UserError, DatabaseError: shown as it is, never worded again) or SQLite fault (worded
    once by db.faults.translate). None for anything else: a bug."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, (UserError, DatabaseError)):
            return current
        fault = translate(current, path)
        if fault is not None:
            return fault
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return None


def _say(refusal: BaseException) -> None:
    """One line "Lỗi: …" on stderr (a message that starts with "Lỗi" already keeps its own)."""
    text = str(refusal).strip()
    if text.casefold().startswith("lỗi:"):
        text = text[len("lỗi:"):].lstrip()
    print(f"Lỗi: {text}", file=sys.stderr)


def _discard_stdout() -> None:
    """The reader of our output has gone: what is still buffered goes nowhere, so the
    interpreter's last flush does not fail again ("Exception ignored … BrokenPipeError")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real stdout (tests, the windowed build)
        pass


def _stop_on_sigterm():
    """SIGTERM (``kill``, a scheduler's timeout) stops a command like Ctrl+C does, so the
    transaction rolls back and an export's temporary file is removed instead of the process
    vanishing mid-write; returns the previous handler (None off the main thread)."""
    def stop(_signum, _frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (tests calling main() from a worker)
        return None
