"""Summary of the initiative register for a period (6 months, a year, or any dates).

The initiatives of the period are those registered between the two dates (both included),
not deleted and not drafts. The report counts them by kind, by field and by sector of the
initiative's unit, each split into valid and under review, with their benefit value
(đồng; the total also in words); how many initiatives were uploaded to the national portal
in the period (by upload date); and how many of the period's initiatives received awards
(a non-empty ``awards``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.common.errors import UserError
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
from core.initiatives.records import FIELD_LABELS, KIND_LABELS
from core.org import units as org
from core.org.office import load_office
from core.org.units import SECTOR_LABELS
from db.models import Initiative, InitiativeField, InitiativeKind, InitiativeStatus, Sector, Unit

TITLE = "Báo cáo"
UNSET = "Chưa xác định"


@dataclass
class Counts:
    total: int = 0
    valid: int = 0
    under_review: int = 0
    rejected: int = 0
    benefit: int = 0  # đồng

    def add(self, status: str, count: int, benefit: int) -> None:
        self.total += count
        self.benefit += benefit
        if status == InitiativeStatus.VALID:
            self.valid += count
        elif status == InitiativeStatus.UNDER_REVIEW:
            self.under_review += count
        elif status == InitiativeStatus.REJECTED:
            self.rejected += count


@dataclass
class PeriodSummary:
    date_from: date
    date_to: date
    totals: Counts = field(default_factory=Counts)
    by_kind: dict[InitiativeKind, Counts] = field(default_factory=dict)
    by_field: dict[InitiativeField | None, Counts] = field(default_factory=dict)
    by_sector: dict[Sector | None, Counts] = field(default_factory=dict)
    portal_uploaded: int = 0  # uploaded to the national portal in the period
    awarded: int = 0  # initiatives of the period with an award recorded

    @property
    def label(self) -> str:
        return period_label(self.date_from, self.date_to)


def period_label(date_from: date, date_to: date) -> str:
    """"6 tháng đầu năm 2023", "6 tháng cuối năm 2023", "năm 2023", else the two dates."""
    year = date_from.year
    if date_to.year == year:
        if (date_from, date_to) == (date(year, 1, 1), date(year, 6, 30)):
            return f"6 tháng đầu năm {year}"
        if (date_from, date_to) == (date(year, 7, 1), date(year, 12, 31)):
            return f"6 tháng cuối năm {year}"
        if (date_from, date_to) == (date(year, 1, 1), date(year, 12, 31)):
            return f"năm {year}"
    return f"từ ngày {format_date(date_from)} đến ngày {format_date(date_to)}"


def _scope(query, date_from: date, date_to: date, unit_ids: set[uuid.UUID] | None):
    query = query.where(
        Initiative.deleted_at.is_(None),
        Initiative.status != InitiativeStatus.DRAFT,
        Initiative.registered_on.between(date_from, date_to),
    )
    if unit_ids is not None:
        query = query.where(Initiative.unit_id.in_(unit_ids))
    return query


def period_summary(session: Session, date_from: date, date_to: date, *,
                   root: str | None = None) -> PeriodSummary:
    """Counts for the period; ``root`` (a unit code or name) limits them to its subtree."""
    if date_from > date_to:
        raise UserError(f"Ngày bắt đầu ({format_date(date_from)}) sau ngày kết thúc "
                        f"({format_date(date_to)}).")
    unit_ids = None
    if root:
        unit = org.find_unit(session, root)
        if unit is None:
            raise UserError(f"Không tìm thấy đơn vị “{root}”.")
        unit_ids = org.subtree_ids(session, unit.id, merged=True)
    summary = PeriodSummary(date_from, date_to)
    summary.by_kind = {kind: Counts() for kind in InitiativeKind}
    summary.by_field = {f: Counts() for f in InitiativeField}
    summary.by_sector = {s: Counts() for s in Sector}
    benefit = func.coalesce(func.sum(Initiative.economic_benefit), 0)
    rows = session.execute(_scope(
        select(Initiative.kind, Initiative.field, Unit.sector, Initiative.status, func.count(),
               benefit)
        .select_from(Initiative).join(Unit, Unit.id == Initiative.unit_id)
        .group_by(Initiative.kind, Initiative.field, Unit.sector, Initiative.status),
        date_from, date_to, unit_ids)).all()
    for kind, field_, sector, status, count, value in rows:
        value = int(value)
        summary.totals.add(status, count, value)
        summary.by_kind.setdefault(InitiativeKind(kind), Counts()).add(status, count, value)
        key = InitiativeField(field_) if field_ else None
        summary.by_field.setdefault(key, Counts()).add(status, count, value)
        sector_key = Sector(sector) if sector else None
        summary.by_sector.setdefault(sector_key, Counts()).add(status, count, value)
    portal = select(func.count()).select_from(Initiative).where(
        Initiative.deleted_at.is_(None), Initiative.status != InitiativeStatus.DRAFT,
        Initiative.portal_uploaded.is_(True),
        Initiative.portal_uploaded_on.between(date_from, date_to))
    if unit_ids is not None:
        portal = portal.where(Initiative.unit_id.in_(unit_ids))
    summary.portal_uploaded = session.scalar(portal) or 0
    summary.awarded = session.scalar(_scope(
        select(func.count()).select_from(Initiative)
        .where(func.trim(Initiative.awards) != ""),
        date_from, date_to, unit_ids)) or 0
    return summary


_COUNT_COLUMNS = [
    Column("Tổng số", 20, CENTER, THOUSANDS, xlsx_width=10),
    Column("Hợp lệ", 18, CENTER, THOUSANDS, xlsx_width=10),
    Column("Đang xem xét", 20, CENTER, THOUSANDS, xlsx_width=11),
    Column("Giá trị làm lợi (đồng)", 36, RIGHT, THOUSANDS, xlsx_width=18),
]


def _group_table(heading: str, what: str, groups: dict, labels: Callable[[object], str]) -> Table:
    columns = [Column("TT", 10, CENTER, xlsx_width=6), Column(what, 61, "left", xlsx_width=38),
               *_COUNT_COLUMNS]
    rows, totals = [], Counts()
    shown = [(k, c) for k, c in groups.items() if k is not None or c.total]
    for i, (key, counts) in enumerate(shown, start=1):
        rows.append(Row([i, labels(key), counts.total, counts.valid, counts.under_review,
                         counts.benefit]))
        totals.total += counts.total
        totals.valid += counts.valid
        totals.under_review += counts.under_review
        totals.benefit += counts.benefit
    total_row = Row([None, "Tổng cộng", totals.total, totals.valid, totals.under_review,
                     totals.benefit])
    return Table(columns, rows, total_row, heading=heading)


def _label(mapping: Mapping[Any, str]) -> Callable[[Any], str]:
    return lambda key: UNSET if key is None else mapping[key]


def build_summary_report(summary: PeriodSummary) -> Report:
    t = summary.totals
    key_figures = [
        Text("I. KẾT QUẢ CHUNG", "heading"),
        Text(f"1. Số sáng kiến đăng ký trong kỳ: {format_money(t.total)} (hợp lệ "
             f"{format_money(t.valid)}, đang xem xét {format_money(t.under_review)}, "
             f"không hợp lệ {format_money(t.rejected)}).", "body"),
        Text(f"2. Tổng giá trị làm lợi: {format_money(t.benefit)} đồng "
             f"(Bằng chữ: {amount_in_words(t.benefit)}).", "body"),
        Text("3. Số sáng kiến đã đăng tải lên Cổng thông tin trong kỳ: "
             f"{format_money(summary.portal_uploaded)}.", "body"),
        Text(f"4. Số sáng kiến được khen thưởng: {format_money(summary.awarded)}.", "body"),
    ]
    blocks: list[Table | Text] = [
        *key_figures,
        _group_table("II. THEO LOẠI GIẢI PHÁP", "Loại giải pháp", summary.by_kind,
                     _label(KIND_LABELS)),
        _group_table("III. THEO LĨNH VỰC", "Lĩnh vực", summary.by_field, _label(FIELD_LABELS)),
        _group_table("IV. THEO KHỐI CỦA ĐƠN VỊ", "Khối", summary.by_sector,
                     _label(SECTOR_LABELS)),
    ]
    notes = [f"(Từ ngày {format_date(summary.date_from)} đến ngày {format_date(summary.date_to)})"]
    return Report(TITLE, f"Tổng hợp kết quả sáng kiến {summary.label}", notes, blocks,
                  sheet_name="Tổng hợp sáng kiến")


def summary_report(source, out_path: str | os.PathLike[str], *, date_from: date,
                   date_to: date, root: str | None = None, number: int | None = None,
                   on: date | None = None, recipients: list[str] | None = None,
                   is_cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the summary of the period ``date_from``–``date_to`` to ``out_path``."""
    check_suffix(out_path)
    with reading(source) as session:
        summary = period_summary(session, date_from, date_to, root=root)
        report = build_summary_report(summary)
        office = load_office(session)
    parent = [f"{office.parent_name} (b/c)"] if office.parent_name else []
    info = DocumentInfo(number, on, recipients, "BC",
                        default_recipients=[*parent, "Lưu: VT"])
    return write_report(report, out_path, office, info, is_cancelled=is_cancelled)
