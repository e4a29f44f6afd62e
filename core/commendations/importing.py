"""Nominee lists sent up by lower levels, read through the workbook engine (title rows, merged
headers, STT, totals row, row-level reasons, preview with ``dry_run``). A row already in the
round (same kind, name and unit, tone marks ignored) is skipped, so importing the same list
twice changes nothing."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.commendations.rules import default_round_name
from core.common import limits
from core.common.database import AppDatabase
from core.common.errors import UserError
from core.common.text import clean, fold
from core.common.workbook import Column, ImportResult, parse_rows, read_rows
from db.models import (
    AwardForm,
    CommendationRound,
    Nominee,
    NomineeKind,
    NomineeStatus,
    RoundLevel,
)


def parse_award(value: object) -> AwardForm:
    text = fold(clean(value)).lower()
    if "sang tao" in text:
        return AwardForm.LAO_DONG_SANG_TAO
    if "bang khen" in text:
        return AwardForm.BANG_KHEN
    if "giay khen" in text:
        return AwardForm.GIAY_KHEN
    if "bieu duong" in text:
        return AwardForm.BIEU_DUONG
    raise ValueError(f"không rõ hình thức «{clean(value)}» (Giấy khen, Bằng khen, Bằng Lao động "
                     "sáng tạo hoặc Biểu dương)")


COLUMNS = (
    Column("person", ("Họ và tên", "Họ tên", "Họ và tên cá nhân")),
    Column("collective", ("Tên tập thể", "Tập thể")),
    Column("unit", ("Đơn vị", "Đơn vị công tác")),
    Column("position", ("Chức vụ", "Chức vụ, đơn vị")),
    Column("award", ("Hình thức khen thưởng", "Hình thức đề nghị", "Hình thức"), parse=parse_award,
           required=True),
    Column("summary", ("Tóm tắt thành tích", "Thành tích")),
)


def _year_of(name: str) -> int | None:
    m = re.search(r"(20\d\d)\D*$", name)
    return int(m[1]) if m else None


def _round(session: Session, name: str, year: int | None,
           level: RoundLevel | None = None) -> CommendationRound:
    r = session.scalars(select(CommendationRound).where(
        CommendationRound.name_folded == fold(name), CommendationRound.deleted_at.is_(None))
        .order_by(CommendationRound.year.desc())).first()
    if r is not None:
        return r
    year = year or _year_of(name)
    if year is None:
        raise UserError(f"Chưa có đợt khen thưởng «{name}»; để tạo đợt mới hãy ghi năm trong tên "
                        "đợt hoặc dùng --year.")
    limits.check("Tên đợt khen thưởng", name, 500)
    r = CommendationRound(name=name, name_folded=fold(name), year=year, level=level or RoundLevel.UPPER,
                          forms=",".join(a.value for a in AwardForm))
    session.add(r)
    session.flush()
    return r


def import_nominees(db: AppDatabase, path: Path, *, round_name: str, year: int | None = None,
                    dry_run: bool = False, progress=None, is_cancelled=None,
                    level: RoundLevel | None = None) -> ImportResult:
    """Nominees of round ``round_name`` (created at ``level``, default the upper-level union,
    when missing) from a workbook."""
    name = clean(round_name) or (default_round_name(year) if year else "")
    if not name:
        raise UserError("Thiếu tên đợt khen thưởng (--round).")
    read = read_rows(Path(path), COLUMNS, progress=progress, is_cancelled=is_cancelled)
    parsed, rejected = parse_rows(read, COLUMNS)

    def work(session: Session) -> ImportResult:
        result = ImportResult(rejected=list(rejected))
        r = _round(session, name, year, level)
        seq = session.scalar(select(func.max(Nominee.seq)).where(Nominee.round_id == r.id)) or 0
        seen = {(n.kind, n.name_folded, fold(n.unit_name).lower()) for n in session.scalars(
            select(Nominee).where(Nominee.round_id == r.id, Nominee.deleted_at.is_(None)))}
        for row in parsed:
            person, collective = clean(row.data["person"]), clean(row.data["collective"])
            unit, position = clean(row.data["unit"]), clean(row.data["position"])
            if person and collective:
                result.rejected.append(row.reject("Dòng có cả họ tên cá nhân và tên tập thể; "
                                                  "mỗi dòng một người hoặc một tập thể."))
                continue
            if not person and not collective:
                result.rejected.append(row.reject("Thiếu họ và tên (hoặc tên tập thể)."))
                continue
            kind = NomineeKind.INDIVIDUAL if person else NomineeKind.COLLECTIVE
            full = person or collective
            problem = (limits.too_long("Họ và tên", full, limits.PERSON_NAME if person else limits.UNIT_NAME)
                       or limits.too_long("Đơn vị", unit, limits.UNIT_NAME)
                       or limits.too_long("Chức vụ", position, limits.POSITION)
                       or limits.too_long("Tóm tắt thành tích",
                                          clean(row.data["summary"], multiline=True), limits.LONG_TEXT))
            if problem:
                result.rejected.append(row.reject(problem))
                continue
            key = (kind, fold(full), fold(unit).lower())
            if key in seen:
                result.skipped.append(row)
                continue
            seen.add(key)
            seq += 1
            session.add(Nominee(id=uuid.uuid4(), round_id=r.id, seq=seq, kind=kind, full_name=full,
                                name_folded=fold(full), unit_name=unit, position=position,
                                award=row.data["award"], status=NomineeStatus.PROPOSED,
                                summary=clean(row.data["summary"], multiline=True), criteria="{}"))
            result.accepted.append(row)
        session.flush()
        return result

    return db.run(work, dry_run=dry_run)
