"""Targets (chỉ tiêu): initiatives per unit and programme phase, and the mutual-aid fund
model per upper-level union and year. Set by hand (the targets grid: :func:`target_grid`,
:func:`save_targets`), imported, or received from the province."""

from __future__ import annotations

import math
import uuid
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.common.errors import UserError
from db.models import (
    FundModelTarget,
    InitiativeTarget,
    Member,
    Unit,
    UnitKind,
    UnitMemberCount,
    utcnow,
)

WHOLE_PROGRAMME = 0  # phase_number of a target for the programme as a whole

SUGGESTED_SHARE_PERCENT = 10  # at least 10% of members have an initiative (seed 003)


def suggested_initiative_target(members: int) -> int:
    """10% of the unit's members, rounded up (the user may override it)."""
    return math.ceil(members * SUGGESTED_SHARE_PERCENT / 100)


def member_counts(session: Session, year: int) -> dict[uuid.UUID, int]:
    """Members per unit (its own, not its sub-units'): the latest yearly count at or before
    ``year``, or, for a unit without counts, the members on its list."""
    latest = (
        select(UnitMemberCount.unit_id, func.max(UnitMemberCount.year).label("year"))
        .where(UnitMemberCount.year <= year, UnitMemberCount.deleted_at.is_(None))
        .group_by(UnitMemberCount.unit_id).subquery()
    )
    counted = dict(session.execute(
        select(UnitMemberCount.unit_id, UnitMemberCount.members).join(
            latest, (latest.c.unit_id == UnitMemberCount.unit_id)
            & (latest.c.year == UnitMemberCount.year))
        .where(UnitMemberCount.deleted_at.is_(None))
    ).all())
    listed = session.execute(
        select(Member.unit_id, func.count()).where(Member.deleted_at.is_(None))
        .group_by(Member.unit_id)
    ).all()
    for unit_id, count in listed:
        counted.setdefault(unit_id, count)
    return counted


def _check_count(value: int, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise UserError(f"{what} phải là số nguyên không âm.")
    return value


def set_initiative_target(session: Session, unit_id: uuid.UUID, programme_id: uuid.UUID,
                          phase_number: int, target: int) -> InitiativeTarget:
    _check_count(target, "Chỉ tiêu")
    row = session.scalar(select(InitiativeTarget).where(
        InitiativeTarget.unit_id == unit_id, InitiativeTarget.programme_id == programme_id,
        InitiativeTarget.phase_number == phase_number))
    if row is None:
        row = InitiativeTarget(unit_id=unit_id, programme_id=programme_id,
                               phase_number=phase_number, target=target)
        session.add(row)
    else:
        row.target, row.deleted_at = target, None
    return row


def initiative_targets(session: Session, programme_id: uuid.UUID,
                       phase_number: int) -> dict[uuid.UUID, int]:
    rows = session.execute(select(InitiativeTarget.unit_id, InitiativeTarget.target).where(
        InitiativeTarget.programme_id == programme_id,
        InitiativeTarget.phase_number == phase_number,
        InitiativeTarget.deleted_at.is_(None)))
    return dict(rows.all())


# ---- the targets grid: the units under one unit, their suggestion and target, edited in place -

@dataclass(frozen=True)
class TargetGridRow:
    unit_id: uuid.UUID
    code: str
    name: str
    kind: UnitKind
    members: int  # in the unit and the units below it
    suggested: int  # 10% of members, rounded up
    target: int | None  # the unit's own target for the phase (None: not set)


def target_grid(session: Session, programme_id: uuid.UUID, phase: int | None,
                parent_id: uuid.UUID, year: int) -> list[TargetGridRow]:
    """The active units directly under ``parent_id`` with members, suggestion and target."""
    phase_number = WHOLE_PROGRAMME if phase is None else phase
    units = session.execute(
        select(Unit.id, Unit.code, Unit.name, Unit.kind, Unit.parent_id, Unit.merged_into_id,
               Unit.name_folded).where(Unit.deleted_at.is_(None))
    ).all()
    own = member_counts(session, year)
    below: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for u in units:
        if u.parent_id is not None:
            below[u.parent_id].append(u.id)

    def members(unit_id: uuid.UUID) -> int:
        total, stack, seen = 0, [unit_id], set()
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            total += own.get(current, 0)
            stack.extend(below.get(current, ()))
        return total

    targets = initiative_targets(session, programme_id, phase_number)
    rows = []
    children = [u for u in units if u.parent_id == parent_id and u.merged_into_id is None]
    for u in sorted(children, key=lambda u: u.name_folded):
        count = members(u.id)
        rows.append(TargetGridRow(u.id, u.code, u.name, UnitKind(u.kind), count,
                                  suggested_initiative_target(count), targets.get(u.id)))
    return rows


def save_targets(session: Session, programme_id: uuid.UUID, phase: int | None,
                 targets: Mapping[uuid.UUID, int | None]) -> int:
    """Set (or, for ``None``, remove) the units' targets for the phase, in the caller's
    transaction; returns how many changed."""
    phase_number = WHOLE_PROGRAMME if phase is None else phase
    existing = {row.unit_id: row for row in session.scalars(select(InitiativeTarget).where(
        InitiativeTarget.programme_id == programme_id,
        InitiativeTarget.phase_number == phase_number,
        InitiativeTarget.unit_id.in_(list(targets))))}
    changed = 0
    for unit_id, value in targets.items():
        row = existing.get(unit_id)
        if value is None:
            if row is not None and row.deleted_at is None:
                row.deleted_at = utcnow()
                changed += 1
            continue
        if row is not None and row.deleted_at is None and row.target == value:
            continue
        set_initiative_target(session, unit_id, programme_id, phase_number, value)
        changed += 1
    return changed


# ---- the mutual-aid fund model -------------------------------------------------------------------

def fund_model_years(session: Session) -> list[int]:
    """Years with mutual-aid fund model targets, newest first."""
    return list(session.scalars(
        select(FundModelTarget.year).where(FundModelTarget.deleted_at.is_(None))
        .group_by(FundModelTarget.year).order_by(FundModelTarget.year.desc())))


@dataclass(frozen=True)
class FundModelFigures:
    grassroots_total: int
    running_before: int
    to_add: int


def set_fund_model_target(session: Session, unit_id: uuid.UUID, year: int,
                          figures: FundModelFigures) -> FundModelTarget:
    total = _check_count(figures.grassroots_total, "Tổng số CĐCS")
    running = _check_count(figures.running_before, "Số CĐCS đã thực hiện")
    to_add = _check_count(figures.to_add, "Số CĐCS thực hiện thêm")
    if running + to_add > total:
        raise UserError(
            f"Số CĐCS đã thực hiện ({running}) cộng số thực hiện thêm ({to_add}) "
            f"vượt tổng số CĐCS ({total})."
        )
    row = session.scalar(select(FundModelTarget).where(
        FundModelTarget.unit_id == unit_id, FundModelTarget.year == year))
    if row is None:
        row = FundModelTarget(unit_id=unit_id, year=year, grassroots_total=total,
                              running_before=running, to_add=to_add)
        session.add(row)
    else:
        row.grassroots_total, row.running_before, row.to_add = total, running, to_add
        row.deleted_at = None
    return row
