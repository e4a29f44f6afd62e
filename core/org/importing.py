"""Importing units and members from workbooks, with the shared engine in core.common.workbook.

Both importers run the whole import inside one transaction; a dry run (the preview) does
exactly the same work and rolls back, so the preview always matches what "Nhập" will do.
Rows already present are counted as skipped, so importing a file twice adds nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from core.common import limits
from core.common.database import AppDatabase
from core.common.errors import UserError
from core.common.text import clean, fold, name_sort_key
from core.common.vnformat import parse_date
from core.common.workbook import Column, ImportResult, ParsedRow, parse_rows, read_rows
from core.org import units as org
from db.models import Gender, Member, Sector, UnitKind, new_row_stamp, utcnow

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None


# ---- value parsers (ValueError messages are shown to the user) -------------------------

def _parse_int(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = clean(value).replace(".", "").replace(",", "").replace(" ", "")
    if not text.isdigit():
        raise ValueError(f"không phải số nguyên: {value}")
    return int(text)


_KIND_WORDS = [
    ("tinh", UnitKind.PROVINCE),
    ("co so", UnitKind.GRASSROOTS),
    ("cdcs", UnitKind.GRASSROOTS),
    ("cap tren", UnitKind.UPPER),
    ("huyen", UnitKind.UPPER),
    ("nganh", UnitKind.UPPER),
    ("vien chuc", UnitKind.UPPER),
]


def _parse_kind(value) -> UnitKind | None:
    text = fold(clean(value))
    if not text:
        return None
    for word, kind in _KIND_WORDS:
        if word in text:
            return kind
    raise ValueError(f"không rõ cấp “{value}” (dùng: Tỉnh, Cấp trên cơ sở, Cơ sở)")


def _kind_from_name(name: str) -> UnitKind:
    text = fold(name)
    if text.startswith(("ldld tinh", "lien doan lao dong tinh")):
        return UnitKind.PROVINCE
    if text.startswith(("ldld", "lien doan lao dong", "cong doan nganh", "cong doan vien chuc")):
        return UnitKind.UPPER
    return UnitKind.GRASSROOTS


_SECTOR_WORDS = [
    ("giao duc", Sector.EDUCATION),
    ("truong", Sector.EDUCATION),
    ("y te", Sector.HEALTH),
    ("benh vien", Sector.HEALTH),
    ("doanh nghiep", Sector.ENTERPRISE),
    ("cong ty", Sector.ENTERPRISE),
    ("dn", Sector.ENTERPRISE),
    ("hanh chinh", Sector.ADMINISTRATION),
    ("su nghiep", Sector.ADMINISTRATION),
    ("hcsn", Sector.ADMINISTRATION),
    ("khac", Sector.OTHER),
]


def _parse_sector(value) -> Sector | None:
    text = fold(clean(value))
    if not text:
        return None
    for word, sector in _SECTOR_WORDS:
        if word == text or f" {word} " in f" {text} ":
            return sector
    raise ValueError(f"không rõ khối “{value}” (dùng: Hành chính sự nghiệp, Giáo dục, Y tế, Doanh nghiệp, Khác)")


def _parse_gender(value) -> Gender | None:
    text = fold(clean(value))
    if not text:
        return None
    if text in {"nam", "m", "male", "trai"}:
        return Gender.MALE
    if text in {"nu", "f", "female", "gai"}:
        return Gender.FEMALE
    raise ValueError(f"không rõ giới tính “{value}” (dùng Nam hoặc Nữ)")


# ---- units ------------------------------------------------------------------------------

UNIT_COLUMNS = (
    Column("code", ("Mã đơn vị", "Mã", "Mã CĐCS", "Mã số"), label="Mã đơn vị"),
    Column(
        "name",
        ("Tên đơn vị", "Tên công đoàn", "Tên CĐCS", "Tên công đoàn cơ sở", "Đơn vị"),
        required=True,
        label="Tên đơn vị",
    ),
    Column("kind", ("Cấp", "Cấp công đoàn", "Loại đơn vị"), parse=_parse_kind, label="Cấp"),
    Column(
        "parent",
        ("Đơn vị cấp trên", "Mã đơn vị cấp trên", "Trực thuộc", "Cấp trên"),
        label="Đơn vị cấp trên",
    ),
    Column("sector", ("Khối", "Khối ngành", "Loại hình", "Lĩnh vực"), parse=_parse_sector, label="Khối"),
    Column(
        "members",
        ("Số đoàn viên", "Tổng số đoàn viên", "Số đoàn viên Tổng số", "Số ĐV", "Đoàn viên"),
        parse=_parse_int,
        label="Số đoàn viên",
    ),
    Column(
        "female",
        ("Số đoàn viên nữ", "Đoàn viên nữ", "Số đoàn viên Nữ", "Nữ"),
        parse=_parse_int,
        label="Số đoàn viên nữ",
    ),
    Column("year", ("Năm",), parse=_parse_int, label="Năm"),
)


def import_units(
    db: AppDatabase,
    path: Path,
    *,
    dry_run: bool,
    progress: Progress = None,
    is_cancelled: Cancelled = None,
) -> ImportResult:
    """Units from a workbook. Rows may name parents defined earlier in the same file."""
    if not db.office_code:
        raise UserError("Chưa khởi tạo đơn vị của văn phòng (lệnh init).")
    read = read_rows(Path(path), UNIT_COLUMNS, progress=progress, is_cancelled=is_cancelled)
    parsed, rejected = parse_rows(read, UNIT_COLUMNS)

    def work(session: Session) -> ImportResult:
        result = ImportResult(rejected=list(rejected))
        office_unit = org.find_by_code(session, db.office_code)
        for row in parsed:
            if is_cancelled and is_cancelled():
                from core.common import errors

                raise errors.Cancelled
            try:
                outcome = _import_unit_row(session, row, office_unit, db.office_code)
            except UserError as exc:
                result.rejected.append(row.reject(str(exc)))
                continue
            (result.accepted if outcome == "added" else result.skipped).append(row)
        result.rejected.sort(key=lambda r: r.number)
        return result

    return db.run(work, dry_run=dry_run)


def _import_unit_row(session: Session, row: ParsedRow, office_unit, office_code: str) -> str:
    data = row.data
    name = data["name"]
    kind = data.get("kind") or _kind_from_name(name)
    parent = None
    if data.get("parent"):
        parent = org.find_unit(session, data["parent"])
        if parent is None:
            hints = org.suggest_units(session, data["parent"])
            hint = f" Có phải: {', '.join(hints)}?" if hints else ""
            raise UserError(f"Không tìm thấy đơn vị cấp trên “{data['parent']}”.{hint}")
    elif kind != UnitKind.PROVINCE and office_unit is not None:
        parent = office_unit
    code = clean(data.get("code") or "").upper()
    existing = org.find_by_code(session, code) if code else None
    if existing is None and not code:
        existing = next(
            (u for u in _units_named(session, name) if parent is None or u.parent_id == parent.id),
            None,
        )
    if existing is not None:
        return "skipped"
    unit = org.create_unit(
        session,
        org.UnitInput(
            code=code or org.next_unit_code(session, office_code),
            name=name,
            kind=kind,
            parent_code=parent.code if parent else None,
            sector=data.get("sector"),
        ),
    )
    if data.get("members") is not None:
        org.set_member_count(
            session, unit.id, data.get("year") or date.today().year, data["members"], data.get("female")
        )
    session.flush()
    return "added"


def _units_named(session: Session, name: str):
    from db.models import Unit

    return session.scalars(select(Unit).where(Unit.name_folded == fold(name))).all()


# ---- members ----------------------------------------------------------------------------

MEMBER_COLUMNS = (
    Column(
        "full_name",
        ("Họ và tên", "Họ tên", "Họ và tên đoàn viên", "Tên đoàn viên"),
        required=True,
        label="Họ và tên",
    ),
    Column("gender", ("Giới tính", "Nam/Nữ", "Nam, Nữ"), parse=_parse_gender, label="Giới tính"),
    Column(
        "dob",
        ("Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Sinh ngày"),
        parse=parse_date,
        label="Ngày sinh",
    ),
    Column(
        "dob_male",
        ("Ngày tháng năm sinh Nam", "Ngày sinh Nam", "Năm sinh Nam"),
        parse=parse_date,
        label="Ngày sinh (Nam)",
    ),
    Column(
        "dob_female",
        ("Ngày tháng năm sinh Nữ", "Ngày sinh Nữ", "Năm sinh Nữ"),
        parse=parse_date,
        label="Ngày sinh (Nữ)",
    ),
    Column(
        "unit",
        ("Đơn vị", "Mã đơn vị", "CĐCS", "Công đoàn cơ sở", "Tên CĐCS", "Đơn vị công tác"),
        label="Đơn vị",
    ),
    Column("position", ("Chức vụ", "Chức danh", "Nghề nghiệp", "Chức vụ, nghề nghiệp"), label="Chức vụ"),
    Column(
        "member_since",
        ("Ngày vào công đoàn", "Ngày kết nạp", "Ngày gia nhập công đoàn", "Ngày vào CĐ"),
        parse=parse_date,
        label="Ngày vào công đoàn",
    ),
)


def import_members(
    db: AppDatabase,
    path: Path,
    *,
    dry_run: bool,
    default_unit_code: str | None = None,
    progress: Progress = None,
    is_cancelled: Cancelled = None,
) -> ImportResult:
    """Members from a workbook, inserted in bulk; a member already in the same unit with the
    same name (ignoring tones) and date of birth is skipped."""
    read = read_rows(Path(path), MEMBER_COLUMNS, progress=progress, is_cancelled=is_cancelled)
    parsed, rejected = parse_rows(read, MEMBER_COLUMNS)

    def work(session: Session) -> ImportResult:
        result = ImportResult(rejected=list(rejected))
        units: dict[str, uuid.UUID | None] = {}
        candidates: list[tuple[ParsedRow, dict]] = []
        for row in parsed:
            try:
                record = _member_record(session, row, units, default_unit_code)
            except UserError as exc:
                result.rejected.append(row.reject(str(exc)))
                continue
            candidates.append((row, record))
        seen = _existing_member_keys(session, {r["unit_id"] for _, r in candidates})
        now, rows_to_insert = utcnow(), []
        for row, record in candidates:
            key = (record["name_folded"], record["unit_id"], record["date_of_birth"])
            if key in seen:
                result.skipped.append(row)
                continue
            seen.add(key)
            rows_to_insert.append(
                {**record, "id": uuid.uuid4(), **new_row_stamp(db.office_code, now)}
            )
            result.accepted.append(row)
        if is_cancelled and is_cancelled():
            from core.common import errors

            raise errors.Cancelled
        if rows_to_insert:
            session.execute(insert(Member), rows_to_insert)
        result.rejected.sort(key=lambda r: r.number)
        return result

    return db.run(work, dry_run=dry_run)


def _member_record(session, row: ParsedRow, units: dict, default_unit_code) -> dict:
    data = row.data
    unit_text = data.get("unit") or default_unit_code
    if not unit_text:
        raise UserError("Thiếu Đơn vị")
    if unit_text not in units:
        unit = org.find_unit(session, unit_text)
        units[unit_text] = unit.id if unit is not None and unit.is_active else None
    unit_id = units[unit_text]
    if unit_id is None:
        hints = org.suggest_units(session, unit_text)
        hint = f" Có phải: {', '.join(hints)}?" if hints else ""
        raise UserError(f"Đơn vị: không tìm thấy “{unit_text}”.{hint}")
    gender, dob = data.get("gender"), data.get("dob")
    if data.get("dob_male") and data.get("dob_female"):
        raise UserError("Ngày sinh ghi ở cả cột Nam và cột Nữ")
    if data.get("dob_male"):
        gender, dob = gender or Gender.MALE, data["dob_male"]
    elif data.get("dob_female"):
        gender, dob = gender or Gender.FEMALE, data["dob_female"]
    if dob and not date(1900, 1, 1) <= dob <= date.today():
        raise UserError(f"Ngày sinh: ngoài khoảng hợp lệ ({dob:%d/%m/%Y})")
    since = data.get("member_since")
    if since and dob and since < dob:
        raise UserError("Ngày vào công đoàn trước ngày sinh")
    name = limits.check("Họ và tên", data["full_name"], limits.PERSON_NAME)
    limits.check("Chức vụ", data.get("position") or "", limits.POSITION)
    return {
        "full_name": name,
        "name_folded": fold(name),
        "sort_key": name_sort_key(name),
        "gender": gender,
        "date_of_birth": dob,
        "unit_id": unit_id,
        "position": data.get("position") or "",
        "member_since": since,
    }


def _existing_member_keys(session: Session, unit_ids: set) -> set[tuple]:
    if not unit_ids:
        return set()
    rows = session.execute(
        select(Member.name_folded, Member.unit_id, Member.date_of_birth).where(
            Member.unit_id.in_(unit_ids), Member.deleted_at.is_(None)
        )
    )
    return {tuple(r) for r in rows}
