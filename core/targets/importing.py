"""Importing targets (chỉ tiêu) from a workbook, with the shared engine in core.common.workbook.

Two kinds of sheet, told apart by their headers:

- **initiative targets**: a unit ("Mã đơn vị" and/or "Tên đơn vị" / "Đơn vị"), a phase
  ("Giai đoạn": 1, "Giai đoạn 1", "GĐ 2", "Cả chương trình" → 0 = the whole programme; for a
  yearly programme the year), and the target ("Chỉ tiêu", "Chỉ tiêu sáng kiến", "Số sáng
  kiến"); optionally the programme ("Chương trình", code or name), else the one given;
- **fund model targets** (seed 000's table): "Tên đơn vị", "Tổng số CĐCS", "Số CĐCS đã thực
  hiện trong năm 2022", "Số CĐCS thực hiện năm 2023" — the year is read from the last header
  (or given with ``year``).

Units are found by code, by name ignoring case, tones and đ (:func:`core.org.units.find_unit`), or
failing that by a relaxed name match that also ignores the organisation prefix and its usual
abbreviations and typos ("LĐLD huyện Phong Thô" → "LĐLĐ huyện Phong Thổ", "LĐLD Thành phố" →
"LĐLĐ Thành phố Lai Châu", "Công đoàn Viên chức" → "Công đoàn Viên chức tỉnh") when exactly
one active unit fits. Rows with problems are rejected with the reason, like the other
importers; a target already set to the same value is skipped, so importing twice changes
nothing. The whole import is one transaction; a dry run does the same work and rolls back.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.common import errors
from core.common.database import AppDatabase
from core.common.errors import UserError
from core.common.text import clean, fold
from core.common.workbook import (
    Column,
    ImportResult,
    ParsedRow,
    WorkbookError,
    parse_rows,
    read_rows,
)
from core.initiatives.records import find_programme
from core.org import units as org
from core.targets.targets import (
    WHOLE_PROGRAMME,
    FundModelFigures,
    set_fund_model_target,
    set_initiative_target,
)
from db.models import (
    FundModelTarget,
    InitiativeTarget,
    Programme,
    ProgrammePhase,
    Unit,
    UnitKind,
    utcnow,
)

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None

INITIATIVE, FUND_MODEL = "initiative", "fund_model"
DEFAULT_PROGRAMME = "1TRIEU-SK"


@dataclass
class TargetImportResult(ImportResult):
    """An :class:`ImportResult` that also says which kind of targets the sheet held
    (``"initiative"`` or ``"fund_model"``) and, for the fund model, the year."""

    kind: str = ""
    year: int | None = None

    def to_json(self) -> dict:
        return {**super().to_json(), "kind": self.kind, "year": self.year}


# ---- value parsers (ValueError messages are shown after the column label) ---------------

def parse_count(value) -> int:
    """A non-negative whole number: 6, 6.0, "06", "1.200"."""
    if isinstance(value, bool):
        raise ValueError(f"không phải số nguyên: {value}")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"không phải số nguyên: {value}")
        value = int(value)
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"không được âm: {value}")
        return value
    text = clean(value).replace(".", "").replace(",", "").replace(" ", "")
    if not text.isdigit():
        raise ValueError(f"không phải số nguyên không âm: {value}")
    return int(text)


_WHOLE_WORDS = ("ca chuong trinh", "toan chuong trinh", "ca giai doan", "toan bo", "ca ky",
                "tong", "chung")
_PHASE_NUMBER = re.compile(r"(?:giai doan|gd|nam)?\s*(\d{1,4})")


def parse_phase(value) -> int:
    """``1``, "Giai đoạn 1", "GĐ 2", "Năm 2024" → the number; "Cả chương trình" → 0."""
    if isinstance(value, bool):
        raise ValueError(f"không rõ giai đoạn “{value}”")
    if isinstance(value, int | float):
        if float(value).is_integer() and value >= 0:
            return int(value)
        raise ValueError(f"không rõ giai đoạn “{value}”")
    text = fold(clean(value)).replace(".", " ").replace(":", " ")
    text = " ".join(text.split())
    if any(text.startswith(w) for w in _WHOLE_WORDS):
        return WHOLE_PROGRAMME
    match = _PHASE_NUMBER.fullmatch(text)
    if match:
        return int(match.group(1))
    raise ValueError(f"không rõ giai đoạn “{value}” (ghi 1, 2, “Giai đoạn 1” hoặc "
                     "“Cả chương trình”)")


INITIATIVE_COLUMNS = (
    Column("code", ("Mã đơn vị", "Mã", "Mã CĐCS"), label="Mã đơn vị"),
    Column("name", ("Tên đơn vị", "Đơn vị", "Tên công đoàn", "Tên CĐCS"), label="Tên đơn vị"),
    Column("phase", ("Giai đoạn", "Giai đoạn chương trình", "GĐ"), parse=parse_phase,
           label="Giai đoạn"),
    Column("target", ("Chỉ tiêu", "Chỉ tiêu sáng kiến", "Số sáng kiến", "Chỉ tiêu giao"),
           parse=parse_count, required=True, label="Chỉ tiêu"),
    Column("programme", ("Chương trình", "Mã chương trình"), label="Chương trình"),
)

FUND_MODEL_COLUMNS = (
    Column("code", ("Mã đơn vị", "Mã"), label="Mã đơn vị"),
    Column("name", ("Tên đơn vị", "Đơn vị"), label="Tên đơn vị"),
    Column("total", ("Tổng số CĐCS", "Tổng số công đoàn cơ sở"), parse=parse_count,
           required=True, label="Tổng số CĐCS"),
    Column("running", ("Số CĐCS đã thực hiện", "Số CĐCS đã thực hiện trong năm",
                       "CĐCS đã thực hiện"), parse=parse_count, required=True,
           label="Số CĐCS đã thực hiện"),
    Column("to_add", ("Số CĐCS thực hiện", "Số CĐCS thực hiện năm", "Số CĐCS thực hiện mới",
                      "Chỉ tiêu"), parse=parse_count, required=True,
           label="Số CĐCS thực hiện"),
)

_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")


# ---- finding units ----------------------------------------------------------------------

# Folded abbreviations and their long forms: both sides are written short before comparing.
_SHORT_FORMS = (
    ("lien doan lao dong", "ldld"),
    ("cong doan co so", "cdcs"),
    ("cong doan nganh", "cdn"),
    ("cong doan", "cd"),
    ("thanh pho", "tp"),
)
_PREFIXES = ("ldld", "cdcs", "cdn", "cd")


def relaxed_name(name: str) -> str:
    """Folded, abbreviations shortened, the organisation prefix dropped:
    "LĐLD huyện Phong Thô" and "Liên đoàn Lao động huyện Phong Thổ" → "huyen phong tho"."""
    text = f" {fold(name)} "
    for long, short in _SHORT_FORMS:
        text = text.replace(f" {long} ", f" {short} ")
    words = text.split()
    while words and words[0] in _PREFIXES:
        words = words[1:]
    return " ".join(words)


class UnitFinder:
    """Units by code or name; names matched exactly (ignoring tones), then relaxed."""

    def __init__(self, session: Session, prefer: UnitKind | None = None):
        self.session = session
        rows = session.execute(select(Unit.id, Unit.code, Unit.name, Unit.kind).where(
            Unit.deleted_at.is_(None), Unit.merged_into_id.is_(None))).all()
        self.units = [(uid, code, name, UnitKind(kind), relaxed_name(name))
                      for uid, code, name, kind in rows]
        self.prefer = prefer
        self.cache: dict[tuple[str, str], Unit] = {}

    def find(self, code: str | None, name: str | None) -> Unit:
        key = (clean(code or ""), clean(name or ""))
        if key not in self.cache:
            self.cache[key] = self._find(*key)
        return self.cache[key]

    def _find(self, code: str, name: str) -> Unit:
        if not code and not name:
            raise UserError("Thiếu Mã đơn vị hoặc Tên đơn vị")
        if code:
            unit = org.find_by_code(self.session, code)
            if unit is None and not name:
                raise UserError(f"Không có đơn vị mã {code.upper()}")
            if unit is not None:
                return self._active(unit)
        unit = org.find_unit(self.session, name)
        if unit is not None:
            return self._active(unit)
        return self._relaxed(name)

    def _active(self, unit: Unit) -> Unit:
        if unit.merged_into_id is not None:
            raise UserError(f"Đơn vị {unit.name} ({unit.code}) đã sáp nhập vào đơn vị khác")
        return unit

    def _relaxed(self, name: str) -> Unit:
        wanted = relaxed_name(name)
        candidates = []
        if wanted:
            candidates = [u for u in self.units if u[4] == wanted]
            if not candidates:  # "thanh pho" → "thanh pho lai chau", "vien chuc" → "… tinh"
                candidates = [u for u in self.units if u[4].startswith(wanted + " ")]
            if len(candidates) > 1 and self.prefer is not None:
                candidates = [u for u in candidates if u[3] == self.prefer] or candidates
        if len(candidates) == 1:
            return self.session.get_one(Unit, candidates[0][0])
        if len(candidates) > 1:
            names = ", ".join(f"{u[2]} ({u[1]})" for u in candidates[:4])
            raise UserError(f"Tên đơn vị “{name}” khớp với nhiều đơn vị: {names}; hãy ghi mã đơn vị")
        hints = org.suggest_units(self.session, name)
        hint = f" Có phải: {', '.join(hints)}?" if hints else ""
        raise UserError(f"Không tìm thấy đơn vị “{name}”.{hint}")


# ---- the import -------------------------------------------------------------------------

def _read(path: Path, progress: Progress, is_cancelled: Cancelled):
    """(kind, read result, columns): fund model if its headers are there, else initiatives."""
    try:
        return FUND_MODEL, read_rows(path, FUND_MODEL_COLUMNS, progress=progress,
                                     is_cancelled=is_cancelled), FUND_MODEL_COLUMNS
    except WorkbookError as fund_error:
        if not path.is_file() or "tiêu đề" not in str(fund_error):
            raise
    try:
        return INITIATIVE, read_rows(path, INITIATIVE_COLUMNS, progress=progress,
                                     is_cancelled=is_cancelled), INITIATIVE_COLUMNS
    except WorkbookError as exc:
        if "tiêu đề" not in str(exc):
            raise
        raise WorkbookError(
            f"Không nhận ra bảng chỉ tiêu trong tệp «{path.name}». Bảng chỉ tiêu sáng kiến cần "
            "các cột: Mã đơn vị hoặc Tên đơn vị; Giai đoạn; Chỉ tiêu. Bảng chỉ tiêu mô hình "
            "“Quỹ Tương hỗ Công đoàn” cần các cột: Tên đơn vị; Tổng số CĐCS; Số CĐCS đã thực "
            "hiện trong năm …; Số CĐCS thực hiện năm …."
        ) from exc


def import_targets(
    db: AppDatabase,
    path: str | Path,
    *,
    dry_run: bool,
    year: int | None = None,
    programme: str | None = None,
    phase: int | None = None,
    progress: Progress = None,
    is_cancelled: Cancelled = None,
) -> TargetImportResult:
    """Targets from a workbook (kind detected from the headers).

    ``year``: the fund model year when the headers do not name it (if both do, they must
    agree). ``programme``/``phase``: for initiative targets, used where the sheet has no
    "Chương trình" / "Giai đoạn" column or cell (programme default: 1TRIEU-SK).
    """
    if not db.office_code:
        raise UserError("Chưa khởi tạo đơn vị của văn phòng (lệnh init).")
    path = Path(path)
    kind, read, columns = _read(path, progress, is_cancelled)
    parsed, rejected = parse_rows(read, columns)
    if kind == FUND_MODEL:
        year = _fund_year(read.headers, year)

    def work(session: Session) -> TargetImportResult:
        result = TargetImportResult(rejected=list(rejected), kind=kind,
                                    year=year if kind == FUND_MODEL else None)
        if kind == FUND_MODEL:
            assert year is not None  # _fund_year found it or raised
            _import_fund_model(session, parsed, year, result, is_cancelled)
        else:
            _import_initiative(session, parsed, programme, phase, result, is_cancelled)
        result.rejected.sort(key=lambda r: r.number)
        return result

    return db.run(work, dry_run=dry_run)


def _fund_year(headers: dict[str, str], given: int | None) -> int:
    found = _YEAR.search(headers.get("to_add", ""))
    header_year = int(found.group(1)) if found else None
    if header_year and given and header_year != given:
        raise UserError(
            f"Tiêu đề cột “{headers['to_add']}” ghi năm {header_year}, khác năm {given} đã chọn."
        )
    year = header_year or given
    if not year:
        raise UserError(
            f"Không xác định được năm của chỉ tiêu: tiêu đề cột “{headers.get('to_add', '')}” "
            "không ghi năm; hãy chọn năm (--year)."
        )
    return year


def _check_cancel(is_cancelled: Cancelled) -> None:
    if is_cancelled and is_cancelled():
        raise errors.Cancelled


def _import_fund_model(session: Session, rows: list[ParsedRow], year: int,
                       result: TargetImportResult, is_cancelled: Cancelled) -> None:
    finder = UnitFinder(session, prefer=UnitKind.UPPER)
    seen: dict[uuid.UUID, int] = {}
    start = utcnow()
    for index, row in enumerate(rows):
        _check_cancel(is_cancelled)
        data = row.data
        try:
            unit = finder.find(data.get("code"), data.get("name"))
            if unit.id in seen:
                raise UserError(f"{unit.name} đã có ở dòng {seen[unit.id]}")
            figures = FundModelFigures(data["total"], data["running"], data["to_add"])
            existing = session.scalar(select(FundModelTarget).where(
                FundModelTarget.unit_id == unit.id, FundModelTarget.year == year))
            if existing is not None and existing.deleted_at is None and (
                existing.grassroots_total, existing.running_before, existing.to_add
            ) == (figures.grassroots_total, figures.running_before, figures.to_add):
                seen[unit.id] = row.number
                result.skipped.append(row)
                continue
            target = set_fund_model_target(session, unit.id, year, figures)
            if existing is None:  # keep the sheet's order (the report lists creation order)
                target.created_at = target.updated_at = start + timedelta(milliseconds=index)
            session.flush()
        except UserError as exc:
            result.rejected.append(row.reject(str(exc)))
            continue
        seen[unit.id] = row.number
        result.accepted.append(row)


def _programme(session: Session, text: str, cache: dict) -> Programme:
    if text not in cache:
        cache[text] = find_programme(session, text)
    if cache[text] is None:
        raise UserError(f"Không tìm thấy chương trình “{text}”")
    return cache[text]


def _phases(session: Session, programme: Programme, cache: dict) -> set[int]:
    if programme.id not in cache:
        cache[programme.id] = set(session.scalars(select(ProgrammePhase.number).where(
            ProgrammePhase.programme_id == programme.id, ProgrammePhase.deleted_at.is_(None))))
    return cache[programme.id]


def _import_initiative(session: Session, rows: list[ParsedRow], programme: str | None,
                       phase: int | None, result: TargetImportResult,
                       is_cancelled: Cancelled) -> None:
    finder = UnitFinder(session)
    programmes: dict[str, Programme | None] = {}
    phases: dict[uuid.UUID, set[int]] = {}
    seen: dict[tuple, int] = {}
    for row in rows:
        _check_cancel(is_cancelled)
        data = row.data
        try:
            found = _programme(session, data.get("programme") or programme or DEFAULT_PROGRAMME,
                               programmes)
            number = data.get("phase")
            if number is None:
                number = phase
            if number is None:
                raise UserError("Thiếu Giai đoạn")
            if number != WHOLE_PROGRAMME and number not in _phases(session, found, phases):
                listed = ", ".join(str(n) for n in sorted(_phases(session, found, phases)))
                raise UserError(f"Giai đoạn: chương trình {found.code} không có giai đoạn "
                                f"{number} (các giai đoạn: {listed}; 0 = cả chương trình)")
            unit = finder.find(data.get("code"), data.get("name"))
            key = (unit.id, found.id, number)
            if key in seen:
                raise UserError(f"{unit.name}, giai đoạn {number} đã có ở dòng {seen[key]}")
            existing = session.scalar(select(InitiativeTarget).where(
                InitiativeTarget.unit_id == unit.id, InitiativeTarget.programme_id == found.id,
                InitiativeTarget.phase_number == number))
            seen[key] = row.number
            if (existing is not None and existing.deleted_at is None
                    and existing.target == data["target"]):
                result.skipped.append(row)
                continue
            set_initiative_target(session, unit.id, found.id, number, data["target"])
            session.flush()
        except UserError as exc:
            result.rejected.append(row.reject(str(exc)))
            continue
        result.accepted.append(row)
