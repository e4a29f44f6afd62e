"""Organisation registry use cases: create, rename, move and merge units; member counts.

Units are data: a unit's ``code`` never changes, a rename or move is written to its
history, and a merged unit stays (with its code and history) pointing at the unit that
absorbed it, whose members and sub-units it hands over.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from core.common import limits, similarity
from core.common.errors import NotFound, UserError
from core.common.text import clean, fold
from db.models import Member, Sector, Unit, UnitEvent, UnitKind, UnitMemberCount, utcnow

KIND_LABELS = {
    UnitKind.PROVINCE: "LĐLĐ tỉnh",
    UnitKind.UPPER: "Công đoàn cấp trên trực tiếp cơ sở",
    UnitKind.GRASSROOTS: "Công đoàn cơ sở",
}
SECTOR_LABELS = {
    Sector.ADMINISTRATION: "Hành chính sự nghiệp",
    Sector.EDUCATION: "Giáo dục",
    Sector.HEALTH: "Y tế",
    Sector.ENTERPRISE: "Doanh nghiệp",
    Sector.OTHER: "Khác",
}
# Which kind of unit may sit directly under which.
_PARENT_KIND = {
    UnitKind.GRASSROOTS: {UnitKind.UPPER},
    UnitKind.UPPER: {UnitKind.PROVINCE},
    UnitKind.PROVINCE: set(),
}


@dataclass
class UnitInput:
    code: str
    name: str
    kind: UnitKind
    parent_code: str | None = None
    sector: Sector | None = None


@dataclass(frozen=True)
class UnitNode:
    """A unit as the tree and lists show it."""

    id: uuid.UUID
    code: str
    name: str
    kind: UnitKind
    parent_id: uuid.UUID | None
    sector: Sector | None
    merged_into_id: uuid.UUID | None


def find_by_code(session: Session, code: str) -> Unit | None:
    return session.scalar(select(Unit).where(Unit.code == clean(code).upper()))


def get_unit(session: Session, unit_id: uuid.UUID) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None or unit.deleted_at is not None:
        raise NotFound("Không tìm thấy đơn vị.")
    return unit


def find_unit(session: Session, code_or_name: str) -> Unit | None:
    """By code, else by name ignoring case, tones and đ (only when exactly one matches)."""
    text = clean(code_or_name)
    if not text:
        return None
    unit = find_by_code(session, text)
    if unit is not None:
        return unit
    matches = session.scalars(
        select(Unit).where(Unit.name_folded == fold(text), Unit.deleted_at.is_(None))
    ).all()
    active = [u for u in matches if u.merged_into_id is None] or matches
    return active[0] if len(active) == 1 else None


def suggest_units(session: Session, name: str, limit: int = 3) -> list[str]:
    """Names of the units closest to ``name`` (for "Có phải …?" messages), best first; only
    names alike enough to be the one meant with a typo or a word missing at an end
    (:func:`core.common.similarity.closest_names`), never an unrelated unit."""
    names = session.scalars(select(Unit.name).where(Unit.deleted_at.is_(None)).order_by(Unit.code)).all()
    return similarity.closest_names(name, names, limit=limit)


def _check_parent(session: Session, kind: UnitKind, parent_code: str | None) -> Unit | None:
    if not parent_code:
        if kind != UnitKind.PROVINCE:
            raise UserError(f"{KIND_LABELS[kind]} cần có đơn vị cấp trên.")
        return None
    parent = find_by_code(session, parent_code)
    if parent is None:
        raise UserError(f"Không có đơn vị cấp trên mã {parent_code}.")
    if not parent.is_active:
        raise UserError(f"Đơn vị cấp trên {parent.name} đã sáp nhập, không nhận đơn vị mới.")
    if parent.kind not in _PARENT_KIND[kind]:
        raise UserError(f"{KIND_LABELS[kind]} không thể trực thuộc {KIND_LABELS[parent.kind]}.")
    return parent


def create_unit(session: Session, data: UnitInput, on: date | None = None) -> Unit:
    code, name = clean(data.code).upper(), clean(data.name)
    if not code:
        raise UserError("Thiếu mã đơn vị.")
    if not name:
        raise UserError("Thiếu tên đơn vị.")
    limits.check("Mã đơn vị", code, limits.UNIT_CODE)
    limits.check("Tên đơn vị", name, limits.UNIT_NAME)
    if find_by_code(session, code) is not None:
        raise UserError(f"Mã đơn vị {code} đã có.")
    parent = _check_parent(session, data.kind, data.parent_code)
    unit = Unit(
        code=code,
        name=name,
        name_folded=fold(name),
        kind=data.kind,
        sector=data.sector,
        parent_id=parent.id if parent else None,
    )
    session.add(unit)
    session.flush()
    _event(session, unit, "created", f"Thành lập: {name}", on)
    return unit


def update_unit(
    session: Session,
    unit_id: uuid.UUID,
    *,
    name: str,
    sector: Sector | None,
    parent_code: str | None,
    on: date | None = None,
) -> Unit:
    """Rename and/or move a unit; each change goes to its history."""
    unit = get_unit(session, unit_id)
    name = clean(name)
    if not name:
        raise UserError("Thiếu tên đơn vị.")
    limits.check("Tên đơn vị", name, limits.UNIT_NAME)
    if name != unit.name:
        _event(session, unit, "renamed", f"Đổi tên từ “{unit.name}” thành “{name}”", on)
        unit.name, unit.name_folded = name, fold(name)
    current_parent = unit.parent.code if unit.parent else None
    if (parent_code or None) != current_parent:
        parent = _check_parent(session, unit.kind, parent_code)
        if parent is not None and parent.id in subtree_ids(session, unit.id):
            raise UserError("Không thể chuyển đơn vị vào chính đơn vị con của nó.")
        _event(
            session,
            unit,
            "moved",
            f"Chuyển từ {current_parent or '—'} sang {parent.code if parent else '—'}",
            on,
            parent,
        )
        unit.parent_id = parent.id if parent else None
    unit.sector = sector
    return unit


def merge_units(session: Session, source_id: uuid.UUID, target_id: uuid.UUID, on: date) -> int:
    """Merge ``source`` into ``target``; returns how many members moved.

    The source keeps its row, code and history, marked merged into the target; its
    members and sub-units move to the target.
    """
    source, target = get_unit(session, source_id), get_unit(session, target_id)
    if source.id == target.id:
        raise UserError("Không thể sáp nhập một đơn vị vào chính nó.")
    if not source.is_active:
        raise UserError(f"{source.name} đã được sáp nhập trước đó.")
    if not target.is_active:
        raise UserError(f"{target.name} đã sáp nhập, không nhận thêm đơn vị.")
    if source.kind != target.kind:
        raise UserError("Chỉ sáp nhập hai đơn vị cùng cấp.")
    if target.id in subtree_ids(session, source.id):
        raise UserError("Không thể sáp nhập đơn vị vào đơn vị con của nó.")
    # A bulk UPDATE without RETURNING yields a CursorResult; Session.execute is typed as Result.
    moved = cast(
        CursorResult[Any],
        session.execute(
            update(Member)
            .where(Member.unit_id == source.id, Member.deleted_at.is_(None))
            .values(unit_id=target.id, row_version=Member.row_version + 1, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        ),
    ).rowcount
    for child in session.scalars(select(Unit).where(Unit.parent_id == source.id)):
        child.parent_id = target.id
    source.merged_into_id, source.merged_on = target.id, on
    _event(session, source, "merged", f"Sáp nhập vào {target.name} ({target.code})", on, target)
    _event(session, target, "absorbed", f"Tiếp nhận {source.name} ({source.code})", on, source)
    session.flush()
    session.expire_all()  # members were moved by a bulk UPDATE behind the ORM's back
    return moved


def subtree_ids(session: Session, unit_id: uuid.UUID, *, merged: bool = False) -> set[uuid.UUID]:
    """The unit and every unit below it (recursive CTE: portable to PostgreSQL); with
    ``merged`` also every unit merged into one of those, whose records now count for it
    (what a unit's initiatives, progress and reports take in)."""
    tree = select(Unit.id).where(Unit.id == unit_id).cte("tree", recursive=True)
    below = Unit.parent_id == tree.c.id
    if merged:
        below = below | (Unit.merged_into_id == tree.c.id)
    tree = tree.union(select(Unit.id).where(below))
    return set(session.scalars(select(tree.c.id)))


def unit_tree(session: Session, include_merged: bool = False) -> list[UnitNode]:
    """All units, parents before children, siblings by name."""
    query = select(Unit).where(Unit.deleted_at.is_(None)).order_by(Unit.kind, Unit.name_folded)
    if not include_merged:
        query = query.where(Unit.merged_into_id.is_(None))
    units = session.scalars(query).all()
    by_parent: dict[uuid.UUID | None, list[Unit]] = {}
    for unit in units:
        by_parent.setdefault(unit.parent_id, []).append(unit)
    ids = {u.id for u in units}
    ordered: list[UnitNode] = []

    def walk(parent_id):
        for unit in sorted(by_parent.get(parent_id, []), key=lambda u: u.name_folded):
            ordered.append(
                UnitNode(unit.id, unit.code, unit.name, unit.kind, unit.parent_id, unit.sector,
                         unit.merged_into_id)
            )
            walk(unit.id)

    roots = [u for u in units if u.parent_id is None or u.parent_id not in ids]
    for root in sorted(roots, key=lambda u: u.name_folded):
        ordered.append(
            UnitNode(root.id, root.code, root.name, root.kind, root.parent_id, root.sector,
                     root.merged_into_id)
        )
        walk(root.id)
    return ordered


def unit_history(session: Session, unit_id: uuid.UUID) -> list[UnitEvent]:
    return list(
        session.scalars(
            select(UnitEvent)
            .where(UnitEvent.unit_id == unit_id, UnitEvent.deleted_at.is_(None))
            .order_by(UnitEvent.created_at)
        )
    )


def set_member_count(
    session: Session, unit_id: uuid.UUID, year: int, members: int, female: int | None = None
) -> UnitMemberCount:
    if members < 0 or (female is not None and not 0 <= female <= members):
        raise UserError("Số đoàn viên không hợp lệ (số nữ phải từ 0 đến tổng số).")
    row = session.scalar(
        select(UnitMemberCount).where(
            UnitMemberCount.unit_id == unit_id, UnitMemberCount.year == year
        )
    )
    if row is None:
        row = UnitMemberCount(unit_id=unit_id, year=year, members=members, female=female)
        session.add(row)
    else:  # (one row per unit and year: a deleted one comes back)
        row.members, row.female, row.deleted_at = members, female, None
    return row


def next_unit_code(session: Session, office_code: str) -> str:
    """A new code carrying this office's code, e.g. "VL-0042", unique across offices."""
    prefix = f"{office_code}-"
    codes = session.scalars(select(Unit.code).where(Unit.code.like(prefix + "%"))).all()
    numbers = [int(c[len(prefix):]) for c in codes if c[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def _event(session, unit, kind, detail, on, other: Unit | None = None) -> None:
    session.add(
        UnitEvent(
            unit_id=unit.id,
            on=on or date.today(),
            kind=kind,
            detail=detail,
            other_unit_id=other.id if other else None,
        )
    )
