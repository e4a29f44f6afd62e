"""Headless commands for the initiative documents, added to the main parser by :func:`register`:

    main.py documents description NUMBER OUT.pdf [--date DATE] [--json]
    main.py documents decision OUT.pdf --number N --date DATE [--programme P] [--phase N]
                                       [--unit CODE] [--year YYYY] [--json]

``description`` prints the description report of one initiative (by its register number,
e.g. VL-SK-2022-00001; the date line defaults to its registration date). ``decision`` prints
the decision recognising every valid (hợp lệ) initiative that matches the options (a unit
includes its sub-units; --year is the registration year and the year in the title).
Dates are dd/mm/yyyy or ISO. Exit codes as for the other commands: 0 success, 1 rejected
input (a Vietnamese message on stderr), 2 usage. reportlab is imported inside the handlers.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from core.cli.org import _open, date_arg, written
from core.common.errors import UserError


def _pdf_path(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() != ".pdf":
        raise argparse.ArgumentTypeError(f"tệp kết quả phải có đuôi .pdf: {text}")
    return path


def description(args) -> int:
    from core.initiatives.documents import description_report, find_by_number

    db = _open(args)
    try:
        with db.reading() as s:
            item = find_by_number(s, args.initiative)
            path = description_report(s, item.id, args.out, on=args.date)
            number = item.number
    finally:
        db.close()
    return written(args, path, initiative=number)


def _filter(session, args):
    from sqlalchemy import select

    from core.initiatives.records import find_programme
    from core.initiatives.register import RegisterFilter
    from core.org import units as org
    from db.models import InitiativeStatus, ProgrammePhase

    programme_id = phase = unit_ids = None
    if args.programme:
        programme = find_programme(session, args.programme)
        if programme is None:
            raise UserError(f"Không tìm thấy chương trình “{args.programme}”.")
        programme_id = programme.id
        if args.phase:
            numbers = list(session.scalars(
                select(ProgrammePhase.number).where(ProgrammePhase.programme_id == programme.id,
                                                    ProgrammePhase.deleted_at.is_(None))
                .order_by(ProgrammePhase.number)))
            if args.phase not in numbers:
                listed = ", ".join(str(n) for n in numbers) or "không có"
                raise UserError(f"Chương trình {programme.code} không có giai đoạn {args.phase} "
                                f"(các giai đoạn: {listed}).")
            phase = args.phase
    elif args.phase:
        raise UserError("Cần chọn chương trình (--programme) khi lọc theo giai đoạn.")
    if args.unit:
        unit = org.find_unit(session, args.unit)
        if unit is None or unit.deleted_at is not None:
            raise UserError(f"Không tìm thấy đơn vị “{args.unit}”.")
        unit_ids = frozenset(org.subtree_ids(session, unit.id, merged=True))
    return RegisterFilter(
        statuses=frozenset({InitiativeStatus.VALID}),
        programme_id=programme_id,
        phase=phase,
        unit_ids=unit_ids,
        year=args.year,
    )


def decision(args) -> int:
    from core.initiatives.documents import book_recognition_decision, recognition_decision

    if args.number < 1:
        raise UserError(f"Số quyết định phải từ 1 trở lên: {args.number}")
    db = _open(args)
    try:
        with db.transaction() as s:  # the number goes into the office's numbering book
            book_recognition_decision(s, number=args.number, signed_on=args.date)
            path = recognition_decision(s, _filter(s, args), args.out, number=args.number,
                                        signed_on=args.date, year=args.year)
    finally:
        db.close()
    return written(args, path)


def register(subparsers) -> None:
    """Add the ``documents`` command to the main parser's sub-commands."""
    documents = subparsers.add_parser("documents", help="in văn bản sáng kiến (.pdf)") \
        .add_subparsers(dest="action", metavar="DOCUMENT")
    documents.required = True

    p = documents.add_parser("description", help="báo cáo mô tả sáng kiến")
    p.add_argument("initiative", metavar="NUMBER", help="số sáng kiến, ví dụ VL-SK-2022-00001")
    p.add_argument("out", type=_pdf_path, metavar="OUT.pdf", help="tệp kết quả")
    p.add_argument("--date", type=date_arg, metavar="DATE",
                   help="ngày ghi ở dòng địa danh, ngày tháng (mặc định: ngày đăng ký)")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    p.set_defaults(handler=description)

    p = documents.add_parser("decision", help="quyết định công nhận sáng kiến (kèm danh sách)")
    p.add_argument("out", type=_pdf_path, metavar="OUT.pdf", help="tệp kết quả")
    p.add_argument("--number", required=True, type=int, metavar="N",
                   help="số quyết định (in “Số: 15/QĐ-LĐLĐ”)")
    p.add_argument("--date", required=True, type=date_arg, metavar="DD/MM/YYYY",
                   help="ngày ký quyết định")
    p.add_argument("--programme", metavar="P", help="chương trình (mã hoặc tên)")
    p.add_argument("--phase", type=int, metavar="N", help="giai đoạn của chương trình")
    p.add_argument("--unit", metavar="CODE", help="chỉ đơn vị này và các đơn vị trực thuộc")
    p.add_argument("--year", type=int, metavar="YYYY",
                   help="năm đăng ký sáng kiến (cũng là năm ghi ở trích yếu)")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    p.set_defaults(handler=decision)
