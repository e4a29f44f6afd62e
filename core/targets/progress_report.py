"""Progress against the initiative targets, by unit, for a programme phase or the whole
programme: target, achieved, percent, shortfall, valid vs under review, the pro-rata number
expected by the report date and a "Chậm" (behind) mark. The unit tree is shown by
indentation and outline numbers (1, 1.1, …); the figures come from :func:`core.targets.progress.progress`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.common.errors import UserError
from core.common.report.model import (
    CENTER,
    THOUSANDS,
    Column,
    DocumentInfo,
    Report,
    Row,
    Table,
    check_suffix,
    reading,
)
from core.common.report.render import write_report
from core.common.vnformat import format_date
from core.initiatives.records import find_programme
from core.org import units as org
from core.org.office import load_office
from core.targets.progress import CountRule, ProgressRow, ProgressTable, progress
from core.targets.targets import WHOLE_PROGRAMME
from db.models import Programme, ProgrammePhase

TITLE = "Báo cáo"
BEHIND = "Chậm"
RULE_NOTES = {
    CountRule.REGISTERED: "Cách tính: sáng kiến đã đăng ký (hợp lệ và đang xem xét); "
                          "không tính sáng kiến không hợp lệ và bản nháp.",
    CountRule.VALID: "Cách tính: chỉ tính sáng kiến đã được đánh giá hợp lệ.",
}


def resolve_programme(session: Session, programme: str | uuid.UUID | Programme) -> Programme:
    if isinstance(programme, Programme):
        return programme
    found = (session.get(Programme, programme) if isinstance(programme, uuid.UUID)
             else find_programme(session, programme))
    if found is None or found.deleted_at is not None:
        raise UserError(f"Không tìm thấy chương trình “{programme}”.")
    return found


def check_phase(session: Session, programme: Programme, phase: int | None) -> int | None:
    """``None`` for the whole programme (phase 0 or None); an unknown phase is a UserError."""
    if phase is None or phase == WHOLE_PROGRAMME:
        return None
    exists = session.scalar(select(ProgrammePhase.id).where(
        ProgrammePhase.programme_id == programme.id, ProgrammePhase.number == phase,
        ProgrammePhase.deleted_at.is_(None)))
    if exists is None:
        numbers = session.scalars(select(ProgrammePhase.number).where(
            ProgrammePhase.programme_id == programme.id).order_by(ProgrammePhase.number)).all()
        listed = ", ".join(str(n) for n in numbers) or "không có"
        raise UserError(f"Chương trình {programme.code} không có giai đoạn {phase} "
                        f"(các giai đoạn: {listed}; 0 = cả chương trình).")
    return phase


def _default_root(session: Session) -> str | None:
    code = load_office(session).unit_code
    unit = org.find_by_code(session, code) if code else None
    return unit.code if unit is not None and unit.is_active else None


def progress_rows(session: Session, programme: str | uuid.UUID | Programme, phase: int | None,
                  *, rule: CountRule = CountRule.REGISTERED, as_of: date | None = None,
                  root: str | None = None, max_depth: int | None = None) -> ProgressTable:
    """The progress table the report prints: from ``root`` (default: this office's unit)
    down to ``max_depth`` levels below it (default: all)."""
    found = resolve_programme(session, programme)
    phase = check_phase(session, found, phase)
    if root is not None:
        unit = org.find_unit(session, root)
        if unit is None or not unit.is_active:
            raise UserError(f"Không tìm thấy đơn vị “{root}”.")
        root = unit.code
    else:
        root = _default_root(session)
    table = progress(session, found.id, phase, as_of=as_of, rule=CountRule(rule), root_code=root)
    if max_depth is not None:
        table.rows = [r for r in table.rows if r.depth <= max_depth]
    return table


def _outline(rows: list[ProgressRow]) -> list[str]:
    """Outline numbers: a single root is the total line (no number); below it 1, 1.1, …"""
    single_root = sum(1 for r in rows if r.depth == 0) == 1
    counters: list[int] = []
    numbers = []
    for row in rows:
        level = row.depth - (1 if single_root else 0)
        if level < 0:
            numbers.append("")
            continue
        del counters[level + 1:]
        while len(counters) <= level:
            counters.append(0)
        counters[level] += 1
        numbers.append(".".join(str(n) for n in counters[: level + 1]))
    return numbers


def _cells(number: str, row: ProgressRow) -> list:
    has_target = row.target is not None
    return [
        number,
        row.name,
        row.target,
        row.achieved,
        row.percent,
        row.shortfall if has_target else None,
        row.valid,
        row.under_review,
        row.expected,
        BEHIND if row.behind else None,
    ]


def build_progress_report(table: ProgressTable, programme_code: str = "") -> Report:
    if not table.rows:
        raise UserError("Không có đơn vị nào để báo cáo tiến độ.")
    columns = [
        Column("TT", 16, CENTER, xlsx_width=7),
        Column("Đơn vị", 77, "left", xlsx_width=42),
        Column("Chỉ tiêu", 20, CENTER, THOUSANDS, xlsx_width=10),
        Column("Đã đạt", 20, CENTER, THOUSANDS, xlsx_width=10),
        Column("Tỷ lệ (%)", 18, CENTER, THOUSANDS, xlsx_width=9),
        Column("Còn thiếu", 20, CENTER, THOUSANDS, xlsx_width=10),
        Column("Hợp lệ", 20, CENTER, THOUSANDS, xlsx_width=10),
        Column("Đang xem xét", 22, CENTER, THOUSANDS, xlsx_width=11),
        Column(f"Cần đạt đến {format_date(table.as_of)}", 26, CENTER, THOUSANDS, xlsx_width=13),
        Column("Tiến độ", 18, CENTER, xlsx_width=9),
    ]
    rows = table.rows
    numbers = _outline(rows)
    parents = {r.parent_id for r in rows}
    body = [Row(_cells(n, r), bold=r.unit_id in parents, indent=r.depth)
            for n, r in zip(numbers, rows, strict=True)]
    totals = None
    roots = [r for r in rows if r.depth == 0]
    if len(roots) > 1:
        targets = [r.target for r in roots if r.target is not None]
        total = ProgressRow(None, "", "Tổng", roots[0].kind, 0, None,
                            target=sum(targets) if targets else None,
                            valid=sum(r.valid for r in roots),
                            under_review=sum(r.under_review for r in roots),
                            achieved=sum(r.achieved for r in roots))
        if total.target is not None:
            expected = [r.expected for r in roots if r.expected is not None]
            total.expected = sum(expected) if expected else None
        totals = Row(_cells("", total))
    window = ""
    if table.starts_on and table.ends_on:
        window = f" (từ {format_date(table.starts_on)} đến {format_date(table.ends_on)})"
    notes = [
        f"{table.phase_label}{window}; số liệu tính đến ngày {format_date(table.as_of)}.",
        RULE_NOTES[table.rule],
        f"“{BEHIND}”: số đã đạt thấp hơn số cần đạt theo tỷ lệ thời gian đã qua của giai đoạn.",
    ]
    subtitle = f"Tiến độ thực hiện chỉ tiêu Chương trình “{table.programme}” – {table.phase_label}"
    sheet = f"Tiến độ {programme_code}".strip()
    return Report(TITLE, subtitle, notes, [Table(columns, body, totals, font_size=11)],
                  sheet_name=sheet, landscape=True)


def progress_report(source, out_path: str | os.PathLike[str], *,
                    programme: str | uuid.UUID | Programme, phase: int | None = None,
                    rule: CountRule | str = CountRule.REGISTERED, as_of: date | None = None,
                    root: str | None = None, max_depth: int | None = None,
                    number: int | None = None, on: date | None = None,
                    recipients: list[str] | None = None,
                    is_cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the progress of ``programme`` (code, name or id) in ``phase`` (None or 0: the
    whole programme) as of ``as_of`` (default today) to ``out_path`` (.xlsx or .pdf)."""
    check_suffix(out_path)
    with reading(source) as session:
        found = resolve_programme(session, programme)
        table = progress_rows(session, found, phase, rule=CountRule(rule), as_of=as_of,
                              root=root, max_depth=max_depth)
        report = build_progress_report(table, found.code)
        office = load_office(session)
    parent = [f"{office.parent_name} (b/c)"] if office.parent_name else []
    info = DocumentInfo(number, on or as_of, recipients, "BC",
                        default_recipients=[*parent, "Các đơn vị trực thuộc", "Lưu: VT"])
    return write_report(report, out_path, office, info, is_cancelled=is_cancelled)
