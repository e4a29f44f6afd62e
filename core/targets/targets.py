"""Targets (chỉ tiêu): initiatives per unit and programme phase, and the mutual-aid fund
model per upper-level union and year. Set by hand, imported, or received from the province."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.common.errors import UserError
from db.models import FundModelTarget, InitiativeTarget, Member, UnitMemberCount

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
