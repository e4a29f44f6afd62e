"""Progress against targets, computed from the records every time (never stored by hand).

One GROUP BY over the register (served by a covering index) gives counts per unit, phase
and status; the unit tree then rolls them up CĐCS → upper-level union → province. A merged
unit's initiatives count for the unit that absorbed it. Percent is rounded half up to a whole
number, as the source documents do (1.775 of 1.200 → 148%).
"""

from __future__ import annotations

import enum
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.common.errors import NotFound
from core.common.vnformat import format_percent
from core.targets.targets import WHOLE_PROGRAMME, initiative_targets
from db import tally
from db.models import InitiativeStatus, Programme, ProgrammePhase, Unit, UnitKind


class CountRule(enum.StrEnum):
    REGISTERED = "registered"  # đang xem xét + hợp lệ (drafts and rejected never count)
    VALID = "valid"  # only hợp lệ


COUNTED = {
    CountRule.REGISTERED: {InitiativeStatus.UNDER_REVIEW, InitiativeStatus.VALID},
    CountRule.VALID: {InitiativeStatus.VALID},
}


@dataclass
class ProgressRow:
    unit_id: uuid.UUID | None  # None only on a report's totals row
    code: str
    name: str
    kind: UnitKind
    depth: int
    parent_id: uuid.UUID | None
    target: int | None = None
    own_target: bool = False  # False: the target is the sum of the sub-units' targets
    valid: int = 0
    under_review: int = 0
    rejected: int = 0
    achieved: int = 0
    expected: int | None = None  # pro-rata for the days elapsed in the phase

    @property
    def percent(self) -> int | None:
        return format_percent(self.achieved, self.target) if self.target else None

    @property
    def shortfall(self) -> int:
        return max((self.target or 0) - self.achieved, 0)

    @property
    def behind(self) -> bool:
        """Behind schedule: fewer than the pro-rata expectation for today."""
        return self.expected is not None and self.achieved < self.expected


@dataclass
class ProgressTable:
    programme: str
    phase: int | None
    phase_label: str
    starts_on: date | None
    ends_on: date | None
    as_of: date
    rule: CountRule
    rows: list[ProgressRow] = field(default_factory=list)

    def by_code(self, code: str) -> ProgressRow:
        return next(r for r in self.rows if r.code == code)


def expected_by(target: int, starts: date, ends: date, as_of: date) -> int:
    """Pro-rata share of ``target`` for the days elapsed, rounded half up."""
    if as_of < starts:
        return 0
    if as_of >= ends:
        return target
    total = (ends - starts).days + 1
    elapsed = (as_of - starts).days + 1
    return (2 * target * elapsed + total) // (2 * total)


def _counts(session: Session, programme_id: uuid.UUID, phase: int | None):
    """[(unit_id, status, count)] for the programme (one phase, or all), from the tally
    (db/tally.py: the register already grouped, kept exact by triggers)."""
    t = tally.source(session)
    query = (
        select(t.c.unit_id, t.c.status, func.sum(t.c.initiatives))
        .where(t.c.programme_id == programme_id)
        .group_by(t.c.unit_id, t.c.status)
    )
    if phase is not None:
        query = query.where(t.c.phase_key == phase)
    return session.execute(query).all()


def _units(session: Session):
    return session.execute(
        select(Unit.id, Unit.code, Unit.name, Unit.kind, Unit.parent_id, Unit.merged_into_id,
               Unit.name_folded)
        .where(Unit.deleted_at.is_(None))
    ).all()


def progress(session: Session, programme_id: uuid.UUID, phase: int | None, *,
             as_of: date | None = None, rule: CountRule = CountRule.REGISTERED,
             root_code: str | None = None) -> ProgressTable:
    """Progress of every active unit (or of ``root_code`` and below), parents first."""
    as_of = as_of or date.today()
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFound("Không tìm thấy chương trình đã chọn.")
    phase_row = None
    if phase is not None:
        phase_row = session.scalar(select(ProgrammePhase).where(
            ProgrammePhase.programme_id == programme_id, ProgrammePhase.number == phase))
    starts = phase_row.starts_on if phase_row else programme.eligible_from
    ends = phase_row.ends_on if phase_row else programme.eligible_to
    if phase_row is None and programme.phases:
        starts = starts or programme.phases[0].starts_on
        ends = ends or programme.phases[-1].ends_on
    label = phase_row.name if phase_row else "Cả chương trình"
    table = ProgressTable(programme.name, phase, label, starts, ends, as_of, rule)

    units = _units(session)
    info = {u.id: u for u in units}

    def effective(unit_id):
        seen = 0
        while info[unit_id].merged_into_id is not None and seen < 50:
            unit_id, seen = info[unit_id].merged_into_id, seen + 1
        return unit_id

    active = [u for u in units if u.merged_into_id is None]
    children: dict[uuid.UUID | None, list] = defaultdict(list)
    active_ids = {u.id for u in active}
    for u in active:
        children[u.parent_id if u.parent_id in active_ids else None].append(u)

    own: dict[uuid.UUID, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for unit_id, status, count in _counts(session, programme_id, phase):
        if unit_id in info:
            own[effective(unit_id)][status] += count
    targets = initiative_targets(session, programme_id, WHOLE_PROGRAMME if phase is None else phase)
    for unit_id in list(targets):
        if unit_id in info and info[unit_id].merged_into_id is not None:
            targets[effective(unit_id)] = targets.get(effective(unit_id), 0) + targets.pop(unit_id)

    counted = COUNTED[rule]

    def build(unit, depth) -> ProgressRow:
        row = ProgressRow(unit.id, unit.code, unit.name, UnitKind(unit.kind), depth, unit.parent_id)
        table.rows.append(row)
        statuses = own.get(unit.id, {})
        row.valid = statuses.get(InitiativeStatus.VALID, 0)
        row.under_review = statuses.get(InitiativeStatus.UNDER_REVIEW, 0)
        row.rejected = statuses.get(InitiativeStatus.REJECTED, 0)
        row.achieved = sum(n for s, n in statuses.items() if s in counted)
        child_target_sum, any_child_target = 0, False
        for child in sorted(children.get(unit.id, []), key=lambda u: u.name_folded):
            sub = build(child, depth + 1)
            row.valid += sub.valid
            row.under_review += sub.under_review
            row.rejected += sub.rejected
            row.achieved += sub.achieved
            if sub.target is not None:
                child_target_sum += sub.target
                any_child_target = True
        if unit.id in targets:
            row.target, row.own_target = targets[unit.id], True
        elif any_child_target:
            row.target = child_target_sum
        if row.target is not None and starts and ends:
            row.expected = expected_by(row.target, starts, ends, as_of)
        return row

    roots = children[None]
    if root_code:
        roots = [u for u in active if u.code == root_code.upper()]
    for root in sorted(roots, key=lambda u: u.name_folded):
        build(root, 0)
    return table
