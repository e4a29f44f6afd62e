"""The mutual-aid fund model target table ("CHỈ TIÊU thực hiện nhân rộng Mô hình “Quỹ Tương
hỗ Công đoàn” năm 2023"), laid out as seed 000 prints it.

Columns: TT, Tên đơn vị, Tổng số CĐCS, Số CĐCS đã thực hiện trong năm <year - 1>, Số CĐCS
thực hiện năm <year>; a "Tổng" row. Counts are printed with two digits ("02", "06"), as the
seed does. Units come in the order the targets were set (the province's order, kept by the
targets' creation time: :mod:`core.targets.importing` and :mod:`core.demo.targets` create them
in the order of their source), then by name.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.common.errors import UserError
from core.common.report.model import (
    CENTER,
    TWO_DIGITS,
    Column,
    DocumentInfo,
    Report,
    Row,
    Table,
    check_suffix,
    reading,
)
from core.common.report.render import write_report
from core.common.text import clean
from core.org.office import load_office
from db.models import FundModelTarget, Unit

TITLE = "Chỉ tiêu"


def subtitle(year: int) -> str:
    return f"Thực hiện nhân rộng Mô hình “Quỹ Tương hỗ Công đoàn” năm {year}"


@dataclass(frozen=True)
class FundModelLine:
    code: str
    name: str
    grassroots_total: int
    running_before: int
    to_add: int


def fund_model_lines(session: Session, year: int) -> list[FundModelLine]:
    """The year's targets in the province's order (creation order, then unit name)."""
    from core.fund.funds import running_by_upper

    # A CĐCS whose fund this office keeps counts as running the model from the fund's start
    # date; an upper-level union none of whose CĐCS keeps a fund here keeps its typed figure.
    running, kept = running_by_upper(session, date(year - 1, 12, 31))
    rows = session.execute(
        select(Unit.code, Unit.name, FundModelTarget.grassroots_total,
               FundModelTarget.running_before, FundModelTarget.to_add, Unit.id)
        .join(Unit, Unit.id == FundModelTarget.unit_id)
        .where(FundModelTarget.year == year, FundModelTarget.deleted_at.is_(None),
               Unit.deleted_at.is_(None))
        .order_by(FundModelTarget.created_at, Unit.name_folded)
    ).all()
    return [FundModelLine(code, name, total, running.get(unit_id, 0) if unit_id in kept else typed, add)
            for code, name, total, typed, add, unit_id in rows]


def _note(text: str) -> str:
    text = clean(text)
    if text and not (text.startswith("(") and text.endswith(")")):
        text = f"({text})"
    return text


def build_fund_model_report(session: Session, year: int, note: str = "") -> Report:
    lines = fund_model_lines(session, year)
    if not lines:
        raise UserError(f"Chưa có chỉ tiêu mô hình “Quỹ Tương hỗ Công đoàn” năm {year}.")
    columns = [
        Column("TT", 12, CENTER, xlsx_width=6),
        Column("Tên đơn vị", 68, "left", xlsx_width=34),
        Column("Tổng số CĐCS", 25, CENTER, TWO_DIGITS, xlsx_width=12),
        Column(f"Số CĐCS đã thực hiện trong năm {year - 1}", 30, CENTER, TWO_DIGITS, xlsx_width=16),
        Column(f"Số CĐCS thực hiện năm {year}", 30, CENTER, TWO_DIGITS, xlsx_width=16),
    ]
    rows = [
        Row([i, line.name, line.grassroots_total, line.running_before, line.to_add])
        for i, line in enumerate(lines, start=1)
    ]
    totals = Row([
        None,
        "Tổng",
        sum(line.grassroots_total for line in lines),
        sum(line.running_before for line in lines),
        sum(line.to_add for line in lines),
    ])
    notes = [n for n in [_note(note)] if n]
    return Report(TITLE, subtitle(year), notes, [Table(columns, rows, totals)],
                  sheet_name=f"Chỉ tiêu Quỹ tương hỗ {year}")


def fund_model_report(source, out_path: str | os.PathLike[str], *, year: int, note: str = "",
                      number: int | None = None, on: date | None = None,
                      recipients: list[str] | None = None,
                      is_cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the fund model target table of ``year`` to ``out_path`` (.xlsx or .pdf).

    ``source`` is a Session or an AppDatabase; ``note`` the italic line under the title
    ("Kèm theo …", put in brackets when it has none); ``number`` the document number.
    """
    check_suffix(out_path)
    with reading(source) as session:
        report = build_fund_model_report(session, year, note)
        office = load_office(session)
    info = DocumentInfo(number, on, recipients, "BC",
                        default_recipients=["Các đơn vị trực thuộc", "Lưu: VT"])
    return write_report(report, out_path, office, info, is_cancelled=is_cancelled)
